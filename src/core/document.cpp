#include "pov/document.hpp"

#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/json_text.hpp"
#include "pov/text.hpp"

#include <fmt/format.h>

namespace pov {

namespace {

[[noreturn]] void bad(std::string_view key, std::string_view expected)
{
    throw Error(Exit::invalid, fmt::format("{}: expected {}", key, expected));
}

std::string text_at(const Json& object, const char* key, std::string_view where)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return {};
    }
    if (!it->is_string()) {
        bad(fmt::format("{}.{}", where, key), "a string");
    }
    return it->get<std::string>();
}

std::optional<Date> date_at(const Json& object, const char* key, std::string_view where)
{
    const auto text = text_at(object, key, where);
    if (text.empty()) {
        return std::nullopt;
    }
    const auto date = parse_iso_date(text);
    if (!date) {
        bad(fmt::format("{}.{}", where, key), fmt::format("a date YYYY-MM-DD, not '{}'", text));
    }
    return date;
}

Date required_date_at(const Json& object, const char* key, std::string_view where)
{
    const auto date = date_at(object, key, where);
    if (!date) {
        bad(fmt::format("{}.{}", where, key), "a date YYYY-MM-DD");
    }
    return *date;
}

// A missing or null flag is false (section 12: generated documents may leave it out).
bool bool_at(const Json& object, const char* key, std::string_view where)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return false;
    }
    if (!it->is_boolean()) {
        bad(fmt::format("{}.{}", where, key), "true or false");
    }
    return it->get<bool>();
}

template <typename E> E enum_at(const Json& object, const char* key, E fallback, std::string_view where)
{
    const auto text = text_at(object, key, where);
    if (text.empty()) {
        return fallback;
    }
    const auto value = enum_from_string<E>(text);
    if (!value) {
        bad(fmt::format("{}.{}", where, key), fmt::format("one of {}", enum_choices<E>()));
    }
    return *value;
}

const Json& array_at(const Json& object, const char* key)
{
    static const Json empty = Json::array();
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return empty;
    }
    if (!it->is_array()) {
        bad(key, "an array");
    }
    return *it;
}

void expect_object(const Json& value, std::string_view where)
{
    if (!value.is_object()) {
        bad(where, "an object");
    }
}

// The parts of a record as JSON, each described once for its value (to_json) and its text
// (append_record_json): see ObjectBuilder.
template <typename Object> void capability_members(Object& o, const Capability& capability)
{
    o.member("n", capability.n);
    o.member("title", capability.title);
    o.member("target", text_or_null(capability.target));
    o.member("outcome", text_or_null(capability.outcome));
    o.member("status", to_string(capability.status));
    o.member("evidence", text_or_null(capability.evidence));
    o.member("updated_on", date_or_null(capability.updated_on));
}

template <typename Object> void extension_members(Object& o, const Extension& extension)
{
    o.member("from", format_date(extension.from));
    o.member("to", format_date(extension.to));
    o.member("reason", extension.reason);
    o.member("on", format_date(extension.on));
}

template <typename Object> void journal_members(Object& o, const JournalEntry& entry)
{
    o.member("on", format_date(entry.on));
    o.member("kind", to_string(entry.kind));
    o.member("text", entry.text);
    o.member("shared", entry.shared);
}

// A journal entry with its 1-based position `n`, as the journal lists it.
template <typename Object> void numbered_journal_members(Object& o, std::size_t n, const JournalEntry& entry)
{
    o.member("n", n);
    journal_members(o, entry);
}

template <typename Object> void event_members(Object& o, const Event& event)
{
    o.member("at", event.at);
    o.member("kind", to_string(event.kind));
    o.member("changes", event.changes);
    o.member("detail", text_or_null(event.detail));
}

} // namespace

Json to_json(const Capability& capability)
{
    return built_object([&](ObjectBuilder& o) { capability_members(o, capability); });
}

Json to_json(const Extension& extension)
{
    return built_object([&](ObjectBuilder& o) { extension_members(o, extension); });
}

Json to_json(const JournalEntry& entry)
{
    return built_object([&](ObjectBuilder& o) { journal_members(o, entry); });
}

Json journal_json(const std::vector<JournalEntry>& journal)
{
    auto out = Json::array();
    std::size_t n = 0;
    for (const auto& entry : journal) {
        ++n;
        out.push_back(built_object([&](ObjectBuilder& o) { numbered_journal_members(o, n, entry); }));
    }
    return out;
}

Json to_json(const Event& event)
{
    return built_object([&](ObjectBuilder& o) { event_members(o, event); });
}

Json to_json(const Pov& pov, bool with_journal)
{
    Json out = scalars_to_json(pov);
    auto& capabilities = out["capabilities"] = Json::array();
    for (const auto& capability : pov.capabilities) {
        capabilities.push_back(to_json(capability));
    }
    auto& extensions = out["extensions"] = Json::array();
    for (const auto& extension : pov.extensions) {
        extensions.push_back(to_json(extension));
    }
    if (with_journal) {
        out["journal"] = journal_json(pov.journal);
    }
    return out;
}

void write_record_members(ObjectWriter& object, const Pov& pov, bool with_journal)
{
    for (const auto& field : record_fields()) {
        object.text_member(field.name, [&](std::string& out) { field.append(out, pov); });
    }
    object.array_member("capabilities", pov.capabilities,
                        [](ObjectWriter& o, std::size_t, const Capability& c) { capability_members(o, c); });
    object.array_member("extensions", pov.extensions,
                        [](ObjectWriter& o, std::size_t, const Extension& e) { extension_members(o, e); });
    if (with_journal) {
        object.array_member("journal", pov.journal, &numbered_journal_members<ObjectWriter>);
    }
}

void append_record_json(std::string& out, const Pov& pov, bool with_journal)
{
    ObjectWriter object(out);
    write_record_members(object, pov, with_journal);
    object.end();
}

Pov pov_from_json(const Json& document)
{
    expect_object(document, "POV");
    Pov pov;
    // Keys that are not fields (`risks` of `show --json`, `events` of an export) are not read here.
    for (const auto& [key, value] : document.items()) {
        if (const auto* field = find_field(key)) {
            put_field(pov, *field, value);
        }
    }
    int n = 0;
    for (const auto& item : array_at(document, "capabilities")) {
        const auto where = fmt::format("capabilities[{}]", n);
        expect_object(item, where);
        Capability capability;
        capability.n = ++n;
        // Single-line text is trimmed as the options trim it (section 2).
        capability.title = trim_blanks(text_at(item, "title", where));
        capability.target = trim_blanks(text_at(item, "target", where));
        capability.outcome = trim_blanks(text_at(item, "outcome", where));
        capability.status = enum_at(item, "status", CapabilityStatus::pending, where);
        capability.evidence = text_at(item, "evidence", where);
        capability.updated_on = date_at(item, "updated_on", where);
        pov.capabilities.push_back(std::move(capability));
    }
    for (const auto& item : array_at(document, "extensions")) {
        const auto where = fmt::format("extensions[{}]", pov.extensions.size());
        expect_object(item, where);
        pov.extensions.push_back({required_date_at(item, "from", where), required_date_at(item, "to", where),
                                  trim_blanks(text_at(item, "reason", where)), required_date_at(item, "on", where)});
    }
    for (const auto& item : array_at(document, "journal")) {
        const auto where = fmt::format("journal[{}]", pov.journal.size());
        expect_object(item, where);
        pov.journal.push_back({required_date_at(item, "on", where), enum_at(item, "kind", JournalKind::note, where),
                               text_at(item, "text", where), bool_at(item, "shared", where)});
    }
    return pov;
}

Event event_from_json(const Json& document)
{
    return event_from_json(Json(document));
}

Event event_from_json(Json&& document)
{
    expect_object(document, "event");
    Event event;
    event.at = text_at(document, "at", "event");
    event.kind = enum_at(document, "kind", EventKind::updated, "event");
    const auto changes = document.find("changes");
    if (changes != document.end() && !changes->is_null()) {
        if (!changes->is_object()) {
            bad("event.changes", "an object");
        }
        event.changes = std::move(*changes);
    }
    event.detail = text_at(document, "detail", "event");
    return event;
}

} // namespace pov
