// The seed's "Fetching web pages (I/O-bound with asyncio)", in C++: coroutines on a
// concur::event_loop, gathered. The pages come from a server that runs on the same loop.
#include "local_http.hpp"

#include <concur/gather.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace std::chrono_literals;

concur::task<std::size_t> fetch_url(std::string url) {
  seed::say("Fetching " + url + "...");
  try {
    // wait_for pauses here until the response is received, or gives up after 10 s.
    auto response = co_await concur::wait_for(seed::async_http_get(url), 10s);
    seed::say("Finished fetching " + url + ", length: " + std::to_string(response.body.size()));
    co_return response.body.size();
  } catch (const std::exception& e) {
    seed::say("Error fetching " + url + ": " + e.what());
    co_return 0;
  }
}

concur::task<int> main_task() {
  const seed::pages site = {{"/www.python.org", seed::page_of_size(50371, 1)},
                            {"/github.com", seed::page_of_size(29561, 2)},
                            {"/www.wikipedia.org", seed::page_of_size(74118, 3)}};
  seed::descriptor listener(concur::listen_tcp("127.0.0.1", 0));
  concur::spawn(seed::serve(listener.get(), site));
  const std::string origin = "http://127.0.0.1:" + std::to_string(concur::local_port(listener.get()));
  const std::vector<std::string> urls = {origin + "/www.python.org", origin + "/github.com", origin + "/www.wikipedia.org"};

  // gather runs the fetches concurrently.
  std::vector<concur::task<std::size_t>> tasks;
  for (const auto& url : urls) tasks.push_back(fetch_url(url));
  auto results = co_await concur::gather(std::move(tasks));
  seed::say("Total lengths: " + seed::python_list(results));
  co_return 0;
}

int main() { return concur::run(main_task()); }
