// The few libcurl prototypes the corpus needs, with the real names (no curl/curl.h required).
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void CURL;
typedef enum { CURLE_OK = 0, CURLE_COULDNT_CONNECT = 7 } CURLcode;
typedef enum {
  CURLOPT_WRITEDATA = 10001,
  CURLOPT_URL = 10002,
  CURLOPT_WRITEFUNCTION = 20011,
  CURLOPT_TIMEOUT = 13
} CURLoption;

CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
const char *curl_easy_strerror(CURLcode code);

#ifdef __cplusplus
}
#endif
