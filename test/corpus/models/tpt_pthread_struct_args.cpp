// concur-site: thread-per-task
// expect-target: thread_pool
// trap: pthread_create in a loop from C++ with a heap-free argument struct array; pthread_join loop; nanosleep as I/O
#include <cstdio>
#include <ctime>
#include <pthread.h>

struct Job {
  int id;
  int bytes;  // result
};

static void* upload(void* arg) {
  Job* job = static_cast<Job*>(arg);
  timespec ts{0, 3 * 1000 * 1000};
  nanosleep(&ts, nullptr);  // waiting on the storage service
  job->bytes = 512 * (job->id + 1);
  return nullptr;
}

int main() {
  constexpr int kJobs = 8;
  Job jobs[kJobs];
  pthread_t tids[kJobs];
  for (int i = 0; i < kJobs; ++i) {
    jobs[i].id = i;
    jobs[i].bytes = 0;
    if (pthread_create(&tids[i], nullptr, upload, &jobs[i]) != 0) return 1;
  }
  for (int i = 0; i < kJobs; ++i) pthread_join(tids[i], nullptr);
  for (int i = 0; i < kJobs; ++i) std::printf("job %d uploaded %d bytes\n", jobs[i].id, jobs[i].bytes);
  return 0;
}
