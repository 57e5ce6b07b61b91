// The batch manifest: deterministic JSON (no times), and a reader for --resume.
#pragma once

#include "batch/batch.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace povo::batch::detail {

/// Appends s as a JSON string literal: quotes, backslashes and control characters
/// escaped, UTF-8 passed through, invalid UTF-8 bytes replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view s);

using Metadata = std::vector<std::pair<std::string, std::string>>;

/// The manifest text. `complete` is false while items are still running or after an interrupt.
std::string manifest_json(const Metadata& metadata, const std::vector<ItemResult>& items, bool complete,
                          const std::vector<std::string>& run_warnings = {});

struct ParsedManifest {
  Metadata metadata;
  std::vector<ItemResult> items;  ///< "ok" + "reused": true reads as Status::reused
  std::vector<std::string> run_warnings;
  bool complete = false;
};

/// Parses a manifest written by manifest_json; throws std::runtime_error on malformed input.
ParsedManifest parse_manifest(std::string_view json);

}  // namespace povo::batch::detail
