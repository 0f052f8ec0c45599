// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20 -pthread
// A range-for reads every element of its range, through iterators the library hides: it
// races with another thread's writes to the elements. A range the thread made itself, or one
// read after the writer was joined, does not.
#include <thread>
#include <vector>

void monitor_while_filling() {
  std::vector<double> samples(1000);
  double peak = 0;
  std::thread sensor([&samples] {
    for (std::size_t i = 0; i < samples.size(); ++i)
      samples[i] = 0.5 * double(i);
  });
  std::thread monitor([&samples, &peak] {
    for (double s : samples)
      if (s > peak)
        peak = s;
  });
  sensor.join();
  monitor.join();
}
// CHECK-MESSAGES: :[[@LINE-10]]:7: warning: data race on 'samples[i]'{{.*}}conflicts with a read{{.*}}[concur-race-unsynchronized-access]

void read_after_join() {
  std::vector<double> samples(1000);
  std::thread sensor([&samples] {
    for (std::size_t i = 0; i < samples.size(); ++i)
      samples[i] = 0.5 * double(i);
  });
  sensor.join();
  double total = 0;
  for (double s : samples)
    total += s;
}

void own_range() {
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([t] {
      std::vector<int> mine(100, t);
      long sum = 0;
      for (int v : mine)
        sum += v;
    });
  for (auto &th : threads)
    th.join();
}

int main() {
  monitor_while_filling();
  read_after_join();
  own_range();
}
