// concur-race: no
// trap: omp_set_lock/omp_unset_lock on every path
// tsan: check
#include <omp.h>
#include <stdio.h>

int main(void) {
  omp_lock_t lk;
  omp_init_lock(&lk);
  int balance = 0;
#pragma omp parallel for
  for (int i = 0; i < 100; ++i) {
    omp_set_lock(&lk);
    if (i < 50)
      balance += 2;
    else
      balance -= 1;
    omp_unset_lock(&lk);
  }
  omp_destroy_lock(&lk);
  printf("%d\n", balance);
  return 0;
}
