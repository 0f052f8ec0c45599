// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20 -pthread
// A flag set under a mutex publishes what its writer did before: the reader that waits under
// the same mutex until it sees the flag (a loop it leaves on the flag, a condition variable's
// wait in such a loop or with a predicate) comes after the writer's unlock. Data written after
// the flag, or read before the wait, still races.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

std::mutex m;
std::condition_variable cv;
bool ready, loaded, done, late_flag;
std::string payload, table, answer, late;

void polls() {
  std::thread writer([] {
    payload = "hello";
    std::lock_guard<std::mutex> lock(m);
    ready = true;
  });
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(m);
      if (ready)
        break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::string copy = payload;
  writer.join();
}

void waits_in_loop() {
  std::thread writer([] {
    table = "rows";
    {
      std::lock_guard<std::mutex> lock(m);
      loaded = true;
    }
    cv.notify_one();
  });
  std::thread reader([] {
    {
      std::unique_lock<std::mutex> lock(m);
      while (!loaded)
        cv.wait(lock);
    }
    std::string copy = table;
  });
  writer.join();
  reader.join();
}

void waits_with_predicate() {
  std::thread writer([] {
    answer = "42";
    {
      std::lock_guard<std::mutex> lock(m);
      done = true;
    }
    cv.notify_one();
  });
  std::thread reader([] {
    {
      std::unique_lock<std::mutex> lock(m);
      cv.wait(lock, [] { return done; });
    }
    std::string copy = answer;
  });
  writer.join();
  reader.join();
}

void writes_after_the_flag() {
  std::thread writer([] {
    {
      std::lock_guard<std::mutex> lock(m);
      late_flag = true;
    }
    late = "too late";
  });
  for (;;) {
    std::lock_guard<std::mutex> lock(m);
    if (late_flag)
      break;
  }
  std::string copy = late;
  writer.join();
}
// CHECK-MESSAGES: :[[@LINE-10]]:5: warning: data race on 'late'{{.*}}[concur-race-unsynchronized-access]

int main() {
  polls();
  waits_in_loop();
  waits_with_predicate();
  writes_after_the_flag();
}
