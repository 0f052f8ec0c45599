#!/usr/bin/env python3
"""Times a whole program: time_program.py NAME REPEATS -- COMMAND...; prints the best wall time
of REPEATS runs (stdout discarded) as `RESULT NAME <seconds> s`."""
import subprocess
import sys
import time


def main():
    name, repeats = sys.argv[1], int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
    print(f"RESULT {name} {best:.6g} s")


if __name__ == "__main__":
    main()
