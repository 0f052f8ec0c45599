// RUN: %check_concur %s %t -- --checks='-*,concur-race-double-checked-locking'
#include <atomic>
#include <mutex>
#include <thread>

std::mutex mu;
bool initialized;
int *table;

void get_table() {
  if (!initialized) {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: double-checked locking on 'initialized', which is not atomic{{.*}}std::call_once
    std::lock_guard<std::mutex> lock(mu);
    if (!initialized) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: note: checked again under 'mu'
      table = new int[16]();
      initialized = true;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: and set here
    }
  }
}

std::atomic<bool> ready{false};
int *data;
void get_data() {
  if (!ready.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(mu);
    if (!ready.load(std::memory_order_relaxed)) {
      data = new int[16]();
      ready.store(true, std::memory_order_release);
    }
  }
}

int main() {
  std::thread a(get_table), b(get_data);
  a.join();
  b.join();
}
