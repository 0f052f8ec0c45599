// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c++20
// Destructors that wait for the work: a vector of std::jthread joins each thread at the end of
// its block, and the future of a discarded std::async waits for its task at the end of the
// statement (the calls run one after another). A future moved into a vector waits for nothing.
#include <future>
#include <thread>
#include <vector>

int read_after_scope() {
  std::vector<int> out(4);
  {
    std::vector<std::jthread> workers;
    for (int i = 0; i < 4; ++i)
      workers.emplace_back([&out, i] { out[i] = i * i; });
  }
  return out[0] + out[3];
}

std::vector<int> log_lines;
static void append(int i) { log_lines.push_back(i); }
void one_after_another() {
  for (int i = 0; i < 4; ++i)
    std::async(std::launch::async, append, i);
}

int kept_total;
static void add(int i) { kept_total += i; }
void kept_futures() {
  std::vector<std::future<void>> tasks;
  for (int i = 0; i < 4; ++i)
    tasks.push_back(std::async(std::launch::async, add, i));
  for (auto &t : tasks)
    t.get();
}
// CHECK-MESSAGES: :[[@LINE-8]]:26: warning: data race on 'kept_total': write by thread 'add' conflicts with a write by another instance of thread 'add'{{.*}}[concur-race-unsynchronized-access]

// clear() destroys every std::jthread in the container, and each destruction joins.
int read_after_clear() {
  std::vector<int> out(4);
  std::vector<std::jthread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([&out, i] { out[i] = i + 1; });
  workers.clear();
  return out[0] + out[3];
}
int main() { return read_after_clear(); }
