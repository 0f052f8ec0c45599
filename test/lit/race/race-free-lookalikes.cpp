// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access'
// Expects no finding at all: with no CHECK lines, check_concur.py fails on any finding.
// Each trap here is race-free: none may be reported.
#include <atomic>
#include <future>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

std::atomic<int> hits{0};
thread_local int scratch;
const int limits[3] = {1, 2, 3};
std::shared_mutex table_mu;
std::vector<int> table;
std::mutex mu;
int total;

void add_locked(int n) { total += n; } // callers hold mu

void worker(int id, std::vector<long> *out) {
  hits.fetch_add(1);
  scratch = id;
  (*out)[id] = limits[id % 3];
  {
    std::shared_lock<std::shared_mutex> read(table_mu);
    (void)table.size();
  }
  std::unique_lock<std::mutex> lock(mu, std::defer_lock);
  lock.lock();
  add_locked(id);
}

int compute(int x) { return x * 2; }

int main() {
  table.push_back(1); // before any thread starts
  std::vector<long> results(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker, i, &results);
  {
    std::unique_lock<std::shared_mutex> write(table_mu);
    table.push_back(2);
  }
  for (auto &t : threads)
    t.join();
  long sum = results[0] + total; // after the joins
  auto f = std::async(std::launch::async, compute, 21);
  sum += f.get();
  for (int i = 0; i < 3; ++i) { // started and joined in one iteration
    std::thread t([&] { total += i; });
    t.join();
  }
  return int(sum);
}

// Each thread is given the address of its own element (`&temp[0]`, `&temp[1]`): writes through
// the pointer meet nobody (two given the same element race: unsynchronized-access.cpp).
static void read_channel(int channel, double *out) { *out = channel * 1.5; }
double own_elements() {
  double temp[2] = {};
  std::thread a(read_channel, 0, &temp[0]);
  std::thread b(read_channel, 1, &temp[1]);
  a.join();
  b.join();
  return temp[0] + temp[1];
}
