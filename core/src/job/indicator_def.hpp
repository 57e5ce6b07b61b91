// Indicators as the compiled job knows them: what a plugin or an expression declared,
// checked once and turned into types (number format, aggregation, signal values), so
// that statistics and reports never interpret a string.
#pragma once

#include "format/format.hpp"
#include "stats/stats.hpp"

#include <povo/diagnostics.hpp>
#include <povo/indicator.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace povo::job {

/// A signal value (signaleringswaarde) in checked form. `when_input` names the input that
/// decides whether it applies (e.g. totale_baten for the size-dependent liquidity values).
struct SignalRule {
  std::string id;          ///< e.g. "inspectie_2021"
  std::string label;       ///< how a report names it, e.g. "signaleringswaarde Inspectie"
  stats::Threshold rule;   ///< op, threshold and the when_input range
  std::string when_input;  ///< empty: applies to every board
  SourceLocation where;    ///< where the job sets it; unknown for a plugin's default
};

/// One indicator of the job. Its index in the IndicatorCatalog is its column in the
/// computed indicator table.
struct IndicatorDef {
  IndicatorInfo info;              ///< as declared (its `signals` are the plugin's defaults)
  format::NumberStyle style;       ///< parsed from info.format
  std::vector<SignalRule> signals; ///< the defaults, or what `signal_values:` sets
  std::size_t provider = 0;        ///< index into Job::providers
  std::size_t local = 0;           ///< the indicator's index within its provider
  SourceLocation where;            ///< YAML indicators: their entry; plugin indicators: the indicator_sets entry

  const std::string& id() const { return info.id; }
  Aggregation aggregation() const { return info.aggregation; }
};

class IndicatorCatalog {
 public:
  std::size_t size() const { return defs_.size(); }
  const IndicatorDef& operator[](std::size_t i) const { return defs_.at(i); }
  IndicatorDef& operator[](std::size_t i) { return defs_.at(i); }
  std::optional<std::size_t> find(std::string_view id) const;
  std::vector<std::string> ids() const;
  std::size_t add(IndicatorDef def);
  auto begin() const { return defs_.begin(); }
  auto end() const { return defs_.end(); }

 private:
  std::vector<IndicatorDef> defs_;
};

/// Checks a declared indicator: id, number format, unit/aggregation agreement, signal
/// operators and conditions. Every problem is a sentence naming what is wrong ("unknown
/// number format 'eur_mlj' (did you mean 'eur_mln'?)"); the caller adds the plugin and
/// indicator. On success, `def` holds the typed format and signals.
std::vector<std::string> check_indicator(const IndicatorInfo& info, IndicatorDef& def);

/// A plugin's SignalValue in checked form; nullopt and `problem` set if the operator is unknown.
std::optional<SignalRule> to_signal_rule(const SignalValue& s, std::string& problem);

/// Whether ids look like what povo accepts: lower-case letters, digits and '_', starting
/// with a letter (they appear in YAML, file names and placeholders).
bool is_valid_id(std::string_view id);

}  // namespace povo::job
