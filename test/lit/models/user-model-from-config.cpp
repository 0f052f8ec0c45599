// RUN: rm -rf %t.dir && mkdir %t.dir && printf 'Models:\n  - names: [acme::next_token]\n    mt_unsafe: "acme keeps a global cursor"\n' > %t.dir/models.yaml
// RUN: %check_concur %s %t -- --checks='-*,concur-mt-unsafe-call' --config-file=%t.dir/models.yaml
#include <thread>

namespace acme { const char *next_token(const char *); }

void parse() { acme::next_token("x"); }
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'acme::next_token' is not thread-safe (acme keeps a global cursor)

int main() {
  std::thread t(parse);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: note: thread started here
  t.join();
}
