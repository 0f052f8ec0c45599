// concur-race: yes
// race-on: g_log_size
// trap: race only visible through a chain of helper calls
// tsan: check
#include <cstdio>
#include <thread>

int g_log_size = 0;

static void append_raw(int n) { g_log_size += n; } // RACE
static void log_line(int n) { append_raw(n + 1); }
static void handle_request(int id) { log_line(id); }
static void flush_stats() { append_raw(1); }

int main() {
  std::thread server([] {
    for (int i = 0; i < 10; ++i)
      handle_request(i);
  });
  for (int i = 0; i < 10; ++i)
    flush_stats();
  server.join();
  std::printf("logged\n");
  return 0;
}
