// concur-race: no
// trap: pthread_once initialises a table used by all threads
// tsan: check
#include <pthread.h>
#include <stdio.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int table[16];

static void init_table(void) {
  for (int i = 0; i < 16; ++i)
    table[i] = i * 3;
}

static void *lookup(void *arg) {
  int *out = arg;
  pthread_once(&once, init_table);
  *out = table[*out];
  return NULL;
}

int main(void) {
  int a = 2, b = 5;
  pthread_t ta, tb;
  pthread_create(&ta, NULL, lookup, &a);
  pthread_create(&tb, NULL, lookup, &b);
  pthread_join(ta, NULL);
  pthread_join(tb, NULL);
  printf("%d %d\n", a, b);
  return 0;
}
