// concur-race: yes
// race-on: calls
// trap: function-local static incremented from an OpenMP parallel region
// tsan: check
#include <cstdio>

static int traced(int x) {
  static int calls = 0;
  ++calls; // RACE
  return x * 2 + (calls > 1000000);
}

int main() {
  int out[64];
#pragma omp parallel for
  for (int i = 0; i < 64; ++i)
    out[i] = traced(i);
  std::printf("%d\n", out[3]);
  return 0;
}
