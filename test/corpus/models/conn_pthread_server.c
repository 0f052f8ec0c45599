// concur-site: thread-per-connection
// expect-target: coroutines
// trap: C source: accept loop with pthread_create per connection (detached), blocking recv/send; diagnostic only
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NCLIENTS 6

static unsigned short server_port;
static char replies[NCLIENTS][64];

static void *handler(void *arg) {
  int fd = (int)(intptr_t)arg;
  char buf[64];
  ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
  if (n > 0) {
    buf[n] = '\0';
    char out[96];
    int len = snprintf(out, sizeof out, "ok:%s", buf);
    send(fd, out, (size_t)len, MSG_NOSIGNAL);
  }
  close(fd);
  return NULL;
}

static void *clients(void *arg) {
  (void)arg;
  for (int i = 0; i < NCLIENTS; i++) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(server_port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
      char msg[16];
      int len = snprintf(msg, sizeof msg, "c%d", i);
      send(fd, msg, (size_t)len, MSG_NOSIGNAL);
      size_t got = 0;
      ssize_t n;
      while (got < sizeof replies[i] - 1 && (n = recv(fd, replies[i] + got, sizeof replies[i] - 1 - got, 0)) > 0) got += (size_t)n;
    }
    close(fd);
  }
  return NULL;
}

int main(void) {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(lfd, (struct sockaddr *)&a, sizeof a) != 0 || listen(lfd, 16) != 0) return 1;
  socklen_t len = sizeof a;
  getsockname(lfd, (struct sockaddr *)&a, &len);
  server_port = ntohs(a.sin_port);

  pthread_t client_thread;
  pthread_create(&client_thread, NULL, clients, NULL);
  for (int i = 0; i < NCLIENTS; i++) {
    int fd = accept(lfd, NULL, NULL);
    if (fd < 0) break;
    pthread_t t;
    pthread_create(&t, NULL, handler, (void *)(intptr_t)fd);
    pthread_detach(t);
  }
  pthread_join(client_thread, NULL);
  close(lfd);
  for (int i = 0; i < NCLIENTS; i++) printf("%s\n", replies[i]);
  return 0;
}
