#include "staff_indicators.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace povo::staff {

namespace {

IndicatorInfo info(std::string id, std::string nl, std::string en, Unit unit, std::string format, Direction dir,
                   std::vector<std::string> inputs, std::string def_nl, std::string def_en) {
  IndicatorInfo i;
  i.id = std::move(id);
  i.theme = "personeel";
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

IndicatorInfo fte(const char* id, const char* measure, const char* nl, const char* en, const char* group_nl,
                  const char* group_en) {
  IndicatorInfo i = info(id, nl, en, Unit::fte, "0.0", Direction::neutral, {measure},
              std::string("De omvang van ") + group_nl + " in fte (voltijdbanen) op 1 oktober van het jaar, over "
                  "alle scholen en het bestuursbureau van het bestuur.",
              std::string("The size of ") + group_en + " in fte (full-time equivalents) on 1 October of the "
                  "year, over all of the board's schools and its central office.");
  i.aggregation = Aggregation::sum;  // fte add up across boards
  return i;
}

IndicatorInfo share(const char* id, const char* measure, const char* nl, const char* en, const char* who_nl,
                    const char* who_en) {
  return info(id, nl, en, Unit::percentage, "0.0%", Direction::neutral, {measure, "fte_totaal"},
              std::string("Het aandeel ") + who_nl + " in de totale formatie: hun fte gedeeld door het totaal "
                  "aantal fte van het bestuur op 1 oktober.",
              std::string("The share of ") + who_en + " in total staff: their fte divided by the board's total "
                  "fte on 1 October.");
}

std::vector<IndicatorInfo> base_infos() {
  std::vector<IndicatorInfo> v;
  v.push_back(fte("personeel_fte", "fte_totaal", "Personeel (fte)", "Staff (fte)", "al het personeel",
                  "all staff"));
  v.push_back(fte("personeel_fte_directie", "fte_directie", "Directie (fte)", "Management (fte)",
                  "de directie", "management"));
  v.push_back(fte("personeel_fte_op", "fte_op", "Onderwijzend personeel (fte)", "Teaching staff (fte)",
                  "het onderwijzend personeel (OP)", "teaching staff"));
  v.push_back(fte("personeel_fte_oop", "fte_oop", "Onderwijsondersteunend personeel (fte)", "Support staff (fte)",
                  "het onderwijsondersteunend en beheerspersoneel (OOP/OBP)", "support and administrative staff"));
  v.push_back(fte("personeel_fte_lio", "fte_lio", "Leraren in opleiding (fte)", "Trainee teachers (fte)",
                  "de leraren in opleiding (LIO)", "trainee teachers"));
  v.push_back(info("leerlingen_per_fte_op", "Leerlingen per fte onderwijzend personeel", "Pupils per teaching fte",
                   Unit::number, "0.0", Direction::neutral, {"leerlingen_bestuur", "fte_op"},
                   "Het aantal leerlingen van het bestuur gedeeld door het aantal fte onderwijzend personeel, "
                   "beide op 1 oktober.",
                   "The board's number of pupils divided by its teaching staff in fte, both on 1 October."));
  v.push_back(share("personeel_aandeel_55plus", "fte_55plus", "Aandeel 55 jaar en ouder", "Share aged 55 and over",
                    "personeel van 55 jaar en ouder", "staff aged 55 and over"));
  v.push_back(share("personeel_aandeel_vrouw", "fte_vrouw", "Aandeel vrouwen", "Share of women", "vrouwen",
                    "women"));
  v.push_back(share("personeel_aandeel_vast", "fte_vast", "Aandeel vast dienstverband", "Share in permanent employment",
                    "personeel met een vast dienstverband", "staff in permanent employment"));
  v.push_back(info("personeel_verzuim", "Ziekteverzuim", "Sickness absence", Unit::percentage, "0.0%",
                   Direction::lower_is_better, {"verzuim_pct"},
                   "Het ziekteverzuimpercentage: de verzuimde dagen als deel van het totaal aantal beschikbare "
                   "dagen van het personeel in het jaar, zoals aangeleverd (exclusief zwangerschapsverlof).",
                   "The sickness absence rate: days of absence as a share of the staff's available days in the "
                   "year, as supplied (excluding maternity leave)."));
  // Sector figures as a ratio of sums (not for absence: the measure is already a percentage).
  for (std::size_t i : {std::size_t{leerlingen_per_fte_op}, std::size_t{personeel_aandeel_55plus},
                        std::size_t{personeel_aandeel_vrouw}, std::size_t{personeel_aandeel_vast}}) {
    v[i].aggregation = Aggregation::ratio_of_sums;
    v[i].aggregate_numerator = {v[i].inputs[0]};
    v[i].aggregate_denominator = {v[i].inputs[1]};
  }
  return v;
}

bool is_bad(const Value& v) {
  return v.has_bounds() && (!std::isfinite(v.low()) || !std::isfinite(v.high()) || v.low() < 0);
}

// The fte (or count) itself; ranges and "<5" are passed on unchanged.
Value as_is(const Value& v) {
  if (v.is_missing()) return Value::missing(reason_for_input(v));
  if (is_bad(v)) return Value::missing(Reason::invalid);
  return v;
}

// Part of a whole in fte: 0 ≤ part ≤ whole (up to rounding, 1e-6 relative).
Value fte_share(const Value& part, const Value& whole) {
  if (is_bad(part) || is_bad(whole)) return Value::missing(Reason::invalid);
  Value q = divide(part, whole);
  if (!q.is_number()) return q;
  if (q.number() > 1 + 1e-6) return Value::missing(Reason::invalid);
  return Value::of(std::min(1.0, q.number()));
}

Value compute_unchecked(std::size_t index, const BoardYear& in) {
  switch (index) {
    case personeel_fte:
    case personeel_fte_directie:
    case personeel_fte_op:
    case personeel_fte_oop:
    case personeel_fte_lio: return as_is(in.input(0));
    case leerlingen_per_fte_op: {
      Value pupils = in.input(0);
      Value op = in.input(1);
      if (is_bad(pupils) || is_bad(op)) return Value::missing(Reason::invalid);
      return divide(pupils, op);
    }
    case personeel_aandeel_55plus:
    case personeel_aandeel_vrouw:
    case personeel_aandeel_vast: return fte_share(in.input(0), in.input(1));
    case personeel_verzuim: {
      // verzuim_pct is 0-100; the indicator is a fraction, like every "0.0%" value.
      Value pct = in.input(0);
      if (!pct.is_number()) return Value::missing(reason_for_input(pct));
      if (!(pct.number() >= 0 && pct.number() <= 100)) return Value::missing(Reason::invalid);
      return Value::of(pct.number() / 100);
    }
    default: return Value::missing(Reason::invalid);
  }
}

}  // namespace

std::vector<OptionSpec> StaffIndicators::option_specs() const noexcept { return {}; }

Status StaffIndicators::configure(const ConfigNode& options) noexcept {
  return guard([&] {
    auto problems = check_options(options, option_specs());
    if (!problems.empty()) {
      Diagnostic d = problems.front();
      if (problems.size() > 1) d.message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
      if (d.hint.empty() || d.hint == "no keys are allowed here") d.hint = "the staff plugin has no options";
      throw Error(std::move(d));
    }
  });
}

std::vector<IndicatorInfo> StaffIndicators::indicators() const noexcept {
  try {
    return base_infos();
  } catch (...) {
    return {};
  }
}

Value StaffIndicators::compute(std::size_t indicator, const BoardYear& in) const noexcept {
  Value v = compute_unchecked(indicator, in);
  if (v.is_number() && !std::isfinite(v.number())) return Value::missing(Reason::invalid);
  return v;
}

}  // namespace povo::staff
