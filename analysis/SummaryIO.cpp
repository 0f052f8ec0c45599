#include "SummaryIO.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace concur {
namespace json = llvm::json;

namespace {

json::Value toJSON(const Loc &l) { return json::Array{l.file, l.line, l.col, l.offset}; }
json::Value toJSON(const Range &r) { return json::Array{toJSON(r.begin), r.length}; }

json::Value toJSON(const HeldLock &h) {
  return json::Object{{"lock", h.lock}, {"display", h.display}, {"shared", h.shared}};
}

json::Value toJSON(const ArgBinding &a);
json::Value toJSON(const OmpPlace &o) {
  return json::Array{o.region, o.phase, o.single, o.inWorksharingLoop, o.iterations, o.task, o.indexLoop};
}
json::Value toJSON(const OmpDepend &d) {
  return json::Object{{"object", d.object}, {"type", int(d.type)}, {"perInstance", d.perInstance}};
}
json::Value toJSON(const OmpTask &t);
json::Value toJSON(const OmpRegion &r) {
  return json::Object{{"loc", toJSON(r.loc)}, {"directive", r.directive}, {"league", r.league}};
}
json::Value toJSON(const CallEffect &e);
json::Value toJSON(const Call &c);
json::Value toJSON(const Access &a);
json::Value toJSON(const Spawn &s);
json::Value toJSON(const Join &j);
json::Value toJSON(const HandOff &h);
json::Value toJSON(const Loop &l);
json::Value toJSON(const UnjoinedThread &u);
json::Value toJSON(const GuardableStatement &g);
json::Value toJSON(const Function &f);
json::Value toJSON(const CompilerMessage &m);
json::Value toJSON(const Edit &e);
json::Value toJSON(const AtomicCandidate &c);
json::Value toJSON(const Rewrite &r);

template <typename T> json::Array toArray(const std::vector<T> &items) {
  json::Array out;
  out.reserve(items.size());
  for (const T &item : items)
    out.push_back(toJSON(item));
  return out;
}

json::Value toJSON(const ArgBinding &a) {
  return json::Object{
      {"param", a.param}, {"location", a.location}, {"perIteration", a.perIteration}, {"element", a.element}};
}

json::Value toJSON(const CallEffect &e) {
  return json::Object{{"io", int(e.io)},          {"sync", int(e.sync)},
                      {"cpu", int(e.cpu)},        {"mtUnsafe", e.mtUnsafe},
                      {"atomic", e.atomic},       {"nonBlocking", e.nonBlocking},
                      {"randomStream", int(e.randomStream)}};
}

json::Value toJSON(const Call &c) {
  return json::Object{{"callee", c.callee},       {"name", c.calleeName},
                      {"kind", int(c.kind)},      {"loc", toJSON(c.loc)},
                      {"loop", c.loop},           {"loopDepth", c.loopDepth},
                      {"errorPath", c.inErrorPath}, {"modelled", c.modelled},
                      {"afterUnlock", c.afterUnlock}, {"argCount", c.argCount},
                      {"effect", toJSON(c.effect)},
                      {"held", toArray(c.held)},  {"args", toArray(c.args)},
                      {"acquires", toArray(c.acquires)}, {"omp", toJSON(c.omp)}};
}

json::Value toJSON(const Access &a) {
  return json::Object{{"location", a.location}, {"display", a.display}, {"kind", int(a.kind)},
                      {"loc", toJSON(a.loc)},   {"loop", a.loop},       {"loopDepth", a.loopDepth},
                      {"atomic", a.atomic},     {"index", a.index},     {"rows", a.rows},  {"held", toArray(a.held)},
                      {"omp", toJSON(a.omp)},       {"statement", a.statement},
                      {"declaredGuard", toJSON(a.declaredGuard)}};
}

json::Value toJSON(const Spawn &s) {
  return json::Object{{"entry", s.entry},         {"entryName", s.entryName},
                      {"api", s.api},             {"kind", int(s.kind)},
                      {"loc", toJSON(s.loc)},     {"range", toJSON(s.range)},
                      {"loop", s.loop},           {"loopDepth", s.loopDepth},
                      {"deferred", s.deferred},   {"poolThreads", s.poolThreads},
                      {"detached", s.detached},   {"borrowedLocal", s.borrowedLocal},
                      {"args", toArray(s.args)},
                      {"held", toArray(s.held)}};
}

json::Value toJSON(const Join &j) {
  return json::Object{{"api", j.api}, {"loc", toJSON(j.loc)}, {"loop", j.loop}};
}

json::Value toJSON(const HandOff &h) {
  return json::Object{{"role", int(h.role)}, {"object", h.object}, {"loc", toJSON(h.loc)}, {"loop", h.loop},
                      {"rendezvous", h.rendezvous}, {"call", h.call}, {"omp", toJSON(h.omp)}};
}

json::Value toJSON(const Loop &l) {
  return json::Object{{"loc", toJSON(l.loc)}, {"parent", l.parent}, {"depth", l.depth},
                      {"tripCount", l.tripCount}, {"kind", l.kind},
                      {"arithmetic", l.arithmetic}, {"boundedByCores", l.boundedByCores}, {"carriesLocal", l.carriesLocal}};
}

json::Value toJSON(const OmpTask &t) {
  json::Array depends;
  for (const OmpDepend &d : t.depends)
    depends.push_back(toJSON(d));
  return json::Object{{"loc", toJSON(t.loc)},
                      {"end", t.end},
                      {"parent", t.parent},
                      {"loop", t.loop},
                      {"place", toJSON(t.place)},
                      {"taskloop", t.taskloop},
                      {"completedAt", t.completedAt},
                      {"completedInIteration", t.completedInIteration},
                      {"groupEnd", t.groupEnd},
                      {"depends", std::move(depends)}};
}

json::Value toJSON(const Function &f) {
  json::Array overrides;
  for (const std::string &o : f.overrides)
    overrides.push_back(o);
  return json::Object{{"usr", f.usr},
                      {"name", f.name},
                      {"loc", toJSON(f.loc)},
                      {"body", toJSON(f.body)},
                      {"parentClass", f.parentClass},
                      {"overrides", std::move(overrides)},
                      {"isMain", f.isMain},
                      {"isCoroutine", f.isCoroutine},
                      {"isVirtual", f.isVirtual},
                      {"isLambda", f.isLambda},
                      {"isConstructorOrDestructor", f.isConstructorOrDestructor},
                      {"inSystemHeader", f.inSystemHeader},
                      {"usesThreadLocal", f.usesThreadLocal},
                      {"statements", f.statements},
                      {"arithmetic", f.arithmetic},
                      {"maxLoopDepth", f.maxLoopDepth},
                      {"loops", toArray(f.loops)},
                      {"calls", toArray(f.calls)},
                      {"accesses", toArray(f.accesses)},
                      {"spawns", toArray(f.spawns)},
                      {"joins", toArray(f.joins)}, {"handOffs", toArray(f.handOffs)},
                      {"ompRegions", toArray(f.ompRegions)},
                      {"ompTasks", toArray(f.ompTasks)},
                      {"rewrites", toArray(f.rewrites)},
                      {"unjoinedThreads", toArray(f.unjoinedThreads)},
                      {"guardable", toArray(f.guardable)},
                      {"nameableMutexes", toArray(f.nameableMutexes)}};
}

json::Value toJSON(const GuardableStatement &g) {
  return json::Object{{"range", toJSON(g.range)}, {"guardName", g.guardName}, {"include", toArray(g.include)}};
}

json::Value toJSON(const UnjoinedThread &u) {
  return json::Object{{"variable", u.variable}, {"container", u.container}, {"event", u.event},
                      {"loc", toJSON(u.loc)}, {"started", toJSON(u.started)}};
}

json::Value toJSON(const Edit &e) { return json::Object{{"range", toJSON(e.range)}, {"text", e.text}}; }
json::Value toJSON(const Rewrite &r) {
  json::Array spawns;
  for (uint32_t s : r.spawns)
    spawns.push_back(s);
  return json::Object{{"target", int64_t(r.target)}, {"spawns", std::move(spawns)}, {"blocker", r.blocker},
                      {"poolAt", toJSON(r.poolAt)},     {"indent", r.indent},          {"pool", r.pool},
                      {"edits", toArray(r.edits)},     {"fanout", r.fanout},          {"fanoutEdits", toArray(r.fanoutEdits)}};
}
json::Value toJSON(const AtomicCandidate &c) {
  return json::Object{{"usr", c.usr}, {"simple", c.simple}, {"edits", toArray(c.edits)}};
}

json::Value toJSON(const CompilerMessage &m) {
  return json::Object{{"level", m.level}, {"message", m.message}, {"loc", toJSON(m.loc)}};
}

// ---- reading -------------------------------------------------------------------------------

bool fromJSONValue(const json::Value &v, Loc &l, json::Path p);
bool fromJSONValue(const json::Value &v, OmpPlace &o, json::Path p);
bool fromJSONValue(const json::Value &v, OmpRegion &r, json::Path p);
bool fromJSONValue(const json::Value &v, OmpDepend &d, json::Path p);
bool fromJSONValue(const json::Value &v, OmpTask &t, json::Path p);
bool fromJSONValue(const json::Value &v, Range &r, json::Path p);
bool fromJSONValue(const json::Value &v, HeldLock &h, json::Path p);
bool fromJSONValue(const json::Value &v, ArgBinding &a, json::Path p);
bool fromJSONValue(const json::Value &v, CallEffect &e, json::Path p);
bool fromJSONValue(const json::Value &v, Call &c, json::Path p);
bool fromJSONValue(const json::Value &v, Access &a, json::Path p);
bool fromJSONValue(const json::Value &v, Spawn &s, json::Path p);
bool fromJSONValue(const json::Value &v, Join &j, json::Path p);
bool fromJSONValue(const json::Value &v, HandOff &h, json::Path p);
bool fromJSONValue(const json::Value &v, Loop &l, json::Path p);
bool fromJSONValue(const json::Value &v, UnjoinedThread &u, json::Path p);
bool fromJSONValue(const json::Value &v, GuardableStatement &g, json::Path p);
bool fromJSONValue(const json::Value &v, Function &f, json::Path p);
bool fromJSONValue(const json::Value &v, CompilerMessage &m, json::Path p);
bool fromJSONValue(const json::Value &v, Edit &e, json::Path p);
bool fromJSONValue(const json::Value &v, AtomicCandidate &c, json::Path p);
bool fromJSONValue(const json::Value &v, Rewrite &r, json::Path p);

/// Reads fields and remembers the first failure, so each fromJSON stays a flat list of fields.
class Reader {
public:
  explicit Reader(const json::Object *object, json::Path path) : object(object), path(path) {
    if (!object)
      path.report("expected an object");
  }
  bool ok() const { return object && good; }

  template <typename T> void operator()(llvm::StringRef key, T &out) {
    if (!ok())
      return;
    const json::Value *v = object->get(key);
    if (!v) {
      path.field(key).report("missing field");
      good = false;
      return;
    }
    if (!read(*v, out, path.field(key)))
      good = false;
  }

private:
  static bool read(const json::Value &v, std::string &out, json::Path p) {
    return json::fromJSON(v, out, p);
  }
  static bool read(const json::Value &v, bool &out, json::Path p) { return json::fromJSON(v, out, p); }
  static bool read(const json::Value &v, int &out, json::Path p) { return json::fromJSON(v, out, p); }
  static bool read(const json::Value &v, int64_t &out, json::Path p) {
    return json::fromJSON(v, out, p);
  }
  static bool read(const json::Value &v, uint32_t &out, json::Path p) {
    int64_t n;
    if (!json::fromJSON(v, n, p) || n < 0 || n > UINT32_MAX)
      return p.report("expected an unsigned 32-bit number"), false;
    out = uint32_t(n);
    return true;
  }
  template <typename E>
    requires std::is_enum_v<E>
  static bool read(const json::Value &v, E &out, json::Path p) {
    int64_t n;
    if (!json::fromJSON(v, n, p))
      return false;
    out = E(n);
    return true;
  }
  template <typename T> static bool read(const json::Value &v, T &out, json::Path p) {
    return fromJSONValue(v, out, p);
  }
  template <typename T> static bool read(const json::Value &v, std::vector<T> &out, json::Path p) {
    const json::Array *a = v.getAsArray();
    if (!a)
      return p.report("expected an array"), false;
    out.resize(a->size());
    for (size_t i = 0; i < a->size(); ++i)
      if (!read((*a)[i], out[i], p.index(i)))
        return false;
    return true;
  }

  const json::Object *object;
  json::Path path;
  bool good = true;
};

bool fromJSONValue(const json::Value &v, Loc &l, json::Path p) {
  const json::Array *a = v.getAsArray();
  if (!a || a->size() != 4)
    return p.report("expected [file, line, col, offset]"), false;
  uint32_t *fields[] = {&l.file, &l.line, &l.col, &l.offset};
  for (size_t i = 0; i < 4; ++i) {
    std::optional<int64_t> n = (*a)[i].getAsInteger();
    if (!n || *n < 0)
      return p.index(i).report("expected an unsigned number"), false;
    *fields[i] = uint32_t(*n);
  }
  return true;
}

bool fromJSONValue(const json::Value &v, OmpPlace &o, json::Path p) {
  const json::Array *a = v.getAsArray();
  if (!a || a->size() != 7)
    return p.report("expected [region, phase, single, worksharing, iterations, task, indexLoop]"), false;
  std::optional<int64_t> region = (*a)[0].getAsInteger(), phase = (*a)[1].getAsInteger(),
                         single = (*a)[2].getAsInteger(), iterations = (*a)[4].getAsInteger(),
                         task = (*a)[5].getAsInteger(), indexLoop = (*a)[6].getAsInteger();
  std::optional<bool> loop = (*a)[3].getAsBoolean();
  if (!region || !phase || !single || !loop || !iterations || !task || !indexLoop)
    return p.report("expected numbers and a boolean"), false;
  o = OmpPlace{int32_t(*region), uint32_t(*phase),  int32_t(*single),   *loop,
               int32_t(*iterations), int32_t(*task), int32_t(*indexLoop)};
  return true;
}

bool fromJSONValue(const json::Value &v, OmpDepend &d, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("object", d.object), r("type", d.type), r("perInstance", d.perInstance);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, OmpTask &t, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("loc", t.loc), r("end", t.end), r("parent", t.parent), r("loop", t.loop), r("place", t.place);
  r("taskloop", t.taskloop), r("completedAt", t.completedAt), r("completedInIteration", t.completedInIteration);
  r("groupEnd", t.groupEnd), r("depends", t.depends);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, OmpRegion &r, json::Path p) {
  Reader rd(v.getAsObject(), p);
  rd("loc", r.loc), rd("directive", r.directive), rd("league", r.league);
  return rd.ok();
}

bool fromJSONValue(const json::Value &v, Range &r, json::Path p) {
  const json::Array *a = v.getAsArray();
  if (!a || a->size() != 2)
    return p.report("expected [loc, length]"), false;
  std::optional<int64_t> n = (*a)[1].getAsInteger();
  if (!n || *n < 0)
    return p.index(1).report("expected a length"), false;
  r.length = uint32_t(*n);
  return fromJSONValue((*a)[0], r.begin, p.index(0));
}

bool fromJSONValue(const json::Value &v, HeldLock &h, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("lock", h.lock), r("display", h.display), r("shared", h.shared);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, ArgBinding &a, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("param", a.param), r("location", a.location), r("perIteration", a.perIteration), r("element", a.element);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, CallEffect &e, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("io", e.io), r("sync", e.sync), r("cpu", e.cpu), r("mtUnsafe", e.mtUnsafe);
  r("atomic", e.atomic), r("nonBlocking", e.nonBlocking), r("randomStream", e.randomStream);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, Call &c, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("callee", c.callee), r("name", c.calleeName), r("kind", c.kind), r("loc", c.loc);
  r("loop", c.loop), r("loopDepth", c.loopDepth), r("errorPath", c.inErrorPath);
  r("modelled", c.modelled), r("afterUnlock", c.afterUnlock), r("argCount", c.argCount);
  r("effect", c.effect), r("held", c.held), r("args", c.args), r("omp", c.omp);
  r("acquires", c.acquires);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, Access &a, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("location", a.location), r("display", a.display), r("kind", a.kind), r("loc", a.loc);
  r("loop", a.loop), r("loopDepth", a.loopDepth), r("atomic", a.atomic), r("index", a.index), r("rows", a.rows);
  r("held", a.held), r("omp", a.omp), r("statement", a.statement), r("declaredGuard", a.declaredGuard);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, Spawn &s, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("entry", s.entry), r("entryName", s.entryName), r("api", s.api), r("kind", s.kind);
  r("loc", s.loc), r("range", s.range), r("loop", s.loop), r("loopDepth", s.loopDepth);
  r("deferred", s.deferred), r("poolThreads", s.poolThreads), r("args", s.args), r("held", s.held);
  r("detached", s.detached), r("borrowedLocal", s.borrowedLocal);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, Join &j, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("api", j.api), r("loc", j.loc), r("loop", j.loop);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, HandOff &h, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("role", h.role), r("object", h.object), r("loc", h.loc), r("loop", h.loop), r("rendezvous", h.rendezvous), r("call", h.call), r("omp", h.omp);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, Loop &l, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("loc", l.loc), r("parent", l.parent), r("depth", l.depth), r("tripCount", l.tripCount);
  r("kind", l.kind), r("arithmetic", l.arithmetic), r("boundedByCores", l.boundedByCores);
  r("carriesLocal", l.carriesLocal);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, Function &f, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("usr", f.usr), r("name", f.name), r("loc", f.loc), r("body", f.body);
  r("parentClass", f.parentClass), r("overrides", f.overrides), r("isMain", f.isMain);
  r("isCoroutine", f.isCoroutine), r("isVirtual", f.isVirtual), r("isLambda", f.isLambda);
  r("isConstructorOrDestructor", f.isConstructorOrDestructor);
  r("inSystemHeader", f.inSystemHeader), r("usesThreadLocal", f.usesThreadLocal), r("statements", f.statements);
  r("arithmetic", f.arithmetic), r("maxLoopDepth", f.maxLoopDepth), r("loops", f.loops);
  r("calls", f.calls), r("accesses", f.accesses), r("spawns", f.spawns), r("joins", f.joins);
  r("handOffs", f.handOffs);
  r("ompRegions", f.ompRegions), r("ompTasks", f.ompTasks), r("rewrites", f.rewrites);
  r("unjoinedThreads", f.unjoinedThreads);
  r("guardable", f.guardable), r("nameableMutexes", f.nameableMutexes);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, GuardableStatement &g, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("range", g.range), r("guardName", g.guardName), r("include", g.include);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, UnjoinedThread &u, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("variable", u.variable), r("container", u.container), r("event", u.event), r("loc", u.loc);
  r("started", u.started);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, Edit &e, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("range", e.range), r("text", e.text);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, Rewrite &r, json::Path p) {
  Reader rd(v.getAsObject(), p);
  rd("target", r.target), rd("spawns", r.spawns), rd("blocker", r.blocker), rd("poolAt", r.poolAt);
  rd("indent", r.indent), rd("pool", r.pool), rd("edits", r.edits), rd("fanout", r.fanout);
  rd("fanoutEdits", r.fanoutEdits);
  return rd.ok();
}

bool fromJSONValue(const json::Value &v, AtomicCandidate &c, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("usr", c.usr), r("simple", c.simple), r("edits", c.edits);
  return r.ok();
}

bool fromJSONValue(const json::Value &v, CompilerMessage &m, json::Path p) {
  Reader r(v.getAsObject(), p);
  r("level", m.level), r("message", m.message), r("loc", m.loc);
  return r.ok();
}

} // namespace

std::string serializeSummary(const Summary &s) {
  json::Array files;
  for (const std::string &f : s.files)
    files.push_back(f);
  json::Value root = json::Object{{"format", "concur-summary"},
                                  {"version", s.version},
                                  {"mainFile", s.mainFile},
                                  {"files", std::move(files)},
                                  {"functions", toArray(s.functions)},
                                  {"atomicCandidates", toArray(s.atomicCandidates)},
                                  {"messages", toArray(s.messages)}};
  std::string out;
  llvm::raw_string_ostream os(out);
  os << root << '\n';
  return out;
}

llvm::Expected<Summary> parseSummary(llvm::StringRef text) {
  llvm::Expected<json::Value> value = json::parse(text);
  if (!value)
    return value.takeError();
  const json::Object *root = value->getAsObject();
  if (!root || root->getString("format") != "concur-summary")
    return llvm::createStringError("not a concur summary");
  std::optional<int64_t> version = root->getInteger("version");
  if (version != SummaryFormatVersion)
    return llvm::createStringError(
        llvm::formatv("summary format version {0}, expected {1}", version.value_or(-1),
                      SummaryFormatVersion)
            .str());
  Summary s;
  json::Path::Root pathRoot("summary");
  json::Path path(pathRoot);
  Reader r(root, path);
  r("mainFile", s.mainFile), r("files", s.files), r("functions", s.functions);
  r("atomicCandidates", s.atomicCandidates);
  r("messages", s.messages);
  if (!r.ok())
    return pathRoot.getError();
  for (const Function &f : s.functions)
    if (f.loc.file >= s.files.size())
      return llvm::createStringError("summary refers to a file it does not list");
  return s;
}

bool Summary::hasErrors() const {
  for (const CompilerMessage &m : messages)
    if (m.level == "error" || m.level == "fatal")
      return true;
  return false;
}

} // namespace concur
