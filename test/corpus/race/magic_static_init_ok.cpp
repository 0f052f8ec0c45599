// concur-race: no
// trap: function-local static initialisation (magic statics) only read afterwards
// tsan: check
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

const std::vector<std::string> &colors() {
  static const std::vector<std::string> names = {"red", "green", "blue"};
  return names;
}

class Registry {
public:
  static Registry &instance() {
    static Registry r;
    return r;
  }
  int base() const { return base_; }

private:
  Registry() : base_(40) {}
  int base_;
};

int main() {
  std::size_t n1 = 0, n2 = 0;
  std::thread a([&n1] { n1 = colors()[1].size() + Registry::instance().base(); });
  std::thread b([&n2] { n2 = colors()[2].size() + Registry::instance().base(); });
  a.join();
  b.join();
  std::printf("%zu %zu\n", n1, n2);
  return 0;
}
