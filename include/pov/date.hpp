// Calendar dates: ISO parsing, the relative forms of contract section 2, and day arithmetic.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace pov {

using Date = std::chrono::year_month_day;

// Strict ISO `YYYY-MM-DD` of a real calendar day; nullopt otherwise (2026-02-29 is not a day).
std::optional<Date> parse_iso_date(std::string_view text);

// ISO dates plus `today`, `yesterday`, `tomorrow`, `+14d`, `-3d`, `+2w`.
// Throws pov::Error (usage) naming the option (`what`), the value and the accepted forms.
Date parse_date(std::string_view text, Date today, std::string_view what = "date");

std::string format_date(Date date);

// Whole days from `from` to `to` (`to - from`), negative when `to` is earlier.
long days_between(Date from, Date to);

Date add_days(Date date, long days);

} // namespace pov
