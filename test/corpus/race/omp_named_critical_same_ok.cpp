// concur-race: no
// trap: the same named critical guards every access (C++)
// tsan: check
#include <cstdio>

int main() {
  int stock = 100;
#pragma omp parallel for
  for (int i = 0; i < 64; ++i) {
    if (i % 2 == 0) {
#pragma omp critical(stock_lock)
      stock += 1;
    } else {
#pragma omp critical(stock_lock)
      stock -= 2;
    }
  }
  std::printf("%d\n", stock);
  return 0;
}
