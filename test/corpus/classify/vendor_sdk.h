// A closed-source vendor SDK: declarations only. No definition anywhere in the corpus and no
// model in models/ or .concur.yaml, so calls into it have unknown cost.
#pragma once

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vendor_device vendor_device;

int vendor_init(const char *license);
void vendor_shutdown(void);
vendor_device *vendor_open_device(int index);
void vendor_close_device(vendor_device *dev);
int vendor_read_sensor(vendor_device *dev, int channel, double *out);
int vendor_submit(vendor_device *dev, const void *payload, size_t n);
int vendor_transform(const float *in, float *out, size_t n);
uint32_t hal_read_register(uint32_t address);
void hal_write_register(uint32_t address, uint32_t value);
const char *vendor_last_error(void);
void vendor_notify(int event);

#ifdef __cplusplus
}

namespace vendor {
// C++ entry points of the same SDK, also without bodies.
int checksum(const void *data, size_t n);
class Session;
Session *open_session(const char *profile);
bool session_ping(Session *s);
} // namespace vendor
#endif
