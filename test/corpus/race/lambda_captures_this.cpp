// concur-race: yes
// race-on: pending_
// trap: lambda capturing this runs on a thread while main calls a method writing the same field
// tsan: check
#include <cstdio>
#include <thread>

class Uploader {
public:
  void start() {
    worker_ = std::thread([this] {
      for (int i = 0; i < 5; ++i)
        if (pending_ > 0) // RACE
          sent_++;
    });
  }
  void enqueue(int n) { pending_ += n; } // RACE
  void stop() { worker_.join(); }
  int sent() const { return sent_; }

private:
  int pending_ = 0;
  int sent_ = 0;
  std::thread worker_;
};

int main() {
  Uploader u;
  u.start();
  u.enqueue(3);
  u.stop();
  std::printf("%d\n", u.sent() >= 0);
  return 0;
}
