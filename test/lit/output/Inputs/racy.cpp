#include <thread>

int counter;

void bump() { counter += 1; }

int main() {
  std::thread a(bump), b(bump);
  a.join();
  b.join();
  return counter;
}
