// concur-race: yes
// race-on: last_key
// trap: function-local static cache inside a const member function
// tsan: check
#include <cstdio>
#include <thread>

class Parser {
public:
  int parse(int key) const {
    static int last_key = -1;
    static int last_value = 0;
    if (key == last_key) // RACE
      return last_value;
    last_key = key; // RACE
    last_value = key * 3;
    return last_value;
  }
};

int main() {
  Parser p;
  std::thread a([&p] { for (int i = 0; i < 5; ++i) p.parse(i); });
  std::thread b([&p] { for (int i = 0; i < 5; ++i) p.parse(i + 10); });
  a.join();
  b.join();
  std::printf("parsed\n");
  return 0;
}
