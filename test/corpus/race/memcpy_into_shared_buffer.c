// concur-race: yes
// race-on: status_line
// trap: one thread memcpy's a new status into a shared buffer while another strlen's and prints it: library calls access the buffer
// tsan: check
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char status_line[64] = "starting";

static void *update(void *arg) {
  (void)arg;
  memcpy(status_line, "running", 8);  // RACE
  return NULL;
}

static void *report(void *arg) {
  (void)arg;
  size_t n = strlen(status_line);  // RACE
  printf("status has %zu characters\n", n > 0 ? (size_t)1 : (size_t)0);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, update, NULL);
  pthread_create(&b, NULL, report, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
