// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11 -fopenmp
#include <stdio.h>
double table[64];
int ready, result;

// Race-free: the producer fills the table, then publishes it with a seq_cst atomic write; the
// consumer spins on a seq_cst atomic read and uses the table only once it has seen the flag.
void publish_table(void) {
  ready = 0;
#pragma omp parallel sections
  {
#pragma omp section
    {
      for (int i = 0; i < 64; ++i)
        table[i] = i * 0.5;
#pragma omp atomic write seq_cst
      ready = 1;
    }
#pragma omp section
    {
      int seen;
      do {
#pragma omp atomic read acquire
        seen = ready;
      } while (!seen);
      printf("%f\n", table[63]);
    }
  }
}

// An atomic without a memory order is relaxed: it publishes nothing else.
void relaxed_flag(void) {
  ready = 0;
#pragma omp parallel sections
  {
#pragma omp section
    {
      result = 42;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'result': write by the threads of the 'omp parallel sections' region in 'relaxed_flag' conflicts with a read by another thread of the team
#pragma omp atomic write
      ready = 1;
    }
#pragma omp section
    {
      int seen = 0;
      while (!seen) {
#pragma omp atomic read
        seen = ready;
      }
      printf("%d\n", result);
      // CHECK-MESSAGES: :[[@LINE-1]]:22: note: conflicting read of 'result' by another thread of the team
    }
  }
}

// The flag is raised by a section that wrote nothing: the writer's section is not ordered
// before the reader, though it comes earlier in the source.
void signal_from_elsewhere(void) {
  ready = 0;
#pragma omp parallel sections
  {
#pragma omp section
    result = 7;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'result': write by the threads of the 'omp parallel sections' region in 'signal_from_elsewhere' conflicts with a read by another thread of the team
#pragma omp section
    {
#pragma omp atomic write seq_cst
      ready = 1;
    }
#pragma omp section
    {
      int seen = 0;
      while (!seen) {
#pragma omp atomic read seq_cst
        seen = ready;
      }
      printf("%d\n", result);
      // CHECK-MESSAGES: :[[@LINE-1]]:22: note: conflicting read of 'result' by another thread of the team
    }
  }
}

// A read that no loop waits on may come before the write, and the table is read either way.
void read_once(void) {
  ready = 0;
#pragma omp parallel sections
  {
#pragma omp section
    {
      result = 3;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'result': write by the threads of the 'omp parallel sections' region in 'read_once' conflicts with a read by another thread of the team
#pragma omp atomic write seq_cst
      ready = 1;
    }
#pragma omp section
    {
      int seen;
#pragma omp atomic read seq_cst
      seen = ready;
      printf("%d %d\n", seen, result);
      // CHECK-MESSAGES: :[[@LINE-1]]:31: note: conflicting read of 'result' by another thread of the team
    }
  }
}
