// concur-race: no
// trap: a chain of tasks ordered by depend(inout:) on the same variable (C++)
// tsan: skip-openmp-racefree
#include <cstdio>

int main() {
  long acc = 1;
  int steps = 0;
#pragma omp parallel
#pragma omp single
  {
    for (int k = 1; k <= 60; ++k) {
#pragma omp task depend(inout : acc) shared(acc, steps) firstprivate(k)
      {
        acc = (acc * 31 + k) % 1000003;
        steps++;
      }
    }
#pragma omp taskwait
  }
  std::printf("%ld %d\n", acc, steps);
  return 0;
}
