// concur-site: thread-per-task
// expect-target: thread_pool
// trap: each task does real blocking socket I/O (write/read) on its own socketpair
#include <cctype>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

// One request/response exchange over a private socketpair: the "service" end uppercases the
// request and sends it back; both ends are driven from this task with blocking calls.
static std::string exchange(int id) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return "error";
  std::string msg = "hello-" + std::to_string(id);
  char buf[64] = {};
  std::string reply = "eof";
  if (write(sv[0], msg.data(), msg.size()) == static_cast<ssize_t>(msg.size())) {
    ssize_t n = read(sv[1], buf, sizeof buf - 1);  // the service receives
    for (ssize_t k = 0; k < n; ++k) buf[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(buf[k])));
    if (n > 0 && write(sv[1], buf, static_cast<size_t>(n)) == n) {
      std::memset(buf, 0, sizeof buf);
      n = read(sv[0], buf, sizeof buf - 1);  // the client receives the answer
      if (n > 0) reply.assign(buf, static_cast<size_t>(n));
    }
  }
  close(sv[0]);
  close(sv[1]);
  return reply;
}

int main() {
  constexpr int kTasks = 10;
  std::vector<std::string> replies(kTasks);
  std::vector<std::thread> threads;
  threads.reserve(kTasks);
  for (int i = 0; i < kTasks; ++i) threads.emplace_back([i, &replies] { replies[i] = exchange(i); });
  for (auto& t : threads) t.join();
  for (int i = 0; i < kTasks; ++i) std::printf("%d: %s\n", i, replies[i].c_str());
  return 0;
}
