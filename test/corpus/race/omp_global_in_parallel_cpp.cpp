// concur-race: yes
// race-on: g_hits
// trap: C++ global written through a helper from a parallel region
// tsan: check
#include <cstdio>

int g_hits = 0;

static void record_hit() { g_hits = g_hits + 1; } // RACE

int main() {
#pragma omp parallel num_threads(4)
  {
    record_hit();
  }
  std::printf("%d\n", g_hits > 0);
  return 0;
}
