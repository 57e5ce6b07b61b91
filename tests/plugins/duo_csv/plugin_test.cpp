// The built plugin module: its manifest and factory, loaded with Boost.DLL as the core
// loads it, and one load through the DataSource interface only.
#include "test_support.hpp"

#include <povo/data_source.hpp>
#include <povo/plugin.hpp>

#include <boost/dll/shared_library.hpp>

#include <gtest/gtest.h>

#include <memory>

using namespace duo_test;

namespace {
std::filesystem::path find_plugin() {
  for (const auto& e : std::filesystem::recursive_directory_iterator(POVO_BINARY_DIR)) {
    if (e.path().filename() == "libpovo_duo_csv.so") return e.path();
  }
  return {};
}
}  // namespace

TEST(DuoCsvPlugin, ManifestFactoryAndLoadThroughTheInterface) {
  const auto path = find_plugin();
  ASSERT_FALSE(path.empty()) << "libpovo_duo_csv.so not built under " << POVO_BINARY_DIR;
  boost::dll::shared_library lib(path.string(), boost::dll::load_mode::rtld_lazy | boost::dll::load_mode::rtld_local);
  const auto& manifest = lib.get<const povo_manifest>(povo::manifest_symbol);
  EXPECT_EQ(manifest.magic, povo::manifest_magic);
  EXPECT_STREQ(manifest.kind, "data-source");
  EXPECT_STREQ(manifest.id, "duo_csv");
  EXPECT_STREQ(manifest.provides, "duo_csv");
  auto& create = lib.get_alias<povo::PluginFactory>(povo::factory_symbol);
  std::string error;
  std::unique_ptr<povo::Plugin> plugin(create(&error));
  ASSERT_TRUE(plugin) << error;
  auto* source = dynamic_cast<povo::DataSource*>(plugin.get());
  ASSERT_TRUE(source);
  EXPECT_GT(source->option_specs().size(), 15u);

  const auto root = duo_test::load_yaml_string(
      "options: {file: po_branches_cp1252.csv, entity: branch, key: VESTIGINGSNUMMER, parents: [{kind: school, key: "
      "BRIN NUMMER}, {kind: board, key: BEVOEGD GEZAG NUMMER}]}\n",
      "test.yaml");
  povo::SourceContext ctx;
  ctx.base_dir = fixtures;
  ASSERT_TRUE(source->configure(root.at("options"), ctx));
  povo::Dataset ds;
  CollectingSink sink;
  const auto st = source->load(ds, sink);
  ASSERT_TRUE(st) << st.error().str();
  EXPECT_EQ(ds.entity_count(povo::EntityKind::branch), 3u);
  EXPECT_EQ(ds.entity_count(povo::EntityKind::board), 2u);
  // An error inside the plugin comes back as a Status, not an exception.
  const auto bad = duo_test::load_yaml_string("options: {file: nope.csv, entity: branch, key: X}\n", "test.yaml");
  ASSERT_TRUE(source->configure(bad.at("options"), ctx));
  const auto failed = source->load(ds, sink);
  EXPECT_FALSE(failed);
  EXPECT_NE(failed.error().message.find("cannot open data file"), std::string::npos);
  plugin.reset();  // before the library is unloaded
}
