// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11 -fopenmp
int a[1000], b[1000], idx[1000];
int sum, hits;

void loop_carried(int n) {
#pragma omp parallel for
  for (int i = 0; i < n - 1; i++)
    a[i + 1] = a[i] + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'a[i + 1]': write by the threads of the 'omp parallel for' region in 'loop_carried' conflicts with a read by another thread of the team
  // CHECK-MESSAGES: :[[@LINE-4]]:1: note: the 'omp parallel for' region starts here
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: conflicting read of 'a[i]'
}

void missing_reduction(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    sum += a[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'sum': write by the threads of the 'omp parallel for' region
  // CHECK-MESSAGES: :[[@LINE-4]]:1: note: the 'omp parallel for' region starts here
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: conflicting write of 'sum'
}

// Race-free: reduction, private temporaries, iteration-owned elements, critical, atomic,
// single with its barrier, and a barrier between the phases.
void race_free(int n) {
  int t;
#pragma omp parallel for reduction(+ : sum) private(t)
  for (int i = 0; i < n; i++) {
    t = a[i] * 2;
    b[i] = t;
    sum += t;
  }
#pragma omp parallel
  {
#pragma omp critical
    hits++;
#pragma omp atomic
    sum += 1;
#pragma omp single
    a[0] = 1;
    int seen = a[0]; // after the single's barrier; `seen` is the thread's own
    (void)seen;
#pragma omp barrier
#pragma omp for
    for (int i = 0; i < n; i++)
      a[i] = b[i] + 1;
  }
}
