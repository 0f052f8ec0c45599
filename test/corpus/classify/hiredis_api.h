// The few hiredis prototypes the corpus needs, with the real names (no hiredis.h required).
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define REDIS_REPLY_STRING 1
#define REDIS_REPLY_ARRAY 2
#define REDIS_REPLY_INTEGER 3
#define REDIS_REPLY_NIL 4
#define REDIS_REPLY_ERROR 6

typedef struct redisReply {
  int type;
  long long integer;
  size_t len;
  char *str;
  size_t elements;
  struct redisReply **element;
} redisReply;

typedef struct redisContext {
  int err;
  char errstr[128];
  int fd;
} redisContext;

redisContext *redisConnect(const char *ip, int port);
void *redisCommand(redisContext *c, const char *format, ...);
void freeReplyObject(void *reply);
void redisFree(redisContext *c);

#ifdef __cplusplus
}
#endif
