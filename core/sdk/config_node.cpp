#include <povo/config_node.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace povo {

ConfigNode::ConfigNode() = default;
ConfigNode::ConfigNode(const ConfigNode&) = default;
ConfigNode::ConfigNode(ConfigNode&&) noexcept = default;
ConfigNode& ConfigNode::operator=(const ConfigNode&) = default;
ConfigNode& ConfigNode::operator=(ConfigNode&&) noexcept = default;
ConfigNode::~ConfigNode() = default;

namespace {
const char* type_word(ConfigNode::Type t) {
  switch (t) {
    case ConfigNode::Type::null: return "nothing";
    case ConfigNode::Type::scalar: return "a single value";
    case ConfigNode::Type::sequence: return "a list";
    case ConfigNode::Type::map: return "a map of keys";
  }
  return "?";
}

std::string child_path(const std::string& parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return parent + "." + std::string(key);
}
}  // namespace

ConfigNode ConfigNode::make_null(SourceLocation at, std::string path) {
  ConfigNode n;
  n.location_ = std::move(at);
  n.path_ = std::move(path);
  return n;
}

ConfigNode ConfigNode::make_scalar(std::string text, SourceLocation at, std::string path) {
  ConfigNode n = make_null(std::move(at), std::move(path));
  n.type_ = Type::scalar;
  n.scalar_ = std::move(text);
  return n;
}

ConfigNode ConfigNode::make_sequence(SourceLocation at, std::string path) {
  ConfigNode n = make_null(std::move(at), std::move(path));
  n.type_ = Type::sequence;
  return n;
}

ConfigNode ConfigNode::make_map(SourceLocation at, std::string path) {
  ConfigNode n = make_null(std::move(at), std::move(path));
  n.type_ = Type::map;
  return n;
}

Error ConfigNode::error(std::string message, std::string hint) const {
  Diagnostic d;
  d.message = std::move(message);
  d.location = location_;
  d.key_path = path_;
  d.hint = std::move(hint);
  return Error(std::move(d));
}

const std::string& ConfigNode::scalar() const {
  if (type_ != Type::scalar) throw error(std::string("expected a single value, found ") + type_word(type_));
  return scalar_;
}

const std::vector<ConfigNode>& ConfigNode::items() const {
  if (type_ != Type::sequence) throw error(std::string("expected a list, found ") + type_word(type_));
  return items_;
}

const std::vector<ConfigNode::Entry>& ConfigNode::entries() const {
  if (type_ != Type::map) throw error(std::string("expected a map of keys, found ") + type_word(type_));
  return entries_;
}

const ConfigNode* ConfigNode::find(std::string_view key) const {
  if (type_ != Type::map) return nullptr;
  for (const auto& e : entries_) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

const ConfigNode& ConfigNode::at(std::string_view key) const {
  if (type_ != Type::map) throw error(std::string("expected a map of keys, found ") + type_word(type_));
  if (const ConfigNode* n = find(key)) return *n;
  throw error("missing required key '" + std::string(key) + "'", "add '" + std::string(key) + ":' here");
}

std::string ConfigNode::as_string() const { return scalar(); }

double ConfigNode::as_number() const {
  const std::string& s = scalar();
  if (!s.empty()) {
    errno = 0;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (errno == 0 && end == s.c_str() + s.size() && std::isfinite(v)) return v;
  }
  throw error("expected a number, got '" + s + "'", "write numbers with a decimal point, e.g. 0.30");
}

long long ConfigNode::as_integer() const {
  const std::string& s = scalar();
  if (!s.empty()) {
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(s.c_str(), &end, 10);
    if (errno == 0 && end == s.c_str() + s.size()) return v;
  }
  throw error("expected a whole number, got '" + s + "'");
}

bool ConfigNode::as_bool() const {
  const std::string& s = scalar();
  if (s == "true" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "no" || s == "off") return false;
  throw error("expected true or false, got '" + s + "'");
}

std::vector<std::string> ConfigNode::as_string_list() const {
  if (type_ == Type::scalar) return {scalar_};
  std::vector<std::string> out;
  for (const auto& item : items()) out.push_back(item.as_string());
  return out;
}

std::string ConfigNode::get_string(std::string_view key, std::string fallback) const {
  const ConfigNode* n = find(key);
  return n && !n->is_null() ? n->as_string() : std::move(fallback);
}

double ConfigNode::get_number(std::string_view key, double fallback) const {
  const ConfigNode* n = find(key);
  return n && !n->is_null() ? n->as_number() : fallback;
}

long long ConfigNode::get_integer(std::string_view key, long long fallback) const {
  const ConfigNode* n = find(key);
  return n && !n->is_null() ? n->as_integer() : fallback;
}

bool ConfigNode::get_bool(std::string_view key, bool fallback) const {
  const ConfigNode* n = find(key);
  return n && !n->is_null() ? n->as_bool() : fallback;
}

ConfigNode& ConfigNode::append(ConfigNode item) {
  if (type_ != Type::sequence) throw error("cannot append to " + std::string(type_word(type_)));
  item.set_path(path_ + "[" + std::to_string(items_.size()) + "]");
  items_.push_back(std::move(item));
  return items_.back();
}

ConfigNode& ConfigNode::set(std::string key, SourceLocation key_at, ConfigNode value) {
  if (type_ != Type::map) throw error("cannot set a key in " + std::string(type_word(type_)));
  value.set_path(child_path(path_, key));
  for (auto& e : entries_) {
    if (e.key == key) {
      e.key_location = std::move(key_at);
      e.value = std::move(value);
      return e.value;
    }
  }
  entries_.push_back(Entry{std::move(key), std::move(key_at), std::move(value)});
  return entries_.back().value;
}

bool ConfigNode::erase(std::string_view key) {
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
  if (it == entries_.end()) return false;
  entries_.erase(it);
  return true;
}

void ConfigNode::set_path(std::string path) {
  // Already rooted here: re-rooting is a walk of the whole subtree, and appending to a
  // large list would otherwise cost nodes times depth.
  if (path == path_) return;
  path_ = std::move(path);
  for (std::size_t i = 0; i < items_.size(); ++i) items_[i].set_path(path_ + "[" + std::to_string(i) + "]");
  for (auto& e : entries_) e.value.set_path(child_path(path_, e.key));
}

}  // namespace povo
