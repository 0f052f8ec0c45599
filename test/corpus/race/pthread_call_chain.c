// concur-race: yes
// race-on: g_bytes
// trap: race through helper calls in C
// tsan: check
#include <pthread.h>
#include <stdio.h>

static long g_bytes = 0;

static void account(long n) { g_bytes += n; } // RACE
static void send_packet(int len) { account(len + 20); }
static void send_burst(int k) {
  for (int i = 0; i < k; ++i)
    send_packet(64);
}

static void *net_thread(void *arg) {
  (void)arg;
  send_burst(5);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, net_thread, NULL);
  pthread_create(&b, NULL, net_thread, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("sent\n");
  return 0;
}
