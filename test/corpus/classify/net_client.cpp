// Network clients and a small server: BSD sockets, poll, libcurl.
// Traps: wrappers inherit io.net from send/recv (read_frame, http_get); a curl write callback that
// only appends to a string is trivial although libcurl calls it during a transfer; a server class
// mixes io methods with a trivial getter.
#include <arpa/inet.h>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#include <vector>

#include "curl_api.h"

namespace net {

// expect: io.net
int connect_tcp(const char *host, const char *port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo *res = nullptr;
  if (::getaddrinfo(host, port, &hints, &res) != 0)
    return -1;
  int fd = -1;
  for (addrinfo *ai = res; ai; ai = ai->ai_next) {
    fd = ::socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0)
      continue;
    if (::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
      break;
    ::close(fd);
    fd = -1;
  }
  ::freeaddrinfo(res);
  return fd;
}

// expect: io.net
bool send_all(int fd, const char *data, size_t n) {
  while (n > 0) {
    ssize_t sent = ::send(fd, data, n, 0);
    if (sent <= 0)
      return false;
    data += sent;
    n -= static_cast<size_t>(sent);
  }
  return true;
}

// expect: io.net
bool recv_exact(int fd, char *buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::recv(fd, buf + got, n - got, 0);
    if (r <= 0)
      return false;
    got += static_cast<size_t>(r);
  }
  return true;
}

// A length-prefixed frame: a wrapper around recv_exact.
// expect: io.net
std::string read_frame(int fd) {
  uint32_t len_be = 0;
  if (!recv_exact(fd, reinterpret_cast<char *>(&len_be), sizeof len_be))
    return {};
  std::string body(ntohl(len_be), '\0');
  if (!recv_exact(fd, body.data(), body.size()))
    return {};
  return body;
}

// expect: io.net
std::string http_get(const char *host, const std::string &path) {
  int fd = connect_tcp(host, "80");
  if (fd < 0)
    return {};
  std::string request = "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n";
  send_all(fd, request.data(), request.size());
  std::string response;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
    response.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return response;
}

// expect: trivial
size_t append_body(char *ptr, size_t size, size_t nmemb, void *userdata) {
  static_cast<std::string *>(userdata)->append(ptr, size * nmemb);
  return size * nmemb;
}

// expect: io.net
std::string curl_fetch(const std::string &url) {
  std::string body;
  CURL *curl = curl_easy_init();
  if (!curl)
    return body;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return body;
}

// expect: io.net
std::vector<std::string> fetch_all(const std::vector<std::string> &urls) {
  std::vector<std::string> bodies;
  bodies.reserve(urls.size());
  for (const auto &u : urls)
    bodies.push_back(curl_fetch(u));
  return bodies;
}

// expect: io.net
int wait_readable(std::vector<pollfd> &fds, int timeout_ms) {
  for (auto &p : fds)
    p.events = POLLIN;
  return ::poll(fds.data(), fds.size(), timeout_ms);
}

// expect: io.net
bool resolve_ipv4(const char *host, in_addr *out) {
  addrinfo hints{};
  hints.ai_family = AF_INET;
  addrinfo *res = nullptr;
  if (::getaddrinfo(host, nullptr, &hints, &res) != 0)
    return false;
  *out = reinterpret_cast<sockaddr_in *>(res->ai_addr)->sin_addr;
  ::freeaddrinfo(res);
  return true;
}

// expect: io.net
int broadcast_datagram(int fd, const std::vector<sockaddr_in> &peers, const char *msg) {
  int delivered = 0;
  for (const auto &peer : peers) {
    if (::sendto(fd, msg, std::strlen(msg), 0, reinterpret_cast<const sockaddr *>(&peer),
                 sizeof peer) >= 0)
      ++delivered;
  }
  return delivered;
}

class EchoServer {
public:
  // expect: trivial
  EchoServer(int listen_fd, uint16_t port) : listen_fd_(listen_fd), port_(port) {}

  // expect: io.net
  void serve_forever() {
    for (;;) {
      int client = ::accept(listen_fd_, nullptr, nullptr);
      if (client < 0)
        continue;
      handle_client(client);
      ::close(client);
    }
  }

  // expect: io.net
  void handle_client(int fd) {
    char buf[2048];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
      send_all(fd, buf, static_cast<size_t>(n));
  }

  // expect: trivial
  uint16_t port() const { return port_; }

private:
  int listen_fd_;
  uint16_t port_;
};

} // namespace net
