#!/usr/bin/env bash
# Builds the runtime benchmarks (Release, a project of their own that adds runtime/ with
# add_subdirectory) and prints concur's ratios to oneTBB, Boost.Asio, Python's asyncio and
# multiprocessing, and std::async. Every number comes from this one run: the contenders
# alternate round by round, each in a fresh process, and each keeps its best round.
#
#   bench/runtime/run.sh [rounds]        (default 3; env BENCH_BUILD_DIR, CXX)
#
# Needs libtbb-dev, libboost-dev and python3 (scripts/deps/runtime.txt). The build directory
# defaults to one outside the source tree.
#
# The machine is shared: the first line of the summary says how much two threads gain over one
# right now, which bounds every parallel speed-up below. Not part of ctest.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${BENCH_BUILD_DIR:-${TMPDIR:-/tmp}/concur-runtime-bench}
rounds=${1:-3}

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="${CXX:-clang++-19}" > /dev/null
cmake --build "$build" > /dev/null

results=$(mktemp)
trap 'rm -f "$results"' EXIT
measure() { "$@" | grep '^RESULT' >> "$results"; }

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
for ((round = 1; round <= rounds; round++)); do
  echo "round $round of $rounds..." >&2
  measure "$build/thread_pool_bench" calibrate two_threads
  for contender in concur tbb asio; do
    measure "$build/thread_pool_bench" empty_tasks_1000 "$contender"
    measure "$build/thread_pool_bench" empty_tasks_1000000 "$contender"
  done
  for contender in serial concur tbb; do measure "$build/thread_pool_bench" parallel_for_fine "$contender"; done
  for contender in serial concur; do measure "$build/thread_pool_bench" map_cpu "$contender"; done
  for contender in concur asio; do measure "$build/echo_bench" echo "$contender"; done
  measure python3 "$here/echo_asyncio.py"
  for case in map_small submit_small; do
    measure "$build/process_pool_bench" "$case" concur
    measure python3 "$here/process_pool_python.py" "$case"
  done
  measure python3 "$here/time_program.py" seed_squares.concur 10 -- "$build/seed_squares"
  measure python3 "$here/time_program.py" seed_squares.python 10 -- python3 "$here/squares.py"
  for contender in concur std_async; do measure "$build/futures_bench" as_completed "$contender"; done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
python3 "$here/summarize.py" "$results"
