// The scalar fields of a record (contract section 2), described once: their names, kinds and
// meanings drive the `create`/`set` options, JSON, the store's columns and the audit log.
#pragma once

#include "pov/record.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pov {

enum class FieldKind {
    line,      // single-line text
    multiline, // multi-line text
    integer,   // a small whole number (stage)
    money,     // whole US dollars
    boolean,
    date,
    choice, // one of a fixed set
};

enum class FieldAccess {
    writable,  // an option of `create` and `set`
    lifecycle, // written by the lifecycle commands (signoff, start, close, …)
    identity,  // id and uuid
};

// A field's value as a store keeps it: NULL, a whole number (integers, money, booleans) or text
// (the rest). Text is viewed, not owned: it must outlive the read.
struct FieldValue {
    bool null = true;
    std::int64_t number = 0;
    std::string_view text;
};

struct Field {
    std::string_view name; // snake_case, as in section 2
    FieldKind kind;
    FieldAccess access;
    std::string_view meaning;                  // one line, for --help and plan templates
    std::span<const std::string_view> choices; // for FieldKind::choice
    Json (*get)(const Pov&);
    void (*put)(Pov&, const Json&); // throws pov::Error (invalid) when the JSON type is wrong
    bool optional = true;           // false: an empty input cannot clear it (segment, type, status)
    // The same value without a JSON value in between (list and export write every record, the
    // store reads every row): appends it as json_text(get(pov)) writes it; sets it from a stored
    // value, throwing (invalid) when the value does not fit the field.
    void (*append)(std::string& out, const Pov&) = nullptr;
    void (*read)(Pov&, const FieldValue&) = nullptr;
    // The value a store keeps (what read sets it from): a whole number for integers, money and
    // booleans, else text or NULL. A date's text is written into `scratch`, which it views; any
    // text it gives is followed by a NUL (a string's or a name's), for stores that bind C text.
    FieldValue (*write)(const Pov&, std::string& scratch) = nullptr;
};

// Every scalar field, in the order of section 2.
std::span<const Field> record_fields();

// nullptr when there is no such field.
const Field* find_field(std::string_view name);

// The command-line option of a field: `net_arr` → `--net-arr`.
std::string option_name(std::string_view field);

// A date as JSON: "YYYY-MM-DD", or null.
Json date_json(const std::optional<Date>& date);

// What a user typed for a field, as its JSON value: dates take the relative forms, money the
// `150k` forms, booleans yes/no; an empty input is null. Malformed input throws (usage), naming
// the value as `what` (a plan's key), by default as the field's option (`--net-arr`).
Json parse_field_input(const Field& field, std::string_view input, Date today);
Json parse_field_input(const Field& field, std::string_view input, Date today, std::string_view what);

// Sets a field from its JSON value; a wrong type or unknown choice throws (invalid), naming it.
void put_field(Pov& pov, const Field& field, const Json& value);

// Sets a field from its stored value (Field::read); a value that does not fit throws (invalid),
// naming the field.
void read_field(Pov& pov, const Field& field, const FieldValue& value);

// The scalar fields as one JSON object (no capabilities, extensions or journal).
Json scalars_to_json(const Pov& pov);

// The scalar fields whose values differ between two versions of a record, in record order.
std::vector<const Field*> changed_fields(const Pov& before, const Pov& after);

// {field: [old, new]} for every scalar field that differs (changed_fields).
Json diff_scalars(const Pov& before, const Pov& after);

} // namespace pov
