// concur-site: thread-per-task
// expect-target: thread_pool
// trap: std::thread per URL in a loop, each writes its own vector slot; join loop; I/O simulated by sleep_for
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

// Pretend to download a page: the latency is the point, the body is derived from the URL.
static std::size_t fetch(const std::string& url) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return url.size() * 100 + 42;
}

int main() {
  std::vector<std::string> urls;
  for (int i = 0; i < 8; ++i) urls.push_back("http://example.test/page/" + std::to_string(i));

  std::vector<std::size_t> sizes(urls.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    threads.emplace_back([&sizes, &urls, i] { sizes[i] = fetch(urls[i]); });
  }
  for (auto& t : threads) t.join();

  for (std::size_t i = 0; i < urls.size(); ++i) std::printf("%s -> %zu bytes\n", urls[i].c_str(), sizes[i]);
  return 0;
}
