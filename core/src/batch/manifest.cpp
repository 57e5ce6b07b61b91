#include "batch/manifest.hpp"

#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <variant>

namespace povo::batch::detail {
namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of a valid UTF-8 sequence starting at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  char32_t cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr char32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// A minimal JSON value for reading manifests back.
struct Json;
using JsonObject = std::vector<std::pair<std::string, Json>>;
using JsonArray = std::vector<Json>;
struct Json {
  std::variant<std::nullptr_t, bool, double, std::string, std::shared_ptr<JsonArray>, std::shared_ptr<JsonObject>> v;
  const Json* get(std::string_view key) const {
    if (auto* o = std::get_if<std::shared_ptr<JsonObject>>(&v))
      for (const auto& [k, val] : **o) if (k == key) return &val;
    return nullptr;
  }
};

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}
  Json document() {
    Json j = value(0);
    ws();
    if (i_ != s_.size()) error("trailing text");
    return j;
  }

 private:
  [[noreturn]] void error(const std::string& what) {
    throw std::runtime_error("malformed manifest JSON at byte " + std::to_string(i_) + ": " + what);
  }
  void ws() { while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_; }
  bool eat(char c) { ws(); if (i_ < s_.size() && s_[i_] == c) { ++i_; return true; } return false; }
  void expect(char c) { if (!eat(c)) error(std::string("expected '") + c + "'"); }
  bool word(std::string_view w) { if (s_.substr(i_, w.size()) == w) { i_ += w.size(); return true; } return false; }

  Json value(int depth) {
    if (depth > 64) error("nested too deeply");
    ws();
    if (i_ >= s_.size()) error("unexpected end");
    char c = s_[i_];
    if (c == '{') {
      ++i_;
      auto obj = std::make_shared<JsonObject>();
      if (!eat('}')) {
        do {
          ws();
          std::string key = string();
          expect(':');
          obj->emplace_back(std::move(key), value(depth + 1));
        } while (eat(','));
        expect('}');
      }
      return Json{obj};
    }
    if (c == '[') {
      ++i_;
      auto arr = std::make_shared<JsonArray>();
      if (!eat(']')) {
        do arr->push_back(value(depth + 1));
        while (eat(','));
        expect(']');
      }
      return Json{arr};
    }
    if (c == '"') return Json{string()};
    if (word("true")) return Json{true};
    if (word("false")) return Json{false};
    if (word("null")) return Json{nullptr};
    std::size_t start = i_;
    while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' || s_[i_] == '+' ||
                              s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E'))
      ++i_;
    if (start == i_) error("unexpected character");
    try {
      return Json{std::stod(std::string(s_.substr(start, i_ - start)))};
    } catch (const std::exception&) {
      error("bad number");
    }
  }

  unsigned hex4() {
    if (i_ + 4 > s_.size()) error("short \\u escape");
    unsigned v = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_++];
      v <<= 4;
      if (h >= '0' && h <= '9') v |= unsigned(h - '0');
      else if (h >= 'a' && h <= 'f') v |= unsigned(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') v |= unsigned(h - 'A' + 10);
      else error("bad \\u escape");
    }
    return v;
  }

  std::string string() {
    if (i_ >= s_.size() || s_[i_] != '"') error("expected a string");
    ++i_;
    std::string out;
    while (true) {
      if (i_ >= s_.size()) error("unterminated string");
      char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) error("control character in string");
      if (c != '\\') { out += c; continue; }
      if (i_ >= s_.size()) error("unterminated string");
      char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          char32_t cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF && word("\\u")) {
            char32_t lo = hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) error("bad surrogate pair");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
          }
          append_utf8(out, cp);
          break;
        }
        default: error("bad escape");
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

std::string text_of(const Json* j) {
  if (!j) return {};
  if (auto* s = std::get_if<std::string>(&j->v)) return *s;
  return {};
}
double number_of(const Json* j) {
  if (!j) return 0;
  if (auto* d = std::get_if<double>(&j->v)) return *d;
  return 0;
}
bool bool_of(const Json* j) {
  if (!j) return false;
  if (auto* b = std::get_if<bool>(&j->v)) return *b;
  return false;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t len = utf8_length(s, i);
      if (len == 0) { out += "\xEF\xBF\xBD"; ++i; }
      else { out.append(s.substr(i, len)); i += len; }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

std::string manifest_json(const Metadata& metadata, const std::vector<ItemResult>& items, bool complete,
                          const std::vector<std::string>& run_warnings) {
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const auto& r : items) ++counts[static_cast<int>(r.status)];
  std::string out;
  out.reserve(256 + items.size() * 320);
  out += "{\n  \"manifest_version\": 1,\n  \"metadata\": {";
  for (std::size_t k = 0; k < metadata.size(); ++k) {
    out += k ? ",\n    " : "\n    ";
    append_json_string(out, metadata[k].first);
    out += ": ";
    append_json_string(out, metadata[k].second);
  }
  out += metadata.empty() ? "},\n" : "\n  },\n";
  out += "  \"complete\": ";
  out += complete ? "true" : "false";
  out += ",\n  \"counts\": {\"items\": " + std::to_string(items.size()) +
         ", \"ok\": " + std::to_string(counts[int(Status::ok)] + counts[int(Status::reused)]) +
         ", \"reused\": " + std::to_string(counts[int(Status::reused)]) +
         ", \"failed\": " + std::to_string(counts[int(Status::failed)]) +
         ", \"not_run\": " + std::to_string(counts[int(Status::not_run)]) + "},\n";
  out += "  \"run_warnings\": [";
  for (std::size_t w = 0; w < run_warnings.size(); ++w) {
    out += w ? ",\n    " : "\n    ";
    append_json_string(out, run_warnings[w]);
  }
  out += run_warnings.empty() ? "],\n" : "\n  ],\n";
  out += "  \"items\": [";
  for (std::size_t k = 0; k < items.size(); ++k) {
    const ItemResult& r = items[k];
    out += k ? ",\n    {\n" : "\n    {\n";
    auto field = [&](const char* name, std::string_view value) {
      out += "      \"";
      out += name;
      out += "\": ";
      append_json_string(out, value);
      out += ",\n";
    };
    field("id", r.id);
    field("title", r.title);
    field("file", r.file);
    field("status", r.status == Status::reused ? "ok" : status_name(r.status));
    out += "      \"reused\": ";
    out += r.status == Status::reused ? "true,\n" : "false,\n";
    field("sha256", r.sha256);
    out += "      \"pages\": " + std::to_string(r.pages) + ",\n";
    out += "      \"bytes\": " + std::to_string(r.bytes) + ",\n";
    out += "      \"warnings\": [";
    for (std::size_t w = 0; w < r.warnings.size(); ++w) {
      if (w) out += ", ";
      append_json_string(out, r.warnings[w]);
    }
    out += "],\n      \"error\": ";
    append_json_string(out, r.error);
    out += "\n    }";
  }
  out += items.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

ParsedManifest parse_manifest(std::string_view json) {
  Json doc = Parser(json).document();
  if (!std::holds_alternative<std::shared_ptr<JsonObject>>(doc.v)) throw std::runtime_error("manifest is not a JSON object");
  ParsedManifest m;
  m.complete = bool_of(doc.get("complete"));
  if (const Json* md = doc.get("metadata"))
    if (auto* o = std::get_if<std::shared_ptr<JsonObject>>(&md->v))
      for (const auto& [k, v] : **o) m.metadata.emplace_back(k, text_of(&v));
  if (const Json* w = doc.get("run_warnings"))
    if (auto* wa = std::get_if<std::shared_ptr<JsonArray>>(&w->v))
      for (const Json& x : **wa) m.run_warnings.push_back(text_of(&x));
  const Json* items = doc.get("items");
  auto* arr = items ? std::get_if<std::shared_ptr<JsonArray>>(&items->v) : nullptr;
  if (!arr) throw std::runtime_error("manifest has no \"items\" array");
  for (const Json& j : **arr) {
    ItemResult r;
    r.id = text_of(j.get("id"));
    r.title = text_of(j.get("title"));
    r.file = text_of(j.get("file"));
    std::string status = text_of(j.get("status"));
    r.status = status == "ok" ? (bool_of(j.get("reused")) ? Status::reused : Status::ok)
               : status == "failed" ? Status::failed
                                    : Status::not_run;
    r.sha256 = text_of(j.get("sha256"));
    r.pages = static_cast<int>(number_of(j.get("pages")));
    r.bytes = static_cast<std::size_t>(number_of(j.get("bytes")));
    if (const Json* w = j.get("warnings"))
      if (auto* wa = std::get_if<std::shared_ptr<JsonArray>>(&w->v))
        for (const Json& x : **wa) r.warnings.push_back(text_of(&x));
    r.error = text_of(j.get("error"));
    m.items.push_back(std::move(r));
  }
  return m;
}

}  // namespace povo::batch::detail
