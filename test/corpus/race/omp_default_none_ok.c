// concur-race: no
// trap: default(none) with every variable's sharing spelled out
// tsan: check
#include <stdio.h>

#define N 200

int main(void) {
  double in[N], out[N];
  double scale = 3.0;
  double acc = 0.0;
  for (int i = 0; i < N; ++i)
    in[i] = i;
#pragma omp parallel for default(none) shared(in, out) firstprivate(scale) reduction(+ : acc)
  for (int i = 0; i < N; ++i) {
    double t = in[i] * scale;
    out[i] = t;
    acc += t;
  }
  printf("%.0f %.0f\n", acc, out[N - 1]);
  return 0;
}
