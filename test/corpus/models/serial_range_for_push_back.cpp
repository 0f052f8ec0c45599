// concur-site: serial-blocking-loop
// expect-target: map
// trap: range-for over inputs pushing each blocking call's result: order of push_back is the only dependence
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

struct Quote {
  std::string symbol;
  double price;
};

static Quote get_quote(const std::string& symbol) {
  std::this_thread::sleep_for(std::chrono::milliseconds(8));  // the quote service
  double p = 0;
  for (char c : symbol) p = p * 1.5 + c;
  return {symbol, p / 100.0};
}

int main() {
  const std::vector<std::string> symbols = {"ACME", "BETA", "CORP", "DYN", "EPS", "FOO"};
  std::vector<Quote> quotes;
  for (const auto& s : symbols) quotes.push_back(get_quote(s));
  for (const auto& q : quotes) std::printf("%-5s %.2f\n", q.symbol.c_str(), q.price);
  return 0;
}
