// concur-race: yes
// race-on: instance
// trap: lazy singleton with a plain static pointer and no lock
// tsan: check
#include <cstdio>
#include <thread>

class Registry {
public:
  static Registry *get() {
    if (instance == nullptr) // RACE
      instance = new Registry(); // RACE
    return instance;
  }
  int id = 3;

private:
  static Registry *instance;
};
Registry *Registry::instance = nullptr;

int main() {
  int a = 0, b = 0;
  std::thread t1([&a] { a = Registry::get() != nullptr; });
  std::thread t2([&b] { b = Registry::get() != nullptr; });
  t1.join();
  t2.join();
  std::printf("%d %d\n", a, b);
  return 0;
}
