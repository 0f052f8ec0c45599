// concur-race: no
// trap: C helper chain, lock taken once in the caller
// tsan: check
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long g_bytes = 0;

static void account(long n) { g_bytes += n; }
static void send_packet(int len) { account(len + 20); }

static void send_burst(int k) {
  pthread_mutex_lock(&mu);
  for (int i = 0; i < k; ++i)
    send_packet(64);
  pthread_mutex_unlock(&mu);
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
  printf("%ld\n", g_bytes);
  return 0;
}
