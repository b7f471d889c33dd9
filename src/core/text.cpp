#include "pov/text.hpp"

#include "pov/error.hpp"

#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace pov {

namespace {

// Length of the UTF-8 sequence starting with `lead`, 0 when it cannot start one.
std::size_t sequence_length(unsigned char lead)
{
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

// Decodes the code point at `i` (assumes valid UTF-8 checked before), advancing `i`.
char32_t next_code_point(std::string_view text, std::size_t& i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    const auto length = sequence_length(lead);
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += length;
    return cp;
}

// C0 and C1 controls, and the non-characters U+FFFE and U+FFFF that no XML may hold.
bool is_control(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

} // namespace

std::string trim_blanks(std::string_view text)
{
    constexpr std::string_view blanks = " \t\n\r\v\f";
    const auto first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(blanks);
    return std::string(text.substr(first, last - first + 1));
}

bool is_blank(std::string_view text)
{
    return text.find_first_not_of(" \t\n\r\v\f") == std::string_view::npos;
}

std::optional<std::size_t> utf8_length(std::string_view text)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        // Eight ASCII bytes at a time: most text is ASCII, and import checks a lot of it.
        if (i + 8 <= text.size()) {
            std::uint64_t block = 0;
            std::memcpy(&block, text.data() + i, 8);
            if ((block & 0x8080808080808080ULL) == 0) {
                i += 8;
                count += 8;
                continue;
            }
        }
        const auto length = sequence_length(static_cast<unsigned char>(text[i]));
        if (length == 0 || i + length > text.size()) {
            return std::nullopt;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return std::nullopt;
            }
        }
        // Overlong forms, surrogates and code points past U+10FFFF.
        const auto second = static_cast<unsigned char>(text[i + (length > 1 ? 1 : 0)]);
        const auto lead = static_cast<unsigned char>(text[i]);
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) ||
            (lead == 0xF4 && second > 0x8F)) {
            return std::nullopt;
        }
        i += length;
        ++count;
    }
    return count;
}

void check_text(std::string_view field, std::string_view text, TextKind kind)
{
    const auto length = utf8_length(text);
    if (!length) {
        throw Error(Exit::invalid, fmt::format("{} is not valid UTF-8 text", field));
    }
    const auto limit = kind == TextKind::line ? max_line_chars : max_multiline_chars;
    if (*length > limit) {
        throw Error(Exit::invalid,
                    fmt::format("{} is {} characters long; at most {} are accepted", field, *length, limit));
    }
    for (std::size_t i = 0; i < text.size();) {
        const auto cp = next_code_point(text, i);
        const bool allowed = kind == TextKind::multiline && (cp == '\n' || cp == '\t' || cp == '\r');
        if (is_control(cp) && !allowed) {
            throw Error(Exit::invalid,
                        fmt::format("{} holds a control character (U+{:04X}); {}", field,
                                    static_cast<std::uint32_t>(cp),
                                    kind == TextKind::line ? "single-line text takes printable characters only"
                                                           : "multi-line text takes printable characters, "
                                                             "newlines and tabs"));
        }
    }
}

std::string escape_control(std::string_view text, bool keep_newlines)
{
    if (!utf8_length(text)) {
        std::string out;
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            out += byte < 0x20 || byte >= 0x7F ? fmt::format("\\x{:02x}", byte) : std::string(1, c);
        }
        return out;
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto begin = i;
        const auto cp = next_code_point(text, i);
        if (!is_control(cp) || (keep_newlines && cp == '\n')) {
            out.append(text.substr(begin, i - begin));
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\r') {
            out += "\\r";
        } else {
            out += fmt::format("\\x{:02x}", static_cast<std::uint32_t>(cp));
        }
    }
    return out;
}

std::string counted(long long count, std::string_view noun, std::string_view plural)
{
    if (count == 1) {
        return fmt::format("{} {}", count, noun);
    }
    return plural.empty() ? fmt::format("{} {}s", count, noun) : fmt::format("{} {}", count, plural);
}

std::string with_article(std::string_view word)
{
    const bool vowel = !word.empty() && std::string_view("aeiouAEIOU").find(word.front()) != std::string_view::npos;
    return fmt::format("{} {}", vowel ? "an" : "a", word);
}

std::string number_range(long long first, long long last)
{
    return first == last ? std::to_string(first) : fmt::format("{}–{}", first, last);
}

} // namespace pov
