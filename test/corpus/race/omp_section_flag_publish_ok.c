// concur-race: no
// trap: one section publishes a buffer through a seq_cst atomic write; the other spins on an acquire atomic read before using it
// tsan: check
#include <stdio.h>

#define N 1000

int main(void) {
  double samples[N];
  int published = 0;
  double mean = 0.0;
#pragma omp parallel sections num_threads(2) shared(samples, published, mean)
  {
#pragma omp section
    {
      for (int i = 0; i < N; ++i)
        samples[i] = (i % 17) * 0.25;
#pragma omp atomic write seq_cst
      published = 1;
    }
#pragma omp section
    {
      int seen = 0;
      while (seen == 0) {
#pragma omp atomic read acquire
        seen = published;
      }
      double sum = 0.0;
      for (int i = 0; i < N; ++i)
        sum += samples[i];
      mean = sum / N;
    }
  }
  printf("%f\n", mean);
  return 0;
}
