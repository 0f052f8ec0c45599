#include <cstdlib>
#include <thread>
int roll() { return std::rand(); }
int main() {
  std::thread t(roll);
  t.join();
}
