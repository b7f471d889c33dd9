// The results document an SA sends to the executive sponsor: one POV, from objective to next
// steps, laid out once and drawn as Markdown or HTML.
#pragma once

#include "pov/record.hpp"
#include "render/report.hpp"

#include <string>
#include <vector>

namespace pov::render {

std::string results_title(const Pov& pov);
std::vector<ReportSection> results_sections(const Pov& pov, Date today);

std::string results_markdown(const Pov& pov, Date today);
std::string results_html(const Pov& pov, Date today);

// The formats of the results document.
enum class DocumentFormat { markdown, html };
std::string results_document(const Pov& pov, DocumentFormat format, Date today);

// pass / partial / fail / pending: how a criterion reads to a customer.
std::string_view verdict(CapabilityStatus status);

} // namespace pov::render

template <> struct pov::EnumNames<pov::render::DocumentFormat> {
    static constexpr std::array<std::string_view, 2> names{"markdown", "html"};
};
