// Portable pseudo-random numbers for the demo data generator.
//
// The output of `povo demo-data` must be byte-identical for a given seed on every
// platform, so nothing here uses <random> distributions (their algorithms differ between
// standard libraries) or libm transcendental functions (which may differ in the last
// bit). Only IEEE-754 +, -, *, /, sqrt and exact scaling are used; the target is built
// with -ffp-contract=off so no fused multiply-add changes a rounding.
#pragma once

#include <cmath>
#include <cstdint>

namespace povo::demo {

// splitmix64: seeds xoshiro and derives independent sub-streams.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// exp and natural log built from arithmetic only (accurate to ~1e-15 relative, more
// than enough for generating data; identical on every IEEE-754 machine).
double pexp(double x);
double plog(double x);
inline double ppow(double base, double e) { return pexp(e * plog(base)); }

// xoshiro256** (Blackman & Vigna), seeded through splitmix64.
class Rng {
public:
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0) {
    std::uint64_t sm = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    for (auto& w : s_) w = splitmix64(sm);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [lo, hi] (inclusive); tiny modulo bias is irrelevant here.
  std::int64_t range(std::int64_t lo, std::int64_t hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<std::int64_t>(next() % span);
  }
  bool chance(double p) { return uniform() < p; }
  // Approximately standard normal (Irwin-Hall, 12 uniforms): bounded at +-6, which is
  // what we want for generated data (no absurd outliers unless asked for explicitly).
  double normal() {
    double s = 0;
    for (int i = 0; i < 12; ++i) s += uniform();
    return s - 6.0;
  }
  double normal(double mean, double sd) { return mean + sd * normal(); }
  // Log-normal with the given median and log-sd.
  double lognormal(double median, double sigma) { return median * pexp(sigma * normal()); }
  // Pick an index with probability proportional to weights[i].
  template <class Weights>
  std::size_t weighted(const Weights& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double u = uniform() * total;
    std::size_t i = 0;
    for (double w : weights) {
      if (u < w) return i;
      u -= w;
      ++i;
    }
    return i == 0 ? 0 : i - 1;
  }

private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace povo::demo
