// concur-race: yes
// race-on: i
// trap: address of the loop variable passed to pthread_create (main keeps incrementing it)
// tsan: check
#include <pthread.h>
#include <stdio.h>

int seen[4];

static void *worker(void *arg) {
  int id = *(int *)arg; // RACE
  seen[id & 3] = 1;
  return NULL;
}

int main(void) {
  pthread_t t[4];
  int i;
  for (i = 0; i < 4; i++) // RACE
    pthread_create(&t[i], NULL, worker, &i);
  for (int k = 0; k < 4; k++)
    pthread_join(t[k], NULL);
  printf("%d\n", seen[0] + seen[1] + seen[2] + seen[3] >= 0);
  return 0;
}
