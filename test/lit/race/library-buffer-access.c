// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11
// Library functions that read or write through their pointer arguments (`arg_access` in the
// models) access the caller's memory: a memcpy into a buffer races with a strlen of it in
// another thread. A thread formatting into its own row (`rows[id]`, `&cells[id * 8]`) races
// with nobody.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

char banner[64];
char rows[4][32];
int cells[32];

static void *writer(void *arg) {
  (void)arg;
  memcpy(banner, "ready", 6);
  return NULL;
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: data race on 'banner': write by thread 'writer' conflicts with a read by thread 'reader'{{.*}}[concur-race-unsynchronized-access]

static void *reader(void *arg) {
  (void)arg;
  return (void *)strlen(banner);
}

static void *format_row(void *arg) {
  long id = (long)arg;
  snprintf(rows[id], sizeof rows[id], "row %ld", id);
  memset(&cells[id * 8], 0, 8 * sizeof(int));
  return NULL;
}

int main(void) {
  pthread_t w, r, f[4];
  pthread_create(&w, NULL, writer, NULL);
  pthread_create(&r, NULL, reader, NULL);
  for (long i = 0; i < 4; ++i)
    pthread_create(&f[i], NULL, format_row, (void *)i);
  pthread_join(w, NULL);
  pthread_join(r, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(f[i], NULL);
  return rows[0][0] + cells[0];
}

// Two threads of one function, each with its own buffer on its own stack: no race, whichever
// library call fills it.
static void *format_line(void *arg) {
  char line[32];
  memset(line, 'x', sizeof line);
  snprintf(line, sizeof line, "%ld", (long)arg);
  return (void *)(long)strlen(line);
}
void two_formatters(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, format_line, NULL);
  pthread_create(&b, NULL, format_line, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}
