// The one rule for relative paths in a configuration, applied once, when the job is
// compiled (docs/config-reference.md, "Paths"):
//
//   a relative path written in a configuration file starts at the folder of that file
//   (for an included file: the included file, not the job file); a relative path given
//   on the command line (--set KEY=PATH, --out DIR) starts at the working directory.
//
// Source options are the exception the plugins document: their file names start at
// SourceContext::base_dir, which is data_dir when the job sets one (itself resolved by
// the rule above) and otherwise the folder of the file that declares the source.
#pragma once

#include <povo/config_node.hpp>

#include <string>

namespace povo::job {

/// True for a location made by `--set` on the command line.
bool from_command_line(const SourceLocation& at);

/// The folder relative paths of this node start at: its file's folder, or "." for --set.
std::string folder_of(const ConfigNode& node);

/// Resolves the path written in scalar `node` by the rule above, lexically normalised.
std::string resolve_path(const ConfigNode& node);

}  // namespace povo::job
