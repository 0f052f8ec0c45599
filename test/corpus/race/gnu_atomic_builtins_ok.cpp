// concur-race: no
// trap: __atomic builtins on a plain int
// tsan: check
#include <cstdio>
#include <thread>

int hits = 0;
int max_seen = 0;

void work(int base) {
  for (int i = 0; i < 100; ++i) {
    __atomic_fetch_add(&hits, 1, __ATOMIC_RELAXED);
    int v = base + i;
    int cur = __atomic_load_n(&max_seen, __ATOMIC_RELAXED);
    while (v > cur &&
           !__atomic_compare_exchange_n(&max_seen, &cur, v, false,
                                        __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
    }
  }
}

int main() {
  std::thread a(work, 0);
  std::thread b(work, 50);
  a.join();
  b.join();
  std::printf("%d %d\n", hits, max_seen);
  return 0;
}
