// Issue 11: a corpus of realistic configuration and command-line mistakes, made on a copy
// of the demo job with its real data, each with the exact message and exit codes expected.
// The cases are in config_mistakes.txt (format at its top). For every case:
//
//   * stage "validate": `povo validate` exits 2 and prints the expected line, before any
//     data is read; `povo run` exits 2 with the same line and makes nothing;
//   * stage "options": the mistake is in an option of `povo run` only; `povo run` exits 2
//     with the expected line before any data is read (validate has no such option);
//   * stage "data": only the data can show it: `povo validate` passes, `povo validate
//     --data` and `povo run` exit with the given code and print the expected line.
//
// No case may let `povo run` exit 0. The test prints the counts per stage at the end.
// POVO_MISTAKES_SHOW=1 prints what povo said for every case (to write new expectations).
#include "../cli/run_povo.hpp"
#include "../config/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Edit {
  std::string file;
  std::string old_lines;               // consecutive lines, each ending in '\n'; "" with `write`: a new file
  std::vector<std::string> new_lines;  // replace old_lines (none: they are deleted)
  bool write = false;
};

struct Mistake {
  std::string name;
  std::string stage;
  std::string args;      // for validate and run (e.g. --set)
  std::string run_args;  // for run only (e.g. --board, --jobs)
  std::string env;
  std::vector<Edit> edits;
  std::string expect;
  int run_exit = -1;
  int line = 0;  // in config_mistakes.txt
};

std::vector<Mistake> read_cases() {
  std::ifstream in(POVO_SOURCE_DIR "/tests/corpus/config_mistakes.txt");
  std::vector<Mistake> cases;
  std::string line;
  int n = 0;
  Edit* edit = nullptr;
  std::string file;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("## ", 0) == 0) {
      cases.push_back(Mistake{});
      cases.back().name = line.substr(3);
      cases.back().line = n;
      edit = nullptr;
      continue;
    }
    if (cases.empty() || line.empty() || line[0] == '#') continue;
    Mistake& m = cases.back();
    auto value = [&](const char* key) { return line.substr(std::string(key).size()); };
    if (line.rfind("stage: ", 0) == 0) m.stage = value("stage: ");
    else if (line.rfind("args: ", 0) == 0) m.args = value("args: ");
    else if (line.rfind("run_args: ", 0) == 0) m.run_args = value("run_args: ");
    else if (line.rfind("env: ", 0) == 0) m.env = value("env: ");
    else if (line.rfind("expect: ", 0) == 0) m.expect = value("expect: ");
    else if (line.rfind("exit: ", 0) == 0) m.run_exit = std::stoi(value("exit: "));
    else if (line.rfind("file: ", 0) == 0) file = value("file: "), edit = nullptr;
    else if (line.rfind("write: ", 0) == 0) {
      m.edits.push_back(Edit{value("write: "), "", {}, true});
      edit = &m.edits.back();
    } else if (line.rfind("- ", 0) == 0) {
      // Consecutive "- " lines are one block of lines to replace.
      if (edit && !edit->write && edit->new_lines.empty()) {
        edit->old_lines += line.substr(2) + "\n";
      } else {
        m.edits.push_back(Edit{file, line.substr(2) + "\n", {}, false});
        edit = &m.edits.back();
      }
    } else if ((line.rfind("+ ", 0) == 0 || line == "+") && edit) {
      edit->new_lines.push_back(line.size() > 2 ? line.substr(2) : "");
    } else if ((line.rfind("| ", 0) == 0 || line == "|") && edit && edit->write) {
      edit->new_lines.push_back(line.size() > 2 ? line.substr(2) : "");
    } else {
      ADD_FAILURE() << "config_mistakes.txt:" << n << ": cannot read '" << line << "'";
    }
  }
  return cases;
}

// "\xE9" in a written file's lines stands for that byte (a Windows-1252 é, say).
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      out += static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

// The demo job beside its data, made once; each case works on its own copy of the job.
class Mistakes : public ::testing::TestWithParam<Mistake> {
 protected:
  static void SetUpTestSuite() {
    root_ = new TempDir();
    fs::create_directories(root_->path() / "pristine/configs");
    fs::copy(fs::path(POVO_SOURCE_DIR) / "configs/demo", root_->path() / "pristine/configs/demo", fs::copy_options::recursive);
    auto r = run_povo("demo-data --out " + (root_->path() / "data").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete root_;
    root_ = nullptr;
  }

  // A copy of the job as configs/demo under case/, with case/out/demo-data the shared data.
  static fs::path prepare(const Mistake& m) {
    const fs::path dir = root_->path() / ("case-" + std::to_string(m.line));
    fs::remove_all(dir);
    fs::create_directories(dir / "configs");
    fs::create_directories(dir / "out");
    fs::copy(root_->path() / "pristine/configs/demo", dir / "configs/demo", fs::copy_options::recursive);
    fs::create_directory_symlink(root_->path() / "data", dir / "out/demo-data");
    for (const auto& e : m.edits) {
      const fs::path path = dir / "configs/demo" / e.file;
      if (e.write) {
        std::ofstream out(path, std::ios::binary);
        for (const auto& l : e.new_lines) out << unescape(l) << "\n";
        continue;
      }
      std::string text = slurp(path.string());
      const std::string& old = e.old_lines;
      std::size_t at = text.find(old);
      while (at != std::string::npos && at > 0 && text[at - 1] != '\n') at = text.find(old, at + 1);  // whole lines
      EXPECT_NE(at, std::string::npos) << m.name << ": '" << old << "' are not lines of " << e.file;
      if (at == std::string::npos) continue;
      std::size_t again = text.find(old, at + 1);
      while (again != std::string::npos && text[again - 1] != '\n') again = text.find(old, again + 1);
      EXPECT_EQ(again, std::string::npos) << m.name << ": '" << old << "' occurs twice in " << e.file;
      std::string replacement;
      for (const auto& l : e.new_lines) replacement += l + "\n";
      text.replace(at, old.size(), replacement);
      std::ofstream(path, std::ios::binary) << text;
    }
    return dir;
  }

  static TempDir* root_;
};
TempDir* Mistakes::root_ = nullptr;

std::map<std::string, int>& stage_counts() {
  static std::map<std::string, int> counts;
  return counts;
}

TEST_P(Mistakes, IsReportedWithItsMessageAndNeverExitsZero) {
  const Mistake& m = GetParam();
  ASSERT_FALSE(m.expect.empty()) << m.name << ": no expect:";
  ASSERT_TRUE(m.stage == "validate" || m.stage == "options" || m.stage == "data") << m.name << ": stage " << m.stage;
  const fs::path dir = prepare(m);
  const std::string demo = (dir / "configs/demo").string();
  const std::string job = demo + "/job.yaml";
  const std::string args = replace_all(m.args, "{dir}", demo);
  const std::string expect = replace_all(replace_all(m.expect, "{dir}", demo), "{case}", dir.string());
  const std::string env = "POVO_PLUGIN_PATH= " + replace_all(m.env, "{dir}", demo);
  const std::string plugins = " --plugin-path " POVO_FIXTURE_CONTRACT_DIR;
  const bool show = std::getenv("POVO_MISTAKES_SHOW") != nullptr;

  const PovoResult validate = run_povo("validate " + job + plugins + " " + args, env);
  const std::string run_args = m.run_args.empty() ? "--jobs 2" : replace_all(m.run_args, "{dir}", demo);
  const PovoResult run = run_povo("run " + job + plugins + " " + run_args + " " + args, env);
  if (show) {
    std::cerr << "## " << m.name << "\nvalidate " << validate.exit_code << "\n" << validate.err << "run " << run.exit_code
              << "\n" << run.err << "\n";
  }
  ++stage_counts()[m.stage];
  EXPECT_NE(run.exit_code, 0) << m.name << "\n" << run.err;
  if (m.stage == "validate") {
    EXPECT_EQ(validate.exit_code, 2) << m.name << "\n" << validate.err;
    EXPECT_TRUE(has_line(validate.err, expect)) << m.name << "\nexpected: " << expect << "\ngot:\n" << validate.err;
    EXPECT_EQ(run.exit_code, 2) << m.name;
    EXPECT_TRUE(has_line(run.err, expect)) << m.name << "\n" << run.err;
    EXPECT_FALSE(fs::exists(dir / "out/reports")) << m.name << ": a report was made";
  } else if (m.stage == "options") {
    EXPECT_EQ(run.exit_code, 2) << m.name;
    EXPECT_TRUE(has_line(run.err, expect)) << m.name << "\nexpected: " << expect << "\ngot:\n" << run.err;
    EXPECT_EQ(run.err.find("data quality"), std::string::npos) << m.name << ": the data was read";
    EXPECT_FALSE(fs::exists(dir / "out/reports")) << m.name << ": a report was made";
  } else {
    EXPECT_EQ(validate.exit_code, 0) << m.name << "\n" << validate.err;
    const PovoResult with_data = run_povo("validate --data " + job + plugins + " " + args, env);
    EXPECT_EQ(with_data.exit_code, m.run_exit == 2 ? 0 : 1) << m.name << "\n" << with_data.err;
    EXPECT_EQ(run.exit_code, m.run_exit) << m.name << "\n" << run.err;
    EXPECT_TRUE(has_line(run.err, expect)) << m.name << "\nexpected: " << expect << "\ngot:\n" << run.err;
  }
  fs::remove_all(dir);
}

std::string test_name(const ::testing::TestParamInfo<Mistake>& info) {
  std::string name = "L" + std::to_string(info.param.line) + "_";
  for (char c : info.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Mistakes, ::testing::ValuesIn(read_cases()), test_name);

// At least 60 cases; at least 90% of them found by `povo validate` before any data is read.
TEST(MistakesCorpus, CoversEnoughCasesAndMostAreFoundBeforeData) {
  const auto cases = read_cases();
  std::map<std::string, int> stages;
  for (const auto& m : cases) ++stages[m.stage];
  const int total = static_cast<int>(cases.size());
  std::cout << "mistakes: " << total << " cases; validate " << stages["validate"] << ", options of povo run "
            << stages["options"] << ", data " << stages["data"] << "\n";
  EXPECT_GE(total, 60);
  EXPECT_GE(10 * stages["validate"], 9 * total) << "fewer than 90% are found by povo validate";
}

}  // namespace
