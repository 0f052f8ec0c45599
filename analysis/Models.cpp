#include "Models.h"
#include "ModelYAML.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <optional>

namespace concur {
namespace {

llvm::Error entryError(llvm::StringRef origin, const RawModel &raw, const llvm::Twine &what) {
  std::string first = raw.names.empty() ? "<no names>" : raw.names.front();
  return llvm::createStringError(
      (origin + ": model for '" + first + "': " + what).str());
}

template <typename E>
llvm::Error parseWord(const std::optional<std::string> &word, E &out,
                      std::initializer_list<std::pair<const char *, E>> vocabulary,
                      llvm::StringRef key, llvm::StringRef origin, const RawModel &raw) {
  if (!word)
    return llvm::Error::success();
  for (const auto &[text, value] : vocabulary)
    if (*word == text) {
      out = value;
      return llvm::Error::success();
    }
  std::string allowed;
  for (const auto &entry : vocabulary)
    allowed += std::string(allowed.empty() ? "" : ", ") + entry.first;
  return entryError(origin, raw, "'" + key + ": " + *word + "' is not one of " + allowed);
}

llvm::Error parseArgRef(const std::optional<std::string> &word, ArgRef &out, llvm::StringRef key,
                        llvm::StringRef origin, const RawModel &raw) {
  if (!word)
    return llvm::Error::success();
  if (*word == "this")
    out.kind = ArgRef::This;
  else if (*word == "return")
    out.kind = ArgRef::Return;
  else if (*word == "all")
    out.kind = ArgRef::All;
  else if (unsigned n; !llvm::StringRef(*word).getAsInteger(10, n)) {
    out.kind = ArgRef::Index;
    out.index = int(n);
  } else
    return entryError(origin, raw,
                      "'" + key + ": " + *word + "' must be this, return, all or an argument index");
  return llvm::Error::success();
}

llvm::Expected<Model> convert(const RawModel &raw, llvm::StringRef origin) {
  Model m;
  m.names = raw.names;
  m.origin = origin.str();
  if (raw.names.empty())
    return entryError(origin, raw, "'names' is empty");
  using IK = IoKind;
  if (auto e = parseWord(raw.io, m.effect.io,
                         {{"file", IK::File}, {"net", IK::Net}, {"ipc", IK::Ipc}, {"sleep", IK::Sleep},
                          {"terminal", IK::Terminal}, {"process", IK::Process}, {"db", IK::Db}},
                         "io", origin, raw))
    return std::move(e);
  if (auto e = parseWord(raw.cpu, m.effect.cpu, {{"heavy", CpuKind::Heavy}, {"light", CpuKind::Light}},
                         "cpu", origin, raw))
    return std::move(e);
  if (auto e = parseWord(raw.sync, m.effect.sync,
                         {{"wait", SyncKind::Wait}, {"join", SyncKind::Join}, {"lock", SyncKind::Lock},
                          {"barrier", SyncKind::Barrier}, {"get", SyncKind::Get}},
                         "sync", origin, raw))
    return std::move(e);
  using LA = LockAction;
  if (auto e = parseWord(raw.lock, m.lock,
                         {{"acquire", LA::Acquire}, {"release", LA::Release},
                          {"try_acquire", LA::TryAcquire}, {"acquire_shared", LA::AcquireShared},
                          {"release_shared", LA::ReleaseShared},
                          {"try_acquire_shared", LA::TryAcquireShared},
                          {"release_reacquire", LA::ReleaseReacquire}},
                         "lock", origin, raw))
    return std::move(e);
  if (auto e = parseWord(raw.guard, m.guard,
                         {{"exclusive", GuardKind::Exclusive}, {"shared", GuardKind::Shared}}, "guard",
                         origin, raw))
    return std::move(e);
  if (auto e = parseWord(raw.container, m.container,
                         {{"read", ContainerAccess::Read}, {"write", ContainerAccess::Write},
                          {"element", ContainerAccess::Element}},
                         "container", origin, raw))
    return std::move(e);
  if (auto e = parseArgRef(raw.lockObject, m.lockObject, "lock_object", origin, raw))
    return std::move(e);
  if (auto e = parseArgRef(raw.join, m.join, "join", origin, raw))
    return std::move(e);
  if (m.lock != LA::None && m.lockObject.kind == ArgRef::None)
    m.lockObject.kind = ArgRef::This;
  if (raw.mtUnsafe)
    m.effect.mtUnsafe = raw.mtUnsafe->empty() ? "not thread-safe" : *raw.mtUnsafe;
  if (auto e = parseWord(raw.randomStream, m.effect.randomStream,
                         {{"draws", RandomStream::Draws}, {"seeds", RandomStream::Seeds}}, "random_stream", origin,
                         raw))
    return std::move(e);
  m.effect.atomic = raw.atomic.value_or(false);
  if (raw.nonBlockingIf) {
    if (auto e = parseArgRef(raw.nonBlockingIf->flagArg, m.nonBlockingIf.flagArg, "flag_arg", origin, raw))
      return std::move(e);
    m.nonBlockingIf.flags = raw.nonBlockingIf->flags;
  }
  if (raw.marksNonBlocking) {
    if (auto e = parseArgRef(raw.marksNonBlocking->flagArg, m.marksNonBlocking.flagArg, "flag_arg",
                             origin, raw))
      return std::move(e);
    if (auto e = parseArgRef(raw.marksNonBlocking->fd, m.marksNonBlockingFd, "fd", origin, raw))
      return std::move(e);
    m.marksNonBlocking.flags = raw.marksNonBlocking->flags;
  }
  if (auto e = parseArgRef(raw.streamArg, m.streamArg, "stream_arg", origin, raw))
    return std::move(e);
  auto ioWords = std::initializer_list<std::pair<const char *, IoKind>>{
      {"file", IoKind::File}, {"net", IoKind::Net}, {"ipc", IoKind::Ipc}, {"sleep", IoKind::Sleep},
      {"terminal", IoKind::Terminal}, {"process", IoKind::Process}, {"db", IoKind::Db},
      {"memory", IoKind::None}};
  if (raw.objectIo) {
    if (auto e = parseWord(raw.objectIo, m.objectIo, ioWords, "object_io", origin, raw))
      return std::move(e);
    m.objectIsMemory = *raw.objectIo == "memory";
  }
  if (raw.marksDescriptor) {
    const RawDescriptor &d = *raw.marksDescriptor;
    if (auto e = parseArgRef(std::optional<std::string>(d.fd), m.marksDescriptor.fd, "fd", origin, raw))
      return std::move(e);
    if (auto e = parseArgRef(d.flagArg, m.marksDescriptor.flagArg, "flag_arg", origin, raw))
      return std::move(e);
    if (auto e = parseWord(d.kind, m.marksDescriptor.kind, ioWords, "kind", origin, raw))
      return std::move(e);
    for (const auto &[flag, word] : d.kinds.value_or(std::map<std::string, std::string>{})) {
      IoKind kind = IoKind::None;
      if (auto e = parseWord(std::optional<std::string>(word), kind, ioWords, "kinds", origin, raw))
        return std::move(e);
      m.marksDescriptor.kinds.emplace_back(flag, kind);
    }
  }
  m.poolSizeArg = raw.poolSizeArg.value_or(-1);
  m.awaitable = raw.awaitable.value_or("");
  m.coroutineCall = raw.coroutineCall.value_or("");
  if (raw.threadEntry) {
    const RawThreadEntry &t = *raw.threadEntry;
    if (!t.callable || *t.callable < 0)
      return entryError(origin, raw, "'thread_entry' needs 'callable: <argument index>'");
    m.threadEntry.callable = *t.callable;
    m.threadEntry.args = t.args.value_or(std::vector<int>{});
    m.threadEntry.argsFrom = t.argsFrom.value_or(-1);
    m.threadEntry.deferredPolicy = t.deferredPolicy.value_or("");
  }
  if (raw.handOff) {
    const RawHandOff &h = *raw.handOff;
    using HR = HandOffModel::Role;
    if (auto e = parseWord(std::optional<std::string>(h.role), m.handOff.role,
                           {{"signal", HR::Signal}, {"await", HR::Await}, {"both", HR::Both}, {"channel", HR::Channel},
                            {"exchange", HR::Exchange}, {"fence", HR::Fence}},
                           "hand_off.role", origin, raw))
      return std::move(e);
    if (auto e = parseArgRef(h.object.value_or("this"), m.handOff.object, "hand_off.object", origin, raw))
      return std::move(e);
    if (auto e = parseArgRef(h.orderArg, m.handOff.order.flagArg, "hand_off.order_arg", origin, raw))
      return std::move(e);
    m.handOff.order.flags = h.orders.value_or(std::vector<std::string>{});
    bool readsOrder = m.handOff.role == HR::Exchange || m.handOff.role == HR::Fence;
    if (readsOrder && !m.handOff.order.flags.empty())
      return entryError(origin, raw, "an 'exchange' or 'fence' hand_off reads its order itself: no 'orders'");
    if (!readsOrder && m.handOff.order.present() != !m.handOff.order.flags.empty())
      return entryError(origin, raw, "'hand_off' takes 'order_arg' and 'orders' together");
    m.handOff.spin = h.spin.value_or(false);
    m.handOff.rendezvous = h.rendezvous.value_or(false);
  }
  if (raw.argAccess) {
    m.readsPointees = raw.argAccess->read.value_or(std::vector<int>{});
    m.writesPointees = raw.argAccess->write.value_or(std::vector<int>{});
    for (const std::vector<int> *indexes : {&m.readsPointees, &m.writesPointees})
      if (std::any_of(indexes->begin(), indexes->end(), [](int index) { return index < 0; }))
        return entryError(origin, raw, "'arg_access' lists argument indexes (0 is the first)");
  }
  bool hasEffect = m.effect.any() || m.lock != LA::None || m.guard != GuardKind::None ||
                   m.nonBlockingIf.present() || m.marksNonBlocking.present() ||
                   m.threadEntry.present() || m.join.kind != ArgRef::None ||
                   m.container != ContainerAccess::ByConstness || m.streamArg.kind != ArgRef::None ||
                   m.objectIo != IoKind::None || m.objectIsMemory || m.marksDescriptor.present() ||
                   m.poolSizeArg >= 0 || m.handOff.present() || !m.readsPointees.empty() ||
                   !m.writesPointees.empty();
  if (!hasEffect)
    return entryError(origin, raw, "it names no effect");
  return m;
}

bool matchComponent(llvm::StringRef pattern, llvm::StringRef text) {
  if (pattern.empty())
    return text.empty();
  if (pattern.front() == '*') {
    for (size_t skip = 0; skip <= text.size(); ++skip)
      if (matchComponent(pattern.drop_front(), text.drop_front(skip)))
        return true;
    return false;
  }
  return !text.empty() && pattern.front() == text.front() &&
         matchComponent(pattern.drop_front(), text.drop_front());
}

/// Splits at `::` outside template brackets is not needed: names are normalized first.
llvm::SmallVector<llvm::StringRef, 4> components(llvm::StringRef name) {
  llvm::SmallVector<llvm::StringRef, 4> parts;
  name.split(parts, "::");
  return parts;
}

} // namespace

bool matchNamePattern(llvm::StringRef pattern, llvm::StringRef name) {
  auto p = components(pattern), n = components(name);
  if (p.size() != n.size())
    return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (!matchComponent(p[i], n[i]))
      return false;
  return true;
}

llvm::Error ModelDatabase::addYAML(llvm::StringRef text, llvm::StringRef origin) {
  RawModelFile file;
  std::string yamlError;
  llvm::yaml::Input in(text, nullptr, [](const llvm::SMDiagnostic &d, void *ctx) {
    auto *out = static_cast<std::string *>(ctx);
    if (out->empty())
      *out = llvm::formatv("{0}:{1}: {2}", d.getLineNo(), d.getColumnNo() + 1, d.getMessage()).str();
  }, &yamlError);
  in >> file;
  if (in.error())
    return llvm::createStringError((origin + ":" + yamlError).str());
  return addEntries(file.functions, origin, text);
}

llvm::Error ModelDatabase::addEntries(const std::vector<RawModel> &entries, llvm::StringRef origin,
                                      llvm::StringRef digestText) {
  for (const RawModel &raw : entries) {
    llvm::Expected<Model> model = convert(raw, origin);
    if (!model)
      return model.takeError();
    models.push_back(std::make_unique<Model>(std::move(*model)));
    const Model *added = models.back().get();
    for (const std::string &name : added->names) {
      if (name.find('*') != std::string::npos)
        patterns.emplace_back(name, added);
      else
        exact[name] = added;
    }
  }
  sourceText += origin.str() + "\n" + digestText.str() + "\n";
  return llvm::Error::success();
}

llvm::Error ModelDatabase::addDirectory(llvm::StringRef dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".yaml")
      files.push_back(it->path());
  if (ec)
    return llvm::createStringError("cannot read model directory '" + dir.str() + "': " + ec.message());
  std::sort(files.begin(), files.end());
  for (const std::string &path : files) {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer)
      return llvm::createStringError("cannot read '" + path + "': " + buffer.getError().message());
    if (llvm::Error e = addYAML((*buffer)->getBuffer(), path))
      return e;
  }
  return llvm::Error::success();
}

const Model *ModelDatabase::lookup(llvm::StringRef name) const {
  if (auto it = exact.find(name); it != exact.end())
    return it->second;
  for (auto it = patterns.rbegin(); it != patterns.rend(); ++it)
    if (matchNamePattern(it->first, name))
      return it->second;
  return nullptr;
}

std::string ModelDatabase::digest() const {
  auto hash = llvm::SHA256::hash(llvm::arrayRefFromStringRef(sourceText));
  return llvm::toHex(hash, /*LowerCase=*/true);
}

std::string ModelDatabase::defaultDirectory(const char *argv0) {
  std::string exe = llvm::sys::fs::getMainExecutable(argv0, reinterpret_cast<void *>(&matchNamePattern));
  llvm::SmallString<256> dir(llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
  llvm::SmallString<256> installed(dir);
  llvm::sys::path::append(installed, "share", "concur", "models");
  if (llvm::sys::fs::is_directory(installed))
    return std::string(installed);
  return CONCUR_SOURCE_MODELS_DIR; // a build tree runs against the source tree's models
}

} // namespace concur
