// How values cross the process boundary of a process_pool: concur::codec<T>.
//
// Built in: arithmetic types, enums and other trivially copyable types (copied byte for byte;
// raw pointers are refused, since an address means nothing in another process),
// std::string, std::vector, std::deque, std::array, std::pair, std::tuple, std::optional,
// std::map, std::unordered_map, std::set and std::unordered_set of encodable types.
//
// A user type provides its own codec in either of two ways:
//
//   struct point { std::string label; double x, y; };
//   template <> struct concur::codec<point> {
//     static void encode(concur::byte_writer& out, const point& p) { out.put(p.label); out.put(p.x); out.put(p.y); }
//     static point decode(concur::byte_reader& in) { return {in.get<std::string>(), in.get<double>(), in.get<double>()}; }
//   };
//
// or members `void encode(concur::byte_writer&) const` and `static T decode(concur::byte_reader&)`.
// Any other type is a compile-time error naming it (see concur::encodable).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace concur {

class byte_writer;
class byte_reader;

/// Specialize for a type to make it encodable (see above). The primary template is undefined.
template <class T, class = void> struct codec;

/// Whether T can be sent to and from a worker process.
template <class T>
concept encodable = requires(byte_writer& out, byte_reader& in, const T& value) {
  codec<T>::encode(out, value);
  { codec<T>::decode(in) } -> std::same_as<T>;
};

class byte_writer {
public:
  void write(const void* data, std::size_t size) { bytes_.append(static_cast<const char*>(data), size); }
  template <class T> void put(const T& value) { codec<T>::encode(*this, value); }
  void put_size(std::size_t n) { put(static_cast<std::uint64_t>(n)); }
  std::string& bytes() noexcept { return bytes_; }

private:
  std::string bytes_;
};

/// Reads what a byte_writer wrote. Reading past the end throws std::runtime_error.
class byte_reader {
public:
  byte_reader(const char* data, std::size_t size) noexcept : next_(data), end_(data + size) {}
  void read(void* out, std::size_t size) {
    if (static_cast<std::size_t>(end_ - next_) < size) throw std::runtime_error("concur::byte_reader: truncated message");
    std::memcpy(out, next_, size);
    next_ += size;
  }
  template <class T> T get() { return codec<T>::decode(*this); }
  std::size_t get_size() {
    auto n = get<std::uint64_t>();
    if (n > static_cast<std::uint64_t>(end_ - next_) * 8 + 64) throw std::runtime_error("concur::byte_reader: corrupt length");
    return static_cast<std::size_t>(n);
  }
  std::size_t remaining() const noexcept { return static_cast<std::size_t>(end_ - next_); }
private:
  const char* next_;
  const char* end_;
};

namespace detail {
template <class T> struct is_std_array : std::false_type {};
template <class T, std::size_t N> struct is_std_array<std::array<T, N>> : std::true_type {};

template <class T> struct is_std_optional : std::false_type {};
template <class T> struct is_std_optional<std::optional<T>> : std::true_type {};

/// Copied byte for byte. The standard templates that happen to be trivially copyable for some
/// arguments (std::array, std::optional) have their own codecs instead.
template <class T>
concept bytewise = std::is_trivially_copyable_v<T> && !std::is_pointer_v<T> && !std::is_member_pointer_v<T> &&
                   !std::is_reference_v<T> && !is_std_array<T>::value && !is_std_optional<T>::value;

template <class T>
concept has_member_codec = requires(byte_writer& out, byte_reader& in, const T& value) {
  value.encode(out);
  { T::decode(in) } -> std::same_as<T>;
};

template <class C> void encode_range(byte_writer& out, const C& c) {
  out.put_size(c.size());
  for (const auto& element : c) out.put(element);
}
} // namespace detail

template <class T>
  requires detail::bytewise<T> && (!detail::has_member_codec<T>)
struct codec<T> {
  static void encode(byte_writer& out, const T& value) { out.write(&value, sizeof value); }
  static T decode(byte_reader& in) {
    std::remove_cv_t<T> value;
    in.read(&value, sizeof value);
    return value;
  }
};

template <class T>
  requires detail::has_member_codec<T>
struct codec<T> {
  static void encode(byte_writer& out, const T& value) { value.encode(out); }
  static T decode(byte_reader& in) { return T::decode(in); }
};

template <> struct codec<std::string> {
  static void encode(byte_writer& out, const std::string& s) {
    out.put_size(s.size());
    out.write(s.data(), s.size());
  }
  static std::string decode(byte_reader& in) {
    std::string s(in.get_size(), '\0');
    in.read(s.data(), s.size());
    return s;
  }
};

template <class T, class A> struct codec<std::vector<T, A>, std::enable_if_t<encodable<T>>> {
  static void encode(byte_writer& out, const std::vector<T, A>& v) {
    if constexpr (detail::bytewise<T> && !std::is_same_v<T, bool>) {
      out.put_size(v.size());
      out.write(v.data(), v.size() * sizeof(T));
    } else {
      detail::encode_range(out, v);
    }
  }
  static std::vector<T, A> decode(byte_reader& in) {
    std::vector<T, A> v;
    const std::size_t n = in.get_size();
    if constexpr (detail::bytewise<T> && !std::is_same_v<T, bool>) {
      if (n > in.remaining() / sizeof(T)) throw std::runtime_error("concur::byte_reader: truncated vector");
      v.resize(n);
      in.read(v.data(), n * sizeof(T));
    } else {
      v.reserve(std::min<std::size_t>(n, in.remaining()));
      for (std::size_t i = 0; i < n; ++i) v.push_back(in.get<T>());
    }
    return v;
  }
};

template <class T, std::size_t N> struct codec<std::array<T, N>, std::enable_if_t<encodable<T>>> {
  static void encode(byte_writer& out, const std::array<T, N>& a) {
    for (const auto& element : a) out.put(element);
  }
  static std::array<T, N> decode(byte_reader& in) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) { return std::array<T, N>{((void)I, in.get<T>())...}; }(std::make_index_sequence<N>{});
  }
};

template <class T, class A> struct codec<std::deque<T, A>, std::enable_if_t<encodable<T>>> {
  static void encode(byte_writer& out, const std::deque<T, A>& d) { detail::encode_range(out, d); }
  static std::deque<T, A> decode(byte_reader& in) {
    std::deque<T, A> d;
    for (std::size_t n = in.get_size(); n > 0; --n) d.push_back(in.get<T>());
    return d;
  }
};

template <class A, class B> struct codec<std::pair<A, B>, std::enable_if_t<encodable<A> && encodable<B>>> {
  static void encode(byte_writer& out, const std::pair<A, B>& p) {
    out.put(p.first);
    out.put(p.second);
  }
  static std::pair<A, B> decode(byte_reader& in) {
    A first = in.get<A>();
    return {std::move(first), in.get<B>()};
  }
};

template <class... Ts> struct codec<std::tuple<Ts...>, std::enable_if_t<(encodable<Ts> && ...)>> {
  static void encode(byte_writer& out, const std::tuple<Ts...>& t) {
    std::apply([&](const auto&... element) { (out.put(element), ...); }, t);
  }
  // Braced initialization evaluates left to right, matching the order of encode.
  static std::tuple<Ts...> decode(byte_reader& in) { return std::tuple<Ts...>{in.get<Ts>()...}; }
};

template <class T> struct codec<std::optional<T>, std::enable_if_t<encodable<T>>> {
  static void encode(byte_writer& out, const std::optional<T>& o) {
    out.put(o.has_value());
    if (o) out.put(*o);
  }
  static std::optional<T> decode(byte_reader& in) {
    if (!in.get<bool>()) return std::nullopt;
    return in.get<T>();
  }
};

namespace detail {
template <class Map> struct map_codec {
  using key = typename Map::key_type;
  using mapped = typename Map::mapped_type;
  static void encode(byte_writer& out, const Map& m) {
    out.put_size(m.size());
    for (const auto& [k, v] : m) {
      out.put(k);
      out.put(v);
    }
  }
  static Map decode(byte_reader& in) {
    Map m;
    for (std::size_t n = in.get_size(); n > 0; --n) {
      key k = in.get<key>();
      m.emplace(std::move(k), in.get<mapped>());
    }
    return m;
  }
};
template <class Set> struct set_codec {
  using key = typename Set::key_type;
  static void encode(byte_writer& out, const Set& s) { encode_range(out, s); }
  static Set decode(byte_reader& in) {
    Set s;
    for (std::size_t n = in.get_size(); n > 0; --n) s.insert(in.get<key>());
    return s;
  }
};
} // namespace detail

template <class K, class V, class C, class A>
struct codec<std::map<K, V, C, A>, std::enable_if_t<encodable<K> && encodable<V>>> : detail::map_codec<std::map<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct codec<std::unordered_map<K, V, H, E, A>, std::enable_if_t<encodable<K> && encodable<V>>>
    : detail::map_codec<std::unordered_map<K, V, H, E, A>> {};
template <class K, class C, class A> struct codec<std::set<K, C, A>, std::enable_if_t<encodable<K>>> : detail::set_codec<std::set<K, C, A>> {};
template <class K, class H, class E, class A>
struct codec<std::unordered_set<K, H, E, A>, std::enable_if_t<encodable<K>>> : detail::set_codec<std::unordered_set<K, H, E, A>> {};

namespace detail {
/// The one place that rejects a type, so the error names it and says what to do.
template <class T> constexpr bool require_encodable() {
  static_assert(encodable<T>,
                "concur::process_pool cannot send this type to or from a worker process. Use a trivially copyable "
                "type (not a pointer), std::string, or a std::vector/deque/array/pair/tuple/optional/map/set of such "
                "types; or give the type a codec: specialize concur::codec<T> with static encode(concur::byte_writer&, "
                "const T&) and static T decode(concur::byte_reader&) (see <concur/codec.hpp>).");
  return true;
}
} // namespace detail

} // namespace concur
