// concur-race: no
// trap: writes before spawn only (init before threads), threads only read
// tsan: check
#include <cstdio>
#include <thread>
#include <vector>

int table[16];
int table_size = 0;

long partial[2];

void sum_half(int which) {
  long s = 0;
  for (int i = which; i < table_size; i += 2)
    s += table[i];
  partial[which] = s;
}

int main() {
  for (int i = 0; i < 16; ++i)
    table[i] = i * i;
  table_size = 16;
  std::thread a(sum_half, 0);
  std::thread b(sum_half, 1);
  a.join();
  b.join();
  std::printf("%ld\n", partial[0] + partial[1]);
  return 0;
}
