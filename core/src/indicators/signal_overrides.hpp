// Signal values (signaleringswaarden) are configuration: plugins bring the current
// Inspectie set as defaults, and `signal_values:` replaces them per indicator.
//
//   signal_values:
//     solvabiliteit_2:
//       - {op: "<", threshold: 0.30, label: signaleringswaarde Inspectie}
//     liquiditeit:
//       - {op: "<", threshold: 1.5, when_input: totale_baten, when_max: 3000000}
//       - {op: "<", threshold: 1.0, when_input: totale_baten, when_min: 3000000, when_max: 12000000}
//       - {op: "<", threshold: 0.75, when_input: totale_baten, when_min: 12000000}
//     rentabiliteit: []          # no signal value
#pragma once

#include "indicators/indicator_engine.hpp"

#include <povo/config_node.hpp>

namespace povo::indicators {

std::vector<OptionSpec> signal_value_specs();

/// Replaces the signal values of the indicators named under `signal_values:`.
/// Unknown indicator ids, unknown operators and a when_input that is not one of the
/// indicator's inputs are located errors in `problems`.
void apply_signal_overrides(const ConfigNode& root, std::vector<ConfiguredSet>& sets, std::vector<Diagnostic>& problems);

/// True when `value` is beyond the signal value. `when` is the value of the
/// signal's when_input (ignored when it has none). Non-numbers are never beyond.
bool beyond_signal(const SignalValue& signal, const Value& value, const Value& when);

/// Whether the signal applies to a board whose when_input has value `when`.
bool signal_applies(const SignalValue& signal, const Value& when);

}  // namespace povo::indicators
