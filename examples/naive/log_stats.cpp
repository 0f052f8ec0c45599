// Thread per log file: each thread parses its file and stamps its summary. Runs fine in tests,
// corrupts fields in production: strtok and localtime keep hidden static state.
#include "log_fields.h"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

std::vector<std::string> split_fields(std::string line) {
  std::vector<std::string> fields;
  for (char *tok = std::strtok(line.data(), " \t"); tok; tok = std::strtok(nullptr, " \t"))
    fields.emplace_back(tok);
  return fields;
}

std::string format_stamp(long seconds) {
  std::time_t t = seconds;
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", std::localtime(&t));
  return text;
}

static void summarize(const std::string &path, long *lines_out) {
  std::ifstream in(path);
  std::string line;
  long lines = 0;
  while (std::getline(in, line))
    lines += !split_fields(line).empty();
  *lines_out = lines;
  std::printf("%s: %ld lines at %s\n", path.c_str(), lines, format_stamp(std::time(nullptr)).c_str());
}

int main(int argc, char **argv) {
  std::vector<std::thread> workers;
  std::vector<long> counts(argc, 0);
  for (int i = 1; i < argc; ++i)
    workers.emplace_back(summarize, std::string(argv[i]), &counts[i]);
  for (auto &w : workers)
    w.join();
  long total = 0;
  for (long c : counts)
    total += c;
  std::cout << "total " << total << '\n';
}
