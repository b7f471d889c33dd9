// Text output shared by the commands and renderers: colour, values shown safely.
#pragma once

#include "pov/record.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pov::render {

// The looks text output uses: colours, and the bold and dim emphases.
enum class Color { none, bold, dim, red, green, yellow, cyan };

// Colour through fmt's terminal styles, or plain text when off.
class Style {
public:
    explicit Style(bool enabled) : enabled_(enabled) {}
    [[nodiscard]] bool enabled() const { return enabled_; }
    [[nodiscard]] std::string paint(Color color, std::string_view text) const;
    [[nodiscard]] std::string bold(std::string_view text) const { return paint(Color::bold, text); }
    [[nodiscard]] std::string dim(std::string_view text) const { return paint(Color::dim, text); }
    [[nodiscard]] std::string red(std::string_view text) const { return paint(Color::red, text); }
    [[nodiscard]] std::string green(std::string_view text) const { return paint(Color::green, text); }
    [[nodiscard]] std::string yellow(std::string_view text) const { return paint(Color::yellow, text); }
    // Status and risk names in their colours.
    [[nodiscard]] std::string status(Status status) const;
    [[nodiscard]] std::string risk(std::string_view name) const;

private:
    bool enabled_;
};

inline constexpr std::string_view dash = "–";

// A single-line value for text output: control characters escaped, "–" when empty.
std::string shown(std::string_view text);
std::string shown(const std::optional<Date>& date);

// Money for people (contract section 7): `$150k`, `$1.2M`, `$2B`, `$950`, `-$50k`; one decimal
// at most, dropped when it is 0; "–" when unknown. JSON and CSV carry whole dollars instead.
std::string money(std::optional<std::int64_t> dollars);

} // namespace pov::render
