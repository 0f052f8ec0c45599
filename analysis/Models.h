// Library knowledge loaded from models/*.yaml and `.concur.yaml`: what a named function does.
// The schema is docs/model-files.md.
#pragma once

#include "Summary.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace concur {

struct RawModel;

enum class LockAction : uint8_t {
  None, Acquire, Release, TryAcquire, AcquireShared, ReleaseShared, TryAcquireShared,
  ReleaseReacquire
};
enum class GuardKind : uint8_t { None, Exclusive, Shared };
/// How a call on a library object touches it. Element: it returns one of its elements (the
/// access is to that element, read or written by the caller's use of it).
enum class ContainerAccess : uint8_t { ByConstness, Read, Write, Element };

/// Which argument of a call a model refers to.
struct ArgRef {
  enum Kind : uint8_t { None, This, Return, All, Index } kind = None;
  int index = -1;
};

struct FlagCondition {
  ArgRef flagArg;
  std::vector<std::string> flags;
  bool present() const { return flagArg.kind != ArgRef::None; }
};

struct ThreadEntryModel {
  int callable = -1; // -1: not a thread entry
  std::vector<int> args;
  int argsFrom = -1;
  std::string deferredPolicy;
  bool present() const { return callable >= 0; }
};

/// `marks_descriptor`: the call yields a descriptor of this I/O kind (socket(AF_UNIX) -> ipc).
struct DescriptorMark {
  ArgRef fd;
  ArgRef flagArg;
  std::vector<std::pair<std::string, IoKind>> kinds; // flag -> kind
  IoKind kind = IoKind::None;                         // without a deciding flag
  bool present() const { return fd.kind != ArgRef::None; }
};

/// `hand_off`: the call orders memory between threads through a synchronization object. What a
/// thread wrote before it signals is visible to a thread past its await on the same object.
struct HandOffModel {
  // Channel: the result shares the object's. Exchange: a read-modify-write, which releases and
  // acquires as its order says. Fence: a fence, which makes up for relaxed orders around it.
  enum Role : uint8_t { None, Signal, Await, Both, Channel, Exchange, Fence } role = None;
  ArgRef object;
  FlagCondition order; // the memory-order argument, and the orders that publish or observe
                       // (an exchange or fence reads the order's meaning itself)
  bool spin = false;   // an await only as the condition of a loop spinning until it holds
  bool rendezvous = false; // an await returns after every signal (a latch), not any one
  bool present() const { return role != None; }
};

struct Model {
  std::vector<std::string> names;
  CallEffect effect; // io, cpu, sync, mt_unsafe, atomic
  LockAction lock = LockAction::None;
  ArgRef lockObject;
  GuardKind guard = GuardKind::None;
  FlagCondition nonBlockingIf;
  FlagCondition marksNonBlocking;
  ArgRef marksNonBlockingFd;
  ThreadEntryModel threadEntry;
  ArgRef join;
  ContainerAccess container = ContainerAccess::ByConstness;
  ArgRef streamArg;        // the stream or descriptor the call works on
  IoKind objectIo = IoKind::None; // for a class or a variable: I/O through it is of this kind
  bool objectIsMemory = false;    // ... or no I/O at all (std::ostringstream)
  DescriptorMark marksDescriptor;
  int poolSizeArg = -1; // a pool's constructor: the argument giving its thread count
  /// The function of concur's runtime that does the same awaited in a coroutine, with the same
  /// arguments and result (`concur::sys::recv`): what the coroutine rewrite calls instead.
  std::string awaitable;
  /// What coroutine code calls instead, not awaited, with the same arguments and result
  /// (`close`: `concur::sys::close`, which also makes the event loop forget the descriptor).
  std::string coroutineCall;
  HandOffModel handOff;
  /// `arg_access`: the arguments whose pointees the call reads or writes (`memcpy` writes what
  /// argument 0 points to and reads what argument 1 points to); race analysis counts those as
  /// accesses of the caller.
  std::vector<int> readsPointees, writesPointees;
  std::string origin; // where it was defined, for --dump-config and messages
};

/// Every model of a run, looked up by normalized qualified name.
class ModelDatabase {
public:
  /// Adds the models of one YAML document; `origin` names it in errors.
  llvm::Error addYAML(llvm::StringRef text, llvm::StringRef origin);
  /// Adds parsed entries (from `.concur.yaml`); `digestText` is what identifies them in digest().
  llvm::Error addEntries(const std::vector<RawModel> &entries, llvm::StringRef origin,
                         llvm::StringRef digestText);
  /// Adds every models/*.yaml file of a directory, in name order.
  llvm::Error addDirectory(llvm::StringRef dir);

  /// The model for a normalized qualified name (`std::vector::push_back`), or null.
  /// Exact names win over patterns; among equals, the one added last wins.
  const Model *lookup(llvm::StringRef name) const;

  /// A digest of every model, for cache keys: changing a model re-extracts.
  std::string digest() const;
  size_t size() const { return models.size(); }

  /// The directory shipped with the binary: <prefix>/share/concur/models, or the source tree's.
  static std::string defaultDirectory(const char *argv0);

private:
  std::vector<std::unique_ptr<Model>> models;
  llvm::StringMap<const Model *> exact;
  std::vector<std::pair<std::string, const Model *>> patterns;
  std::string sourceText; // concatenated inputs, hashed by digest()
};

/// Matches `std::basic_*fstream::*`-style patterns: `*` stays within one `::` component.
bool matchNamePattern(llvm::StringRef pattern, llvm::StringRef name);

} // namespace concur
