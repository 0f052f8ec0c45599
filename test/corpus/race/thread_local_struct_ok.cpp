// concur-race: no
// trap: thread_local struct and a thread_local static member
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

struct Scratch {
  int buf[8];
  int used;
};

thread_local Scratch scratch = {{0}, 0};

struct Tracer {
  static thread_local int depth;
};
thread_local int Tracer::depth = 0;

std::mutex out_mu;
int combined = 0;

void worker(int base) {
  for (int i = 0; i < 8; ++i) {
    scratch.buf[i] = base + i;
    scratch.used++;
    Tracer::depth++;
  }
  std::lock_guard<std::mutex> g(out_mu);
  combined += scratch.used + Tracer::depth;
}

int main() {
  std::thread a(worker, 0);
  std::thread b(worker, 100);
  a.join();
  b.join();
  std::printf("%d\n", combined);
  return 0;
}
