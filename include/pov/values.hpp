// Parsing the values users type: money, booleans, integers and fixed choices.
// Malformed input throws pov::Error (usage, exit 2); a parsable value a rule rejects, invalid (3).
#pragma once

#include "pov/enums.hpp"
#include "pov/error.hpp"

#include <cstdint>
#include <string_view>

#include <fmt/format.h>

namespace pov {

// `150000`, `150k`, `1.2M`, `$150,000` → whole US dollars.
std::int64_t parse_money(std::string_view text, std::string_view what);

// Whole dollars as people read them: $150,000.
std::string format_money(std::int64_t dollars);

// `yes`, `no`, `true`, `false`.
bool parse_bool(std::string_view text, std::string_view what);

// A plain decimal integer (optionally negative).
std::int64_t parse_integer(std::string_view text, std::string_view what);

template <typename E> E parse_choice(std::string_view text, std::string_view what)
{
    if (const auto value = enum_from_string<E>(text)) {
        return *value;
    }
    throw Error(Exit::usage, fmt::format("invalid {} '{}'; expected one of: {}", what, text, enum_choices<E>()));
}

// `in-progress` is accepted for `in_progress` (contract section 2).
Status parse_status(std::string_view text, std::string_view what = "status");

} // namespace pov
