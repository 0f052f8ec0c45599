// The YAML shape of model entries, shared by models/*.yaml and the `Models:` key of
// `.concur.yaml`. Read as text first so every vocabulary error can name its entry.
#pragma once

#include "llvm/Support/YAMLTraits.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace concur {

struct RawThreadEntry {
  std::optional<int> callable;
  std::optional<std::vector<int>> args;
  std::optional<int> argsFrom;
  std::optional<std::string> deferredPolicy;
};
struct RawFlags {
  std::optional<std::string> flagArg;
  std::optional<std::string> fd;
  std::vector<std::string> flags;
};
struct RawDescriptor {
  std::string fd;
  std::optional<std::string> flagArg;
  std::optional<std::map<std::string, std::string>> kinds; // flag -> io kind
  std::optional<std::string> kind;                        // when no flag decides
};
struct RawArgAccess {
  std::optional<std::vector<int>> read, write;
};
struct RawHandOff {
  std::string role;
  std::optional<std::string> object, orderArg;
  std::optional<std::vector<std::string>> orders;
  std::optional<bool> spin, rendezvous;
};
struct RawModel {
  std::vector<std::string> names;
  std::optional<std::string> io, cpu, sync, lock, lockObject, mtUnsafe, join, container, guard;
  std::optional<std::string> streamArg, objectIo, awaitable, coroutineCall, randomStream;
  std::optional<int> poolSizeArg;
  std::optional<RawDescriptor> marksDescriptor;
  std::optional<bool> atomic;
  std::optional<RawFlags> nonBlockingIf, marksNonBlocking;
  std::optional<RawThreadEntry> threadEntry;
  std::optional<RawHandOff> handOff;
  std::optional<RawArgAccess> argAccess;
};
struct RawModelFile {
  std::vector<RawModel> functions;
};

} // namespace concur

LLVM_YAML_IS_SEQUENCE_VECTOR(concur::RawModel)

namespace llvm::yaml {
template <> struct MappingTraits<concur::RawThreadEntry> {
  static void mapping(IO &io, concur::RawThreadEntry &e) {
    io.mapOptional("callable", e.callable);
    io.mapOptional("args", e.args);
    io.mapOptional("args_from", e.argsFrom);
    io.mapOptional("deferred_policy", e.deferredPolicy);
  }
};
template <> struct MappingTraits<concur::RawFlags> {
  static void mapping(IO &io, concur::RawFlags &f) {
    io.mapOptional("flag_arg", f.flagArg);
    io.mapOptional("fd", f.fd);
    io.mapRequired("flags", f.flags);
  }
};
/// A YAML mapping of free keys (`{AF_UNIX: ipc}`, CheckOptions) as a std::map.
template <> struct CustomMappingTraits<std::map<std::string, std::string>> {
  static void inputOne(IO &io, StringRef key, std::map<std::string, std::string> &out) {
    io.mapRequired(key.str().c_str(), out[key.str()]);
  }
  static void output(IO &io, std::map<std::string, std::string> &in) {
    for (auto &[k, v] : in)
      io.mapRequired(k.c_str(), v);
  }
};
template <> struct MappingTraits<concur::RawDescriptor> {
  static void mapping(IO &io, concur::RawDescriptor &d) {
    io.mapRequired("fd", d.fd);
    io.mapOptional("flag_arg", d.flagArg);
    io.mapOptional("kinds", d.kinds);
    io.mapOptional("kind", d.kind);
  }
};
template <> struct MappingTraits<concur::RawArgAccess> {
  static void mapping(IO &io, concur::RawArgAccess &a) {
    io.mapOptional("read", a.read);
    io.mapOptional("write", a.write);
  }
};
template <> struct MappingTraits<concur::RawHandOff> {
  static void mapping(IO &io, concur::RawHandOff &h) {
    io.mapRequired("role", h.role);
    io.mapOptional("object", h.object);
    io.mapOptional("order_arg", h.orderArg);
    io.mapOptional("orders", h.orders);
    io.mapOptional("spin", h.spin);
    io.mapOptional("rendezvous", h.rendezvous);
  }
};
template <> struct MappingTraits<concur::RawModel> {
  static void mapping(IO &io, concur::RawModel &m) {
    io.mapRequired("names", m.names);
    io.mapOptional("io", m.io);
    io.mapOptional("cpu", m.cpu);
    io.mapOptional("sync", m.sync);
    io.mapOptional("lock", m.lock);
    io.mapOptional("lock_object", m.lockObject);
    io.mapOptional("guard", m.guard);
    io.mapOptional("mt_unsafe", m.mtUnsafe);
    io.mapOptional("random_stream", m.randomStream);
    io.mapOptional("atomic", m.atomic);
    io.mapOptional("join", m.join);
    io.mapOptional("container", m.container);
    io.mapOptional("nonblocking_if", m.nonBlockingIf);
    io.mapOptional("marks_nonblocking", m.marksNonBlocking);
    io.mapOptional("thread_entry", m.threadEntry);
    io.mapOptional("stream_arg", m.streamArg);
    io.mapOptional("object_io", m.objectIo);
    io.mapOptional("marks_descriptor", m.marksDescriptor);
    io.mapOptional("pool_size_arg", m.poolSizeArg);
    io.mapOptional("awaitable", m.awaitable);
    io.mapOptional("coroutine_call", m.coroutineCall);
    io.mapOptional("hand_off", m.handOff);
    io.mapOptional("arg_access", m.argAccess);
  }
};
template <> struct MappingTraits<concur::RawModelFile> {
  static void mapping(IO &io, concur::RawModelFile &f) { io.mapRequired("functions", f.functions); }
};
} // namespace llvm::yaml

