// RUN: %check_concur %s %t -- --checks='-*,concur-model-*'
#include <fcntl.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

double crunch(const double *first, const double *last) {
  double s = 0;
  for (const double *p = first; p != last; ++p)
    for (int k = 0; k < 64; ++k)
      s += *p * k;
  return s;
}

void chunked(const std::vector<double> &data, std::vector<double> &partial) {
  unsigned n = std::thread::hardware_concurrency();
  std::vector<std::thread> threads;
  for (unsigned c = 0; c < n; ++c)
    threads.emplace_back([&, c] { partial[c] = crunch(data.data() + c, data.data() + c + 1); });
  for (auto &t : threads)
    t.join();
}

void handle(int fd) {
  char buf[512];
  long n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
    ::send(fd, buf, size_t(n), 0);
  ::close(fd);
}

void serve(int listener) {
  while (true) {
    int fd = ::accept(listener, nullptr, nullptr);
    if (fd < 0)
      return;
    std::thread(handle, fd).detach();
  }
}

std::string read_one(const std::string &path) {
  char buf[4096];
  int fd = ::open(path.c_str(), O_RDONLY);
  long n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  return std::string(buf, n > 0 ? size_t(n) : 0);
}

std::vector<std::string> read_all(const std::vector<std::string> &paths) {
  std::vector<std::string> out(paths.size());
  for (size_t i = 0; i < paths.size(); ++i)
    out[i] = read_one(paths[i]);
  return out;
}

// CHECK-MESSAGES: :21:5: warning: threads (one per core) run cpu-bound 'chunked::(lambda)'{{.*}}use concur::thread_pool::parallel_for{{.*}}[concur-model-manual-chunking]
// CHECK-MESSAGES: :21:48: note: 'chunked::(lambda)' is cpu: it calls crunch
// CHECK-MESSAGES: :12:5: note: 'chunked::(lambda)' is cpu: it has a loop nest of depth 2
// CHECK-MESSAGES: :39:5: warning: threads (one per connection) run io-bound 'handle'{{.*}}use coroutines on concur::event_loop{{.*}}[concur-model-thread-per-connection]
// CHECK-MESSAGES: :29:15: note: 'handle' is io: it calls recv in a loop
// CHECK-MESSAGES: :53:3: warning: a loop over its items makes independent blocking calls, one after another: it calls io-bound 'read_one'{{.*}}use concur::thread_pool{{.*}}[concur-model-serial-blocking-loop]
// CHECK-MESSAGES: :45:12: note: 'read_one' is io: it calls open
