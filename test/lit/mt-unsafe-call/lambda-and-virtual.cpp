// RUN: %check_concur %s %t -- --checks='-*,concur-mt-unsafe-call'
#include <cstdlib>
#include <thread>

struct Job {
  virtual ~Job() = default;
  virtual int run() = 0;
};
struct RandomJob : Job {
  int run() override { return std::rand(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'rand' is not thread-safe {{.*}}'RandomJob::run' runs on a thread started in 'main'
};

int main() {
  RandomJob job;
  Job *any = &job;
  std::thread t([any] { any->run(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: note: thread started here by 'main', running 'main::(lambda)'
  // CHECK-MESSAGES: :[[@LINE-2]]:30: note: 'main::(lambda)' calls 'RandomJob::run'
  t.join();
}
