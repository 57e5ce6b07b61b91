#include "config/scalar_trace.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace povo::config {

SourceText::SourceText(std::string_view text) : text_(text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
      static_cast<unsigned char>(text[2]) == 0xBF) {
    bom_ = 3;  // yaml-cpp does not count a UTF-8 byte order mark in columns
  }
  line_starts_.push_back(0);
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
    line_starts_.push_back(nl + 1);
  }
}

std::size_t SourceText::position(int line, int column) const {
  if (line < 0 || column < 0 || static_cast<std::size_t>(line) >= line_starts_.size()) return std::string_view::npos;
  const std::size_t pos = line_starts_[static_cast<std::size_t>(line)] + static_cast<std::size_t>(column) +
                          (line == 0 ? static_cast<std::size_t>(bom_) : 0);
  return pos <= text_.size() ? pos : std::string_view::npos;
}

std::size_t SourceText::line_start_of(std::size_t pos) const {
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  return *(after - 1);
}

void SourceText::line_column(std::size_t pos, int& line, int& column, std::size_t& hint) const {
  std::size_t index = hint;
  if (index >= line_starts_.size() || line_starts_[index] > pos ||
      (index + 1 < line_starts_.size() && line_starts_[index + 1] <= pos)) {
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
    index = static_cast<std::size_t>(after - line_starts_.begin()) - 1;
    hint = index;
  }
  line = static_cast<int>(index) + 1;
  column = static_cast<int>(pos - line_starts_[index]) + 1 - (index == 0 ? bom_ : 0);
}

namespace {

constexpr int eof = -1;
constexpr std::size_t none = std::string::npos;

// Re-reads one scalar the way yaml-cpp's scanner does (plain, single- and double-quoted
// with line folding; literal and folded block scalars with chomping and indentation
// indicators), recording for each byte of the value the position in the text it stands
// for. Any input yaml-cpp would reject, or anything unexpected, is a failure: the caller
// then keeps only the node's start.
class Tracer {
 public:
  Tracer(const SourceText& source, std::size_t start, ScalarContext context, std::string_view expected,
         std::vector<std::uint32_t>& src, std::string& out)
      : t_(source.text()),
        bom_(source.bom()),
        p_(start),
        line_start_(source.line_start_of(start)),
        flow_(context.flow),
        parent_indent_(context.parent_indent),
        expected_(expected),
        src_(src),
        out_(out) {
    src_.clear();
    out_.clear();
  }

  bool run() {
    if (!skip_properties()) return false;
    bool ok = false;
    const int c = peek();
    if (c == '"') {
      ok = flow_scalar(Kind::double_quoted);
    } else if (c == '\'') {
      ok = flow_scalar(Kind::single_quoted);
    } else if ((c == '|' || c == '>') && !flow_) {
      ok = block_scalar();
    } else {
      ok = flow_scalar(Kind::plain);
    }
    return ok && out_ == expected_;
  }

 private:
  enum class Kind { plain, single_quoted, double_quoted };

  int at(std::size_t q) const { return q < t_.size() ? static_cast<unsigned char>(t_[q]) : eof; }
  int peek(std::size_t k = 0) const { return at(p_ + k); }
  std::size_t break_length(std::size_t q) const {
    if (at(q) == '\n') return 1;
    if (at(q) == '\r' && at(q + 1) == '\n') return 2;
    return 0;
  }
  bool is_break(std::size_t q) const { return break_length(q) > 0; }
  bool is_blank(std::size_t q) const { return at(q) == ' ' || at(q) == '\t'; }
  bool ends_token(std::size_t q) const { return at(q) == eof || is_blank(q) || is_break(q); }
  int column() const { return static_cast<int>(p_ - line_start_) - (line_start_ == 0 ? bom_ : 0); }
  void eat_break() {
    p_ += break_length(p_);
    line_start_ = p_;
  }
  void emit(char c, std::size_t from) {
    out_.push_back(c);
    src_.push_back(static_cast<std::uint32_t>(from));
  }
  void truncate(std::size_t n) {
    if (n < out_.size()) {
      out_.resize(n);
      src_.resize(n);
    }
  }
  // Past the expected value with anything but white space (which the end may still
  // trim): this is not the scalar yaml-cpp read, so stop early.
  bool overran() {
    if (out_.size() <= expected_.size()) return false;
    for (std::size_t i = std::max(expected_.size(), std::min(checked_, out_.size())); i < out_.size(); ++i) {
      if (out_[i] != ' ' && out_[i] != '\t' && out_[i] != '\n') return true;
    }
    checked_ = out_.size();
    return false;
  }

  // Anchors (&name), tags (!tag, !!str, !<uri>) and the space, comments and line breaks
  // between them and the scalar: yaml-cpp marks a node where its properties start.
  bool skip_properties() {
    for (;;) {
      const int c = peek();
      if (c == '&' || c == '!') {
        if (c == '!' && peek(1) == '<') {
          const std::size_t close = t_.find('>', p_);
          if (close == std::string_view::npos) return false;
          p_ = close + 1;
          continue;
        }
        ++p_;
        if (c == '&') {  // an anchor name runs to white space or a flow indicator
          while (!ends_token(p_) && std::string_view(",[]{}").find(static_cast<char>(peek())) == std::string_view::npos) ++p_;
        } else {  // a tag: handle and suffix characters only (`!>` is the tag `!`, then a folded block)
          while (peek() != eof && (std::isalnum(peek()) || std::string_view("-!#;/?:@&=+$_.~*'()%").find(
                                                               static_cast<char>(peek())) != std::string_view::npos)) {
            ++p_;
          }
        }
        continue;
      }
      if (c == ' ' || c == '\t') {
        ++p_;
      } else if (c == '#') {
        while (peek() != eof && !is_break(p_)) ++p_;
      } else if (is_break(p_)) {
        eat_break();
      } else {
        return c != eof;
      }
    }
  }

  bool document_marker() const {
    if (column() != 0) return false;
    const int c = peek();
    return (c == '-' || c == '.') && peek(1) == c && peek(2) == c && ends_token(p_ + 3);
  }

  bool at_end(Kind kind) const {
    const int c = peek();
    switch (kind) {
      case Kind::double_quoted: return c == '"';
      case Kind::single_quoted: return c == '\'' && peek(1) != '\'';
      case Kind::plain: break;
    }
    if (c == ':') {
      const int next = peek(1);
      if (ends_token(p_ + 1)) return true;
      if (flow_ && (next == ',' || next == ']' || next == '}')) return true;
    }
    if (flow_ && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}')) return true;
    if (c == ' ' || c == '\t') return peek(1) == '#';  // a comment
    if (const std::size_t b = break_length(p_)) return at(p_ + b) == '#';
    return false;
  }

  bool expects(std::string_view bytes) const {
    return out_.size() <= expected_.size() && expected_.substr(out_.size()).starts_with(bytes);
  }

  static int hex_digit(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // One escape sequence at p_: '' in single quotes, \x in double quotes. Every byte it
  // produces is at the escape's first character.
  bool escape(Kind kind) {
    const std::size_t from = p_;
    if (kind == Kind::single_quoted) {
      emit('\'', from);
      p_ += 2;
      return true;
    }
    std::string bytes;
    int digits = 0;
    switch (peek(1)) {
      case '0': bytes.assign(1, '\0'); break;
      case 'a': bytes = "\x07"; break;
      case 'b': bytes = "\x08"; break;
      case 't':
      case '\t': bytes = "\x09"; break;
      case 'n': bytes = "\x0A"; break;
      case 'v': bytes = "\x0B"; break;
      case 'f': bytes = "\x0C"; break;
      case 'r': bytes = "\x0D"; break;
      case 'e': bytes = "\x1B"; break;
      case ' ': bytes = " "; break;
      case '"': bytes = "\""; break;
      case '\'': bytes = "'"; break;
      case '\\': bytes = "\\"; break;
      case '/': bytes = "/"; break;
      // yaml-cpp before 0.8 writes these two as one Latin-1 byte, later as UTF-8.
      case 'N': bytes = expects("\xC2\x85") ? "\xC2\x85" : "\x85"; break;
      case '_': bytes = expects("\xC2\xA0") ? "\xC2\xA0" : "\xA0"; break;
      case 'L': bytes = "\xE2\x80\xA8"; break;
      case 'P': bytes = "\xE2\x80\xA9"; break;
      case 'x': digits = 2; break;
      case 'u': digits = 4; break;
      case 'U': digits = 8; break;
      default: return false;
    }
    p_ += 2;
    if (digits > 0) {
      std::uint32_t v = 0;
      for (int i = 0; i < digits; ++i, ++p_) {
        const int d = hex_digit(peek());
        if (d < 0) return false;
        v = v * 16 + static_cast<std::uint32_t>(d);
      }
      if ((v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) return false;
      auto byte = [](std::uint32_t b) { return static_cast<char>(b); };
      if (v <= 0x7F) {
        bytes = {byte(v)};
      } else if (v <= 0x7FF) {
        bytes = {byte(0xC0 + (v >> 6)), byte(0x80 + (v & 0x3F))};
      } else if (v <= 0xFFFF) {
        bytes = {byte(0xE0 + (v >> 12)), byte(0x80 + ((v >> 6) & 0x3F)), byte(0x80 + (v & 0x3F))};
      } else {
        bytes = {byte(0xF0 + (v >> 18)), byte(0x80 + ((v >> 12) & 0x3F)), byte(0x80 + ((v >> 6) & 0x3F)),
                 byte(0x80 + (v & 0x3F))};
      }
    }
    for (char b : bytes) emit(b, from);
    return true;
  }

  // Plain and quoted scalars: lines are folded (a line break between two lines becomes
  // a space, at that line break; each empty line becomes '\n', at its own line break),
  // white space around line breaks is dropped.
  bool flow_scalar(Kind kind) {
    const bool plain = kind == Kind::plain;
    const int indent = plain ? (flow_ ? 0 : parent_indent_ + 1) : 0;
    if (!plain) ++p_;  // the opening quote
    bool empty_line = false;
    std::size_t last_escaped = none;
    // Like yaml-cpp, the end of the text right after a line break ends even a quoted
    // scalar without its closing quote.
    while (peek() != eof) {
      std::size_t last_non_blank = out_.size();
      bool escaped_break = false;
      while (!at_end(kind) && !is_break(p_) && peek() != eof) {
        if (document_marker()) {
          if (plain) break;
          return false;
        }
        if (kind == Kind::double_quoted && peek() == '\\' && is_break(p_ + 1)) {
          ++p_;  // an escaped line break: the break and the next line's indentation vanish
          last_non_blank = last_escaped = out_.size();
          escaped_break = true;
          break;
        }
        if ((kind == Kind::double_quoted && peek() == '\\') || (kind == Kind::single_quoted && peek() == '\'')) {
          if (!escape(kind)) return false;
          last_non_blank = last_escaped = out_.size();
          continue;
        }
        const char c = t_[p_];
        emit(c, p_);
        ++p_;
        if (c != ' ' && c != '\t') last_non_blank = out_.size();
      }
      if (peek() == eof) {
        if (!plain) return false;
        break;
      }
      if (plain && document_marker()) break;
      if (at_end(kind)) {
        if (!plain) ++p_;  // the closing quote
        break;
      }
      truncate(last_non_blank);  // white space before a line break
      const std::size_t break_at = p_;
      eat_break();
      while (peek() == ' ' && column() < indent && !at_end(kind)) ++p_;
      while (is_blank(p_)) {
        if (plain && peek() == '\t' && column() < indent) return false;
        if (at_end(kind)) break;
        ++p_;
      }
      const bool next_empty = is_break(p_);
      if (next_empty) {
        emit('\n', p_);
      } else if (!empty_line && !escaped_break) {
        emit(' ', break_at);
      }
      empty_line = next_empty;
      if (overran()) return false;
      if (!empty_line && column() < indent) break;
    }
    if (plain) {  // trailing white space
      std::size_t pos = out_.find_last_not_of(" \t");
      if (last_escaped != none && (pos == none || pos < last_escaped)) pos = last_escaped;
      if (pos < out_.size()) truncate(pos + 1);
    }
    std::size_t pos = out_.find_last_not_of('\n');  // chomping: plain strips, quoted clips
    if (last_escaped != none && (pos == none || pos < last_escaped)) pos = last_escaped;
    if (pos == none) {
      truncate(0);
    } else if (plain) {
      truncate(pos + 1);
    } else if (pos + 1 < out_.size()) {
      truncate(pos + 2);
    }
    return true;
  }

  // Literal (|) and folded (>) block scalars.
  bool block_scalar() {
    const bool folded = peek() == '>';
    ++p_;
    enum class Chomp { clip, strip, keep } chomp = Chomp::clip;
    int indent = 1;
    bool detect = true;
    bool chomp_seen = false;
    bool digit_seen = false;
    for (int i = 0; i < 2; ++i) {
      const int c = peek();
      if ((c == '+' || c == '-') && !chomp_seen) {
        chomp = c == '+' ? Chomp::keep : Chomp::strip;
        chomp_seen = true;
      } else if (c >= '0' && c <= '9' && !digit_seen) {
        if (c == '0') return false;
        indent = c - '0';
        detect = false;
        digit_seen = true;
      } else {
        break;
      }
      ++p_;
    }
    while (is_blank(p_)) ++p_;
    if (peek() == '#') {
      while (peek() != eof && !is_break(p_)) ++p_;
    }
    if (peek() != eof && !is_break(p_)) return false;
    if (parent_indent_ >= 0) indent += parent_indent_;

    bool found_text = false;
    bool past_header = false;
    bool empty_line = false;
    bool more_indented = false;
    bool run_started_more_indented = false;
    std::vector<std::size_t> run;  // line breaks before empty lines (folded), not yet written
    std::vector<std::size_t> breaks;
    while (peek() != eof) {
      while (peek() != eof && !is_break(p_)) {
        found_text = past_header = true;
        emit(t_[p_], p_);
        ++p_;
      }
      if (peek() == eof) break;
      const std::size_t break_at = p_;
      eat_break();
      while (peek() == ' ' && (column() < indent || (detect && !found_text))) ++p_;
      if (detect && !found_text) indent = std::max(indent, column());
      if (peek() == '\t' && column() < indent) return false;
      const bool next_empty = is_break(p_);
      const bool next_more_indented = is_blank(p_);
      if (folded && run.empty() && next_empty) run_started_more_indented = more_indented;
      if (past_header) {
        if (!folded) {
          emit('\n', break_at);
        } else if (!empty_line && !next_empty && !more_indented && !next_more_indented && column() >= indent) {
          emit(' ', break_at);
        } else if (next_empty) {
          run.push_back(break_at);
        } else {
          // This line break and a run of empty lines before it: as many '\n' as yaml-cpp
          // writes, at the empty lines' own breaks; the break before the run counts only
          // next to more-indented lines. At the end of the scalar they are its final line
          // breaks instead, so the first one is the last text line's.
          std::size_t count = 1;
          if (!run.empty()) {
            count = run.size();
            if (run_started_more_indented || next_more_indented || !found_text) ++count;
          }
          breaks = run;
          breaks.push_back(break_at);
          const bool last = column() < indent;
          const std::size_t first = last ? 0 : breaks.size() - count;
          for (std::size_t i = 0; i < count; ++i) emit('\n', breaks[first + i]);
          run.clear();
        }
      }
      empty_line = next_empty;
      more_indented = next_more_indented;
      past_header = true;
      if (overran()) return false;
      if (!empty_line && column() < indent) break;
    }
    if (chomp != Chomp::keep) {
      const std::size_t pos = out_.find_last_not_of('\n');
      if (pos == none) {
        truncate(0);
      } else if (chomp == Chomp::strip) {
        truncate(pos + 1);
      } else if (pos + 1 < out_.size()) {
        truncate(pos + 2);
      }
    }
    return true;
  }

  std::string_view t_;
  int bom_;
  std::size_t p_;
  std::size_t line_start_;
  bool flow_;
  int parent_indent_;
  std::string_view expected_;
  std::vector<std::uint32_t>& src_;
  std::string& out_;
  std::size_t checked_ = 0;
};

}  // namespace

bool trace_scalar(const SourceText& source, int line, int column, ScalarContext context, std::string_view value,
                  std::vector<ConfigNode::ScalarSpan>& spans, std::vector<std::uint32_t>& work, std::string& text) {
  spans.clear();
  if (source.text().size() >= std::numeric_limits<std::uint32_t>::max() ||
      value.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return false;
  }
  const std::size_t start = source.position(line, column);
  if (start == std::string_view::npos) return false;
  Tracer tracer(source, start, context, value, work, text);
  if (!tracer.run()) return false;
  int prev_line = 0;
  int prev_column = 0;
  std::size_t hint = static_cast<std::size_t>(line);
  for (std::size_t i = 0; i < work.size(); ++i) {
    int l = 0;
    int c = 0;
    source.line_column(work[i], l, c, hint);
    if (spans.empty() || l != prev_line || c != prev_column + 1) {
      spans.push_back(ConfigNode::ScalarSpan{static_cast<std::uint32_t>(i), l, c});
    }
    prev_line = l;
    prev_column = c;
  }
  return true;
}

}  // namespace povo::config
