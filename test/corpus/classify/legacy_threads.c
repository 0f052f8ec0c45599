/* C11 code on pthreads and POSIX semaphores.
 * Traps: c_write_in_thread and c_parallel_fill hand a named function to pthread_create, so they
 * take the thread body's label (io.file, cpu), not just sync from the join; trylock and sem_post
 * never block (trivial). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_ready_cv = PTHREAD_COND_INITIALIZER;
static pthread_rwlock_t g_table_lock = PTHREAD_RWLOCK_INITIALIZER;
static long g_total;
static int g_ready;
static int g_table[64];

// expect: sync
void c_counter_add(long delta) {
  pthread_mutex_lock(&g_lock);
  g_total += delta;
  pthread_mutex_unlock(&g_lock);
}

// expect: trivial
int c_try_counter_add(long delta) {
  if (pthread_mutex_trylock(&g_lock) != 0)
    return 0;
  g_total += delta;
  pthread_mutex_unlock(&g_lock);
  return 1;
}

// expect: sync
void c_wait_ready(void) {
  pthread_mutex_lock(&g_lock);
  while (!g_ready)
    pthread_cond_wait(&g_ready_cv, &g_lock);
  pthread_mutex_unlock(&g_lock);
}

// expect: sync
void c_signal_ready(void) {
  pthread_mutex_lock(&g_lock);
  g_ready = 1;
  pthread_cond_broadcast(&g_ready_cv);
  pthread_mutex_unlock(&g_lock);
}

// expect: sync
int c_table_get(int i) {
  pthread_rwlock_rdlock(&g_table_lock);
  int v = g_table[i & 63];
  pthread_rwlock_unlock(&g_table_lock);
  return v;
}

// expect: sync
void c_take_slot(sem_t *slots) {
  while (sem_wait(slots) != 0) {
  }
}

// expect: trivial
void c_give_slot(sem_t *slots) { sem_post(slots); }

// expect: sync
void c_join_all(pthread_t *threads, size_t n) {
  for (size_t i = 0; i < n; ++i)
    pthread_join(threads[i], NULL);
}

struct write_job {
  const char *path;
  const char *text;
};

// expect: io.file
static void *c_writer_thread(void *arg) {
  const struct write_job *job = arg;
  FILE *f = fopen(job->path, "w");
  if (f) {
    fputs(job->text, f);
    fclose(f);
  }
  return NULL;
}

// expect: io.file
int c_write_in_thread(const char *path, const char *text) {
  struct write_job job = {path, text};
  pthread_t t;
  if (pthread_create(&t, NULL, c_writer_thread, &job) != 0)
    return -1;
  pthread_join(t, NULL);
  return 0;
}

struct fill_job {
  double *rows;
  size_t first, last, width;
};

// expect: cpu
static void *c_fill_rows(void *arg) {
  struct fill_job *job = arg;
  for (size_t r = job->first; r < job->last; ++r)
    for (size_t c = 0; c < job->width; ++c)
      job->rows[r * job->width + c] = (double)(r * c) / (double)(r + c + 1);
  return NULL;
}

// expect: cpu
void c_parallel_fill(double *rows, size_t height, size_t width) {
  pthread_t threads[4];
  struct fill_job jobs[4];
  size_t step = (height + 3) / 4;
  for (int i = 0; i < 4; ++i) {
    size_t first = step * (size_t)i;
    size_t last = first + step < height ? first + step : height;
    jobs[i] = (struct fill_job){rows, first < height ? first : height, last, width};
    pthread_create(&threads[i], NULL, c_fill_rows, &jobs[i]);
  }
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
}
