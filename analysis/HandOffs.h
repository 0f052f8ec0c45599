// Happens-before through hand-offs (Function::handOffs): a latch, barrier, semaphore, promise
// or atomic flag that orders two threads' accesses without a lock. The shapes understood:
// publication (one thread writes, then signals; the other awaits, then reads) and a lock made
// of an await and a signal (both accesses sit between an await and a signal of one object,
// like a spinlock's test_and_set and clear), generalized to a baton passed between two objects
// (`sem_wait(&empty); write; sem_post(&full)` against `sem_wait(&full); read; sem_post(&empty)`),
// and barrier phases (accesses between different waits of one barrier). Hand-offs count at the
// access's own level and at each caller on its path, not inside callees called beside it.
//
// An await may have seen any signal of its object, so publication asks that the write come
// before every signal its thread makes on the object, and, unless the signal or the await is a
// rendezvous (a latch or barrier, or a spin until a counter reaches a count, returns only after
// every signal), that no other thread signals it.
#pragma once

#include "Threads.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace concur {

/// A function's hand-off as seen from one context: its object named in that context.
struct ContextHandOff {
  uint32_t function = 0;
  uint32_t handOff = 0; // index into the function's handOffs
  std::string object;
  std::vector<ThreadPath::Step> path; // calls from the context's root down to `function`
};

/// Where an access runs: its context, function, byte offset and loop, and the calls leading there.
struct AccessPoint {
  uint32_t context = 0;
  uint32_t function = 0;
  uint32_t offset = 0;
  int32_t loop = -1;
  const std::vector<ThreadPath::Step> *path = nullptr;
  bool manyInstances = false; // its context runs as several threads at once
};

/// Where an access runs in an OpenMP region's function: its block of the team, and the offset
/// and loop of the region's statement that makes it (the access, or the call to it).
struct TeamPoint {
  OmpPlace omp;
  uint32_t offset = 0;
  int32_t loop = -1;
};

/// True when the region's own hand-offs order two accesses of one team: one is in a block a
/// single thread runs once (a section, single, master) that signals after it, the other in
/// another such block that awaits the same object before it. Blocks are what tell a team's
/// code apart, not offsets: a section after another runs at the same time as it.
bool teamHandedOff(const Function &fn, const TeamPoint &a, const TeamPoint &b);

class HandOffOrder {
public:
  explicit HandOffOrder(const Program &program) : program(program) {}
  void add(uint32_t context, ContextHandOff handOff);
  /// True when a hand-off orders two accesses of different threads (or instances).
  bool ordered(const AccessPoint &a, const AccessPoint &b) const;

private:
  struct Level {
    uint32_t function;
    uint32_t offset;
    int32_t loop;
  };
  /// Objects by how surely they order: `any` lists them all, `certain` those that order on their
  /// own side alone (see signalledAfter and awaitedBefore).
  struct Objects {
    std::vector<std::string> any, certain;
  };
  std::vector<Level> levels(const AccessPoint &p) const;
  /// The objects `p` publishes to: signalled after it, and not again before it in a later
  /// iteration (a loop around both would write again after the signal). Certain: a rendezvous
  /// signal, or one no thread but p's and the reader's makes; else only an await for every
  /// signal sees it.
  Objects signalledAfter(const AccessPoint &p, uint32_t readerContext) const;
  /// The objects awaited before `p`. Certain: a rendezvous await (a latch, a count), which
  /// returns after every signal.
  Objects awaitedBefore(const AccessPoint &p) const;
  bool publishes(const AccessPoint &writer, const AccessPoint &reader) const;
  /// The (awaited, signalled) objects between whose await and signal `p` sits, at one level of
  /// its path and in one iteration of the loop around them (cyclically: a wait at the end of
  /// the loop comes before p in the next pass).
  std::vector<std::pair<std::string, std::string>> passedThrough(const AccessPoint &p) const;
  /// Where `p` falls among the waits of each barrier it arrives at (a rendezvous that both
  /// signals and awaits): the phase, counted from 0, of how many waits per round (per iteration
  /// of the loop around them, or in all when no loop is).
  struct Phase {
    uint32_t phase = 0, count = 0;
    bool looped = false;
  };
  std::map<std::string, Phase> phases(const AccessPoint &p) const;
  template <typename Visit> void forEachAtLevel(const AccessPoint &p, Visit visit) const;

  const Program &program;
  std::vector<std::vector<ContextHandOff>> byContext;
  std::map<std::string, std::set<uint32_t>> signallers; // object -> contexts signalling it
};

} // namespace concur
