// concur-race: no
// trap: a malloc'd buffer reached through a pointer assigned after its declaration; each iteration scales only its own element
// tsan: check
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  double *v;
  int n = argc > 1 ? atoi(argv[1]) : 4096;
  v = malloc(sizeof(double) * n);
  if (!v)
    return 1;
  for (int i = 0; i < n; ++i)
    v[i] = i * 0.5;
  double norm = 0.0;
#pragma omp parallel for reduction(+ : norm)
  for (int i = 0; i < n; ++i) {
    v[i] = v[i] * 2.0 + 1.0;
    norm += v[i] * v[i];
  }
  printf("%f\n", norm);
  free(v);
  return 0;
}
