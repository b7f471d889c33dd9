#include "pov/duration.hpp"

#include "pov/error.hpp"
#include "pov/text.hpp"

#include <fmt/format.h>

namespace pov {

long duration_days(Date start, Date end)
{
    return days_between(start, end);
}

std::optional<std::string> duration_problem(PovType type, Date start, Date end, const Config& config, bool extended)
{
    const long days = duration_days(start, end);
    const auto span = fmt::format("{} → {}", format_date(start), format_date(end));
    if (days <= 0) {
        return fmt::format("end must be after start; {} is {} days", span, days);
    }
    const auto& rule = config.rule(type);
    const auto name = to_string(type);
    if (extended) {
        if (days < rule.min_days || days > rule.max_extended_days) {
            return fmt::format("{} POV with extensions must last {} days; {} is {} days", name,
                               number_range(rule.min_days, rule.max_extended_days), span, days);
        }
        return std::nullopt;
    }
    if (days < rule.min_days || days > rule.max_days) {
        return fmt::format("{} POV must last {} days; {} is {} days", name, number_range(rule.min_days, rule.max_days),
                           span, days);
    }
    return std::nullopt;
}

void check_duration(PovType type, Date start, Date end, const Config& config, bool extended)
{
    if (auto problem = duration_problem(type, start, end, config, extended)) {
        throw Error(Exit::invalid, std::move(*problem));
    }
}

} // namespace pov
