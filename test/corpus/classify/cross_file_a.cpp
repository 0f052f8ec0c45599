// Callers of functions whose bodies are in cross_file_b.cpp. Each label here is only right if the
// classifier follows the call into the other translation unit.
#include "cross_file.h"

#include <cstdlib>
#include <string>
#include <vector>

namespace xf {

// expect: io.file
bool init_from_config(const std::string &path, std::string &out) {
  out = load_config(path);
  return !out.empty();
}

// expect: cpu
double evaluate_run(const std::vector<double> &samples) {
  return score_samples(samples) / (samples.empty() ? 1.0 : samples.size());
}

// expect: io.net
int publish_all(int fd, const std::vector<std::pair<std::string, double>> &metrics) {
  int sent = 0;
  for (const auto &[name, value] : metrics)
    sent += publish_metric(fd, name, value) ? 1 : 0;
  return sent;
}

// expect: sync
std::vector<int> reserve_tickets(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i)
    out.push_back(next_ticket());
  return out;
}

// expect: trivial
int discounted(int price, int percent) { return price - scale_percent(price, percent); }

// expect: io.process
bool deploy(const std::string &target) { return run_hook("./deploy.sh " + target); }

// Virtual call whose only override is in cross_file_b.cpp.
// expect: io.file
void save_settings(Store &store, const std::vector<std::pair<std::string, std::string>> &kv) {
  for (const auto &[k, v] : kv)
    store.put(k, v);
}

// expect: io.file
void save_to_dir(const std::string &dir, const std::string &key, const std::string &value) {
  auto store = make_disk_store(dir);
  store->put(key, value);
}

// io in one callee, substantial cpu in another, both in the other file.
// expect: mixed
double score_config_values(const std::string &path) {
  std::string text = load_config(path);
  std::vector<double> values;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos)
      end = text.size();
    values.push_back(std::strtod(text.c_str() + pos, nullptr));
    pos = end + 1;
  }
  return score_samples(values);
}

// expect: trivial
int percent_of(int part, int whole) { return clamp_percent(whole ? part * 100 / whole : 0); }

} // namespace xf
