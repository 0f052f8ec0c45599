// concur-race: no
// trap: sections write different variables
// tsan: check
#include <stdio.h>

int main(void) {
  int left = 0, right = 0;
#pragma omp parallel sections num_threads(2)
  {
#pragma omp section
    {
      for (int i = 0; i < 10; ++i)
        left += i;
    }
#pragma omp section
    {
      for (int i = 0; i < 10; ++i)
        right += 2 * i;
    }
  }
  printf("%d %d\n", left, right);
  return 0;
}
