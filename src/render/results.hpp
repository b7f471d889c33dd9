// The results document an SA sends to the executive sponsor: one POV, from objective to next
// steps, laid out once and drawn as Markdown or HTML.
#pragma once

#include "pov/record.hpp"
#include "render/report.hpp"

#include <string>
#include <vector>

namespace pov::render {

// The document for the customer holds only what they may read: of the journal, the shared notes.
// `internal` (for the account team) adds the other notes, the retrospectives, the command plan
// and the loss details, and says on its first line that it is internal.
std::string results_title(const Pov& pov, bool internal = false);
std::vector<ReportSection> results_sections(const Pov& pov, Date today, bool internal = false);

std::string results_markdown(const Pov& pov, Date today, bool internal = false);
std::string results_html(const Pov& pov, Date today, bool internal = false);

// The formats of the results document.
enum class DocumentFormat { markdown, html };
std::string results_document(const Pov& pov, DocumentFormat format, Date today, bool internal = false);

// met / partly met / not met / pending: how a criterion's status reads to a customer (section 7).
std::string_view verdict(CapabilityStatus status);

// The line that marks an internal document.
extern const std::string_view internal_notice;

} // namespace pov::render

template <> struct pov::EnumNames<pov::render::DocumentFormat> {
    static constexpr std::array<std::string_view, 2> names{"markdown", "html"};
};
