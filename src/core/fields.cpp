#include "pov/fields.hpp"

#include "pov/error.hpp"
#include "pov/json_text.hpp"
#include "pov/text.hpp"
#include "pov/values.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

namespace pov {

namespace {

[[noreturn]] void wrong_type(std::string_view expected)
{
    throw Error(Exit::invalid, fmt::format("expected {}", expected));
}

const std::string& as_string(const Json& value)
{
    if (!value.is_string()) {
        wrong_type("a string");
    }
    return value.get_ref<const std::string&>();
}

// A field's date or choice from its text, as JSON or as the store keeps it.
Date date_from(std::string_view text)
{
    const auto date = parse_iso_date(text);
    if (!date) {
        wrong_type(fmt::format("a date YYYY-MM-DD, not '{}'", text));
    }
    return *date;
}

template <typename E> E enum_from(std::string_view text)
{
    const auto parsed = enum_from_string<E>(text);
    if (!parsed) {
        wrong_type(fmt::format("one of {}, not '{}'", enum_choices<E>(), text));
    }
    return *parsed;
}

Date as_date(const Json& value)
{
    return date_from(as_string(value));
}

template <typename E> E as_enum(const Json& value)
{
    return enum_from<E>(as_string(value));
}

template <auto M> Json get_text(const Pov& pov)
{
    const std::string& text = pov.*M;
    return text.empty() ? Json(nullptr) : Json(text);
}
template <auto M> void put_text(Pov& pov, const Json& value)
{
    pov.*M = value.is_null() ? std::string() : as_string(value);
}

// Single-line text read from a document (an import, a plan) is trimmed as an option's is (section 2).
template <auto M> void put_line(Pov& pov, const Json& value)
{
    pov.*M = value.is_null() ? std::string() : trim_blanks(as_string(value));
}

template <auto M> Json get_date(const Pov& pov)
{
    return date_json(pov.*M);
}
template <auto M> void put_date(Pov& pov, const Json& value)
{
    pov.*M = value.is_null() ? std::nullopt : std::optional<Date>(as_date(value));
}

template <auto M> Json get_bool(const Pov& pov)
{
    return pov.*M;
}
template <auto M> void put_bool(Pov& pov, const Json& value)
{
    if (value.is_null()) {
        pov.*M = false;
        return;
    }
    if (!value.is_boolean()) {
        wrong_type("true or false");
    }
    pov.*M = value.get<bool>();
}

template <auto M> Json get_enum(const Pov& pov)
{
    return std::string(to_string(pov.*M));
}
template <auto M, typename E> void put_enum(Pov& pov, const Json& value)
{
    pov.*M = as_enum<E>(value);
}

template <auto M> Json get_optional_enum(const Pov& pov)
{
    const auto& value = pov.*M;
    return value ? Json(std::string(to_string(*value))) : Json(nullptr);
}
template <auto M, typename E> void put_optional_enum(Pov& pov, const Json& value)
{
    pov.*M = value.is_null() ? std::nullopt : std::optional<E>(as_enum<E>(value));
}

template <auto M> Json get_optional_integer(const Pov& pov)
{
    const auto& value = pov.*M;
    return value ? Json(*value) : Json(nullptr);
}
template <auto M> void put_optional_integer(Pov& pov, const Json& value)
{
    using T = typename std::remove_reference_t<decltype(pov.*M)>::value_type;
    if (value.is_null()) {
        pov.*M = std::nullopt;
        return;
    }
    if (!value.is_number_integer()) {
        wrong_type("a whole number");
    }
    // A JSON integer that does not fit is refused, never wrapped (2^32 + 3 is not stage 3).
    const bool fits = value.is_number_unsigned()
                          ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())
                          : value.get<std::int64_t>() >= std::numeric_limits<T>::min() &&
                                value.get<std::int64_t>() <= std::numeric_limits<T>::max();
    if (!fits) {
        wrong_type(
            fmt::format("a whole number from {} to {}", std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
    }
    pov.*M = static_cast<T>(value.get<std::int64_t>());
}

Json get_id(const Pov& pov)
{
    return pov.id;
}
void put_id(Pov& pov, const Json& value)
{
    // An id of null (a document written by hand or by another tool) is the unassigned id.
    if (value.is_null()) {
        pov.id = 0;
        return;
    }
    if (!value.is_number_integer()) {
        wrong_type("a whole number");
    }
    pov.id = value.get<std::int64_t>();
}

// Typed access (Field::append, Field::read): the same values as get and put, without a Json.

void append_null(std::string& out)
{
    out += "null";
}

// Enum names and dates need no escapes.
void append_plain(std::string& out, std::string_view text)
{
    out += '"';
    out += text;
    out += '"';
}

template <auto M> void append_text(std::string& out, const Pov& pov)
{
    const std::string& text = pov.*M;
    if (text.empty()) {
        append_null(out);
    } else {
        append_json_string(out, text);
    }
}
template <auto M> void read_text(Pov& pov, const FieldValue& value)
{
    if (value.null) {
        (pov.*M).clear();
    } else {
        (pov.*M).assign(value.text);
    }
}

template <auto M> void append_date(std::string& out, const Pov& pov)
{
    const auto& date = pov.*M;
    if (date) {
        append_plain(out, format_date(*date));
    } else {
        append_null(out);
    }
}
template <auto M> void read_date(Pov& pov, const FieldValue& value)
{
    pov.*M = value.null ? std::nullopt : std::optional<Date>(date_from(value.text));
}

template <auto M> void append_bool(std::string& out, const Pov& pov)
{
    out += pov.*M ? "true" : "false";
}
template <auto M> void read_bool(Pov& pov, const FieldValue& value)
{
    pov.*M = !value.null && value.number != 0;
}

template <auto M> void append_enum(std::string& out, const Pov& pov)
{
    append_plain(out, to_string(pov.*M));
}
template <auto M, typename E> void read_enum(Pov& pov, const FieldValue& value)
{
    if (value.null) {
        wrong_type(fmt::format("one of {}", enum_choices<E>()));
    }
    pov.*M = enum_from<E>(value.text);
}

template <auto M> void append_optional_enum(std::string& out, const Pov& pov)
{
    const auto& value = pov.*M;
    if (value) {
        append_plain(out, to_string(*value));
    } else {
        append_null(out);
    }
}
template <auto M, typename E> void read_optional_enum(Pov& pov, const FieldValue& value)
{
    pov.*M = value.null ? std::nullopt : std::optional<E>(enum_from<E>(value.text));
}

template <auto M> void append_optional_integer(std::string& out, const Pov& pov)
{
    const auto& value = pov.*M;
    if (value) {
        append_json_number(out, *value);
    } else {
        append_null(out);
    }
}
template <auto M> void read_optional_integer(Pov& pov, const FieldValue& value)
{
    pov.*M = value.null ? std::nullopt : std::optional(value.number);
}

void append_id(std::string& out, const Pov& pov)
{
    append_json_number(out, pov.id);
}
void read_id(Pov& pov, const FieldValue& value)
{
    pov.id = value.null ? 0 : value.number;
}

FieldValue stored_number(std::int64_t number)
{
    return {false, number, {}};
}
FieldValue stored_text(std::string_view text)
{
    return {false, 0, text};
}

template <auto M> FieldValue write_text(const Pov& pov, std::string&)
{
    const std::string& text = pov.*M;
    return text.empty() ? FieldValue{} : stored_text(text);
}
template <auto M> FieldValue write_date(const Pov& pov, std::string& scratch)
{
    const auto& date = pov.*M;
    if (!date) {
        return {};
    }
    scratch = format_date(*date);
    return stored_text(scratch);
}
template <auto M> FieldValue write_bool(const Pov& pov, std::string&)
{
    return stored_number(pov.*M ? 1 : 0);
}
template <auto M> FieldValue write_enum(const Pov& pov, std::string&)
{
    return stored_text(to_string(pov.*M));
}
template <auto M> FieldValue write_optional_enum(const Pov& pov, std::string&)
{
    const auto& value = pov.*M;
    return value ? stored_text(to_string(*value)) : FieldValue{};
}
template <auto M> FieldValue write_optional_integer(const Pov& pov, std::string&)
{
    const auto& value = pov.*M;
    return value ? stored_number(*value) : FieldValue{};
}
FieldValue write_id(const Pov& pov, std::string&)
{
    return stored_number(pov.id);
}

template <auto M>
constexpr Field line(std::string_view name, std::string_view meaning, FieldAccess access = FieldAccess::writable)
{
    return {name, FieldKind::line, access,        meaning,       {}, &get_text<M>, &put_line<M>,
            true, &append_text<M>, &read_text<M>, &write_text<M>};
}
template <auto M> constexpr Field text(std::string_view name, std::string_view meaning)
{
    return {name, FieldKind::multiline, FieldAccess::writable, meaning,       {}, &get_text<M>, &put_text<M>,
            true, &append_text<M>,      &read_text<M>,         &write_text<M>};
}
template <auto M>
constexpr Field date(std::string_view name, std::string_view meaning, FieldAccess access = FieldAccess::writable)
{
    return {name, FieldKind::date, access,        meaning,       {}, &get_date<M>, &put_date<M>,
            true, &append_date<M>, &read_date<M>, &write_date<M>};
}
template <auto M> constexpr Field boolean(std::string_view name, std::string_view meaning)
{
    return {name, FieldKind::boolean, FieldAccess::writable, meaning,       {}, &get_bool<M>, &put_bool<M>,
            true, &append_bool<M>,    &read_bool<M>,         &write_bool<M>};
}
template <auto M, typename E>
constexpr Field choice(std::string_view name, std::string_view meaning, FieldAccess access = FieldAccess::writable)
{
    return {name,          FieldKind::choice, access, meaning,         EnumNames<E>::names,
            &get_enum<M>,  &put_enum<M, E>,   false,  &append_enum<M>, &read_enum<M, E>,
            &write_enum<M>};
}
template <auto M, typename E> constexpr Field optional_choice(std::string_view name, std::string_view meaning,
                                                              FieldAccess access = FieldAccess::writable)
{
    return {name,
            FieldKind::choice,
            access,
            meaning,
            EnumNames<E>::names,
            &get_optional_enum<M>,
            &put_optional_enum<M, E>,
            true,
            &append_optional_enum<M>,
            &read_optional_enum<M, E>,
            &write_optional_enum<M>};
}

constexpr auto lifecycle = FieldAccess::lifecycle;

const std::array fields{
    Field{"id",
          FieldKind::integer,
          FieldAccess::identity,
          "local id, shown to users, stable",
          {},
          &get_id,
          &put_id,
          true,
          &append_id,
          &read_id,
          &write_id},
    line<&Pov::uuid>("uuid", "global id, for export, import and merging databases", FieldAccess::identity),
    line<&Pov::name>("name", "the POV's name, usually the opportunity's name (required)"),
    line<&Pov::account>("account", "the customer company (required)"),
    line<&Pov::opportunity>("opportunity", "the associated opportunity's name"),
    Field{"stage",
          FieldKind::integer,
          FieldAccess::writable,
          "opportunity stage 0-8; 3 is Technical Evaluation",
          {},
          &get_optional_integer<&Pov::stage>,
          &put_optional_integer<&Pov::stage>,
          true,
          &append_optional_integer<&Pov::stage>,
          &read_optional_integer<&Pov::stage>,
          &write_optional_integer<&Pov::stage>},
    choice<&Pov::segment, Segment>("segment", "enterprise or commercial"),
    optional_choice<&Pov::deal, Deal>("deal", "new-logo, or uptier of an existing customer"),
    Field{"net_arr",
          FieldKind::money,
          FieldAccess::writable,
          "net ARR in USD (150000, 150k, 1.2M)",
          {},
          &get_optional_integer<&Pov::net_arr>,
          &put_optional_integer<&Pov::net_arr>,
          true,
          &append_optional_integer<&Pov::net_arr>,
          &read_optional_integer<&Pov::net_arr>,
          &write_optional_integer<&Pov::net_arr>},
    boolean<&Pov::lam_significant>("lam_significant", "significant landed addressable market"),
    choice<&Pov::type, PovType>("type", "guided, onsite, paid or lite (deprecated)"),
    boolean<&Pov::strategic>("strategic",
                             "a strategic POV (a guided one then needs desired_future and business_outcomes)"),
    line<&Pov::solution>("solution", "the solution the POV proves, one of the configured solutions"),
    line<&Pov::owner>("owner", "the Strategic Account Leader or Account Executive who owns the opportunity"),
    line<&Pov::sa>("sa", "the Solutions Architect who owns execution (required)"),
    line<&Pov::csm>("csm", "the Customer Success Manager"),
    line<&Pov::champion>("champion", "the customer's champion"),
    line<&Pov::economic_buyer>("economic_buyer", "the economic buyer (executive sponsor)"),
    line<&Pov::technical_lead>("technical_lead", "the customer's technical POV lead"),
    line<&Pov::business_owner>("business_owner", "the customer's business owner"),
    date<&Pov::champion_signoff>("champion_signoff", "the champion's sign-off on the current criteria", lifecycle),
    date<&Pov::eb_signoff>("eb_signoff", "the economic buyer's sign-off on the current criteria", lifecycle),
    text<&Pov::why_now>("why_now", "command plan: why now"),
    text<&Pov::why_anything>("why_anything", "command plan: why do anything at all"),
    text<&Pov::metrics>("metrics", "command plan: the metrics that prove value"),
    text<&Pov::decision_process>("decision_process", "command plan: stakeholders and how they decide"),
    text<&Pov::pain>("pain", "command plan: the pain"),
    text<&Pov::eb_access>("eb_access", "command plan: access to the economic buyer"),
    text<&Pov::impact>("impact", "command plan: impact of not solving it (the compelling event)"),
    text<&Pov::desired_future>("desired_future", "the desired future state (strategic guided POVs)"),
    text<&Pov::business_outcomes>("business_outcomes", "the desired business outcomes (strategic guided POVs)"),
    text<&Pov::objective>("objective", "proposal: the POV's objective"),
    text<&Pov::in_scope>("in_scope", "proposal: what is in scope"),
    text<&Pov::out_of_scope>("out_of_scope", "proposal: what is out of scope"),
    text<&Pov::customer_commitments>("customer_commitments",
                                     "proposal: what the customer commits (people, environments)"),
    text<&Pov::next_steps>("next_steps", "proposal: what happens on success"),
    date<&Pov::start>("start", "planned start date"),
    date<&Pov::end>("end", "planned end date; once started it moves only with pov extend"),
    date<&Pov::started_on>("started_on", "actual start date", lifecycle),
    date<&Pov::closed_on>("closed_on", "actual close (or cancel) date", lifecycle),
    date<&Pov::exec_review_on>(
        "exec_review_on", "the executive review meeting, booked while planning (guards against a vanishing sponsor)"),
    text<&Pov::business_impact>("business_impact",
                                "the quantified business impact shown (time saved, cost reduced, risk mitigated)"),
    text<&Pov::findings>("findings", "technical findings and recommendations for the results document"),
    choice<&Pov::status, Status>("status", "new, qualified, in_progress, closed or cancelled", lifecycle),
    line<&Pov::approved_by>("approved_by", "the manager who approved the POV", lifecycle),
    date<&Pov::approved_on>("approved_on", "the day the POV was approved", lifecycle),
    optional_choice<&Pov::result, Result>("result", "successful or unsuccessful (closed POVs)", lifecycle),
    line<&Pov::reason>("reason", "why it closed, was cancelled or reopened", lifecycle),
    line<&Pov::competitor>("competitor", "the competitor a lost POV went to", lifecycle),
    optional_choice<&Pov::loss_type, LossType>("loss_type", "technical or non-technical (lost POVs)", lifecycle),
    boolean<&Pov::ps_positioned>("ps_positioned", "professional services positioned"),
    boolean<&Pov::license_purchased>("license_purchased", "a paid POV's prorated licence is bought"),
    date<&Pov::created_on>("created_on", "the day the POV was created", lifecycle),
    date<&Pov::qualified_on>("qualified_on", "the day the POV last became qualified", lifecycle),
    Field{"criteria_creep",
          FieldKind::boolean,
          lifecycle,
          "success criteria changed after start",
          {},
          &get_bool<&Pov::criteria_creep>,
          &put_bool<&Pov::criteria_creep>,
          true,
          &append_bool<&Pov::criteria_creep>,
          &read_bool<&Pov::criteria_creep>,
          &write_bool<&Pov::criteria_creep>},
};

} // namespace

std::span<const Field> record_fields()
{
    return fields;
}

std::string option_name(std::string_view field)
{
    std::string option = "--" + std::string(field);
    std::replace(option.begin(), option.end(), '_', '-');
    return option;
}

Json date_json(const std::optional<Date>& date)
{
    return date ? Json(format_date(*date)) : Json(nullptr);
}

const Field* find_field(std::string_view name)
{
    // Hashed: an import looks up every key of every record.
    static const auto by_name = [] {
        std::unordered_map<std::string_view, const Field*> map;
        for (const auto& field : fields) {
            map.emplace(field.name, &field);
        }
        return map;
    }();
    const auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : it->second;
}

Json parse_field_input(const Field& field, std::string_view input, Date today)
{
    return parse_field_input(field, input, today, option_name(field.name));
}

Json parse_field_input(const Field& field, std::string_view input, Date today, std::string_view what)
{
    // Blank counts as empty (section 2); clearing a field that needs a value is invalid data.
    if (is_blank(input)) {
        if (!field.optional) {
            throw Error(Exit::invalid, fmt::format("{} needs a value; it cannot be cleared", what));
        }
        return nullptr;
    }
    switch (field.kind) {
    case FieldKind::line: return trim_blanks(input);
    case FieldKind::multiline: return std::string(input);
    case FieldKind::integer: return parse_integer(input, what);
    case FieldKind::money: return parse_money(input, what);
    case FieldKind::boolean: return parse_bool(input, what);
    case FieldKind::date: return format_date(parse_date(input, today, what));
    case FieldKind::choice:
        for (const auto choice : field.choices) {
            if (choice == input) {
                return std::string(input);
            }
        }
        {
            std::string accepted;
            for (const auto choice : field.choices) {
                accepted += (accepted.empty() ? "" : ", ") + std::string(choice);
            }
            throw Error(Exit::usage, fmt::format("invalid {} '{}'; expected one of: {}", what, input, accepted));
        }
    }
    return nullptr;
}

namespace {

// Sets `field` of `pov` with `set(pov, value)`, an error naming the field.
template <typename Value>
void set_field(Pov& pov, const Field& field, void (*set)(Pov&, const Value&), const Value& value)
{
    try {
        set(pov, value);
    } catch (const Error& e) {
        throw Error(Exit::invalid, fmt::format("{}: {}", field.name, e.what()));
    }
}

} // namespace

void put_field(Pov& pov, const Field& field, const Json& value)
{
    set_field(pov, field, field.put, value);
}

void read_field(Pov& pov, const Field& field, const FieldValue& value)
{
    set_field(pov, field, field.read, value);
}

Json scalars_to_json(const Pov& pov)
{
    Json out = Json::object();
    // Appended, not looked up: the names are unique, and export writes every record.
    auto& members = out.get_ref<Json::object_t&>();
    members.reserve(fields.size() + 4); // and room for a record's parts
    for (const auto& field : fields) {
        members.emplace_back(std::string(field.name), field.get(pov));
    }
    return out;
}

std::vector<const Field*> changed_fields(const Pov& before, const Pov& after)
{
    std::vector<const Field*> changed;
    for (const auto& field : fields) {
        if (field.get(before) != field.get(after)) {
            changed.push_back(&field);
        }
    }
    return changed;
}

Json diff_scalars(const Pov& before, const Pov& after)
{
    Json changes = Json::object();
    for (const auto* field : changed_fields(before, after)) {
        changes[std::string(field->name)] = Json::array({field->get(before), field->get(after)});
    }
    return changes;
}

} // namespace pov
