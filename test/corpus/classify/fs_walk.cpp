// Directory trees: POSIX dirent recursion, mutual recursion, std::filesystem.
// Traps: recursion that does I/O is io (not cpu); mutual recursion through two functions;
// std::filesystem::path arithmetic is lexical and touches no disk, so it is trivial even though
// it lives in std::filesystem.
#include <cstdint>
#include <dirent.h>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace fs = std::filesystem;

namespace walk {

// Recursive directory walk: io through recursion.
// expect: io.file
void collect_files(const std::string &dir, std::vector<std::string> &out) {
  DIR *d = ::opendir(dir.c_str());
  if (!d)
    return;
  while (dirent *entry = ::readdir(d)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..")
      continue;
    std::string full = dir + "/" + name;
    if (entry->d_type == DT_DIR)
      collect_files(full, out);
    else
      out.push_back(full);
  }
  ::closedir(d);
}

uint64_t visit_entry(const std::string &path, int depth);

// Mutual recursion with visit_entry.
// expect: io.file
uint64_t du_tree(const std::string &dir, int depth) {
  uint64_t total = 0;
  DIR *d = ::opendir(dir.c_str());
  if (!d)
    return 0;
  while (dirent *entry = ::readdir(d)) {
    if (entry->d_name[0] == '.')
      continue;
    total += visit_entry(dir + "/" + entry->d_name, depth + 1);
  }
  ::closedir(d);
  return total;
}

// expect: io.file
uint64_t visit_entry(const std::string &path, int depth) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0)
    return 0;
  if (S_ISDIR(st.st_mode) && depth < 64)
    return du_tree(path, depth);
  return static_cast<uint64_t>(st.st_size);
}

// expect: io.file
uintmax_t total_size(const fs::path &root) {
  uintmax_t total = 0;
  for (const auto &entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file())
      total += entry.file_size();
  }
  return total;
}

// expect: io.file
std::vector<fs::path> list_sources(const fs::path &dir) {
  std::vector<fs::path> out;
  for (const auto &entry : fs::directory_iterator(dir)) {
    auto ext = entry.path().extension();
    if (ext == ".cpp" || ext == ".c" || ext == ".h")
      out.push_back(entry.path());
  }
  return out;
}

// expect: io.file
bool ensure_directory(const fs::path &dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  return !ec;
}

// expect: io.file
int remove_stale(const fs::path &dir, fs::file_time_type cutoff) {
  int removed = 0;
  for (const auto &entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && fs::last_write_time(entry) < cutoff) {
      fs::remove(entry.path());
      ++removed;
    }
  }
  return removed;
}

// expect: io.file
bool config_present(const fs::path &dir) { return fs::exists(dir / "config.ini"); }

// expect: io.file
void mirror_tree(const fs::path &src, const fs::path &dst) {
  fs::copy(src, dst, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

// Lexical path arithmetic: no filesystem access.
// expect: trivial
fs::path cache_path(const fs::path &root, const std::string &key) {
  return root / "cache" / (key + ".bin");
}

// expect: trivial
std::string stem_of(const fs::path &p) { return p.stem().string(); }

} // namespace walk
