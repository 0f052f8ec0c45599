// concur-race: no
// trap: join before read
// tsan: check
#include <cstdio>
#include <thread>

int result = 0;

void compute() {
  int s = 0;
  for (int i = 1; i <= 10; ++i)
    s += i;
  result = s;
}

int main() {
  std::thread t(compute);
  t.join();
  std::printf("%d\n", result);
  return 0;
}
