// A recursive-descent expression evaluator (mutual recursion through three methods) and a pair
// of mutually recursive free functions. All cpu except the constant-time cursor helpers.
// Traps: mutual recursion (parse_expr -> parse_term -> parse_factor -> parse_expr) is a cycle in
// the call graph, solved as one SCC; its members are cpu, not unknown; a cursor helper called
// from inside the cycle stays trivial.
#include <cctype>
#include <cstdlib>
#include <string>

namespace parse {

class Evaluator {
public:
  // expect: trivial
  explicit Evaluator(std::string text) : text_(std::move(text)) {}

  // expect: cpu
  double parse_expr() {
    double value = parse_term();
    for (;;) {
      char op = peek();
      if (op != '+' && op != '-')
        return value;
      ++pos_;
      double rhs = parse_term();
      value = op == '+' ? value + rhs : value - rhs;
    }
  }

  // expect: cpu
  double parse_term() {
    double value = parse_factor();
    for (;;) {
      char op = peek();
      if (op != '*' && op != '/')
        return value;
      ++pos_;
      double rhs = parse_factor();
      value = op == '*' ? value * rhs : value / rhs;
    }
  }

  // expect: cpu
  double parse_factor() {
    char c = peek();
    if (c == '(') {
      ++pos_;
      double inner = parse_expr();
      if (peek() == ')')
        ++pos_;
      return inner;
    }
    if (c == '-') {
      ++pos_;
      return -parse_factor();
    }
    const char *start = text_.c_str() + pos_;
    char *end = nullptr;
    double v = std::strtod(start, &end);
    pos_ += static_cast<size_t>(end - start);
    return v;
  }

  // expect: trivial
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

  // expect: trivial
  bool at_end() const { return pos_ >= text_.size(); }

private:
  std::string text_;
  size_t pos_ = 0;
};

// expect: cpu
double evaluate(const std::string &expression) {
  std::string compact;
  for (char c : expression)
    if (!std::isspace(static_cast<unsigned char>(c)))
      compact += c;
  Evaluator e(compact);
  return e.parse_expr();
}

bool is_odd(unsigned n);

// expect: cpu
bool is_even(unsigned n) { return n == 0 ? true : is_odd(n - 1); }

// expect: cpu
bool is_odd(unsigned n) { return n == 0 ? false : is_even(n - 1); }

// expect: cpu
unsigned long ackermann(unsigned long m, unsigned long n) {
  if (m == 0)
    return n + 1;
  if (n == 0)
    return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

} // namespace parse
