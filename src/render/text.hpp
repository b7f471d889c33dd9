// Text output shared by the commands and renderers: colour, tables, values shown safely.
#pragma once

#include "pov/record.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
// Display width in terminal columns (code points; good enough for aligned tables).
std::size_t width(std::string_view text);

// A table with a header row; columns padded to their widest cell.
class Table {
public:
    explicit Table(std::vector<std::string> headers, std::vector<bool> right_aligned = {});
    // Each cell may carry a colour applied after padding.
    void add(std::vector<std::string> cells, std::vector<Color> colors = {});
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    [[nodiscard]] std::string render(const Style& style, std::string_view indent = "") const;

private:
    std::vector<std::string> headers_;
    std::vector<bool> right_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::vector<Color>> colors_;
};

} // namespace pov::render
