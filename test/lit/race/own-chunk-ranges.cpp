// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20
// A thread that loops over its own slice, both bounds computed from its own index or its own
// arguments (`for (c = id * k; c < (id + 1) * k; ++c)`, `for (i = begin; i < end; ++i)`),
// writes elements no other thread writes. A slice whose bound it shares with the next (`<=`)
// or a loop over the same range in every thread is a race.
#include <algorithm>
#include <thread>
#include <vector>

constexpr int kChunk = 4;

int own_slices() {
  std::vector<int> out(2 * kChunk);
  auto body = [&](int id) {
    for (int c = id * kChunk; c < (id + 1) * kChunk; ++c)
      out[c] = c;
  };
  std::thread a(body, 0), b(body, 1);
  a.join();
  b.join();
  return out[5];
}

static void fill(std::vector<double> &v, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i)
    v[i] = double(i);
}
int computed_bounds() {
  std::vector<double> samples(1000);
  const std::size_t workers = 4, per = samples.size() / workers;
  std::vector<std::thread> pool;
  for (std::size_t w = 0; w < workers; ++w) {
    std::size_t b = w * per;
    std::size_t e = std::min(samples.size(), b + per);
    pool.emplace_back(fill, std::ref(samples), b, e);
  }
  for (auto &t : pool)
    t.join();
  return int(samples[999]);
}

int shared_bound() {
  std::vector<int> out(2 * kChunk + 1);
  auto body = [&](int id) {
    for (int c = id * kChunk; c <= (id + 1) * kChunk; ++c)
      out[c] = c;
  };
  std::thread a(body, 0), b(body, 1);
  a.join();
  b.join();
  return out[4];
}
// CHECK-MESSAGES: :[[@LINE-7]]:7: warning: data race on 'out[c]': write by thread 'shared_bound::(lambda)' conflicts with a write by thread 'shared_bound::(lambda)'{{.*}}[concur-race-unsynchronized-access]

int same_range() {
  std::vector<int> out(kChunk);
  auto body = [&](int id) {
    for (int c = 0; c < kChunk; ++c)
      out[c] = id;
  };
  std::thread a(body, 0), b(body, 1);
  a.join();
  b.join();
  return out[0];
}
// CHECK-MESSAGES: :[[@LINE-7]]:7: warning: data race on 'out[c]': write by thread 'same_range::(lambda)' conflicts with a write by thread 'same_range::(lambda)'{{.*}}[concur-race-unsynchronized-access]
