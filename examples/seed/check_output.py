#!/usr/bin/env python3
"""Runs a seed example and checks it printed what the Python version prints.

The expected file holds blocks separated by blank lines. Blocks must appear in order; inside a
block the lines may come in any order, because concurrent work finishes in any order (in the
Python programs too). The loopback server's port changes every run and is compared as PORT.
Optionally checks files the program wrote: --file NAME=SIZE.
"""
import argparse
import os
import re
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--expected", required=True)
    parser.add_argument("--file", action="append", default=[], help="NAME=SIZE of a file the program must write")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = [c for c in args.command if c != "--"]

    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        sys.exit(f"{command[0]} exited with {run.returncode}\nstdout:\n{run.stdout}\nstderr:\n{run.stderr}")
    actual = [re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", line) for line in run.stdout.splitlines()]

    with open(args.expected) as f:
        blocks = [b.splitlines() for b in f.read().strip("\n").split("\n\n")]
    failures = []
    at = 0
    for block in blocks:
        got = actual[at:at + len(block)]
        if sorted(got) != sorted(block):
            failures.append(f"lines {at + 1}-{at + len(block)}:\n  expected (any order): {block}\n  got: {got}")
        at += len(block)
    if at != len(actual):
        failures.append(f"unexpected extra output: {actual[at:]}")
    for spec in args.file:
        name, size = spec.split("=")
        if not os.path.exists(name) or os.path.getsize(name) != int(size):
            failures.append(f"file {name} missing or not {size} bytes")
    if failures:
        sys.exit("\n".join(failures) + "\n\nfull output:\n" + run.stdout + run.stderr)
    print(run.stdout, end="")


if __name__ == "__main__":
    main()
