// How many terminal columns text takes, and text cut to fit a number of columns. Every table,
// label and chart in pov measures text with these two, so all of them agree (style: one width).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pov::render {

inline constexpr std::string_view ellipsis = "…";

// Columns on a terminal, grapheme by grapheme: East Asian wide and fullwidth characters and emoji
// take two, a flag two, a grapheme as wide as its widest character (so combining marks, zero-width
// characters and the parts of a ZWJ sequence add nothing), other characters one. A byte that is
// not UTF-8 takes one.
std::size_t display_width(std::string_view text);

// The longest start of `text` that fits `columns` with "…" after it, or `text` itself when it
// fits. Never cuts inside a character or a grapheme (a letter keeps its combining marks).
std::string clip(std::string_view text, std::size_t columns);

// The spaces that take `text` to `columns` display columns (none when it is that wide already);
// apart from the text, so that the text may be painted after it is measured.
std::string padding(std::string_view text, std::size_t columns);

} // namespace pov::render
