// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// Threads that each wait for what the others do (a barrier, a counter they spin on, a condition
// variable they notify) must all run at once: they are one cooperating group, not a fan-out of
// tasks a pool could queue, so no concur-model-* check reports them. A semaphore that the work
// acquires and releases itself only limits how many run at once: that is still a fan-out.
#include <atomic>
#include <barrier>
#include <condition_variable>
#include <functional>
#include <latch>
#include <mutex>
#include <semaphore>
#include <thread>
#include <vector>

std::atomic<int> arrived{0};
long cells[4];
static void spin_step(int id) {
  cells[id] = id;
  arrived.fetch_add(1);
  while (arrived.load() < 4)
    std::this_thread::yield();
}
void spin_barrier() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(spin_step, i);
  for (auto &t : threads)
    t.join();
}

void barrier_phases(std::vector<long> &grid) {
  std::barrier sync(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      for (int step = 0; step < 3; ++step) {
        grid[i] += step;
        sync.arrive_and_wait();
      }
    });
  for (auto &t : threads)
    t.join();
}

// The latch comes in as a parameter.
static void meet(std::latch &all) { all.arrive_and_wait(); }
void rendezvous() {
  std::latch all(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(meet, std::ref(all));
  for (auto &t : threads)
    t.join();
}

// Task i waits for its turn, which task i+1 hands it through the condition variable.
void turnstile(std::vector<int> &order) {
  std::mutex m;
  std::condition_variable cv;
  int turn = 3;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      std::unique_lock<std::mutex> lk(m);
      cv.wait(lk, [&] { return turn == i; });
      order.push_back(i);
      --turn;
      cv.notify_all();
    });
  for (auto &t : threads)
    t.join();
}

std::counting_semaphore<2> slots(2);
static void throttled(long *out, int i) {
  slots.acquire();
  out[i] = i * 3;
  slots.release();
}
void limited(long *out) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(throttled, out, i);
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: 4 threads run {{.*}}'throttled'{{.*}}[concur-model-thread-per-task]
