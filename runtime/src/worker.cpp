// The loop a process_pool worker runs (in the process the fork server forked for it).
#include "fork_server.hpp"
#include "wire.hpp"

#include <concur/process_pool.hpp>

#include <cxxabi.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <typeinfo>

namespace concur::detail {

namespace {

/// The dynamic type of the exception being handled, demangled ("std::invalid_argument").
std::string current_exception_type() {
  const std::type_info* type = abi::__cxa_current_exception_type();
  if (type == nullptr) return "unknown exception";
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> name(abi::__cxa_demangle(type->name(), nullptr, nullptr, &status), &std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(type->name());
}

std::string current_exception_message() {
  try {
    throw;
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "";
  }
}

/// Everything the task printed goes out before its answer, so that it precedes whatever the
/// caller prints once it has the result.
void flush_output() {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
}

bool send_response(int channel, wire::response_kind what, std::uint32_t calls, std::string& body) {
  wire::response_header header{body.size(), calls, what};
  std::string frame(reinterpret_cast<const char*>(&header), sizeof header);
  frame += body;
  return wire::write_all(channel, frame.data(), frame.size());
}

/// Waits for the caller's next request; false once the caller closed the channel.
bool next_request(wire::inbox& requests, int channel, wire::request_header& header, std::string& body) {
  for (bool open = true;;) {
    if (requests.next(header, body)) return true;
    if (!open) return false;
    open = requests.fill(channel, /*wait=*/true);
  }
}

} // namespace

void run_worker(int channel, std::uint64_t initializer, std::uint64_t max_tasks) {
  if (initializer != 0) {
    try {
      reinterpret_cast<void (*)()>(initializer)();
    } catch (...) {
      byte_writer body;
      body.put(current_exception_type());
      body.put(current_exception_message());
      flush_output();
      send_response(channel, wire::response_kind::initializer_failed, 0, body.bytes());
      ::_exit(3);
    }
  }
  wire::inbox requests;
  wire::request_header header{};
  std::string body;
  for (std::uint64_t answered = 0; max_tasks == 0 || answered < max_tasks; ++answered) {
    if (!next_request(requests, channel, header, body)) break;
    const auto entry = reinterpret_cast<remote_entry>(header.entry);
    byte_reader arguments(body.data(), body.size());
    byte_writer response;
    // Results are usually about the size of the arguments: one allocation for the whole chunk.
    response.bytes().reserve(body.size() + header.calls + 64);
    for (std::uint32_t i = 0; i < header.calls; ++i) {
      const std::size_t mark = response.bytes().size();
      try {
        response.put(std::uint8_t{1});
        entry(arguments, response);
      } catch (...) {
        // Whatever the failed call wrote is replaced by the exception's description.
        response.bytes().resize(mark);
        response.put(std::uint8_t{0});
        response.put(current_exception_type());
        response.put(current_exception_message());
      }
    }
    flush_output();
    if (!send_response(channel, wire::response_kind::results, header.calls, response.bytes())) break;
  }
  flush_output();
  // _exit: the static objects of this copy of the program belong to the caller.
  ::_exit(0);
}

} // namespace concur::detail
