#include "finance_indicators.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

namespace povo::finance {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------
// Signal values (domain-research §3.2 and §3.3)

const char* const current_id = "inspectie_2021";
const char* const current_label = "signaleringswaarde Inspectie";
const char* const old_id = "inspectie_oud";
const char* const old_label = "signaleringswaarde Inspectie (oud, tot verslagjaar 2019)";

SignalValue signal(const char* id, const char* label, const char* op, double threshold) {
  SignalValue s;
  s.id = id;
  s.label = label;
  s.op = op;
  s.threshold = threshold;
  return s;
}

SignalValue current(const char* op, double threshold) { return signal(current_id, current_label, op, threshold); }
SignalValue old(const char* op, double threshold) { return signal(old_id, old_label, op, threshold); }

SignalValue by_baten(SignalValue s, double from, double to) {
  s.when_input = "totale_baten";
  s.when_min = from;
  s.when_max = to;
  return s;
}

std::vector<SignalValue> signals_for(std::size_t index, const Options& o) {
  const bool cur = o.signal_set == SignalSet::current;
  switch (index) {
    case solvabiliteit_2: return {cur ? current("<", 0.30) : old("<", 0.30)};
    case liquiditeit:
      if (!cur) return {old("<", 0.75)};
      if (o.liquiditeit_05_boven_25m) {
        return {by_baten(current("<", 1.5), -inf, 3e6), by_baten(current("<", 1.0), 3e6, 12e6),
                by_baten(current("<", 0.75), 12e6, 25e6), by_baten(current("<", 0.5), 25e6, inf)};
      }
      return {by_baten(current("<", 1.5), -inf, 3e6), by_baten(current("<", 1.0), 3e6, 12e6),
              by_baten(current("<", 0.75), 12e6, inf)};
    case rentabiliteit: return cur ? std::vector<SignalValue>{} : std::vector<SignalValue>{old("<", -0.10)};
    case rentabiliteit_2j: return cur ? std::vector<SignalValue>{} : std::vector<SignalValue>{old("<", -0.05)};
    case rentabiliteit_3j: return cur ? std::vector<SignalValue>{} : std::vector<SignalValue>{old("<", 0.0)};
    case weerstandsvermogen: return cur ? std::vector<SignalValue>{} : std::vector<SignalValue>{old("<", 0.05)};
    case huisvestingsratio: return cur ? std::vector<SignalValue>{} : std::vector<SignalValue>{old(">", 0.10)};
    case liquide_middelen_absoluut:
      return cur ? std::vector<SignalValue>{current("<", 100'000)} : std::vector<SignalValue>{};
    case ratio_bovenmatig_ev: return cur ? std::vector<SignalValue>{current(">", 1.0)} : std::vector<SignalValue>{};
    default: return {};
  }
}

// ---------------------------------------------------------------------------
// Descriptions

IndicatorInfo info(std::string id, std::string theme, std::string nl, std::string en, Unit unit,
                   std::string format, Direction dir, std::vector<std::string> inputs, std::string def_nl,
                   std::string def_en) {
  IndicatorInfo i;
  i.id = std::move(id);
  i.theme = std::move(theme);
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

const std::vector<std::string> normatief_inputs = {"gebouwen_aanschafwaarde", "materiele_vaste_activa",
                                                   "gebouwen_boekwaarde", "totale_baten", "financiele_baten"};

std::vector<std::string> bovenmatig_inputs() {
  std::vector<std::string> v = {"eigen_vermogen", "prive_vermogen"};
  v.insert(v.end(), normatief_inputs.begin(), normatief_inputs.end());
  return v;
}

std::vector<IndicatorInfo> base_infos() {
  const auto F = "financien";
  const auto H = "huisvesting";
  const auto up = Direction::higher_is_better;
  const auto down = Direction::lower_is_better;
  const auto neutral = Direction::neutral;
  const auto rent_inputs = std::vector<std::string>{"resultaat", "totale_baten", "financiele_baten"};
  std::vector<IndicatorInfo> v;
  v.push_back(info(
      "solvabiliteit_1", F, "Solvabiliteit 1", "Solvency 1", Unit::ratio, "0.00", up,
      {"eigen_vermogen", "totaal_activa"},
      "Eigen vermogen gedeeld door het balanstotaal (totaal vermogen) op 31 december. Geeft aan welk deel van "
      "de bezittingen met eigen middelen is gefinancierd.",
      "Equity divided by the balance-sheet total (total liabilities and equity) at 31 December: the share of "
      "the assets financed with the board's own means."));
  v.push_back(info(
      "solvabiliteit_2", F, "Solvabiliteit 2", "Solvency 2", Unit::ratio, "0.00", up,
      {"eigen_vermogen", "voorzieningen", "totaal_activa"},
      "Eigen vermogen plus voorzieningen, gedeeld door het balanstotaal. De Inspectie van het Onderwijs "
      "signaleert een risico voor de continuïteit bij een solvabiliteit 2 onder 0,30.",
      "Equity plus provisions, divided by the balance-sheet total. The Education Inspectorate flags a "
      "continuity risk when solvency 2 is below 0.30."));
  v.push_back(info(
      "liquiditeit", F, "Liquiditeit (current ratio)", "Liquidity (current ratio)", Unit::ratio, "0.00", up,
      {"vlottende_activa", "kortlopende_schulden", "totale_baten"},
      "Vlottende activa gedeeld door kortlopende schulden: de mate waarin het bestuur aan zijn "
      "kortetermijnverplichtingen kan voldoen. De signaleringswaarde van de Inspectie hangt af van de omvang "
      "(totale baten): onder 1,5 bij minder dan € 3 mln, onder 1,0 bij € 3 tot 12 mln en onder 0,75 bij "
      "€ 12 mln of meer.",
      "Current assets divided by short-term liabilities: the board's ability to meet its short-term "
      "obligations. The Inspectorate's signal value depends on size (total income): below 1.5 under "
      "EUR 3 m, below 1.0 from EUR 3 to 12 m and below 0.75 from EUR 12 m."));
  v.push_back(info(
      "rentabiliteit", F, "Rentabiliteit", "Profitability", Unit::percentage, "0.0%", up, rent_inputs,
      "Het resultaat van het jaar gedeeld door de totale baten inclusief financiële baten. Tot verslagjaar "
      "2019 signaleerde de Inspectie bij een rentabiliteit onder -10% in één jaar.",
      "The year's net result divided by total income including financial income. Up to report year 2019 the "
      "Inspectorate flagged a one-year profitability below -10%."));
  v.push_back(info(
      "rentabiliteit_2j", F, "Rentabiliteit, tweejaarsgemiddelde", "Profitability, two-year average",
      Unit::percentage, "0.0%", up, rent_inputs,
      "Het gemiddelde van de rentabiliteit (resultaat / (totale baten + financiële baten)) van dit jaar en "
      "het vorige jaar; ontbreekt één van beide jaren, dan wordt het gemiddelde niet berekend. Oude "
      "signaleringswaarde van de Inspectie: onder -5%.",
      "The mean of the yearly profitability (result / (total income + financial income)) of this year and "
      "the previous year; if either year is missing the average is not computed. The Inspectorate's old "
      "signal value: below -5%."));
  v.push_back(info(
      "rentabiliteit_3j", F, "Rentabiliteit, driejaarsgemiddelde", "Profitability, three-year average",
      Unit::percentage, "0.0%", up, rent_inputs,
      "Het gemiddelde van de rentabiliteit van dit jaar en de twee voorgaande jaren; ontbreekt één van de "
      "jaren, dan wordt het gemiddelde niet berekend. Oude signaleringswaarde van de Inspectie: onder 0%.",
      "The mean of the yearly profitability of this year and the two previous years; if any year is missing "
      "the average is not computed. The Inspectorate's old signal value: below 0%."));
  v.push_back(info(
      "weerstandsvermogen", F, "Weerstandsvermogen", "Resilience ratio", Unit::percentage, "0.0%", up,
      {"eigen_vermogen", "totale_baten", "financiele_baten"},
      "Eigen vermogen gedeeld door de totale baten inclusief financiële baten: de buffer om tegenvallers op "
      "te vangen. Oude signaleringswaarde van de Inspectie: onder 5%.",
      "Equity divided by total income including financial income: the buffer against setbacks. The "
      "Inspectorate's old signal value: below 5%."));
  v.push_back(info(
      "huisvestingsratio", H, "Huisvestingsratio", "Housing ratio", Unit::percentage, "0.0%", down,
      {"huisvestingslasten", "totale_lasten", "financiele_lasten"},
      "Huisvestingslasten gedeeld door de totale lasten inclusief financiële lasten. De Inspectie telt ook de "
      "afschrijvingen op gebouwen mee; die zijn in de open data niet afzonderlijk beschikbaar en ontbreken "
      "hier, zodat de ratio iets lager uitvalt. Oude signaleringswaarde van de Inspectie: boven 10%.",
      "Housing costs divided by total costs including financial costs. The Inspectorate also counts "
      "depreciation of buildings, which the open data do not give separately and which is left out here, so "
      "the ratio is slightly lower. The Inspectorate's old signal value: above 10%."));
  v.push_back(info(
      "personeelslasten_ratio", F, "Personeelslasten / totale lasten", "Staff costs / total costs",
      Unit::percentage, "0.0%", neutral, {"personeelslasten", "totale_lasten"},
      "Personeelslasten gedeeld door de totale lasten (exclusief financiële lasten): het deel van de "
      "uitgaven dat naar personeel gaat.",
      "Staff costs divided by total costs (excluding financial costs): the share of spending that goes to "
      "staff."));
  v.push_back(info(
      "baten_per_leerling", F, "Baten per leerling", "Income per pupil", Unit::euro, "eur", neutral,
      {"totale_baten", "leerlingen_bestuur"},
      "De totale baten (exclusief financiële baten) van het kalenderjaar gedeeld door het aantal leerlingen "
      "van het bestuur op 1 oktober van dat jaar.",
      "Total income (excluding financial income) of the calendar year divided by the board's number of "
      "pupils on 1 October of that year."));
  v.push_back(info(
      "liquide_middelen_absoluut", F, "Liquide middelen", "Cash and equivalents", Unit::euro, "eur", up,
      {"liquide_middelen"},
      "Het bedrag aan liquide middelen op 31 december. Sinds verslagjaar 2020 signaleert de Inspectie bij "
      "besturen in het po en vo een bedrag onder € 100.000.",
      "Cash and cash equivalents at 31 December. Since report year 2020 the Inspectorate flags primary and "
      "secondary school boards with less than EUR 100,000."));
  v.push_back(info(
      "normatief_publiek_ev", F, "Normatief publiek eigen vermogen", "Normative public equity", Unit::euro,
      "eur", neutral, normatief_inputs,
      "Het eigen vermogen dat een bestuur volgens de Inspectie redelijkerwijs nodig heeft: 0,5 × de "
      "aanschafwaarde van gebouwen × 1,27 (bouwkostenindex), plus de boekwaarde van de overige materiële "
      "vaste activa, plus een risicobuffer. De buffer is € 300.000 bij totale baten (inclusief financiële "
      "baten) onder € 3 mln, loopt logaritmisch af van 10% van de baten bij € 3 mln naar 5% bij € 12 mln en "
      "is daarboven 5%.",
      "The equity a board reasonably needs according to the Inspectorate: 0.5 × the historical cost of "
      "buildings × 1.27 (building cost index), plus the book value of the other tangible fixed assets, plus "
      "a risk buffer. The buffer is EUR 300,000 for total income (including financial income) below "
      "EUR 3 m, falls log-linearly from 10% of income at EUR 3 m to 5% at EUR 12 m, and is 5% above."));
  v.push_back(info(
      "ratio_bovenmatig_ev", F, "Ratio publiek eigen vermogen / normatief", "Public equity / normative ratio",
      Unit::ratio, "0.00", down, bovenmatig_inputs(),
      "Het feitelijke publieke eigen vermogen (eigen vermogen min het private deel) gedeeld door het "
      "normatieve publieke eigen vermogen. Boven 1,0 is er volgens de signaleringswaarde van de Inspectie "
      "mogelijk sprake van bovenmatig eigen vermogen.",
      "Actual public equity (equity less its private part) divided by the normative public equity. Above "
      "1.0 the Inspectorate's signal value indicates possibly excessive equity."));
  v.push_back(info(
      "mogelijk_bovenmatig_ev", F, "Mogelijk bovenmatig eigen vermogen", "Possibly excessive equity",
      Unit::euro, "eur", down, bovenmatig_inputs(),
      "Het bedrag waarmee het feitelijke publieke eigen vermogen het normatieve publieke eigen vermogen "
      "overschrijdt; nul als het daaronder blijft.",
      "The amount by which actual public equity exceeds the normative public equity; zero when it does "
      "not."));
  // Sector figures as a ratio of sums (sum of equity / sum of assets, as the Inspectie
  // publishes them) for the indicators that are exactly one sum over another.
  auto aggregate = [&](const char* id, std::vector<std::string> num, std::vector<std::string> den) {
    for (auto& i : v) {
      if (i.id == id) {
        i.aggregation = Aggregation::ratio_of_sums;
        i.aggregate_numerator = std::move(num);
        i.aggregate_denominator = std::move(den);
      }
    }
  };
  aggregate("solvabiliteit_1", {"eigen_vermogen"}, {"totaal_activa"});
  aggregate("solvabiliteit_2", {"eigen_vermogen", "voorzieningen"}, {"totaal_activa"});
  aggregate("liquiditeit", {"vlottende_activa"}, {"kortlopende_schulden"});
  aggregate("rentabiliteit", {"resultaat"}, {"totale_baten", "financiele_baten"});
  aggregate("weerstandsvermogen", {"eigen_vermogen"}, {"totale_baten", "financiele_baten"});
  aggregate("huisvestingsratio", {"huisvestingslasten"}, {"totale_lasten", "financiele_lasten"});
  aggregate("personeelslasten_ratio", {"personeelslasten"}, {"totale_lasten"});
  aggregate("baten_per_leerling", {"totale_baten"}, {"leerlingen_bestuur"});
  // Amounts that add up across boards; every other indicator is described by its median.
  for (auto& i : v) {
    if (i.id == "liquide_middelen_absoluut" || i.id == "normatief_publiek_ev" || i.id == "mogelijk_bovenmatig_ev") {
      i.aggregation = Aggregation::sum;
    }
  }
  return v;
}

// ---------------------------------------------------------------------------
// Computation

Value ratio(const BoardYear& in, std::size_t num, std::size_t den, int back = 0) {
  return divide(in.input(num, back), in.input(den, back));
}

// numerator / (input a + input b)
Value over_sum(const BoardYear& in, std::size_t num, std::size_t a, std::size_t b, int back = 0) {
  Value sum = add(in.input(a, back), in.input(b, back));
  return divide(in.input(num, back), sum);
}

Value mean_rentabiliteit(const BoardYear& in, int years) {
  double total = 0;
  for (int back = 0; back < years; ++back) {
    Value r = over_sum(in, 0, 1, 2, back);
    if (!r.is_number()) return Value::missing(r.reason());
    total += r.number();
  }
  return Value::of(total / years);
}

// Inputs from `first`: gebouwen_aanschafwaarde, materiele_vaste_activa, gebouwen_boekwaarde,
// totale_baten, financiele_baten.
Value normatief(const BoardYear& in, std::size_t first, const Options& o) {
  Value aanschaf = in.input(first);
  Value mva = in.input(first + 1);
  Value boekwaarde = in.input(first + 2);
  Value b = add(in.input(first + 3), in.input(first + 4));
  for (const Value* v : {&aanschaf, &mva, &boekwaarde, &b}) {
    if (!v->is_number()) return Value::missing(reason_for_input(*v));
  }
  double x = o.gebouwen_factor * aanschaf.number() * o.bouwkostenindex + (mva.number() - boekwaarde.number()) +
             risicobuffer(b.number(), o);
  if (!std::isfinite(x)) return Value::missing(Reason::invalid);
  return Value::of(x);
}

// Feitelijk publiek eigen vermogen: inputs 0 (eigen_vermogen) and 1 (prive_vermogen).
Value feitelijk(const BoardYear& in, const Options& o) {
  Value prive = in.input(1);
  if (prive.is_missing() && o.prive_vermogen_missing_as_zero) prive = Value::of(0);
  return subtract(in.input(0), prive);
}

Value finite_or_invalid(Value v) {
  if (v.is_number() && !std::isfinite(v.number())) return Value::missing(Reason::invalid);
  return v;
}

Value compute_unchecked(std::size_t index, const BoardYear& in, const Options& o) {
  switch (index) {
    case solvabiliteit_1: return ratio(in, 0, 1);
    case solvabiliteit_2: return divide(add(in.input(0), in.input(1)), in.input(2));
    case liquiditeit: return ratio(in, 0, 1);
    case rentabiliteit: return over_sum(in, 0, 1, 2);
    case rentabiliteit_2j: return mean_rentabiliteit(in, 2);
    case rentabiliteit_3j: return mean_rentabiliteit(in, 3);
    case weerstandsvermogen: return over_sum(in, 0, 1, 2);
    case huisvestingsratio: return over_sum(in, 0, 1, 2);
    case personeelslasten_ratio: return ratio(in, 0, 1);
    case baten_per_leerling: return ratio(in, 0, 1);
    case liquide_middelen_absoluut: {
      Value v = in.input(0);
      return v.is_number() ? v : Value::missing(reason_for_input(v));
    }
    case normatief_publiek_ev: return normatief(in, 0, o);
    case ratio_bovenmatig_ev: return divide(feitelijk(in, o), normatief(in, 2, o));
    case mogelijk_bovenmatig_ev: {
      Value excess = subtract(feitelijk(in, o), normatief(in, 2, o));
      if (!excess.is_number()) return excess;
      if (!std::isfinite(excess.number())) return Value::missing(Reason::invalid);
      return Value::of(std::max(0.0, excess.number()));
    }
    default: return Value::missing(Reason::invalid);
  }
}

// ---------------------------------------------------------------------------
// Options

const ConfigNode* child(const ConfigNode& node, const char* key) {
  const ConfigNode* n = node.is_map() ? node.find(key) : nullptr;
  return n && !n->is_null() ? n : nullptr;
}

void read_number(const ConfigNode& node, const char* key, double& out, bool zero_allowed, const char* what) {
  const ConfigNode* n = child(node, key);
  if (!n) return;
  double x = n->as_number();
  if (x < 0 || (!zero_allowed && x == 0)) {
    throw n->error(std::string(key) + (zero_allowed ? " must not be negative" : " must be greater than 0") +
                       ", got " + n->scalar(),
                   std::string("expected ") + what);
  }
  out = x;
}

}  // namespace

double risicobuffer(double b, const Options& o) noexcept {
  if (!(b >= o.band_low)) return o.buffer_small_fixed;
  if (b >= o.band_high) return o.buffer_pct_high * b;
  double p = o.buffer_pct_high + (o.buffer_pct_low - o.buffer_pct_high) / (std::log(o.band_low) - std::log(o.band_high)) *
                                     (std::log(b) - std::log(o.band_high));
  return p * b;
}

Options parse_options(const ConfigNode& node) {
  Options o;
  if (node.is_null()) return o;
  FinanceIndicators probe;
  auto problems = check_options(node, probe.option_specs());
  if (!problems.empty()) {
    Diagnostic d = problems.front();
    if (problems.size() > 1) d.message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
    throw Error(std::move(d));
  }
  if (const ConfigNode* n = child(node, "signal_set")) {
    o.signal_set = n->as_string() == "old" ? SignalSet::old : SignalSet::current;
  }
  o.liquiditeit_05_boven_25m = node.get_bool("liquiditeit_05_boven_25m", o.liquiditeit_05_boven_25m);
  o.prive_vermogen_missing_as_zero =
      node.get_bool("prive_vermogen_missing_as_zero", o.prive_vermogen_missing_as_zero);
  read_number(node, "gebouwen_factor", o.gebouwen_factor, true, "a share, e.g. 0.5");
  read_number(node, "bouwkostenindex", o.bouwkostenindex, false, "an index, e.g. 1.27");
  read_number(node, "buffer_small_fixed", o.buffer_small_fixed, true, "an amount in euro, e.g. 300000");
  read_number(node, "buffer_pct_low", o.buffer_pct_low, true, "a fraction, e.g. 0.10 for 10%");
  read_number(node, "buffer_pct_high", o.buffer_pct_high, true, "a fraction, e.g. 0.05 for 5%");
  read_number(node, "band_low", o.band_low, false, "an amount in euro, e.g. 3000000");
  read_number(node, "band_high", o.band_high, false, "an amount in euro, e.g. 12000000");
  for (const char* key : {"buffer_pct_low", "buffer_pct_high"}) {
    const ConfigNode* n = child(node, key);
    if (n && n->as_number() > 1) {
      throw n->error(std::string(key) + " is a fraction and must be at most 1, got " + n->scalar(),
                     "write 10% as 0.10");
    }
  }
  if (!(o.band_high > o.band_low)) {
    const ConfigNode* n = child(node, "band_high");
    if (!n) n = child(node, "band_low");
    char text[128];
    std::snprintf(text, sizeof text, "band_high (%.0f) must be greater than band_low (%.0f)", o.band_high, o.band_low);
    throw (n ? *n : node).error(text, "the risicobuffer falls from buffer_pct_low at band_low to buffer_pct_high at band_high");
  }
  return o;
}

std::vector<OptionSpec> FinanceIndicators::option_specs() const noexcept {
  try {
    return {
        OptionSpec::one_of("signal_set", {"current", "old"},
                           "Inspectie signalling values to report: current (from report year 2020) or old (up to "
                           "2019). Default current."),
        OptionSpec::boolean("liquiditeit_05_boven_25m",
                            "Add the liquidity signal value 0.5 for boards with more than EUR 25 m totale baten "
                            "(current set only). Default false."),
        OptionSpec::number("gebouwen_factor", "Normatief publiek EV: share of the buildings' historical cost. "
                                              "Default 0.5."),
        OptionSpec::number("bouwkostenindex", "Normatief publiek EV: building cost index. Default 1.27."),
        OptionSpec::number("buffer_small_fixed", "Normatief publiek EV: fixed risicobuffer in euro when B < "
                                                 "band_low. Default 300000."),
        OptionSpec::number("buffer_pct_low", "Normatief publiek EV: risicobuffer as a fraction of B at band_low. "
                                             "Default 0.10."),
        OptionSpec::number("buffer_pct_high", "Normatief publiek EV: risicobuffer as a fraction of B at and above "
                                              "band_high. Default 0.05."),
        OptionSpec::number("band_low", "Normatief publiek EV: B (totale + financiele baten) in euro from which "
                                       "the buffer is a share of B. Default 3000000."),
        OptionSpec::number("band_high", "Normatief publiek EV: B in euro from which the buffer share is "
                                        "buffer_pct_high. Default 12000000."),
        OptionSpec::boolean("prive_vermogen_missing_as_zero",
                            "Treat a missing prive_vermogen as 0 (DUO's files do not have it). Default true."),
    };
  } catch (...) {
    return {};
  }
}

Status FinanceIndicators::configure(const ConfigNode& options) noexcept {
  Options parsed;
  Status s = guard([&] { parsed = parse_options(options); });
  if (s) opt_ = parsed;
  return s;
}

std::vector<IndicatorInfo> FinanceIndicators::indicators() const noexcept {
  try {
    std::vector<IndicatorInfo> v = base_infos();
    for (std::size_t i = 0; i < v.size(); ++i) v[i].signals = signals_for(i, opt_);
    return v;
  } catch (...) {
    return {};
  }
}

Value FinanceIndicators::compute(std::size_t indicator, const BoardYear& in) const noexcept {
  try {
    return finite_or_invalid(compute_unchecked(indicator, in, opt_));
  } catch (...) {
    return Value::missing(Reason::invalid);
  }
}

}  // namespace povo::finance
