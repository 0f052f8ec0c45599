#!/usr/bin/env python3
"""Python's side of process_pool_bench.cpp: the same small tasks through multiprocessing.Pool.map
(default chunksize) and through ProcessPoolExecutor.submit + as_completed."""
import concurrent.futures
import multiprocessing
import os
import sys
import time

MAP_ITEMS = 200_000
SUBMIT_ITEMS = 20_000


def small(x):
    return x * x


def best(repeats, body):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    cores = len(os.sched_getaffinity(0))
    case = sys.argv[1]
    if case == "map_small":
        with multiprocessing.Pool(cores) as pool:
            pool.map(small, [1, 2, 3])
            s = best(5, lambda: pool.map(small, range(MAP_ITEMS)))
        print(f"RESULT process_map.python {MAP_ITEMS / s:.6g} tasks/s")
    elif case == "submit_small":
        with concurrent.futures.ProcessPoolExecutor(cores) as executor:
            executor.submit(small, 1).result()

            def body():
                futures = [executor.submit(small, i) for i in range(SUBMIT_ITEMS)]
                sum(f.result() for f in concurrent.futures.as_completed(futures))

            s = best(3, body)
        print(f"RESULT process_submit.python {SUBMIT_ITEMS / s:.6g} tasks/s")


if __name__ == "__main__":
    main()
