#include <thread>
int counter;
void worker() { counter++; }
int main() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
  return counter;
}
