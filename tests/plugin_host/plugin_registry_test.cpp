#include "plugin_host/plugin_registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using povo::host::PluginRegistry;

namespace {

std::string reason_for(const PluginRegistry& r, const std::string& file_suffix) {
  for (const auto& rej : r.rejections()) {
    if (rej.file.size() >= file_suffix.size() &&
        rej.file.compare(rej.file.size() - file_suffix.size(), file_suffix.size(), file_suffix) == 0) {
      return rej.reason;
    }
  }
  return "<not rejected>";
}

class FakeBoardYear final : public povo::BoardYear {
 public:
  int year() const noexcept override { return 2024; }
  povo::Value input(std::size_t, int) const noexcept override { return povo::Value::of(21); }
};

}  // namespace

TEST(PluginRegistry, LoadsAndUsesARealPlugin) {
  PluginRegistry registry;
  registry.discover({FIXTURE_GOOD_DIR});
  ASSERT_TRUE(registry.rejections().empty()) << registry.rejections().front().str();
  ASSERT_EQ(registry.plugins().size(), 2u);
  const auto& p = *registry.find("fixture_good");
  EXPECT_EQ(p.id, "fixture_good");
  EXPECT_EQ(p.kind, "indicator");
  EXPECT_EQ(p.version, "1.2.3");
  EXPECT_EQ(p.provides, std::vector<std::string>{"doubled"});

  auto set = registry.create_indicator_set(p);
  povo::ConfigNode options = povo::ConfigNode::make_map({}, "options");
  options.set("factor", {}, povo::ConfigNode::make_scalar("3", {}, ""));
  ASSERT_TRUE(set->configure(options).is_ok());
  EXPECT_EQ(set->compute(0, FakeBoardYear()), povo::Value::of(63));
}

TEST(PluginRegistry, ObjectKeepsItsLibraryLoadedAfterTheRegistryIsGone) {
  std::shared_ptr<povo::IndicatorSet> set;
  {
    PluginRegistry registry;
    registry.discover({FIXTURE_GOOD_DIR});
    set = registry.create_indicator_set(*registry.find("fixture_good"));
  }
  // The registry and its library handle are gone; a virtual call must still work.
  EXPECT_EQ(set->indicators().at(0).id, "doubled");
  EXPECT_EQ(set->compute(0, FakeBoardYear()), povo::Value::of(42));
}

TEST(PluginRegistry, PluginErrorsComeBackAsStatusNotExceptions) {
  PluginRegistry registry;
  registry.discover({FIXTURE_GOOD_DIR});
  auto set = registry.create_indicator_set(*registry.find("fixture_good"));
  povo::ConfigNode options = povo::ConfigNode::make_map({"job.yaml", 4, 3}, "indicator_sets[0].options");
  options.set("factor", {"job.yaml", 5, 5}, povo::ConfigNode::make_scalar("twee", {"job.yaml", 5, 13}, ""));
  povo::Status s = set->configure(options);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.error().str(),
            "job.yaml:5:13: error: indicator_sets[0].options.factor: expected a number, got 'twee' "
            "(write numbers with a decimal point, e.g. 0.30)");
}

TEST(PluginRegistry, RejectsEachBrokenFixtureWithOneLineReason) {
  PluginRegistry registry;
  registry.discover({FIXTURE_GOOD_DIR, FIXTURE_ALL_DIR});
  EXPECT_EQ(reason_for(registry, "libpovo_not_elf.so"), "not a shared library (no ELF header)");
  EXPECT_EQ(reason_for(registry, "libpovo_empty.so"), "empty file, not a shared library");
  EXPECT_EQ(reason_for(registry, "libpovo_fixture_no_manifest.so"),
            "no povo manifest (the library does not export 'povo_plugin_manifest'); is it a povo plugin?");
  EXPECT_EQ(reason_for(registry, "libpovo_fixture_wrong_api.so"),
            "incompatible plugin API version 99.0 (this povo provides API " + std::to_string(POVO_API_VERSION_MAJOR) +
                "." + std::to_string(POVO_API_VERSION_MINOR) + "; rebuild the plugin against this povo's SDK)");
  EXPECT_EQ(reason_for(registry, "libpovo_fixture_throws.so"),
            "factory failed: cannot connect to the board warehouse");
  // Files are taken in sorted order, so dup_a is accepted and dup_b names both files.
  EXPECT_EQ(reason_for(registry, "libpovo_fixture_dup_b.so"),
            "duplicate plugin id 'fixture_dup': already loaded from " FIXTURE_ALL_DIR
            "/libpovo_fixture_dup_a.so; remove one of the two files");
  EXPECT_EQ(registry.rejections().size(), 6u);
  std::vector<std::string> ids = registry.ids();
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"fixture_dup", "fixture_good", "fixture_source"}));
  for (const auto& r : registry.rejections()) EXPECT_EQ(r.str().find('\n'), std::string::npos) << r.str();
}

TEST(PluginRegistry, MissingExplicitDirectoryIsReported) {
  PluginRegistry registry;
  registry.discover({"/nonexistent/povo/plugins", "/also/not/there"}, 1);
  ASSERT_EQ(registry.rejections().size(), 1u);
  EXPECT_EQ(registry.rejections()[0].str(), "/nonexistent/povo/plugins: plugin directory does not exist");
}

TEST(PluginRegistry, WrongKindIsAnError) {
  PluginRegistry registry;
  registry.discover({FIXTURE_GOOD_DIR});
  EXPECT_THROW(registry.create_data_source(*registry.find("fixture_good")), povo::Error);
}
