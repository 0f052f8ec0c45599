// concur-site: none
// expect-target: none
// trap: one thread started once (not per task) to load configuration while main computes; joined before use
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>

static std::map<std::string, std::string> load_config() {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // reading a remote config store
  return {{"threads", "4"}, {"mode", "fast"}, {"region", "eu-west"}};
}

int main() {
  std::map<std::string, std::string> config;
  std::thread loader([&config] { config = load_config(); });

  long warmup = 0;
  for (int i = 0; i < 1000000; ++i) warmup = (warmup + i * 7) % 1000003;

  loader.join();
  std::printf("warmup %ld\n", warmup);
  for (const auto& [k, v] : config) std::printf("%s = %s\n", k.c_str(), v.c_str());
  return 0;
}
