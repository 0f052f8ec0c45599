// Callers of ACME's library, whose functions are declared in acme.h with no body and are known
// only through the Models: key of this directory's .concur.yaml.
// Traps: without the project models every function here but the last would be unknown;
// acme_version stays unknown because no model names it.
#include <map>
#include <string>
#include <vector>

#include "acme.h"

namespace acme {

// expect: io.net
std::string fetch_setting(const std::string &key) {
  char buf[1024];
  int n = acme_fetch(key.c_str(), buf, sizeof buf);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

// expect: io.net
std::vector<std::string> fetch_settings(const std::vector<std::string> &keys) {
  std::vector<std::string> values;
  for (const auto &k : keys)
    values.push_back(fetch_setting(k));
  return values;
}

class SettingsCache {
public:
  // expect: io.net
  const std::string &get(const std::string &key) {
    auto it = cache_.find(key);
    if (it != cache_.end())
      return it->second;
    return cache_[key] = fetch_setting(key);
  }

  // expect: trivial
  size_t cached() const { return cache_.size(); }

private:
  std::map<std::string, std::string> cache_;
};

// expect: io.net
int prefetch(const char *const *keys, int n) {
  std::vector<char> out(static_cast<size_t>(n) * 256);
  return acme_fetch_batch(keys, n, out.data());
}

// expect: cpu
std::string fingerprint(const std::string &blob) {
  unsigned char digest[32];
  acme_digest(blob.data(), blob.size(), digest);
  return std::string(reinterpret_cast<char *>(digest), sizeof digest);
}

// expect: sync
bool rendezvous(int peer_id) { return acme_wait_for_peer(peer_id, 5000) == 0; }

// expect: io.file
bool spool(const std::string &queue, const std::string &payload) {
  return acme_spool_write(queue.c_str(), payload.data(), payload.size()) == 0;
}

// expect: mixed
std::string fetch_and_fingerprint(const std::string &key) {
  return fingerprint(fetch_setting(key));
}

// expect: unknown
int library_version() { return acme_version(); }

} // namespace acme
