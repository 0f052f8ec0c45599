#include "ThreadLifetimes.h"

#include "CfgFixpoint.h"
#include "LocMaker.h"
#include "Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace concur {
namespace {

/// What a tracked variable may hold at a point: a set of these, several once paths merge.
enum : uint8_t {
  Empty = 1,    // a thread never started (default-constructed), or a container with none
  Joinable = 2, // a started thread nobody joined or detached yet
  Done = 4,     // joined, detached, or moved away
};

bool isStdThread(clang::QualType type) {
  const auto *record = type->getAsCXXRecordDecl();
  return record && normalizedName(record) == "std::thread";
}

bool isThreadContainer(clang::QualType type) {
  const auto *spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
  if (!spec || spec->getTemplateArgs().size() == 0 ||
      spec->getTemplateArgs()[0].getKind() != clang::TemplateArgument::Type)
    return false;
  std::string name = normalizedName(spec);
  return (name == "std::vector" || name == "std::deque" || name == "std::list") &&
         isStdThread(spec->getTemplateArgs()[0].getAsType());
}

/// What a std::thread expression gives the variable it initialises or is assigned to.
enum class Source : uint8_t { Started, NotStarted, Moved, Unknown };

struct Variable {
  const clang::VarDecl *decl = nullptr;
  bool container = false;
  bool understood = true;           // every use of it is one the analysis models
  clang::SourceLocation started;    // the first place a thread is put into it
  const clang::VarDecl *movedFrom = nullptr; // initialised or assigned from std::move(this)
};

struct Event {
  enum Kind : uint8_t { Init, Finish, MoveOut, Assign, Add, JoinAll, Clear } kind;
  uint32_t var;
  Source source = Source::Unknown; // Init and Assign: the new value
};

const clang::Expr *bare(const clang::Expr *e) { return e ? e->IgnoreImplicit()->IgnoreParens() : nullptr; }

const clang::VarDecl *varOf(const clang::Expr *e) {
  if (const auto *ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(bare(e)))
    return llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
  return nullptr;
}

bool isStdMove(const clang::CallExpr *call) {
  return call && call->getNumArgs() == 1 && call->getDirectCallee() &&
         normalizedName(call->getDirectCallee()) == "std::move";
}

Source sourceOf(const clang::Expr *e, const clang::VarDecl **from) {
  e = bare(e);
  if (const auto *cast = llvm::dyn_cast_or_null<clang::CXXFunctionalCastExpr>(e))
    return sourceOf(cast->getSubExpr(), from);
  if (const auto *construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(e)) {
    if (construct->getConstructor()->isCopyOrMoveConstructor() && construct->getNumArgs() == 1)
      return sourceOf(construct->getArg(0), from); // `std::thread t = std::thread(f)`
    return construct->getNumArgs() == 0 ? Source::NotStarted : Source::Started;
  }
  if (const auto *call = llvm::dyn_cast_or_null<clang::CallExpr>(e); isStdMove(call))
    if ((*from = varOf(call->getArg(0))))
      return Source::Moved;
  return Source::Unknown;
}

/// Anything that leaves a loop body early, so that one iteration may skip its join.
bool hasJump(const clang::Stmt *s) {
  if (!s || llvm::isa<clang::LambdaExpr>(s))
    return false;
  if (llvm::isa<clang::BreakStmt, clang::ContinueStmt, clang::ReturnStmt, clang::GotoStmt, clang::CXXThrowExpr,
                clang::CoreturnStmt>(s))
    return true;
  for (const clang::Stmt *child : s->children())
    if (hasJump(child))
      return true;
  return false;
}

const clang::CXXMemberCallExpr *memberCall(const clang::Stmt *s, llvm::ArrayRef<llvm::StringRef> names) {
  const auto *call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(s ? bare(llvm::dyn_cast<clang::Expr>(s)) : nullptr);
  if (!call || !call->getMethodDecl())
    return nullptr;
  for (llvm::StringRef name : names)
    if (call->getMethodDecl()->getName() == name)
      return call;
  return nullptr;
}

/// A loop body that joins (or detaches) its element on every iteration: `t.join();` at its
/// top level, or `if (t.joinable()) t.join();`, and nothing that leaves an iteration early.
template <typename IsElement> bool joinsEveryElement(const clang::Stmt *body, IsElement isElement) {
  if (hasJump(body))
    return false;
  auto finishes = [&](const clang::Stmt *s) {
    if (const auto *call = memberCall(s, {"join", "detach"}))
      return isElement(call->getImplicitObjectArgument());
    const auto *branch = llvm::dyn_cast_or_null<clang::IfStmt>(s);
    if (!branch || branch->getElse() || branch->getInit() || branch->getConditionVariable())
      return false;
    const auto *test = memberCall(branch->getCond(), {"joinable"});
    if (!test || !isElement(test->getImplicitObjectArgument()))
      return false;
    auto joins = [&](const clang::Stmt *s) {
      const auto *call = memberCall(s, {"join", "detach"});
      return call && isElement(call->getImplicitObjectArgument());
    };
    const auto *block = llvm::dyn_cast<clang::CompoundStmt>(branch->getThen());
    return block ? std::any_of(block->body_begin(), block->body_end(), joins) : joins(branch->getThen());
  };
  if (const auto *block = llvm::dyn_cast<clang::CompoundStmt>(body)) {
    for (const clang::Stmt *s : block->body())
      if (finishes(s))
        return true;
    return false;
  }
  return finishes(body);
}

/// One pass over the body: which locals are threads or containers of threads, and what each
/// use of them does. A use it cannot model makes the variable untracked.
class UseClassifier : public clang::RecursiveASTVisitor<UseClassifier> {
public:
  explicit UseClassifier(clang::ASTContext &ctx) : ctx(ctx) {}

  bool TraverseLambdaExpr(clang::LambdaExpr *lambda) {
    ++lambdaDepth; // a use in a lambda may happen any time: not modelled
    bool result = RecursiveASTVisitor::TraverseLambdaExpr(lambda);
    --lambdaDepth;
    return result;
  }

  bool VisitVarDecl(clang::VarDecl *var) {
    if (lambdaDepth > 0 || !var->hasLocalStorage() || llvm::isa<clang::ParmVarDecl>(var) ||
        var->getType()->isReferenceType())
      return true;
    bool container = isThreadContainer(var->getType());
    if (!container && !isStdThread(var->getType()))
      return true;
    uint32_t id = uint32_t(vars.size());
    index[var] = id;
    vars.push_back(Variable{var, container});
    Source source = container ? emptyContainer(var->getInit()) : sourceOf(var->getInit(), &vars[id].movedFrom);
    if (!var->getInit())
      source = Source::NotStarted;
    if (source == Source::Started)
      vars[id].started = var->getLocation();
    vars[id].understood = source != Source::Unknown;
    events[var].push_back(Event{Event::Init, id, source});
    return true;
  }

  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    auto it = var ? index.find(var) : index.end();
    if (it == index.end())
      return true;
    Variable &v = vars[it->second];
    bool modelled = lambdaDepth == 0 && (v.container ? containerUse(ref, it->second) : threadUse(ref, it->second));
    v.understood = v.understood && modelled;
    return true;
  }

  /// A variable given another's thread by std::move is tracked only when that one is.
  void settle() {
    for (bool changed = true; changed;) {
      changed = false;
      for (Variable &v : vars)
        if (v.understood && v.movedFrom)
          if (auto it = index.find(v.movedFrom); it == index.end() || !vars[it->second].understood) {
            v.understood = false;
            changed = true;
          }
    }
  }

  std::vector<Variable> vars;
  llvm::DenseMap<const clang::VarDecl *, uint32_t> index;
  llvm::DenseMap<const void *, llvm::SmallVector<Event, 1>> events; // by statement or declaration

private:
  /// The parent of `s` past implicit casts and parentheses, and the child it was reached from.
  const clang::Stmt *parentOf(const clang::Stmt *s, const clang::Stmt **child = nullptr) const {
    for (;;) {
      auto parents = ctx.getParents(*s);
      const clang::Stmt *parent = parents.size() == 1 ? parents[0].get<clang::Stmt>() : nullptr;
      if (!parent || !llvm::isa<clang::ImplicitCastExpr, clang::ParenExpr>(parent)) {
        if (child)
          *child = s;
        return parent;
      }
      s = parent;
    }
  }

  Source emptyContainer(const clang::Expr *init) const {
    const auto *construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(bare(init));
    if (!construct)
      return Source::Unknown;
    unsigned written = 0;
    for (const clang::Expr *arg : construct->arguments())
      written += !llvm::isa<clang::CXXDefaultArgExpr>(arg);
    // `std::vector<std::thread> v;` or `v(n)`: none of its threads started.
    bool counted = written == 1 && construct->getArg(0)->getType()->isIntegerType();
    return written == 0 || counted ? Source::NotStarted : Source::Unknown;
  }

  bool threadUse(const clang::DeclRefExpr *ref, uint32_t id) {
    const clang::Stmt *child = nullptr;
    const clang::Stmt *parent = parentOf(ref, &child);
    if (const auto *member = llvm::dyn_cast_or_null<clang::MemberExpr>(parent)) {
      const auto *call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(parentOf(member));
      if (!call || call->getCallee()->IgnoreParens() != member)
        return false;
      llvm::StringRef name = call->getMethodDecl()->getName();
      if (name == "join" || name == "detach")
        events[call].push_back(Event{Event::Finish, id});
      return name == "join" || name == "detach" || name == "joinable" || name == "get_id" ||
             name == "native_handle";
    }
    if (const auto *op = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(parent);
        op && op->getOperator() == clang::OO_Equal && op->getArg(0) == child) {
      Source source = sourceOf(op->getArg(1), &vars[id].movedFrom);
      if (source == Source::Started && vars[id].started.isInvalid())
        vars[id].started = op->getBeginLoc();
      events[op].push_back(Event{Event::Assign, id, source});
      return source != Source::Unknown;
    }
    if (const auto *call = llvm::dyn_cast_or_null<clang::CallExpr>(parent); isStdMove(call)) {
      events[call].push_back(Event{Event::MoveOut, id});
      return true;
    }
    // `return t;`: moved out of the function, which no longer owns it.
    const clang::Stmt *up = parent;
    while (up && (llvm::isa<clang::CXXConstructExpr, clang::ExprWithCleanups>(up)))
      up = parentOf(up);
    if (llvm::isa_and_nonnull<clang::ReturnStmt>(up)) {
      events[ref].push_back(Event{Event::MoveOut, id});
      return true;
    }
    return false;
  }

  bool containerUse(const clang::DeclRefExpr *ref, uint32_t id) {
    const clang::Stmt *child = nullptr;
    const clang::Stmt *parent = parentOf(ref, &child);
    if (const auto *member = llvm::dyn_cast_or_null<clang::MemberExpr>(parent)) {
      const auto *call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(parentOf(member));
      if (!call || call->getCallee()->IgnoreParens() != member)
        return false;
      llvm::StringRef name = call->getMethodDecl()->getName();
      if (name == "push_back" || name == "emplace_back" || name == "emplace" || name == "push_front" ||
          name == "emplace_front" || name == "insert") {
        if (call->getNumArgs() > 0) {
          events[call].push_back(Event{Event::Add, id});
          if (vars[id].started.isInvalid())
            vars[id].started = call->getBeginLoc();
        }
        return true;
      }
      if (name == "clear") {
        events[call].push_back(Event{Event::Clear, id});
        return true;
      }
      if (name == "at")
        return inIndexJoinLoop(call, id);
      return name == "size" || name == "empty" || name == "reserve" || name == "capacity";
    }
    if (const auto *op = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(parent);
        op && op->getOperator() == clang::OO_Subscript && op->getArg(0) == child)
      return inIndexJoinLoop(op, id);
    return rangeJoinLoop(ref, id);
  }

  /// `for (auto &t : threads) t.join();`: the range of a loop that joins every element.
  bool rangeJoinLoop(const clang::DeclRefExpr *ref, uint32_t id) {
    auto parents = ctx.getParents(*ref);
    const auto *rangeVar = parents.size() == 1 ? parents[0].get<clang::VarDecl>() : nullptr;
    if (!rangeVar)
      return false;
    auto up = ctx.getParents(*rangeVar);
    const auto *declStmt = up.size() == 1 ? up[0].get<clang::DeclStmt>() : nullptr;
    const auto *loop = declStmt ? llvm::dyn_cast_or_null<clang::CXXForRangeStmt>(parentOf(declStmt)) : nullptr;
    if (!loop || loop->getRangeStmt() != declStmt)
      return false;
    const clang::VarDecl *element = loop->getLoopVariable();
    if (!element->getType()->isReferenceType())
      return false;
    if (!joinsEveryElement(loop->getBody(), [&](const clang::Expr *e) { return varOf(e) == element; }))
      return false;
    events[rangeVar].push_back(Event{Event::JoinAll, id});
    return true;
  }

  /// `for (size_t i = 0; i < threads.size(); ++i) threads[i].join();`: an element use inside
  /// a loop over every index that joins each element.
  bool inIndexJoinLoop(const clang::Expr *elementUse, uint32_t id) {
    const clang::Stmt *s = elementUse;
    const clang::ForStmt *loop = nullptr;
    while (s && !loop && !llvm::isa<clang::LambdaExpr>(s)) {
      s = parentOf(s);
      loop = llvm::dyn_cast_or_null<clang::ForStmt>(s);
    }
    const clang::VarDecl *counter = loop ? indexOverAll(loop, vars[id].decl) : nullptr;
    if (!counter)
      return false;
    auto isElement = [&](const clang::Expr *e) {
      e = bare(e);
      const clang::Expr *base = nullptr, *index = nullptr;
      if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(e);
          op && op->getOperator() == clang::OO_Subscript)
        base = op->getArg(0), index = op->getArg(1);
      else if (const auto *at = memberCall(e, {"at"}); at && at->getNumArgs() == 1)
        base = at->getImplicitObjectArgument(), index = at->getArg(0);
      return base && varOf(base) == vars[id].decl && varOf(index) == counter;
    };
    if (!joinsEveryElement(loop->getBody(), isElement))
      return false;
    auto &atCounter = events[counter];
    if (std::none_of(atCounter.begin(), atCounter.end(), [&](const Event &e) { return e.var == id; }))
      atCounter.push_back(Event{Event::JoinAll, id});
    return true;
  }

  /// The counter of `for (T i = 0; i < v.size(); ++i)` (or `!=`, `i++`), when that is its shape.
  static const clang::VarDecl *indexOverAll(const clang::ForStmt *loop, const clang::VarDecl *container) {
    const auto *init = llvm::dyn_cast_or_null<clang::DeclStmt>(loop->getInit());
    const auto *counter = init && init->isSingleDecl() ? llvm::dyn_cast<clang::VarDecl>(init->getSingleDecl()) : nullptr;
    if (!counter || !counter->getInit())
      return nullptr;
    clang::Expr::EvalResult start;
    if (!counter->getInit()->EvaluateAsInt(start, counter->getASTContext()) || start.Val.getInt() != 0)
      return nullptr;
    const auto *cond = llvm::dyn_cast_or_null<clang::BinaryOperator>(bare(loop->getCond()));
    if (!cond || (cond->getOpcode() != clang::BO_LT && cond->getOpcode() != clang::BO_NE) ||
        varOf(cond->getLHS()) != counter)
      return nullptr;
    const auto *size = memberCall(cond->getRHS(), {"size"});
    if (!size || varOf(size->getImplicitObjectArgument()) != container)
      return nullptr;
    const auto *inc = llvm::dyn_cast_or_null<clang::UnaryOperator>(bare(loop->getInc()));
    if (!inc || !inc->isIncrementOp() || varOf(inc->getSubExpr()) != counter)
      return nullptr;
    return counter;
  }

  clang::ASTContext &ctx;
  int lambdaDepth = 0;
};

/// The flow fact: per tracked variable, what it may hold (0 while it is not in scope).
struct FlowState {
  bool reached = false;
  std::vector<uint8_t> bits;
  uint8_t moved = 0; // what the last std::move(t) took, for the initialisation or assignment it feeds
  bool operator==(const FlowState &) const = default;
};

FlowState meet(const FlowState &a, const FlowState &b) {
  if (!a.reached)
    return b;
  if (!b.reached)
    return a;
  FlowState out = a;
  for (size_t i = 0; i < out.bits.size(); ++i)
    out.bits[i] |= b.bits[i];
  out.moved |= b.moved;
  return out;
}

class LifetimeFlow {
public:
  LifetimeFlow(const UseClassifier &uses, clang::ASTContext &ctx, LocMaker &locs)
      : uses(uses), ctx(ctx), locs(locs) {}

  std::vector<UnjoinedThread> run(const clang::FunctionDecl *fn) {
    clang::CFG::BuildOptions options;
    options.AddImplicitDtors = true;
    options.setAllAlwaysAdd();
    std::unique_ptr<clang::CFG> cfg = clang::CFG::buildCFG(fn, fn->getBody(), &ctx, options);
    if (!cfg)
      return {};
    std::vector<FlowState> in = fixpoint(*cfg);
    recording = true;
    for (const clang::CFGBlock *block : *cfg) {
      FlowState state = in[block->getBlockID()];
      if (state.reached)
        for (const clang::CFGElement &element : *block)
          transfer(state, element);
    }
    std::sort(found.begin(), found.end(), [](const UnjoinedThread &a, const UnjoinedThread &b) {
      return std::tie(a.loc.file, a.loc.offset) < std::tie(b.loc.file, b.loc.offset);
    });
    return std::move(found);
  }

private:
  std::vector<FlowState> fixpoint(const clang::CFG &cfg) {
    std::vector<const clang::CFGBlock *> order(cfg.rbegin(), cfg.rend()); // entry first, roughly forward
    FlowState entry;
    entry.reached = true;
    entry.bits.assign(uses.vars.size(), 0);
    return forwardFixpoint(
        cfg, order, std::move(entry), 64, meet,
        [this](const clang::CFGBlock &pred, const FlowState &state, const clang::CFGBlock *succ) {
          return edge(pred, state, succ);
        },
        [this](FlowState &state, const clang::CFGElement &element) { transfer(state, element); });
  }

  /// `if (t.joinable())`: on the true edge t is joinable, on the false edge it is not.
  FlowState edge(const clang::CFGBlock &pred, const FlowState &state, const clang::CFGBlock *succ) const {
    const auto *cond = llvm::dyn_cast_or_null<clang::Expr>(pred.getTerminatorCondition());
    if (!cond || pred.succ_size() != 2 || !state.reached)
      return state;
    bool negated = false;
    cond = bare(cond);
    while (const auto *unary = llvm::dyn_cast<clang::UnaryOperator>(cond)) {
      if (unary->getOpcode() != clang::UO_LNot)
        return state;
      negated = !negated;
      cond = bare(unary->getSubExpr());
    }
    const auto *test = memberCall(cond, {"joinable"});
    auto it = test ? uses.index.find(varOf(test->getImplicitObjectArgument())) : uses.index.end();
    if (it == uses.index.end() || !uses.vars[it->second].understood)
      return state;
    bool joinableEdge = (*pred.succ_begin() == succ) != negated;
    FlowState refined = state;
    refined.bits[it->second] &= joinableEdge ? Joinable : uint8_t(~Joinable);
    return refined;
  }

  void transfer(FlowState &state, const clang::CFGElement &element) {
    if (auto dtor = element.getAs<clang::CFGAutomaticObjDtor>()) {
      auto it = uses.index.find(dtor->getVarDecl());
      if (it == uses.index.end() || !uses.vars[it->second].understood)
        return;
      const clang::Stmt *trigger = dtor->getTriggerStmt();
      if (const auto *block = llvm::dyn_cast_or_null<clang::CompoundStmt>(trigger))
        report(state, it->second, "scope-end", block->getRBracLoc());
      else if (trigger)
        report(state, it->second, llvm::isa<clang::ReturnStmt>(trigger) ? "return" : "jump", trigger->getBeginLoc());
      state.bits[it->second] = 0;
      return;
    }
    auto stmt = element.getAs<clang::CFGStmt>();
    if (!stmt)
      return;
    const clang::Stmt *s = stmt->getStmt();
    if (const auto *decl = llvm::dyn_cast<clang::DeclStmt>(s)) {
      for (const clang::Decl *d : decl->decls())
        apply(state, d, s->getBeginLoc());
      return;
    }
    apply(state, s, s->getBeginLoc());
  }

  void apply(FlowState &state, const void *key, clang::SourceLocation at) {
    auto found = uses.events.find(key);
    if (found == uses.events.end())
      return;
    for (const Event &event : found->second) {
      if (!uses.vars[event.var].understood)
        continue;
      uint8_t &bits = state.bits[event.var];
      switch (event.kind) {
      case Event::Init:
        bits = valueOf(event.source, state);
        break;
      case Event::Finish:
      case Event::JoinAll:
        bits = Done;
        break;
      case Event::MoveOut:
        state.moved = bits;
        bits = Done;
        break;
      case Event::Assign:
        report(state, event.var, "reassigned", at);
        bits = valueOf(event.source, state);
        break;
      case Event::Add:
        bits = Joinable;
        break;
      case Event::Clear:
        report(state, event.var, "cleared", at);
        bits = Empty;
        break;
      }
    }
  }

  static uint8_t valueOf(Source source, const FlowState &state) {
    switch (source) {
    case Source::Started: return Joinable;
    case Source::Moved: return state.moved ? state.moved : uint8_t(Empty);
    default: return Empty;
    }
  }

  /// A thread that may never have started is left alone: its joinability then hangs on a
  /// condition the paths may share (`if (on) t = std::thread(f); … if (on) t.join();`). A
  /// container is reported: an empty one is usually the zero-trip case of the loop filling it.
  void report(const FlowState &state, uint32_t id, const char *event, clang::SourceLocation at) {
    const Variable &v = uses.vars[id];
    uint8_t bits = state.bits[id];
    if (!recording || !(bits & Joinable) || (!v.container && (bits & Empty)))
      return;
    UnjoinedThread record;
    record.variable = v.decl->getNameAsString();
    record.container = v.container;
    record.event = event;
    record.loc = locs.make(at);
    record.started = locs.make(v.started.isValid() ? v.started : v.decl->getLocation());
    found.push_back(std::move(record));
  }

  const UseClassifier &uses;
  clang::ASTContext &ctx;
  LocMaker &locs;
  bool recording = false;
  std::vector<UnjoinedThread> found;
};

} // namespace

std::vector<UnjoinedThread> findUnjoinedThreads(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                                LocMaker &locs) {
  UseClassifier uses(ctx);
  uses.TraverseStmt(fn->getBody());
  uses.settle();
  if (std::none_of(uses.vars.begin(), uses.vars.end(), [](const Variable &v) { return v.understood; }))
    return {};
  return LifetimeFlow(uses, ctx, locs).run(fn);
}

} // namespace concur
