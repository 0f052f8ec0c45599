// concur::process_pool: worker processes for work that must be isolated (≈ ProcessPoolExecutor
// and multiprocessing.Pool).
//
//   int square(int x) { return x * x; }
//   CONCUR_REGISTER(square);                        // once, at namespace scope
//
//   concur::process_pool pool(4);
//   auto f = pool.submit(square, 7);                // concur::future<int>
//   std::vector<int> all = pool.map(square, std::vector<int>{1, 2, 3});
//
// Guarantees
// - Workers are forked from a fork server: a single-threaded process forked once from the
//   program, before the runtime starts its first thread (in a program that registers functions
//   with CONCUR_REGISTER), or else when the first pool is created, or earlier by
//   start_fork_server(). Call that at the top of main() when the program starts threads of its
//   own before its first pool. Workers are copies of the program as it was at that point (its
//   globals initialized, none of its later threads or locks), never forks of a multi-threaded
//   caller.
// - Only functions declared with CONCUR_REGISTER run in workers, called by address (the worker
//   is a copy of the same program); arguments and results are copied through concur::codec,
//   and a type without a codec is a compile-time error.
// - An exception thrown by the function reaches result() as concur::remote_error (type name and
//   what()); map() rethrows the first one, in input order.
// - A worker that dies while running a task (a signal such as SIGSEGV, SIGKILL or SIGABRT, or an
//   exit) fails exactly that task's future with broken_worker, which names the signal; the pool
//   starts a replacement and every other task still completes (those sent ahead to it too).
// - Short tasks are sent to a worker ahead of time (about 200 µs of work at the recent time per
//   request), hiding the round trip to the manager; a request sent ahead counts as running.
// - A task that runs past its timeout (options::task_timeout or submit_with_timeout) has its
//   worker killed and fails with timeout_error; the pool starts a replacement.
// - An initializer that throws marks the pool broken: pending and later tasks fail with
//   broken_worker (as Python's BrokenProcessPool).
// - shutdown(wait, cancel_pending): see executor. After shutdown(true) or destruction every
//   worker has exited and been reaped (no zombies) and every descriptor the pool opened is
//   closed.
// - Workers inherit stdin/stdout/stderr and nothing else; their output is flushed after every
//   task, before its result is sent back.
#pragma once

#include <concur/codec.hpp>
#include <concur/executor.hpp>
#include <concur/future.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ranges>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace concur {

namespace detail {
/// Decodes one call's arguments, runs the function, encodes its result (in a worker).
using remote_entry = void (*)(byte_reader& arguments, byte_writer& result);

struct registered_function {
  std::string name;
  const void* function;
  remote_entry entry;
};
void register_function(const char* name, const void* function, remote_entry entry);
/// The registration of `function`; throws std::invalid_argument if it has none, or if its code
/// was loaded after the fork server started (a library dlopen'ed later).
const registered_function& find_registered(const void* function);

template <class F> struct signature;
template <class R, class... P> struct signature<R (*)(P...)> {
  using result = R;
  using arguments = std::tuple<std::decay_t<P>...>;
  static constexpr std::size_t arity = sizeof...(P);
  static constexpr bool takes_mutable_references = ((std::is_lvalue_reference_v<P> && !std::is_const_v<std::remove_reference_t<P>>) || ...);
};
template <class R, class... P> struct signature<R (*)(P...) noexcept> : signature<R (*)(P...)> {};

template <class F> constexpr bool check_remote_signature() {
  using sig = signature<F>;
  static_assert(!sig::takes_mutable_references,
                "concur::process_pool: a function run in a worker process cannot take non-const references (the "
                "caller's object is in another process); take the value and return the result instead");
  [[maybe_unused]] constexpr bool arguments_ok =
      []<class... P>(std::tuple<P...>*) { return (require_encodable<P>() && ...); }(static_cast<typename sig::arguments*>(nullptr));
  if constexpr (!std::is_void_v<typename sig::result>) {
    [[maybe_unused]] constexpr bool result_ok = require_encodable<typename sig::result>();
  }
  return true;
}

/// Whether F can run in a worker (checked, with explanations, by check_remote_signature).
template <class F>
constexpr bool remote_callable = !signature<F>::takes_mutable_references && encodable<typename signature<F>::arguments> &&
                                 (std::is_void_v<typename signature<F>::result> || encodable<typename signature<F>::result>);

template <auto Fn> void invoke_encoded(byte_reader& in, byte_writer& out) {
  using sig = signature<decltype(Fn)>;
  auto arguments = in.get<typename sig::arguments>();
  if constexpr (std::is_void_v<typename sig::result>) std::apply(Fn, std::move(arguments));
  else out.put(std::apply(Fn, std::move(arguments)));
}

template <auto Fn> struct registrar {
  static_assert(check_remote_signature<decltype(Fn)>());
  explicit registrar(const char* name) {
    // Not instantiated for a rejected signature, so the static_assert above is the only error.
    if constexpr (remote_callable<decltype(Fn)>) register_function(name, reinterpret_cast<const void*>(Fn), &invoke_encoded<Fn>);
  }
};

/// One message to a worker: a registered function and the encoded arguments of one or more
/// calls (several for a map() chunk), back to back. Completes its future from the pool's
/// manager thread.
class remote_request {
public:
  remote_request(const registered_function& f, std::string arguments, std::uint32_t calls)
      : function(&f), arguments(std::move(arguments)), calls(calls) {}
  virtual ~remote_request() = default;
  /// Marks the future running; false if it was cancelled (the request is then dropped).
  virtual bool start() = 0;
  /// The worker answered: per call, a byte 1 and the encoded result, or a byte 0, the exception's
  /// type name and its message.
  virtual void complete(byte_reader& answers) = 0;
  virtual void fail(std::exception_ptr error) = 0;
  /// Cancelled by shutdown(cancel_pending) before it started.
  virtual void cancel() = 0;

  const registered_function* function;
  std::string arguments;
  std::uint32_t calls;
  std::optional<std::chrono::steady_clock::duration> timeout;
};

/// Reads one call's answer: true with the result ready to decode, or false with `error` set.
inline bool answer_ok(byte_reader& answers, std::exception_ptr& error) {
  if (answers.get<std::uint8_t>() == 1) return true;
  auto type = answers.get<std::string>();
  auto message = answers.get<std::string>();
  error = std::make_exception_ptr(remote_error(std::move(type), message));
  return false;
}

/// A submit(): one call, one result.
template <class R> class single_call final : public remote_request {
public:
  using remote_request::remote_request;
  future<R> get_future() const { return promise_.get_future(); }
  bool start() override { return promise_.set_running(); }
  void complete(byte_reader& answers) override {
    try {
      std::exception_ptr error;
      if (!answer_ok(answers, error)) promise_.set_exception(error);
      else if constexpr (std::is_void_v<R>) promise_.set_value();
      else promise_.set_value(answers.get<R>());
    } catch (...) {
      promise_.set_exception(std::current_exception());
    }
  }
  void fail(std::exception_ptr error) override { promise_.set_exception(std::move(error)); }
  void cancel() override { promise_.get_future().cancel(); }

private:
  promise<R> promise_;
};

/// A map() chunk: many calls, their results in order (or the first failure).
template <class R> class chunk_call final : public remote_request {
public:
  using value = std::conditional_t<std::is_void_v<R>, std::vector<char>, std::vector<R>>;
  using remote_request::remote_request;
  future<value> get_future() const { return promise_.get_future(); }
  bool start() override { return promise_.set_running(); }
  void complete(byte_reader& answers) override {
    try {
      value out;
      out.reserve(calls);
      std::exception_ptr error;
      for (std::uint32_t i = 0; i < calls; ++i) {
        if (!answer_ok(answers, error)) {
          promise_.set_exception(error);
          return;
        }
        if constexpr (!std::is_void_v<R>) out.push_back(answers.get<R>());
      }
      promise_.set_value(std::move(out));
    } catch (...) {
      promise_.set_exception(std::current_exception());
    }
  }
  void fail(std::exception_ptr error) override { promise_.set_exception(std::move(error)); }
  void cancel() override { promise_.get_future().cancel(); }

private:
  promise<value> promise_;
};
} // namespace detail

#define CONCUR_DETAIL_CAT2(a, b) a##b
#define CONCUR_DETAIL_CAT(a, b) CONCUR_DETAIL_CAT2(a, b)
/// Declares, at namespace scope, that `fn` (a free function) may run in a process_pool worker.
/// Checks at compile time that its arguments and result have codecs.
#define CONCUR_REGISTER(fn)                                                                                           \
  [[maybe_unused]] static const ::concur::detail::registrar<&fn> CONCUR_DETAIL_CAT(concur_registrar_, __COUNTER__) { \
    #fn                                                                                                               \
  }

/// The results of imap_unordered(), in the order they finish; iterate it once. Iteration blocks
/// for the next result and rethrows a failed chunk's exception.
template <class R> class result_stream {
public:
  class iterator {
  public:
    using value_type = R;
    using difference_type = std::ptrdiff_t;
    R& operator*() const { return owner_->current_[owner_->position_]; }
    iterator& operator++() {
      owner_->advance();
      if (owner_->finished()) owner_ = nullptr;
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) { return it.owner_ == nullptr; }

  private:
    friend class result_stream;
    explicit iterator(result_stream* owner) : owner_(owner) {}
    result_stream* owner_;
  };

  explicit result_stream(std::vector<future<std::vector<R>>> chunks)
      : chunks_(std::move(chunks)), order_(chunks_, std::nullopt), next_(order_.begin()) {
    load_next_chunk();
  }
  iterator begin() { return iterator(finished() ? nullptr : this); }
  std::default_sentinel_t end() const noexcept { return {}; }

private:
  bool finished() const noexcept { return position_ >= current_.size() && next_ == std::default_sentinel; }
  void advance() {
    if (++position_ >= current_.size()) load_next_chunk();
  }
  void load_next_chunk() {
    while (next_ != std::default_sentinel) {
      current_ = next_->result();
      position_ = 0;
      ++next_;
      if (!current_.empty()) return;
    }
    current_.clear();
    position_ = 0;
  }

  std::vector<future<std::vector<R>>> chunks_;
  completion_sequence<future<std::vector<R>>> order_;
  typename completion_sequence<future<std::vector<R>>>::iterator next_;
  std::vector<R> current_;
  std::size_t position_ = 0;
};

class process_pool final : public executor {
public:
  struct options {
    /// Number of worker processes (default: one per usable CPU).
    std::size_t processes = 0;
    /// Runs once in each new worker before its first task (a plain function; the worker is a
    /// copy of this program, so any function of it can be named here). If it throws, the pool is
    /// broken.
    void (*initializer)() = nullptr;
    /// A worker exits and is replaced after this many requests (0: never), like Python's
    /// maxtasksperchild; a map() chunk counts as one request.
    std::size_t max_tasks_per_child = 0;
    /// Every task (or map() chunk) that runs longer is killed with its worker: timeout_error.
    std::optional<std::chrono::milliseconds> task_timeout;
  };

  /// One worker per usable CPU.
  process_pool();
  explicit process_pool(std::size_t processes);
  explicit process_pool(options opts);
  ~process_pool() override;

  /// Runs `f(args...)` in a worker. `f` must be a function declared with CONCUR_REGISTER;
  /// `args` are converted to its parameter types and encoded now.
  template <class F, class... Args> auto submit(F&& f, Args&&... args);

  /// As submit(), failing with timeout_error (and killing the worker) after `timeout`.
  template <class Rep, class Period, class F, class... Args>
  auto submit_with_timeout(std::chrono::duration<Rep, Period> timeout, F&& f, Args&&... args);

  /// `f(item)` for every item, in workers, `chunksize` items per message (0: Python's default,
  /// about four chunks per worker); the results in input order. Rethrows the first failure.
  template <class F, std::ranges::forward_range R> auto map(F&& f, R&& items, std::size_t chunksize = 0);

  /// As map(), but yields each result as soon as its chunk is done, in completion order.
  template <class F, std::ranges::forward_range R> auto imap_unordered(F&& f, R&& items, std::size_t chunksize = 1);

  void shutdown(bool wait = true, bool cancel_pending = false) override;
  std::size_t max_workers() const noexcept override;

  /// The process ids of the workers alive now.
  std::vector<int> worker_pids() const;

  /// Starts the fork server now if it is not running (idempotent). Workers are copies of the
  /// program as it is at this moment.
  static void start_fork_server();
  /// The fork server's process id (0 before it is started).
  static int fork_server_pid() noexcept;

private:
  class impl;
  template <class F> static const detail::registered_function& registration(F f);
  template <class F, class... Args> static void encode_call(byte_writer& out, Args&&... args);
  void enqueue(std::unique_ptr<detail::remote_request> request);
  template <class F, class... Args> auto submit_impl(std::optional<std::chrono::milliseconds> timeout, F&& f, Args&&... args);
  template <class F, class R> auto submit_chunks(F&& f, R&& items, std::size_t chunksize);

  std::unique_ptr<impl> impl_;
};

// ---- Implementation --------------------------------------------------------------------------

template <class F> const detail::registered_function& process_pool::registration(F f) {
  return detail::find_registered(reinterpret_cast<const void*>(f));
}

template <class F, class... Args> void process_pool::encode_call(byte_writer& out, Args&&... args) {
  using sig = detail::signature<F>;
  static_assert(sizeof...(Args) == sig::arity, "concur::process_pool: wrong number of arguments for this function");
  out.put(typename sig::arguments(std::forward<Args>(args)...));
}

namespace detail {
template <class F> constexpr bool is_function_pointer = std::is_pointer_v<F> && std::is_function_v<std::remove_pointer_t<F>>;
template <class F> constexpr bool check_function_pointer() {
  static_assert(is_function_pointer<F>,
                "concur::process_pool runs free functions declared with CONCUR_REGISTER(fn); lambdas, function "
                "objects and member functions cannot be sent to another process");
  return is_function_pointer<F>;
}
} // namespace detail

template <class F, class... Args>
auto process_pool::submit_impl(std::optional<std::chrono::milliseconds> timeout, F&& f, Args&&... args) {
  using fn = std::decay_t<F>;
  // Each check stops the instantiation, so a rejected call gives one error that says why.
  if constexpr (detail::check_function_pointer<fn>()) {
    if constexpr (detail::check_remote_signature<fn>()) {
      using R = typename detail::signature<fn>::result;
      byte_writer arguments;
      encode_call<fn>(arguments, std::forward<Args>(args)...);
      auto request = std::make_unique<detail::single_call<R>>(registration<fn>(f), std::move(arguments.bytes()), 1);
      if (timeout) request->timeout = *timeout;
      auto result = request->get_future();
      enqueue(std::move(request));
      return result;
    }
  }
}

template <class F, class... Args> auto process_pool::submit(F&& f, Args&&... args) {
  return submit_impl(std::nullopt, std::forward<F>(f), std::forward<Args>(args)...);
}

template <class Rep, class Period, class F, class... Args>
auto process_pool::submit_with_timeout(std::chrono::duration<Rep, Period> timeout, F&& f, Args&&... args) {
  return submit_impl(std::chrono::ceil<std::chrono::milliseconds>(timeout), std::forward<F>(f), std::forward<Args>(args)...);
}

template <class F, class R> auto process_pool::submit_chunks(F&& f, R&& items, std::size_t chunksize) {
  using fn = std::decay_t<F>;
  static_assert(detail::check_function_pointer<fn>());
  static_assert(detail::signature<fn>::arity == 1, "concur::process_pool::map takes a function of one argument");
  static_assert(detail::check_remote_signature<fn>());
  using result = typename detail::signature<fn>::result;
  const auto& registered = registration<fn>(f);
  if (chunksize == 0) {
    // Python's Pool.map default: about four chunks per worker.
    const std::size_t count = static_cast<std::size_t>(std::ranges::distance(items));
    const std::size_t per = max_workers() * 4;
    chunksize = std::max<std::size_t>(1, count / per + (count % per != 0 ? 1 : 0));
  }
  using chunk = detail::chunk_call<result>;
  std::vector<future<typename chunk::value>> chunks;
  byte_writer arguments;
  std::uint32_t calls = 0;
  auto send = [&] {
    auto request = std::make_unique<chunk>(registered, std::move(arguments.bytes()), calls);
    chunks.push_back(request->get_future());
    enqueue(std::move(request));
    arguments = byte_writer();
    calls = 0;
  };
  for (auto&& item : items) {
    encode_call<fn>(arguments, std::forward<decltype(item)>(item));
    if (++calls == chunksize) send();
  }
  if (calls > 0) send();
  return chunks;
}

template <class F, std::ranges::forward_range R> auto process_pool::map(F&& f, R&& items, std::size_t chunksize) {
  using result = typename detail::signature<std::decay_t<F>>::result;
  auto chunks = submit_chunks(std::forward<F>(f), std::forward<R>(items), chunksize);
  // Every chunk is waited for before a failure is rethrown, so no work outlives the call.
  for (auto& c : chunks) c.wait();
  if constexpr (std::is_void_v<result>) {
    for (auto& c : chunks) c.result();
  } else {
    std::vector<result> out;
    std::size_t total = 0;
    for (auto& c : chunks) total += c.result().size();
    out.reserve(total);
    for (auto& c : chunks)
      for (auto& value : std::move(c).result()) out.push_back(std::move(value));
    return out;
  }
}

template <class F, std::ranges::forward_range R> auto process_pool::imap_unordered(F&& f, R&& items, std::size_t chunksize) {
  using result = typename detail::signature<std::decay_t<F>>::result;
  static_assert(!std::is_void_v<result>, "concur::process_pool::imap_unordered needs a function that returns a value");
  return result_stream<result>(submit_chunks(std::forward<F>(f), std::forward<R>(items), chunksize == 0 ? 1 : chunksize));
}

} // namespace concur
