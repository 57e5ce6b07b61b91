// Building compiled jobs by hand for stage tests that need no YAML: an in-process
// indicator set whose indicators are lambdas, and a helper that adds a set to a job's
// providers and catalogue the way job::compile_job does.
#pragma once

#include "job/indicator_def.hpp"
#include "job/job.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace povo::test_support {

class LambdaSet final : public IndicatorSet {
 public:
  using Fn = std::function<Value(const BoardYear&)>;
  IndicatorInfo& add(std::string id, std::vector<std::string> inputs, Fn fn) {
    IndicatorInfo info;
    info.id = std::move(id);
    info.inputs = std::move(inputs);
    info.format = "0.00";
    infos_.push_back(info);
    fns_.push_back(std::move(fn));
    return infos_.back();
  }
  std::vector<OptionSpec> option_specs() const noexcept override { return {}; }
  Status configure(const ConfigNode&) noexcept override { return Status::ok(); }
  std::vector<IndicatorInfo> indicators() const noexcept override { return infos_; }
  Value compute(std::size_t i, const BoardYear& in) const noexcept override { return fns_[i](in); }

 private:
  std::vector<IndicatorInfo> infos_;
  std::vector<Fn> fns_;
};

/// Adds `set` to the job as compile_job does: each indicator checked (the test fails on
/// a problem) and placed in the catalogue.
inline void add_indicator_set(job::Job& j, std::shared_ptr<IndicatorSet> set, const std::string& plugin_id) {
  const std::size_t p = j.providers.size();
  j.providers.push_back(job::IndicatorProvider{plugin_id, "test", set, {}});
  const auto infos = set->indicators();
  for (std::size_t l = 0; l < infos.size(); ++l) {
    job::IndicatorDef def;
    for (const auto& problem : job::check_indicator(infos[l], def)) ADD_FAILURE() << infos[l].id << ": " << problem;
    def.provider = p;
    def.local = l;
    j.indicators.add(std::move(def));
  }
}

}  // namespace povo::test_support
