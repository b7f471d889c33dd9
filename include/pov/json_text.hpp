// Compact JSON text, as nlohmann's `dump()` writes it (no spaces, UTF-8 as it is, control
// characters escaped), several times faster: the store writes every event's changes with it,
// and export writes every record.
#pragma once

#include "pov/record.hpp"

#include <string>

namespace pov {

// Appends `value` to `out`. Text that is not valid UTF-8 has its bad bytes replaced by U+FFFD.
void append_json(std::string& out, const Json& value);

[[nodiscard]] std::string json_text(const Json& value);

} // namespace pov
