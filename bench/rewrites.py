#!/usr/bin/env python3
"""The model rewrites' speed: for each corpus program concur rewrites (test/corpus/models), the
original's wall time against the rewritten program's, measured side by side in one run.

    bench/rewrites.py [--rounds N] [--only SUBSTR]      (needs build/bin/concur and the runtime)

check_rewrites.py --keep first rewrites, builds and verifies every program (a rewrite that is
not verified is not timed). Both binaries are then rebuilt with -O2 and run alternately, N rounds
each (default 5); each keeps its best time. The ratio is original / rewritten: above 1, the
rewrite is faster. Programs with 1,000 or more tasks are marked: there the thread pool's reuse
of threads is the point, and the issue's goal is a ratio of at least 2.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "test", "corpus", "models")
LARGE_FANOUT = {"tpt_cpu_10000_slots", "tpt_cpu_map_collatz", "tpt_jthread_cpu_primes", "mtu_rand_1000_tasks",
                "async_large_fanout_1000", "conn_1000_connections", "tpt_client_fanout_500"}


def build(source, output, runtime_lib=None):
    cmd = ["clang++-19", "-std=c++20", "-O2", "-pthread", "-I" + os.path.join(ROOT, "runtime", "include"),
           source, "-o", output]
    if runtime_lib:
        cmd += [runtime_lib, "-ldl"]
    subprocess.run(cmd, check=True, capture_output=True)


def best_time(binary, rundir):
    start = time.perf_counter()
    subprocess.run([binary], cwd=rundir, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    concur = os.path.join(ROOT, "build", "bin", "concur")
    runtime_lib = os.path.join(ROOT, "build", "runtime", "libconcur_runtime.a")
    for needed in (concur, runtime_lib):
        if not os.path.exists(needed):
            sys.exit("bench: build first (scripts/build.sh): %s is missing" % needed)
    keep = tempfile.mkdtemp(prefix="concur-rewrite-bench-")
    verify = subprocess.run([sys.executable, os.path.join(CORPUS, "check_rewrites.py"), "--concur", concur,
                             "--runtime-include", os.path.join(ROOT, "runtime", "include"), "--runtime-lib",
                             runtime_lib, "--keep", keep] + (["--only", args.only] if args.only else []),
                            capture_output=True, text=True)
    verified = re.findall(r"^PASS (\S+): rewritten to (\S+), same output", verify.stdout, re.M)
    print("machine: %d CPUs, load average %s" % (os.cpu_count(), open("/proc/loadavg").read().split()[0]))
    print("%-30s %-13s %10s %10s %8s" % ("program", "rewritten to", "original", "rewrite", "ratio"))
    slower = []
    for name, model in verified:
        work = os.path.join(keep, name)
        source = next(f for f in os.listdir(os.path.join(work, "src")) if f.endswith(".cpp"))
        original_bin, rewritten_bin = os.path.join(work, "original-O2"), os.path.join(work, "rewritten-O2")
        build(os.path.join(CORPUS, source), original_bin)
        build(os.path.join(work, "src", source), rewritten_bin, runtime_lib)
        rundir = os.path.join(work, "run")
        original = rewritten = float("inf")
        for _ in range(args.rounds):  # alternate, so both see the same machine
            original = min(original, best_time(original_bin, rundir))
            rewritten = min(rewritten, best_time(rewritten_bin, rundir))
        ratio = original / rewritten
        mark = "  (1,000+ tasks: goal >= 2)" if name in LARGE_FANOUT else ""
        print("%-30s %-13s %8.1f ms %7.1f ms %7.2fx%s" % (name, model, original * 1e3, rewritten * 1e3, ratio, mark))
        if ratio < 0.95:
            slower.append(name)
    print("%d rewritten programs timed; %s" % (len(verified), "slower after the rewrite: " + ", ".join(slower)
                                                if slower else "none slower after the rewrite"))


if __name__ == "__main__":
    main()
