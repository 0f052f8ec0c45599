// RUN: %check_concur %s %t -- --checks='-*,concur-mt-unsafe-call'
#include <cstring>
#include <thread>

void split(char *line) {
  for (char *tok = strtok(line, ","); tok; tok = strtok(nullptr, ","))
    ;
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: 'strtok' is not thread-safe {{.*}}'split' runs on a thread started in 'main' [concur-mt-unsafe-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:50: warning: 'strtok' is not thread-safe
}

void worker() {
  char line[] = "a,b";
  split(line);
}

int main() {
  std::thread t(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: note: thread started here by 'main', running 'worker'
  t.join();
}
