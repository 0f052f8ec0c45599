// RUN: %check_concur %s %t -- --checks='-*,concur-lock-inconsistent' -- -std=c++20 -I%S/../race/Inputs
// GUARDED_BY names the guard: an access without it is reported even when the lock is held at
// fewer accesses than the majority the check otherwise asks for.
#include "thread_annotations.h"

#include <thread>

class Meter {
public:
  void add(long n) {
    mu_.Enter();
    total_ += n;
    mu_.Leave();
  }
  long peek() { return total_; }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'total_' is guarded by 'mu_' (GUARDED_BY) at 1 of 3 accesses, but not here [concur-lock-inconsistent]
  // CHECK-MESSAGES: :12:5: note: written with 'mu_' held here
  void reset() { total_ = 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'total_' is guarded by 'mu_' (GUARDED_BY) at 1 of 3 accesses, but not here [concur-lock-inconsistent]
  // CHECK-MESSAGES: :12:5: note: written with 'mu_' held here

  // Guarded at every access, REQUIRES included: nothing to report.
  void addChecked(long n) {
    mu_.Enter();
    bumpLocked(n);
    mu_.Leave();
  }
  long checked() {
    Hold h(mu_);
    return checked_;
  }

private:
  void bumpLocked(long n) REQUIRES(mu_) { checked_ += n; }

  Spinlock mu_;
  long total_ GUARDED_BY(mu_) = 0;
  long checked_ GUARDED_BY(mu_) = 0;
};

// A pointer whose pointee PT_GUARDED_BY guards, and a global under a global lock.
Spinlock table_mu;
int *table PT_GUARDED_BY(table_mu);
Spinlock hits_mu;
long hits GUARDED_BY(hits_mu);

Meter meter;

void worker(int id) {
  meter.add(id);
  (void)meter.peek();
  meter.reset();
  meter.addChecked(id);
  (void)meter.checked();
  table_mu.Enter();
  table[0] += id;
  table_mu.Leave();
  table[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'table[0]' is guarded by 'table_mu' (GUARDED_BY) at 1 of 2 accesses, but not here [concur-lock-inconsistent]
  // CHECK-MESSAGES: :56:3: note: written with 'table_mu' held here
  hits_mu.Enter();
  ++hits;
  hits_mu.Leave();
}

int main() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
