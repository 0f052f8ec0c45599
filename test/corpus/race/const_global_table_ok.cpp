// concur-race: no
// trap: const globals only read by threads
// tsan: check
#include <cstdio>
#include <thread>

const int kPrimes[] = {2, 3, 5, 7, 11, 13, 17, 19};
const char *const kNames[] = {"zero", "one", "two"};
static const double kScale = 1.5;

double results[2];

void weigh(int which) {
  double s = 0;
  for (int p : kPrimes)
    s += p * kScale;
  results[which] = s + kNames[which][0];
}

int main() {
  std::thread a(weigh, 0);
  std::thread b(weigh, 1);
  a.join();
  b.join();
  std::printf("%.1f %.1f\n", results[0], results[1]);
  return 0;
}
