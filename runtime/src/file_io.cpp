// Whole-file reads and writes, run on the event loop's thread pool.
#include <concur/event_loop.hpp>
#include <concur/file_io.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace concur {

namespace {
class descriptor {
public:
  descriptor(const std::string& path, int flags) : fd_(::open(path.c_str(), flags | O_CLOEXEC, 0666)) {
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "open " + path);
  }
  descriptor(const descriptor&) = delete;
  descriptor& operator=(const descriptor&) = delete;
  ~descriptor() { ::close(fd_); }
  int get() const noexcept { return fd_; }

private:
  int fd_;
};

std::string read_whole_file(const std::string& path) {
  descriptor file(path, O_RDONLY);
  std::string content;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(file.get(), buffer, sizeof buffer);
    if (n == 0) return content;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "read " + path);
    }
    content.append(buffer, static_cast<std::size_t>(n));
  }
}

void write_whole_file(const std::string& path, const std::string& data) {
  descriptor file(path, O_WRONLY | O_CREAT | O_TRUNC);
  for (std::size_t done = 0; done < data.size();) {
    ssize_t n = ::write(file.get(), data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "write " + path);
    }
    done += static_cast<std::size_t>(n);
  }
}
} // namespace

task<std::string> async_read_file(std::string path) { co_return co_await to_thread(read_whole_file, std::move(path)); }

task<void> async_write_file(std::string path, std::string data) {
  co_await to_thread(write_whole_file, std::move(path), std::move(data));
}

} // namespace concur
