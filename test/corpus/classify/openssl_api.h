// The OpenSSL digest prototype the corpus needs, with the real name (no openssl/sha.h required).
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SHA256_DIGEST_LENGTH 32

unsigned char *SHA256(const unsigned char *data, size_t n, unsigned char *md);

#ifdef __cplusplus
}
#endif
