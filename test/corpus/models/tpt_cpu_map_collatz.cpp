// concur-site: thread-per-task
// expect-target: map
// trap: out[i] = f(in[i]) over a container with one thread per element (2,000 threads): the shape of pool.map
#include <cstdio>
#include <thread>
#include <vector>

static int collatz_steps(long n) {
  int steps = 0;
  while (n != 1) {
    n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
    ++steps;
  }
  return steps;
}

int main() {
  std::vector<long> inputs;
  for (long v = 1; v <= 2000; ++v) inputs.push_back(v * 7 + 1);
  std::vector<int> steps(inputs.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < inputs.size(); ++i) threads.emplace_back([&, i] { steps[i] = collatz_steps(inputs[i]); });
  for (auto& t : threads) t.join();

  std::size_t best = 0;
  long total = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    total += steps[i];
    if (steps[i] > steps[best]) best = i;
  }
  std::printf("inputs %zu total steps %ld longest %ld (%d steps)\n", inputs.size(), total, inputs[best], steps[best]);
  for (std::size_t i = 0; i < 5; ++i) std::printf("  %ld: %d\n", inputs[i], steps[i]);
  return 0;
}
