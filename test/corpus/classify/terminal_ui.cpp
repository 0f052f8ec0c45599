// Terminal interaction: printf/puts, iostreams on std::cout/std::cerr/std::cin, getline on cin.
// Traps: snprintf into a buffer is not terminal I/O (trivial); fprintf to stderr is terminal;
// recursion that prints (dump_tree) is io, not cpu.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace term {

struct Row {
  std::string name;
  int count;
  double share;
};

// expect: io.terminal
void print_table(const std::vector<Row> &rows) {
  std::printf("%-20s %8s %8s\n", "name", "count", "share");
  for (const auto &r : rows)
    std::printf("%-20s %8d %7.1f%%\n", r.name.c_str(), r.count, r.share * 100.0);
}

// expect: io.terminal
bool confirm(const std::string &question) {
  std::cout << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer))
    return false;
  return !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
}

// expect: io.terminal
std::vector<long> read_numbers() {
  std::vector<long> out;
  long v;
  while (std::cin >> v)
    out.push_back(v);
  return out;
}

// expect: io.terminal
void usage(const char *prog) {
  std::fprintf(stderr, "usage: %s [-v] [-o FILE] INPUT...\n", prog);
  std::fprintf(stderr, "  -v       verbose\n  -o FILE  output file\n");
}

// expect: io.terminal
int repl(const std::string &prompt) {
  int commands = 0;
  std::string line;
  for (;;) {
    std::cout << prompt << std::flush;
    if (!std::getline(std::cin, line) || line == "quit")
      break;
    std::cout << "you said: " << line << '\n';
    ++commands;
  }
  return commands;
}

// expect: io.terminal
void print_banner() {
  std::puts("concur corpus demo");
  std::puts("==================");
}

// expect: io.terminal
std::string read_secret() {
  std::string secret;
  int c;
  while ((c = std::getchar()) != EOF && c != '\n')
    secret.push_back(static_cast<char>(c));
  return secret;
}

struct Node {
  std::string label;
  std::vector<Node> children;
};

// Recursion whose work is printing.
// expect: io.terminal
void dump_tree(const Node &n, int depth) {
  std::printf("%*s%s\n", depth * 2, "", n.label.c_str());
  for (const auto &child : n.children)
    dump_tree(child, depth + 1);
}

class ProgressBar {
public:
  // expect: trivial
  void set(double fraction) { fraction_ = fraction < 0 ? 0 : (fraction > 1 ? 1 : fraction); }

  // expect: io.terminal
  void render() const {
    int filled = static_cast<int>(fraction_ * 40);
    std::cout << '\r' << '[' << std::string(filled, '#') << std::string(40 - filled, ' ') << "] "
              << static_cast<int>(fraction_ * 100) << '%' << std::flush;
  }

  // Formats into memory only.
  // expect: trivial
  std::string label() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%3d%%", static_cast<int>(fraction_ * 100));
    return buf;
  }

private:
  double fraction_ = 0;
};

} // namespace term
