#include "report/own_story.hpp"

#include "job/own_story_files.hpp"

#include <povo/diagnostics.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace povo::report {
namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// "- x", "* x", "12. x": the item text, or nothing for a non-item line.
std::optional<std::pair<bool, std::string>> list_item(const std::string& line) {
  if (line.size() > 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') return std::make_pair(false, trim(line.substr(2)));
  std::size_t i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  if (i > 0 && i + 1 < line.size() && line[i] == '.' && line[i + 1] == ' ') return std::make_pair(true, trim(line.substr(i + 2)));
  return std::nullopt;
}

}  // namespace

OwnStory parse_own_story(const std::string& text, std::size_t max_bytes) {
  OwnStory story;
  std::string theme = "algemeen";
  std::string paragraph;
  std::vector<std::string> items;
  bool numbered = false;
  std::size_t used = 0;
  bool truncated = false;
  auto flush = [&] {
    if (!paragraph.empty()) story.themes[theme].push_back(pdf::Paragraph::markup(paragraph, pdf::Align::justify));
    if (!items.empty()) story.themes[theme].push_back(pdf::BulletList::markup(items, numbered));
    paragraph.clear();
    items.clear();
  };
  std::istringstream in(std::string(job::without_bom(text)));
  std::string raw;
  while (std::getline(in, raw)) {
    const std::string line = trim(raw);
    if (used + raw.size() > max_bytes) {
      truncated = true;
      break;
    }
    used += raw.size() + 1;
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      flush();
      const std::size_t name_at = line.find_first_not_of('#');  // npos for a line of only '#'
      theme = name_at == std::string::npos ? "" : job::theme_key(trim(line.substr(name_at)));
      continue;
    }
    if (auto item = list_item(line)) {
      if (!paragraph.empty()) {
        story.themes[theme].push_back(pdf::Paragraph::markup(paragraph, pdf::Align::justify));
        paragraph.clear();
      }
      numbered = item->first;
      items.push_back(item->second);
      continue;
    }
    if (!items.empty()) flush();
    paragraph += (paragraph.empty() ? "" : " ") + line;
  }
  flush();
  if (truncated) {
    story.warnings.push_back("the board's own text is longer than " + std::to_string(max_bytes) +
                             " bytes; only the first part is shown");
  }
  return story;
}

OwnStory read_own_story(const std::string& dir, const std::string& board, std::size_t max_bytes) {
  if (dir.empty()) return {};
  for (const char* ext : {".md", ".txt"}) {
    const std::string path = dir + "/" + board + ext;
    // A pipe or device in place of the text would block this report's thread forever.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) continue;
    if (!std::filesystem::is_regular_file(status)) {
      throw Error("the board's own text is not a regular file", SourceLocation{path, 0, 0}, "replace it with a Markdown file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::string text;
    text.resize(max_bytes + 4096);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    // A text saved in another encoding would print as garbage in an official report:
    // this board's report fails with the place to fix, and the others go on.
    // (The cut at max_bytes may split a character; only the part before it is checked.)
    std::string checked = text.substr(0, std::min(text.size(), max_bytes));
    while (!checked.empty() && (static_cast<unsigned char>(checked.back()) & 0xC0) == 0x80) checked.pop_back();
    if (!checked.empty() && static_cast<unsigned char>(checked.back()) >= 0xC0) checked.pop_back();
    if (auto bad = job::first_invalid_utf8(job::without_bom(checked))) {
      throw Error("the board's own text is not valid UTF-8", SourceLocation{path, bad->first, bad->second},
                  "save the file as UTF-8; it may be Windows-1252");
    }
    return parse_own_story(text, max_bytes);
  }
  return {};
}

}  // namespace povo::report
