// Fuzz target: the board's own story (Markdown subset). The first two bytes give the
// size limit (0..65535 bytes); the rest is the text, passed to parse_own_story.
// Checked: a text within the limit is never reported as cut off.
#include "fuzz_common.hpp"

#include "report/own_story.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = povo_fuzz::as_view(data, size);
  const std::size_t hi = povo_fuzz::take_byte(in), lo = povo_fuzz::take_byte(in);
  const std::size_t max_bytes = (hi << 8) | lo;
  const povo::report::OwnStory story = povo::report::parse_own_story(std::string(in), max_bytes);
  if (in.size() < max_bytes && !story.warnings.empty()) __builtin_trap();
  for (const auto& [theme, blocks] : story.themes) (void)theme.size(), (void)blocks.size();
  return 0;
}
