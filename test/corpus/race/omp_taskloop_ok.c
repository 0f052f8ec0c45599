// concur-race: no
// trap: taskloop over independent elements, reduction through a taskloop clause
// tsan: skip-openmp-racefree
#include <stdio.h>

#define N 1000

int main(void) {
  double a[N];
  double sum = 0.0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp taskloop grainsize(50)
    for (int i = 0; i < N; ++i)
      a[i] = i * 0.5;
#pragma omp taskloop grainsize(50) reduction(+ : sum)
    for (int i = 0; i < N; ++i)
      sum += a[i];
  }
  printf("%.1f\n", sum);
  return 0;
}
