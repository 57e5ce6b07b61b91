// Fuzz target: the expression language. The input is compiled as an expression and,
// if it compiles, validated and evaluated (this year and a year back) in a trivial
// environment whose names have made-up values and which knows one aggregate function;
// the same text is also parsed as a report template and rendered.
// Expected failures are povo::Error (ExprError); anything else is a bug.
#include "fuzz_common.hpp"

#include "expr/analysis.hpp"
#include "expr/expression.hpp"
#include "expr/template.hpp"

#include <povo/diagnostics.hpp>
#include <povo/value.hpp>

#include <map>
#include <string>
#include <vector>

namespace ex = povo::expr;

namespace {

class Env : public ex::Environment {
 public:
  povo::Value variable(std::string_view name, std::size_t input, int years_back) const override {
    switch ((name.size() + input + static_cast<std::size_t>(years_back)) % 5) {
      case 0: return povo::Value::missing(povo::Reason::not_reported);
      case 1: return povo::Value::suppressed_count();
      case 2: return povo::Value::range(3, 12);
      case 3: return povo::Value::of(0);
      default: return povo::Value::of(static_cast<double>(name.size()) * 1.5 - 3);
    }
  }
  std::optional<povo::Value> call(std::string_view fn, std::span<const ex::Argument> args,
                                  int years_back) const override {
    if (fn != "share" && fn != "count") return std::nullopt;
    if (args.empty()) return povo::Value::of(0);
    double sum = 0;
    for (const auto& a : args) {
      (void)a.text();
      (void)a.name();
      (void)a.location();
      const povo::Value v = a.evaluate(*this, years_back);
      if (v.is_number()) sum += v.number();
    }
    return povo::Value::of(sum);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = povo_fuzz::as_view(data, size);
  const povo::SourceLocation origin{"fuzz.yaml", 3, 7};
  const Env env;
  try {
    const ex::Expression e = ex::compile(text, origin);
    (void)e.inputs();
    (void)ex::validate(e, {"a", "b", "x", "leerlingen", "year"}, {"share", "count"});
    (void)e.evaluate(env);
    (void)e.evaluate(env, 2);
    // As the definition of indicators 'a' and 'x': a self-reference is a cycle.
    const std::map<std::string, ex::Expression> indicators{{"a", e}, {"x", e}};
    if (auto cycle = ex::find_cycle(indicators)) (void)cycle->str();
  } catch (const ex::ExprError& err) {
    (void)err.excerpt();
    (void)err.diagnostic().str();
  } catch (const povo::Error& err) {
    (void)err.diagnostic().str();
  }
  try {
    const std::vector<ex::TemplatePart> parts = ex::parse_template(text, origin);
    (void)ex::render(parts, env, [](const povo::Value& v, const ex::Expression&) {
      return v.is_number() ? std::to_string(v.number()) : std::string("-");
    });
  } catch (const ex::ExprError& err) {
    (void)err.excerpt();
  } catch (const povo::Error& err) {
    (void)err.diagnostic().str();
  }
  return 0;
}
