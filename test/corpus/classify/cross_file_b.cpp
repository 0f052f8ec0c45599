// Definitions whose callers live in cross_file_a.cpp (declared in cross_file.h).
// Trap: DiskStore::put is the only implementation of the Store interface and is reached from
// cross_file_a.cpp through a virtual call on Store&.
#include "cross_file.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <sys/socket.h>

namespace xf {

// expect: io.file
std::string load_config(const std::string &path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// expect: cpu
double score_samples(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  double score = 0;
  for (size_t i = 0; i < samples.size(); ++i)
    for (size_t j = i + 1; j < samples.size(); ++j)
      score += std::fabs(samples[j] - samples[i]);
  return score;
}

// expect: io.net
bool publish_metric(int fd, const std::string &name, double value) {
  std::string line = name + ":" + std::to_string(value) + "|g\n";
  return ::send(fd, line.data(), line.size(), 0) == static_cast<ssize_t>(line.size());
}

namespace {
std::mutex g_ticket_mutex;
int g_next_ticket = 1;
} // namespace

// expect: sync
int next_ticket() {
  std::lock_guard<std::mutex> lock(g_ticket_mutex);
  return g_next_ticket++;
}

// expect: trivial
int scale_percent(int value, int percent) { return value * clamp_percent(percent) / 100; }

// expect: io.process
bool run_hook(const std::string &script) { return std::system(script.c_str()) == 0; }

class DiskStore : public Store {
public:
  // expect: trivial
  explicit DiskStore(std::string dir) : dir_(std::move(dir)) {}

  // expect: io.file
  void put(const std::string &key, const std::string &value) override {
    std::ofstream out(dir_ + "/" + key, std::ios::trunc);
    out << value;
  }

private:
  std::string dir_;
};

// expect: trivial
std::unique_ptr<Store> make_disk_store(const std::string &dir) {
  return std::make_unique<DiskStore>(dir);
}

} // namespace xf
