// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access'
#include <mutex>
#include <thread>
#include <vector>

int counter;
void worker() {
  counter++;
  // CHECK-MESSAGES: :8:3: warning: data race on 'counter': write by thread 'worker' conflicts with a write by another instance of thread 'worker'; held nothing here, nothing there [concur-race-unsynchronized-access]
  // CHECK-MESSAGES: :35:5: note: thread 'worker' started here by 'main' (several instances may run at once)
  // CHECK-MESSAGES: :8:3: note: conflicting write of 'counter' by another instance of thread 'worker', holding nothing
}

std::mutex mu;
int guarded;
void careful() {
  std::lock_guard<std::mutex> lock(mu);
  guarded++;
}

struct Stats {
  long hits = 0;
  void record() { hits += 1; }
  // CHECK-MESSAGES: :23:19: warning: data race on 'hits': write by thread 'bump' conflicts with a read by the main thread; held nothing here, nothing there
  // CHECK-MESSAGES: :39:15: note: thread 'bump' started here by 'main'
  // CHECK-MESSAGES: :29:26: note: 'bump' calls 'Stats::record'
  // CHECK-MESSAGES: :40:15: note: conflicting read of 'stats.hits' by the main thread, holding nothing
};
void bump(Stats *s) { s->record(); }

int main() {
  std::vector<std::thread> threads;
  int before = guarded; // before any thread that writes it starts
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker);
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(careful);
  Stats stats;
  std::thread t(bump, &stats);
  long peek = stats.hits;
  t.join();
  for (auto &th : threads)
    th.join();
  return before + int(stats.hits) + int(peek) + counter; // after the joins
}

// Two threads given the address of the same element both write it.
static void add_channel(int channel, double *out) { *out += channel; }
double same_element() {
  double temp[2] = {};
  std::thread a(add_channel, 0, &temp[1]);
  std::thread b(add_channel, 1, &temp[1]);
  a.join();
  b.join();
  return temp[1];
}
// CHECK-MESSAGES: :[[@LINE-9]]:53: warning: data race on 'out': write by thread 'add_channel' conflicts with a write by thread 'add_channel'{{.*}}[concur-race-unsynchronized-access]
