// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20
// A thread started by a member function that returns while it runs (`start()`, joined later by
// `wait()`) runs from the call of `start()` on: what the caller reads between the two calls
// races with it, what it reads after `wait()` does not.
#include <thread>

class Job {
public:
  void start() { worker_ = std::thread(&Job::run, this); }
  void wait() { worker_.join(); }
  int progress() const { return progress_; }
  int result() const { return result_; }

private:
  void run() {
    progress_ = 1;
    result_ = 42;
  }
  int progress_ = 0;
  int result_ = 0;
  std::thread worker_;
};
// CHECK-MESSAGES: :[[@LINE-7]]:5: warning: data race on 'progress_': write by thread 'Job::run' conflicts with a read by the main thread{{.*}}[concur-race-unsynchronized-access]

int main() {
  Job job;
  job.start();
  int seen = job.progress();
  job.wait();
  return seen + job.result();
}
