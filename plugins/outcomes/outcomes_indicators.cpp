#include "outcomes_indicators.hpp"

#include "count_share.hpp"

#include <string>
#include <utility>

namespace povo::outcomes {

namespace {

IndicatorInfo info(std::string id, std::string nl, std::string en, std::vector<std::string> inputs,
                   std::string def_nl, std::string def_en) {
  IndicatorInfo i;
  i.id = std::move(id);
  i.theme = "resultaten";
  i.label_nl = std::move(nl);
  i.label_en = std::move(en);
  i.unit = Unit::percentage;
  i.format = "0.0%";
  i.direction = Direction::higher_is_better;
  i.inputs = std::move(inputs);
  i.definition_nl = std::move(def_nl);
  i.definition_en = std::move(def_en);
  return i;
}

SignalValue below(const char* id, const char* label, double threshold) {
  SignalValue s;
  s.id = id;
  s.label = label;
  s.op = "<";
  s.threshold = threshold;
  return s;
}

const char* const suppression_nl =
    " Tellingen onder de 5 zijn door DUO afgeschermd; valt het percentage daardoor niet exact te bepalen, dan "
    "wordt de mogelijke bandbreedte getoond als die smal genoeg is, en anders niets.";
const char* const suppression_en =
    " Counts below 5 are suppressed by DUO; when the percentage cannot be determined exactly because of that, "
    "the possible range is shown if it is narrow enough, and otherwise nothing.";

IndicatorInfo slaag(const char* type, const char* type_nl) {
  std::string t = type;
  return info("slaagpercentage_" + t, std::string("Slaagpercentage ") + type_nl,
              std::string("Pass rate ") + type_nl, {"geslaagden_" + t + "_bestuur", "examenkandidaten_" + t + "_bestuur"},
              std::string("Het aantal geslaagden gedeeld door het aantal examenkandidaten in het ") + type_nl +
                  ", over alle scholen van het bestuur, in het schooljaar dat eindigt in het verslagjaar. Zonder "
                  "examenkandidaten is er geen slaagpercentage." + suppression_nl,
              std::string("The number of candidates who passed divided by the number of exam candidates in ") +
                  type_nl + ", over all of the board's schools, in the school year ending in the report year. "
                  "Without candidates there is no pass rate." + suppression_en);
}

std::vector<IndicatorInfo> base_infos(const Options& o) {
  std::vector<IndicatorInfo> v;
  v.push_back(info(
      "aandeel_1f", "Leerlingen op 1F of hoger", "Pupils at 1F or higher", {"ref_1f_bestuur", "ref_leerlingen_bestuur"},
      "Het aandeel leerlingen in groep 8 dat bij de doorstroomtoets (eindtoets) het fundamentele "
      "referentieniveau 1F of hoger haalt, over alle scholen van het bestuur. De Inspectie hanteert per school "
      "een signaleringswaarde van 85%; hier is die ter indicatie op het bestuur toegepast." + std::string(suppression_nl),
      "The share of year-8 pupils reaching the fundamental reference level 1F or higher in the final primary "
      "test, over all of the board's schools. The Inspectorate uses a signal value of 85% per school; it is "
      "applied to the board here as an indication." + std::string(suppression_en)));
  v.back().signals = {below("inspectie", "signaleringswaarde Inspectie (per school)", o.signal_1f)};
  v.push_back(info(
      "aandeel_2f1s", "Leerlingen op 2F/1S", "Pupils at 2F/1S", {"ref_2f1s_bestuur", "ref_leerlingen_bestuur"},
      "Het aandeel leerlingen in groep 8 dat bij de doorstroomtoets het streefniveau 2F/1S haalt, over alle "
      "scholen van het bestuur. De signaleringswaarde van de Inspectie hangt af van de schoolweging, die hier "
      "niet beschikbaar is; als referentie dient de ambitie van 65% (Commissie Meijerink)." +
          std::string(suppression_nl),
      "The share of year-8 pupils reaching the target level 2F/1S in the final primary test, over all of the "
      "board's schools. The Inspectorate's signal value depends on the schools' weighting (schoolweging), "
      "which is not available here; the 65% ambition (Meijerink committee) serves as the reference." +
          std::string(suppression_en)));
  v.back().signals = {below("ambitie_2f1s", "ambitie referentieniveaus (Meijerink)", o.signal_2f1s)};
  v.push_back(slaag("vmbo", "vmbo"));
  v.push_back(slaag("havo", "havo"));
  v.push_back(slaag("vwo", "vwo"));
  // Sector figures as a ratio of sums: all passed / all candidates.
  for (auto& i : v) {
    i.aggregation = Aggregation::ratio_of_sums;
    i.aggregate_numerator = {i.inputs[0]};
    i.aggregate_denominator = {i.inputs[1]};
  }
  return v;
}

const ConfigNode* child(const ConfigNode& node, const char* key) {
  const ConfigNode* n = node.is_map() ? node.find(key) : nullptr;
  return n && !n->is_null() ? n : nullptr;
}

void read_fraction(const ConfigNode& node, const char* key, double& out) {
  const ConfigNode* n = child(node, key);
  if (!n) return;
  double x = n->as_number();
  if (x < 0 || x > 1) {
    throw n->error(std::string(key) + " must be a fraction from 0 to 1, got " + n->scalar(), "write 85% as 0.85");
  }
  out = x;
}

}  // namespace

Options parse_options(const ConfigNode& node) {
  Options o;
  if (node.is_null()) return o;
  auto problems = check_options(node, OutcomesIndicators().option_specs());
  if (!problems.empty()) {
    Diagnostic d = problems.front();
    if (problems.size() > 1) d.message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
    throw Error(std::move(d));
  }
  read_fraction(node, "signal_1f", o.signal_1f);
  read_fraction(node, "signal_2f1s", o.signal_2f1s);
  read_fraction(node, "max_range_width", o.max_range_width);
  return o;
}

std::vector<OptionSpec> OutcomesIndicators::option_specs() const noexcept {
  try {
    return {
        OptionSpec::number("signal_1f", "Signal value for aandeel_1f, a fraction. Default 0.85 (Inspectie)."),
        OptionSpec::number("signal_2f1s", "Signal value for aandeel_2f1s, a fraction. Default 0.65 (ambition; "
                                          "the Inspectie's value depends on schoolweging)."),
        OptionSpec::number("max_range_width", "Widest range of a share computed from counts with '<5' cells, "
                                              "as a fraction (0.05 = 5 percentage points); 0 never gives ranges. "
                                              "Default 0.05."),
    };
  } catch (...) {
    return {};
  }
}

Status OutcomesIndicators::configure(const ConfigNode& options) noexcept {
  Options parsed;
  Status s = guard([&] { parsed = parse_options(options); });
  if (s) opt_ = parsed;
  return s;
}

std::vector<IndicatorInfo> OutcomesIndicators::indicators() const noexcept {
  try {
    return base_infos(opt_);
  } catch (...) {
    return {};
  }
}

Value OutcomesIndicators::compute(std::size_t indicator, const BoardYear& in) const noexcept {
  // No tested pupils or no candidates: the share does not apply (Reason::not_applicable).
  if (indicator >= indicator_count) return Value::missing(Reason::invalid);
  // A board with no row at all for an exam type or test (a board without vwo) is not a
  // gap in the data: the share does not apply to it.
  const Value den = in.input(1);
  if (den.is_missing() && den.reason() == Reason::not_reported) return Value::missing(Reason::not_applicable);
  return count_share(in.input(0), den, opt_.max_range_width, Reason::not_applicable);
}

}  // namespace povo::outcomes
