// RUN: %check_concur %s %t -- --checks='-*,concur-thread-joinable-destroyed'
// Threads that are joined, detached, handed over or self-joining on every path: no finding.
#include <thread>
#include <utility>
#include <vector>

void work() {}
void work_on(int) {}
bool setup_failed();
void join_all(std::vector<std::thread> &threads);
void adopt(std::thread t);

int joined_before_return() {
  std::thread t(work);
  if (setup_failed()) {
    t.join();
    return 1;
  }
  t.join();
  return 0;
}

void detached() { std::thread(work).detach(); }

void detached_variable() {
  std::thread t(work);
  t.detach();
}

void joined_if_joinable(bool start) {
  std::thread t;
  if (start)
    t = std::thread(work);
  if (t.joinable())
    t.join();
}

// Whether it started hangs on the same condition as the join: paths the CFG cannot tell apart.
void started_and_joined_on_one_flag(bool start) {
  std::thread t;
  if (start)
    t = std::thread(work);
  if (start)
    t.join();
}

void never_started() { std::thread t; }

void jthread_joins_itself() {
  std::jthread t(work);
  if (setup_failed())
    return;
}

std::thread returned() {
  std::thread t(work);
  return t;
}

void moved_away(std::vector<std::thread> &pool) {
  std::thread t(work);
  pool.push_back(std::move(t));
}

void handed_over() {
  std::thread t(work);
  adopt(std::move(t));
}

void range_for_joins_all(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work_on, i);
  for (auto &t : workers)
    t.join();
}

void index_loop_joins_all(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work_on, i);
  for (size_t i = 0; i < workers.size(); ++i)
    if (workers[i].joinable())
      workers[i].join();
  workers.clear();
}

// Joined by code the analysis does not follow: the variable is not tracked.
void joined_by_helper(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work_on, i);
  join_all(workers);
}

void joined_by_lambda() {
  std::thread t(work);
  auto finish = [&] { t.join(); };
  finish();
}

// A join loop that may stop early: which threads it joined is not known, so the container is
// not tracked (a real defect this check misses rather than guess).
void join_loop_with_break(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work_on, i);
  for (auto &t : workers) {
    if (setup_failed())
      break;
    t.join();
  }
}

void never_returns() {
  std::thread t(work);
  while (true)
    std::this_thread::yield();
}
