// Placeholder: the HTML report is written next.
#include "render/report.hpp"

namespace pov::render {

std::string report_html(const ReportFigures& figures)
{
    return "<!DOCTYPE html>\n<html><body><pre>" + report_title(figures) + "</pre></body></html>\n";
}

} // namespace pov::render
