#include "cli/cli_app.hpp"

#include <iostream>

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return povo::cli::run_cli(args, std::cout, std::cerr);
}
