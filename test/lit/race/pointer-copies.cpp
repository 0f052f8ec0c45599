// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20
// Copies of a pointer reach one object: a std::shared_ptr passed by value to each thread, a
// raw pointer captured by copy. An object made fresh for each thread, by the thread itself or
// in the loop that starts it, is that thread's own.
#include <memory>
#include <thread>
#include <vector>

struct Stats {
  long n = 0;
};

static void bump(std::shared_ptr<Stats> s) { s->n++; }
long shared_by_value() {
  auto s = std::make_shared<Stats>();
  std::thread a(bump, s), b(bump, s);
  a.join();
  b.join();
  return s->n;
}
// CHECK-MESSAGES: :[[@LINE-8]]:46: warning: data race on 's->n': write by thread 'bump' conflicts with a write by thread 'bump'{{.*}}[concur-race-unsynchronized-access]

long captured_pointer() {
  long x = 0;
  long *p = &x;
  std::thread a([p] { ++*p; }), b([p] { ++*p; });
  a.join();
  b.join();
  return x;
}
// CHECK-MESSAGES: :[[@LINE-5]]:23: warning: data race on 'x': write by thread 'captured_pointer::(lambda)' conflicts with a write by thread 'captured_pointer::(lambda)'{{.*}}[concur-race-unsynchronized-access]

long one_per_thread() {
  std::vector<std::thread> threads;
  std::vector<std::shared_ptr<Stats>> all;
  for (int i = 0; i < 4; ++i) {
    auto mine = std::make_shared<Stats>();
    all.push_back(mine);
    threads.emplace_back(bump, mine);
  }
  for (auto &t : threads)
    t.join();
  return all[0]->n;
}

static void *fill(void *) {
  auto *own = new Stats;
  own->n = 1;
  return own;
}
void allocated_by_the_thread() {
  std::thread a(fill, nullptr), b(fill, nullptr);
  a.join();
  b.join();
}

int main() { return int(shared_by_value() + captured_pointer() + one_per_thread()); }
