// Helpers of the bad-input corpus (issue 8 item 3): bounded time and memory per case,
// inputs generated at run time, and the files of tests/corpus/files.
#pragma once

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>

namespace corpus {

inline const std::string files = std::string(POVO_SOURCE_DIR) + "/tests/corpus/files";

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

/// Fails the test if the scope took longer than `seconds` or raised the process's peak
/// resident memory by more than `megabytes` (generous limits: sanitizer builds are slow).
class Bounded {
 public:
  explicit Bounded(double seconds = 30, long megabytes = 768)
      : seconds_(seconds), kb_(megabytes * 1024), start_(std::chrono::steady_clock::now()), rss_(peak_rss_kb()) {}
  ~Bounded() {
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    EXPECT_LT(took, seconds_) << "took " << took << " s";
    EXPECT_LT(peak_rss_kb() - rss_, kb_) << "peak memory grew by " << (peak_rss_kb() - rss_) / 1024 << " MB";
  }

 private:
  double seconds_;
  long kb_;
  std::chrono::steady_clock::time_point start_;
  long rss_;
};

/// Deterministic pseudo-random bytes (xorshift), for "binary garbage".
inline std::string garbage(std::size_t n, std::uint64_t seed) {
  std::string s(n, '\0');
  for (auto& c : s) {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    c = static_cast<char>(seed >> 24);
  }
  return s;
}

}  // namespace corpus
