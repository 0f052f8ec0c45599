#include "shared.h"
#include <thread>

int main() {
  std::thread a(log_event), b(log_event);
  a.join();
  b.join();
  return events;
}
