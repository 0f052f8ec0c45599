// What a check reports: plain data that every output format (text, JSON, SARIF, fixes YAML)
// renders. No Clang types: findings are made in phase 2, from summaries.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace concur {

struct SourcePoint {
  std::string file; // absolute path; empty for findings about no place in particular
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t offset = 0;
};

struct Replacement {
  std::string file;
  uint32_t offset = 0;
  uint32_t length = 0;
  std::string text;
};

struct Note {
  std::string message;
  SourcePoint where;
  std::vector<Replacement> fixes; // applied only with --fix-notes
};

enum class Level : uint8_t { Warning, Error };

struct Finding {
  std::string check;
  Level level = Level::Warning;
  std::string message;
  SourcePoint where;
  std::vector<Note> notes; // the evidence, in order
  std::vector<Replacement> fixes;
  std::map<std::string, std::string> properties; // facts as data, for --format=json and reports
};

} // namespace concur
