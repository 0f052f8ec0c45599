// Timing helpers shared by the runtime benchmarks. A benchmark binary measures one case for one
// contender per run (`<binary> <case> <contender>`), so no library's idle threads disturb
// another's measurement; run.sh alternates the contenders and keeps each one's best.
// Output: one line `RESULT <case>.<contender> <value> <unit>`.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

namespace bench {

using clock = std::chrono::steady_clock;

inline double seconds_since(clock::time_point start) { return std::chrono::duration<double>(clock::now() - start).count(); }

/// The best of `repeats` runs of `body`, in seconds: the one least disturbed by the machine.
template <class F> double best_seconds(int repeats, F&& body) {
  double best = 1e300;
  for (int i = 0; i < repeats; ++i) {
    auto start = clock::now();
    body();
    best = std::min(best, seconds_since(start));
  }
  return best;
}

inline void report(const std::string& name, double value, const char* unit) {
  std::printf("RESULT %s %.6g %s\n", name.c_str(), value, unit);
  std::fflush(stdout);
}

/// Keeps the optimizer from deleting a computation whose result is otherwise unused.
template <class T> void keep(const T& value) { asm volatile("" : : "g"(&value) : "memory"); }

/// Dispatches `argv[1] argv[2]` to the matching entry of `cases` ("case contender" -> body that
/// reports its own RESULT line). Returns the process exit code.
template <class Cases> int dispatch(int argc, char** argv, const Cases& cases) {
  if (argc == 3) {
    auto found = cases.find(std::string(argv[1]) + " " + argv[2]);
    if (found != cases.end()) {
      found->second();
      return 0;
    }
  }
  std::fprintf(stderr, "usage: %s <case> <contender>; one of:\n", argv[0]);
  for (const auto& [name, body] : cases) std::fprintf(stderr, "  %s\n", name.c_str());
  return 2;
}

} // namespace bench
