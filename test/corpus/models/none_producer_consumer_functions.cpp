// concur-site: none
// expect-target: none
// trap: two threads running different functions (produce, consume) that talk through a bounded queue + condition variables
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Channel {
  std::mutex m;
  std::condition_variable not_empty, not_full;
  std::deque<std::string> items;
  bool closed = false;
  static constexpr std::size_t kCapacity = 4;
};

static void produce(Channel& ch, int count) {
  for (int i = 0; i < count; ++i) {
    std::unique_lock<std::mutex> lk(ch.m);
    ch.not_full.wait(lk, [&] { return ch.items.size() < Channel::kCapacity; });
    ch.items.push_back("msg-" + std::to_string(i));
    ch.not_empty.notify_one();
  }
  std::lock_guard<std::mutex> lk(ch.m);
  ch.closed = true;
  ch.not_empty.notify_one();
}

static void consume(Channel& ch, std::vector<std::string>& out) {
  for (;;) {
    std::unique_lock<std::mutex> lk(ch.m);
    ch.not_empty.wait(lk, [&] { return !ch.items.empty() || ch.closed; });
    if (ch.items.empty()) return;
    out.push_back(ch.items.front() + "!");
    ch.items.pop_front();
    ch.not_full.notify_one();
  }
}

int main() {
  Channel ch;
  std::vector<std::string> received;
  std::thread producer(produce, std::ref(ch), 25);
  std::thread consumer(consume, std::ref(ch), std::ref(received));
  producer.join();
  consumer.join();
  std::printf("received %zu: first %s last %s\n", received.size(), received.front().c_str(), received.back().c_str());
  return 0;
}
