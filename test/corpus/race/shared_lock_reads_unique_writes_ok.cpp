// concur-race: no
// trap: shared_lock for reads and unique_lock for writes
// tsan: check
#include <cstdio>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>

class Cache {
public:
  int get(int k) const {
    std::shared_lock<std::shared_mutex> lk(mu_);
    auto it = map_.find(k);
    return it == map_.end() ? -1 : it->second;
  }
  void put(int k, int v) {
    std::unique_lock<std::shared_mutex> lk(mu_);
    map_[k] = v;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<int, int> map_;
};

int main() {
  Cache c;
  long found = 0;
  std::thread w([&c] {
    for (int i = 0; i < 50; ++i)
      c.put(i % 10, i);
  });
  std::thread r([&c, &found] {
    for (int i = 0; i < 50; ++i)
      found += c.get(i % 10) >= -1;
  });
  w.join();
  r.join();
  std::printf("%ld %d\n", found, c.get(3));
  return 0;
}
