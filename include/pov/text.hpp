// Text rules (contract section 2): single-line and multi-line limits, control characters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pov {

enum class TextKind { line, multiline };

inline constexpr std::size_t max_line_chars = 10'000;
inline constexpr std::size_t max_multiline_chars = 100'000;

// Characters (code points) of valid UTF-8; nullopt when the bytes are not UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);

// Throws pov::Error (invalid) naming the field when the text breaks its kind's rule:
// not UTF-8, too long, or a control character (multi-line text may hold newlines and tabs).
void check_text(std::string_view field, std::string_view text, TextKind kind);

// Single-line text as stored (section 2): without leading and trailing blanks (spaces, tabs,
// line breaks).
std::string trim_blanks(std::string_view text);
// Text that is empty after trimming counts as empty wherever a rule asks for a value (section 2).
bool is_blank(std::string_view text);

// Control characters and escape sequences shown as `\n`, `\x1b`, … for a terminal;
// `keep_newlines` leaves line breaks of multi-line text as they are.
std::string escape_control(std::string_view text, bool keep_newlines = false);

// Words in messages: `counted(1, "POV")` is "1 POV", `counted(3, "POV")` "3 POVs",
// `counted(2, "criterion", "criteria")` "2 criteria" (a plural that is not the noun and "s");
// `with_article("onsite")` is "an onsite", `with_article("guided")` "a guided".
std::string counted(long long count, std::string_view noun, std::string_view plural = {});
std::string with_article(std::string_view word);
// A range of whole numbers: `number_range(1, 3)` is "1–3"; equal ends read as one number ("1").
std::string number_range(long long first, long long last);

} // namespace pov
