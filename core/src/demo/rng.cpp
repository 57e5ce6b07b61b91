#include "demo/rng.hpp"

namespace povo::demo {

namespace {
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
}  // namespace

double pexp(double x) {
  if (x > 700) x = 700;
  if (x < -700) return 0.0;
  // x = k ln2 + r, |r| <= ln2/2; exp(r) by its Taylor series, exp(x) = 2^k exp(r).
  const double kd = x * kInvLn2;
  const int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double term = 1.0, sum = 1.0;
  for (int i = 1; i <= 20; ++i) {
    term = term * r / i;
    sum += term;
  }
  return std::ldexp(sum, k);
}

double plog(double x) {
  if (!(x > 0)) return -1e300;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m 2^e, m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
  // log(m) = 2 atanh(t), t = (m-1)/(m+1), |t| < 0.172.
  const double t = (m - 1) / (m + 1);
  const double t2 = t * t;
  double term = t, sum = 0;
  for (int i = 1; i <= 41; i += 2) {
    sum += term / i;
    term *= t2;
  }
  return 2 * sum + e * kLn2Hi + e * kLn2Lo;
}

}  // namespace povo::demo
