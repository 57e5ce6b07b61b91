#include "config/yaml_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace povo::config {
namespace {

SourceLocation at(const std::string& file, const YAML::Mark& m) {
  // yaml-cpp marks are 0-based; an unknown mark is -1.
  if (m.line < 0) return SourceLocation{file, 0, 0};
  return SourceLocation{file, m.line + 1, m.column + 1};
}

struct Loader {
  std::vector<std::string> include_stack;  // normalized paths, for cycle detection
  std::size_t nodes = 0;
  std::size_t depth = 0;

  ConfigNode convert(const YAML::Node& y, const std::string& file, const std::string& path) {
    if (++nodes > max_config_nodes) {
      throw Error("configuration expands to more than " + std::to_string(max_config_nodes) + " values",
                  at(file, y.Mark()), "check for YAML aliases (*name) that repeat large parts of the file");
    }
    // An alias inside its own anchor (`a: &a [1, *a]`) makes a cyclic node: stop before the stack does.
    if (depth >= max_config_depth) {
      throw Error("configuration is nested more than " + std::to_string(max_config_depth) + " levels deep",
                  at(file, y.Mark()), "check for a YAML alias (*name) inside its own anchor (&name)");
    }
    struct Deeper {
      std::size_t& d;
      explicit Deeper(std::size_t& d) : d(++d) {}
      ~Deeper() { --d; }
    } deeper(depth);
    SourceLocation where = at(file, y.Mark());
    switch (y.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        return ConfigNode::make_null(where, path);
      case YAML::NodeType::Scalar:
        return ConfigNode::make_scalar(y.Scalar(), where, path);
      case YAML::NodeType::Sequence: {
        ConfigNode seq = ConfigNode::make_sequence(where, path);
        for (const auto& item : y) seq.append(convert(item, file, path));
        return seq;
      }
      case YAML::NodeType::Map: {
        ConfigNode map = ConfigNode::make_map(where, path);
        for (const auto& kv : y) {
          if (!kv.first.IsScalar()) {
            throw Error("a key must be a plain name", at(file, kv.first.Mark()));
          }
          const std::string key = kv.first.Scalar();
          SourceLocation key_at = at(file, kv.first.Mark());
          if (map.find(key)) {
            auto first = std::find_if(map.entries().begin(), map.entries().end(),
                                      [&](const ConfigNode::Entry& e) { return e.key == key; });
            throw Error("duplicate key '" + key + "'", key_at,
                        "it is already set at line " + std::to_string(first->key_location.line) +
                            "; remove one of them");
          }
          map.set(key, key_at, convert(kv.second, file, path.empty() ? key : path + "." + key));
        }
        return map;
      }
    }
    return ConfigNode::make_null(where, path);
  }

  // Merges `base` underneath `top`: keys of `top` win; maps merge recursively.
  static void merge_under(ConfigNode& top, const ConfigNode& base) {
    for (const auto& e : base.entries()) {
      const ConfigNode* mine = top.find(e.key);
      if (!mine) {
        top.set(e.key, e.key_location, e.value);
      } else if (mine->is_map() && e.value.is_map()) {
        ConfigNode merged = *mine;
        merge_under(merged, e.value);
        SourceLocation key_at;
        for (const auto& own : top.entries()) {
          if (own.key == e.key) key_at = own.key_location;
        }
        top.set(e.key, key_at, std::move(merged));
      }
    }
  }

  void resolve_includes(ConfigNode& node, const std::string& base_dir) {
    if (node.is_sequence()) {
      std::vector<ConfigNode> items = node.items();
      ConfigNode rebuilt = ConfigNode::make_sequence(node.location(), node.path());
      for (auto& item : items) {
        resolve_includes(item, base_dir);
        rebuilt.append(std::move(item));
      }
      node = std::move(rebuilt);
      return;
    }
    if (!node.is_map()) return;
    for (const auto& e : std::vector<ConfigNode::Entry>(node.entries())) {
      if (e.key == "include") continue;
      ConfigNode child = e.value;
      resolve_includes(child, base_dir);
      node.set(e.key, e.key_location, std::move(child));
    }
    const ConfigNode* include = node.find("include");
    if (!include) return;
    const ConfigNode inc = *include;
    node.erase("include");
    std::vector<ConfigNode> targets;
    if (inc.is_scalar()) targets.push_back(inc);
    else if (inc.is_sequence()) targets = inc.items();
    else throw inc.error("'include' takes a file name or a list of file names");
    for (const auto& target : targets) {
      fs::path p = fs::path(target.as_string());
      if (p.is_relative()) p = fs::path(base_dir) / p;
      ConfigNode included = load(p.lexically_normal().string(), &target);
      if (!included.is_map()) {
        throw target.error("included file '" + target.as_string() + "' must contain a map of keys");
      }
      included.set_path(node.path());
      merge_under(node, included);
    }
  }

  ConfigNode parse(const std::string& text, const std::string& file, const std::string& base_dir) {
    YAML::Node root;
    try {
      root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
      throw Error("YAML syntax error: " + e.msg, at(file, e.mark), "check indentation and quoting near this place");
    }
    ConfigNode node = convert(root, file, "");
    resolve_includes(node, base_dir);
    return node;
  }

  ConfigNode load(const std::string& file, const ConfigNode* included_from) {
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
    ConfigNode node = parse(buffer.str(), file, fs::path(file).parent_path().string());
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
  return loader.parse(text, name, base_dir);
}

}  // namespace povo::config
