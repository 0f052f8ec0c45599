// concur-site: mt-unsafe-parallel
// expect-target: process_pool
// expect-fix: diagnostic-only
// trap: strtok work whose argument and result are raw pointers (no codec): process_pool is named but no fix is possible
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

struct WordStats {
  int words = 0;
  int longest = 0;
};

static std::mutex parse_mutex;

static void scan(const char* text, WordStats* out) {
  std::lock_guard<std::mutex> g(parse_mutex);
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s", text);
  for (char* w = std::strtok(buf, " "); w; w = std::strtok(nullptr, " ")) {
    ++out->words;
    int len = static_cast<int>(std::strlen(w));
    if (len > out->longest) out->longest = len;
  }
}

int main() {
  const char* docs[] = {"the cat sat on the mat", "concurrency is not parallelism", "a b c d e f g",
                        "strtok keeps hidden state between calls"};
  constexpr std::size_t kDocs = sizeof docs / sizeof docs[0];
  std::vector<WordStats> stats(kDocs);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < kDocs; ++i) threads.emplace_back(scan, docs[i], &stats[i]);
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < kDocs; ++i) std::printf("doc %zu: %d words, longest %d\n", i, stats[i].words, stats[i].longest);
  return 0;
}
