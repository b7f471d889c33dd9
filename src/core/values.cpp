#include "pov/values.hpp"

#include <limits>
#include <string>

namespace pov {

namespace {

constexpr std::int64_t max_money = 1'000'000'000'000'000; // a quadrillion dollars: beyond is a typo

[[noreturn]] void malformed_money(std::string_view text, std::string_view what)
{
    throw Error(Exit::usage, fmt::format("invalid {} '{}'; expected an amount in US dollars such as "
                                         "150000, 150k, 1.2M or $150,000",
                                         what, text));
}

[[noreturn]] void misgrouped_money(std::string_view text, std::string_view what)
{
    throw Error(Exit::usage, fmt::format("invalid {} '{}'; commas must group exactly three digits, as in $150,000 "
                                         "(or give 150000, 150k, 1.2M)",
                                         what, text));
}

} // namespace

std::int64_t parse_money(std::string_view text, std::string_view what)
{
    std::string_view rest = text;
    if (!rest.empty() && rest.front() == '$') {
        rest.remove_prefix(1);
    }
    std::int64_t scale = 1;
    if (!rest.empty()) {
        switch (rest.back()) {
        case 'k':
        case 'K': scale = 1'000; break;
        case 'm':
        case 'M': scale = 1'000'000; break;
        case 'b':
        case 'B': scale = 1'000'000'000; break;
        default: break;
        }
        if (scale != 1) {
            rest.remove_suffix(1);
        }
    }
    // Digits with optional thousands separators and one decimal point, kept exact as
    // an integer and a count of decimals, so 1.2M is 1,200,000 and not 1,199,999.
    // Commas group exactly three digits (section 2): `150,00` is refused, never read as 15000.
    std::int64_t digits = 0;
    int decimals = 0;
    bool seen_point = false;
    bool seen_digit = false;
    bool seen_comma = false;
    int group = 0; // digits since the last comma (or the start), before the point
    const auto end_group = [&] {
        if (seen_comma && group != 3) {
            misgrouped_money(text, what);
        }
    };
    for (const char c : rest) {
        if (c == ',' && !seen_point) {
            if (group == 0 || (seen_comma && group != 3) || (!seen_comma && group > 3)) {
                misgrouped_money(text, what);
            }
            seen_comma = true;
            group = 0;
            continue;
        }
        if (c == '.' && !seen_point) {
            end_group();
            seen_point = true;
            continue;
        }
        group += seen_point ? 0 : 1;
        if (c < '0' || c > '9') {
            malformed_money(text, what);
        }
        seen_digit = true;
        if (digits > (std::numeric_limits<std::int64_t>::max() - 9) / 10) {
            throw Error(Exit::invalid, fmt::format("{} '{}' is too large", what, text));
        }
        digits = digits * 10 + (c - '0');
        decimals += seen_point ? 1 : 0;
    }
    if (!seen_point) {
        end_group();
    }
    if (!seen_digit) {
        malformed_money(text, what);
    }
    std::int64_t divisor = 1;
    for (int i = 0; i < decimals; ++i) {
        divisor *= 10;
        if (divisor > 1'000'000'000'000) {
            malformed_money(text, what);
        }
    }
    // Scale and decimals are both powers of ten: apply their ratio, so nothing overflows.
    std::int64_t dollars = 0;
    if (scale >= divisor) {
        const auto factor = scale / divisor;
        if (digits > max_money / factor) {
            throw Error(Exit::invalid,
                        fmt::format("{} '{}' is too large; at most {} is accepted", what, text, max_money));
        }
        dollars = digits * factor;
    } else {
        const auto factor = divisor / scale;
        if (digits % factor != 0) {
            throw Error(Exit::invalid, fmt::format("{} '{}' is not a whole number of dollars", what, text));
        }
        dollars = digits / factor;
    }
    if (dollars > max_money) {
        throw Error(Exit::invalid, fmt::format("{} '{}' is too large; at most {} is accepted", what, text, max_money));
    }
    return dollars;
}

std::string format_money(std::int64_t dollars)
{
    return fmt::format("${}", fmt::group_digits(dollars));
}

bool parse_bool(std::string_view text, std::string_view what)
{
    if (text == "yes" || text == "true") {
        return true;
    }
    if (text == "no" || text == "false") {
        return false;
    }
    throw Error(Exit::usage, fmt::format("invalid {} '{}'; expected yes, no, true or false", what, text));
}

std::int64_t parse_integer(std::string_view text, std::string_view what)
{
    std::string_view digits = text;
    const bool negative = !digits.empty() && digits.front() == '-';
    if (negative) {
        digits.remove_prefix(1);
    }
    if (digits.empty()) {
        throw Error(Exit::usage, fmt::format("invalid {} '{}'; expected a whole number", what, text));
    }
    if (digits.size() > 18 && digits.find_first_not_of("0123456789") == std::string_view::npos) {
        throw Error(Exit::invalid, fmt::format("{} '{}' is too large", what, text));
    }
    if (digits.size() > 18) {
        throw Error(Exit::usage, fmt::format("invalid {} '{}'; expected a whole number", what, text));
    }
    std::int64_t value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            throw Error(Exit::usage, fmt::format("invalid {} '{}'; expected a whole number", what, text));
        }
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

Status parse_status(std::string_view text, std::string_view what)
{
    if (text == "in-progress") {
        return Status::in_progress;
    }
    return parse_choice<Status>(text, what);
}

} // namespace pov
