// Workload classification: what each function spends its time on (io, cpu, sync, mixed,
// trivial, unknown), with the chain of evidence, computed bottom-up over the call graph's SCCs.
// The rules are those of test/corpus/classify/README.md; docs/classification.md explains them.
#pragma once

#include "Program.h"

#include <array>
#include <string>
#include <vector>

namespace concur {

enum class Workload : uint8_t { Trivial, Io, Cpu, Sync, Mixed, Unknown };
const char *workloadName(Workload w);
const char *ioKindName(IoKind k);

struct EvidenceStep {
  std::string message;
  Loc loc;
};
using EvidenceChain = std::vector<EvidenceStep>;

enum class CpuLevel : uint8_t { None, Light, Heavy };

/// The effects a function has, its own and its callees': the classifier's lattice.
struct Profile {
  std::array<double, 8> io{};            // weight per IoKind (index 0 unused)
  std::array<EvidenceChain, 8> ioWhy;
  CpuLevel cpu = CpuLevel::None;
  EvidenceChain cpuWhy;
  bool sync = false;
  EvidenceChain syncWhy;
  bool unknown = false;
  EvidenceChain unknownWhy;
  bool hasIo() const;
};

struct Classification {
  Workload label = Workload::Trivial;
  std::vector<IoKind> subkinds; // io kinds, strongest first
  double confidence = 0;
  EvidenceChain evidence;
};

class Classifier {
public:
  explicit Classifier(const Program &program);
  const Classification &of(uint32_t function) const { return results[function]; }
  const Profile &profileOf(uint32_t function) const { return profiles[function]; }

private:
  Profile computeProfile(uint32_t function, const std::vector<bool> &recursive, bool recursionComputes) const;
  Classification decide(uint32_t function) const;

  const Program &program;
  std::vector<Profile> profiles;
  std::vector<uint32_t> sccOf; // index into program.bottomUpSCCs()
  std::vector<Classification> results;
};

} // namespace concur
