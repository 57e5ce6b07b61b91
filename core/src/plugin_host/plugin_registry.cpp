#include "plugin_host/plugin_registry.hpp"

#include <povo/version.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace povo::host {
namespace {

const char* const kind_data_source = "data-source";
const char* const kind_indicator = "indicator";

std::vector<std::string> split_provides(const char* text) {
  std::vector<std::string> out;
  std::stringstream in(text ? text : "");
  std::string item;
  while (std::getline(in, item, ',')) {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// The factory is called through the library, and the object it returns is deleted
// before the library reference it holds is dropped (Boost.DLL tutorial 8).
template <class T>
std::shared_ptr<T> create(const PluginRecord& plugin, const char* expected_kind) {
  if (plugin.kind != expected_kind) {
    throw Error("plugin '" + plugin.id + "' is a " + plugin.kind + " plugin, not a " + expected_kind + " plugin",
                {}, "check the 'plugin:' name in the configuration");
  }
  std::string error;
  Plugin* raw = nullptr;
  try {
    auto& factory = plugin.library->get_alias<PluginFactory>(factory_symbol);
    raw = factory(&error);
  } catch (const std::exception& e) {
    error = e.what();
  }
  if (!raw) {
    throw Error("plugin '" + plugin.id + "' (" + plugin.file + ") factory failed: " + error);
  }
  T* typed = dynamic_cast<T*>(raw);
  if (!typed) {
    delete raw;
    throw Error("plugin '" + plugin.id + "' (" + plugin.file + ") declares kind '" + plugin.kind +
                "' but its factory made an object of another kind");
  }
  std::shared_ptr<boost::dll::shared_library> library = plugin.library;
  return std::shared_ptr<T>(typed, [library](T* object) mutable {
    delete object;
    library.reset();
  });
}

}  // namespace

void PluginRegistry::discover(const std::vector<std::string>& dirs, std::size_t explicit_dirs) {
  for (std::size_t d = 0; d < dirs.size(); ++d) {
    std::error_code ec;
    if (!fs::is_directory(dirs[d], ec)) {
      if (d < explicit_dirs) rejections_.push_back({dirs[d], "plugin directory does not exist"});
      continue;
    }
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dirs[d], ec)) {
      const std::string name = entry.path().filename().string();
      if (name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0) files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_file(f);
  }
}

void PluginRegistry::add_file(const std::string& path) {
  auto reject = [&](std::string reason) { rejections_.push_back({path, std::move(reason)}); };
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return reject("not a regular file");
  if (fs::file_size(path, ec) == 0) return reject("empty file, not a shared library");
  {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    if (!in || magic[0] != 0x7f || magic[1] != 'E' || magic[2] != 'L' || magic[3] != 'F') {
      return reject("not a shared library (no ELF header)");
    }
  }

  PluginRecord record;
  record.file = path;
  try {
    record.library = std::make_shared<boost::dll::shared_library>(
        path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    return reject(std::string("cannot be loaded: ") + e.what());
  }
  if (!record.library->has(manifest_symbol)) {
    return reject(std::string("no povo manifest (the library does not export '") + manifest_symbol +
                  "'); is it a povo plugin?");
  }
  const auto& manifest = record.library->get<const povo_manifest>(manifest_symbol);
  if (manifest.magic != manifest_magic) return reject("corrupt povo manifest (bad magic number)");
  if (manifest.api_major != api_version_major || manifest.api_minor > api_version_minor) {
    return reject("incompatible plugin API version " + std::to_string(manifest.api_major) + "." +
                  std::to_string(manifest.api_minor) + " (this povo provides API " +
                  std::to_string(api_version_major) + "." + std::to_string(api_version_minor) +
                  "; rebuild the plugin against this povo's SDK)");
  }
  if (!manifest.id || !*manifest.id) return reject("povo manifest has no plugin id");
  if (!manifest.kind || (std::string(manifest.kind) != kind_data_source && std::string(manifest.kind) != kind_indicator)) {
    return reject(std::string("unknown plugin kind '") + (manifest.kind ? manifest.kind : "") +
                  "' (expected 'data-source' or 'indicator')");
  }
  record.id = manifest.id;
  record.kind = manifest.kind;
  record.version = manifest.version ? manifest.version : "";
  record.description = manifest.description ? manifest.description : "";
  record.provides = split_provides(manifest.provides);
  record.api_major = manifest.api_major;
  record.api_minor = manifest.api_minor;

  if (const PluginRecord* earlier = find(record.id)) {
    return reject("duplicate plugin id '" + record.id + "': already loaded from " + earlier->file +
                  "; remove one of the two files");
  }
  if (!record.library->has(factory_symbol)) {
    return reject(std::string("no plugin factory (the library does not export '") + factory_symbol + "')");
  }
  // Try the factory once, so a plugin that cannot even be created is reported now.
  try {
    if (record.kind == kind_data_source) create<DataSource>(record, kind_data_source);
    else create<IndicatorSet>(record, kind_indicator);
  } catch (const Error& e) {
    std::string why = e.diagnostic().message;
    const std::string prefix = "plugin '" + record.id + "' (" + path + ") ";
    if (why.rfind(prefix, 0) == 0) why = why.substr(prefix.size());
    return reject(why);
  }
  plugins_.push_back(std::move(record));
}

const PluginRecord* PluginRegistry::find(std::string_view id) const {
  for (const auto& p : plugins_) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::vector<std::string> PluginRegistry::ids(std::string_view kind) const {
  std::vector<std::string> out;
  for (const auto& p : plugins_) {
    if (kind.empty() || p.kind == kind) out.push_back(p.id);
  }
  return out;
}

std::shared_ptr<DataSource> PluginRegistry::create_data_source(const PluginRecord& plugin) const {
  return create<DataSource>(plugin, kind_data_source);
}

std::shared_ptr<IndicatorSet> PluginRegistry::create_indicator_set(const PluginRecord& plugin) const {
  return create<IndicatorSet>(plugin, kind_indicator);
}

}  // namespace povo::host
