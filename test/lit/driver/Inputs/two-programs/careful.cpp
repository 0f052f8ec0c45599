#include <mutex>
#include <thread>
int counter;
std::mutex mu;
void worker() {
  std::lock_guard<std::mutex> lock(mu);
  counter++;
}
int main() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
  return counter;
}
