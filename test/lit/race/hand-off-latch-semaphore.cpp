// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access'
// What a thread writes before std::latch::count_down / arrive_and_wait or
// std::counting_semaphore::release is visible to a thread past wait() / acquire() on the same
// object: those pairs are ordered. Writes after the signal, reads before the wait, a signal
// inside the writer's loop (the next iteration writes again), and a semaphore another thread
// also releases (the acquire may have taken that release) still race.
#include <latch>
#include <semaphore>
#include <thread>

std::latch configured(1);
std::binary_semaphore job_ready(0), result_ready(0);
std::latch phase(2);
int config, job, result, slot[2], late, early, looped;
std::counting_semaphore<8> items(0);
void use(int) {}

void configure() {
  config = 42;
  late = 1;
  configured.count_down();
  late = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'late': write by thread 'configure' conflicts with a read by thread 'use_config'; held nothing here, nothing there [concur-race-unsynchronized-access]
}

void use_config() {
  configured.wait();
  use(config + late);
}

void post_job() {
  job = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'job': write by thread 'post_job' conflicts with a read by thread 'take_job'; held nothing here, nothing there [concur-race-unsynchronized-access]
  job_ready.release();
  result = 8;
  result_ready.release();
}

void take_job() {
  use(early);
  job_ready.acquire();
  use(job);
  result_ready.acquire();
  use(result);
}

void write_early() {
  early = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'early': write by thread 'write_early' conflicts with a read by thread 'take_job'; held nothing here, nothing there [concur-race-unsynchronized-access]
  job_ready.release();
}

// Each instance writes its slot, then both meet at the latch and read the other's.
void exchange(int id) {
  slot[id] = id;
  phase.arrive_and_wait();
  use(slot[1 - id]);
}

void produce() {
  for (int i = 0; i < 8; ++i) {
    looped = i;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'looped': write by thread 'produce' conflicts with a read by thread 'consume'; held nothing here, nothing there [concur-race-unsynchronized-access]
    items.release();
  }
}

void consume() {
  for (int i = 0; i < 8; ++i) {
    items.acquire();
    use(looped);
  }
}

int main() {
  std::thread a(configure), b(use_config), c(post_job), d(take_job), e(write_early);
  std::thread f(exchange, 0), g(exchange, 1), h(produce), k(consume);
  for (std::thread *t : {&a, &b, &c, &d, &e, &f, &g, &h, &k})
    t->join();
}
