// concur-race: yes
// race-on: jobs
// trap: const member call (size) concurrent with a non-const one (push)
// tsan: check
#include <cstdio>
#include <queue>
#include <thread>

std::queue<int> jobs;

int main() {
  std::thread producer([] {
    for (int i = 0; i < 5; ++i)
      jobs.push(i); // RACE
  });
  std::size_t seen = jobs.size(); // RACE
  producer.join();
  std::printf("%d\n", seen <= 5);
  return 0;
}
