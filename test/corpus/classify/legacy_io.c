/* C11 code: stdio, POSIX, a transport table of function pointers, the vendor SDK, sqlite3.
 * Traps: transport_send calls through a struct field whose only value in the program is
 * tcp_send (io.net); c_count_char is a plain loop over a string (cpu); c_vendor_status only calls
 * the bodiless SDK (unknown). */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "sqlite3_api.h"
#include "vendor_sdk.h"

// expect: io.file
long c_copy_stream(FILE *in, FILE *out) {
  char buf[4096];
  long total = 0;
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
    fwrite(buf, 1, n, out);
    total += (long)n;
  }
  return total;
}

// expect: io.file
int c_config_lookup(const char *path, const char *key, char *value, size_t cap) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  char line[512];
  size_t klen = strlen(key);
  int found = -1;
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, key, klen) == 0 && line[klen] == '=') {
      snprintf(value, cap, "%s", line + klen + 1);
      found = 0;
      break;
    }
  }
  fclose(f);
  return found;
}

// expect: cpu
uint32_t c_checksum(const unsigned char *data, size_t n) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// expect: cpu
void c_bubble_sort(int *a, size_t n) {
  for (size_t i = 0; i + 1 < n; ++i)
    for (size_t j = 0; j + 1 < n - i; ++j)
      if (a[j] > a[j + 1]) {
        int t = a[j];
        a[j] = a[j + 1];
        a[j + 1] = t;
      }
}

// expect: cpu
size_t c_count_char(const char *s, char c) {
  size_t count = 0;
  for (; *s; ++s)
    if (*s == c)
      ++count;
  return count;
}

// expect: io.sleep
void c_sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

// expect: io.process
int c_run_command(const char *cmd) { return system(cmd); }

// expect: io.terminal
int c_read_line_stdin(char *buf, int cap) {
  if (!fgets(buf, cap, stdin))
    return -1;
  buf[strcspn(buf, "\n")] = '\0';
  return (int)strlen(buf);
}

// expect: io.net
int c_send_datagram(const char *ip, uint16_t port, const char *msg) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0)
    return -1;
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, ip, &addr.sin_addr);
  ssize_t n = sendto(fd, msg, strlen(msg), 0, (struct sockaddr *)&addr, sizeof addr);
  close(fd);
  return (int)n;
}

// expect: trivial
int c_clamp(int v, int lo, int hi) { return v < lo ? lo : (v > hi ? hi : v); }

struct transport {
  const char *name;
  long (*send)(int fd, const void *data, size_t n);
};

// expect: io.net
static long tcp_send(int fd, const void *data, size_t n) {
  const char *p = data;
  size_t left = n;
  while (left > 0) {
    ssize_t w = send(fd, p, left, 0);
    if (w <= 0)
      return -1;
    p += w;
    left -= (size_t)w;
  }
  return (long)n;
}

static const struct transport tcp_transport = {"tcp", tcp_send};

// expect: io.net
long transport_send(const struct transport *t, int fd, const void *data, size_t n) {
  return t->send(fd, data, n);
}

// expect: io.net
long send_over_tcp(int fd, const char *msg) {
  return transport_send(&tcp_transport, fd, msg, strlen(msg));
}

// expect: unknown
int c_vendor_status(void) {
  if (vendor_init("demo") != 0)
    return -1;
  uint32_t status = hal_read_register(0x40000000u);
  vendor_shutdown();
  return (int)(status & 0xFFu);
}

// expect: io.db
int c_purge_sessions(sqlite3 *db) {
  char *err = NULL;
  int rc = sqlite3_exec(db, "DELETE FROM sessions WHERE expires < strftime('%s','now')", NULL,
                        NULL, &err);
  if (err)
    sqlite3_free(err);
  return rc;
}

// expect: io.ipc
ssize_t c_fifo_read(const char *path, char *buf, size_t cap) {
  if (mkfifo(path, 0600) != 0 && errno != EEXIST)
    return -1;
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  ssize_t n = read(fd, buf, cap);
  close(fd);
  return n;
}
