// A raw pointer means nothing in another process: returning one must not compile.
#include <concur/process_pool.hpp>

int* address_of(int) {
  static int x;
  return &x;
}
CONCUR_REGISTER(address_of);
