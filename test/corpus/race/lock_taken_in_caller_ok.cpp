// concur-race: no
// trap: lock taken in the caller around a helper that accesses the variable
// tsan: check
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
int g_log_size = 0;

static void append_raw(int n) { g_log_size += n; }
static void log_line(int n) { append_raw(n + 1); }

void handle_request(int id) {
  std::lock_guard<std::mutex> g(mu);
  log_line(id);
}

void flush_stats() {
  std::lock_guard<std::mutex> g(mu);
  append_raw(1);
}

int main() {
  std::thread server([] {
    for (int i = 0; i < 10; ++i)
      handle_request(i);
  });
  for (int i = 0; i < 10; ++i)
    flush_stats();
  server.join();
  std::printf("%d\n", g_log_size);
  return 0;
}
