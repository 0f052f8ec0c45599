// concur-race: no
// trap: C++20 binary_semaphore between two worker threads: the producer writes then release(), the consumer reads after acquire()
// tsan: check
#include <cstdio>
#include <semaphore>
#include <thread>

std::binary_semaphore filled(0);
long buffer[4];
long total = 0;

void produce() {
  for (int i = 0; i < 4; ++i)
    buffer[i] = 10L * i;
  filled.release();
}

void consume() {
  filled.acquire();
  for (int i = 0; i < 4; ++i)
    total += buffer[i];
}

int main() {
  std::thread c(consume), p(produce);
  p.join();
  c.join();
  std::printf("%ld\n", total);
  return 0;
}
