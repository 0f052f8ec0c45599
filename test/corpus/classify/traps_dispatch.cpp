// Indirect calls whose targets the program makes known: virtual calls (every override in the
// program), function pointers picked from known functions, dispatch tables, function objects,
// std::function holding a lambda defined right there.
// Traps: emit_all/send_greeting/log_all/export_report/dispatch_command/run_local_task/
// write_all_lines look trivial or unknown unless the indirect call is resolved; the base
// Logger::log is a no-op (trivial) while its override writes a file; total_area's virtual calls
// resolve to trivial overrides, so only its loop over the shapes counts (cpu).
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace dispatch {

class Sink {
public:
  virtual ~Sink() = default;
  virtual void write(const std::string &record) = 0;
};

class FileSink : public Sink {
public:
  // expect: trivial
  explicit FileSink(FILE *f) : file_(f) {}

  // expect: io.file
  void write(const std::string &record) override {
    std::fwrite(record.data(), 1, record.size(), file_);
    std::fputc('\n', file_);
  }

private:
  FILE *file_;
};

// Sink's only override writes to a file.
// expect: io.file
void emit_all(Sink &sink, const std::vector<std::string> &records) {
  for (const auto &r : records)
    sink.write(r);
}

class Transport {
public:
  virtual ~Transport() = default;
  virtual bool send_bytes(const void *data, size_t n) = 0;
};

class TcpTransport final : public Transport {
public:
  // expect: trivial
  explicit TcpTransport(int fd) : fd_(fd) {}

  // expect: io.net
  bool send_bytes(const void *data, size_t n) override {
    return ::send(fd_, data, n, MSG_NOSIGNAL) == static_cast<ssize_t>(n);
  }

private:
  int fd_;
};

// expect: io.net
bool send_greeting(Transport &t, const std::string &name) {
  std::string msg = "HELLO " + name + "\r\n";
  return t.send_bytes(msg.data(), msg.size());
}

class Logger {
public:
  virtual ~Logger() = default;
  // expect: trivial
  virtual void log(const char *) {}
};

class FileLogger : public Logger {
public:
  // expect: io.file
  void log(const char *line) override {
    if (FILE *f = std::fopen("/var/tmp/app.log", "a")) {
      std::fprintf(f, "%s\n", line);
      std::fclose(f);
    }
  }
};

// One override of Logger::log does I/O, so the virtual call may.
// expect: io.file
void log_all(Logger &logger, const std::vector<const char *> &lines) {
  for (const char *l : lines)
    logger.log(l);
}

class Shape {
public:
  virtual ~Shape() = default;
  virtual double area() const = 0;
};

class Circle : public Shape {
public:
  // expect: trivial
  explicit Circle(double r) : r_(r) {}
  // expect: trivial
  double area() const override { return 3.14159265358979 * r_ * r_; }

private:
  double r_;
};

class Square : public Shape {
public:
  // expect: trivial
  explicit Square(double s) : s_(s) {}
  // expect: trivial
  double area() const override { return s_ * s_; }

private:
  double s_;
};

// expect: cpu
double total_area(const std::vector<std::unique_ptr<Shape>> &shapes) {
  double total = 0;
  for (const auto &s : shapes)
    total += s->area();
  return total;
}

using Saver = bool (*)(const std::string &path, const std::vector<int> &values);

// expect: io.file
static bool save_csv(const std::string &path, const std::vector<int> &values) {
  FILE *f = std::fopen(path.c_str(), "w");
  if (!f)
    return false;
  for (size_t i = 0; i < values.size(); ++i)
    std::fprintf(f, i ? ",%d" : "%d", values[i]);
  return std::fclose(f) == 0;
}

// expect: io.file
static bool save_lines(const std::string &path, const std::vector<int> &values) {
  FILE *f = std::fopen(path.c_str(), "w");
  if (!f)
    return false;
  for (int v : values)
    std::fprintf(f, "%d\n", v);
  return std::fclose(f) == 0;
}

// Returns a pointer; calls nothing.
// expect: trivial
Saver pick_saver(char format) { return format == 'c' ? &save_csv : &save_lines; }

// Through a function pointer whose possible targets are both file writers.
// expect: io.file
bool export_report(char format, const std::string &path, const std::vector<int> &values) {
  Saver save = format == 'c' ? &save_csv : &save_lines;
  return save(path, values);
}

// expect: trivial
static int handle_ping(int, const std::string &) { return 0; }

// expect: io.net
static int handle_fetch(int fd, const std::string &arg) {
  std::string req = "FETCH " + arg + "\n";
  if (::send(fd, req.data(), req.size(), 0) < 0)
    return -1;
  char buf[512];
  return static_cast<int>(::recv(fd, buf, sizeof buf, 0));
}

using Handler = int (*)(int, const std::string &);
static const Handler kHandlers[] = {&handle_ping, &handle_fetch};

// A table of known handlers; one of them talks to the network.
// expect: io.net
int dispatch_command(unsigned opcode, int fd, const std::string &arg) {
  if (opcode >= sizeof kHandlers / sizeof kHandlers[0])
    return -1;
  return kHandlers[opcode](fd, arg);
}

// expect: io.net
ssize_t run_local_task(int fd) {
  char buf[256];
  std::function<ssize_t()> task = [&] { return ::recv(fd, buf, sizeof buf, 0); };
  ssize_t total = 0;
  for (int i = 0; i < 4; ++i)
    total += task();
  return total;
}

struct LineWriter {
  FILE *out;
  // expect: io.file
  void operator()(const std::string &line) const {
    std::fputs(line.c_str(), out);
    std::fputc('\n', out);
  }
};

// A function object handed to std::for_each.
// expect: io.file
void write_all_lines(FILE *out, const std::vector<std::string> &lines) {
  std::for_each(lines.begin(), lines.end(), LineWriter{out});
}

// A pointer to a member function with a known target.
// expect: io.file
void write_via_member_pointer(FileSink &sink, const std::string &record) {
  void (FileSink::*method)(const std::string &) = &FileSink::write;
  (sink.*method)(record);
}

} // namespace dispatch
