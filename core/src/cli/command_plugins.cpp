#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace povo::cli {

int command_plugins(const CommonOptions& options, std::ostream& out, std::ostream& err) {
  host::PluginRegistry registry;
  const bool ok = load_plugins(registry, options, err);
  struct Row {
    std::string id, kind, version, provides, file;
  };
  std::vector<Row> rows{{"ID", "KIND", "VERSION", "PROVIDES", "FILE"}};
  for (const auto& p : registry.plugins()) {
    // Long lists are cut to fit the table: "a,b,c (+11)".
    std::string provides;
    std::size_t shown = 0;
    for (const auto& item : p.provides) {
      if (!provides.empty() && provides.size() + item.size() > 40) break;
      provides += (provides.empty() ? "" : ",") + item;
      ++shown;
    }
    if (shown < p.provides.size()) provides += " (+" + std::to_string(p.provides.size() - shown) + ")";
    rows.push_back({p.id, p.kind, p.version, provides, p.file});
  }
  std::size_t w[4] = {};
  for (const auto& r : rows) {
    w[0] = std::max(w[0], r.id.size());
    w[1] = std::max(w[1], r.kind.size());
    w[2] = std::max(w[2], r.version.size());
    w[3] = std::max(w[3], std::min<std::size_t>(r.provides.size(), 48));
  }
  for (const auto& r : rows) {
    out << std::left << std::setw(static_cast<int>(w[0] + 2)) << r.id << std::setw(static_cast<int>(w[1] + 2)) << r.kind
        << std::setw(static_cast<int>(w[2] + 2)) << r.version << std::setw(static_cast<int>(w[3] + 2)) << r.provides
        << r.file << '\n';
  }
  if (registry.plugins().empty()) err << "warning: no plugins found; use --plugin-path DIR or set POVO_PLUGIN_PATH\n";
  return ok ? exit_ok : exit_run_errors;
}

}  // namespace povo::cli
