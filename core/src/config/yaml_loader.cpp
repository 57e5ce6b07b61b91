#include "config/yaml_loader.hpp"

#include "config/scalar_trace.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace fs = std::filesystem;

namespace povo::config {
namespace {

SourceLocation at(const std::string& file, const YAML::Mark& m) {
  // yaml-cpp marks are 0-based; an unknown mark is -1.
  if (m.line < 0) return SourceLocation{file, 0, 0};
  return SourceLocation{file, m.line + 1, m.column + 1};
}

const char* type_word(const ConfigNode& n) {
  switch (n.type()) {
    case ConfigNode::Type::null: return "nothing";
    case ConfigNode::Type::scalar: return "a single value";
    case ConfigNode::Type::sequence: return "a list";
    case ConfigNode::Type::map: return "a map of keys";
  }
  return "?";
}

std::string child_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string item_path(const std::string& list, std::size_t i) { return list + "[" + std::to_string(i) + "]"; }

// A map key that composes instead of setting: `KEY+` appends to the list KEY, `KEY[ID]`
// merges into the item of list KEY whose id is ID (docs/config-composition.md).
struct KeyOp {
  enum Kind { set, append, item } kind = set;
  std::string name;  // KEY
  std::string id;    // ID, for item
};

// Cheap test first: most keys end in neither '+' nor ']'.
bool may_be_key_op(const std::string& key) { return !key.empty() && (key.back() == '+' || key.back() == ']'); }

// KEY and ID are names without white space or brackets (a data column such as
// "LEERLINGEN 12+" in a free map stays a key).
KeyOp parse_key_op(const std::string& key) {
  auto is_name = [](std::string_view s) { return !s.empty() && s.find_first_of(" \t[]") == std::string_view::npos; };
  const std::string_view k = key;
  if (k.size() >= 2 && k.back() == '+' && is_name(k.substr(0, k.size() - 1))) {
    return KeyOp{KeyOp::append, key.substr(0, key.size() - 1), {}};
  }
  if (k.size() >= 4 && k.back() == ']') {
    const std::size_t open = k.find('[');
    if (open != std::string_view::npos && is_name(k.substr(0, open)) &&
        is_name(k.substr(open + 1, k.size() - open - 2))) {
      return KeyOp{KeyOp::item, key.substr(0, open), key.substr(open + 1, k.size() - open - 2)};
    }
  }
  return KeyOp{KeyOp::set, key, {}};
}

using LiteralKeys = std::set<std::tuple<std::string, int, int>>;  // file, line, column of quoted keys

// Builds a ConfigNode tree from yaml-cpp's parse events: no yaml-cpp node graph (which
// for a map of a million keys took most of the time and a gigabyte), aliases copied with
// their original locations, and each scalar traced to its exact place in the text.
// Errors are recorded, not thrown, so that a YAML syntax error anywhere in the file is
// reported first, as when the whole file was parsed before converting it.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, const SourceText& source, std::size_t& nodes, std::size_t node_limit,
              LiteralKeys& literal_keys)
      : file_(file), source_(source), nodes_(nodes), node_limit_(node_limit), literal_keys_(literal_keys) {}

  std::optional<Error> error;
  bool special = false;  // has an include: or a composing key somewhere

  ConfigNode take_root() {
    if (root_) return std::move(*root_);
    return ConfigNode::make_null(SourceLocation{file_, 0, 0}, "");
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (error) return;
    if (at_key(mark) || !count_one(mark)) return;
    add(ConfigNode::make_null(at(file_, mark), next_path()), anchor, 1, 1);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (error) return;
    if (expecting_key()) {
      key_scalar(value, at(file_, mark), mark.column, tag != "?", anchor);
      return;
    }
    if (!count_one(mark)) return;
    ConfigNode node = ConfigNode::make_scalar(value, at(file_, mark), next_path());
    ScalarContext context;
    if (!stack_.empty()) {
      const Frame& f = stack_.back();
      context.flow = f.flow;
      context.parent_indent = f.node.is_map() ? f.key_column : f.indent;
    }
    if (trace_scalar(source_, mark.line, mark.column, context, value, spans_, work_, text_work_)) {
      const SourceLocation& start = node.location();
      if (!(spans_.size() == 1 && spans_[0].line == start.line && spans_[0].column == start.column)) {
        node.set_scalar_spans(spans_);
      }
    }
    add(std::move(node), anchor, 1, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (error) return;
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      // An alias inside its own anchor (`a: &a [1, *a]`) would repeat forever.
      SourceLocation where = at(file_, mark);
      for (const auto& f : stack_) {
        if (f.anchor == anchor) {
          where = f.node.location();
          break;
        }
      }
      fail(Error("configuration is nested more than " + std::to_string(max_config_depth) + " levels deep", where,
                 "check for a YAML alias (*name) inside its own anchor (&name)"));
      return;
    }
    const Anchored& a = it->second;
    if (expecting_key()) {
      if (!a.node.is_scalar()) {
        fail(Error("a key must be a plain name", a.node.location()));
        return;
      }
      key_scalar(a.node.scalar(), a.node.location(), a.node.location().column - 1, false, 0);
      return;
    }
    if (nodes_ + a.count > node_limit_ || stack_.size() + a.height > max_config_depth) {
      // Stop at the same value as a walk of the expanded tree, value by value, would.
      const std::size_t before = nodes_;
      std::optional<Error> e = walk_limits(a.node, stack_.size());
      nodes_ = before;
      if (e) {
        fail(std::move(*e));
        return;
      }
    }
    nodes_ += a.count;
    ConfigNode copy = a.node;
    copy.set_path(next_path());
    add(std::move(copy), 0, a.count, a.height);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    if (error) return;
    if (at_key(mark) || !count_one(mark)) return;
    open(ConfigNode::make_sequence(at(file_, mark), next_path()), anchor, style, mark.column);
  }

  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    if (error) return;
    if (at_key(mark) || !count_one(mark)) return;
    open(ConfigNode::make_map(at(file_, mark), next_path()), anchor, style, mark.column);
  }

  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    ConfigNode node;  // the map or list being built
    YAML::anchor_t anchor = 0;
    bool flow = false;
    int indent = -1;         // a block list's '-' column (0-based)
    std::size_t count = 1;   // values in this subtree (keys not counted), for aliases
    std::size_t height = 1;  // levels of this subtree
    bool has_key = false;    // maps: a key waits for its value
    std::string key;
    SourceLocation key_at;
    int key_column = 0;
  };
  struct Anchored {
    ConfigNode node;
    std::size_t count = 1;
    std::size_t height = 1;
  };

  void fail(Error e) {
    if (!error) error = std::move(e);
  }

  bool expecting_key() const { return !stack_.empty() && stack_.back().node.is_map() && !stack_.back().has_key; }

  // A map or list (or nothing) where a key belongs.
  bool at_key(const YAML::Mark& mark) {
    if (!expecting_key()) return false;
    fail(Error("a key must be a plain name", at(file_, mark)));
    return true;
  }

  // Counts one value and checks the limits, as each value is met.
  bool count_one(const YAML::Mark& mark) {
    if (++nodes_ > node_limit_) {
      fail(Error("configuration expands to more than " + std::to_string(node_limit_) + " values", at(file_, mark),
                 "check for YAML aliases (*name) that repeat large parts of the file"));
      return false;
    }
    // An alias inside its own anchor (`a: &a [1, *a]`) makes a cyclic node: stop before the stack does.
    if (stack_.size() >= max_config_depth) {
      fail(Error("configuration is nested more than " + std::to_string(max_config_depth) + " levels deep",
                 at(file_, mark), "check for a YAML alias (*name) inside its own anchor (&name)"));
      return false;
    }
    return true;
  }

  // The first value of an aliased subtree, in document order, past the node or depth limit.
  std::optional<Error> walk_limits(const ConfigNode& n, std::size_t depth) {
    if (++nodes_ > node_limit_) {
      return Error("configuration expands to more than " + std::to_string(node_limit_) + " values", n.location(),
                   "check for YAML aliases (*name) that repeat large parts of the file");
    }
    if (depth >= max_config_depth) {
      return Error("configuration is nested more than " + std::to_string(max_config_depth) + " levels deep",
                   n.location(), "check for a YAML alias (*name) inside its own anchor (&name)");
    }
    if (n.is_sequence()) {
      for (const auto& item : n.items()) {
        if (auto e = walk_limits(item, depth + 1)) return e;
      }
    } else if (n.is_map()) {
      for (const auto& e : n.entries()) {
        if (auto err = walk_limits(e.value, depth + 1)) return err;
      }
    }
    return std::nullopt;
  }

  void key_scalar(const std::string& key, SourceLocation key_at, int column, bool quoted, YAML::anchor_t anchor) {
    Frame& f = stack_.back();
    if (const ConfigNode::Entry* first = f.node.find_entry(key)) {
      fail(Error("duplicate key '" + key + "'", key_at,
                 "it is already set at line " + std::to_string(first->key_location.line) + "; remove one of them"));
      return;
    }
    if (key == "include") special = true;
    if (may_be_key_op(key) && parse_key_op(key).kind != KeyOp::set) {
      if (quoted) {
        literal_keys_.emplace(key_at.file, key_at.line, key_at.column);
      } else {
        special = true;
      }
    }
    if (anchor != 0) anchors_[anchor] = Anchored{ConfigNode::make_scalar(key, key_at, ""), 1, 1};
    f.has_key = true;
    f.key = key;
    f.key_at = std::move(key_at);
    f.key_column = column;
  }

  std::string next_path() const {
    if (stack_.empty()) return "";
    const Frame& f = stack_.back();
    if (f.node.is_map()) return child_path(f.node.path(), f.key);
    return item_path(f.node.path(), f.node.items().size());
  }

  void open(ConfigNode node, YAML::anchor_t anchor, YAML::EmitterStyle::value style, int column) {
    Frame f;
    f.node = std::move(node);
    f.anchor = anchor;
    f.flow = style == YAML::EmitterStyle::Flow || (!stack_.empty() && stack_.back().flow);
    f.indent = column;
    stack_.push_back(std::move(f));
  }

  void close() {
    if (error || stack_.empty()) return;
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(f.node), f.anchor, f.count, f.height);
  }

  // A finished value: into its parent, or the root.
  void add(ConfigNode node, YAML::anchor_t anchor, std::size_t count, std::size_t height) {
    if (anchor != 0) anchors_[anchor] = Anchored{node, count, height};
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& f = stack_.back();
    f.count += count;
    f.height = std::max(f.height, height + 1);
    if (f.node.is_map()) {
      f.node.set(std::move(f.key), std::move(f.key_at), std::move(node));
      f.key.clear();
      f.has_key = false;
    } else {
      f.node.append(std::move(node));
    }
  }

  const std::string& file_;
  const SourceText& source_;
  std::size_t& nodes_;
  std::size_t node_limit_;
  LiteralKeys& literal_keys_;
  std::vector<Frame> stack_;
  std::optional<ConfigNode> root_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::vector<ConfigNode::ScalarSpan> spans_;
  std::vector<std::uint32_t> work_;
  std::string text_work_;
};

struct Parsed {
  ConfigNode root;
  bool special = false;
};

Error located(const SourceLocation& where, const std::string& path, std::string message, std::string hint) {
  Diagnostic d;
  d.message = std::move(message);
  d.location = where;
  d.key_path = path;
  d.hint = std::move(hint);
  return Error(std::move(d));
}

struct Loader {
  std::vector<std::string> include_stack;  // normalized paths, for cycle detection
  std::size_t nodes = 0;
  std::size_t bytes = 0;
  LiteralKeys literal_keys;

  Parsed parse(const std::string& text, const std::string& file) {
    bytes += text.size();
    const SourceText source(text);
    TreeBuilder builder(file, source, nodes, std::max(max_config_nodes, bytes), literal_keys);
    try {
      std::istringstream in(text);
      YAML::Parser parser(in);
      parser.HandleNextDocument(builder);
    } catch (const YAML::Exception& e) {
      throw Error("YAML syntax error: " + e.msg, at(file, e.mark), "check indentation and quoting near this place");
    }
    if (builder.error) throw std::move(*builder.error);
    return Parsed{builder.take_root(), builder.special};
  }

  KeyOp key_op(const ConfigNode::Entry& e) const {
    if (!may_be_key_op(e.key)) return KeyOp{KeyOp::set, e.key, {}};
    KeyOp op = parse_key_op(e.key);
    if (op.kind != KeyOp::set &&
        literal_keys.count({e.key_location.file, e.key_location.line, e.key_location.column}) > 0) {
      return KeyOp{KeyOp::set, e.key, {}};
    }
    return op;
  }

  // `KEY` with `KEY+` or `KEY[ID]` in one map: which applies first would be a guess.
  void check_conflicts(const ConfigNode& layer, const std::string& path) const {
    const auto& entries = layer.entries();
    if (std::none_of(entries.begin(), entries.end(), [&](const ConfigNode::Entry& e) {
          return may_be_key_op(e.key) && key_op(e).kind != KeyOp::set;
        })) {
      return;
    }
    std::unordered_map<std::string_view, std::size_t> plain;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (key_op(entries[i]).kind == KeyOp::set) plain.emplace(entries[i].key, i);
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const KeyOp op = key_op(entries[i]);
      if (op.kind == KeyOp::set) continue;
      auto other = plain.find(op.name);
      if (other == plain.end()) continue;
      const ConfigNode::Entry& later = entries[std::max(i, other->second)];
      const std::string& op_key = entries[i].key;
      throw located(later.key_location, child_path(path, op.name),
                    "'" + op.name + "' and '" + op_key + "' in the same map",
                    op.kind == KeyOp::append
                        ? "'" + op.name + ":' replaces the list and '" + op_key + ":' appends to it; keep one"
                        : "'" + op.name + ":' replaces the whole list; make the change there, or remove '" +
                              op.name + ":'");
    }
  }

  // Applies `layer` (a node of a file in `dir`) over `base` (what earlier layers gave
  // this place, if anything), giving the node at `path`. See docs/config-composition.md.
  ConfigNode compose(std::optional<ConfigNode> base, const ConfigNode& layer, const std::string& dir,
                     const std::string& path) {
    if (layer.is_sequence()) {
      ConfigNode list = ConfigNode::make_sequence(layer.location(), path);
      for (const auto& item : layer.items()) {
        list.append(compose(std::nullopt, item, dir, item_path(path, list.items().size())));
      }
      return list;
    }
    if (!layer.is_map()) {
      ConfigNode copy = layer;
      copy.set_path(path);
      return copy;
    }
    // A map keeps the location of the first layer that wrote it; its keys keep their own.
    ConfigNode result = base && base->is_map() ? std::move(*base) : ConfigNode::make_map(layer.location(), path);
    result.set_path(path);
    if (const ConfigNode* include = layer.find("include")) result = apply_includes(std::move(result), *include, dir, path);
    check_conflicts(layer, path);
    for (const auto& e : layer.entries()) {
      if (e.key == "include") continue;
      const KeyOp op = key_op(e);
      const std::string child = child_path(path, op.name);
      if (op.kind == KeyOp::set) {
        // A map merged into a map keeps its key where it was first written; a value that
        // replaces another comes with its own key.
        const ConfigNode::Entry* before = result.find_entry(e.key);
        if (before && before->value.is_map() && e.value.is_map()) {
          const SourceLocation key_at = before->key_location;
          result.set(e.key, key_at, compose(before->value, e.value, dir, child));
        } else {
          result.set(e.key, e.key_location, compose(std::nullopt, e.value, dir, child));
        }
      } else if (op.kind == KeyOp::append) {
        append_items(result, e, op, dir, child);
      } else {
        merge_item(result, e, op, dir, child);
      }
    }
    return result;
  }

  void append_items(ConfigNode& result, const ConfigNode::Entry& e, const KeyOp& op, const std::string& dir,
                    const std::string& child) {
    if (!e.value.is_sequence()) {
      throw located(e.key_location, child,
                    "'" + e.key + "' needs a list of items to append, got " + type_word(e.value),
                    "write '" + e.key + ": [...]' or '- ' lines under it; quote the key if '+' is part of its name");
    }
    const ConfigNode::Entry* before = result.find_entry(op.name);
    if (!before || before->value.is_null()) {
      result.set(op.name, e.key_location, compose(std::nullopt, e.value, dir, child));
      return;
    }
    if (!before->value.is_sequence()) {
      throw located(e.key_location, child,
                    "cannot append to '" + op.name + "': it is " + type_word(before->value) + ", not a list",
                    "'" + op.name + "' is set at " + before->value.location().str() + "; write '" + op.name +
                        ":' to replace it");
    }
    ConfigNode list = before->value;
    const SourceLocation key_at = before->key_location;
    for (const auto& item : e.value.items()) {
      list.append(compose(std::nullopt, item, dir, item_path(child, list.items().size())));
    }
    result.set(op.name, key_at, std::move(list));
  }

  void merge_item(ConfigNode& result, const ConfigNode::Entry& e, const KeyOp& op, const std::string& dir,
                  const std::string& child) {
    if (!e.value.is_map()) {
      throw located(e.key_location, child,
                    "'" + e.key + "' needs a map of keys to merge into item '" + op.id + "', got " +
                        type_word(e.value),
                    "for example '" + e.key + ": {title: ...}'");
    }
    const ConfigNode::Entry* before = result.find_entry(op.name);
    if (!before || before->value.is_null()) {
      std::vector<std::string> keys;
      for (const auto& k : result.entries()) keys.push_back(k.key);
      const auto near = closest_match(op.name, keys);
      throw located(e.key_location, child, "no list '" + op.name + "' to change item '" + op.id + "' of",
                    near ? "did you mean '" + *near + "'?"
                         : "'" + e.key + ":' changes an item of a list that an earlier file (an include) sets");
    }
    if (!before->value.is_sequence()) {
      throw located(e.key_location, child,
                    "'" + op.name + "' is " + type_word(before->value) + ", not a list, so it has no item '" + op.id +
                        "'",
                    "'" + op.name + "' is set at " + before->value.location().str());
    }
    const auto& items = before->value.items();
    std::size_t found = items.size();
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < items.size() && found == items.size(); ++i) {
      const ConfigNode* id = items[i].find("id");
      if (!id || !id->is_scalar()) continue;
      if (id->scalar() == op.id) found = i;
      ids.push_back(id->scalar());
    }
    if (found == items.size()) {
      const auto near = closest_match(op.id, ids);
      std::string hint;
      if (near) {
        hint = "did you mean '" + *near + "'?";
      } else if (ids.empty()) {
        hint = "no item of '" + op.name + "' has an 'id:'";
      } else {
        hint = "the ids are:";
        for (std::size_t i = 0; i < ids.size(); ++i) hint += (i ? ", " : " ") + ids[i];
      }
      throw located(e.key_location, child, "no item with id '" + op.id + "' in '" + op.name + "'", hint);
    }
    ConfigNode list = ConfigNode::make_sequence(before->value.location(), child);
    const SourceLocation key_at = before->key_location;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i == found) {
        list.append(compose(items[i], e.value, dir, item_path(child, i)));
      } else {
        list.append(items[i]);
      }
    }
    result.set(op.name, key_at, std::move(list));
  }

  ConfigNode apply_includes(ConfigNode result, const ConfigNode& include, const std::string& dir,
                            const std::string& path) {
    std::vector<const ConfigNode*> targets;
    if (include.is_scalar()) {
      targets.push_back(&include);
    } else if (include.is_sequence()) {
      for (const auto& item : include.items()) targets.push_back(&item);
    } else {
      throw include.error("'include' takes a file name or a list of file names");
    }
    for (const ConfigNode* target : targets) {
      fs::path p = fs::path(target->as_string());
      if (p.is_relative()) p = fs::path(dir) / p;
      result = load(p.lexically_normal().string(), target, std::move(result), path);
    }
    return result;
  }

  // Reads `file` and applies it over `base` at `path` (an include), or on its own.
  ConfigNode load(const std::string& file, const ConfigNode* included_from, std::optional<ConfigNode> base = {},
                  const std::string& path = "") {
    // The error_code overload: a name too long for the file system must not throw filesystem_error.
    std::error_code canonical_error;
    const fs::path canonical = fs::weakly_canonical(fs::path(file), canonical_error);
    const std::string key = canonical_error ? fs::path(file).lexically_normal().string() : canonical.string();
    if (std::find(include_stack.begin(), include_stack.end(), key) != include_stack.end()) {
      std::string chain;
      for (const auto& f : include_stack) chain += fs::path(f).filename().string() + " -> ";
      chain += fs::path(key).filename().string();
      throw included_from->error("include cycle: " + chain, "remove one of these includes");
    }
    // A FIFO or a device would block the loader forever: only regular files are read.
    std::error_code type_error;
    if (fs::exists(file, type_error) && !fs::is_regular_file(file, type_error)) {
      std::string message = "'" + file + "' is not a regular file";
      if (included_from) throw included_from->error(message, "include YAML files only");
      throw Error(message, SourceLocation{file, 0, 0}, "give a YAML file");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::string message = "cannot read configuration file '" + file + "'";
      if (included_from) throw included_from->error(message, "the path is relative to the including file");
      throw Error(message, SourceLocation{file, 0, 0}, "check the path");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    include_stack.push_back(key);
    Parsed parsed = parse(buffer.str(), file);
    if (included_from && !parsed.root.is_map()) {
      throw included_from->error("included file '" + included_from->as_string() + "' must contain a map of keys");
    }
    ConfigNode node = !base && !parsed.special
                          ? std::move(parsed.root)
                          : compose(std::move(base), parsed.root, fs::path(file).parent_path().string(), path);
    include_stack.pop_back();
    return node;
  }
};

}  // namespace

ConfigNode load_yaml_file(const std::string& path) {
  Loader loader;
  return loader.load(path, nullptr);
}

ConfigNode load_yaml_string(const std::string& text, const std::string& name, const std::string& base_dir) {
  Loader loader;
  Parsed parsed = loader.parse(text, name);
  if (!parsed.special) return std::move(parsed.root);
  return loader.compose(std::nullopt, parsed.root, base_dir, "");
}

}  // namespace povo::config
