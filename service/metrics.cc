#include "metrics.h"

#include <cmath>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace cakap {
namespace service {
namespace {

// A label value as the text format wants it: backslash, double quote and newline escaped.
std::string EscapeLabel(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// HELP text: backslash and newline escaped.
std::string EscapeHelp(const std::string& help) {
  std::string out;
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// The shortest %g form that reads back as the same double (0.1, not 0.10000000000000001).
std::string FormatValue(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  for (int precision = 6; precision < 17; ++precision) {
    std::string s = absl::StrFormat("%.*g", precision, v);
    if (std::strtod(s.c_str(), nullptr) == v) return s;
  }
  return absl::StrFormat("%.17g", v);
}

// {a="x",b="y"} plus an optional extra label (le="0.5"); empty when there are none.
std::string LabelSet(const std::vector<std::string>& names, const LabelValues& values,
                     const std::string& extra = "") {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    absl::StrAppend(&out, out.empty() ? "" : ",", names[i], "=\"", EscapeLabel(values[i]), "\"");
  }
  if (!extra.empty()) absl::StrAppend(&out, out.empty() ? "" : ",", extra);
  return out.empty() ? out : absl::StrCat("{", out, "}");
}

void Header(std::string* out, const std::string& name, const std::string& help,
            const char* type) {
  absl::StrAppend(out, "# HELP ", name, " ", EscapeHelp(help), "\n# TYPE ", name, " ", type,
                  "\n");
}

}  // namespace

std::vector<double> LatencyBuckets() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
          0.025,  0.05,    0.1,    0.25,  0.5,    1,     2.5, 10};
}

CounterFamily::CounterFamily(std::string name, std::string help,
                             std::vector<std::string> label_names)
    : name_(std::move(name)), help_(std::move(help)), label_names_(std::move(label_names)) {}

void CounterFamily::Add(const LabelValues& labels, double delta) {
  absl::MutexLock lock(&mu_);
  values_[labels] += delta;
}

double CounterFamily::Value(const LabelValues& labels) const {
  absl::MutexLock lock(&mu_);
  auto it = values_.find(labels);
  return it == values_.end() ? 0 : it->second;
}

void CounterFamily::Render(std::string* out) const {
  Header(out, name_, help_, "counter");
  absl::MutexLock lock(&mu_);
  for (const auto& [labels, value] : values_) {
    absl::StrAppend(out, name_, LabelSet(label_names_, labels), " ", FormatValue(value), "\n");
  }
}

HistogramFamily::HistogramFamily(std::string name, std::string help,
                                 std::vector<std::string> label_names,
                                 std::vector<double> bounds)
    : name_(std::move(name)),
      help_(std::move(help)),
      label_names_(std::move(label_names)),
      bounds_(std::move(bounds)) {}

void HistogramFamily::Observe(const LabelValues& labels, double value) {
  size_t bucket = 0;
  while (bucket < bounds_.size() && value > bounds_[bucket]) ++bucket;
  absl::MutexLock lock(&mu_);
  Series& s = series_[labels];
  if (s.counts.empty()) s.counts.assign(bounds_.size() + 1, 0);
  ++s.counts[bucket];
  s.sum += value;
  ++s.count;
}

void HistogramFamily::Render(std::string* out) const {
  Header(out, name_, help_, "histogram");
  absl::MutexLock lock(&mu_);
  for (const auto& [labels, s] : series_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i <= bounds_.size(); ++i) {
      cumulative += s.counts[i];
      const std::string le =
          absl::StrCat("le=\"", i < bounds_.size() ? FormatValue(bounds_[i]) : "+Inf", "\"");
      absl::StrAppend(out, name_, "_bucket", LabelSet(label_names_, labels, le), " ",
                      cumulative, "\n");
    }
    absl::StrAppend(out, name_, "_sum", LabelSet(label_names_, labels), " ", FormatValue(s.sum),
                    "\n", name_, "_count", LabelSet(label_names_, labels), " ", s.count, "\n");
  }
}

CounterFamily& Metrics::AddCounter(std::string name, std::string help,
                                   std::vector<std::string> label_names) {
  absl::MutexLock lock(&mu_);
  counters_.emplace_back(
      new CounterFamily(std::move(name), std::move(help), std::move(label_names)));
  CounterFamily* family = counters_.back().get();
  renderers_.push_back([family](std::string* out) { family->Render(out); });
  return *family;
}

HistogramFamily& Metrics::AddHistogram(std::string name, std::string help,
                                       std::vector<std::string> label_names,
                                       std::vector<double> bounds) {
  absl::MutexLock lock(&mu_);
  histograms_.emplace_back(new HistogramFamily(std::move(name), std::move(help),
                                               std::move(label_names), std::move(bounds)));
  HistogramFamily* family = histograms_.back().get();
  renderers_.push_back([family](std::string* out) { family->Render(out); });
  return *family;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> value) {
  absl::MutexLock lock(&mu_);
  gauges_.push_back(std::make_unique<Gauge>(Gauge{std::move(name), std::move(help),
                                                  std::move(value)}));
  const Gauge* gauge = gauges_.back().get();
  renderers_.push_back([gauge](std::string* out) {
    Header(out, gauge->name, gauge->help, "gauge");
    const double v = gauge->value();
    if (!std::isnan(v)) absl::StrAppend(out, gauge->name, " ", FormatValue(v), "\n");
  });
}

std::string Metrics::Render() const {
  std::string out;
  absl::MutexLock lock(&mu_);
  for (const auto& render : renderers_) render(&out);
  return out;
}

}  // namespace service
}  // namespace cakap
