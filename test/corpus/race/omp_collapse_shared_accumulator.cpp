// concur-race: yes
// race-on: trace
// trap: collapse(2) nest accumulating into a shared variable
// tsan: check
#include <cstdio>

int main() {
  double m[16][16];
  double trace = 0.0;
#pragma omp parallel for collapse(2)
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      m[i][j] = i * 16 + j;
      if (i == j)
        trace += m[i][j]; // RACE
    }
  std::printf("%d\n", trace >= 0);
  return 0;
}
