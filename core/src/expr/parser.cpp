// Tokenizer and Pratt parser for the expression language.
#include "expr/detail.hpp"

#include <povo/config_node.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>
#include <unordered_map>

namespace povo::expr {

const char* op_text(Op op) noexcept {
  switch (op) {
    case Op::none: return "";
    case Op::neg: return "-";
    case Op::not_: return "not";
    case Op::add: return "+";
    case Op::sub: return "-";
    case Op::mul: return "*";
    case Op::div: return "/";
    case Op::lt: return "<";
    case Op::le: return "<=";
    case Op::gt: return ">";
    case Op::ge: return ">=";
    case Op::eq: return "==";
    case Op::ne: return "!=";
    case Op::and_: return "and";
    case Op::or_: return "or";
  }
  return "";
}

const char* builtin_name(Builtin b) noexcept {
  switch (b) {
    case Builtin::external: return "";
    case Builtin::min: return "min";
    case Builtin::max: return "max";
    case Builtin::abs: return "abs";
    case Builtin::prev: return "prev";
    case Builtin::lag: return "lag";
    case Builtin::sum_years: return "sum_years";
    case Builtin::avg_years: return "avg_years";
    case Builtin::if_: return "if";
  }
  return "";
}

const std::vector<std::string>& builtin_functions() {
  static const std::vector<std::string> names = {"abs", "avg_years", "if", "lag", "max",
                                                 "min", "prev", "sum_years"};
  return names;
}

namespace {
Builtin find_builtin(std::string_view name) {
  for (auto b : {Builtin::min, Builtin::max, Builtin::abs, Builtin::prev, Builtin::lag, Builtin::sum_years,
                 Builtin::avg_years, Builtin::if_}) {
    if (name == builtin_name(b)) return b;
  }
  return Builtin::external;
}
}  // namespace

// ---- errors and locations -------------------------------------------------------------

SourceLocation locate(const SourceLocation& origin, std::string_view text, std::size_t offset) {
  SourceLocation loc = origin;
  offset = std::min(offset, text.size());
  std::string_view before = text.substr(0, offset);
  auto newlines = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  if (newlines == 0) {
    if (origin.column > 0) loc.column = origin.column + static_cast<int>(offset);
  } else {
    if (origin.line > 0) loc.line = origin.line + newlines;
    loc.column = static_cast<int>(offset - before.rfind('\n'));
  }
  return loc;
}

SourceLocation TextOrigin::at(std::string_view text, std::size_t offset) const {
  return exact ? exact(offset) : locate(start, text, offset);
}

TextOrigin TextOrigin::from(std::string_view text, std::size_t offset) const {
  if (!exact) return TextOrigin(locate(start, text, offset));
  auto map = exact;
  return TextOrigin(map(offset), [map, offset](std::size_t o) { return map(offset + o); });
}

ExprError::ExprError(Diagnostic d, std::string text, std::size_t offset, std::size_t length)
    : Error(std::move(d)), text_(std::move(text)), offset_(offset), length_(length) {}

std::string ExprError::excerpt() const {
  std::size_t off = std::min(offset_, text_.size());
  std::size_t begin = 0;
  if (off > 0) {
    std::size_t nl = text_.rfind('\n', off - 1);
    if (nl != std::string::npos) begin = nl + 1;
  }
  std::size_t end = text_.find('\n', off);
  if (end == std::string::npos) end = text_.size();
  std::string line = text_.substr(begin, end - begin);
  std::string caret(off - begin, ' ');
  for (std::size_t i = 0; i < caret.size(); ++i) {
    if (line[i] == '\t') caret[i] = '\t';
  }
  caret += '^';
  std::size_t len = std::min(length_, end > off ? end - off : 0);
  if (len > 1) caret += std::string(len - 1, '~');
  return line + "\n" + caret;
}

namespace detail {

std::string quote(std::string_view text, std::size_t offset) {
  constexpr std::size_t max_len = 60;
  std::string s;
  if (text.size() <= max_len) {
    s = std::string(text);
  } else {
    std::size_t begin = offset > 25 ? offset - 25 : 0;
    if (begin + max_len > text.size()) begin = text.size() - max_len;
    if (begin > 0) s = "...";
    s += text.substr(begin, max_len);
    if (begin + max_len < text.size()) s += "...";
  }
  std::replace(s.begin(), s.end(), '\n', ' ');
  return "'" + s + "'";
}

ExprError make_error(std::string_view text, const TextOrigin& origin, std::size_t offset, std::size_t length,
                     const std::string& message, const std::string& hint) {
  Diagnostic d;
  d.severity = Severity::error;
  // The text is quoted unless the message already quotes all of it ("unknown name 'jaar' in 'jaar'").
  const bool quoted = !text.empty() && message.find("'" + std::string(text) + "'") != std::string::npos;
  d.message = quoted ? message : message + " in " + quote(text, offset);
  d.location = origin.at(text, offset);
  d.hint = hint;
  return ExprError(std::move(d), std::string(text), offset, length);
}

std::string function_hint(std::string_view word, const std::vector<std::string>& candidates) {
  if (auto near = closest_match(word, candidates)) return "did you mean '" + *near + "'?";
  // Words people reach for, mapped to the built-in that does it.
  static const std::vector<std::pair<std::string, std::string>> synonyms = {
      {"average", "avg_years"}, {"avg", "avg_years"},     {"mean_years", "avg_years"},
      {"total", "sum_years"},   {"sum_year", "sum_years"}, {"previous", "prev"},
      {"vorig", "prev"},        {"vorige", "prev"},        {"minimum", "min"},
      {"maximum", "max"},       {"absolute", "abs"},       {"als", "if"},
      {"iif", "if"},            {"ifelse", "if"},          {"lagged", "lag"}};
  std::vector<std::string> keys;
  for (const auto& [k, v] : synonyms) keys.push_back(k);
  if (auto near = closest_match(word, keys)) {
    for (const auto& [k, v] : synonyms) {
      if (k == *near && std::find(candidates.begin(), candidates.end(), v) != candidates.end()) {
        return "did you mean '" + v + "'?";
      }
    }
  }
  return {};
}

}  // namespace detail

// ---- tokenizer --------------------------------------------------------------------------

namespace {

enum class Tok : std::uint8_t {
  end, number, name, lparen, rparen, comma, lbracket, rbracket,
  plus, minus, star, slash, lt, le, gt, ge, eq, ne, and_, or_, not_
};

struct Token {
  Tok kind = Tok::end;
  std::size_t offset = 0;
  std::size_t length = 0;
  double value = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

class Parser {
 public:
  Parser(std::string_view text, const TextOrigin& origin) : text_(text), origin_(origin) {}

  Node parse() {
    tokenize();
    Node root = expression(0);
    if (peek().kind != Tok::end) unexpected(peek(), "an operator or the end of the expression");
    return root;
  }

 private:
  [[noreturn]] void fail(std::size_t offset, std::size_t length, const std::string& message,
                         const std::string& hint = {}) const {
    throw detail::make_error(text_, origin_, offset, length, message, hint);
  }

  std::string_view spelling(const Token& t) const { return text_.substr(t.offset, t.length); }

  [[noreturn]] void unexpected(const Token& t, const std::string& expected) const {
    if (t.kind == Tok::end) fail(t.offset, 1, "expected " + expected + ", found the end of the expression");
    fail(t.offset, t.length, "expected " + expected + ", found '" + std::string(spelling(t)) + "'");
  }

  void tokenize() {
    std::size_t i = 0;
    const std::size_t n = text_.size();
    while (i < n) {
      char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i;
        continue;
      }
      Token t;
      t.offset = i;
      if (is_digit(c)) {
        std::size_t j = i;
        while (j < n && is_digit(text_[j])) ++j;
        if (j < n && text_[j] == '.') {
          ++j;
          if (j >= n || !is_digit(text_[j])) fail(i, j - i, "expected a digit after the decimal point");
          while (j < n && is_digit(text_[j])) ++j;
        }
        if (j < n && (text_[j] == 'e' || text_[j] == 'E')) {
          std::size_t k = j + 1;
          if (k < n && (text_[k] == '+' || text_[k] == '-')) ++k;
          if (k >= n || !is_digit(text_[k])) fail(i, k - i, "expected digits in the exponent of a number");
          while (k < n && is_digit(text_[k])) ++k;
          j = k;
        }
        if (j < n && (is_name_char(text_[j]) || text_[j] == '.')) {
          std::size_t k = j;
          while (k < n && (is_name_char(text_[k]) || text_[k] == '.')) ++k;
          fail(i, k - i, "malformed number '" + std::string(text_.substr(i, k - i)) + "'",
               is_name_char(text_[j]) ? "names start with a letter or '_'" : "");
        }
        t.kind = Tok::number;
        t.length = j - i;
        auto [ptr, ec] = std::from_chars(text_.data() + i, text_.data() + j, t.value);
        if (ec != std::errc() || ptr != text_.data() + j || !std::isfinite(t.value)) {
          fail(i, j - i, "number '" + std::string(text_.substr(i, j - i)) + "' is out of range");
        }
        tokens_.push_back(t);
        i = j;
        continue;
      }
      if (is_name_start(c)) {
        std::size_t j = i;
        bool upper = false;
        while (j < n && is_name_char(text_[j])) {
          if (text_[j] >= 'A' && text_[j] <= 'Z') upper = true;
          ++j;
        }
        std::string_view word = text_.substr(i, j - i);
        if (upper) {
          std::string lower(word);
          for (char& ch : lower) {
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
          }
          fail(i, j - i, "names are lowercase: '" + std::string(word) + "'", "write '" + lower + "'");
        }
        t.length = j - i;
        t.kind = word == "and" ? Tok::and_ : word == "or" ? Tok::or_ : word == "not" ? Tok::not_ : Tok::name;
        tokens_.push_back(t);
        i = j;
        continue;
      }
      char next = i + 1 < n ? text_[i + 1] : '\0';
      t.length = 1;
      switch (c) {
        case '(': t.kind = Tok::lparen; break;
        case ')': t.kind = Tok::rparen; break;
        case ',': t.kind = Tok::comma; break;
        case '[': t.kind = Tok::lbracket; break;
        case ']': t.kind = Tok::rbracket; break;
        case '+': t.kind = Tok::plus; break;
        case '-': t.kind = Tok::minus; break;
        case '*': t.kind = Tok::star; break;
        case '/': t.kind = Tok::slash; break;
        case '<':
          t.kind = next == '=' ? Tok::le : Tok::lt;
          if (next == '>') fail(i, 2, "unknown operator '<>'", "write '!=' for 'not equal'");
          break;
        case '>': t.kind = next == '=' ? Tok::ge : Tok::gt; break;
        case '=':
          if (next != '=') fail(i, 1, "unexpected '='", "write '==' to compare");
          t.kind = Tok::eq;
          break;
        case '!':
          if (next != '=') fail(i, 1, "unexpected '!'", "write 'not' for negation");
          t.kind = Tok::ne;
          break;
        case '&':
          fail(i, next == '&' ? 2 : 1, "unexpected '" + std::string(next == '&' ? "&&" : "&") + "'", "write 'and'");
        case '|':
          fail(i, next == '|' ? 2 : 1, "unexpected '" + std::string(next == '|' ? "||" : "|") + "'", "write 'or'");
        case '^':
          fail(i, 1, "unexpected '^'", "there is no power operator; write x * x");
        case '.':
          fail(i, 1, "unexpected '.'", "write numbers with a leading digit, e.g. 0.5");
        default: {
          // Show a whole UTF-8 sequence, not half of it.
          std::size_t len = 1;
          auto u = static_cast<unsigned char>(c);
          if (u >= 0xC0) len = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
          len = std::min(len, n - i);
          fail(i, len, "unexpected character '" + std::string(text_.substr(i, len)) + "'");
        }
      }
      if (t.kind == Tok::le || t.kind == Tok::ge || t.kind == Tok::eq || t.kind == Tok::ne) t.length = 2;
      tokens_.push_back(t);
      i += t.length;
    }
    Token end;
    end.kind = Tok::end;
    end.offset = n;
    tokens_.push_back(end);
  }

  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& advance() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  const Token& expect(Tok kind, const char* what) {
    if (peek().kind != kind) unexpected(peek(), what);
    return advance();
  }

  void set_height(Node& node) {
    std::uint32_t h = 0;
    for (const auto& a : node.args) h = std::max(h, a.height);
    node.height = h + 1;
    if (node.height > max_height) {
      fail(node.op_offset, 1, "expression is too deep (more than " + std::to_string(max_height) + " levels)",
           "split it into several indicators");
    }
  }

  static void span_to(Node& node, std::size_t end) { node.length = end - node.offset; }

  struct Infix {
    Op op;
    int left;   // binding power: higher binds tighter
  };
  static std::optional<Infix> infix(Tok t) {
    switch (t) {
      case Tok::or_: return Infix{Op::or_, 1};
      case Tok::and_: return Infix{Op::and_, 2};
      case Tok::lt: return Infix{Op::lt, 4};
      case Tok::le: return Infix{Op::le, 4};
      case Tok::gt: return Infix{Op::gt, 4};
      case Tok::ge: return Infix{Op::ge, 4};
      case Tok::eq: return Infix{Op::eq, 4};
      case Tok::ne: return Infix{Op::ne, 4};
      case Tok::plus: return Infix{Op::add, 5};
      case Tok::minus: return Infix{Op::sub, 5};
      case Tok::star: return Infix{Op::mul, 6};
      case Tok::slash: return Infix{Op::div, 6};
      default: return std::nullopt;
    }
  }
  static bool is_comparison(Op op) { return op >= Op::lt && op <= Op::ne; }

  // Parses operators that bind at least as tightly as `min_power`.
  Node expression(int min_power) {
    if (++depth_ > max_nesting) {
      fail(peek().offset, peek().length, "expression is nested too deeply (more than " +
                                             std::to_string(max_nesting) + " levels)");
    }
    Node left = prefix();
    bool left_is_comparison = false;
    for (;;) {
      const Token& t = peek();
      auto in = infix(t.kind);
      if (!in || in->left < min_power) break;
      if (is_comparison(in->op) && left_is_comparison) {
        fail(t.offset, t.length, "comparisons cannot be chained", "write 'a < b and b < c'");
      }
      advance();
      Node right = expression(in->left + 1);  // left-associative
      Node node;
      node.kind = NodeKind::binary;
      node.op = in->op;
      node.offset = left.offset;
      node.op_offset = t.offset;
      span_to(node, right.offset + right.length);
      node.args.reserve(2);
      node.args.push_back(std::move(left));
      node.args.push_back(std::move(right));
      set_height(node);
      left = std::move(node);
      left_is_comparison = is_comparison(in->op);
    }
    --depth_;
    return left;
  }

  Node prefix() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::minus:
      case Tok::not_: {
        advance();
        Node operand = expression(t.kind == Tok::minus ? 7 : 3);
        if (t.kind == Tok::minus && operand.kind == NodeKind::number) {  // fold "-3" into a literal
          std::size_t end = operand.offset + operand.length;
          operand.number = -operand.number;
          operand.offset = operand.op_offset = t.offset;
          span_to(operand, end);
          return operand;
        }
        Node node;
        node.kind = NodeKind::unary;
        node.op = t.kind == Tok::minus ? Op::neg : Op::not_;
        node.offset = t.offset;
        node.op_offset = t.offset;
        span_to(node, operand.offset + operand.length);
        node.args.push_back(std::move(operand));
        set_height(node);
        return node;
      }
      case Tok::number: {
        advance();
        Node node;
        node.kind = NodeKind::number;
        node.number = t.value;
        node.offset = node.op_offset = t.offset;
        node.length = t.length;
        return node;
      }
      case Tok::lparen: {
        advance();
        Node inner = expression(0);
        expect(Tok::rparen, "')'");
        return inner;
      }
      case Tok::name: {
        advance();
        if (peek().kind == Tok::lparen) return call(t);
        Node node;
        node.kind = NodeKind::name;
        node.name = std::string(spelling(t));
        node.offset = node.op_offset = t.offset;
        node.length = t.length;
        if (peek().kind == Tok::lbracket) {
          advance();
          bool minus = false;
          if (peek().kind == Tok::minus) {
            minus = true;
            advance();
          }
          const Token& n = peek();
          if (n.kind != Tok::number || n.value != std::floor(n.value) || (n.value != 0 && !minus) ||
              n.value > max_years_back) {
            fail(n.offset, n.length, "expected a year offset from -" + std::to_string(max_years_back) +
                                         " to 0 after '" + node.name + "['",
                 "write " + node.name + "[-1] for the year before");
          }
          advance();
          node.years_back = static_cast<int>(n.value);
          const Token& close = expect(Tok::rbracket, "']'");
          span_to(node, close.offset + 1);
        }
        return node;
      }
      case Tok::and_:
      case Tok::or_:
        fail(t.offset, t.length, "'" + std::string(spelling(t)) + "' needs a value on its left");
      default:
        unexpected(t, "a number, a name, '(' or '-'");
    }
  }

  Node call(const Token& name) {
    Node node;
    node.kind = NodeKind::call;
    node.name = std::string(spelling(name));
    node.builtin = find_builtin(node.name);
    node.offset = node.op_offset = name.offset;
    advance();  // '('
    if (peek().kind != Tok::rparen) {
      for (;;) {
        node.args.push_back(expression(0));
        if (peek().kind == Tok::comma) {
          advance();
          continue;
        }
        if (peek().kind != Tok::rparen) unexpected(peek(), "',' or ')' in the call of '" + node.name + "'");
        break;
      }
    }
    const Token& close = advance();
    span_to(node, close.offset + 1);
    set_height(node);
    check_builtin(node);
    return node;
  }

  void check_builtin(Node& node) {
    const std::size_t n = node.args.size();
    auto arity = [&](std::size_t want) {
      if (n != want) {
        fail(node.op_offset, node.name.size(),
             "'" + node.name + "' takes " + std::to_string(want) + (want == 1 ? " argument" : " arguments") +
                 ", not " + std::to_string(n));
      }
    };
    auto years = [&](int lowest) {
      const Node& a = node.args[1];
      if (a.kind != NodeKind::number || a.number != std::floor(a.number) || a.number < lowest ||
          a.number > max_years_back) {
        fail(a.offset, a.length, "the number of years in '" + node.name + "' must be a whole number from " +
                                     std::to_string(lowest) + " to " + std::to_string(max_years_back));
      }
      node.years_back = static_cast<int>(a.number);
    };
    switch (node.builtin) {
      case Builtin::external: break;
      case Builtin::min:
      case Builtin::max:
        if (n == 0) fail(node.op_offset, node.name.size(), "'" + node.name + "' needs at least one argument");
        break;
      case Builtin::abs:
      case Builtin::prev: arity(1); break;
      case Builtin::if_: arity(3); break;
      case Builtin::lag: arity(2); years(0); break;
      case Builtin::sum_years:
      case Builtin::avg_years: arity(2); years(1); break;
    }
  }

  std::string_view text_;
  const TextOrigin& origin_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

// Numbers the names (Node::input) and collects inputs with their furthest year.
void collect(Node& node, int years_back, Expression::Impl& impl, std::unordered_map<std::string, std::size_t>& index) {
  switch (node.kind) {
    case NodeKind::number: return;
    case NodeKind::name: {
      auto [it, added] = index.try_emplace(node.name, impl.inputs.size());
      if (added) impl.inputs.push_back(Input{node.name, 0});
      node.input = it->second;
      auto& in = impl.inputs[it->second];
      in.max_years_back = std::max(in.max_years_back, years_back + node.years_back);
      return;
    }
    case NodeKind::call: {
      int inner = years_back;
      switch (node.builtin) {
        case Builtin::prev: inner += 1; break;
        case Builtin::lag: inner += node.years_back; break;
        case Builtin::sum_years:
        case Builtin::avg_years: inner += node.years_back - 1; break;
        case Builtin::external:
          if (std::find(impl.functions.begin(), impl.functions.end(), node.name) == impl.functions.end()) {
            impl.functions.push_back(node.name);
          }
          break;
        default: break;
      }
      for (auto& a : node.args) collect(a, inner, impl, index);
      return;
    }
    case NodeKind::unary:
    case NodeKind::binary:
      for (auto& a : node.args) collect(a, years_back, impl, index);
      return;
  }
}

}  // namespace

Expression compile(std::string_view text, const TextOrigin& origin) {
  auto impl = std::make_shared<Expression::Impl>();
  impl->text = std::string(text);
  impl->origin = origin;
  Parser parser(impl->text, origin);
  impl->root = parser.parse();
  std::unordered_map<std::string, std::size_t> index;
  collect(impl->root, 0, *impl, index);
  return Expression(std::move(impl));
}

const std::string& Expression::text() const noexcept { return impl_->text; }
const SourceLocation& Expression::origin() const noexcept { return impl_->origin.start; }
const TextOrigin& Expression::text_origin() const noexcept { return impl_->origin; }
const Node& Expression::root() const noexcept { return impl_->root; }
const std::vector<Input>& Expression::inputs() const noexcept { return impl_->inputs; }
const std::vector<std::string>& Expression::functions() const noexcept { return impl_->functions; }

SourceLocation Expression::location(std::size_t offset) const { return impl_->origin.at(impl_->text, offset); }

ExprError Expression::error(std::size_t offset, std::size_t length, const std::string& message,
                            const std::string& hint) const {
  return detail::make_error(impl_->text, impl_->origin, offset, length, message, hint);
}

}  // namespace povo::expr
