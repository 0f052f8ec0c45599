// Files through C stdio, POSIX descriptors and fstreams: everything here is io.file.
// Traps: light per-chunk bookkeeping inside a read/write loop stays io (the I/O call in the loop
// dominates); a class whose constructor/destructor open and close a file; a getter on that class
// stays trivial.
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <vector>

namespace fileio {

// expect: io.file
bool copy_file_stdio(const char *src, const char *dst) {
  FILE *in = std::fopen(src, "rb");
  if (!in)
    return false;
  FILE *out = std::fopen(dst, "wb");
  if (!out) {
    std::fclose(in);
    return false;
  }
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) {
    if (std::fwrite(buf, 1, n, out) != n)
      break;
  }
  std::fclose(in);
  std::fclose(out);
  return true;
}

// expect: io.file
ssize_t copy_fd(int in_fd, int out_fd) {
  char buf[1 << 16];
  ssize_t total = 0;
  for (;;) {
    ssize_t n = ::read(in_fd, buf, sizeof buf);
    if (n <= 0)
      return n < 0 ? -1 : total;
    ssize_t off = 0;
    while (off < n) {
      ssize_t w = ::write(out_fd, buf + off, static_cast<size_t>(n - off));
      if (w < 0)
        return -1;
      off += w;
    }
    total += n;
  }
}

// expect: io.file
bool copy_file_posix(const char *src, const char *dst) {
  int in = ::open(src, O_RDONLY);
  if (in < 0)
    return false;
  int out = ::open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0) {
    ::close(in);
    return false;
  }
  ssize_t copied = copy_fd(in, out);
  ::fsync(out);
  ::close(in);
  ::close(out);
  return copied >= 0;
}

// expect: io.file
std::vector<std::string> read_lines(const std::string &path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line))
    lines.push_back(line);
  return lines;
}

// expect: io.file
void write_lines(const std::string &path, const std::vector<std::string> &lines) {
  std::ofstream out(path, std::ios::trunc);
  for (const auto &l : lines)
    out << l << '\n';
}

// expect: io.file
long file_size(const char *path) {
  struct stat st;
  if (::stat(path, &st) != 0)
    return -1;
  return static_cast<long>(st.st_size);
}

// expect: io.file
std::string slurp(const char *path) {
  std::string data;
  FILE *f = std::fopen(path, "rb");
  if (!f)
    return data;
  char chunk[8192];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0)
    data.append(chunk, n);
  std::fclose(f);
  return data;
}

// expect: io.file
bool append_record(const char *path, int id, double value) {
  FILE *f = std::fopen(path, "a");
  if (!f)
    return false;
  std::fprintf(f, "%d,%.3f\n", id, value);
  return std::fclose(f) == 0;
}

// A counter bumped per line is light work: the fgets in the loop decides.
// expect: io.file
size_t count_lines(const char *path) {
  FILE *f = std::fopen(path, "r");
  if (!f)
    return 0;
  char line[4096];
  size_t lines = 0;
  while (std::fgets(line, sizeof line, f))
    ++lines;
  std::fclose(f);
  return lines;
}

// expect: io.file
ssize_t read_exact_at(int fd, char *buf, size_t n, off_t offset) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = ::pread(fd, buf + done, n - done, offset + static_cast<off_t>(done));
    if (r <= 0)
      return r < 0 ? -1 : static_cast<ssize_t>(done);
    done += static_cast<size_t>(r);
  }
  return static_cast<ssize_t>(done);
}

// Write to a temporary, flush it to disk, then rename over the target.
// expect: io.file
bool atomic_replace(const std::string &path, const std::string &contents) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0)
    return false;
  const char *p = contents.data();
  size_t left = contents.size();
  while (left > 0) {
    ssize_t w = ::write(fd, p, left);
    if (w < 0) {
      ::close(fd);
      return false;
    }
    p += w;
    left -= static_cast<size_t>(w);
  }
  ::fsync(fd);
  ::close(fd);
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

class LogFile {
public:
  // expect: io.file
  explicit LogFile(const char *path) : file_(std::fopen(path, "a")) {}

  // expect: io.file
  ~LogFile() {
    if (file_)
      std::fclose(file_);
  }

  // expect: io.file
  void write(const char *message) {
    if (!file_)
      return;
    std::fputs(message, file_);
    std::fputc('\n', file_);
    std::fflush(file_);
    ++lines_;
  }

  // expect: trivial
  size_t lines_written() const { return lines_; }

private:
  FILE *file_;
  size_t lines_ = 0;
};

// expect: io.file
void log_startup(const char *path, int argc) {
  LogFile log(path);
  char message[64];
  std::snprintf(message, sizeof message, "started with %d arguments", argc);
  log.write(message);
}

// expect: io.file
std::vector<double> load_doubles_binary(const char *path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<double> values;
  double v;
  while (in.read(reinterpret_cast<char *>(&v), sizeof v))
    values.push_back(v);
  return values;
}

} // namespace fileio
