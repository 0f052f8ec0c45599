// concur-site: thread-per-task
// expect-target: thread_pool
// trap: thread runs a member function (&Crawler::visit, this-pointer, index); results stored in the object
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

class Crawler {
public:
  explicit Crawler(std::vector<std::string> pages) : pages_(std::move(pages)), links_(pages_.size()) {}

  void crawl_all() {
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < pages_.size(); ++i) workers.emplace_back(&Crawler::visit, this, i);
    for (auto& w : workers) w.join();
  }

  void report() const {
    for (std::size_t i = 0; i < pages_.size(); ++i) std::printf("%-12s %d links\n", pages_[i].c_str(), links_[i]);
  }

private:
  void visit(std::size_t i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));  // fetch the page
    int count = 0;
    for (char c : pages_[i]) count += (c == 'a' || c == 'e') ? 2 : 1;
    links_[i] = count;
  }

  std::vector<std::string> pages_;
  std::vector<int> links_;
};

int main() {
  Crawler c({"index.html", "about.html", "news.html", "team.html", "careers.html", "legal.html", "faq.html"});
  c.crawl_all();
  c.report();
  return 0;
}
