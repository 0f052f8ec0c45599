// concur-site: async-fanout
// expect-target: executor
// trap: wait() on every future first, then get() in a second loop; results are std::string
#include <chrono>
#include <cstdio>
#include <future>
#include <string>
#include <thread>
#include <vector>

static std::string render(const std::string& name, int width) {
  std::this_thread::sleep_for(std::chrono::milliseconds(3));  // template fetched from disk
  std::string out = "[" + name;
  while (static_cast<int>(out.size()) < width) out += '.';
  return out + "]";
}

int main() {
  const std::vector<std::string> names = {"header", "nav", "body", "sidebar", "footer"};
  std::vector<std::future<std::string>> parts;
  for (const auto& n : names) parts.push_back(std::async(std::launch::async, render, n, 16));
  for (auto& p : parts) p.wait();
  for (auto& p : parts) std::printf("%s\n", p.get().c_str());
  return 0;
}
