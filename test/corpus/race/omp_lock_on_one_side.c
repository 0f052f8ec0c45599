// concur-race: yes
// race-on: balance
// trap: omp_set_lock used on the deposit path only
// tsan: check
#include <omp.h>
#include <stdio.h>

int main(void) {
  omp_lock_t lk;
  omp_init_lock(&lk);
  int balance = 0;
#pragma omp parallel for
  for (int i = 0; i < 100; ++i) {
    if (i < 50) {
      omp_set_lock(&lk);
      balance += 2; // RACE
      omp_unset_lock(&lk);
    } else {
      balance -= 1; // RACE
    }
  }
  omp_destroy_lock(&lk);
  printf("%d\n", balance != 12345);
  return 0;
}
