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

// A section (its table too) as HTML, whole or handed to `write` a table row at a time.
std::string section_html(const ReportSection& section);
void write_section_html(const ReportSection& section, const Write& write);
void write_table_html(const ReportTable& table, const Write& write);

// The whole page: <!DOCTYPE html>, the stylesheet, the title as <h1>, the body, a footer;
// html_page_start and html_page_end are what comes before and after the body.
std::string html_page(std::string_view title, const std::string& body, std::string_view footer);
std::string html_page_start(std::string_view title);
std::string html_page_end(std::string_view footer);

} // namespace pov::render
