// Report texts with placeholders, and aggregate functions resolved by the environment.
#include "expr/template.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using povo::Reason;
using povo::SourceLocation;
using povo::Value;
namespace ex = povo::expr;

namespace {

// One board: its own values.
class BoardEnv : public ex::Environment {
 public:
  explicit BoardEnv(std::map<std::string, Value> v) : values_(std::move(v)) {}
  Value variable(std::string_view name, std::size_t, int years_back) const override {
    if (years_back != 0) return Value::missing();
    auto it = values_.find(std::string(name));
    return it == values_.end() ? Value::missing() : it->second;
  }

 private:
  std::map<std::string, Value> values_;
};

// The sector: a year, and aggregates over its boards, as the report stage would do.
class SectorEnv : public ex::Environment {
 public:
  std::vector<BoardEnv> boards;
  Value variable(std::string_view name, std::size_t, int) const override {
    if (name == "year") return Value::of(2023);
    return Value::missing();
  }
  std::optional<Value> call(std::string_view fn, std::span<const ex::Argument> args, int) const override {
    if (fn == "count") {
      if (args.size() != 1 || args[0].name() != "boards") args[0].fail("count() counts 'boards'");
      return Value::of(static_cast<double>(boards.size()));
    }
    if (fn == "share") {
      if (args.size() != 2) args[0].fail("share() takes 2 arguments", "write share(boards, condition)");
      std::size_t yes = 0, known = 0;
      for (const auto& b : boards) {
        Value v = args[1].evaluate(b);
        if (!v.is_number()) continue;
        ++known;
        if (v.number() != 0) ++yes;
      }
      if (known == 0) return Value::missing(Reason::missing_input);
      return Value::of(static_cast<double>(yes) / static_cast<double>(known));
    }
    return std::nullopt;
  }
};

SectorEnv sector() {
  SectorEnv env;
  for (double s : {0.2, 0.5, 0.25, 0.4}) env.boards.emplace_back(std::map<std::string, Value>{{"solvabiliteit_2", Value::of(s)}});
  env.boards.emplace_back(std::map<std::string, Value>{});  // no value: not counted by share
  return env;
}

std::string format(const Value& v, const ex::Expression& e) {
  if (!v.is_number()) return "-";
  char buf[32];
  if (e.root().name == "share") {
    std::snprintf(buf, sizeof buf, "%.0f%%", v.number() * 100);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f", v.number());
  }
  return buf;
}

std::string template_error(const std::string& text) {
  try {
    ex::parse_template(text, SourceLocation{"report.yaml", 3, 5});
  } catch (const ex::ExprError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(Template, IssueSixExample) {
  const std::string text =
      "In {year} telde het po {count(boards)} besturen; {share(boards, solvabiliteit_2 < 0.30)} zat onder de "
      "signaleringswaarde.";
  auto parts = ex::parse_template(text, SourceLocation{"report.yaml", 3, 5});
  ASSERT_EQ(parts.size(), 7u);
  EXPECT_EQ(parts[0].literal, "In ");
  ASSERT_TRUE(parts[1].expression);
  EXPECT_EQ(parts[1].expression->text(), "year");
  EXPECT_EQ(parts[1].expression->origin().column, 9);  // 5 + 4
  EXPECT_EQ(parts[2].literal, " telde het po ");
  EXPECT_EQ(parts[3].expression->text(), "count(boards)");
  EXPECT_EQ(parts[5].expression->text(), "share(boards, solvabiliteit_2 < 0.30)");
  EXPECT_EQ(parts[5].expression->functions(), std::vector<std::string>{"share"});
  EXPECT_EQ(parts[6].literal, " zat onder de signaleringswaarde.");

  SectorEnv env = sector();
  EXPECT_EQ(ex::render(parts, env, format),
            "In 2023 telde het po 5 besturen; 50% zat onder de signaleringswaarde.");
}

TEST(Template, ArgumentsAreUnevaluated) {
  auto e = ex::compile("share(boards, solvabiliteit_2 < 0.30)");
  const auto& call = e.root();
  ex::Argument cond(call.args[1], e);
  EXPECT_EQ(cond.text(), "solvabiliteit_2 < 0.30");
  EXPECT_FALSE(cond.name());
  ex::Argument boards(call.args[0], e);
  EXPECT_EQ(boards.name(), "boards");
  BoardEnv low({{"solvabiliteit_2", Value::of(0.1)}});
  EXPECT_EQ(cond.evaluate(low).number(), 1);
}

TEST(Template, AggregateErrorsPointAtTheArgument) {
  auto parts = ex::parse_template("Aantal: {count(besturen)}", SourceLocation{"report.yaml", 3, 5});
  SectorEnv env = sector();
  try {
    ex::render(parts, env, format);
    FAIL() << "no error";
  } catch (const ex::ExprError& e) {
    // '{' at offset 8, 'besturen' at 6 within the placeholder: 5 + 9 + 6.
    EXPECT_EQ(std::string(e.what()),
              "report.yaml:3:20: error: count() counts 'boards' in 'count(besturen)'");
  }
}

TEST(Template, Escapes) {
  auto parts = ex::parse_template("{{letterlijk}} en }} {1 + 1}{{");
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].literal, "{letterlijk} en } ");
  EXPECT_EQ(parts[1].expression->text(), "1 + 1");
  EXPECT_EQ(parts[2].literal, "{");
  EXPECT_TRUE(ex::parse_template("").empty());
  auto plain = ex::parse_template("geen plaatshouders");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_FALSE(plain[0].expression);
}

TEST(Template, Errors) {
  EXPECT_EQ(template_error("a {b"),
            "report.yaml:3:7: error: unclosed '{' in 'a {b' (close the placeholder with '}', or write '{{' for a literal "
            "brace)");
  EXPECT_EQ(template_error("a {b {c}"),
            "report.yaml:3:7: error: unclosed '{' in 'a {b {c}' (close the placeholder with '}', or write '{{' for a "
            "literal brace)");
  EXPECT_EQ(template_error("a } b"), "report.yaml:3:7: error: unmatched '}' in 'a } b' (write '}}' for a literal brace)");
  EXPECT_EQ(template_error("x { } y"),
            "report.yaml:3:7: error: empty placeholder in 'x { } y' (write an expression such as {year}, or '{{}}' for "
            "braces)");
  // An error inside a placeholder: '{' at 8, the end of "sum(x) +" at 8 within it: 5 + 9 + 8.
  EXPECT_EQ(template_error("Totaal: {sum(x) +}"),
            "report.yaml:3:22: error: expected a number, a name, '(' or '-', found the end of the expression in "
            "'sum(x) +'");
}

TEST(Template, PlaceholderOnALaterLine) {
  try {
    ex::parse_template("Eerste regel\nen {1 +* 2}", SourceLocation{"report.yaml", 3, 5});
    FAIL() << "no error";
  } catch (const ex::ExprError& e) {
    EXPECT_EQ(e.diagnostic().location.line, 4);
    EXPECT_EQ(e.diagnostic().location.column, 8);  // "en {1 +" : '*' is the 8th character
  }
}
