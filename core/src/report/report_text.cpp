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
      auto agg = c_.job.statistics->aggregate(*i, c_.scope, year);
      if (!agg) args[0].fail("indicator '" + std::string(*name) + "' declares no ratio of sums");
      return agg->value;
    }
    std::vector<Value> values;
    for (EntityIndex b : c_.scope) values.push_back(args[0].evaluate(BoardEnvironment(c_, b), years_back));
    if (fn == "sum") {
      Value total = Value::of(0);
      for (const auto& v : values) {
        if (!(v == Value::missing(Reason::not_reported))) total = add(total, v);
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

std::string format_placeholder(const Value& v, const expr::Expression& e, const ReportContext& c) {
  const std::string_view text = e.text();
  auto starts = [&](std::string_view p) { return text.substr(0, p.size()) == p; };
  if (text == "year") return v.is_number() ? std::to_string(static_cast<long long>(v.number())) : "\xE2\x80\x93";
  if (starts("share(")) return value_text(v, {format::NumberKind::percent_of_fraction, 0}, c.locale);
  if (starts("count(")) return value_text(v, {format::NumberKind::integer, 0}, c.locale);
  for (const auto& input : e.inputs()) {
    if (auto i = c.indicators().find(input.name)) return value_text(v, style_for(c.indicators().info(*i).format), c.locale);
  }
  if (v.is_number() && v.number() == static_cast<double>(static_cast<long long>(v.number()))) {
    return value_text(v, {format::NumberKind::integer, 0}, c.locale);
  }
  return value_text(v, {format::NumberKind::decimal, 2}, c.locale);
}

}  // namespace

std::string render_text(const std::string& text, const SourceLocation& where, const ReportContext& context) {
  auto parts = expr::parse_template(text, where);
  TextEnvironment env(context);
  return expr::render(parts, env, [&](const Value& v, const expr::Expression& e) {
    return format_placeholder(v, e, context);
  });
}

std::string fill_title(const std::string& pattern, const ReportContext& c) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      std::size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        std::string key = pattern.substr(i + 1, close - i - 1);
        if (key == "year") out += std::to_string(c.year);
        else if (key == "board" && c.board) out += c.dataset().entity_code(EntityKind::board, *c.board);
        else if (key == "name" && c.board) out += c.board_name(*c.board);
        else out += "{" + key + "}";
        i = close;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace povo::report
