#include "render/width.hpp"

#include <algorithm>

#include <utf8proc.h>

namespace pov::render {

namespace {

// One grapheme: where it ends in the text, and its columns.
struct Grapheme {
    std::size_t end;
    std::size_t columns;
};

bool regional_indicator(utf8proc_int32_t code_point)
{
    return code_point >= 0x1F1E6 && code_point <= 0x1F1FF;
}

std::size_t columns_of(utf8proc_int32_t code_point)
{
    return static_cast<std::size_t>(std::max(utf8proc_charwidth(code_point), 0));
}

// The grapheme that starts at `begin`; a byte that is not UTF-8 is a grapheme of its own.
Grapheme next_grapheme(std::string_view text, std::size_t begin)
{
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto decode = [&](std::size_t at, utf8proc_int32_t& code_point) {
        return utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size() - at), &code_point);
    };
    utf8proc_int32_t previous = 0;
    const auto first = decode(begin, previous);
    if (first < 0) {
        return {begin + 1, 1};
    }
    std::size_t end = begin + static_cast<std::size_t>(first);
    std::size_t columns = columns_of(previous);
    std::size_t regional = regional_indicator(previous) ? 1 : 0;
    utf8proc_int32_t state = 0;
    while (end < text.size()) {
        utf8proc_int32_t code_point = 0;
        const auto length = decode(end, code_point);
        if (length < 0 || utf8proc_grapheme_break_stateful(previous, code_point, &state)) {
            break;
        }
        columns = std::max(columns, columns_of(code_point));
        regional += regional_indicator(code_point) ? 1 : 0;
        previous = code_point;
        end += static_cast<std::size_t>(length);
    }
    // Two regional indicators are one flag, drawn two columns wide; utf8proc counts each as one.
    return {end, regional == 2 ? 2 : columns};
}

} // namespace

std::size_t display_width(std::string_view text)
{
    // Printable ASCII, the common case (a list of thousands of rows), is one column a byte.
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
        return text.size();
    }
    std::size_t total = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto grapheme = next_grapheme(text, at);
        total += grapheme.columns;
        at = grapheme.end;
    }
    return total;
}

std::string clip(std::string_view text, std::size_t columns)
{
    if (display_width(text) <= columns) {
        return std::string(text);
    }
    if (columns == 0) {
        return "";
    }
    const std::size_t room = columns - display_width(ellipsis);
    std::size_t used = 0;
    std::size_t end = 0;
    while (end < text.size()) {
        const auto grapheme = next_grapheme(text, end);
        if (used + grapheme.columns > room) {
            break;
        }
        used += grapheme.columns;
        end = grapheme.end;
    }
    return std::string(text.substr(0, end)) + std::string(ellipsis);
}

std::string padding(std::string_view text, std::size_t columns)
{
    const auto width = display_width(text);
    return std::string(columns > width ? columns - width : 0, ' ');
}

} // namespace pov::render
