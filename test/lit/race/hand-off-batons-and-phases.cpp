// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20 -pthread
// Two semaphores passed back and forth as a baton order what each thread does between its wait
// and its post, also around a loop (a wait at the end of one pass comes before the next pass's
// access). Accesses between different waits of one barrier, which every thread passes the
// same number of times per round, are in different phases. An access outside the baton, or
// in the same phase, still races.
#include <barrier>
#include <semaphore.h>
#include <semaphore>
#include <thread>
#include <vector>

std::binary_semaphore ping{0}, pong{0};
int ball, stray, rounds;

void rally() {
  std::thread other([] {
    for (int i = 0; i < 50; ++i) {
      ping.acquire();
      ball += 2;
      stray += 2;
      pong.release();
    }
  });
  for (int i = 0; i < 50; ++i) {
    ball += 1;
    ping.release();
    stray += 1;
    pong.acquire();
  }
  other.join();
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: data race on 'stray'{{.*}}[concur-race-unsynchronized-access]

static char buffer[64];
static sem_t filled, emptied;
static void *produce(void *) {
  for (int i = 0; i < 10; i++) {
    sem_wait(&emptied);
    buffer[0] = char('a' + i);
    sem_post(&filled);
  }
  return nullptr;
}
static void *consume(void *total) {
  for (int i = 0; i < 10; i++) {
    sem_wait(&filled);
    *static_cast<int *>(total) += buffer[0];
    buffer[0] = 0;
    sem_post(&emptied);
  }
  return nullptr;
}
void hand_over() {
  pthread_t p, c;
  int total = 0;
  sem_init(&filled, 0, 0);
  sem_init(&emptied, 0, 1);
  pthread_create(&p, nullptr, produce, nullptr);
  pthread_create(&c, nullptr, consume, &total);
  pthread_join(p, nullptr);
  pthread_join(c, nullptr);
}

void stencil(std::vector<int> &cur, std::vector<int> &next) {
  std::barrier sync(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      for (int step = 0; step < 5; ++step) {
        next[i] = (cur[(i + 3) % 4] + cur[i] + cur[(i + 1) % 4]) / 3;
        ++rounds;
        sync.arrive_and_wait();
        cur[i] = next[i];
        sync.arrive_and_wait();
      }
    });
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-9]]:9: warning: data race on 'rounds'{{.*}}[concur-race-unsynchronized-access]

int main() {
  std::vector<int> cur(4), next(4);
  rally();
  hand_over();
  stencil(cur, next);
}
