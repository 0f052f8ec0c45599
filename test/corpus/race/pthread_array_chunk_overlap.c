// concur-race: yes
// race-on: grid
// trap: per-thread ranges overlap at their borders (halo written by both)
// tsan: check
#include <pthread.h>
#include <stdio.h>

#define N 40
double grid[N];

struct range {
  int lo, hi;
};

static void *smooth(void *arg) {
  struct range *r = arg;
  for (int i = r->lo; i <= r->hi && i < N; ++i)
    grid[i] = i * 0.5; // RACE
  return NULL;
}

int main(void) {
  struct range r[2] = {{0, 20}, {20, 39}};
  pthread_t t[2];
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], NULL, smooth, &r[i]);
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], NULL);
  printf("%.1f\n", grid[5]);
  return 0;
}
