// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access'
// A plain write published by a release (or seq_cst) store to an atomic flag, read after a loop
// that spins on an acquire (or seq_cst) load of it, is ordered; so is memory touched between
// an atomic_flag's test_and_set spin and its clear. Relaxed orders, a load that does not spin,
// and a read inside the spin loop are not.
#include <atomic>
#include <thread>

std::atomic<bool> ready{false}, plain_ready{false}, relaxed_ready{false}, checked{false};
std::atomic_flag busy = ATOMIC_FLAG_INIT;
int message, plain_message, relaxed_message, checked_message, polled, counter, careless;
void use(int) {}

void publish() {
  message = 1;
  ready.store(true, std::memory_order_release);
  plain_message = 2;
  plain_ready = true; // seq_cst
  relaxed_message = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'relaxed_message': write by thread 'publish' conflicts with a read by thread 'observe'; held nothing here, nothing there [concur-race-unsynchronized-access]
  relaxed_ready.store(true, std::memory_order_relaxed);
  checked_message = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'checked_message': write by thread 'publish' conflicts with a read by thread 'observe'; held nothing here, nothing there [concur-race-unsynchronized-access]
  checked.store(true, std::memory_order_release);
  polled = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'polled': write by thread 'publish' conflicts with a read by thread 'observe'; held nothing here, nothing there [concur-race-unsynchronized-access]
  ready.store(false, std::memory_order_release);
}

void observe() {
  while (!ready.load(std::memory_order_acquire))
    use(polled);
  use(message);
  while (!plain_ready) {
  }
  use(plain_message);
  while (!relaxed_ready.load(std::memory_order_relaxed)) {
  }
  use(relaxed_message);
  // A load that does not spin may have read false: nothing was published yet.
  if (checked.load(std::memory_order_acquire))
    use(0);
  use(checked_message);
}

void locked() {
  for (int i = 0; i < 100; ++i) {
    while (busy.test_and_set(std::memory_order_acquire)) {
    }
    ++counter;
    busy.clear(std::memory_order_release);
  }
}

void unlocked() {
  for (int i = 0; i < 100; ++i)
    ++careless;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'careless': write by thread 'unlocked' conflicts with a write by thread 'unlocked'; held nothing here, nothing there [concur-race-unsynchronized-access]
}

int main() {
  std::thread a(publish), b(observe), c(locked), d(locked), e(unlocked), f(unlocked);
  for (std::thread *t : {&a, &b, &c, &d, &e, &f})
    t->join();
}
