// A lambda cannot be sent to a worker process.
#include <concur/process_pool.hpp>

int main() {
  concur::process_pool pool(1);
  return pool.submit([](int x) { return x; }, 1).result();
}
