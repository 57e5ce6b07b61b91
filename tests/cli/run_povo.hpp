// Runs the real povo executable and captures its exit code, stdout and stderr.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>

struct PovoResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// `args` is passed to the shell after the executable; quote as needed.
inline PovoResult run_povo(const std::string& args, const std::string& env = "POVO_PLUGIN_PATH=") {
  const std::string tmp = std::filesystem::temp_directory_path() / ("povo-cli-" + std::to_string(::getpid()));
  const std::string command = "env " + env + " " POVO_EXE " " + args + " > " + tmp + ".out 2> " + tmp + ".err";
  int status = std::system(command.c_str());
  PovoResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(tmp + ".out");
  r.err = slurp(tmp + ".err");
  std::filesystem::remove(tmp + ".out");
  std::filesystem::remove(tmp + ".err");
  return r;
}
