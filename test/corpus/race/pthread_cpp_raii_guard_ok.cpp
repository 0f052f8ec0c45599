// concur-race: no
// trap: hand-written RAII guard around pthread_mutex_t in C++
// tsan: check
#include <cstdio>
#include <pthread.h>

class PMutex {
public:
  PMutex() { pthread_mutex_init(&m_, nullptr); }
  ~PMutex() { pthread_mutex_destroy(&m_); }
  void lock() { pthread_mutex_lock(&m_); }
  void unlock() { pthread_mutex_unlock(&m_); }

private:
  pthread_mutex_t m_;
};

class Guard {
public:
  explicit Guard(PMutex &m) : m_(m) { m_.lock(); }
  ~Guard() { m_.unlock(); }
  Guard(const Guard &) = delete;
  Guard &operator=(const Guard &) = delete;

private:
  PMutex &m_;
};

class Scanner {
public:
  static void *entry(void *self) {
    static_cast<Scanner *>(self)->run();
    return nullptr;
  }
  int count() {
    Guard g(mu_);
    return count_;
  }

private:
  void run() {
    for (int i = 0; i < 50; ++i)
      if (i % 5 == 0) {
        Guard g(mu_);
        count_++;
      }
  }
  PMutex mu_;
  int count_ = 0;
};

int main() {
  Scanner s;
  pthread_t a, b;
  pthread_create(&a, nullptr, &Scanner::entry, &s);
  pthread_create(&b, nullptr, &Scanner::entry, &s);
  pthread_join(a, nullptr);
  pthread_join(b, nullptr);
  std::printf("%d\n", s.count());
  return 0;
}
