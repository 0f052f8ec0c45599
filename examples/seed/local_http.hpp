// What the seed examples need to talk HTTP without the internet: a small HTTP/1.0 server on
// 127.0.0.1, a blocking GET (≈ requests.get) and a coroutine GET (≈ aiohttp's session.get).
#pragma once

#include <concur/event_loop.hpp>
#include <concur/net.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace seed {

/// Prints one line in a single write, so lines from different threads never interleave.
inline void say(const std::string& line) {
  const std::string text = line + "\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
}

/// A Python list's repr: [1, 4, 9].
template <class T> std::string python_list(const std::vector<T>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + std::to_string(values[i]);
  return out + "]";
}

/// A page of `size` bytes that is the same on every run.
inline std::string page_of_size(std::size_t size, char seed) {
  std::string body(size, ' ');
  for (std::size_t i = 0; i < size; ++i) body[i] = static_cast<char>('a' + (seed + i * 7) % 26);
  return body;
}

struct url_parts {
  std::string host;
  std::uint16_t port;
  std::string path;
};

inline url_parts parse_url(const std::string& url) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) throw std::invalid_argument("only http:// URLs: " + url);
  const auto host_end = url.find_first_of(":/", scheme.size());
  url_parts parts{url.substr(scheme.size(), host_end - scheme.size()), 80, "/"};
  auto path_start = url.find('/', scheme.size());
  if (host_end != std::string::npos && url[host_end] == ':')
    parts.port = static_cast<std::uint16_t>(std::stoi(url.substr(host_end + 1, path_start - host_end - 1)));
  if (path_start != std::string::npos) parts.path = url.substr(path_start);
  return parts;
}

struct response {
  int status = 0;
  std::string body;
};

inline response parse_response(const std::string& raw) {
  const auto header_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/", 0) != 0 || header_end == std::string::npos) throw std::runtime_error("malformed HTTP response");
  return {std::stoi(raw.substr(raw.find(' ') + 1, 3)), raw.substr(header_end + 4)};
}

inline std::string request_for(const url_parts& u) { return "GET " + u.path + " HTTP/1.0\r\nHost: " + u.host + "\r\n\r\n"; }

class descriptor {
public:
  explicit descriptor(int fd) noexcept : fd_(fd) {}
  descriptor(const descriptor&) = delete;
  descriptor& operator=(const descriptor&) = delete;
  ~descriptor() { concur::close(fd_); }
  int get() const noexcept { return fd_; }

private:
  int fd_;
};

/// Blocking GET, for code running on a thread pool.
inline response http_get(const std::string& url) {
  const auto u = parse_url(url);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(u.port);
  if (inet_pton(AF_INET, u.host.c_str(), &address.sin_addr) != 1) throw std::invalid_argument("numeric IPv4 hosts only: " + u.host);
  descriptor fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (::connect(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) < 0)
    throw std::system_error(errno, std::generic_category(), "connect " + url);
  const std::string request = request_for(u);
  if (::send(fd.get(), request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size()))
    throw std::system_error(errno, std::generic_category(), "send " + url);
  std::string raw;
  char buffer[4096];
  while (ssize_t n = ::recv(fd.get(), buffer, sizeof buffer, 0)) {
    if (n < 0) throw std::system_error(errno, std::generic_category(), "recv " + url);
    raw.append(buffer, static_cast<std::size_t>(n));
  }
  return parse_response(raw);
}

/// GET on the event loop, for coroutines.
inline concur::task<response> async_http_get(std::string url) {
  const auto u = parse_url(url);
  descriptor fd(co_await concur::async_connect(u.host, u.port));
  const std::string request = request_for(u);
  co_await concur::async_write(fd.get(), request.data(), request.size());
  std::string raw;
  char buffer[4096];
  while (auto n = co_await concur::async_read(fd.get(), buffer, sizeof buffer)) raw.append(buffer, n);
  co_return parse_response(raw);
}

using pages = std::map<std::string, std::string>;

inline concur::task<void> answer(int fd, const pages& site) {
  descriptor connection(fd);
  std::string request;
  char buffer[1024];
  while (request.find("\r\n\r\n") == std::string::npos) {
    auto n = co_await concur::async_read(fd, buffer, sizeof buffer);
    if (n == 0) co_return;
    request.append(buffer, n);
  }
  const auto path_start = request.find(' ') + 1;
  const auto page = site.find(request.substr(path_start, request.find(' ', path_start) - path_start));
  const std::string reply = page == site.end()
                                ? std::string("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                                : "HTTP/1.0 200 OK\r\nContent-Length: " + std::to_string(page->second.size()) + "\r\n\r\n" + page->second;
  co_await concur::async_write(fd, reply.data(), reply.size());
}

/// Accepts connections forever, answering each in its own task.
inline concur::task<void> serve(int listener, const pages& site) {
  for (;;) concur::spawn(answer(co_await concur::async_accept(listener), site));
}

/// A server on 127.0.0.1 (a free port) with its own event loop thread, for programs that are
/// not coroutines themselves.
class local_server {
public:
  explicit local_server(pages site)
      : site_(std::move(site)), listener_(concur::listen_tcp("127.0.0.1", 0)), port_(concur::local_port(listener_.get())),
        thread_([this] {
          loop_.spawn(serve(listener_.get(), site_));
          loop_.run_forever();
        }) {}
  ~local_server() {
    loop_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

private:
  pages site_;
  descriptor listener_;
  std::uint16_t port_;
  concur::event_loop loop_;
  std::thread thread_;
};

} // namespace seed
