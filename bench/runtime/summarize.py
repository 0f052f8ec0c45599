#!/usr/bin/env python3
"""Reads the RESULT lines of one run.sh run (each contender's best over the rounds) and prints
concur's ratios to its peers, with the goals of issue 5."""
import sys


def load(path):
    best = {}
    for line in open(path):
        _, name, value, unit = line.split()
        value = float(value)
        higher_is_better = unit != "s"
        if name not in best or (value > best[name][0] if higher_is_better else value < best[name][0]):
            best[name] = (value, unit)
    return {name: value for name, (value, _) in best.items()}


def main():
    r = load(sys.argv[1])
    rows = []

    def ratio(label, value, goal=None):
        verdict = "" if goal is None else ("  goal >= %g: %s" % (goal, "met" if value >= goal else "NOT met"))
        rows.append(f"  {label:<58} {value:8.2f}x{verdict}")

    print("\nconcur runtime benchmarks (best of the rounds; ratios > 1 favour concur)")
    print(f"  two plain threads vs one on this machine now:              {r['calibrate.two_threads_speedup']:8.2f}x")
    print("\nthread pool")
    for shape, label in (("1000", "batches of 1,000"), ("1000000", "one batch of 1,000,000")):
        c, t, a = (r[f"empty_tasks_{shape}.{x}"] for x in ("concur", "tbb", "asio"))
        rows.append(f"  empty tasks, {label}: concur {c / 1e6:.2f}M/s, oneTBB {t / 1e6:.2f}M/s, Asio {a / 1e6:.2f}M/s")
        ratio(f"  concur / oneTBB task_group ({label})", c / t, 1)
        ratio(f"  concur / Asio thread_pool ({label})", c / a)
    s, c, t = (r[f"parallel_for_fine.{x}"] for x in ("serial", "concur", "tbb"))
    rows.append(f"  fine-grained parallel_for (4M x sin): serial {s * 1e3:.2f} ms, concur {c * 1e3:.2f} ms, oneTBB {t * 1e3:.2f} ms")
    ratio("  concur vs oneTBB parallel_for (tbb time / concur time)", t / c, 1)
    ratio("  concur parallel_for speed-up over serial", s / c)
    ratio("  CPU-bound map speed-up over serial", r["map_cpu.serial"] / r["map_cpu.concur"], 1.8)
    print("\n".join(rows))
    rows.clear()

    print("\ncoroutines: echo, 1,000 connections on loopback, one thread")
    c, a, p = r["echo.concur"], r["echo.asio"], r["echo.asyncio"]
    rows.append(f"  requests/s: concur {c:,.0f}, Asio (C++20 awaitables) {a:,.0f}, asyncio {p:,.0f}")
    ratio("concur / Asio", c / a, 1)
    ratio("concur / asyncio", c / p, 10)
    print("\n".join(rows))
    rows.clear()

    print("\nprocess pool")
    c, p = r["process_map.concur"], r["process_map.python"]
    rows.append(f"  map of 200,000 small tasks: concur {c / 1e6:.1f}M tasks/s, multiprocessing.Pool.map {p / 1e6:.1f}M tasks/s")
    ratio("concur / multiprocessing.Pool.map", c / p, 10)
    c, p = r["process_submit.concur"], r["process_submit.python"]
    rows.append(f"  submit + as_completed, 20,000 tasks: concur {c:,.0f}/s, ProcessPoolExecutor {p:,.0f}/s")
    ratio("concur / ProcessPoolExecutor.submit", c / p)
    c, p = r["seed_squares.concur"], r["seed_squares.python"]
    rows.append(f"  the seed's squares program, whole run: concur {c * 1e3:.1f} ms, Python {p * 1e3:.1f} ms")
    ratio("Python time / concur time", p / c)
    print("\n".join(rows))
    rows.clear()

    print("\nfutures: submit + as_completed over 100,000 tasks")
    c, s = r["futures.concur"], r["futures.std_async"]
    rows.append(f"  concur {c * 1e3:.1f} ms, std::async {s * 1e3:.1f} ms (waves of 1,000: it cannot hold 100,000 threads)")
    ratio("std::async time / concur time", s / c)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
