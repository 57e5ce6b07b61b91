#include "report/report_text.hpp"

#include "expr/template.hpp"
#include "report/value_text.hpp"
#include "stats/stats.hpp"

#include <algorithm>

namespace povo::report {

std::string ReportContext::board_name(EntityIndex b) const {
  const std::string* name = dataset().attribute(EntityKind::board, b, "name");
  return name && !name->empty() ? *name : dataset().entity_code(EntityKind::board, b);
}

std::string ReportContext::fill(const job::TitleTemplate& t) const {
  if (!board) return t.fill(year, {}, {});
  return t.fill(year, dataset().entity_code(EntityKind::board, *board), board_name(*board));
}

namespace {

// One board's values: measures and indicators by name.
class BoardEnvironment final : public expr::Environment {
 public:
  BoardEnvironment(const ReportContext& c, EntityIndex b) : c_(c), b_(b) {}
  Value variable(std::string_view name, std::size_t, int years_back) const override {
    if (name == "year") return Value::of(c_.year - years_back);
    return c_.job.statistics->lookup(name, b_, c_.year - years_back);
  }

 private:
  const ReportContext& c_;
  EntityIndex b_;
};

class TextEnvironment final : public expr::Environment {
 public:
  explicit TextEnvironment(const ReportContext& c) : c_(c) {}

  Value variable(std::string_view name, std::size_t, int years_back) const override {
    if (name == "year") return Value::of(c_.year - years_back);
    if (c_.board) return c_.job.statistics->lookup(name, *c_.board, c_.year - years_back);
    return Value::missing(Reason::not_applicable);
  }

  std::optional<Value> call(std::string_view fn, std::span<const expr::Argument> args, int years_back) const override {
    const int year = c_.year - years_back;
    if (fn == "count") {
      set_argument(args, 0, fn);
      return Value::of(static_cast<double>(c_.scope.size()));
    }
    if (fn == "share") {
      if (args.size() != 2) fail_arity(args, fn, "share(boards, condition)");
      set_argument(args, 0, fn);
      std::size_t yes = 0, known = 0;
      for (EntityIndex b : c_.scope) {
        Value v = args[1].evaluate(BoardEnvironment(c_, b), years_back);
        if (!v.is_number()) continue;
        ++known;
        yes += v.number() != 0;
      }
      return known ? Value::of(static_cast<double>(yes) / static_cast<double>(known)) : Value::missing(Reason::missing_input);
    }
    static const std::vector<std::string> statistics = {"median", "mean", "min", "max", "p25", "p75", "sum", "ratio"};
    if (std::find(statistics.begin(), statistics.end(), fn) == statistics.end()) return std::nullopt;
    if (args.size() != 1) fail_arity(args, fn, std::string(fn) + "(indicator)");
    if (fn == "ratio") {
      auto name = args[0].name();
      auto i = name ? c_.indicators().find(*name) : std::nullopt;
      if (!i) args[0].fail("ratio() takes an indicator name");
      return c_.job.statistics->figure(*i, c_.scope, year).value;
    }
    std::vector<Value> values;
    for (EntityIndex b : c_.scope) values.push_back(args[0].evaluate(BoardEnvironment(c_, b), years_back));
    if (fn == "sum") {
      // Boards that report nothing are left out (the data checks warn when that is many);
      // any other missing value makes the total unknown rather than too low.
      Value total = Value::of(0);
      for (const auto& v : values) {
        if (v.is_missing() && (v.reason() == Reason::not_reported || v.reason() == Reason::not_applicable)) continue;
        total = add(total, v);
      }
      return total;
    }
    stats::Summary s = stats::apply_minimum_k(stats::summarize(values), c_.job.statistics->min_k());
    if (s.withheld) return Value::missing(Reason::too_few_peers);
    if (fn == "median") return s.median;
    if (fn == "mean") return s.mean;
    if (fn == "min") return s.min;
    if (fn == "max") return s.max;
    if (fn == "p25") return s.p25;
    return s.p75;
  }

 private:
  [[noreturn]] static void fail_arity(std::span<const expr::Argument> args, std::string_view fn, const std::string& usage) {
    if (!args.empty()) args[0].fail("wrong number of arguments for " + std::string(fn), "write " + usage);
    throw Error("wrong number of arguments for " + std::string(fn), {}, "write " + usage);
  }
  void set_argument(std::span<const expr::Argument> args, std::size_t i, std::string_view fn) const {
    if (args.size() <= i) throw Error(std::string(fn) + "() needs the set of boards, e.g. " + std::string(fn) + "(boards)");
    auto name = args[i].name();
    if (!name || (*name != "boards" && *name != "peers")) {
      args[i].fail("expected 'boards'", "in a sector report 'boards' is the sector; in a board report, its peers");
    }
  }
  const ReportContext& c_;
};

std::string format_placeholder(const Value& v, const job::PlaceholderFormat& f, const ReportContext& c) {
  switch (f.kind) {
    case job::PlaceholderFormat::Kind::year:
      return v.is_number() ? std::to_string(static_cast<long long>(v.number())) : "\xE2\x80\x93";
    case job::PlaceholderFormat::Kind::style: return value_text(v, f.style, c.locale);
    case job::PlaceholderFormat::Kind::plain: break;
  }
  if (v.is_number() && v.number() == static_cast<double>(static_cast<long long>(v.number()))) {
    return value_text(v, {format::NumberKind::integer, 0}, c.locale);
  }
  return value_text(v, {format::NumberKind::decimal, 2}, c.locale);
}

}  // namespace

std::string render_text(const job::TextTemplate& text, const ReportContext& context) {
  TextEnvironment env(context);
  std::string out;
  for (std::size_t i = 0; i < text.parts.size(); ++i) {
    const auto& part = text.parts[i];
    if (!part.expression) {
      out += part.literal;
      continue;
    }
    out += format_placeholder(part.expression->evaluate(env), text.formats.at(i), context);
  }
  return out;
}

}  // namespace povo::report
