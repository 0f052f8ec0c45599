// concur-race: yes
// race-on: data.count
// trap: field of a global struct updated by two threads
// tsan: check
#include <cstdio>
#include <thread>

struct Data {
  int count;
  int limit;
};

Data data = {0, 100};

void consume() {
  for (int i = 0; i < 10; ++i)
    if (data.count < data.limit) // RACE
      data.count++; // RACE
}

int main() {
  std::thread a(consume);
  std::thread b(consume);
  a.join();
  b.join();
  std::printf("%d\n", data.limit);
  return 0;
}
