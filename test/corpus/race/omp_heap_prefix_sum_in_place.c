// concur-race: yes
// race-on: sums
// trap: the buffer is malloc'd through a pointer assigned after its declaration; an in-place prefix sum reads the element the previous iteration writes
// tsan: check
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  long *sums;
  int n = argc > 1 ? atoi(argv[1]) : 4096;
  sums = malloc(sizeof(long) * n);
  if (!sums)
    return 1;
  for (int i = 0; i < n; ++i)
    sums[i] = i % 5;
#pragma omp parallel for
  for (int i = 1; i < n; ++i)
    sums[i] += sums[i - 1]; // RACE
  printf("%ld\n", sums[n - 1]);
  free(sums);
  return 0;
}
