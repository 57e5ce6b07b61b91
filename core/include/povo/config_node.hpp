// The configuration tree handed to plugins: YAML already parsed, includes resolved
// and --set overrides applied, with the file:line:column of every node and key, and of
// every byte of a scalar (location_at).
// Plugins never see yaml-cpp, so the plugin ABI does not depend on it.
#pragma once

#include <povo/diagnostics.hpp>
#include <povo/export.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace povo {

class POVO_SDK_API ConfigNode {
 public:
  enum class Type { null, scalar, sequence, map };
  struct Entry;  // key, key location, value
  /// Where a run of a scalar's bytes was written: byte `offset` of scalar() is at
  /// `line`:`column` of location().file, and each following byte up to the next span's
  /// offset is one column further on the same line (see location_at()).
  struct ScalarSpan {
    std::uint32_t offset = 0;
    int line = 0;
    int column = 0;
    friend bool operator==(const ScalarSpan&, const ScalarSpan&) = default;
  };

  ConfigNode();
  ConfigNode(const ConfigNode&);
  ConfigNode(ConfigNode&&) noexcept;
  ConfigNode& operator=(const ConfigNode&);
  ConfigNode& operator=(ConfigNode&&) noexcept;
  ~ConfigNode();

  static ConfigNode make_null(SourceLocation at, std::string path);
  static ConfigNode make_scalar(std::string text, SourceLocation at, std::string path);
  static ConfigNode make_sequence(SourceLocation at, std::string path);
  static ConfigNode make_map(SourceLocation at, std::string path);

  Type type() const noexcept { return type_; }
  bool is_null() const noexcept { return type_ == Type::null; }
  bool is_scalar() const noexcept { return type_ == Type::scalar; }
  bool is_sequence() const noexcept { return type_ == Type::sequence; }
  bool is_map() const noexcept { return type_ == Type::map; }
  const SourceLocation& location() const noexcept { return location_; }
  /// The key path from the root, e.g. "sources[0].options.columns".
  const std::string& path() const noexcept { return path_; }
  /// The file:line:column of byte `offset` of scalar() (columns count bytes, from 1), so
  /// an error inside a value points at the exact character: exact for every YAML scalar
  /// style (plain, quoted, literal and folded blocks, multi-line, escapes, CRLF). A byte
  /// that an escape such as \u00e9 or '' produced is at the escape's first character; a
  /// space or line break that folding produced is at the line break it stands for.
  /// An offset at or past the end is one column after the last byte. Without span
  /// information (nodes built by make_scalar, or text the loader could not retrace), the
  /// same line as location() and column location().column + offset; location() itself
  /// for nodes that are not scalars or have no known line.
  SourceLocation location_at(std::size_t offset) const;

  /// Scalar text as written (after YAML unquoting).
  const std::string& scalar() const;
  const std::vector<ConfigNode>& items() const;  ///< sequence items
  const std::vector<Entry>& entries() const;     ///< map entries in file order
  /// Map lookup; nullptr when absent or when this is not a map. Constant time on large maps.
  const ConfigNode* find(std::string_view key) const;
  /// Map lookup of the whole entry (key, key location, value); nullptr when absent.
  const Entry* find_entry(std::string_view key) const;
  /// Map lookup that throws a located Error naming the missing key.
  const ConfigNode& at(std::string_view key) const;

  // Typed reads. Each throws povo::Error with this node's location, key path and the
  // expected type when the text does not fit ("expected a number, got 'abc'").
  std::string as_string() const;
  double as_number() const;
  long long as_integer() const;
  bool as_bool() const;
  std::vector<std::string> as_string_list() const;  ///< a sequence of scalars, or one scalar

  // Typed reads of an optional child with a default.
  std::string get_string(std::string_view key, std::string fallback) const;
  double get_number(std::string_view key, double fallback) const;
  long long get_integer(std::string_view key, long long fallback) const;
  bool get_bool(std::string_view key, bool fallback) const;

  /// An Error located at this node: "file:line:col: <message>" plus key path and hint.
  Error error(std::string message, std::string hint = {}) const;

  // Building (used by the config loader and by tests).
  ConfigNode& append(ConfigNode item);
  ConfigNode& set(std::string key, SourceLocation key_at, ConfigNode value);  ///< insert or replace
  bool erase(std::string_view key);
  void set_path(std::string path);  ///< re-roots this subtree's key paths
  /// Where the bytes of scalar() were written, for location_at(): spans in increasing
  /// offset order, the first at offset 0. Ignored unless this is a scalar.
  void set_scalar_spans(std::vector<ScalarSpan> spans);

 private:
  std::size_t find_index(std::string_view key) const;  // position in entries_, or entries_.size()
  void index_entry(std::size_t i);
  void rebuild_index();

  Type type_ = Type::null;
  SourceLocation location_;
  std::string path_;
  std::string scalar_;
  std::vector<ConfigNode> items_;
  std::vector<Entry> entries_;
  // A hash table over entries_ of large maps (open addressing, at most half full), so
  // loading a map of a million keys is not quadratic. Empty for small maps.
  std::vector<std::uint64_t> index_;
  // Empty when byte i of scalar_ is at location_ + i columns (a plain one-line scalar).
  std::vector<ScalarSpan> spans_;
};

struct ConfigNode::Entry {
  std::string key;
  SourceLocation key_location;
  ConfigNode value;
};

/// The options a plugin accepts, so `povo validate` checks them without running anything.
struct POVO_SDK_API OptionSpec {
  enum class Type { string, number, integer, boolean, string_list, map, list, any };
  std::string name;
  Type type = Type::string;
  bool required = false;
  std::string description;
  std::vector<std::string> choices;   ///< allowed scalar values, if restricted
  std::vector<OptionSpec> children;   ///< for map: its keys; for list: the keys of each item (a map)
  bool open_keys = false;             ///< map whose keys are free (e.g. column -> measure)
  std::string default_value;          ///< what applies when the key is absent, as text ("" if none)
  std::string example;                ///< a value as one would write it in YAML, for the reference

  /// Copies with a default or an example, for chaining:
  /// `OptionSpec::integer("min_group_size", "...").with_default("5")`.
  OptionSpec with_default(std::string text) const;
  OptionSpec with_example(std::string yaml) const;

  static OptionSpec string(std::string name, std::string description, bool required = false);
  static OptionSpec number(std::string name, std::string description, bool required = false);
  static OptionSpec integer(std::string name, std::string description, bool required = false);
  static OptionSpec boolean(std::string name, std::string description);
  static OptionSpec strings(std::string name, std::string description, bool required = false);
  static OptionSpec one_of(std::string name, std::vector<std::string> choices, std::string description,
                           bool required = false);
  static OptionSpec map(std::string name, std::vector<OptionSpec> keys, std::string description,
                        bool required = false);
  static OptionSpec free_map(std::string name, std::string description, bool required = false);
  static OptionSpec list_of(std::string name, std::vector<OptionSpec> item_keys, std::string description,
                            bool required = false);
  static OptionSpec anything(std::string name, std::string description, bool required = false);
};

/// Checks a map node against option specs: unknown keys (with "did you mean"), missing
/// required keys, wrong types, values outside choices. Returns every problem found.
POVO_SDK_API std::vector<Diagnostic> check_options(const ConfigNode& node, const std::vector<OptionSpec>& specs);

/// Levenshtein distance, for "did you mean" suggestions everywhere.
POVO_SDK_API std::size_t edit_distance(std::string_view a, std::string_view b);
/// The candidate closest to `word` if it is close enough to be a likely typo.
POVO_SDK_API std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace povo
