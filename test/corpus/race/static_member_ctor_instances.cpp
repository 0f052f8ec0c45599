// concur-race: yes
// race-on: instances
// trap: constructor increments a static member while objects are created on two threads
// tsan: check
#include <cstdio>
#include <thread>

class Widget {
public:
  Widget() { ++instances; } // RACE
  static int instances;
};
int Widget::instances = 0;

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
  std::printf("%d\n", Widget::instances > 0);
  return 0;
}
