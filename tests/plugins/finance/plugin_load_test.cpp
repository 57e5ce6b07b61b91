// Loads the four built indicator plugins as the core does (Boost.DLL): each exports a
// manifest naming every indicator it provides, and its factory creates an IndicatorSet.
#include <povo/indicator.hpp>
#include <povo/plugin.hpp>

#include <boost/dll/shared_library.hpp>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

namespace {

struct Expected {
  const char* path;
  const char* id;
  std::size_t indicators;
};

const Expected plugins[] = {
    {POVO_PLUGIN_FINANCE, "finance", 14},
    {POVO_PLUGIN_PUPILS, "pupils", 5},
    {POVO_PLUGIN_STAFF, "staff", 10},
    {POVO_PLUGIN_OUTCOMES, "outcomes", 5},
};

}  // namespace

TEST(IndicatorPlugins, LoadAndCreate) {
  for (const auto& e : plugins) {
    SCOPED_TRACE(e.path);
    boost::dll::shared_library lib(e.path);
    const auto& m = lib.get<const povo_manifest>(povo::manifest_symbol);
    EXPECT_EQ(m.magic, povo::manifest_magic);
    EXPECT_STREQ(m.kind, "indicator");
    EXPECT_STREQ(m.id, e.id);
    EXPECT_GT(std::string(m.description).size(), 10u);

    auto& create = lib.get_alias<povo::PluginFactory>(povo::factory_symbol);
    std::string error;
    {
      std::unique_ptr<povo::Plugin> plugin(create(&error));
      ASSERT_TRUE(plugin) << error;
      auto* set = dynamic_cast<povo::IndicatorSet*>(plugin.get());
      ASSERT_NE(set, nullptr);
      auto infos = set->indicators();
      EXPECT_EQ(infos.size(), e.indicators);
      // The manifest's "provides" lists exactly the ids, in order.
      std::string ids;
      for (const auto& i : infos) ids += (ids.empty() ? "" : ",") + i.id;
      EXPECT_EQ(std::string(m.provides), ids);
      EXPECT_TRUE(set->configure(povo::ConfigNode::make_null({}, "options")));
    }  // the object goes before its library
  }
}
