#include "pov/date.hpp"

#include "pov/error.hpp"

#include <charconv>

#include <fmt/format.h>

namespace pov {

namespace {

std::optional<int> parse_digits(std::string_view text)
{
    if (text.empty()) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

// `+14d`, `-3d`, `+2w`: a signed count of days or weeks.
std::optional<long> parse_offset_days(std::string_view text)
{
    if (text.size() < 3 || (text.front() != '+' && text.front() != '-')) {
        return std::nullopt;
    }
    const char unit = text.back();
    if (unit != 'd' && unit != 'w') {
        return std::nullopt;
    }
    const auto digits = text.substr(1, text.size() - 2);
    if (digits.size() > 5) { // more than 99,999 days is never meant
        return std::nullopt;
    }
    const auto count = parse_digits(digits);
    if (!count) {
        return std::nullopt;
    }
    const long days = static_cast<long>(*count) * (unit == 'w' ? 7 : 1);
    return text.front() == '-' ? -days : days;
}

} // namespace

std::optional<Date> parse_iso_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto year = parse_digits(text.substr(0, 4));
    const auto month = parse_digits(text.substr(5, 2));
    const auto day = parse_digits(text.substr(8, 2));
    if (!year || !month || !day || *year < 1) {
        return std::nullopt;
    }
    const Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                    std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

Date parse_date(std::string_view text, Date today, std::string_view what)
{
    if (text == "today") {
        return today;
    }
    if (text == "yesterday") {
        return add_days(today, -1);
    }
    if (text == "tomorrow") {
        return add_days(today, 1);
    }
    if (const auto offset = parse_offset_days(text)) {
        const auto date = add_days(today, *offset);
        if (date.year() < std::chrono::year{1} || date.year() > std::chrono::year{9999}) {
            throw Error(Exit::usage, fmt::format("invalid {} '{}'; it lands outside the years 0001–9999", what, text));
        }
        return date;
    }
    if (const auto date = parse_iso_date(text)) {
        return *date;
    }
    throw Error(Exit::usage, fmt::format("invalid {} '{}'; expected YYYY-MM-DD (a real calendar day), today, "
                                         "yesterday, tomorrow, +Nd, -Nd or +Nw",
                                         what, text));
}

std::string format_date(Date date)
{
    // Written by hand: export, import and list write dates by the million.
    const int year = static_cast<int>(date.year());
    const auto month = static_cast<unsigned>(date.month());
    const auto day = static_cast<unsigned>(date.day());
    if (year >= 0 && year <= 9999 && month <= 99 && day <= 99) {
        std::string out(10, '-');
        out[0] = static_cast<char>('0' + year / 1000);
        out[1] = static_cast<char>('0' + year / 100 % 10);
        out[2] = static_cast<char>('0' + year / 10 % 10);
        out[3] = static_cast<char>('0' + year % 10);
        out[5] = static_cast<char>('0' + month / 10);
        out[6] = static_cast<char>('0' + month % 10);
        out[8] = static_cast<char>('0' + day / 10);
        out[9] = static_cast<char>('0' + day % 10);
        return out;
    }
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
}

long days_between(Date from, Date to)
{
    return (std::chrono::sys_days{to} - std::chrono::sys_days{from}).count();
}

Date add_days(Date date, long days)
{
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

} // namespace pov
