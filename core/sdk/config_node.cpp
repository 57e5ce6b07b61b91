#include <povo/config_node.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <functional>

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

// Maps with more entries than this get a hash index; smaller ones are searched in order.
constexpr std::size_t index_threshold = 16;

std::uint64_t hash_of(std::string_view key) { return std::hash<std::string_view>{}(key); }

// Full large lists and maps grow fourfold rather than twofold: moving a node is not
// cheap, and a map of a million keys would otherwise spend most of its loading time
// moving entries to ever larger arrays. Unused capacity is address space, not memory.
template <class T>
void grow(std::vector<T>& v) {
  if (v.size() == v.capacity() && v.size() >= 1024) v.reserve(4 * v.size());
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

// index_ slots: 0 when free, else (the key's hash's upper 32 bits << 32) | (position + 1),
// so most probes that do not match are decided without reading the entry's key.
std::size_t ConfigNode::find_index(std::string_view key) const {
  if (index_.empty()) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].key == key) return i;
    }
    return entries_.size();
  }
  const std::uint64_t h = hash_of(key);
  const std::uint64_t tag = h >> 32;
  const std::size_t mask = index_.size() - 1;
  for (std::size_t slot = h & mask;; slot = (slot + 1) & mask) {
    const std::uint64_t v = index_[slot];
    if (v == 0) return entries_.size();
    const std::size_t at = static_cast<std::uint32_t>(v);
    if ((v >> 32) == tag && entries_[at - 1].key == key) return at - 1;
  }
}

void ConfigNode::index_entry(std::size_t i) {
  const std::uint64_t h = hash_of(entries_[i].key);
  const std::size_t mask = index_.size() - 1;
  std::size_t slot = h & mask;
  while (index_[slot] != 0) slot = (slot + 1) & mask;
  index_[slot] = ((h >> 32) << 32) | static_cast<std::uint64_t>(i + 1);
}

void ConfigNode::rebuild_index() {
  index_.clear();
  if (entries_.size() <= index_threshold) return;
  std::size_t size = 64;
  while (size < 2 * entries_.size()) size *= 2;  // at most half full
  index_.assign(size, 0);
  for (std::size_t i = 0; i < entries_.size(); ++i) index_entry(i);
}

const ConfigNode* ConfigNode::find(std::string_view key) const {
  const Entry* e = find_entry(key);
  return e ? &e->value : nullptr;
}

const ConfigNode::Entry* ConfigNode::find_entry(std::string_view key) const {
  if (type_ != Type::map) return nullptr;
  const std::size_t i = find_index(key);
  return i < entries_.size() ? &entries_[i] : nullptr;
}

SourceLocation ConfigNode::location_at(std::size_t offset) const {
  if (type_ != Type::scalar || location_.line <= 0) return location_;
  offset = std::min(offset, scalar_.size());
  SourceLocation at = location_;
  // The last span starting at or before offset; none (or no spans): count from location_.
  auto after = std::upper_bound(spans_.begin(), spans_.end(), offset,
                                [](std::size_t o, const ScalarSpan& s) { return o < s.offset; });
  if (after == spans_.begin()) {
    if (at.column > 0) at.column += static_cast<int>(offset);
    return at;
  }
  const ScalarSpan& span = *(after - 1);
  at.line = span.line;
  at.column = span.column + static_cast<int>(offset - span.offset);
  return at;
}

void ConfigNode::set_scalar_spans(std::vector<ScalarSpan> spans) {
  if (type_ != Type::scalar) return;
  spans_ = std::move(spans);
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
  grow(items_);
  items_.push_back(std::move(item));
  return items_.back();
}

ConfigNode& ConfigNode::set(std::string key, SourceLocation key_at, ConfigNode value) {
  if (type_ != Type::map) throw error("cannot set a key in " + std::string(type_word(type_)));
  value.set_path(child_path(path_, key));
  if (const std::size_t i = find_index(key); i < entries_.size()) {
    Entry& e = entries_[i];
    e.key_location = std::move(key_at);
    e.value = std::move(value);
    return e.value;
  }
  grow(entries_);
  entries_.push_back(Entry{std::move(key), std::move(key_at), std::move(value)});
  if (entries_.size() > index_threshold) {
    if (index_.size() < 2 * entries_.size()) {
      rebuild_index();
    } else {
      index_entry(entries_.size() - 1);
    }
  }
  return entries_.back().value;
}

bool ConfigNode::erase(std::string_view key) {
  const std::size_t i = type_ == Type::map ? find_index(key) : entries_.size();
  if (i >= entries_.size()) return false;
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i));
  rebuild_index();
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
