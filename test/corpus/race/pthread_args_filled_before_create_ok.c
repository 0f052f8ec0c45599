// concur-race: no
// trap: the classic pthread tutorial: main fills args[i] and then starts thread i with &args[i]; every thread reads only its own element
// tsan: check
#include <pthread.h>
#include <stdio.h>
struct arg { int n; long result; };
struct arg args[4];
static void *run(void *p) { struct arg *a = p; a->result = a->n * 2; return NULL; }
int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) {
    args[i].n = i;
    pthread_create(&t[i], NULL, run, &args[i]);
  }
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  printf("%ld\n", args[3].result);
  return 0;
}
