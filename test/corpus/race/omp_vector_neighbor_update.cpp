// concur-race: yes
// race-on: v
// trap: std::vector element i reads element i-1 written by another iteration
// tsan: check
#include <cstdio>
#include <vector>

int main() {
  std::vector<double> v(512, 1.0);
#pragma omp parallel for schedule(static)
  for (int i = 1; i < 512; ++i)
    v[i] = v[i - 1] * 0.5 + 1.0; // RACE
  std::printf("%d\n", v[0] > 0);
  return 0;
}
