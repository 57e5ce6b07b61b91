#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include "demo/demo_data.hpp"

#include <ostream>

namespace povo::cli {

int command_demo_data(const std::string& out_dir, std::uint64_t seed, std::ostream& out, std::ostream& err) {
  demo::DemoOptions options;
  options.out_dir = out_dir;
  options.seed = seed;
  try {
    demo::DemoSummary summary = demo::generate_demo_data(options);
    out << "wrote fictional demo data (seed " << seed << ") to " << out_dir << "\n";
    for (const auto* s : {&summary.po, &summary.vo}) {
      out << "  " << (s == &summary.po ? "po" : "vo") << ": " << s->boards << " boards (" << s->single_school_boards
          << " single-school), " << s->schools << " schools, " << s->branches << " branches, " << s->pupils_last_year
          << " pupils in the last year\n";
    }
    return exit_ok;
  } catch (const std::invalid_argument& e) {
    err << "povo: error: " << e.what() << "\n";
    return exit_usage;
  } catch (const std::exception& e) {
    err << "povo: error: cannot write demo data to '" << out_dir << "': " << e.what() << "\n";
    return exit_run_errors;
  }
}

}  // namespace povo::cli
