// What every plugin exports: a manifest the loader reads without creating any object,
// and a factory (a Boost.DLL alias) that creates the plugin's object.
//
//   #include <povo/data_source.hpp>
//   class MySource : public povo::SimpleDataSource { ... };
//   POVO_DATA_SOURCE_PLUGIN(MySource, "my_source", "1.0.0", "Reads my files", "my_source")
#pragma once

#include <povo/export.hpp>
#include <povo/version.hpp>

#include <boost/dll/alias.hpp>

#include <cstdint>
#include <exception>
#include <string>

namespace povo {

/// Base of every object a plugin creates. Its key function lives in libpovo_sdk, so
/// its type_info is shared by the core and all plugins.
class POVO_SDK_API Plugin {
 public:
  Plugin() = default;
  Plugin(const Plugin&) = delete;
  Plugin& operator=(const Plugin&) = delete;
  virtual ~Plugin();
};

/// The factory signature exported as "povo_plugin_create". It never throws: on failure
/// it returns nullptr and writes the reason to *error.
using PluginFactory = Plugin*(std::string* error);

inline constexpr const char* manifest_symbol = "povo_plugin_manifest";
inline constexpr const char* factory_symbol = "povo_plugin_create";
inline constexpr std::uint32_t manifest_magic = 0x4f564f50;  // "POVO"

}  // namespace povo

/// Plain C data, so any povo can read the manifest of any plugin, whatever API
/// version either was built with. Fields may only ever be appended.
extern "C" struct povo_manifest {
  std::uint32_t magic;         ///< povo::manifest_magic
  std::uint32_t api_major;     ///< POVO_API_VERSION_MAJOR the plugin was built with
  std::uint32_t api_minor;     ///< POVO_API_VERSION_MINOR the plugin was built with
  const char* kind;            ///< "data-source" or "indicator"
  const char* id;              ///< unique plugin id, e.g. "duo_csv"
  const char* version;         ///< the plugin's own version, e.g. "1.2.0"
  const char* description;     ///< one line
  const char* provides;        ///< comma-separated: source types or indicator ids
};

#define POVO_DETAIL_PLUGIN(Class, kind_text, id_text, version_text, description_text, provides_text) \
  extern "C" POVO_PLUGIN_EXPORT const povo_manifest povo_plugin_manifest = {                         \
      ::povo::manifest_magic, POVO_API_VERSION_MAJOR, POVO_API_VERSION_MINOR, kind_text,           \
      id_text, version_text, description_text, provides_text};                                     \
  namespace {                                                                                      \
  ::povo::Plugin* povo_detail_create(std::string* error) {                                          \
    try {                                                                                          \
      return new Class();                                                                          \
    } catch (const std::exception& e) {                                                            \
      if (error) *error = e.what();                                                                \
    } catch (...) {                                                                                \
      if (error) *error = "unknown exception";                                                     \
    }                                                                                              \
    return nullptr;                                                                                \
  }                                                                                                \
  }                                                                                                \
  BOOST_DLL_ALIAS(povo_detail_create, povo_plugin_create)

/// Declares a data-source plugin whose objects are of type Class (a povo::DataSource).
#define POVO_DATA_SOURCE_PLUGIN(Class, id, version, description, provides) \
  POVO_DETAIL_PLUGIN(Class, "data-source", id, version, description, provides)

/// Declares an indicator plugin whose object is of type Class (a povo::IndicatorSet).
#define POVO_INDICATOR_PLUGIN(Class, id, version, description, provides) \
  POVO_DETAIL_PLUGIN(Class, "indicator", id, version, description, provides)
