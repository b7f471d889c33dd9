#include "pov/exchange.hpp"

#include "json_reader.hpp"
#include "pov/document.hpp"
#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/text.hpp"
#include "pov/validation.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include <fmt/format.h>

namespace pov {

namespace {

// What every element of `povs` must hold (section 12). A POV that is not dated yet has null
// planned dates (create does not need them), and its export must import back: `start` and `end`
// must be there, but may be null.
constexpr std::array<const char*, 5> required_keys{"uuid", "name", "account", "sa", "type"};
constexpr std::array<const char*, 2> required_dates{"start", "end"};

// Deeper than any record goes (record → events → event → changes → field → [old, new] → …).
constexpr std::size_t max_record_depth = 32;

// The longest name an error shows of a record.
constexpr std::size_t max_label_bytes = 60;

// `text` cut to at most `limit` bytes at a character boundary, with an ellipsis when cut.
std::string clipped(const std::string& text, std::size_t limit)
{
    if (text.size() <= limit) {
        return text;
    }
    auto end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    return text.substr(0, end) + "…";
}

// How an error names an element of `povs`: `povs[3] ("Acme POV", uuid 0b7e…)`.
std::string record_label(std::size_t index, const Json& item)
{
    std::vector<std::string> names;
    if (item.is_object()) {
        const auto name = item.find("name");
        if (name != item.end() && name->is_string() && !name->get_ref<const std::string&>().empty()) {
            names.push_back(fmt::format("\"{}\"", clipped(name->get<std::string>(), max_label_bytes)));
        }
        const auto uuid = item.find("uuid");
        if (uuid != item.end() && uuid->is_string() && !uuid->get_ref<const std::string&>().empty()) {
            names.push_back(fmt::format("uuid {}", clipped(uuid->get<std::string>(), max_label_bytes)));
        }
    }
    if (names.empty()) {
        return fmt::format("povs[{}]", index);
    }
    return fmt::format("povs[{}] ({})", index, fmt::join(names, ", "));
}

template <typename Part> Json parts_json(const std::vector<Part>& parts)
{
    auto out = Json::array();
    for (const auto& part : parts) {
        out.push_back(to_json(part));
    }
    return out;
}

// The changes an import makes to a stored record: its scalar fields (but the local id) and its
// parts, each as [old, new].
Json record_changes(const Pov& before, const Pov& after)
{
    auto changes = diff_scalars(before, after);
    changes.erase("id");
    const auto compare = [&](const char* key, const auto& old_parts, const auto& new_parts) {
        if (old_parts != new_parts) {
            changes[key] = Json::array({parts_json(old_parts), parts_json(new_parts)});
        }
    };
    compare("capabilities", before.capabilities, after.capabilities);
    compare("extensions", before.extensions, after.extensions);
    compare("journal", before.journal, after.journal);
    return changes;
}

// The events of `incoming` that `stored` lacks, in their order; an event the document holds
// twice must be stored twice. Histories mostly agree in order, so each search starts where the
// last match was.
std::vector<Event> missing_events(const std::vector<Event>& stored, const std::vector<Event>& incoming)
{
    std::vector<bool> matched(stored.size(), false);
    std::vector<Event> missing;
    std::size_t next = 0;
    for (const auto& event : incoming) {
        bool found = false;
        for (std::size_t k = 0; k < stored.size() && !found; ++k) {
            const auto i = (next + k) % stored.size();
            if (!matched[i] && stored[i] == event) {
                matched[i] = true;
                next = i + 1;
                found = true;
            }
        }
        if (!found) {
            missing.push_back(event);
        }
    }
    return missing;
}

// A SAX handler (json_reader.hpp) for the export document: it checks the top level
// and hands each element of `povs` to `on_record` as soon as it is read, then forgets it.
class DocumentReader {
public:
    using RecordHandler = std::function<void(std::size_t index, Json& item)>;

    DocumentReader(std::string source, RecordHandler on_record)
        : source_(std::move(source)), on_record_(std::move(on_record))
    {
    }

    bool null() { return scalar(nullptr); }
    bool boolean(bool value) { return scalar(value); }
    bool number_integer(Json::number_integer_t value) { return scalar(value); }
    bool number_unsigned(Json::number_unsigned_t value) { return scalar(value); }
    bool number_float(Json::number_float_t value, const Json::string_t&) { return scalar(value); }
    bool string(Json::string_t& value) { return scalar(std::move(value)); }
    bool binary(Json::binary_t& value) { return scalar(Json::binary(std::move(value))); }
    bool start_object(std::size_t) { return start(true); }
    bool start_array(std::size_t) { return start(false); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }

    bool key(Json::string_t& key)
    {
        if (depth_ == 1) {
            key_ = key;
        } else if (building_) {
            record_.key(std::move(key));
        }
        return true;
    }

    [[noreturn]] void syntax_error(std::size_t line, std::size_t column, const std::string& what) const
    {
        std::vector<std::string> details;
        if (depth_ == 0) {
            details.emplace_back("pov import reads the JSON document of pov export (--format json); its CSV and "
                                 "Salesforce forms are for spreadsheets and cannot be imported");
        }
        throw Error(Exit::invalid,
                    fmt::format("{} is not valid JSON: line {}, column {}: {}", source_, line, column, what),
                    std::move(details));
    }

    // After the parse: the document had its schema and its POVs.
    void finish() const
    {
        if (!schema_seen_) {
            not_an_export(fmt::format("it has no \"schema\" key; expected \"{}\"", export_schema));
        }
        if (!povs_seen_) {
            not_an_export("it has no \"povs\" array");
        }
    }

private:
    [[noreturn]] void not_an_export(const std::string& why) const
    {
        throw Error(Exit::invalid, fmt::format("{} is not a pov export document: {}", source_, why));
    }

    [[noreturn]] void element_not_object() const
    {
        throw Error(Exit::invalid,
                    fmt::format("povs[{}] in {} is not an object; each element of \"povs\" is a POV", index_, source_));
    }

    void check_schema(const Json& value) const
    {
        if (!value.is_string()) {
            not_an_export(fmt::format("\"schema\" must be the string \"{}\"", export_schema));
        }
        if (value.get_ref<const std::string&>() != export_schema) {
            throw Error(Exit::invalid, fmt::format("{} has schema \"{}\"; this pov imports \"{}\"", source_,
                                                   value.get_ref<const std::string&>(), export_schema));
        }
    }

    bool scalar(Json&& value)
    {
        if (depth_ == 0) {
            not_an_export("it is not a JSON object");
        }
        if (depth_ == 1) {
            if (key_ == "schema") {
                schema_seen_ = true;
                check_schema(value);
            } else if (key_ == "povs") {
                not_an_export("\"povs\" must be an array");
            }
        } else if (in_povs_ && depth_ == 2) {
            element_not_object();
        } else if (building_) {
            record_.value(std::move(value));
        }
        return true;
    }

    bool start(bool object)
    {
        ++depth_;
        if (depth_ == 1) {
            if (!object) {
                not_an_export("it is not a JSON object");
            }
        } else if (depth_ == 2) {
            if (key_ == "schema") {
                schema_seen_ = true;
                check_schema(nullptr);
            }
            if (key_ == "povs") {
                if (object) {
                    not_an_export("\"povs\" must be an array");
                }
                in_povs_ = true;
                povs_seen_ = true;
            }
        } else if (in_povs_ && depth_ == 3) {
            if (!object) {
                element_not_object();
            }
            building_ = true;
            record_.begin(Json::object(), record_fields().size() + 8);
        } else if (building_ && record_.open(object ? Json::object() : Json::array()) > max_record_depth) {
            throw Error(Exit::invalid, fmt::format("povs[{}] in {} is nested deeper than {} levels", index_, source_,
                                                   max_record_depth));
        }
        return true;
    }

    bool end()
    {
        if (building_ && record_.close()) {
            building_ = false;
            on_record_(index_++, record_.root());
        } else if (in_povs_ && depth_ == 2) {
            in_povs_ = false;
        }
        --depth_;
        return true;
    }

    std::string source_;
    RecordHandler on_record_;
    std::size_t depth_ = 0; // 1 inside the document, 2 inside a value of its keys, …
    std::string key_;       // the document's key being read
    bool schema_seen_ = false;
    bool povs_seen_ = false;
    bool in_povs_ = false;
    bool building_ = false; // reading an element of `povs`
    std::size_t index_ = 0; // of the element being read
    json::ValueBuilder record_;
};

// An element of `povs` read and checked against every rule of a stored record.
ExchangedPov valid_record(Json&& item, const Config& config)
{
    auto incoming = import_record(std::move(item));
    const auto violations = find_violations(incoming.pov, config);
    if (!violations.empty()) {
        const auto& first = violations.front();
        throw Error(Exit::invalid, fmt::format("{} (rule {})", first.message, first.rule));
    }
    return incoming;
}

// Appends "Nothing was imported." to an error that ends an import.
Error nothing_imported(const Error& e)
{
    auto details = e.details();
    details.emplace_back("Nothing was imported.");
    return Error(e.code(), e.what(), std::move(details));
}

} // namespace

Json export_record(const Pov& pov, const std::vector<Event>& events)
{
    auto out = to_json(pov, true);
    auto& history = out["events"] = Json::array();
    for (const auto& event : events) {
        if (event.kind != EventKind::imported) {
            history.push_back(to_json(event));
        }
    }
    return out;
}

void each_exported(Store& store, const std::function<void(const Pov&, const std::vector<Event>&)>& visit)
{
    store.transaction(Store::Lock::read, [&] { store.each(visit); });
}

ExchangedPov import_record(Json&& item)
{
    if (!item.is_object()) {
        throw Error(Exit::invalid, "expected an object");
    }
    for (const char* key : required_keys) {
        const auto it = item.find(key);
        if (it == item.end() || it->is_null()) {
            throw Error(Exit::invalid, fmt::format("{} is required", key));
        }
    }
    for (const char* key : required_dates) {
        if (!item.contains(key)) {
            throw Error(Exit::invalid, fmt::format("{} is required (null for a POV not dated yet)", key));
        }
    }
    ExchangedPov out{pov_from_json(item), {}};
    out.pov.id = 0;
    if (out.pov.uuid.find_first_not_of(" \t") == std::string::npos) {
        throw Error(Exit::invalid, "uuid is required and may not be empty");
    }
    check_text("uuid", out.pov.uuid, TextKind::line);
    // The store keeps a journal in date order; so must the plan, or a re-import would differ.
    std::stable_sort(out.pov.journal.begin(), out.pov.journal.end(),
                     [](const JournalEntry& a, const JournalEntry& b) { return a.on < b.on; });
    const auto events = item.find("events");
    if (events != item.end() && !events->is_null()) {
        if (!events->is_array()) {
            throw Error(Exit::invalid, "events: expected an array");
        }
        for (std::size_t i = 0; i < events->size(); ++i) {
            try {
                auto event = event_from_json(std::move((*events)[i]));
                if (event.kind != EventKind::imported) {
                    out.events.push_back(std::move(event));
                }
            } catch (const Error& e) {
                throw Error(Exit::invalid, fmt::format("events[{}]: {}", i, e.what()));
            }
        }
    }
    return out;
}

ImportStep plan_import(ExchangedPov incoming, const std::optional<ExchangedPov>& stored, const Clock& clock,
                       std::string_view source)
{
    ImportStep step;
    step.pov = std::move(incoming.pov);
    if (!stored) {
        step.action = ImportAction::add;
        step.pov.id = 0;
        step.new_events = std::move(incoming.events);
        step.new_events.push_back(
            {clock.now, EventKind::imported, Json::object(), fmt::format("added from {}", source)});
        return step;
    }
    step.pov.id = stored->pov.id;
    auto changes = record_changes(stored->pov, step.pov);
    step.new_events = missing_events(stored->events, incoming.events);
    if (changes.empty() && step.new_events.empty()) {
        step.action = ImportAction::unchanged;
        return step;
    }
    step.action = ImportAction::update;
    auto detail = fmt::format("updated from {}", source);
    if (!step.new_events.empty()) {
        detail +=
            fmt::format(" with {} more {}", step.new_events.size(), step.new_events.size() == 1 ? "event" : "events");
    }
    step.new_events.push_back({clock.now, EventKind::imported, std::move(changes), std::move(detail)});
    return step;
}

ImportSummary import_document(std::istream& in, Store& store, const Config& config, const Clock& clock,
                              const ImportOptions& options)
{
    ImportSummary summary;
    summary.dry_run = options.dry_run;
    const auto lock = options.dry_run ? Store::Lock::read : Store::Lock::write;
    try {
        store.transaction(lock, [&] {
            // Where each uuid was first seen: a uuid names one POV, once per document.
            std::unordered_map<std::string, std::size_t> seen;
            std::int64_t next_id = store.next_id();
            // Into a store that never held a POV every uuid is new: no need to look each one up.
            const bool fresh_store = next_id == 1;
            DocumentReader reader(options.source, [&](std::size_t index, Json& item) {
                // Reading moves only the events' changes out of the item: its name and uuid stay.
                const auto label = [&] { return fmt::format("{} in {}", record_label(index, item), options.source); };
                ExchangedPov incoming;
                try {
                    incoming = valid_record(std::move(item), config);
                } catch (const Error& e) {
                    throw Error(Exit::invalid, fmt::format("{}: {}", label(), e.what()));
                }
                const auto [first, fresh] = seen.try_emplace(incoming.pov.uuid, index);
                if (!fresh) {
                    throw Error(Exit::invalid, fmt::format("{}: its uuid is that of povs[{}] too; a uuid names one POV",
                                                           label(), first->second));
                }
                std::optional<ExchangedPov> stored;
                if (const auto id = fresh_store ? std::nullopt : store.find_uuid(incoming.pov.uuid)) {
                    stored = ExchangedPov{*store.find(*id), store.events(*id)};
                }
                auto step = plan_import(std::move(incoming), stored, clock, options.source);
                try {
                    switch (step.action) {
                    case ImportAction::add:
                        step.pov.id = options.dry_run ? next_id++ : store.insert(step.pov);
                        summary.added.push_back(step.pov.id);
                        break;
                    case ImportAction::update:
                        if (!options.dry_run) {
                            store.update(step.pov);
                            store.replace_journal(step.pov.id, step.pov.journal);
                        }
                        summary.updated.push_back(step.pov.id);
                        break;
                    case ImportAction::unchanged: summary.unchanged.push_back(step.pov.id); break;
                    }
                    if (!options.dry_run) {
                        for (const auto& event : step.new_events) {
                            store.add_event(step.pov.id, event);
                        }
                    }
                } catch (const StorageError& e) {
                    // A rule of the schema the checks above missed: the user hears which record, not SQLite.
                    if (e.fault() != StorageFault::constraint) {
                        throw;
                    }
                    throw Error(Exit::invalid, fmt::format("{}: cannot be stored beside the POVs already there (a "
                                                           "uuid must be unique)",
                                                           label()));
                }
            });
            json::Reader(in).parse(reader);
            reader.finish();
        });
    } catch (const Error& e) {
        if (options.dry_run) {
            throw;
        }
        throw nothing_imported(e);
    }
    return summary;
}

} // namespace pov
