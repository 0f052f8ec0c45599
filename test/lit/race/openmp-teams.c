// RUN: %check_concur %s %t -- --checks='-*,concur-race-unsynchronized-access' -- -std=c11 -fopenmp
#include <omp.h>
int hits, counted;
double field[512], next[512];

// A critical section excludes the threads of one team, not two teams of a league.
void critical_across_teams(void) {
#pragma omp target teams distribute parallel for map(tofrom : hits)
  for (int i = 0; i < 512; i++) {
#pragma omp critical
    hits++;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'hits': write by the threads of the 'omp target teams distribute parallel for' region in 'critical_across_teams' conflicts with a write by another thread of the team; held {critical} here, {critical} there
  }
}

// Each team's initial thread runs the teams region.
void every_team_writes(void) {
#pragma omp target teams num_teams(4) map(tofrom : field)
  field[0] += 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: data race on 'field[0]': write by the threads of the 'omp target teams' region in 'every_team_writes'
}

// The combined directive divides the iterations between all threads: a loop-carried
// dependence still races.
void carried_dependence_on_device(void) {
#pragma omp target teams distribute parallel for simd map(tofrom : field)
  for (int i = 8; i < 512; i++)
    field[i] = field[i - 8] * 0.5;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: data race on 'field[i]': write by the threads of the 'omp target teams distribute parallel for simd' region in 'carried_dependence_on_device' conflicts with a read by another thread of the team
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: conflicting read of 'field[i - 8]'
}

// distribute has no barrier at its end, and the second loop runs backwards.
void distribute_without_barrier(void) {
#pragma omp target teams map(tofrom : field, next)
  {
#pragma omp distribute
    for (int i = 0; i < 512; i++)
      next[i] = field[i] + 1.0;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'next[i]': write by the threads of the 'omp target teams' region in 'distribute_without_barrier' conflicts with a read by another thread of the team
    // CHECK-MESSAGES: :[[@LINE+3]]:18: note: conflicting read of 'next[i]'
#pragma omp distribute
    for (int i = 511; i >= 0; i--)
      field[i] = next[i] * 2.0;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: data race on 'field[i]': write by the threads of the 'omp target teams' region in 'distribute_without_barrier' conflicts with a read by another thread of the team
    // CHECK-MESSAGES: :[[@LINE-7]]:17: note: conflicting read of 'field[i]'
  }
}

// Race-free: one team, one lock; a reduction across the league.
void one_team_locked(void) {
  omp_lock_t lock;
  omp_init_lock(&lock);
#pragma omp target teams num_teams(1) map(tofrom : counted)
#pragma omp distribute parallel for
  for (int i = 0; i < 512; i++) {
    omp_set_lock(&lock);
    counted++;
    omp_unset_lock(&lock);
  }
  omp_destroy_lock(&lock);
}

void league_reduction(void) {
#pragma omp target teams distribute parallel for reduction(+ : counted) map(tofrom : counted)
  for (int i = 0; i < 512; i++)
    counted += i;
}
