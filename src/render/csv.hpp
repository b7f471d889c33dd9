// CSV as RFC 4180 (contract section 13), safe to open in a spreadsheet.
#pragma once

#include "pov/record.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pov::render {

// A cell: quoted when it holds a comma, quote or line break (inner quotes doubled); a cell that
// begins with =, +, -, @, tab or carriage return is prefixed with ' so no spreadsheet runs it.
std::string csv_cell(std::string_view text);

// A JSON value as a cell's text: null empty, a string as it is, numbers and booleans as JSON
// writes them (`150000`, `0.5`, `true`).
std::string csv_value(const Json& value);

// One line of cells, ended with CRLF.
std::string csv_row(const std::vector<std::string>& cells);

} // namespace pov::render
