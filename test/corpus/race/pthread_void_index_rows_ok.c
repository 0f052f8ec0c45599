// concur-race: no
// trap: each thread gets its index as (void *)i and formats into its own row of a shared 2-D array with snprintf and memset
// tsan: check
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NT 4
static char rows[NT][32];
static int counts[NT * 8];

static void *fill(void *arg) {
  long id = (long)arg;
  int *mine = &counts[id * 8];
  memset(mine, 0, 8 * sizeof(int));
  for (int k = 0; k < 8; ++k) mine[k] += k;
  snprintf(rows[id], sizeof rows[id], "row %ld", id);
  rows[id][0] = 'R';
  return NULL;
}

int main(void) {
  pthread_t t[NT];
  for (long i = 0; i < NT; ++i) pthread_create(&t[i], NULL, fill, (void *)i);
  for (int i = 0; i < NT; ++i) pthread_join(t[i], NULL);
  for (int i = 0; i < NT; ++i) printf("%s %d\n", rows[i], counts[i * 8 + 7]);
  return 0;
}
