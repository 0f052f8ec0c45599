// The few zlib prototypes the corpus needs, with the real names (no zlib.h required).
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long uLong;
typedef unsigned long uLongf;
typedef unsigned char Bytef;

#define Z_OK 0
#define Z_BEST_COMPRESSION 9

int compress2(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen, int level);
int uncompress(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen);
uLong compressBound(uLong sourceLen);
uLong crc32(uLong crc, const Bytef *buf, unsigned int len);

#ifdef __cplusplus
}
#endif
