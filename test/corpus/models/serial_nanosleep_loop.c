// concur-site: serial-blocking-loop
// expect-target: map
// trap: C source: a loop of independent blocking calls (nanosleep + pure result per index); diagnostic only
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <time.h>

static int poll_device(int id) {
  struct timespec ts = {0, 5 * 1000 * 1000};
  nanosleep(&ts, NULL); /* the device answers slowly */
  return id * id + 1;
}

int main(void) {
  int readings[8];
  for (int i = 0; i < 8; i++) readings[i] = poll_device(i);
  for (int i = 0; i < 8; i++) printf("device %d: %d\n", i, readings[i]);
  return 0;
}
