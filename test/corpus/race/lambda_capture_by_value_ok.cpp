// concur-race: no
// trap: lambda captures by value (mutable copy per thread)
// tsan: check
#include <cstdio>
#include <thread>

int main() {
  int sum = 5;
  int out_a = 0, out_b = 0;
  std::thread a([sum, &out_a]() mutable {
    for (int i = 0; i < 100; ++i)
      sum += i;
    out_a = sum;
  });
  std::thread b([sum, &out_b]() mutable {
    for (int i = 0; i < 100; ++i)
      sum -= i;
    out_b = sum;
  });
  a.join();
  b.join();
  std::printf("%d %d %d\n", sum, out_a, out_b);
  return 0;
}
