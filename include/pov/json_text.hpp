// Compact JSON text, as nlohmann's `dump()` writes it (no spaces, UTF-8 as it is, control
// characters escaped), and back, several times faster: the store writes and reads every event's
// changes with them, and export writes every record.
#pragma once

#include "pov/record.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pov {

// Appends `value` to `out`. Text that is not valid UTF-8 has its bad bytes replaced by U+FFFD.
void append_json(std::string& out, const Json& value);

[[nodiscard]] std::string json_text(const Json& value);

// Appends `text` as a JSON string: quoted, with what must be escaped escaped.
void append_json_string(std::string& out, std::string_view text);

// Appends the JSON text `text` as json_text writes the value it holds, without building the
// value (export copies stored events this way); false, with `out` unchanged, when `text` is not JSON.
[[nodiscard]] bool append_json_text(std::string& out, std::string_view text);

// Appends compact JSON text (as json_text writes it) laid out as nlohmann's dump(indent) lays out
// the value it holds, the value starting `depth` levels in: what `list --json` prints, written one
// record at a time instead of as one value.
void append_indented_json(std::string& out, std::string_view compact, int indent, int depth = 0);

// The value JSON text holds, as nlohmann's parse() reads it (a key given twice: the first counts),
// several times faster; nullopt when the text is not JSON.
[[nodiscard]] std::optional<Json> parse_json_text(std::string_view text);

} // namespace pov
