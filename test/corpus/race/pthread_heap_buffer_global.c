// concur-race: yes
// race-on: g_buf
// trap: malloc'd buffer stored in a global pointer, written by two threads
// tsan: check
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int *g_buf = NULL;

static void *writer(void *arg) {
  int v = (int)(long)arg;
  for (int i = 0; i < 4; ++i)
    g_buf[i] = v; // RACE
  return NULL;
}

int main(void) {
  g_buf = calloc(4, sizeof *g_buf);
  pthread_t a, b;
  pthread_create(&a, NULL, writer, (void *)1L);
  pthread_create(&b, NULL, writer, (void *)2L);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d\n", g_buf[0] != 0);
  free(g_buf);
  return 0;
}
