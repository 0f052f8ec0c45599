// concur-race: yes
// race-on: this->total_
// trap: C++ member field accumulated inside an OpenMP parallel for
// tsan: check
#include <cstdio>
#include <vector>

class Summer {
public:
  explicit Summer(int n) : v_(n, 1) {}
  long sum() {
    total_ = 0;
#pragma omp parallel for
    for (int i = 0; i < (int)v_.size(); ++i)
      this->total_ += v_[i]; // RACE
    return total_;
  }

private:
  std::vector<int> v_;
  long total_ = 0;
};

int main() {
  Summer s(1000);
  std::printf("%d\n", s.sum() > 0);
  return 0;
}
