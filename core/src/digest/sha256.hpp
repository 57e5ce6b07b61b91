#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace povo::digest {

/// Small incremental SHA-256 (FIPS 180-4): the PDF /ID, the manifest, the configuration
/// and data-file digests that decide whether --resume may reuse a report.
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
inline std::string sha256_hex(std::string_view s) { return sha256_hex(s.data(), s.size()); }

/// The SHA-256 of a file's bytes as hex, read in blocks; nullopt if it cannot be read.
/// `size`, when given, receives the number of bytes read.
std::optional<std::string> file_sha256(const std::string& path, std::size_t* size = nullptr);

}  // namespace povo::digest
