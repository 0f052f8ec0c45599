// RUN: %check_concur %s %t --fix -- --checks='-*,concur-model-*'
// RUN: clang++-19 -std=c++20 -fsyntax-only -I%concur_source/runtime/include %t.cpp
// pthread_create in C++: each thread becomes a pool task, its pthread_t a concur::future<void *>,
// pthread_join a wait on it. The status checks go: submit throws instead of failing.
#include <cstdio>
#include <pthread.h>
#include <unistd.h>

struct Job {
  int fd;
  long got;
};

static void *pull(void *arg) {
  Job *job = static_cast<Job *>(arg);
  char buf[64];
  job->got = read(job->fd, buf, sizeof buf);
  return job;
}

long pull_all(Job *jobs, int n) {
  pthread_t tids[16];
  for (int i = 0; i < n; ++i) {
    if (pthread_create(&tids[i], nullptr, pull, &jobs[i]) != 0)
      return -1;
  }
  long total = 0;
  for (int i = 0; i < n; ++i) {
    void *done = nullptr;
    pthread_join(tids[i], &done);
    total += static_cast<Job *>(done)->got;
  }
  return total;
}
// CHECK-MESSAGES: :[[@LINE-11]]:9: warning: {{.*}}use concur::thread_pool{{.*}}[concur-model-thread-per-task]
// CHECK-FIXES: concur::future<void *> tids[16];
// CHECK-FIXES-NEXT: concur::thread_pool pool(std::clamp<std::size_t>(n, 1, 32));
// CHECK-FIXES-NEXT: for (int i = 0; i < n; ++i) {
// CHECK-FIXES-NEXT: tids[i] = pool.submit(pull, &jobs[i]);
// CHECK-FIXES-NEXT: }
// CHECK-FIXES: done = tids[i].result();

// Attributes have no counterpart on a pool: no fix, and the note says why.
long with_attributes(Job *jobs, int n) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_t tids[4];
  for (int i = 0; i < n; ++i)
    pthread_create(&tids[i], &attr, pull, &jobs[i]);
  for (int i = 0; i < n; ++i)
    pthread_join(tids[i], nullptr);
  return jobs[0].got;
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: {{.*}}[concur-model-thread-per-task]
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: no automatic rewrite: the thread is created with attributes, which a pool's task does not have
// CHECK-FIXES: pthread_create(&tids[i], &attr, pull, &jobs[i]);
