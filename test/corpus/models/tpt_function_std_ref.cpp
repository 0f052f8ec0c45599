// concur-site: thread-per-task
// expect-target: thread_pool
// trap: free function started with arguments, the result slot passed by std::ref; threads kept in a plain array
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>

static void resolve(const std::string& host, int attempt, std::string& out) {
  std::this_thread::sleep_for(std::chrono::milliseconds(4));  // DNS round trip
  out = host + "=10.0." + std::to_string(attempt) + "." + std::to_string(host.size());
}

int main() {
  const std::string hosts[5] = {"alpha", "bravo", "charlie", "delta", "echo"};
  std::string answers[5];
  std::thread threads[5];
  for (int i = 0; i < 5; ++i) threads[i] = std::thread(resolve, hosts[i], i, std::ref(answers[i]));
  for (int i = 0; i < 5; ++i) threads[i].join();
  for (const auto& a : answers) std::printf("%s\n", a.c_str());
  return 0;
}
