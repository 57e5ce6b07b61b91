#include "config/job_schema.hpp"

#include "indicators/expression_indicators.hpp"
#include "peers/peer_group_config.hpp"
#include "report/report_definition.hpp"

namespace povo::config {

const std::vector<OptionSpec>& job_schema() {
  static const std::vector<OptionSpec> schema = {
      OptionSpec::string("title", "the title of this job, shown in reports and logs"),
      OptionSpec::integer("year", "the report year, e.g. 2024; override with --set year=2023"),
      OptionSpec::one_of("locale", {"nl", "en"}, "language and number format of the output (default nl)"),
      OptionSpec::string("data_dir", "where the sources' relative file names start (default: the file declaring "
                                     "each source); --set data_dir=DIR is relative to the working directory"),
      OptionSpec::boolean("strict", "treat data-quality errors as fatal, as --strict does"),
      OptionSpec::list_of("sources",
                          {OptionSpec::string("id", "a name for this source, unique in the job", true),
                           OptionSpec::string("plugin", "the data-source plugin that reads it, e.g. duo_csv", true),
                           OptionSpec::anything("options", "options for the plugin; see `povo plugins`")},
                          "the data sources, loaded in this order"),
      OptionSpec::list_of("indicator_sets",
                          {OptionSpec::string("plugin", "an indicator plugin, e.g. finance", true),
                           OptionSpec::anything("options", "options for the plugin")},
                          "indicator plugins to use, with their options"),
      OptionSpec::list_of("indicators", indicators::expression_indicator_specs(),
                          "indicators defined as expressions over measures and other indicators"),
      OptionSpec::list_of("peer_groups", peers::peer_group_specs(), "the groups boards are compared with"),
      OptionSpec::list_of("reports", report::report_specs(), "the reports to make"),
      OptionSpec::map("output",
                      {OptionSpec::string("dir", "where reports are written, relative to the job file (default out)"),
                       OptionSpec::string("date", "the date printed in reports, YYYY-MM-DD (default: SOURCE_DATE_EPOCH)"),
                       OptionSpec::string("watermark", "printed across every page, e.g. 'Fictieve gegevens'"),
                       OptionSpec::integer("min_group_size", "statistics over fewer boards are not shown (default 5)")},
                      "where and how reports are written"),
      OptionSpec::free_map("signal_values", "signal values per indicator id, replacing the plugins' defaults"),
  };
  return schema;
}

std::vector<Diagnostic> check_job(const ConfigNode& root) {
  if (root.is_null()) {
    Diagnostic d;
    d.message = "the configuration is empty";
    d.location = root.location();
    d.hint = "start with 'sources:'";
    return {d};
  }
  return check_options(root, job_schema());
}

}  // namespace povo::config
