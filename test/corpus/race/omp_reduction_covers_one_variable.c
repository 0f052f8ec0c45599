// concur-race: yes
// race-on: count
// trap: reduction lists sum but the loop also updates count
// tsan: check
#include <stdio.h>

#define N 1000

int main(void) {
  double sum = 0.0;
  int count = 0;
#pragma omp parallel for reduction(+ : sum)
  for (int i = 0; i < N; ++i) {
    if (i % 3 == 0) {
      sum += i;
      count++; // RACE
    }
  }
  printf("%.0f %d\n", sum, count > 0);
  return 0;
}
