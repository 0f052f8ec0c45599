// concur-site: serial-blocking-loop
// expect-target: map
// trap: index loop of independent slow calls writing results[i]; no loop-carried dependence, no shared writes
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

static int fetch_status(const std::string& endpoint) {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));  // one HTTP round trip
  return endpoint.size() % 2 ? 200 : 204;
}

int main() {
  const std::vector<std::string> endpoints = {"/health", "/users", "/orders", "/items", "/cart", "/search", "/login", "/logout"};
  std::vector<int> status(endpoints.size());
  for (std::size_t i = 0; i < endpoints.size(); ++i) status[i] = fetch_status(endpoints[i]);
  for (std::size_t i = 0; i < endpoints.size(); ++i) std::printf("%-8s %d\n", endpoints[i].c_str(), status[i]);
  return 0;
}
