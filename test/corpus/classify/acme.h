// ACME's in-house client library: declarations only, no bodies in the corpus. What the calls do
// is known only from the project's .concur.yaml (Models:), never from models/ shipped with concur.
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

int acme_fetch(const char *key, char *out, int capacity);        // modelled io: net
int acme_fetch_batch(const char *const *keys, int n, char *out); // modelled io: net
void acme_digest(const void *data, size_t n, unsigned char out[32]); // modelled cpu: heavy
int acme_wait_for_peer(int peer_id, int timeout_ms);             // modelled sync: wait
int acme_spool_write(const char *queue, const void *data, size_t n); // modelled io: file
int acme_version(void);                                          // not modelled: unknown

#ifdef __cplusplus
}
#endif
