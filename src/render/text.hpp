// Text output shared by the commands and renderers: colour, tables, values shown safely.
#pragma once

#include "pov/record.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pov::render {

// ANSI colour, or plain text when off.
class Style {
public:
    explicit Style(bool enabled) : enabled_(enabled) {}
    [[nodiscard]] bool enabled() const { return enabled_; }
    [[nodiscard]] std::string paint(std::string_view code, std::string_view text) const;
    [[nodiscard]] std::string bold(std::string_view text) const { return paint("1", text); }
    [[nodiscard]] std::string dim(std::string_view text) const { return paint("2", text); }
    [[nodiscard]] std::string red(std::string_view text) const { return paint("31", text); }
    [[nodiscard]] std::string green(std::string_view text) const { return paint("32", text); }
    [[nodiscard]] std::string yellow(std::string_view text) const { return paint("33", text); }
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
    // Each cell may carry an ANSI colour code applied after padding.
    void add(std::vector<std::string> cells, std::vector<std::string> colors = {});
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    [[nodiscard]] std::string render(const Style& style, std::string_view indent = "") const;

private:
    std::vector<std::string> headers_;
    std::vector<bool> right_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::vector<std::string>> colors_;
};

} // namespace pov::render
