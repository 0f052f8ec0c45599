// Pipelines that both wait on the outside world and compute substantially: the mixed label.
// "Substantial" cpu (README): a heavy library call over the data (sort, regex, compression,
// digests), a loop nest of depth >= 2 doing arithmetic that is not just driving the I/O, or a
// call to a function that is cpu.
// Traps: run_analysis and ImageJob::run are mixed only through their callees (one io, one cpu);
// sample_and_transform mixes sleep with a quadratic transform.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unordered_map>
#include <vector>

#include "curl_api.h"
#include "hiredis_api.h"
#include "libpq_api.h"
#include "openssl_api.h"
#include "sqlite3_api.h"
#include "zlib_api.h"

namespace mixed {

// expect: mixed
bool sort_file(const std::string &in_path, const std::string &out_path) {
  std::ifstream in(in_path);
  if (!in)
    return false;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(std::move(line));
  std::sort(lines.begin(), lines.end());
  std::ofstream out(out_path);
  for (const auto &l : lines)
    out << l << '\n';
  return true;
}

// expect: mixed
std::vector<std::pair<std::string, int>> word_frequency(const std::string &path) {
  std::ifstream in(path);
  std::unordered_map<std::string, int> counts;
  for (std::string word; in >> word;)
    ++counts[word];
  std::vector<std::pair<std::string, int>> ranked(counts.begin(), counts.end());
  std::sort(ranked.begin(), ranked.end(),
            [](const auto &a, const auto &b) { return a.second > b.second; });
  return ranked;
}

// expect: mixed
std::vector<std::string> grep_file(const std::string &path, const std::string &pattern) {
  std::regex re(pattern);
  std::ifstream in(path);
  std::vector<std::string> hits;
  for (std::string line; std::getline(in, line);)
    if (std::regex_search(line, re))
      hits.push_back(line);
  return hits;
}

// expect: mixed
bool compress_file(const char *in_path, const char *out_path) {
  FILE *in = std::fopen(in_path, "rb");
  FILE *out = std::fopen(out_path, "wb");
  if (!in || !out)
    return false;
  std::vector<Bytef> chunk(1 << 20), packed(compressBound(1 << 20));
  size_t n;
  while ((n = std::fread(chunk.data(), 1, chunk.size(), in)) > 0) {
    uLongf packed_len = packed.size();
    compress2(packed.data(), &packed_len, chunk.data(), n, Z_BEST_COMPRESSION);
    uint32_t len32 = static_cast<uint32_t>(packed_len);
    std::fwrite(&len32, sizeof len32, 1, out);
    std::fwrite(packed.data(), 1, packed_len, out);
  }
  std::fclose(in);
  std::fclose(out);
  return true;
}

// expect: trivial
static size_t collect(char *p, size_t size, size_t n, void *user) {
  static_cast<std::string *>(user)->append(p, size * n);
  return size * n;
}

// expect: mixed
std::string download_and_hash(const std::string &url) {
  std::string body;
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char *>(body.data()), body.size(), md);
  return std::string(reinterpret_cast<char *>(md), sizeof md);
}

// expect: mixed
std::vector<double> load_and_multiply(const char *path, size_t n) {
  std::vector<double> a(n * n), b(n * n), c(n * n, 0.0);
  FILE *f = std::fopen(path, "r");
  if (!f)
    return c;
  for (size_t i = 0; i < n * n; ++i)
    std::fscanf(f, "%lf", &a[i]);
  for (size_t i = 0; i < n * n; ++i)
    std::fscanf(f, "%lf", &b[i]);
  std::fclose(f);
  for (size_t i = 0; i < n; ++i)
    for (size_t k = 0; k < n; ++k)
      for (size_t j = 0; j < n; ++j)
        c[i * n + j] += a[i * n + k] * b[k * n + j];
  return c;
}

// expect: mixed
std::vector<double> score_percentiles(sqlite3 *handle) {
  std::vector<double> scores;
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(handle, "SELECT value FROM scores", -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW)
    scores.push_back(sqlite3_column_double(stmt, 0));
  sqlite3_finalize(stmt);
  std::sort(scores.begin(), scores.end());
  std::vector<double> pct;
  for (int p = 1; p < 100 && !scores.empty(); ++p)
    pct.push_back(scores[scores.size() * p / 100]);
  return pct;
}

// expect: mixed
std::vector<Bytef> recv_and_inflate(int fd, size_t packed_len, size_t raw_len) {
  std::vector<Bytef> packed(packed_len), raw(raw_len);
  size_t got = 0;
  while (got < packed_len) {
    ssize_t r = ::recv(fd, packed.data() + got, packed_len - got, 0);
    if (r <= 0)
      return {};
    got += static_cast<size_t>(r);
  }
  uLongf out_len = raw_len;
  if (uncompress(raw.data(), &out_len, packed.data(), packed_len) != Z_OK)
    return {};
  raw.resize(out_len);
  return raw;
}

// expect: mixed
bool render_fractal_ppm(const char *path, int w, int h) {
  std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      double cr = -2.0 + 3.0 * x / w, ci = -1.5 + 3.0 * y / h, zr = 0, zi = 0;
      int it = 0;
      for (; it < 255 && zr * zr + zi * zi < 4; ++it) {
        double t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
      }
      unsigned char *px = &pixels[(static_cast<size_t>(y) * w + x) * 3];
      px[0] = px[1] = px[2] = static_cast<unsigned char>(it);
    }
  FILE *f = std::fopen(path, "wb");
  if (!f)
    return false;
  std::fprintf(f, "P6\n%d %d\n255\n", w, h);
  std::fwrite(pixels.data(), 1, pixels.size(), f);
  return std::fclose(f) == 0;
}

// expect: mixed
std::vector<double> csv_column_medians(const std::string &path) {
  std::ifstream in(path);
  std::vector<std::vector<double>> columns;
  for (std::string line; std::getline(in, line);) {
    std::stringstream row(line);
    size_t col = 0;
    for (std::string cell; std::getline(row, cell, ','); ++col) {
      if (columns.size() <= col)
        columns.emplace_back();
      columns[col].push_back(std::strtod(cell.c_str(), nullptr));
    }
  }
  std::vector<double> medians;
  for (auto &c : columns) {
    std::nth_element(c.begin(), c.begin() + c.size() / 2, c.end());
    medians.push_back(c[c.size() / 2]);
  }
  return medians;
}

// expect: mixed
bool blur_raw_image(const char *in_path, const char *out_path, int w, int h) {
  std::vector<float> img(static_cast<size_t>(w) * h), out(img.size());
  FILE *in = std::fopen(in_path, "rb");
  if (!in)
    return false;
  std::fread(img.data(), sizeof(float), img.size(), in);
  std::fclose(in);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      float acc = 0;
      int n = 0;
      for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
          int sy = y + dy, sx = x + dx;
          if (sy < 0 || sy >= h || sx < 0 || sx >= w)
            continue;
          acc += img[static_cast<size_t>(sy) * w + sx];
          ++n;
        }
      out[static_cast<size_t>(y) * w + x] = acc / n;
    }
  FILE *o = std::fopen(out_path, "wb");
  if (!o)
    return false;
  std::fwrite(out.data(), sizeof(float), out.size(), o);
  return std::fclose(o) == 0;
}

// expect: mixed
std::unordered_map<std::string, std::string> hash_tree(const std::filesystem::path &root) {
  std::unordered_map<std::string, std::string> digests;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file())
      continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(data.data()), data.size(), md);
    digests[entry.path().string()] = std::string(reinterpret_cast<char *>(md), sizeof md);
  }
  return digests;
}

// expect: mixed
bool export_sorted_customers(PGconn *conn, const char *path) {
  PGresult *res = PQexec(conn, "SELECT name FROM customers");
  std::vector<std::string> names;
  for (int i = 0; i < PQntuples(res); ++i)
    names.emplace_back(PQgetvalue(res, i, 0));
  PQclear(res);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  FILE *f = std::fopen(path, "w");
  if (!f)
    return false;
  for (const auto &n : names)
    std::fprintf(f, "%s\n", n.c_str());
  return std::fclose(f) == 0;
}

// expect: mixed
uint32_t fetch_and_checksum(int fd, size_t len) {
  std::vector<uint8_t> buf(len);
  size_t got = 0;
  while (got < len) {
    ssize_t r = ::recv(fd, buf.data() + got, len - got, 0);
    if (r <= 0)
      break;
    got += static_cast<size_t>(r);
  }
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < got; ++i) {
    crc ^= buf[i];
    for (int bit = 0; bit < 8; ++bit)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// expect: mixed
void top_k_from_stdin(size_t k) {
  std::vector<long> values;
  for (long v; std::cin >> v;)
    values.push_back(v);
  k = std::min(k, values.size());
  std::partial_sort(values.begin(), values.begin() + static_cast<long>(k), values.end(),
                    std::greater<long>());
  for (size_t i = 0; i < k; ++i)
    std::cout << values[i] << '\n';
}

// Every step writes the whole state: the output is data, not logging.
// expect: mixed
void simulate_with_checkpoints(std::vector<double> &field, size_t width, int steps,
                               const char *path) {
  FILE *f = std::fopen(path, "wb");
  if (!f)
    return;
  std::vector<double> next(field.size());
  size_t height = field.size() / width;
  for (int s = 0; s < steps; ++s) {
    for (size_t y = 1; y + 1 < height; ++y)
      for (size_t x = 1; x + 1 < width; ++x)
        next[y * width + x] = 0.25 * (field[(y - 1) * width + x] + field[(y + 1) * width + x] +
                                      field[y * width + x - 1] + field[y * width + x + 1]);
    field.swap(next);
    std::fwrite(field.data(), sizeof(double), field.size(), f);
    std::fflush(f);
  }
  std::fclose(f);
}

// expect: mixed
std::vector<std::string> sorted_command_output(const std::string &command) {
  std::vector<std::string> lines;
  FILE *p = ::popen(command.c_str(), "r");
  if (!p)
    return lines;
  char buf[1024];
  while (std::fgets(buf, sizeof buf, p))
    lines.emplace_back(buf);
  ::pclose(p);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// expect: mixed
std::vector<std::pair<std::string, long long>> leaderboard(redisContext *ctx) {
  std::vector<std::pair<std::string, long long>> rows;
  auto *reply = static_cast<redisReply *>(redisCommand(ctx, "HGETALL scores"));
  if (reply && reply->type == REDIS_REPLY_ARRAY) {
    for (size_t i = 0; i + 1 < reply->elements; i += 2)
      rows.emplace_back(reply->element[i]->str, std::atoll(reply->element[i + 1]->str));
  }
  freeReplyObject(reply);
  std::sort(rows.begin(), rows.end(),
            [](const auto &a, const auto &b) { return a.second > b.second; });
  return rows;
}

// expect: io.file
std::vector<double> load_samples(const std::string &path) {
  std::ifstream in(path);
  std::vector<double> v;
  for (double x; in >> x;)
    v.push_back(x);
  return v;
}

// expect: cpu
std::vector<double> autocorrelation(const std::vector<double> &v) {
  std::vector<double> r(v.size(), 0.0);
  for (size_t lag = 0; lag < v.size(); ++lag)
    for (size_t i = 0; i + lag < v.size(); ++i)
      r[lag] += v[i] * v[i + lag];
  return r;
}

// Mixed only through its callees.
// expect: mixed
std::vector<double> run_analysis(const std::string &path) {
  std::vector<double> samples = load_samples(path);
  return autocorrelation(samples);
}

// Samples a sensor at a fixed rate, then runs a quadratic transform.
// expect: mixed
std::vector<double> sample_and_transform(double (*read_sensor)(), size_t n) {
  std::vector<double> samples;
  for (size_t i = 0; i < n; ++i) {
    samples.push_back(read_sensor());
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::vector<double> power(n / 2, 0.0);
  for (size_t k = 0; k < n / 2; ++k) {
    double re = 0, im = 0;
    for (size_t t = 0; t < n; ++t) {
      re += samples[t] * std::cos(2 * M_PI * k * t / n);
      im -= samples[t] * std::sin(2 * M_PI * k * t / n);
    }
    power[k] = re * re + im * im;
  }
  return power;
}

class ImageJob {
public:
  // expect: trivial
  ImageJob(std::string in, std::string out) : in_(std::move(in)), out_(std::move(out)) {}

  // expect: mixed
  void run() {
    load();
    smooth();
    save();
  }

private:
  // expect: io.file
  void load() {
    std::ifstream f(in_, std::ios::binary);
    pixels_.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }

  // Three smoothing passes over the pixels, five taps each.
  // expect: cpu
  void smooth() {
    std::vector<char> out(pixels_.size());
    for (int pass = 0; pass < 3; ++pass) {
      for (size_t i = 2; i + 2 < pixels_.size(); ++i) {
        int acc = 0;
        for (int k = -2; k <= 2; ++k)
          acc += static_cast<unsigned char>(pixels_[i + k]);
        out[i] = static_cast<char>(acc / 5);
      }
      pixels_.swap(out);
    }
  }

  // expect: io.file
  void save() {
    std::ofstream f(out_, std::ios::binary);
    f.write(pixels_.data(), static_cast<std::streamsize>(pixels_.size()));
  }

  std::string in_, out_;
  std::vector<char> pixels_;
};

// expect: mixed
size_t dedupe_file(const std::string &path) {
  std::vector<std::string> lines;
  {
    std::ifstream in(path);
    for (std::string l; std::getline(in, l);)
      lines.push_back(l);
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::ofstream out(path, std::ios::trunc);
  for (const auto &l : lines)
    out << l << '\n';
  return lines.size();
}

} // namespace mixed
