// Declarations shared by cross_file_a.cpp (callers) and cross_file_b.cpp (definitions): the
// classifier sees a call in one translation unit and the body in another, and must join them
// through the merged summaries.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace xf {

std::string load_config(const std::string &path);          // io.file, in cross_file_b.cpp
double score_samples(std::vector<double> samples);           // cpu, in cross_file_b.cpp
bool publish_metric(int fd, const std::string &name, double value); // io.net, in cross_file_b.cpp
int next_ticket();                                           // sync, in cross_file_b.cpp
int scale_percent(int value, int percent);                   // trivial, in cross_file_b.cpp
bool run_hook(const std::string &script);                    // io.process, in cross_file_b.cpp

class Store {
public:
  virtual ~Store() = default;
  virtual void put(const std::string &key, const std::string &value) = 0;
};

std::unique_ptr<Store> make_disk_store(const std::string &dir); // trivial, in cross_file_b.cpp

// Defined here, in the header, and called from both .cpp files.
// expect: trivial
inline int clamp_percent(int v) { return v < 0 ? 0 : (v > 100 ? 100 : v); }

} // namespace xf
