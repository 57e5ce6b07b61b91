// The expression language: values, precedence, propagation of missing/suppressed,
// and located errors.
#include "expr/analysis.hpp"
#include "expr/expression.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

using povo::Reason;
using povo::SourceLocation;
using povo::Value;
namespace ex = povo::expr;

namespace {

// Values by (name, years back); anything else is missing(not_reported).
class TestEnv : public ex::Environment {
 public:
  std::map<std::pair<std::string, int>, Value> values;
  mutable int lookups = 0;
  void set(const std::string& name, int years_back, Value v) { values[{name, years_back}] = v; }
  Value variable(std::string_view name, std::size_t, int years_back) const override {
    ++lookups;
    auto it = values.find({std::string(name), years_back});
    return it == values.end() ? Value::missing() : it->second;
  }
};

TestEnv standard_env() {
  TestEnv env;
  env.set("eigen_vermogen", 0, Value::of(200));
  env.set("eigen_vermogen", 1, Value::of(150));
  env.set("eigen_vermogen", 2, Value::of(100));
  env.set("leerlingen", 0, Value::of(50));
  env.set("s", 0, Value::suppressed_count());
  env.set("r", 0, Value::range(6, 9));
  return env;
}

Value eval(const std::string& text, int years_back = 0) {
  TestEnv env = standard_env();
  return ex::compile(text).evaluate(env, years_back);
}

double number(const std::string& text, int years_back = 0) {
  Value v = eval(text, years_back);
  EXPECT_TRUE(v.is_number()) << text << " gave " << v.str();
  return v.number();
}

void expect_missing(const std::string& text, Reason r) {
  Value v = eval(text);
  EXPECT_TRUE(v.is_missing()) << text << " gave " << v.str();
  EXPECT_EQ(v.reason(), r) << text << " gave " << v.str();
}

const SourceLocation origin{"sector.yaml", 14, 12};

// The message of the error compile() throws, as a person sees it.
std::string compile_error(const std::string& text, SourceLocation where = origin) {
  try {
    ex::compile(text, where);
  } catch (const ex::ExprError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(ExprValues, Arithmetic) {
  EXPECT_DOUBLE_EQ(number("1 + 2 * 3"), 7);
  EXPECT_DOUBLE_EQ(number("(1 + 2) * 3"), 9);
  EXPECT_DOUBLE_EQ(number("10 - 4 - 3"), 3);  // left-associative
  EXPECT_DOUBLE_EQ(number("8 / 4 / 2"), 1);
  EXPECT_DOUBLE_EQ(number("-2 * 3"), -6);
  EXPECT_DOUBLE_EQ(number("2 * -3"), -6);
  EXPECT_DOUBLE_EQ(number("- (1 + 2)"), -3);
  EXPECT_DOUBLE_EQ(number("--4"), 4);
  EXPECT_DOUBLE_EQ(number("1.5e2 + 0.25"), 150.25);
  EXPECT_DOUBLE_EQ(number("2E-1"), 0.2);
  EXPECT_DOUBLE_EQ(number("7 - 2 * 3 / 4"), 5.5);
}

TEST(ExprValues, ComparisonsAndLogic) {
  EXPECT_EQ(number("2 + 3 < 6"), 1);
  EXPECT_EQ(number("3 <= 2"), 0);
  EXPECT_EQ(number("3 >= 3"), 1);
  EXPECT_EQ(number("3 > 3"), 0);
  EXPECT_EQ(number("1 == 1"), 1);
  EXPECT_EQ(number("1 != 1"), 0);
  EXPECT_EQ(number("1 < 2 and 2 < 1 or 1"), 1);  // (1<2 and 2<1) or 1
  EXPECT_EQ(number("1 or 0 and 0"), 1);          // and binds tighter than or
  EXPECT_EQ(number("not 1 < 0"), 1);             // not (1 < 0)
  EXPECT_EQ(number("not 0 and 0"), 0);           // (not 0) and 0
  EXPECT_EQ(number("(-1 < 0) == 1"), 1);
}

TEST(ExprValues, VariablesAndYears) {
  EXPECT_DOUBLE_EQ(number("eigen_vermogen / leerlingen"), 4);
  EXPECT_DOUBLE_EQ(number("prev(eigen_vermogen)"), 150);
  EXPECT_DOUBLE_EQ(number("eigen_vermogen[-1]"), 150);
  EXPECT_DOUBLE_EQ(number("eigen_vermogen[0]"), 200);
  EXPECT_DOUBLE_EQ(number("lag(eigen_vermogen, 2)"), 100);
  EXPECT_DOUBLE_EQ(number("lag(eigen_vermogen, 0)"), 200);
  EXPECT_DOUBLE_EQ(number("prev(prev(eigen_vermogen))"), 100);
  EXPECT_DOUBLE_EQ(number("eigen_vermogen - prev(eigen_vermogen)"), 50);
  EXPECT_DOUBLE_EQ(number("sum_years(eigen_vermogen, 3)"), 450);
  EXPECT_DOUBLE_EQ(number("avg_years(eigen_vermogen, 3)"), 150);
  EXPECT_DOUBLE_EQ(number("avg_years(eigen_vermogen, 1)"), 200);
  EXPECT_DOUBLE_EQ(number("prev(sum_years(eigen_vermogen, 2))"), 250);
  EXPECT_DOUBLE_EQ(number("eigen_vermogen", 1), 150);  // evaluated for the year before
  EXPECT_DOUBLE_EQ(number("prev(eigen_vermogen)", 1), 100);
}

TEST(ExprValues, BuiltinFunctions) {
  EXPECT_DOUBLE_EQ(number("min(3, 1, 2)"), 1);
  EXPECT_DOUBLE_EQ(number("min(-3)"), -3);
  EXPECT_DOUBLE_EQ(number("max(eigen_vermogen, 1000)"), 1000);
  EXPECT_DOUBLE_EQ(number("abs(-4)"), 4);
  EXPECT_DOUBLE_EQ(number("abs(leerlingen - eigen_vermogen)"), 150);
  EXPECT_DOUBLE_EQ(number("if(leerlingen > 10, 1, 2)"), 1);
  EXPECT_DOUBLE_EQ(number("if(leerlingen > 100, 1, 2)"), 2);
}

TEST(ExprValues, MissingPropagates) {
  expect_missing("onbekend", Reason::not_reported);  // the environment's own reason
  expect_missing("onbekend + 1", Reason::missing_input);
  expect_missing("1 - onbekend", Reason::missing_input);
  expect_missing("prev(leerlingen)", Reason::not_reported);
  expect_missing("sum_years(leerlingen, 2)", Reason::missing_input);
  expect_missing("min(1, onbekend)", Reason::missing_input);
  expect_missing("abs(onbekend)", Reason::missing_input);
  expect_missing("-onbekend", Reason::missing_input);
  expect_missing("onbekend < 1", Reason::missing_input);
  expect_missing("1 / 0", Reason::zero_denominator);
  expect_missing("eigen_vermogen / (leerlingen - 50)", Reason::zero_denominator);
  expect_missing("1e308 * 10", Reason::invalid);
}

TEST(ExprValues, SuppressedPropagates) {
  Value sum = eval("s + 1");  // "<5" + 1 is a range
  ASSERT_TRUE(sum.is_range()) << sum.str();
  EXPECT_EQ(sum.low(), 2);
  EXPECT_EQ(sum.high(), 5);
  expect_missing("s * 2", Reason::suppressed_input);
  expect_missing("s / leerlingen", Reason::suppressed_input);
  expect_missing("r - 1", Reason::suppressed_input);
  expect_missing("min(s, 1)", Reason::suppressed_input);
  expect_missing("-s", Reason::suppressed_input);
  expect_missing("avg_years(s, 1)", Reason::suppressed_input);
  // Comparisons decided by the bounds of "<5" (1..4) and [6;9].
  EXPECT_EQ(number("s < 10"), 1);
  EXPECT_EQ(number("s > 10"), 0);
  EXPECT_EQ(number("s == 0"), 0);
  EXPECT_EQ(number("s != 0"), 1);
  EXPECT_EQ(number("s < r"), 1);
  EXPECT_EQ(number("r >= 6"), 1);
  expect_missing("s < 3", Reason::suppressed_input);
  expect_missing("r == 7", Reason::suppressed_input);
}

TEST(ExprValues, ThreeValuedLogic) {
  EXPECT_EQ(number("0 and onbekend"), 0);
  EXPECT_EQ(number("onbekend and 0"), 0);
  EXPECT_EQ(number("1 or onbekend"), 1);
  EXPECT_EQ(number("onbekend or 1"), 1);
  expect_missing("1 and onbekend", Reason::missing_input);
  expect_missing("onbekend or 0", Reason::missing_input);
  expect_missing("not onbekend", Reason::missing_input);
  EXPECT_EQ(number("not s"), 0);  // a count of 1..4 is true
  EXPECT_EQ(number("s and 1"), 1);
  expect_missing("if(onbekend, 1, 2)", Reason::missing_input);
  EXPECT_EQ(number("if(0, onbekend, 2)"), 2);  // the other branch is not evaluated
}

TEST(ExprValues, ShortCircuitSkipsEvaluation) {
  TestEnv env = standard_env();
  ex::compile("0 and eigen_vermogen").evaluate(env);
  ex::compile("if(1, 2, leerlingen)").evaluate(env);
  EXPECT_EQ(env.lookups, 0);
}

TEST(ExprInputs, NamesAndYearsBack) {
  auto e = ex::compile("eigen_vermogen / prev(leerlingen) + sum_years(x, 3) + lag(prev(y), 2) + z[-4] + eigen_vermogen");
  const auto& in = e.inputs();
  ASSERT_EQ(in.size(), 5u);
  EXPECT_EQ(in[0].name, "eigen_vermogen");
  EXPECT_EQ(in[0].max_years_back, 0);
  EXPECT_EQ(in[1].name, "leerlingen");
  EXPECT_EQ(in[1].max_years_back, 1);
  EXPECT_EQ(in[2].name, "x");
  EXPECT_EQ(in[2].max_years_back, 2);
  EXPECT_EQ(in[3].name, "y");
  EXPECT_EQ(in[3].max_years_back, 3);
  EXPECT_EQ(in[4].name, "z");
  EXPECT_EQ(in[4].max_years_back, 4);
  EXPECT_TRUE(e.functions().empty());
  auto agg = ex::compile("share(boards, prev(x) < 0.3) + count(boards) + share(boards, 1)");
  EXPECT_EQ(agg.functions(), (std::vector<std::string>{"share", "count"}));
  ASSERT_EQ(agg.inputs().size(), 2u);
  EXPECT_EQ(agg.inputs()[1].name, "x");
  EXPECT_EQ(agg.inputs()[1].max_years_back, 1);
}

TEST(ExprInputs, IndexPassedToEnvironment) {
  struct ByIndex : ex::Environment {
    Value variable(std::string_view, std::size_t input, int years_back) const override {
      return Value::of(static_cast<double>(input * 10 + static_cast<std::size_t>(years_back)));
    }
  } env;
  // a -> input 0, b -> input 1
  EXPECT_EQ(ex::compile("a + b * 100 + prev(b)").evaluate(env).number(), 0 + 10 * 100 + 11);
}

TEST(ExprErrors, SyntaxWithExactMessagesAndColumns) {
  EXPECT_EQ(compile_error("1 + * 2"),
            "sector.yaml:14:16: error: expected a number, a name, '(' or '-', found '*' in '1 + * 2'");
  EXPECT_EQ(compile_error("(1 + 2"),
            "sector.yaml:14:18: error: expected ')', found the end of the expression in '(1 + 2'");
  EXPECT_EQ(compile_error("1e309"), "sector.yaml:14:12: error: number '1e309' is out of range");
  EXPECT_EQ(compile_error("x * 1e-400"), "sector.yaml:14:16: error: number '1e-400' is out of range in 'x * 1e-400'");
  EXPECT_EQ(compile_error("a = 1"), "sector.yaml:14:14: error: unexpected '=' in 'a = 1' (write '==' to compare)");
  EXPECT_EQ(compile_error("a < b < c"),
            "sector.yaml:14:18: error: comparisons cannot be chained in 'a < b < c' (write 'a < b and b < c')");
  EXPECT_EQ(compile_error("a && b"), "sector.yaml:14:14: error: unexpected '&&' in 'a && b' (write 'and')");
  EXPECT_EQ(compile_error("Eigen_vermogen"),
            "sector.yaml:14:12: error: names are lowercase: 'Eigen_vermogen' (write 'eigen_vermogen')");
  EXPECT_EQ(compile_error("2x"),
            "sector.yaml:14:12: error: malformed number '2x' (names start with a letter or '_')");
  EXPECT_EQ(compile_error("1."), "sector.yaml:14:12: error: expected a digit after the decimal point in '1.'");
  EXPECT_EQ(compile_error(""), "sector.yaml:14:12: error: expected a number, a name, '(' or '-', found the end of the expression in ''");
  EXPECT_EQ(compile_error("x €"), "sector.yaml:14:14: error: unexpected character '\xE2\x82\xAC' in 'x \xE2\x82\xAC'");
  EXPECT_EQ(compile_error("min(a, )"),
            "sector.yaml:14:19: error: expected a number, a name, '(' or '-', found ')' in 'min(a, )'");
  EXPECT_EQ(compile_error("f(a b)"), "sector.yaml:14:16: error: expected ',' or ')' in the call of 'f', found 'b' in 'f(a b)'");
  EXPECT_EQ(compile_error("a b"), "sector.yaml:14:14: error: expected an operator or the end of the expression, found 'b' in 'a b'");
  EXPECT_EQ(compile_error("and b"), "sector.yaml:14:12: error: 'and' needs a value on its left in 'and b'");
}

TEST(ExprErrors, BuiltinArgumentsAndYears) {
  EXPECT_EQ(compile_error("lag(x)"), "sector.yaml:14:12: error: 'lag' takes 2 arguments, not 1 in 'lag(x)'");
  EXPECT_EQ(compile_error("1 + prev(x, 2)"), "sector.yaml:14:16: error: 'prev' takes 1 argument, not 2 in '1 + prev(x, 2)'");
  EXPECT_EQ(compile_error("max()"), "sector.yaml:14:12: error: 'max' needs at least one argument in 'max()'");
  EXPECT_EQ(compile_error("sum_years(x, 0)"),
            "sector.yaml:14:25: error: the number of years in 'sum_years' must be a whole number from 1 to 50 in "
            "'sum_years(x, 0)'");
  EXPECT_EQ(compile_error("avg_years(x, n)"),
            "sector.yaml:14:25: error: the number of years in 'avg_years' must be a whole number from 1 to 50 in "
            "'avg_years(x, n)'");
  EXPECT_EQ(compile_error("lag(x, 1.5)"),
            "sector.yaml:14:19: error: the number of years in 'lag' must be a whole number from 0 to 50 in 'lag(x, 1.5)'");
  EXPECT_EQ(compile_error("x[1]"),
            "sector.yaml:14:14: error: expected a year offset from -50 to 0 after 'x[' in 'x[1]' (write x[-1] for the year before)");
  EXPECT_EQ(compile_error("x[-1"), "sector.yaml:14:16: error: expected ']', found the end of the expression in 'x[-1'");
}

TEST(ExprErrors, CaretExcerptAndOffsets) {
  try {
    ex::compile("eigen_vermogen / (leerlingen +)", origin);
    FAIL() << "no error";
  } catch (const ex::ExprError& e) {
    EXPECT_EQ(e.offset(), 30u);
    EXPECT_EQ(e.diagnostic().location.line, 14);
    EXPECT_EQ(e.diagnostic().location.column, 42);
    EXPECT_EQ(e.excerpt(), "eigen_vermogen / (leerlingen +)\n                              ^");
  }
}

TEST(ExprErrors, MultiLineTextCountsLines) {
  try {
    ex::compile("a +\n  * b", origin);
    FAIL() << "no error";
  } catch (const ex::ExprError& e) {
    EXPECT_EQ(e.diagnostic().location.line, 15);
    EXPECT_EQ(e.diagnostic().location.column, 3);
    EXPECT_EQ(e.excerpt(), "  * b\n  ^");
  }
}

TEST(ExprErrors, WithoutLocation) {
  try {
    ex::compile("1 +");
    FAIL() << "no error";
  } catch (const povo::Error& e) {
    EXPECT_EQ(std::string(e.what()), "error: expected a number, a name, '(' or '-', found the end of the expression in '1 +'");
  }
}

TEST(ExprErrors, LongTextIsQuotedAroundTheError) {
  std::string text = "aaaaaaaaaa + bbbbbbbbbb + cccccccccc + dddddddddd + eeeeeeeeee + ffffffffff + gggggggggg + ) + h";
  std::string msg = compile_error(text);
  EXPECT_NE(msg.find("found ')' in '..."), std::string::npos) << msg;
  EXPECT_NE(msg.find("gggggggggg + ) + h'"), std::string::npos) << msg;
}

TEST(ExprLimits, DeepNestingIsAnErrorNotACrash) {
  std::string parens(10000, '(');
  EXPECT_EQ(compile_error(parens + "1" + std::string(10000, ')')),
            std::string("sector.yaml:14:112: error: expression is nested too deeply (more than 100 levels) in '...") + std::string(60, '(') + "...'");
  // 99 levels of parentheses (plus the top level) are fine.
  EXPECT_EQ(ex::compile(std::string(99, '(') + "1" + std::string(99, ')')).evaluate(standard_env()).number(), 1);
  EXPECT_THROW(ex::compile(std::string(100, '(') + "1" + std::string(100, ')')), ex::ExprError);
  EXPECT_THROW(ex::compile(std::string(10000, '-') + "1"), ex::ExprError);
  std::string nots;
  for (int i = 0; i < 10000; ++i) nots += "not ";
  EXPECT_THROW(ex::compile(nots + "1"), ex::ExprError);
  std::string calls;
  for (int i = 0; i < 10000; ++i) calls += "abs(";
  EXPECT_THROW(ex::compile(calls + "1" + std::string(10000, ')')), ex::ExprError);
}

TEST(ExprLimits, LongChainsAreCapped) {
  std::string ok = "1";
  for (int i = 0; i < 500; ++i) ok += " + 1";
  EXPECT_EQ(ex::compile(ok).evaluate(standard_env()).number(), 501);
  std::string chain = "1";
  for (int i = 0; i < 100000; ++i) chain += "+1";
  try {
    ex::compile(chain, origin);
    FAIL() << "no error";
  } catch (const ex::ExprError& e) {
    EXPECT_NE(std::string(e.what()).find("expression is too deep (more than 1000 levels)"), std::string::npos);
  }
}

TEST(ExprValidate, UnknownFunctionWithSuggestion) {
  auto e = ex::compile("avrage(x, 3)", origin);
  auto problems = ex::validate(e, {"x"});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].str(),
            "sector.yaml:14:12: error: unknown function 'avrage' in 'avrage(x, 3)' (did you mean 'avg_years'?)");
  try {
    ex::check(e, {"x"});
    FAIL() << "no error";
  } catch (const ex::ExprError& err) {
    EXPECT_EQ(err.offset(), 0u);
    EXPECT_EQ(err.excerpt(), "avrage(x, 3)\n^~~~~~");
  }
}

TEST(ExprValidate, UnknownNamesWithSuggestions) {
  auto e = ex::compile("eigen_vermogen / leerlingn + mediaan(zzz)", origin);
  auto problems = ex::validate(e, {"eigen_vermogen", "leerlingen"}, {"median", "count"});
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].str(),
            "sector.yaml:14:29: error: unknown name 'leerlingn' in 'eigen_vermogen / leerlingn + mediaan(zzz)' (did you "
            "mean 'leerlingen'?)");
  EXPECT_EQ(problems[1].str(),
            "sector.yaml:14:41: error: unknown function 'mediaan' in 'eigen_vermogen / leerlingn + mediaan(zzz)' (did "
            "you mean 'median'?)");
  EXPECT_EQ(problems[2].message, "unknown name 'zzz' in 'eigen_vermogen / leerlingn + mediaan(zzz)'");
  EXPECT_EQ(problems[2].hint, "");
  EXPECT_EQ(problems[2].location.column, 49);
  EXPECT_TRUE(ex::validate(ex::compile("median(eigen_vermogen) + min(1, 2)"), {"eigen_vermogen"}, {"median"}).empty());
}

TEST(ExprValidate, FunctionsAndNamesMixedUp) {
  auto p = ex::validate(ex::compile("count + 1"), {"boards"}, {"count"});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message, "'count' is a function in 'count + 1'");
  EXPECT_EQ(p[0].hint, "call it, e.g. count(...)");
  p = ex::validate(ex::compile("boards(1)"), {"boards"}, {"count"});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message, "'boards' is not a function in 'boards(1)'");
  p = ex::validate(ex::compile("prev + 1"), {"x"});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message, "'prev' is a function in 'prev + 1'");
}

TEST(ExprEvaluate, UnknownExternalFunctionThrowsLocated) {
  auto e = ex::compile("1 + foo(2)", origin);
  try {
    e.evaluate(standard_env());
    FAIL() << "no error";
  } catch (const ex::ExprError& err) {
    EXPECT_EQ(std::string(err.what()), "sector.yaml:14:16: error: unknown function 'foo' in '1 + foo(2)'");
  }
}
