// Shared helpers of the libFuzzer targets (tests/fuzz, issue 8).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace povo_fuzz {

/// Takes one byte off the front of the input (0 when empty), to choose options.
inline std::uint8_t take_byte(std::string_view& in) {
  if (in.empty()) return 0;
  const auto b = static_cast<std::uint8_t>(in.front());
  in.remove_prefix(1);
  return b;
}

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace povo_fuzz
