// concur-race: no
// trap: C++ member computed through a local reduction variable
// tsan: check
#include <cstdio>
#include <vector>

class Summer {
public:
  explicit Summer(int n) : v_(n, 1) {}
  long sum() {
    long t = 0;
#pragma omp parallel for reduction(+ : t)
    for (int i = 0; i < (int)v_.size(); ++i)
      t += v_[i];
    total_ = t;
    return total_;
  }

private:
  std::vector<int> v_;
  long total_ = 0;
};

int main() {
  Summer s(1000);
  std::printf("%ld\n", s.sum());
  return 0;
}
