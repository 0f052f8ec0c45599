// concur-race: no
// trap: worker object joins its thread in the destructor before the result is read
// tsan: check
#include <cstdio>
#include <thread>

class Worker {
public:
  explicit Worker(int *out) : out_(out), t_(&Worker::run, this) {}
  ~Worker() { t_.join(); }

private:
  void run() {
    int s = 0;
    for (int i = 0; i < 10; ++i)
      s += i;
    *out_ = s;
  }
  int *out_;
  std::thread t_;
};

int main() {
  int result = 0;
  {
    Worker w(&result);
  }
  std::printf("%d\n", result);
  return 0;
}
