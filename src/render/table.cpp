#include "render/table.hpp"

#include "render/width.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

namespace pov::render {

namespace {

constexpr std::string_view gap = "  ";

} // namespace

Table::Table(std::vector<std::string> headers, std::vector<bool> right_aligned)
    : headers_(std::move(headers)), right_(std::move(right_aligned)), clippable_(headers_.size(), false)
{
    right_.resize(headers_.size(), false);
}

void Table::may_clip(std::vector<std::size_t> columns)
{
    for (const auto column : columns) {
        clippable_.at(column) = true;
    }
}

void Table::add(std::vector<std::string> cells, std::vector<Color> colors)
{
    cells.resize(headers_.size());
    colors.resize(headers_.size(), Color::none);
    rows_.push_back(std::move(cells));
    colors_.push_back(std::move(colors));
}

std::vector<std::size_t> Table::column_widths(std::size_t indent, std::size_t max_width) const
{
    std::vector<std::size_t> widths(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        widths[c] = display_width(headers_[c]);
        for (const auto& row : rows_) {
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    }
    if (max_width == 0 || widths.empty()) {
        return widths;
    }
    const std::size_t total = std::accumulate(widths.begin(), widths.end(), indent + gap.size() * (widths.size() - 1));
    std::size_t excess = total > max_width ? total - max_width : 0;
    std::vector<std::size_t> floors(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        floors[c] = std::max(min_clipped_columns, display_width(headers_[c]));
    }
    // One column at a time, always the widest that may still give way, so long names are cut
    // before short ones are touched.
    while (excess > 0) {
        std::optional<std::size_t> widest;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            if (clippable_[c] && widths[c] > floors[c] && (!widest || widths[c] > widths[*widest])) {
                widest = c;
            }
        }
        if (!widest) {
            break;
        }
        --widths[*widest];
        --excess;
    }
    return widths;
}

std::string Table::line(const std::vector<std::string>& cells, const std::vector<Color>* colors, bool header,
                        const std::vector<std::size_t>& widths, const Style& style, std::string_view indent) const
{
    std::string out(indent);
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const bool last = c + 1 == cells.size();
        std::string cell = clippable_[c] ? clip(cells[c], widths[c]) : cells[c];
        const auto pad = padding(cell, widths[c]);
        if (header) {
            cell = style.bold(cell);
        } else if (colors != nullptr) {
            cell = style.paint((*colors)[c], cell);
        }
        out += right_[c] ? pad + cell : (last ? cell : cell + pad);
        if (!last) {
            out += gap;
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out + "\n";
}

std::string Table::render(const Style& style, std::string_view indent, std::size_t max_width) const
{
    const auto widths = column_widths(display_width(indent), max_width);
    std::string out = line(headers_, nullptr, true, widths, style, indent);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        out += line(rows_[r], &colors_[r], false, widths, style, indent);
    }
    return out;
}

void Table::write(const Style& style, std::string_view indent, std::size_t count, const RowSource& row,
                  const std::function<void(std::string_view)>& write) const
{
    std::vector<std::string> cells;
    std::vector<Color> colors;
    const auto read = [&](std::size_t r) {
        cells.clear();
        colors.clear();
        row(r, cells, colors);
        cells.resize(headers_.size());
        colors.resize(headers_.size(), Color::none);
    };
    auto widths = column_widths(display_width(indent), 0);
    for (std::size_t r = 0; r < count; ++r) {
        read(r);
        for (std::size_t c = 0; c < widths.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(cells[c]));
        }
    }
    write(line(headers_, nullptr, true, widths, style, indent));
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        write(line(rows_[r], &colors_[r], false, widths, style, indent));
    }
    for (std::size_t r = 0; r < count; ++r) {
        read(r);
        write(line(cells, &colors, false, widths, style, indent));
    }
}

} // namespace pov::render
