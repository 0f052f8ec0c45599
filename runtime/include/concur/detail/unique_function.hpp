// A move-only std::function: callbacks capture promises and sockets, which cannot be copied.
// (std::move_only_function is C++23; the runtime targets C++20.)
#pragma once

#include <concepts>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace concur::detail {

template <class Signature> class unique_function;

template <class R, class... Args> class unique_function<R(Args...)> {
public:
  unique_function() noexcept = default;
  template <class F>
    requires(!std::same_as<std::remove_cvref_t<F>, unique_function> && std::is_invocable_r_v<R, std::decay_t<F>&, Args...>)
  unique_function(F&& f) : impl_(std::make_unique<model<std::decay_t<F>>>(std::forward<F>(f))) {}

  R operator()(Args... args) { return impl_->call(std::forward<Args>(args)...); }
  explicit operator bool() const noexcept { return impl_ != nullptr; }

private:
  struct concept_t {
    virtual ~concept_t() = default;
    virtual R call(Args... args) = 0;
  };
  template <class F> struct model final : concept_t {
    template <class G> explicit model(G&& g) : f(std::forward<G>(g)) {}
    R call(Args... args) override { return std::invoke(f, std::forward<Args>(args)...); }
    F f;
  };
  std::unique_ptr<concept_t> impl_;
};

} // namespace concur::detail
