// Fuzz target: YAML configuration. The input is YAML text, optionally followed by a NUL
// byte and `--set` assignments separated by NUL bytes. The text is loaded with
// load_yaml_string relative to a temporary folder that holds a few includable files
// (a map, a list, a file including itself, two files including each other, a missing
// name), then every assignment is applied with apply_override.
// Expected failures are povo::Error; anything else is a bug.
#include "fuzz_common.hpp"

#include "config/overrides.hpp"
#include "config/yaml_loader.hpp"

#include <povo/config_node.hpp>
#include <povo/diagnostics.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const std::string& include_dir() {
  static const std::string dir = [] {
    const fs::path d = fs::temp_directory_path() / ("povo-fuzz-config-" + std::to_string(::getpid()));
    fs::create_directories(d / "sub");
    auto put = [&](const fs::path& p, const char* text) { std::ofstream(d / p, std::ios::binary) << text; };
    put("map.yaml", "year: 2024\nsector: po\nreports: {board: {title: T}}\n");
    put("list.yaml", "- 1\n- 2\n");
    put("self.yaml", "include: self.yaml\nx: 1\n");
    put("a.yaml", "include: b.yaml\na: 1\n");
    put("b.yaml", "include: [map.yaml, a.yaml]\nb: 2\n");
    put("sub/nested.yaml", "include: ../map.yaml\nnested: {deep: [1, {k: v}]}\n");
    put("anchors.yaml", "base: &b {k: 1, l: [1, 2, 3]}\ncopy: *b\n");
    return d.string();
  }();
  return dir;
}

// A path that could block or be huge (devices, /proc) is not a configuration mistake
// worth fuzzing; the loader reads whatever file it is given.
bool reads_special_files(std::string_view in) {
  for (const char* bad : {"/dev", "/proc", "/sys", "..."}) {
    if (in.find(bad) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = povo_fuzz::as_view(data, size);
  if (reads_special_files(in)) return 0;
  const std::size_t nul = in.find('\0');
  const std::string yaml(in.substr(0, nul));
  try {
    povo::ConfigNode root = povo::config::load_yaml_string(yaml, "fuzz.yaml", include_dir());
    (void)root.is_map();
    for (std::size_t at = nul; at != std::string_view::npos && at < in.size();) {
      const std::size_t next = in.find('\0', at + 1);
      const std::string_view assignment = in.substr(at + 1, next == std::string_view::npos ? next : next - at - 1);
      try {
        povo::config::apply_override(root, assignment);
      } catch (const povo::Error& e) {
        (void)e.diagnostic().str();
      }
      at = next;
    }
    // The fixed overrides povo's users write most.
    for (const char* a : {"year=2023", "sources[0].options.file=x.csv", "reports.board.title=[1, 2]"}) {
      try {
        povo::config::apply_override(root, a);
      } catch (const povo::Error& e) {
        (void)e.diagnostic().str();
      }
    }
  } catch (const povo::Error& e) {
    (void)e.diagnostic().str();
  }
  return 0;
}
