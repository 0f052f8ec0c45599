// A program built against an installed concur runtime, the way a user's project would be.
#include <concur/concur.hpp>

#include <chrono>
#include <cstdio>

int cube(int x) { return x * x * x; }
CONCUR_REGISTER(cube);

concur::task<int> slow_two() {
  co_await concur::sleep_for(std::chrono::milliseconds(1));
  co_return 2;
}

int main() {
  concur::thread_pool threads(2);
  int a = threads.submit([] { return 1; }).result();
  int b = concur::run(slow_two());
  concur::process_pool processes(1);
  int c = processes.submit(cube, 3).result();
  std::printf("consumer ok: %d %d %d\n", a, b, c);
  return a == 1 && b == 2 && c == 27 ? 0 : 1;
}
