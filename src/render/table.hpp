// Aligned text tables for the terminal, measured with display_width, optionally fitted to a width.
#pragma once

#include "render/text.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pov::render {

// Below this many columns a clipped cell says too little to be worth the room it saves.
inline constexpr std::size_t min_clipped_columns = 8;

// A table with a header row; columns padded to their widest cell.
class Table {
public:
    explicit Table(std::vector<std::string> headers, std::vector<bool> right_aligned = {});
    // Free-text columns that give way, widest first, when the table must fit a width; the
    // others (ids, dates, statuses) are never cut.
    void may_clip(std::vector<std::size_t> columns);
    // Each cell may carry a colour applied after padding.
    void add(std::vector<std::string> cells, std::vector<Color> colors = {});
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    // `max_width` 0 means no limit; otherwise the clippable columns are clipped until every line
    // fits, each down to min_clipped_columns (or its header) at the least.
    [[nodiscard]] std::string render(const Style& style, std::string_view indent = "", std::size_t max_width = 0) const;

    // Row `r` of a table given on demand: its cells and their colours.
    using RowSource = std::function<void(std::size_t r, std::vector<std::string>& cells, std::vector<Color>& colors)>;
    // The rows added, then `count` rows read from `row` (twice: once for the widths, once to
    // draw them), handed to `write` a line at a time: a table too long to hold (the report's
    // closed list) is drawn as render() would draw it whole, without a limit of width.
    void write(const Style& style, std::string_view indent, std::size_t count, const RowSource& row,
               const std::function<void(std::string_view)>& write) const;

private:
    [[nodiscard]] std::vector<std::size_t> column_widths(std::size_t indent, std::size_t max_width) const;
    [[nodiscard]] std::string line(const std::vector<std::string>& cells, const std::vector<Color>* colors, bool header,
                                   const std::vector<std::size_t>& widths, const Style& style,
                                   std::string_view indent) const;

    std::vector<std::string> headers_;
    std::vector<bool> right_;
    std::vector<bool> clippable_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::vector<Color>> colors_;
};

} // namespace pov::render
