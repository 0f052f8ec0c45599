// RUN: %concur --classify --no-cache %s -- -std=c++20 | FileCheck %s
// RUN: %concur --classify --no-cache --format=json %s -- -std=c++20 | FileCheck --check-prefix=JSON %s
#include <cstddef>
#include <sys/socket.h>
#include <vector>

struct Downloader {
  long fetch(int fd, char *buf, std::size_t n) { return ::recv(fd, buf, n, 0); }
};

// CHECK: evidence-chain.cpp:[[@LINE+2]]:6: fetch_all: io (net) [confidence {{[0-9.]+}}]
// CHECK-NEXT: io: calls Downloader::fetch in a loop (evidence-chain.cpp:[[@LINE+6]]), which calls recv (evidence-chain.cpp:8)
long fetch_all(const std::vector<int> &fds) {
  Downloader d;
  char buf[4096];
  long total = 0;
  for (int fd : fds)
    total += d.fetch(fd, buf, sizeof buf);
  return total;
}

// CHECK: :[[@LINE+2]]:8: smooth: cpu [confidence
// CHECK-NEXT: cpu: has a loop nest of depth 2 doing arithmetic over its data
double smooth(const std::vector<std::vector<double>> &grid) {
  double sum = 0;
  for (const auto &row : grid)
    for (double v : row)
      sum += v * 0.5;
  return sum;
}

// CHECK: :[[@LINE+1]]:5: answer: trivial
int answer() { return 42; }

// JSON: "line": 13,
// JSON-NEXT: "name": "fetch_all",
// JSON-NEXT: "subkinds": [
// JSON-NEXT: "net"
