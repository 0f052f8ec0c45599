// concur-race: no
// trap: std::vector pre-sized, iteration i writes v[i] only (C++)
// tsan: check
#include <cstdio>
#include <vector>

int main() {
  std::vector<double> in(512), out(512);
  for (int i = 0; i < 512; ++i)
    in[i] = i;
#pragma omp parallel for schedule(static)
  for (int i = 1; i < 512; ++i)
    out[i] = in[i - 1] * 0.5 + 1.0;
  out[0] = 0;
  double s = 0;
  for (double d : out)
    s += d;
  std::printf("%.1f\n", s);
  return 0;
}
