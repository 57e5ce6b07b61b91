#include "expr/template.hpp"

#include "expr/detail.hpp"

namespace povo::expr {

std::vector<TemplatePart> parse_template(std::string_view text, const TextOrigin& origin) {
  std::vector<TemplatePart> parts;
  std::string literal;
  auto fail = [&](std::size_t offset, std::size_t length, const std::string& message, const std::string& hint) {
    throw detail::make_error(text, origin, offset, length, message, hint);
  };
  auto flush = [&] {
    if (!literal.empty()) parts.push_back(TemplatePart{std::move(literal), std::nullopt});
    literal.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal += '}';
        i += 2;
        continue;
      }
      fail(i, 1, "unmatched '}'", "write '}}' for a literal brace");
    }
    if (c != '{') {
      literal += c;
      ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      i += 2;
      continue;
    }
    std::size_t close = text.find_first_of("{}", i + 1);
    if (close == std::string_view::npos || text[close] == '{') {
      fail(i, 1, "unclosed '{'", "close the placeholder with '}', or write '{{' for a literal brace");
    }
    std::string_view inner = text.substr(i + 1, close - i - 1);
    if (inner.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      fail(i, close - i + 1, "empty placeholder", "write an expression such as {year}, or '{{}}' for braces");
    }
    flush();
    parts.push_back(TemplatePart{{}, compile(inner, origin.from(text, i + 1))});
    i = close + 1;
  }
  flush();
  return parts;
}

std::string render(std::span<const TemplatePart> parts, const Environment& env,
                   const std::function<std::string(const Value&, const Expression&)>& format) {
  std::string out;
  for (const auto& p : parts) {
    if (p.expression) {
      out += format(p.expression->evaluate(env), *p.expression);
    } else {
      out += p.literal;
    }
  }
  return out;
}

}  // namespace povo::expr
