// Where each byte of a YAML scalar's value was written: the loader re-reads the raw
// text at the place yaml-cpp reported, following the YAML rules for the scalar's style,
// and keeps the result only when it rebuilds exactly the value yaml-cpp read.
#pragma once

#include <povo/config_node.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace povo::config {

/// The raw text of one YAML file, with its line starts, for turning byte positions
/// into lines and columns the way yaml-cpp counts them (bytes, a UTF-8 byte order mark
/// not counted, lines end at '\n').
class SourceText {
 public:
  explicit SourceText(std::string_view text);
  std::string_view text() const noexcept { return text_; }
  /// The byte position of yaml-cpp's 0-based line and column, or npos when outside the text.
  std::size_t position(int line, int column) const;
  /// 1-based line and column of a byte position. `hint` is the 0-based line of a previous
  /// call, to skip the search when positions come in order.
  void line_column(std::size_t pos, int& line, int& column, std::size_t& hint) const;
  std::size_t line_start_of(std::size_t pos) const;
  int bom() const noexcept { return bom_; }

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  int bom_ = 0;
};

/// How yaml-cpp was reading when it met the scalar: inside a flow collection ([...] or
/// {...}) or not, and the indentation of the enclosing block collection (its key or '-'
/// column, 0-based; -1 at the top level).
struct ScalarContext {
  bool flow = false;
  int parent_indent = -1;
};

/// Traces the scalar whose node yaml-cpp marked at 0-based `line`:`column` (where its
/// anchor or tag starts, if any) and whose value is `value`. On success fills `spans`
/// (see ConfigNode::ScalarSpan) and returns true; returns false when the text there
/// does not rebuild `value` exactly. `work` and `text` are scratch space reused between calls.
bool trace_scalar(const SourceText& source, int line, int column, ScalarContext context, std::string_view value,
                  std::vector<ConfigNode::ScalarSpan>& spans, std::vector<std::uint32_t>& work, std::string& text);

}  // namespace povo::config
