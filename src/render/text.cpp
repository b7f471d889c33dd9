#include "render/text.hpp"

#include "pov/text.hpp"

#include <algorithm>

#include <fmt/color.h>
#include <fmt/format.h>

namespace pov::render {

namespace {

fmt::text_style text_style(Color color)
{
    switch (color) {
    case Color::none: return {};
    case Color::bold: return fmt::emphasis::bold;
    case Color::dim: return fmt::emphasis::faint;
    case Color::red: return fmt::fg(fmt::terminal_color::red);
    case Color::green: return fmt::fg(fmt::terminal_color::green);
    case Color::yellow: return fmt::fg(fmt::terminal_color::yellow);
    case Color::cyan: return fmt::fg(fmt::terminal_color::cyan);
    }
    return {};
}

} // namespace

std::string Style::paint(Color color, std::string_view text) const
{
    if (!enabled_ || text.empty() || color == Color::none) {
        return std::string(text);
    }
    return fmt::format("{}", fmt::styled(text, text_style(color)));
}

std::string Style::status(Status value) const
{
    const auto name = to_string(value);
    switch (value) {
    case Status::in_progress: return paint(Color::cyan, name);
    case Status::closed: return paint(Color::green, name);
    case Status::cancelled: return paint(Color::dim, name);
    default: return std::string(name);
    }
}

std::string Style::risk(std::string_view name) const
{
    const bool severe = name == "overdue" || name == "over_limit" || name == "unsigned_criteria";
    return severe ? red(name) : yellow(name);
}

std::string shown(std::string_view text)
{
    return text.empty() ? std::string(dash) : escape_control(text);
}

std::string shown(const std::optional<Date>& date)
{
    return date ? format_date(*date) : std::string(dash);
}

std::size_t width(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text) {
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
}

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
        widths[c] = width(headers_[c]);
        for (const auto& row : rows_) {
            widths[c] = std::max(widths[c], width(row[c]));
        }
    }
    const auto line = [&](const std::vector<std::string>& cells, const std::vector<Color>* colors, bool header) {
        std::string out(indent);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const auto pad = std::string(widths[c] - width(cells[c]), ' ');
            const bool last = c + 1 == cells.size();
            std::string cell = cells[c];
            if (header) {
                cell = style.bold(cell);
            } else if (colors != nullptr) {
                cell = style.paint((*colors)[c], cell);
            }
            out += right_[c] ? pad + cell : (last ? cell : cell + pad);
            if (!last) {
                out += "  ";
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
