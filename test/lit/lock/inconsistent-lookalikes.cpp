// RUN: %check_concur %s %t -- --checks='-*,concur-lock-inconsistent'
// Unguarded accesses that cannot meet a guarded one, and variables no mutex mostly guards.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

std::mutex mu;
long total;          // written before the threads start and read after they are joined
long hits;           // guarded at one access only: no mutex guards it at most accesses
std::atomic<long> done_count;
thread_local long mine;

struct Queue {
  Queue() { length = 0; }         // no other thread sees the object yet
  ~Queue() { length = -1; }       // nor any more
  void push() {
    std::lock_guard<std::mutex> lock(m);
    ++length;
  }
  void pop() {
    std::lock_guard<std::mutex> lock(m);
    --length;
  }
  std::mutex m;
  int length;
};

// The caller holds the lock: the callee's access is guarded (compositional).
void bump_locked() { ++total; }

void worker(Queue *q) {
  q->push();
  q->pop();
  {
    std::lock_guard<std::mutex> lock(mu);
    total += 1;
    bump_locked();
    ++hits;
  }
  hits += 2;
  hits -= 1;
  ++done_count;
  mine += 1;
  {
    std::lock_guard<std::mutex> lock(mu);
    mine -= 1; // guarded, but thread_local anyway
  }
}

int main() {
  total = 0; // before any thread starts
  Queue q;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker, &q);
  for (auto &t : threads)
    t.join();
  return int(total + hits + done_count + q.length); // after the joins
}
