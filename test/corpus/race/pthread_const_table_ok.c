// concur-race: no
// trap: const lookup table read by several pthreads
// tsan: check
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static const char *const kNames[] = {"north", "east", "south", "west"};
static const int kDelta[4][2] = {{0, 1}, {1, 0}, {0, -1}, {-1, 0}};

static void *walk(void *arg) {
  int *pos = arg;
  for (int i = 0; i < 8; ++i) {
    pos[0] += kDelta[i % 4][0];
    pos[1] += (int)strlen(kNames[i % 4]) * kDelta[i % 4][1];
  }
  return NULL;
}

int main(void) {
  int p1[2] = {0, 0}, p2[2] = {5, 5};
  pthread_t a, b;
  pthread_create(&a, NULL, walk, p1);
  pthread_create(&b, NULL, walk, p2);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d %d %d %d\n", p1[0], p1[1], p2[0], p2[1]);
  return 0;
}
