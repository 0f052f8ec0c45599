#include "shared.h"
#include <ctime>

int events = 0;

void log_event() {
  std::time_t now = std::time(nullptr);
  std::tm *parts = std::localtime(&now);
  events += parts != nullptr;
}
