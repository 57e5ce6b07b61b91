// Financial key figures (kengetallen) of a school board, with the Inspectie's
// signalling values (domain-research §3). See docs/indicators.md.
#pragma once

#include <povo/indicator.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace povo::finance {

/// Which Inspectie signalling values the indicators report by default:
/// current = §3.2 (annual reports 2020/2021 on), old = §3.3 (up to ~2019).
enum class SignalSet { current, old };

struct Options {
  SignalSet signal_set = SignalSet::current;
  /// Adds the later liquidity signal 0.5 for boards with more than €25 m baten
  /// (effective year unconfirmed, so off by default).
  bool liquiditeit_05_boven_25m = false;
  // Normatief publiek eigen vermogen (§3.4).
  double gebouwen_factor = 0.5;          ///< share of the buildings' historical cost
  double bouwkostenindex = 1.27;         ///< building cost index applied to it
  double buffer_small_fixed = 300'000;   ///< risicobuffer below band_low
  double buffer_pct_low = 0.10;          ///< buffer share of B at band_low
  double buffer_pct_high = 0.05;         ///< buffer share of B at and above band_high
  double band_low = 3'000'000;           ///< B from which the buffer is a share of B
  double band_high = 12'000'000;         ///< B from which the share is buffer_pct_high
  /// DUO's files carry no private equity; treat a missing prive_vermogen as 0.
  bool prive_vermogen_missing_as_zero = true;
};

/// Indicator positions, in the order of FinanceIndicators::indicators().
enum Index : std::size_t {
  solvabiliteit_1,
  solvabiliteit_2,
  liquiditeit,
  rentabiliteit,
  rentabiliteit_2j,
  rentabiliteit_3j,
  weerstandsvermogen,
  huisvestingsratio,
  personeelslasten_ratio,
  baten_per_leerling,
  liquide_middelen_absoluut,
  normatief_publiek_ev,
  ratio_bovenmatig_ev,
  mogelijk_bovenmatig_ev,
  indicator_count
};

/// The risicobuffer of the normatief publiek eigen vermogen for income B (totale +
/// financiële baten): fixed below band_low; p × B above, p log-interpolated from
/// buffer_pct_low at band_low to buffer_pct_high at band_high, constant beyond.
double risicobuffer(double b, const Options& o) noexcept;

/// Reads and checks the plugin options; throws povo::Error located at the bad key.
Options parse_options(const ConfigNode& node);

class FinanceIndicators final : public IndicatorSet {
 public:
  std::vector<OptionSpec> option_specs() const noexcept override;
  Status configure(const ConfigNode& options) noexcept override;
  std::vector<IndicatorInfo> indicators() const noexcept override;
  Value compute(std::size_t indicator, const BoardYear& in) const noexcept override;

  const Options& options() const noexcept { return opt_; }

 private:
  Options opt_;
};

}  // namespace povo::finance
