// CPU kernels: loop nests, recursion, <cmath>, <algorithm> sorting, <regex>, hashing and
// compression libraries. Everything here computes; nothing waits.
// Traps: recursion (fib, quicksort, tree height) is cpu; a single loop over the data is cpu
// (linear work, not bounded); member accessors of the Matrix class are trivial while its
// multiplication is cpu; a template with a multi-line signature.
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <memory>
#include <numeric>
#include <regex>
#include <string>
#include <vector>

#include "openssl_api.h"
#include "zlib_api.h"

namespace kernels {

// expect: cpu
uint64_t fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

// expect: cpu
void matmul(const double *a, const double *b, double *c, size_t n) {
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) {
      double acc = 0;
      for (size_t k = 0; k < n; ++k)
        acc += a[i * n + k] * b[k * n + j];
      c[i * n + j] = acc;
    }
}

// expect: cpu
double dot(const std::vector<double> &a, const std::vector<double> &b) {
  double acc = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i)
    acc += a[i] * b[i];
  return acc;
}

// expect: cpu
std::vector<uint32_t> primes_below(uint32_t limit) {
  std::vector<bool> composite(limit, false);
  std::vector<uint32_t> primes;
  for (uint32_t i = 2; i < limit; ++i) {
    if (composite[i])
      continue;
    primes.push_back(i);
    for (uint64_t j = uint64_t(i) * i; j < limit; j += i)
      composite[j] = true;
  }
  return primes;
}

// expect: cpu
void convolve2d(const float *img, float *out, int w, int h, const float *kernel, int k) {
  int r = k / 2;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      float acc = 0;
      for (int ky = -r; ky <= r; ++ky)
        for (int kx = -r; kx <= r; ++kx) {
          int sy = std::clamp(y + ky, 0, h - 1), sx = std::clamp(x + kx, 0, w - 1);
          acc += img[sy * w + sx] * kernel[(ky + r) * k + (kx + r)];
        }
      out[y * w + x] = acc;
    }
}

// expect: cpu
uint32_t crc32_bitwise(const uint8_t *data, size_t n) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// expect: cpu
void rank_scores(std::vector<std::pair<std::string, double>> &scores) {
  std::sort(scores.begin(), scores.end(),
            [](const auto &a, const auto &b) { return a.second > b.second; });
}

// expect: cpu
double median(std::vector<double> values) {
  if (values.empty())
    return 0;
  auto mid = values.begin() + values.size() / 2;
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

// expect: cpu
std::vector<std::string> find_emails(const std::vector<std::string> &lines) {
  static const std::regex email(R"(([\w.+-]+)@([\w-]+\.[\w.]+))");
  std::vector<std::string> found;
  for (const auto &line : lines) {
    for (std::sregex_iterator it(line.begin(), line.end(), email), end; it != end; ++it)
      found.push_back(it->str());
  }
  return found;
}

// expect: cpu
double l2_norm(const std::vector<double> &v) {
  double s = 0;
  for (double x : v)
    s += x * x;
  return std::sqrt(s);
}

// expect: cpu
void mandelbrot(uint8_t *out, int w, int h, int max_iter) {
  for (int py = 0; py < h; ++py)
    for (int px = 0; px < w; ++px) {
      std::complex<double> c(-2.0 + 3.0 * px / w, -1.5 + 3.0 * py / h), z = 0;
      int it = 0;
      while (std::abs(z) < 2.0 && it < max_iter) {
        z = z * z + c;
        ++it;
      }
      out[py * w + px] = static_cast<uint8_t>(255 * it / max_iter);
    }
}

// expect: cpu
std::vector<size_t> histogram(const std::vector<double> &data, double lo, double hi, size_t bins) {
  std::vector<size_t> counts(bins, 0);
  for (double x : data) {
    if (x < lo || x >= hi)
      continue;
    counts[static_cast<size_t>((x - lo) / (hi - lo) * bins)]++;
  }
  return counts;
}

// expect: cpu
void transpose(const float *in, float *out, size_t rows, size_t cols) {
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < cols; ++c)
      out[c * rows + r] = in[r * cols + c];
}

// expect: cpu
size_t partition(std::vector<int> &v, size_t lo, size_t hi) {
  int pivot = v[hi];
  size_t i = lo;
  for (size_t j = lo; j < hi; ++j)
    if (v[j] < pivot)
      std::swap(v[i++], v[j]);
  std::swap(v[i], v[hi]);
  return i;
}

// expect: cpu
void quicksort(std::vector<int> &v, size_t lo, size_t hi) {
  if (lo >= hi || hi >= v.size())
    return;
  size_t p = partition(v, lo, hi);
  if (p > 0)
    quicksort(v, lo, p - 1);
  quicksort(v, p + 1, hi);
}

// expect: cpu
std::string sha256_hex(const std::string &data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char *>(data.data()), data.size(), digest);
  static const char *hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

// expect: cpu
std::vector<unsigned char> deflate_buffer(const std::vector<unsigned char> &in) {
  uLongf out_len = compressBound(in.size());
  std::vector<unsigned char> out(out_len);
  if (compress2(out.data(), &out_len, in.data(), in.size(), Z_BEST_COMPRESSION) != Z_OK)
    return {};
  out.resize(out_len);
  return out;
}

// expect: cpu
size_t levenshtein(const std::string &a, const std::string &b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  std::iota(prev.begin(), prev.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// expect: cpu
double power_iteration(const std::vector<double> &m, size_t n, int iterations) {
  std::vector<double> v(n, 1.0), next(n);
  double lambda = 0;
  for (int it = 0; it < iterations; ++it) {
    for (size_t i = 0; i < n; ++i) {
      next[i] = 0;
      for (size_t j = 0; j < n; ++j)
        next[i] += m[i * n + j] * v[j];
    }
    double norm = 0;
    for (double x : next)
      norm += x * x;
    norm = std::sqrt(norm);
    for (size_t i = 0; i < n; ++i)
      v[i] = next[i] / norm;
    lambda = norm;
  }
  return lambda;
}

// expect: cpu
void prefix_sums(std::vector<long> &v) {
  for (size_t i = 1; i < v.size(); ++i)
    v[i] += v[i - 1];
}

// expect: cpu
template <typename T>
T sum_all(const std::vector<T> &values) {
  T total{};
  for (const T &v : values)
    total += v;
  return total;
}

// expect: cpu
double mean_of_ints(const std::vector<int> &v) {
  return v.empty() ? 0.0 : static_cast<double>(sum_all(v)) / v.size();
}

struct TreeNode {
  int value;
  std::unique_ptr<TreeNode> left, right;
};

// expect: cpu
int tree_height(const TreeNode *n) {
  if (!n)
    return 0;
  return 1 + std::max(tree_height(n->left.get()), tree_height(n->right.get()));
}

// expect: cpu
void kmeans_step(const std::vector<double> &points, size_t dim, std::vector<double> &centroids,
                 std::vector<size_t> &assignment) {
  size_t k = centroids.size() / dim, n = points.size() / dim;
  for (size_t p = 0; p < n; ++p) {
    double best = INFINITY;
    for (size_t c = 0; c < k; ++c) {
      double d = 0;
      for (size_t j = 0; j < dim; ++j) {
        double diff = points[p * dim + j] - centroids[c * dim + j];
        d += diff * diff;
      }
      if (d < best) {
        best = d;
        assignment[p] = c;
      }
    }
  }
}

class Matrix {
public:
  Matrix(size_t rows, size_t cols) : rows_(rows), cols_(cols), data_(rows * cols, 0.0) {}

  // expect: trivial
  double &at(size_t r, size_t c) { return data_[r * cols_ + c]; }

  // expect: trivial
  double at(size_t r, size_t c) const { return data_[r * cols_ + c]; }

  // expect: trivial
  size_t rows() const { return rows_; }

  // expect: cpu
  Matrix operator*(const Matrix &o) const {
    Matrix out(rows_, o.cols_);
    for (size_t i = 0; i < rows_; ++i)
      for (size_t k = 0; k < cols_; ++k)
        for (size_t j = 0; j < o.cols_; ++j)
          out.at(i, j) += at(i, k) * o.at(k, j);
    return out;
  }

private:
  size_t rows_, cols_;
  std::vector<double> data_;
};

// A fixed 4x4 product: 64 multiply-adds whatever the input, so bounded constant work.
// expect: trivial
void mat4_mul(const float a[16], const float b[16], float out[16]) {
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      float acc = 0;
      for (int k = 0; k < 4; ++k)
        acc += a[i * 4 + k] * b[k * 4 + j];
      out[i * 4 + j] = acc;
    }
}

} // namespace kernels
