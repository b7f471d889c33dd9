// HTML pages that are also well-formed XML, self-contained (inline style, nothing fetched),
// shared by the report and the results document.
#pragma once

#include "render/report.hpp"

#include <string>
#include <string_view>

namespace pov::render {

// Text for an XML/HTML text node or attribute: control characters shown escaped (`\x1b`), the
// five markup characters escaped, the non-characters U+FFFE and U+FFFF replaced.
std::string escape_xml(std::string_view text);
// The same for multi-line text, keeping its line breaks.
std::string escape_xml_text(std::string_view text);

std::string table_html(const ReportTable& table);
std::string section_html(const ReportSection& section);

// The whole page: <!DOCTYPE html>, the stylesheet, the title as <h1>, the body, a footer.
std::string html_page(std::string_view title, const std::string& body, std::string_view footer);

} // namespace pov::render
