// RUN: %check_concur %s %t -- --checks='-*,concur-mt-unsafe-call' -- -std=c11
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static void *stamp(void *arg) {
  time_t now = time(NULL);
  struct tm *parts = localtime(&now);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'localtime' is not thread-safe {{.*}}'stamp' runs on a thread started in 'main'
  (void)arg;
  return parts;
}

int main(void) {
  pthread_t thread;
  pthread_create(&thread, NULL, stamp, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here by 'main', running 'stamp'
  pthread_join(thread, NULL);
  return 0;
}
