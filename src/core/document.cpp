#include "pov/document.hpp"

#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/json_text.hpp"
#include "pov/text.hpp"

#include <fmt/format.h>

#include <type_traits>

namespace pov {

namespace {

Json optional_text(const std::string& text)
{
    return text.empty() ? Json(nullptr) : Json(text);
}

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

} // namespace

Json to_json(const Capability& capability)
{
    return Json{{"n", capability.n},
                {"title", capability.title},
                {"target", optional_text(capability.target)},
                {"outcome", optional_text(capability.outcome)},
                {"status", std::string(to_string(capability.status))},
                {"evidence", optional_text(capability.evidence)},
                {"updated_on", date_json(capability.updated_on)}};
}

Json to_json(const Extension& extension)
{
    return Json{{"from", format_date(extension.from)},
                {"to", format_date(extension.to)},
                {"reason", extension.reason},
                {"on", format_date(extension.on)}};
}

Json to_json(const JournalEntry& entry)
{
    return Json{{"on", format_date(entry.on)},
                {"kind", std::string(to_string(entry.kind))},
                {"text", entry.text},
                {"shared", entry.shared}};
}

Json journal_json(const std::vector<JournalEntry>& journal)
{
    auto out = Json::array();
    int n = 0;
    for (const auto& entry : journal) {
        auto json = Json{{"n", ++n}};
        auto fields = to_json(entry);
        for (auto& [key, value] : fields.items()) {
            json[key] = std::move(value);
        }
        out.push_back(std::move(json));
    }
    return out;
}

Json to_json(const Event& event)
{
    return Json{{"at", event.at},
                {"kind", std::string(to_string(event.kind))},
                {"changes", event.changes},
                {"detail", optional_text(event.detail)}};
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

namespace {

void append_optional_text(std::string& out, const std::string& text)
{
    if (text.empty()) {
        out += "null";
    } else {
        append_json_string(out, text);
    }
}

void append_date(std::string& out, const std::optional<Date>& date)
{
    if (date) {
        out += '"';
        out += format_date(*date);
        out += '"';
    } else {
        out += "null";
    }
}

// The keys and values of to_json above, in its order: a unit test holds the two together.
void append_capability(std::string& out, const Capability& capability)
{
    out += "{\"n\":";
    out += std::to_string(capability.n);
    out += ",\"title\":";
    append_json_string(out, capability.title);
    out += ",\"target\":";
    append_optional_text(out, capability.target);
    out += ",\"outcome\":";
    append_optional_text(out, capability.outcome);
    out += ",\"status\":\"";
    out += to_string(capability.status);
    out += "\",\"evidence\":";
    append_optional_text(out, capability.evidence);
    out += ",\"updated_on\":";
    append_date(out, capability.updated_on);
    out += '}';
}

void append_extension(std::string& out, const Extension& extension)
{
    out += "{\"from\":";
    append_date(out, extension.from);
    out += ",\"to\":";
    append_date(out, extension.to);
    out += ",\"reason\":";
    append_json_string(out, extension.reason);
    out += ",\"on\":";
    append_date(out, extension.on);
    out += '}';
}

// An entry with its 1-based position `n`, as journal_json writes it.
void append_journal_entry(std::string& out, std::size_t n, const JournalEntry& entry)
{
    out += "{\"n\":";
    out += std::to_string(n);
    out += ",\"on\":";
    append_date(out, entry.on);
    out += ",\"kind\":\"";
    out += to_string(entry.kind);
    out += "\",\"text\":";
    append_json_string(out, entry.text);
    out += ",\"shared\":";
    out += entry.shared ? "true" : "false";
    out += '}';
}

template <typename Item, typename Append>
void append_array(std::string& out, std::string_view key, const std::vector<Item>& items, Append append)
{
    out += ",\"";
    out += key;
    out += "\":[";
    bool first = true;
    std::size_t n = 0;
    for (const auto& item : items) {
        if (!first) {
            out += ',';
        }
        first = false;
        if constexpr (std::is_invocable_v<Append, std::string&, std::size_t, const Item&>) {
            append(out, ++n, item);
        } else {
            append(out, item);
        }
    }
    out += ']';
}

} // namespace

void append_record_json(std::string& out, const Pov& pov, bool with_journal)
{
    char separator = '{';
    for (const auto& field : record_fields()) {
        out += separator;
        separator = ',';
        out += '"';
        out += field.name;
        out += "\":";
        field.append(out, pov);
    }
    append_array(out, "capabilities", pov.capabilities, append_capability);
    append_array(out, "extensions", pov.extensions, append_extension);
    if (with_journal) {
        append_array(out, "journal", pov.journal, append_journal_entry);
    }
    out += '}';
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
