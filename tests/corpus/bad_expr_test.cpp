// Bad expressions through the expression compiler (compile, parse_template,
// evaluation_order): a located error within bounded time.
#include "corpus_support.hpp"

#include "expr/analysis.hpp"
#include "expr/expression.hpp"
#include "expr/template.hpp"

#include <gtest/gtest.h>

#include <map>

using corpus::Bounded;
namespace ex = povo::expr;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const povo::Error& e) {
    return e.diagnostic().str();
  }
  return "<no error>";
}

const povo::SourceLocation at{"indicators.yaml", 4, 17};

}  // namespace

TEST(CorpusExpr, SelfReferencingExpression) {
  Bounded bound;
  std::map<std::string, ex::Expression> indicators{{"reserves", ex::compile("reserves / leerlingen", at)}};
  EXPECT_EQ(error_of([&] { ex::evaluation_order(indicators); }),
            "indicators.yaml:4:17: error: expression indicators depend on each other: reserves → reserves "
            "(an indicator cannot use itself, not even for an earlier year)");
}

TEST(CorpusExpr, SelfReferenceThroughPrevIsACycleToo) {
  Bounded bound;
  std::map<std::string, ex::Expression> indicators{{"a", ex::compile("b + 1", at)},
                                                   {"b", ex::compile("prev(a) * 2", at)}};
  EXPECT_EQ(error_of([&] { ex::evaluation_order(indicators); }),
            "indicators.yaml:4:17: error: expression indicators depend on each other: a → b → a "
            "(an indicator cannot use itself, not even for an earlier year)");
}

TEST(CorpusExpr, DeepNestingIsRefused) {
  Bounded bound;
  const std::string deep = std::string(100000, '(') + "1" + std::string(100000, ')');
  EXPECT_NE(error_of([&] { ex::compile(deep, at); }).find("indicators.yaml:4:"), std::string::npos);
  std::string sum = "a";
  for (int i = 0; i < 200000; ++i) sum += " + a";
  EXPECT_NE(error_of([&] { ex::compile(sum, at); }).find("indicators.yaml:4:"), std::string::npos);
}

TEST(CorpusExpr, EnormousAndNonFiniteNumbers) {
  Bounded bound;
  EXPECT_NE(error_of([&] { ex::compile("1e400", at); }).find("indicators.yaml:4:17: error:"), std::string::npos);
  EXPECT_EQ(error_of([&] { ex::compile("NaN + inf", at); }),
            "indicators.yaml:4:17: error: names are lowercase: 'NaN' in 'NaN + inf' (write 'nan')");
  EXPECT_EQ(error_of([&] { ex::compile("inf", at); }), "<no error>");  // a name: validate() reports it if unknown
}

TEST(CorpusExpr, UnclosedPlaceholderInABigTemplate) {
  Bounded bound;
  std::string text(3 * 1024 * 1024, 'x');
  text += "{count(boards)";
  EXPECT_NE(error_of([&] { ex::parse_template(text, at); }).find("error:"), std::string::npos);
}
