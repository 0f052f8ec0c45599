// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11 -fopenmp
int table[64][64];
long checksum;

static long square(long v) { return v * v; }

// The parent reads the children's results before it waits for them.
long sum_of_squares(long n) {
  long left = 0, right = 0;
#pragma omp task shared(left)
  left = square(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'left': write by a task of 'sum_of_squares' conflicts with a read by 'sum_of_squares' itself
  // CHECK-MESSAGES: :[[@LINE-3]]:1: note: the task starts here; the team of a region that calls 'sum_of_squares' may run it until its creator waits for it
  // CHECK-MESSAGES: :[[@LINE+5]]:16: note: conflicting read of 'left' by 'sum_of_squares' itself
#pragma omp task shared(right)
  right = square(n + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'right': write by a task of 'sum_of_squares' conflicts with a read by 'sum_of_squares' itself
  // CHECK-MESSAGES: :[[@LINE+1]]:23: note: conflicting read of 'right' by 'sum_of_squares' itself
  long total = left + right;
#pragma omp taskwait
  return total;
}

void start_sum(void) {
#pragma omp parallel
#pragma omp single
  checksum = sum_of_squares(7);
}

// taskwait waits for the child task, not for the task the child made.
void grandchild_not_awaited(void) {
  long parts[2] = {0, 0};
#pragma omp parallel
#pragma omp single
  {
#pragma omp task shared(parts)
    {
#pragma omp task shared(parts)
      parts[1] = 2;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'parts[1]': write by the threads of the 'omp parallel' region in 'grandchild_not_awaited' conflicts with a read by another thread of the team
      // CHECK-MESSAGES: :[[@LINE+4]]:27: note: conflicting read of 'parts[1]'
      parts[0] = 1;
    }
#pragma omp taskwait
    checksum = parts[0] + parts[1];
  }
}

// The dependences name different objects, so nothing orders the tasks.
void depend_on_other_objects(void) {
  int produced = 0, flag = 0, copy = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task depend(out : flag) shared(produced)
    produced = 42;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'produced': write by the threads of the 'omp parallel' region in 'depend_on_other_objects' conflicts with a read by another thread of the team
    // CHECK-MESSAGES: :[[@LINE+2]]:12: note: conflicting read of 'produced'
#pragma omp task depend(in : copy) shared(produced, copy)
    copy = produced;
  }
}

// A taskloop's iterations are tasks: a counter it does not make private is shared.
void taskloop_shared_counter(void) {
  int r, c;
#pragma omp parallel
#pragma omp single
#pragma omp taskloop
  for (r = 0; r < 64; r++)
    for (c = 0; c < 64; c++)
      table[r][c] = r * c;
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: data race on 'c': write by the threads of the 'omp parallel' region in 'taskloop_shared_counter' conflicts with a read by another thread of the team
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: data race on 'c': write by the threads of the 'omp parallel' region in 'taskloop_shared_counter' conflicts with a write by another thread of the team
  // CHECK-MESSAGES: :[[@LINE-4]]:25: warning: data race on 'c': write by the threads of the 'omp parallel' region in 'taskloop_shared_counter' conflicts with a read by another thread of the team
  // CHECK-MESSAGES: :[[@LINE-5]]:25: warning: data race on 'c': write by the threads of the 'omp parallel' region in 'taskloop_shared_counter' conflicts with a write by another thread of the team
}

// Race-free: dependences order a producer and its consumer; a wait that depends on the
// producer orders the parent's read; mutexinoutset makes two updates exclusive; a taskgroup
// waits for every descendant; tasks made in a loop write their own elements.
void ordered_by_depend(void) {
  int produced = 0, consumed = 0, other = 0, total = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task depend(out : produced) shared(produced)
    produced = 42;
#pragma omp task depend(in : produced) shared(produced, consumed)
    consumed = produced + 1;
#pragma omp task depend(out : other) shared(other)
    other = 1;
#pragma omp task depend(in : other) if (0)
    {
    }
    total = other;
#pragma omp task depend(mutexinoutset : total) shared(total)
    total += 2;
#pragma omp task depend(mutexinoutset : total) shared(total)
    total += 3;
#pragma omp taskwait
    checksum = produced + consumed + total;
  }
}

void group_then_loop(void) {
  long parts[16];
#pragma omp parallel
#pragma omp single
  {
#pragma omp taskgroup
    {
#pragma omp task shared(parts)
      {
#pragma omp task shared(parts)
        parts[0] = 5;
      }
    }
    checksum = parts[0];
    for (int k = 0; k < 16; k++) {
#pragma omp task shared(parts)
      parts[k] = k;
    }
#pragma omp taskwait
    for (int k = 0; k < 16; k++)
      checksum += parts[k];
  }
}

void taskloop_collapse(void) {
  int r, c;
#pragma omp parallel
#pragma omp single
#pragma omp taskloop collapse(2)
  for (r = 0; r < 64; r++)
    for (c = 0; c < 64; c++)
      table[r][c] = r + c;
}
