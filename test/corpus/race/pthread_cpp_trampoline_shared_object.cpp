// concur-race: yes
// race-on: count_
// trap: C++ object run by two pthreads through a static trampoline
// tsan: check
#include <cstdio>
#include <pthread.h>

class Scanner {
public:
  static void *entry(void *self) {
    static_cast<Scanner *>(self)->run();
    return nullptr;
  }
  int count() const { return count_; }

private:
  void run() {
    for (int i = 0; i < 50; ++i)
      if (i % 5 == 0)
        count_++; // RACE
  }
  int count_ = 0;
};

int main() {
  Scanner s;
  pthread_t a, b;
  pthread_create(&a, nullptr, &Scanner::entry, &s);
  pthread_create(&b, nullptr, &Scanner::entry, &s);
  pthread_join(a, nullptr);
  pthread_join(b, nullptr);
  std::printf("%d\n", s.count() > 0);
  return 0;
}
