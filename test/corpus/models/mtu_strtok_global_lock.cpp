// concur-site: mt-unsafe-parallel
// expect-target: process_pool
// trap: CPU parsing with strtok in every thread, serialized behind one global mutex because strtok is MT-unsafe
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

static std::mutex strtok_mutex;  // strtok keeps its position in a static: one parser at a time

static long checksum_fields(std::string line) {
  std::lock_guard<std::mutex> lock(strtok_mutex);
  long total = 0;
  for (int pass = 0; pass < 300; ++pass) {
    std::vector<char> buf(line.begin(), line.end());
    buf.push_back('\0');
    long field = 0;
    for (char* tok = std::strtok(buf.data(), ",;"); tok != nullptr; tok = std::strtok(nullptr, ",;"))
      total = (total * 31 + std::atol(tok) * ++field + pass) % 1000000007L;
  }
  return total;
}

int main() {
  std::vector<std::string> rows;
  for (int r = 0; r < 8; ++r) {
    std::string row;
    for (int c = 0; c < 40; ++c) row += std::to_string(r * 100 + c) + (c % 3 ? "," : ";");
    rows.push_back(row);
  }
  std::vector<long> sums(rows.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < rows.size(); ++i) threads.emplace_back([&rows, &sums, i] { sums[i] = checksum_fields(rows[i]); });
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < rows.size(); ++i) std::printf("row %zu: %ld\n", i, sums[i]);
  return 0;
}
