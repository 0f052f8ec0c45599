// concur-site: none
// expect-target: none
// trap: two threads running different functions (ping, pong) that hand a token back and forth through a condition variable
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Table {
  std::mutex m;
  std::condition_variable cv;
  bool ping_turn = true;
  int volleys = 0;
  std::vector<std::string> log;
};

static void ping(Table& t, int rounds) {
  for (int i = 0; i < rounds; ++i) {
    std::unique_lock<std::mutex> lk(t.m);
    t.cv.wait(lk, [&] { return t.ping_turn; });
    t.log.push_back("ping " + std::to_string(++t.volleys));
    t.ping_turn = false;
    t.cv.notify_all();
  }
}

static void pong(Table& t, int rounds) {
  for (int i = 0; i < rounds; ++i) {
    std::unique_lock<std::mutex> lk(t.m);
    t.cv.wait(lk, [&] { return !t.ping_turn; });
    t.log.push_back("pong " + std::to_string(++t.volleys));
    t.ping_turn = true;
    t.cv.notify_all();
  }
}

int main() {
  Table table;
  std::thread a(ping, std::ref(table), 5);
  std::thread b(pong, std::ref(table), 5);
  a.join();
  b.join();
  for (const auto& line : table.log) std::printf("%s\n", line.c_str());
  return 0;
}
