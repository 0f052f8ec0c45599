// concur-race: no
// trap: static data member that is std::atomic
// tsan: check
#include <atomic>
#include <cstdio>
#include <thread>

class Widget {
public:
  Widget() { ++instances; }
  static std::atomic<int> instances;
};
std::atomic<int> Widget::instances{0};

void make_some() {
  for (int i = 0; i < 20; ++i) {
    Widget w;
    (void)w;
  }
}

int main() {
  std::thread a(make_some);
  std::thread b(make_some);
  a.join();
  b.join();
  std::printf("%d\n", Widget::instances.load());
  return 0;
}
