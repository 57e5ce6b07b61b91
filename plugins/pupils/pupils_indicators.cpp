#include "pupils_indicators.hpp"

#include "count_share.hpp"

#include <cmath>
#include <string>
#include <utility>

namespace povo::pupils {

namespace {

IndicatorInfo info(std::string id, std::string nl, std::string en, Unit unit, std::string format, Direction dir,
                   std::vector<std::string> inputs, std::string def_nl, std::string def_en) {
  IndicatorInfo i;
  i.id = std::move(id);
  i.theme = "leerlingen";
  i.label_nl = std::move(nl);
  i.label_en = std::move(en);
  i.unit = unit;
  i.format = std::move(format);
  i.direction = dir;
  i.inputs = std::move(inputs);
  i.definition_nl = std::move(def_nl);
  i.definition_en = std::move(def_en);
  return i;
}

std::vector<IndicatorInfo> base_infos() {
  const auto neutral = Direction::neutral;
  std::vector<IndicatorInfo> v;
  v.push_back(info("aantal_leerlingen", "Aantal leerlingen", "Number of pupils", Unit::count, "0", neutral,
                   {"leerlingen_bestuur"},
                   "Het aantal leerlingen op alle vestigingen van het bestuur op 1 oktober van het jaar (de "
                   "teldatum van DUO).",
                   "The number of pupils at all of the board's branches on 1 October of the year (DUO's census "
                   "date)."));
  v.push_back(info("leerlingen_groei_1j", "Groei leerlingaantal, 1 jaar", "Pupil growth, 1 year", Unit::percentage,
                   "0.0%", neutral, {"leerlingen_bestuur"},
                   "De relatieve verandering van het aantal leerlingen ten opzichte van een jaar eerder: "
                   "leerlingen dit jaar gedeeld door leerlingen vorig jaar, min 1.",
                   "The relative change in the number of pupils compared with one year earlier: pupils this "
                   "year divided by pupils last year, minus 1."));
  v.push_back(info("leerlingen_groei_5j", "Groei leerlingaantal, 5 jaar", "Pupil growth, 5 years", Unit::percentage,
                   "0.0%", neutral, {"leerlingen_bestuur"},
                   "De relatieve verandering van het aantal leerlingen over een periode van vijf teldata: "
                   "leerlingen dit jaar gedeeld door leerlingen vier jaar eerder, min 1.",
                   "The relative change in the number of pupils over a window of five census dates: pupils this "
                   "year divided by pupils four years earlier, minus 1."));
  v.push_back(info("leerlingen_per_vestiging", "Leerlingen per vestiging", "Pupils per branch", Unit::number, "0",
                   neutral, {"leerlingen_bestuur", "vestigingen_bestuur"},
                   "Het aantal leerlingen van het bestuur gedeeld door het aantal vestigingen (scholen en "
                   "nevenvestigingen) met leerlingen op 1 oktober: de gemiddelde omvang van een vestiging.",
                   "The board's number of pupils divided by its number of branches (schools and secondary "
                   "locations) with pupils on 1 October: the average size of a branch."));
  v.push_back(info("zittenblijvers_pct", "Zittenblijvers", "Pupils repeating a year", Unit::percentage, "0.0%",
                   Direction::lower_is_better, {"zittenblijvers_bestuur", "leerlingen_bestuur"},
                   "Het aandeel leerlingen in het voortgezet onderwijs dat een leerjaar overdoet: zittenblijvers "
                   "gedeeld door het aantal leerlingen van het bestuur. Tellingen onder de 5 zijn door DUO "
                   "afgeschermd; is het aandeel daardoor niet exact te bepalen, dan wordt de mogelijke bandbreedte "
                   "getoond als die smal genoeg is.",
                   "The share of secondary pupils repeating a year: repeaters divided by the board's number of "
                   "pupils. Counts below 5 are suppressed by DUO; when the share cannot be determined exactly "
                   "because of that, the possible range is shown if it is narrow enough."));
  // Sector figures as a ratio of sums.
  v[aantal_leerlingen].aggregation = Aggregation::sum;
  v[leerlingen_per_vestiging].aggregation = Aggregation::ratio_of_sums;
  v[zittenblijvers_pct].aggregation = Aggregation::ratio_of_sums;
  v[leerlingen_per_vestiging].aggregate_numerator = {"leerlingen_bestuur"};
  v[leerlingen_per_vestiging].aggregate_denominator = {"vestigingen_bestuur"};
  v[zittenblijvers_pct].aggregate_numerator = {"zittenblijvers_bestuur"};
  v[zittenblijvers_pct].aggregate_denominator = {"leerlingen_bestuur"};
  return v;
}

bool is_bad_count(const Value& v) {
  return v.has_bounds() && (!std::isfinite(v.low()) || !std::isfinite(v.high()) || v.low() < 0);
}

// value_t / value_{t - years_back} - 1 over input 0.
Value growth(const BoardYear& in, int years_back) {
  Value now = in.input(0);
  Value then = in.input(0, years_back);
  if (is_bad_count(now) || is_bad_count(then)) return Value::missing(Reason::invalid);
  Value q = divide(now, then);
  if (!q.is_number()) return q;
  return Value::of(q.number() - 1);
}

Value compute_unchecked(std::size_t index, const BoardYear& in, const Options& o) {
  switch (index) {
    case aantal_leerlingen: {
      // The count itself, as the core holds it: a number, or a range / "<5" passed
      // on unchanged (no arithmetic is done with it).
      Value v = in.input(0);
      if (v.is_missing()) return Value::missing(reason_for_input(v));
      if (is_bad_count(v)) return Value::missing(Reason::invalid);
      return v;
    }
    case leerlingen_groei_1j: return growth(in, 1);
    case leerlingen_groei_5j: return growth(in, 4);
    case leerlingen_per_vestiging: {
      Value pupils = in.input(0);
      Value branches = in.input(1);
      if (is_bad_count(pupils) || is_bad_count(branches)) return Value::missing(Reason::invalid);
      return divide(pupils, branches);
    }
    case zittenblijvers_pct:
      return outcomes::count_share(in.input(0), in.input(1), o.max_range_width, Reason::zero_denominator);
    default: return Value::missing(Reason::invalid);
  }
}

}  // namespace

Options parse_options(const ConfigNode& node) {
  Options o;
  if (node.is_null()) return o;
  auto problems = check_options(node, PupilsIndicators().option_specs());
  if (!problems.empty()) {
    Diagnostic d = problems.front();
    if (problems.size() > 1) d.message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
    throw Error(std::move(d));
  }
  if (const ConfigNode* n = node.find("max_range_width"); n && !n->is_null()) {
    double x = n->as_number();
    if (x < 0 || x > 1) {
      throw n->error("max_range_width must be a fraction from 0 to 1, got " + n->scalar(),
                     "write 5 percentage points as 0.05");
    }
    o.max_range_width = x;
  }
  return o;
}

std::vector<OptionSpec> PupilsIndicators::option_specs() const noexcept {
  try {
    return {OptionSpec::number("max_range_width",
                               "Widest range of zittenblijvers_pct computed from counts with '<5' cells, as a "
                               "fraction (0.05 = 5 percentage points); 0 never gives ranges. Default 0.05.")};
  } catch (...) {
    return {};
  }
}

Status PupilsIndicators::configure(const ConfigNode& options) noexcept {
  Options parsed;
  Status s = guard([&] { parsed = parse_options(options); });
  if (s) opt_ = parsed;
  return s;
}

std::vector<IndicatorInfo> PupilsIndicators::indicators() const noexcept {
  try {
    return base_infos();
  } catch (...) {
    return {};
  }
}

Value PupilsIndicators::compute(std::size_t indicator, const BoardYear& in) const noexcept {
  Value v = compute_unchecked(indicator, in, opt_);
  if (v.is_number() && !std::isfinite(v.number())) return Value::missing(Reason::invalid);
  return v;
}

}  // namespace povo::pupils
