#include "render/text.hpp"

#include "pov/text.hpp"

#include <cmath>
#include <cstdlib>

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

std::string money(std::optional<std::int64_t> dollars)
{
    if (!dollars) {
        return std::string(dash);
    }
    const char* sign = *dollars < 0 ? "-" : "";
    const double amount = std::fabs(static_cast<double>(*dollars));
    if (amount < 1000) {
        return fmt::format("{}${}", sign, static_cast<std::int64_t>(amount));
    }
    // The largest unit that shows at least 1 once rounded to a tenth ($999,960 is $1M, not $1000k).
    constexpr std::pair<double, char> units[] = {{1e9, 'B'}, {1e6, 'M'}, {1e3, 'k'}};
    for (const auto& [unit, suffix] : units) {
        const double tenths = std::round(amount / unit * 10.0);
        if (tenths >= 10.0 || unit == 1e3) {
            const auto whole = static_cast<std::int64_t>(tenths) / 10;
            const auto tenth = static_cast<std::int64_t>(tenths) % 10;
            return tenth == 0 ? fmt::format("{}${}{}", sign, whole, suffix)
                              : fmt::format("{}${}.{}{}", sign, whole, tenth, suffix);
        }
    }
    return {};
}

} // namespace pov::render
