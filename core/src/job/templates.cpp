#include "job/templates.hpp"

#include "expr/ast.hpp"

#include <povo/config_node.hpp>

#include <algorithm>

namespace povo::job {

// ---- title templates ------------------------------------------------------------------

std::string TitleTemplate::fill(int year, std::string_view board, std::string_view name) const {
  std::string out;
  for (const auto& p : parts) {
    if (!p.field) {
      out += p.literal;
      continue;
    }
    switch (*p.field) {
      case TitleField::year: out += std::to_string(year); break;
      case TitleField::board: out += board; break;
      case TitleField::name: out += name; break;
    }
  }
  return out;
}

TitleTemplate compile_title(const std::string& text, const expr::TextOrigin& origin, bool board_fields,
                            std::vector<Diagnostic>& problems) {
  TitleTemplate t;
  t.source = text;
  t.where = origin.start;
  std::string literal;
  auto problem = [&](std::size_t offset, std::string message, std::string hint) {
    Diagnostic d;
    d.message = std::move(message);
    d.location = origin.at(text, offset);
    d.hint = std::move(hint);
    problems.push_back(std::move(d));
  };
  auto flush = [&] {
    if (!literal.empty()) t.parts.push_back(TitlePart{std::move(literal), std::nullopt});
    literal.clear();
  };
  static const std::vector<std::string> fields = {"year", "board", "name"};
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}') {
      problem(i, "unmatched '}' in '" + text + "'", "write '}}' for a literal brace");
      continue;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    const std::size_t close = text.find_first_of("{}", i + 1);
    if (close == std::string::npos || text[close] == '{') {
      problem(i, "unclosed '{' in '" + text + "'", "close the field with '}', or write '{{' for a literal brace");
      break;
    }
    const std::string name = text.substr(i + 1, close - i - 1);
    if (name == "year") {
      flush();
      t.parts.push_back(TitlePart{{}, TitleField::year});
    } else if (name == "board" || name == "name") {
      if (!board_fields) {
        problem(i + 1, "'{" + name + "}' is only known in a board report",
                "a sector report's titles and file names may use {year}");
      }
      flush();
      t.parts.push_back(TitlePart{{}, name == "board" ? TitleField::board : TitleField::name});
    } else {
      static const std::vector<std::pair<std::string, std::string>> synonyms = {
          {"jaar", "year"}, {"bestuur", "board"}, {"nummer", "board"}, {"naam", "name"}, {"bestuursnummer", "board"}};
      std::string hint;
      for (const auto& [word, field] : synonyms) {
        if (word == name) hint = "did you mean '{" + field + "}'?";
      }
      if (hint.empty()) {
        if (auto near = closest_match(name, fields)) hint = "did you mean '{" + *near + "}'?";
        else hint = board_fields ? "titles and file names may use {year}, {board} and {name}" : "use {year}";
      }
      problem(i + 1, "unknown field '{" + name + "}' in '" + text + "'", hint);
    }
    i = close;
  }
  flush();
  return t;
}

// ---- text templates ---------------------------------------------------------------------

const std::vector<TextFunctionInfo>& text_functions() {
  using F = TextFunction;
  static const std::vector<TextFunctionInfo> list = {
      {F::count, "count", "count(boards)", "the number of boards in the set"},
      {F::share, "share", "share(boards, condition)", "the share of the boards with a value for which the condition holds"},
      {F::median, "median", "median(x)", "the median over the boards (withheld below output.min_group_size)"},
      {F::mean, "mean", "mean(x)", "the mean over the boards"},
      {F::min, "min", "min(x)", "the lowest value among the boards"},
      {F::max, "max", "max(x)", "the highest value among the boards"},
      {F::p25, "p25", "p25(x)", "the 25th percentile over the boards"},
      {F::p75, "p75", "p75(x)", "the 75th percentile over the boards"},
      {F::sum, "sum", "sum(x)", "the total over the boards, for counts and amounts (aggregation sum)"},
      {F::ratio, "ratio", "ratio(indicator)", "the group's ratio of sums, for an indicator with aggregation ratio_of_sums"},
  };
  return list;
}

namespace {

const TextFunctionInfo* find_function(std::string_view name) {
  for (const auto& f : text_functions()) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

struct Checker {
  const expr::Expression& e;
  ReportKind kind;
  const TextNames& names;
  std::vector<Diagnostic>& problems;

  void report(std::size_t offset, std::size_t length, const std::string& message, const std::string& hint = {},
              Severity severity = Severity::error) {
    Diagnostic d = e.error(offset, length, message, hint).diagnostic();
    d.severity = severity;
    problems.push_back(std::move(d));
  }

  bool is_set(const expr::Node& n) const {
    return n.kind == expr::NodeKind::name && (n.name == "boards" || n.name == "peers");
  }

  std::vector<std::string> value_names() const {
    std::vector<std::string> all = names.indicators->ids();
    all.insert(all.end(), names.measures.begin(), names.measures.end());
    all.push_back("year");
    return all;
  }

  void name(const expr::Node& n, bool per_board) {
    if (n.name == "year") return;
    if (is_set(n)) {
      report(n.offset, n.name.size(), "'" + n.name + "' is the set of boards",
             "use it as the first argument of count() or share(), e.g. count(boards)");
      return;
    }
    const bool known = names.indicators->find(n.name).has_value() ||
                       std::find(names.measures.begin(), names.measures.end(), n.name) != names.measures.end();
    if (!known && (names.unchecked || (names.failed && names.failed->count(n.name)))) return;
    if (!known) {
      if (find_function(n.name) || std::find(expr::builtin_functions().begin(), expr::builtin_functions().end(), n.name) !=
                                       expr::builtin_functions().end()) {
        report(n.offset, n.name.size(), "'" + n.name + "' is a function", "call it, e.g. " + n.name + "(...)");
        return;
      }
      static const std::vector<std::pair<std::string, std::string>> synonyms = {
          {"jaar", "year"}, {"bestuur", "boards"}, {"besturen", "boards"}, {"groep", "peers"}};
      std::optional<std::string> near;
      for (const auto& [word, name] : synonyms) {
        if (word == n.name) near = name;
      }
      if (!near) near = closest_match(n.name, value_names());
      if (names.complete) {
        report(n.offset, n.name.size(), "unknown name '" + n.name + "'",
               near ? "did you mean '" + *near + "'?" : "use an indicator id, a board-level measure or 'year'");
      } else {
        report(n.offset, n.name.size(), "'" + n.name + "' is not declared by any source",
               near ? "did you mean '" + *near + "'?" : "it is checked again once the data is loaded", Severity::warning);
      }
      return;
    }
    if (!per_board && kind == ReportKind::sector) {
      report(n.offset, n.name.size(), "'" + n.name + "' has no single value in a sector report",
             "use a statistic over the boards, e.g. median(" + n.name + ") or ratio(" + n.name + ")");
    }
  }

  void call(const expr::Node& n, bool per_board) {
    if (n.builtin != expr::Builtin::external) {
      for (const auto& a : n.args) walk(a, per_board);
      return;
    }
    const TextFunctionInfo* f = find_function(n.name);
    if (!f) {
      std::vector<std::string> all;
      for (const auto& t : text_functions()) all.emplace_back(t.name);
      for (const auto& b : expr::builtin_functions()) all.push_back(b);
      static const std::vector<std::pair<std::string, std::string>> synonyms = {
          {"gemiddelde", "mean"}, {"average", "mean"}, {"avg", "mean"},   {"mediaan", "median"},
          {"aantal", "count"},    {"aandeel", "share"}, {"totaal", "sum"}, {"som", "sum"},
          {"total", "sum"},       {"minimum", "min"},   {"maximum", "max"}, {"verhouding", "ratio"}};
      std::string hint;
      for (const auto& [word, fn] : synonyms) {
        if (word == n.name) hint = "did you mean '" + fn + "'?";
      }
      if (hint.empty()) {
        auto near = closest_match(n.name, all);
        hint = near ? "did you mean '" + *near + "'?" : "texts may use count, share, median, mean, min, max, p25, p75, sum and ratio";
      }
      report(n.op_offset, n.name.size(), "unknown function '" + n.name + "'", hint);
      return;
    }
    if (per_board) {
      report(n.op_offset, n.name.size(), "'" + n.name + "()' cannot be used inside another statistic",
             "a statistic's argument is evaluated for each board");
      return;
    }
    const std::size_t want = f->function == TextFunction::share ? 2 : 1;
    if (n.args.size() != want) {
      report(n.op_offset, n.length, "wrong number of arguments for " + n.name + ": " + std::to_string(n.args.size()) +
                                        " given, " + std::to_string(want) + " expected",
             std::string("write ") + f->usage);
      return;
    }
    switch (f->function) {
      case TextFunction::count:
      case TextFunction::share:
        if (!is_set(n.args[0])) {
          report(n.args[0].offset, n.args[0].length, "the first argument of " + n.name + "() is the set of boards",
                 std::string("write ") + f->usage + "; 'boards' is the sector, or in a board report its comparison group");
        }
        if (f->function == TextFunction::share) walk(n.args[1], true);
        return;
      case TextFunction::ratio: {
        const expr::Node& a = n.args[0];
        auto i = a.kind == expr::NodeKind::name ? names.indicators->find(a.name) : std::nullopt;
        if (!i && a.kind == expr::NodeKind::name && (names.unchecked || (names.failed && names.failed->count(a.name)))) return;
        if (!i) {
          if (a.kind == expr::NodeKind::name) {
            auto near = closest_match(a.name, names.indicators->ids());
            report(a.offset, a.length, "ratio() takes an indicator id; '" + a.name + "' is not an indicator",
                   near ? "did you mean '" + *near + "'?" : "");
          } else {
            report(a.offset, a.length, "ratio() takes an indicator id, not an expression", "e.g. ratio(solvabiliteit_2)");
          }
          return;
        }
        if ((*names.indicators)[*i].aggregation() != Aggregation::ratio_of_sums) {
          report(a.offset, a.length, "indicator '" + a.name + "' has no ratio of sums (its aggregation is '" +
                                         aggregation_name((*names.indicators)[*i].aggregation()) + "')",
                 "use median(" + a.name + ")");
        }
        return;
      }
      case TextFunction::sum: {
        const expr::Node& a = n.args[0];
        if (a.kind == expr::NodeKind::name) {
          if (auto i = names.indicators->find(a.name); i && (*names.indicators)[*i].aggregation() != Aggregation::sum) {
            report(a.offset, a.length, "sum() adds up counts and amounts; indicator '" + a.name + "' has aggregation '" +
                                           aggregation_name((*names.indicators)[*i].aggregation()) + "'",
                   (*names.indicators)[*i].aggregation() == Aggregation::ratio_of_sums ? "use ratio(" + a.name + ")"
                                                                                       : "use median(" + a.name + ")");
            return;
          }
        }
        walk(a, true);
        return;
      }
      default: walk(n.args[0], true); return;
    }
  }

  void walk(const expr::Node& n, bool per_board) {
    switch (n.kind) {
      case expr::NodeKind::number: return;
      case expr::NodeKind::name: name(n, per_board); return;
      case expr::NodeKind::call: call(n, per_board); return;
      case expr::NodeKind::unary:
      case expr::NodeKind::binary:
        for (const auto& a : n.args) walk(a, per_board);
        return;
    }
  }
};

// How a placeholder prints, decided once: shares as percentages, counts as whole
// numbers, a statistic of an indicator (or an expression reading one) in its format.
PlaceholderFormat format_of(const expr::Expression& e, const TextNames& names) {
  const expr::Node& root = e.root();
  PlaceholderFormat f;
  if (root.kind == expr::NodeKind::name && root.name == "year") {
    f.kind = PlaceholderFormat::Kind::year;
    return f;
  }
  if (root.kind == expr::NodeKind::call && root.builtin == expr::Builtin::external) {
    if (root.name == "share") {
      f.kind = PlaceholderFormat::Kind::style;
      f.style = {format::NumberKind::percent_of_fraction, 0};
      return f;
    }
    if (root.name == "count") {
      f.kind = PlaceholderFormat::Kind::style;
      f.style = {format::NumberKind::integer, 0};
      return f;
    }
  }
  for (const auto& input : e.inputs()) {
    if (auto i = names.indicators->find(input.name)) {
      f.kind = PlaceholderFormat::Kind::style;
      f.style = (*names.indicators)[*i].style;
      return f;
    }
  }
  return f;
}

}  // namespace

TextTemplate compile_text(const std::string& text, const expr::TextOrigin& origin, ReportKind kind,
                          const TextNames& names, std::vector<Diagnostic>& problems) {
  TextTemplate t;
  t.source = text;
  t.where = origin.start;
  try {
    t.parts = expr::parse_template(text, origin);
  } catch (const Error& e) {
    problems.push_back(e.diagnostic());
    return t;
  }
  for (const auto& part : t.parts) {
    if (!part.expression) {
      t.formats.emplace_back();
      continue;
    }
    Checker{*part.expression, kind, names, problems}.walk(part.expression->root(), false);
    t.formats.push_back(format_of(*part.expression, names));
  }
  return t;
}

}  // namespace povo::job
