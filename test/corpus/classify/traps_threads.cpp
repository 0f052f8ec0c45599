// Work handed to other threads: lambdas and function objects given to std::thread, std::jthread,
// std::async and the local TinyPool. Rule (README): work a function hands to a thread or pool
// counts as that function's own work; joining it adds sync, and work beats waiting.
// Traps: every function here would look like plain sync (join/get/latch) or trivial (submit)
// without following the callable into its body.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <latch>
#include <numeric>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <vector>

#include "curl_api.h"
#include "openssl_api.h"
#include "sqlite3_api.h"
#include "tiny_pool.h"

namespace handoff {

// A lambda per URL on its own thread, each doing a blocking HTTP transfer.
// expect: io.net
void download_all(const std::vector<std::string> &urls) {
  std::vector<std::thread> threads;
  for (const auto &url : urls) {
    threads.emplace_back([url] {
      CURL *curl = curl_easy_init();
      curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
      curl_easy_perform(curl);
      curl_easy_cleanup(curl);
    });
  }
  for (auto &t : threads)
    t.join();
}

// Fire-and-forget write on the pool.
// expect: io.file
void save_async(TinyPool &pool, std::string path, std::string data) {
  pool.submit([path = std::move(path), data = std::move(data)] {
    std::ofstream out(path, std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
  });
}

// expect: cpu
double parallel_sum_of_squares(const std::vector<double> &v, unsigned nthreads) {
  std::vector<double> partial(nthreads, 0.0);
  std::vector<std::thread> threads;
  size_t chunk = (v.size() + nthreads - 1) / nthreads;
  for (unsigned t = 0; t < nthreads; ++t) {
    threads.emplace_back([&, t] {
      size_t lo = t * chunk, hi = std::min(v.size(), lo + chunk);
      for (size_t i = lo; i < hi; ++i)
        partial[t] += v[i] * v[i];
    });
  }
  for (auto &th : threads)
    th.join();
  return std::accumulate(partial.begin(), partial.end(), 0.0);
}

// expect: cpu
std::vector<unsigned char> digest_async(const std::string &data) {
  auto fut = std::async(std::launch::async, [&data] {
    std::vector<unsigned char> md(SHA256_DIGEST_LENGTH);
    SHA256(reinterpret_cast<const unsigned char *>(data.data()), data.size(), md.data());
    return md;
  });
  return fut.get();
}

// expect: io.terminal
void print_lines(const std::vector<std::string> *lines) {
  for (const auto &l : *lines)
    std::printf("%s\n", l.c_str());
}

// A named function, not a lambda, as the thread body.
// expect: io.terminal
void print_on_thread(const std::vector<std::string> &lines) {
  std::thread t(print_lines, &lines);
  t.join();
}

// expect: io.sleep
bool delayed_flag(std::chrono::milliseconds delay) {
  std::atomic<bool> flag{false};
  std::thread t([&] {
    std::this_thread::sleep_for(delay);
    flag = true;
  });
  t.join();
  return flag;
}

// expect: io.db
void vacuum_in_pool(TinyPool &pool, sqlite3 *handle) {
  std::latch done(1);
  pool.submit([handle, &done] {
    sqlite3_exec(handle, "VACUUM", nullptr, nullptr, nullptr);
    done.count_down();
  });
  done.wait();
}

// expect: io.file
void write_log_jthread(const std::string &path, const std::vector<std::string> &lines) {
  std::jthread writer([&] {
    std::ofstream out(path, std::ios::app);
    for (const auto &l : lines)
      out << l << '\n';
  });
}

struct PingTask {
  int fd;
  // expect: io.net
  void operator()() const {
    char probe = 0;
    ::send(fd, &probe, 1, 0);
    ::recv(fd, &probe, 1, 0);
  }
};

// A function object as the thread body.
// expect: io.net
void ping_on_thread(int fd) {
  std::thread t(PingTask{fd});
  t.join();
}

// expect: cpu
void square_all_in_pool(TinyPool &pool, std::vector<std::vector<double>> &blocks) {
  std::latch done(static_cast<std::ptrdiff_t>(blocks.size()));
  for (auto &block : blocks) {
    pool.submit([&block, &done] {
      for (size_t i = 0; i < block.size(); ++i)
        for (size_t j = 0; j < block.size(); ++j)
          block[i] += block[j] * 1e-9;
      done.count_down();
    });
  }
  done.wait();
}

// expect: io.process
int build_in_background(const std::string &target) {
  auto result = std::async(std::launch::async,
                           [target] { return std::system(("make " + target).c_str()); });
  return result.get();
}

} // namespace handoff
