// The seed's "Calculating squares of numbers (CPU-bound)" with multiprocessing, in C++: the same
// map over a concur::process_pool of 4 workers. Each worker prints its own lines, as in Python.
#include "local_http.hpp"

#include <concur/process_pool.hpp>

#include <string>
#include <vector>

int calculate_square(int number) {
  int result = number * number;
  seed::say("The square of " + std::to_string(number) + " is " + std::to_string(result));
  return result;
}
CONCUR_REGISTER(calculate_square);

int main() {
  const std::vector<int> numbers = {1, 2, 3, 4, 5, 6, 7, 8};
  concur::process_pool pool(4);
  auto results = pool.map(calculate_square, numbers);
  seed::say("Final results: " + seed::python_list(results));
}
