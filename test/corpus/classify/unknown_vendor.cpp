// Calls into code with no body and no model: the unknown label, when nothing else decides.
// Traps: a pure virtual interface with no implementation anywhere, a function-pointer parameter,
// a std::function parameter, an SDK call in a loop (still unknown: nothing known to weigh).
// Counter-traps at the end: unknown calls next to a lock (sync), a sleep (io.sleep), a loop nest
// (cpu) or a file write (io.file) are decided by the known effect.
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "vendor_sdk.h"

namespace sdk {

// expect: unknown
bool start_sdk(const std::string &license) { return vendor_init(license.c_str()) == 0; }

// expect: unknown
void stop_sdk() { vendor_shutdown(); }

// expect: unknown
double read_temperature(int device_index) {
  vendor_device *dev = vendor_open_device(device_index);
  double celsius = 0;
  if (vendor_read_sensor(dev, 0, &celsius) != 0)
    celsius = -273.15;
  vendor_close_device(dev);
  return celsius;
}

// expect: unknown
double fahrenheit(int device_index) { return read_temperature(device_index) * 9.0 / 5.0 + 32.0; }

// expect: unknown
int submit_batch(vendor_device *dev, const std::vector<std::string> &payloads) {
  int failures = 0;
  for (const auto &p : payloads)
    if (vendor_submit(dev, p.data(), p.size()) != 0)
      ++failures;
  return failures;
}

// expect: unknown
int run_transform(const std::vector<float> &in, std::vector<float> &out) {
  out.resize(in.size());
  return vendor_transform(in.data(), out.data(), in.size());
}

// expect: unknown
bool device_ready() { return (hal_read_register(0x4000'0010u) & 0x1u) != 0; }

// expect: unknown
void set_led(bool on) {
  uint32_t reg = hal_read_register(0x4000'0020u);
  hal_write_register(0x4000'0020u, on ? (reg | 0x80u) : (reg & ~0x80u));
}

// expect: unknown
std::string last_error() {
  const char *msg = vendor_last_error();
  return msg ? msg : "";
}

// expect: unknown
int payload_checksum(const std::string &payload) {
  return vendor::checksum(payload.data(), payload.size());
}

// expect: unknown
bool ping_profile(const char *profile) {
  vendor::Session *s = vendor::open_session(profile);
  return s && vendor::session_ping(s);
}

class Codec {
public:
  virtual ~Codec() = default;
  virtual std::string encode(const std::string &in) = 0;
  virtual std::string decode(const std::string &in) = 0;
};

// No class in the program implements Codec.
// expect: unknown
std::string roundtrip(Codec &codec, const std::string &text) {
  return codec.decode(codec.encode(text));
}

using Hook = int (*)(int);

// expect: unknown
int apply_hook(Hook hook, int value) { return hook ? hook(value) : value; }

// expect: unknown
void run_callback(const std::function<void(int)> &callback, int code) { callback(code); }

// expect: unknown
bool init_and_report(const std::string &license, int event) {
  if (!start_sdk(license))
    return false;
  vendor_notify(event);
  return true;
}

class Device {
public:
  // expect: unknown
  explicit Device(int index) : dev_(vendor_open_device(index)) {}
  // expect: unknown
  ~Device() { vendor_close_device(dev_); }
  // expect: unknown
  int send(const std::string &msg) { return vendor_submit(dev_, msg.data(), msg.size()); }
  // expect: trivial
  bool valid() const { return dev_ != nullptr; }

private:
  vendor_device *dev_;
};

// expect: unknown
int send_hello(int index) {
  Device d(index);
  return d.valid() ? d.send("hello") : -1;
}

// expect: unknown
int notify_all_events(const int *events, size_t n) {
  for (size_t i = 0; i < n; ++i)
    vendor_notify(events[i]);
  return static_cast<int>(n);
}

std::mutex g_sdk_mutex;

// The lock decides.
// expect: sync
void locked_notify(int event) {
  std::lock_guard<std::mutex> lock(g_sdk_mutex);
  vendor_notify(event);
}

// The sleep decides.
// expect: io.sleep
bool wait_device_ready(int attempts) {
  for (int i = 0; i < attempts; ++i) {
    if (device_ready())
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

// The loop nest decides.
// expect: cpu
double transform_and_score(const std::vector<float> &in, size_t width) {
  std::vector<float> out;
  run_transform(in, out);
  double score = 0;
  for (size_t y = 0; y < out.size() / width; ++y)
    for (size_t x = 0; x < width; ++x)
      score += out[y * width + x] * out[y * width + x];
  return score;
}

// The file write decides.
// expect: io.file
void dump_temperature(int device_index, const char *path) {
  double t = read_temperature(device_index);
  if (FILE *f = std::fopen(path, "a")) {
    std::fprintf(f, "%.2f\n", t);
    std::fclose(f);
  }
}

} // namespace sdk
