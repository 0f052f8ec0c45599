#pragma once
#include <string>
#include <vector>

// Splits a log line into fields; written the C way, as much old code is.
std::vector<std::string> split_fields(std::string line);
// "2024-05-01 12:00:00"-style stamp for a Unix time.
std::string format_stamp(long seconds);
