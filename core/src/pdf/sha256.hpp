#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace povo::pdf {

/// Small incremental SHA-256 (FIPS 180-4), used to derive the PDF /ID from the content.
class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t len);
  void update(std::string_view s) { update(s.data(), s.size()); }
  std::array<std::uint8_t, 32> finish();

 private:
  void block(const std::uint8_t* p);
  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buf_{};
  std::size_t used_ = 0;
  std::uint64_t total_ = 0;
};

/// The SHA-256 of `len` bytes as 64 lower-case hex digits (manifests, colophons).
std::string sha256_hex(const void* data, std::size_t len);

}  // namespace povo::pdf
