// RUN: %check_concur %s %t --fix -- --checks='-*,concur-lock-inconsistent'
// RUN: clang++-19 -std=c++20 -fsyntax-only %t.cpp
// Unguarded accesses that are reported, but where a lock_guard cannot be shown safe: the
// text stays as written.
#include <mutex>
#include <thread>
#include <vector>

#define RESET(x) x = 0

void notify();

struct Meter {
  std::mutex mu;
  int value = 0;
  int other = 0;
  int third = 0;
  void add() {
    std::lock_guard<std::mutex> lock(mu);
    value += 1;
    other += 1;
    third += 1;
  }
  void sub() {
    std::lock_guard<std::mutex> lock(mu);
    value -= 1;
    other -= 1;
    third -= 1;
  }
  void add_twice() {
    std::lock_guard<std::mutex> lock(mu);
    value += 2;
    other += 2;
    third += 2;
  }
  bool empty() {
    if (value == 0) // in a condition: a guard would have to cover the branch
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'value' is guarded by 'mu' at 3 of 4 accesses, but not here
      // CHECK-FIXES: {{^}}    if (value == 0) // in a condition
      return true;
    return false;
  }
  int snapshot() {
    int copy = other; // a declaration: braces would end its scope
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'other' is guarded by 'mu' at 3 of 4 accesses, but not here
    // CHECK-FIXES: {{^}}    int copy = other; // a declaration
    return copy;
  }
  // Two unguarded statements: guarding one still leaves the other.
  void halve() {
    third /= 2;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'third' is guarded by 'mu' at 3 of 5 accesses, but not here
    // CHECK-FIXES: {{^}}    third /= 2;{{$}}
    third += 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'third' is guarded by 'mu' at 3 of 5 accesses, but not here
    // CHECK-FIXES: {{^}}    third += 1;{{$}}
  }
};

// The mutex is a member of Dial: a free function cannot name it.
struct Dial {
  std::mutex mu;
  int turns = 0;
  void turn() {
    std::lock_guard<std::mutex> lock(mu);
    ++turns;
  }
  void unturn() {
    std::lock_guard<std::mutex> lock(mu);
    --turns;
  }
};
void zero(Dial &d) { d.turns = 0; }
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'd.turns' is guarded by 'mu' at 2 of 3 accesses, but not here
// CHECK-FIXES: {{^}}void zero(Dial &d) { d.turns = 0; }

std::mutex flag_mu;
int flag;
void set_flag() {
  std::lock_guard<std::mutex> lock(flag_mu);
  flag = 1;
}
void set_flag_again() {
  std::lock_guard<std::mutex> lock(flag_mu);
  flag = 2;
}
void clear_flag_and_notify() {
  flag = 0, notify(); // calls project code, which may take the mutex itself
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flag' is guarded by 'flag_mu' at 2 of 3 accesses, but not here
  // CHECK-FIXES: {{^}}  flag = 0, notify();
}

std::mutex count_mu;
int count;
void inc() {
  std::lock_guard<std::mutex> lock(count_mu);
  ++count;
}
void dec() {
  std::lock_guard<std::mutex> lock(count_mu);
  --count;
}
void reset_count() {
  RESET(count); // written through a macro
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'count' is guarded by 'count_mu' at 2 of 3 accesses, but not here
  // CHECK-FIXES: {{^}}  RESET(count);
}

Meter meter;
Dial dial;
void worker() {
  meter.add();
  meter.sub();
  meter.add_twice();
  meter.empty();
  meter.snapshot();
  meter.halve();
  dial.turn();
  dial.unturn();
  zero(dial);
  set_flag();
  set_flag_again();
  clear_flag_and_notify();
  inc();
  dec();
  reset_count();
}

void notify() {}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker);
  for (auto &t : threads)
    t.join();
}
