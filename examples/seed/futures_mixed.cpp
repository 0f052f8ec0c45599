// The seed's "A unified approach for I/O and CPU tasks" with concurrent.futures, in C++:
// downloads on a concur::thread_pool and factorials on a concur::process_pool, each collected
// with as_completed. Python's integers are unbounded, so the factorial works in decimal digits.
#include "local_http.hpp"

#include <concur/process_pool.hpp>
#include <concur/thread_pool.hpp>

#include <map>
#include <string>
#include <vector>

// I/O-bound task
std::size_t download_image(const std::string& url) {
  seed::say("Downloading " + url + "...");
  return seed::http_get(url).body.size();
}

/// `digits` (decimal, most significant first) times a small factor.
std::string times(const std::string& digits, int factor) {
  std::string out(digits.size(), '0');
  int carry = 0;
  for (std::size_t i = digits.size(); i-- > 0;) {
    int v = (digits[i] - '0') * factor + carry;
    out[i] = static_cast<char>('0' + v % 10);
    carry = v / 10;
  }
  return carry ? std::to_string(carry) + out : out;
}

// CPU-bound task
std::string calculate_factorial(int n) {
  if (n == 0) return "1";
  return times(calculate_factorial(n - 1), n);
}
CONCUR_REGISTER(calculate_factorial);

int main() {
  // Workers are copies of the program as it is now, before the server's thread exists.
  concur::process_pool::start_fork_server();
  seed::local_server server({{"/www.python.org", seed::page_of_size(48213, 1)}, {"/github.com", seed::page_of_size(30172, 2)}});

  // --- Using a thread pool for I/O-bound tasks ---
  const std::vector<std::string> urls = {server.url("/www.python.org"), server.url("/github.com")};
  {
    concur::thread_pool executor(5);
    std::map<concur::future<std::size_t>, std::string> future_to_url;
    for (const auto& url : urls) future_to_url.emplace(executor.submit(download_image, url), url);
    for (auto future : concur::as_completed(future_to_url)) {
      const auto& url = future_to_url[future];
      try {
        auto length = future.result();
        seed::say("Downloaded " + url + ", length: " + std::to_string(length));
      } catch (const std::exception& e) {
        seed::say("Error downloading " + url + ": " + e.what());
      }
    }
  }
  seed::say(std::string(20, '-'));

  // --- Using a process pool for CPU-bound tasks ---
  const std::vector<int> numbers = {35, 36, 37};
  {
    concur::process_pool executor(4);
    std::map<concur::future<std::string>, int> future_to_num;
    for (int num : numbers) future_to_num.emplace(executor.submit(calculate_factorial, num), num);
    for (auto future : concur::as_completed(future_to_num)) {
      int num = future_to_num[future];
      try {
        seed::say("Factorial of " + std::to_string(num) + " is " + future.result());
      } catch (const std::exception& e) {
        seed::say("Error calculating factorial of " + std::to_string(num) + ": " + e.what());
      }
    }
  }
}
