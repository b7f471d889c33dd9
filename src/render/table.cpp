#include "render/table.hpp"

#include "render/width.hpp"

#include <algorithm>

namespace pov::render {

namespace {

constexpr std::string_view gap = "  ";

} // namespace

Table::Table(std::vector<std::string> headers, std::vector<bool> right_aligned)
    : headers_(std::move(headers)), right_(std::move(right_aligned))
{
    right_.resize(headers_.size(), false);
}

void Table::add(std::vector<std::string> cells, std::vector<Color> colors)
{
    cells.resize(headers_.size());
    colors.resize(headers_.size(), Color::none);
    rows_.push_back(std::move(cells));
    colors_.push_back(std::move(colors));
}

std::string Table::render(const Style& style, std::string_view indent) const
{
    std::vector<std::size_t> widths(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        widths[c] = display_width(headers_[c]);
        for (const auto& row : rows_) {
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    }
    const auto line = [&](const std::vector<std::string>& cells, const std::vector<Color>* colors, bool header) {
        std::string out(indent);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const bool last = c + 1 == cells.size();
            std::string cell = cells[c];
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
    };
    std::string out = line(headers_, nullptr, true);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        out += line(rows_[r], &colors_[r], false);
    }
    return out;
}

} // namespace pov::render
