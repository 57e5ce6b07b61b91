// output: -> OutputSpec: the folder (resolved), the report date (output.date, else
// SOURCE_DATE_EPOCH, both checked), the watermark, disclosure and coverage settings.
#include "job/compile_context.hpp"
#include "job/paths.hpp"

#include <algorithm>
#include <cmath>

namespace povo::job::detail {

void compile_output(CompileContext& c) {
  OutputSpec& o = c.job.output;
  o.dir = "out";
  const ConfigNode* out = c.root.find("output");
  try {
    if (out && out->is_map()) {
      if (const ConfigNode* dir = out->find("dir")) {
        if (dir->as_string().empty()) c.error(*dir, "output.dir must not be empty");
        else o.dir = resolve_path(*dir);
      }
      if (const ConfigNode* d = out->find("date")) {
        o.date_where = d->location();
        try {
          o.date = format::parse_iso_date(d->as_string());
          o.date_origin = "output.date";
        } catch (const std::invalid_argument&) {
          c.error(*d, "'" + d->as_string() + "' is not a date", "write it as YYYY-MM-DD in quotes, e.g. \"2026-11-23\"");
        }
      }
      o.watermark = out->get_string("watermark", "");
      if (const ConfigNode* k = out->find("min_group_size")) {
        const long long v = k->as_integer();
        if (v < 1 || v > 100000) c.error(*k, "min_group_size must be a whole number from 1 to 100000", "the usual value is 5");
        else o.min_group_size = static_cast<std::size_t>(v);
      }
      if (const ConfigNode* m = out->find("max_missing_share")) {
        const double v = m->as_number();
        if (!(v >= 0 && v <= 1)) c.error(*m, "max_missing_share is a share from 0 to 1", "e.g. 0.2 for 20%");
        else o.max_missing_share = v;
      }
      if (const ConfigNode* f = out->find("formats")) {
        o.formats.clear();
        const std::vector<ConfigNode> items = f->is_sequence() ? f->items() : std::vector<ConfigNode>{*f};
        for (const auto& item : items) {
          const std::string name = item.as_string();
          if (name == "pdf") {
            if (std::find(o.formats.begin(), o.formats.end(), OutputFormat::pdf) == o.formats.end()) o.formats.push_back(OutputFormat::pdf);
          } else {
            c.error(item, "unknown output format '" + name + "'", suggest(name, {"pdf"}, "this povo writes pdf"));
          }
        }
        if (items.empty()) c.error(*f, "name at least one output format", "e.g. formats: [pdf]");
      }
    }
  } catch (const Error& e) {
    c.add(e.diagnostic());
  }
  if (!o.date && c.options.source_date_epoch) {
    const std::string& s = *c.options.source_date_epoch;
    const bool digits = !s.empty() && s.size() <= 12 && s.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) {
      Diagnostic d;
      d.message = "SOURCE_DATE_EPOCH='" + s + "' is not a number of seconds since 1 January 1970";
      d.location = SourceLocation{"SOURCE_DATE_EPOCH", 0, 0};
      d.hint = "set it to a Unix time such as 1795392000, unset it, or set output.date";
      c.add(std::move(d));
    } else {
      o.date = format::date_from_unix_seconds(std::stoll(s));
      o.date_origin = "SOURCE_DATE_EPOCH";
      if (o.date->year > 9999) {
        o.date.reset();
        c.add(Diagnostic{Severity::error, "SOURCE_DATE_EPOCH='" + s + "' is after the year 9999",
                         SourceLocation{"SOURCE_DATE_EPOCH", 0, 0}, "", "set output.date instead", 1});
      }
    }
  }
  if (!o.date && c.options.need_date && !c.job.reports.empty() && !c.options.source_date_epoch) {
    Diagnostic d;
    d.message = "no report date: set output.date in the configuration or SOURCE_DATE_EPOCH";
    d.location = out ? out->location() : c.root.location();
    d.hint = "reports carry a fixed date so that the same data give the same PDF";
    c.add(std::move(d));
  }
}

}  // namespace povo::job::detail
