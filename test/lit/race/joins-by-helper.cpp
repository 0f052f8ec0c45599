// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20
// A call to a function that joins threads it did not start joins the caller's: a lambda given
// to std::for_each, a project helper that joins a container of threads. A helper that starts
// and joins threads of its own does not. The accesses are in functions main calls: what the
// spawner does between the start and the join is ordered against them all the same.
#include <algorithm>
#include <thread>
#include <vector>

int squares[8];
static void square(int i) { squares[i] = i * i; }

int for_each_lambda() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(square, i);
  std::for_each(threads.begin(), threads.end(), [](std::thread &t) { t.join(); });
  return squares[7];
}

static void join_all(std::vector<std::thread> &threads) {
  for (auto &t : threads)
    t.join();
}

int cubes[8];
static void cube(int i) { cubes[i] = i * i * i; }
int helper_joins() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(cube, i);
  join_all(threads);
  return cubes[7];
}

int totals[8];
static void total(int i) { totals[i] = i + 1; }
static void run_own_batch() {
  std::thread t([] {});
  t.join();
}
int helper_with_its_own_threads() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(total, i);
  run_own_batch();
  int seen = totals[7];
  for (auto &t : threads)
    t.join();
  return seen;
}

int main() { return for_each_lambda() + helper_joins() + helper_with_its_own_threads(); }
// CHECK-MESSAGES: :[[@LINE-17]]:28: warning: data race on 'totals[i]': write by thread 'total' conflicts with a read by the main thread{{.*}}[concur-race-unsynchronized-access]
