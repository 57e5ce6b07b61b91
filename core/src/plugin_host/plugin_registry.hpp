// Finds plugin libraries, checks their manifests, and creates plugin objects that
// keep their library loaded for as long as they live.
#pragma once

#include <povo/data_source.hpp>
#include <povo/indicator.hpp>
#include <povo/plugin.hpp>

#include <boost/dll/shared_library.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace povo::host {

/// A plugin whose manifest was read and whose factory was tried once.
struct PluginRecord {
  std::string file;
  std::string id;
  std::string kind;  ///< "data-source" or "indicator"
  std::string version;
  std::string description;
  std::vector<std::string> provides;
  unsigned api_major = 0;
  unsigned api_minor = 0;
  std::shared_ptr<boost::dll::shared_library> library;
};

/// A file that was not accepted, with a one-line reason that names it.
struct Rejection {
  std::string file;
  std::string reason;
  std::string str() const { return file + ": " + reason; }
};

class PluginRegistry {
 public:
  /// Scans directories in order, each one's *.so files in sorted name order.
  /// A missing directory named on the command line is reported as a rejection.
  void discover(const std::vector<std::string>& dirs, std::size_t explicit_dirs = 0);
  /// Checks one file and adds it, or records why it was rejected. Never throws.
  void add_file(const std::string& path);

  const std::vector<PluginRecord>& plugins() const { return plugins_; }
  const std::vector<Rejection>& rejections() const { return rejections_; }
  const PluginRecord* find(std::string_view id) const;
  std::vector<std::string> ids(std::string_view kind = {}) const;

  /// Creates the plugin's object. Throws povo::Error naming the plugin when its
  /// factory fails or it is of another kind. The object keeps the library loaded.
  std::shared_ptr<DataSource> create_data_source(const PluginRecord& plugin) const;
  std::shared_ptr<IndicatorSet> create_indicator_set(const PluginRecord& plugin) const;

 private:
  std::vector<PluginRecord> plugins_;
  std::vector<Rejection> rejections_;
};

}  // namespace povo::host
