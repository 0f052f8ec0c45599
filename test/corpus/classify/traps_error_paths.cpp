// Output that does not decide the label: I/O only on an error path (a branch that reports a
// failure and leaves: return, throw, abort, exit), and progress/diagnostic logging inside a heavy
// compute loop. Cost weighing (README): such lines are not where the time goes.
// Traps: every function here contains an fprintf/perror/cerr/printf call and none is io except
// the last two, where the output is the work (the report is the result, or the I/O sits on the
// normal path of a retry loop).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace errors {

// expect: cpu
bool normalize(std::vector<double> &v) {
  double sum = 0;
  for (double x : v)
    sum += x;
  if (sum == 0) {
    std::fprintf(stderr, "normalize: zero vector\n");
    return false;
  }
  for (double &x : v)
    x /= sum;
  return true;
}

// expect: cpu
std::vector<double> solve_gauss(std::vector<std::vector<double>> a, std::vector<double> b) {
  size_t n = b.size();
  for (size_t col = 0; col < n; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < n; ++r)
      if (std::fabs(a[r][col]) > std::fabs(a[pivot][col]))
        pivot = r;
    if (std::fabs(a[pivot][col]) < 1e-12) {
      std::cerr << "solve_gauss: singular matrix at column " << col << '\n';
      throw std::runtime_error("singular matrix");
    }
    std::swap(a[col], a[pivot]);
    std::swap(b[col], b[pivot]);
    for (size_t r = col + 1; r < n; ++r) {
      double f = a[r][col] / a[col][col];
      for (size_t c = col; c < n; ++c)
        a[r][c] -= f * a[col][c];
      b[r] -= f * b[col];
    }
  }
  std::vector<double> x(n);
  for (size_t i = n; i-- > 0;) {
    double s = b[i];
    for (size_t c = i + 1; c < n; ++c)
      s -= a[i][c] * x[c];
    x[i] = s / a[i][i];
  }
  return x;
}

// expect: trivial
int parse_port_or_die(const char *text) {
  char *end = nullptr;
  long port = std::strtol(text, &end, 10);
  if (*end != '\0' || port <= 0 || port > 65535) {
    std::fprintf(stderr, "invalid port: %s\n", text);
    std::exit(2);
  }
  return static_cast<int>(port);
}

// expect: trivial
void *checked_alloc(size_t bytes) {
  void *p = std::malloc(bytes);
  if (!p) {
    std::perror("malloc");
    std::abort();
  }
  return p;
}

// Progress logging every 64 rows of a cubic loop nest.
// expect: cpu
void matmul_logged(const double *a, const double *b, double *c, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (i % 64 == 0)
      std::fprintf(stderr, "matmul: row %zu/%zu\n", i, n);
    for (size_t j = 0; j < n; ++j) {
      double acc = 0;
      for (size_t k = 0; k < n; ++k)
        acc += a[i * n + k] * b[k * n + j];
      c[i * n + j] = acc;
    }
  }
}

struct Particle {
  double x, y, vx, vy;
};

// One status line per step; each step is a quadratic pass over the particles.
// expect: cpu
void simulate(std::vector<Particle> &ps, int steps, double dt) {
  for (int s = 0; s < steps; ++s) {
    for (size_t i = 0; i < ps.size(); ++i) {
      double ax = 0, ay = 0;
      for (size_t j = 0; j < ps.size(); ++j) {
        if (i == j)
          continue;
        double dx = ps[j].x - ps[i].x, dy = ps[j].y - ps[i].y;
        double d2 = dx * dx + dy * dy + 1e-9;
        double inv = 1.0 / (d2 * std::sqrt(d2));
        ax += dx * inv;
        ay += dy * inv;
      }
      ps[i].vx += ax * dt;
      ps[i].vy += ay * dt;
    }
    for (auto &p : ps) {
      p.x += p.vx * dt;
      p.y += p.vy * dt;
    }
    std::printf("step %d done\n", s);
  }
}

// The loss is reported once, after the epoch.
// expect: cpu
double train_epoch(std::vector<double> &w, const std::vector<std::vector<double>> &xs,
                   const std::vector<double> &ys, double lr) {
  double loss = 0;
  for (size_t n = 0; n < xs.size(); ++n) {
    double pred = 0;
    for (size_t j = 0; j < w.size(); ++j)
      pred += w[j] * xs[n][j];
    double err = pred - ys[n];
    loss += err * err;
    for (size_t j = 0; j < w.size(); ++j)
      w[j] -= lr * err * xs[n][j];
  }
  std::clog << "epoch loss " << loss / xs.size() << '\n';
  return loss;
}

// expect: cpu
double checked_mean(const std::vector<double> &v) {
  if (v.empty()) {
    std::cerr << "checked_mean: empty input\n";
    return NAN;
  }
  double s = 0;
  for (double x : v)
    s += x;
  return s / v.size();
}

// expect: trivial
double safe_ratio(double num, double den) {
  if (den == 0) {
    std::fputs("safe_ratio: division by zero\n", stderr);
    return 0;
  }
  return num / den;
}

// The printing is the point of this function: io, not an error path.
// expect: io.terminal
void report_results(const std::vector<double> &results) {
  for (size_t i = 0; i < results.size(); ++i)
    std::printf("result[%zu] = %.6f\n", i, results[i]);
}

// The failure branch retries instead of leaving: the read is on the normal path.
// expect: io.file
std::string read_with_retry(const char *path, int attempts) {
  for (int i = 0; i < attempts; ++i) {
    if (FILE *f = std::fopen(path, "r")) {
      char buf[256] = {0};
      std::fgets(buf, sizeof buf, f);
      std::fclose(f);
      return buf;
    }
    std::perror("fopen");
  }
  return {};
}

} // namespace errors
