// concur-race: no
// trap: per-thread objects, each thread writes its own element &results[i]
// tsan: check
#include <cstdio>
#include <thread>
#include <vector>

struct Result {
  long sum;
  int count;
};

void work(Result *out, int id) {
  for (int i = 0; i < 100; ++i) {
    out->sum += i * id;
    out->count++;
  }
}

int main() {
  const int n = 4;
  std::vector<Result> results(n, Result{0, 0});
  std::vector<std::thread> ts;
  for (int i = 0; i < n; ++i)
    ts.emplace_back(work, &results[i], i);
  for (auto &t : ts)
    t.join();
  long total = 0;
  for (auto &r : results)
    total += r.sum + r.count;
  std::printf("%ld\n", total);
  return 0;
}
