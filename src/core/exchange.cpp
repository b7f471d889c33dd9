#include "pov/exchange.hpp"

#include "handoff.hpp"
#include "json_reader.hpp"
#include "pov/document.hpp"
#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/json_text.hpp"
#include "pov/lifecycle.hpp"
#include "pov/text.hpp"
#include "pov/validation.hpp"

#include <algorithm>
#include <array>
#include <thread>
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

// How an error names an element of `povs`: `povs[3] ("Acme POV", uuid 0b7e…)`, from its first
// `name` and `uuid` when they are text.
std::string record_label(std::size_t index, const std::string* name, const std::string* uuid)
{
    std::vector<std::string> names;
    if (name != nullptr && !name->empty()) {
        names.push_back(fmt::format("\"{}\"", clipped(*name, max_label_bytes)));
    }
    if (uuid != nullptr && !uuid->empty()) {
        names.push_back(fmt::format("uuid {}", clipped(*uuid, max_label_bytes)));
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

// What a record read from a document needs after its keys: no local id, a uuid, the journal in order.
void check_record(Pov& pov)
{
    pov.id = 0;
    if (pov.uuid.find_first_not_of(" \t") == std::string::npos) {
        throw Error(Exit::invalid, "uuid is required and may not be empty");
    }
    check_text("uuid", pov.uuid, TextKind::line);
    // In the store's order, or a re-import would differ.
    order_journal(pov.journal);
}

// An element of `povs` as a record, but its `events` (import_record).
Pov record_of(const Json& item)
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
    auto pov = pov_from_json(item);
    check_record(pov);
    return pov;
}

// Whether two events are the same: for stored events, the same text or, written another way
// (1 and 1.0), the same changes.
bool same_event(const Event& a, const Event& b)
{
    return a == b;
}

bool same_event(const StoredEvent& a, const StoredEvent& b)
{
    if (a.at != b.at || a.kind != b.kind || a.detail != b.detail) {
        return false;
    }
    if (a.changes == b.changes) {
        return true;
    }
    const auto left = parse_json_text(a.changes);
    const auto right = parse_json_text(b.changes);
    return left && right && *left == *right;
}

// The `imported` event that says where a record came from.
Event imported_event(const Clock& clock, Json changes, std::string detail, const Event*)
{
    return {clock.now, EventKind::imported, std::move(changes), std::move(detail)};
}

StoredEvent imported_event(const Clock& clock, const Json& changes, std::string detail, const StoredEvent*)
{
    return {clock.now, EventKind::imported, json_text(changes), std::move(detail)};
}

// The events of `incoming` that `stored` lacks, in their order; an event the document holds
// twice must be stored twice. Histories mostly agree in order, so each search starts where the
// last match was.
template <typename E> std::vector<E> missing_events(const std::vector<E>& stored, std::vector<E>&& incoming)
{
    std::vector<bool> matched(stored.size(), false);
    std::vector<E> missing;
    std::size_t next = 0;
    for (auto& event : incoming) {
        bool found = false;
        for (std::size_t k = 0; k < stored.size() && !found; ++k) {
            const auto i = (next + k) % stored.size();
            if (!matched[i] && same_event(stored[i], event)) {
                matched[i] = true;
                next = i + 1;
                found = true;
            }
        }
        if (!found) {
            missing.push_back(std::move(event));
        }
    }
    return missing;
}

// What importing one record does, with its events as Event or as StoredEvent.
template <typename E> struct Step {
    ImportAction action = ImportAction::unchanged;
    Pov pov;
    std::vector<E> new_events; // the record's events not stored yet, then the import's own (unless unchanged)

    // The record's own events among new_events, without the one plan() made for the import.
    std::vector<E> record_events() &&
    {
        if (action != ImportAction::unchanged) {
            new_events.pop_back();
        }
        return std::move(new_events);
    }
};

// plan_import, for either form of events.
template <typename E> Step<E> plan(Pov&& incoming, std::vector<E>&& incoming_events, const Pov* stored,
                                   const std::vector<E>* stored_events, const Clock& clock, std::string_view source)
{
    Step<E> step;
    step.pov = std::move(incoming);
    const E* form = nullptr;
    if (stored == nullptr) {
        step.action = ImportAction::add;
        step.pov.id = 0;
        step.new_events = std::move(incoming_events);
        step.new_events.push_back(imported_event(clock, Json::object(), fmt::format("added from {}", source), form));
        return step;
    }
    step.pov.id = stored->id;
    auto changes = record_changes(*stored, step.pov);
    step.new_events = missing_events(*stored_events, std::move(incoming_events));
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
    step.new_events.push_back(imported_event(clock, std::move(changes), std::move(detail), form));
    return step;
}

// Reads the `events` of an element of `povs` as the document streams them (a handler of
// json_reader.hpp's calls, within the record), keeping each event's changes as JSON text: a
// history is most of a document, and is stored as text. An error is kept, not thrown, and
// reported where import_record would report it: after the record's own keys are checked.
class HistoryReader {
public:
    // The record's `events` key was read: its value comes next.
    void begin()
    {
        active_ = true;
        level_ = 0;
        index_ = 0;
        events_.clear();
        error_.reset();
    }
    // Forgets the last record's history (a record without `events` has none).
    void clear()
    {
        events_.clear();
        error_.reset();
    }
    [[nodiscard]] bool active() const { return active_; }
    std::vector<StoredEvent>& events() { return events_; }
    [[nodiscard]] const std::optional<std::string>& error() const { return error_; }

    void null()
    {
        if (writing()) {
            writer_.null();
        }
        scalar(Type::null, nullptr);
    }
    void boolean(bool value)
    {
        if (writing()) {
            writer_.boolean(value);
        }
        scalar(Type::other, nullptr);
    }
    void number_integer(std::int64_t value)
    {
        if (writing()) {
            writer_.number_integer(value);
        }
        scalar(Type::other, nullptr);
    }
    void number_unsigned(std::uint64_t value)
    {
        if (writing()) {
            writer_.number_unsigned(value);
        }
        scalar(Type::other, nullptr);
    }
    void number_float(double value, const std::string& text)
    {
        if (writing()) {
            writer_.number_float(value, text);
        }
        scalar(Type::other, nullptr);
    }
    void string(std::string& value)
    {
        if (writing()) {
            writer_.string(value);
        }
        scalar(Type::string, &value);
    }
    void key(std::string& key)
    {
        if (writing()) {
            writer_.key(key);
            return;
        }
        if (level_ != 2) {
            return;
        }
        // The first of a key given twice counts, as find() reads it.
        member_ = nullptr;
        if (key == "at") {
            member_ = &at_;
        } else if (key == "kind") {
            member_ = &kind_;
        } else if (key == "changes") {
            member_ = &changes_;
        } else if (key == "detail") {
            member_ = &detail_;
        }
        if (member_ != nullptr && member_->type != Type::missing) {
            member_ = nullptr;
        }
    }
    void start(bool object)
    {
        ++level_;
        if (level_ == 1) {
            if (object) {
                // `events` is an array; an object is an error, its content not read.
                fail("events: expected an array");
                skipping_ = true;
            }
        } else if (skipping_) {
        } else if (level_ == 2) {
            at_ = kind_ = changes_ = detail_ = Member{};
            member_ = nullptr;
            event_is_object_ = object;
        } else if (level_ == 3 && member_ != nullptr) {
            member_->type = Type::other;
            if (member_ == &changes_ && object) {
                changes_.type = Type::object;
                changes_.text.clear();
                writer_ = json::TextWriter(changes_.text);
                writer_.start_object(0);
            }
            member_ = nullptr;
        } else if (writing()) {
            object ? writer_.start_object(0) : writer_.start_array(0);
        }
    }
    void end(bool object)
    {
        if (writing()) {
            object ? writer_.end_object() : writer_.end_array();
        }
        if (level_ == 3 && changes_.type == Type::object && changes_.open) {
            changes_.open = false;
        }
        if (level_ == 2 && !skipping_) {
            finish_event();
        }
        if (--level_ == 0) {
            active_ = false;
            skipping_ = false;
        }
    }

private:
    enum class Type { missing, null, string, object, other };
    struct Member {
        Type type = Type::missing;
        std::string text;
        bool open = true; // changes: the object is still being written
    };

    [[nodiscard]] bool writing() const
    {
        return level_ >= 3 && !skipping_ && changes_.type == Type::object && changes_.open;
    }

    void scalar(Type type, std::string* text)
    {
        if (level_ == 0) {
            // `events` holds no array: null means none.
            if (type != Type::null) {
                fail("events: expected an array");
            }
            active_ = false;
        } else if (skipping_) {
        } else if (level_ == 1) {
            event_is_object_ = false; // an element that is not an event
            finish_event();
        } else if (level_ == 2 && member_ != nullptr) {
            member_->type = type;
            if (text != nullptr) {
                member_->text = std::move(*text);
            }
            member_ = nullptr;
        }
    }

    void fail(std::string message)
    {
        if (!error_) {
            error_ = std::move(message);
        }
    }

    // An event read: kept, dropped (`imported`) or, when event_from_json would refuse it, its error kept.
    void finish_event()
    {
        const auto index = index_++;
        if (error_) {
            return;
        }
        std::optional<EventKind> kind = EventKind::updated;
        if (kind_.type == Type::string && !kind_.text.empty()) {
            kind = enum_from_string<EventKind>(kind_.text);
        } else if (kind_.type == Type::other) {
            kind.reset();
        }
        const auto text_or_null = [](const Member& m) { return m.type != Type::other && m.type != Type::object; };
        const bool changes_ok = changes_.type != Type::string && changes_.type != Type::other;
        if (event_is_object_ && kind && text_or_null(at_) && text_or_null(detail_) && changes_ok) {
            if (*kind != EventKind::imported) {
                events_.push_back({std::move(at_.text), *kind,
                                   changes_.type == Type::object ? std::move(changes_.text) : std::string("{}"),
                                   std::move(detail_.text)});
            }
            return;
        }
        // The same error, in the same words, as event_from_json gives the event as a value.
        try {
            event_from_json(event_as_value());
        } catch (const Error& e) {
            fail(fmt::format("events[{}]: {}", index, e.what()));
        }
    }

    // The event as a value as far as its checks go: what is not text or an object is an array.
    Json event_as_value() const
    {
        if (!event_is_object_) {
            return Json::array();
        }
        Json event = Json::object();
        const auto put = [&](const char* key, const Member& m) {
            switch (m.type) {
            case Type::missing: return;
            case Type::null: event[key] = nullptr; return;
            case Type::string: event[key] = m.text; return;
            case Type::object: event[key] = Json::object(); return;
            case Type::other: event[key] = Json::array(); return;
            }
        };
        put("at", at_);
        put("kind", kind_);
        put("changes", changes_);
        put("detail", detail_);
        return event;
    }

    bool active_ = false;
    bool skipping_ = false;
    std::size_t level_ = 0; // 1 in `events`, 2 in an event, 3 in a value of its keys, …
    std::size_t index_ = 0; // of the event being read
    bool event_is_object_ = true;
    Member at_, kind_, changes_, detail_;
    Member* member_ = nullptr;          // the member whose value comes next
    std::string scratch_;               // where the writer points before the first changes
    json::TextWriter writer_{scratch_}; // writes the changes being read
    std::vector<StoredEvent> events_;
    std::optional<std::string> error_;
};

// Reads an element of `povs` as the document streams it (a handler of json_reader.hpp's calls
// from within the element) straight into a Pov: each field's value is put as it is read, its
// `events` go to a HistoryReader, and only its parts (capabilities, extensions, journal) are
// built as values. It finds what record_of and import_record find, in the same order and words:
// errors are kept, not thrown, until the element is read.
class RecordReader {
public:
    void begin()
    {
        pov_ = Pov{};
        put_error_.reset();
        required_.fill(Seen::no);
        dated_.fill(false);
        name_.reset();
        uuid_.reset();
        name_seen_ = uuid_seen_ = false;
        parts_ = Json::object();
        // Room for every part up front: a growing object would copy the parts read before.
        parts_.get_ref<Json::object_t&>().reserve(part_keys.size());
        events_seen_ = false;
        level_ = 1;
        value_ = Value::skip;
        history_.clear();
    }

    HistoryReader& history() { return history_; }
    const std::string* name() const { return name_ ? &*name_ : nullptr; }
    const std::string* uuid() const { return uuid_ ? &*uuid_ : nullptr; }

    void scalar(Json&& value)
    {
        if (history_.active()) {
            return; // the caller handed it to the history
        }
        if (level_ > 1) {
            if (value_ != Value::skip) {
                builder_.value(std::move(value));
            }
            return;
        }
        seen(&value);
        if (value_ == Value::field) {
            put(value);
        } else if (value_ == Value::part) {
            parts_.get_ref<Json::object_t&>().emplace_back(key_, std::move(value));
        }
    }

    void key(std::string& key)
    {
        if (history_.active()) {
            history_.key(key);
            return;
        }
        if (level_ > 1) {
            if (value_ != Value::skip) {
                builder_.key(std::move(key));
            }
            return;
        }
        key_.swap(key);
        value_ = Value::skip;
        const auto it = keys().find(key_);
        about_ = it == keys().end() ? nullptr : &it->second;
        if (about_ == nullptr) {
            return;
        }
        if (about_->events) {
            // The first `events` counts, as find() reads it.
            if (!events_seen_) {
                events_seen_ = true;
                history_.begin();
            }
        } else if (about_->part) {
            if (!parts_.contains(key_)) {
                value_ = Value::part;
            }
        } else if (about_->field != nullptr) {
            value_ = Value::field;
        }
    }

    void start(bool object)
    {
        if (history_.active()) {
            history_.start(object);
            return;
        }
        ++level_;
        if (level_ == 2) {
            seen(nullptr);
            if (value_ != Value::skip) {
                builder_.begin(object ? Json::object() : Json::array());
            }
        } else if (value_ != Value::skip) {
            builder_.open(object ? Json::object() : Json::array());
        }
    }

    // Ends a container; true when it was the element itself.
    bool end(bool object)
    {
        if (history_.active()) {
            history_.end(object);
            return false;
        }
        if (--level_ == 0) {
            return true;
        }
        if (value_ == Value::skip) {
            return false;
        }
        if (builder_.close()) {
            if (value_ == Value::field) {
                put(builder_.root());
            } else {
                parts_.get_ref<Json::object_t&>().emplace_back(key_, std::move(builder_.root()));
            }
            value_ = Value::skip;
        }
        return false;
    }

    // The element read: its record, checked as record_of checks it, and its history in history().
    Pov finish()
    {
        for (std::size_t i = 0; i < required_keys.size(); ++i) {
            if (required_[i] != Seen::value) {
                throw Error(Exit::invalid, fmt::format("{} is required", required_keys[i]));
            }
        }
        for (std::size_t i = 0; i < required_dates.size(); ++i) {
            if (!dated_[i]) {
                throw Error(Exit::invalid,
                            fmt::format("{} is required (null for a POV not dated yet)", required_dates[i]));
            }
        }
        if (put_error_) {
            throw Error(Exit::invalid, *put_error_);
        }
        if (!parts_.empty()) {
            auto parts = pov_from_json(parts_);
            pov_.capabilities = std::move(parts.capabilities);
            pov_.extensions = std::move(parts.extensions);
            pov_.journal = std::move(parts.journal);
        }
        check_record(pov_);
        if (history_.error()) {
            throw Error(Exit::invalid, *history_.error());
        }
        return std::move(pov_);
    }

private:
    enum class Value { skip, field, part }; // what the value of the key at hand is for
    enum class Seen { no, null, value };    // a required key's first value
    enum class Label { none, name, uuid };  // a key that names the record in errors

    static constexpr std::array<const char*, 3> part_keys{"capabilities", "extensions", "journal"};

    // What a key of a record is, looked up once per key.
    struct About {
        const Field* field = nullptr;
        int required = -1; // in required_keys
        int date = -1;     // in required_dates
        Label label = Label::none;
        bool part = false; // capabilities, extensions, journal
        bool events = false;
    };

    static const std::unordered_map<std::string_view, About>& keys()
    {
        static const auto map = [] {
            std::unordered_map<std::string_view, About> out;
            for (const auto& field : record_fields()) {
                out[field.name].field = &field;
            }
            for (std::size_t i = 0; i < required_keys.size(); ++i) {
                out[required_keys[i]].required = static_cast<int>(i);
            }
            for (std::size_t i = 0; i < required_dates.size(); ++i) {
                out[required_dates[i]].date = static_cast<int>(i);
            }
            out["name"].label = Label::name;
            out["uuid"].label = Label::uuid;
            for (const char* part : part_keys) {
                out[part].part = true;
            }
            out["events"].events = true;
            return out;
        }();
        return map;
    }

    // The value of the record's key at hand starts (`scalar`, or nullptr for a container): what
    // the required keys and the label need of it. The first of a key given twice counts.
    void seen(const Json* scalar)
    {
        if (about_ == nullptr) {
            return;
        }
        const bool not_null = scalar == nullptr || !scalar->is_null();
        if (about_->required >= 0 && required_[about_->required] == Seen::no) {
            required_[about_->required] = not_null ? Seen::value : Seen::null;
        }
        if (about_->date >= 0) {
            dated_[about_->date] = true;
        }
        const auto label = [&](std::optional<std::string>& text, bool& first) {
            if (!first) {
                first = true;
                if (scalar != nullptr && scalar->is_string()) {
                    text = scalar->get_ref<const std::string&>();
                }
            }
        };
        if (about_->label == Label::name) {
            label(name_, name_seen_);
        } else if (about_->label == Label::uuid) {
            label(uuid_, uuid_seen_);
        }
    }

    void put(const Json& value)
    {
        if (put_error_) {
            return; // pov_from_json stops at the first
        }
        try {
            put_field(pov_, *about_->field, value);
        } catch (const Error& e) {
            put_error_ = e.what();
        }
    }

    Pov pov_;
    std::optional<std::string> put_error_;
    std::array<Seen, required_keys.size()> required_{};
    std::array<bool, required_dates.size()> dated_{};
    std::optional<std::string> name_;
    std::optional<std::string> uuid_;
    bool name_seen_ = false;
    bool uuid_seen_ = false;
    Json parts_ = Json::object(); // the first of each part's key
    bool events_seen_ = false;
    std::size_t level_ = 0; // 1 in the element, 2 in a value of its keys, …
    std::string key_;       // the element's key at hand
    Value value_ = Value::skip;
    const About* about_ = nullptr; // of the key at hand; nullptr for a key a record does not have
    json::ValueBuilder builder_;   // a value of the element's keys that is a container
    HistoryReader history_;
};

// A SAX handler (json_reader.hpp) for the export document: it checks the top level and hands
// each element of `povs` to `on_record` as soon as it is read, then forgets it. The element's
// own keys are built as a value; its `events` are read by a HistoryReader.
class DocumentReader {
public:
    using RecordHandler = std::function<void(std::size_t index, RecordReader& record)>;

    DocumentReader(std::string source, RecordHandler on_record)
        : source_(std::move(source)), on_record_(std::move(on_record))
    {
    }

    bool null()
    {
        if (in_history()) {
            record_.history().null();
            return true;
        }
        return scalar(nullptr);
    }
    bool boolean(bool value)
    {
        if (in_history()) {
            record_.history().boolean(value);
            return true;
        }
        return scalar(value);
    }
    bool number_integer(Json::number_integer_t value)
    {
        if (in_history()) {
            record_.history().number_integer(value);
            return true;
        }
        return scalar(value);
    }
    bool number_unsigned(Json::number_unsigned_t value)
    {
        if (in_history()) {
            record_.history().number_unsigned(value);
            return true;
        }
        return scalar(value);
    }
    bool number_float(Json::number_float_t value, const Json::string_t& text)
    {
        if (in_history()) {
            record_.history().number_float(value, text);
            return true;
        }
        return scalar(value);
    }
    bool string(Json::string_t& value)
    {
        if (in_history()) {
            record_.history().string(value);
            return true;
        }
        return scalar(std::move(value));
    }
    bool start_object(std::size_t) { return start(true); }
    bool start_array(std::size_t) { return start(false); }
    bool end_object() { return end(true); }
    bool end_array() { return end(false); }

    bool key(Json::string_t& key)
    {
        if (building_) {
            record_.key(key);
        } else if (depth_ == 1) {
            key_ = key;
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
    // The depth of an element of `povs` (the document is 1, `povs` 2).
    static constexpr std::size_t record_depth = 3;

    [[nodiscard]] bool in_history() { return building_ && record_.history().active(); }

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
            record_.scalar(std::move(value));
        }
        return true;
    }

    bool start(bool object)
    {
        ++depth_;
        if (building_) {
            if (depth_ - record_depth + 1 > max_record_depth) {
                throw Error(Exit::invalid, fmt::format("povs[{}] in {} is nested deeper than {} levels", index_,
                                                       source_, max_record_depth));
            }
            record_.start(object);
        } else if (depth_ == 1) {
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
        } else if (in_povs_ && depth_ == record_depth) {
            if (!object) {
                element_not_object();
            }
            building_ = true;
            record_.begin();
        }
        return true;
    }

    bool end(bool object)
    {
        if (building_ && record_.end(object)) {
            building_ = false;
            on_record_(index_++, record_);
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
    RecordReader record_;
};

// An element of `povs` read and checked against every rule of a stored record.
Pov valid_record(RecordReader& record, const Config& config)
{
    auto pov = record.finish();
    const auto violations = find_violations(pov, config);
    if (!violations.empty()) {
        const auto& first = violations.front();
        throw Error(Exit::invalid, fmt::format("{} (rule {})", first.message, first.rule));
    }
    return pov;
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

void append_export_record(std::string& out, const Pov& pov, const std::vector<StoredEvent>& events)
{
    // As append_json writes export_record's value: the record's keys, then `events` last.
    append_record_json(out, pov, true);
    out.pop_back(); // the record's closing brace
    out += ",\"events\":[";
    bool first = true;
    for (const auto& event : events) {
        if (event.kind == EventKind::imported) {
            continue;
        }
        out += first ? "{\"at\":" : ",{\"at\":";
        first = false;
        append_json_string(out, event.at);
        out += ",\"kind\":";
        append_json_string(out, to_string(event.kind));
        out += ",\"changes\":";
        if (!append_json_text(out, event.changes)) {
            out += "{}"; // as events() reads text that is not JSON
        }
        out += ",\"detail\":";
        if (event.detail.empty()) {
            out += "null";
        } else {
            append_json_string(out, event.detail);
        }
        out += '}';
    }
    out += "]}";
}

void each_exported(Store& store, const std::function<void(const Pov&, const std::vector<Event>&)>& visit)
{
    store.transaction(Store::Lock::read, [&] { store.each(visit); });
}

void each_exported(Store& store, const std::function<void(const Pov&, const std::vector<StoredEvent>&)>& visit)
{
    store.transaction(Store::Lock::read, [&] { store.each_stored(visit); });
}

ExchangedPov import_record(Json&& item)
{
    ExchangedPov out{record_of(item), {}};
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
    auto step = plan(std::move(incoming.pov), std::move(incoming.events), stored ? &stored->pov : nullptr,
                     stored ? &stored->events : nullptr, clock, source);
    return {step.action, std::move(step.pov), std::move(step.new_events)};
}

namespace {

// An element of `povs` read and checked (each_read_record), with what names it in errors.
struct ReadRecord {
    std::size_t index = 0;
    std::optional<std::string> name;
    std::optional<std::string> uuid;
    Pov pov;
    std::vector<StoredEvent> events;

    [[nodiscard]] std::string label(std::string_view source) const
    {
        return fmt::format("{} in {}", record_label(index, name ? &*name : nullptr, uuid ? &*uuid : nullptr), source);
    }
};

// The records the reading thread hands on at once, and how many such batches may wait.
constexpr std::size_t records_per_batch = 64;
constexpr std::size_t batches_waiting = 8;

// Reads the export document from `in` on a thread of its own, checking each element of `povs`
// as create would, and hands the records to `store_record` on the caller's thread in their order:
// reading and checking a record costs about as much as storing it, and a machine has two cores.
// An error of the document or of a record is thrown here after the records before it were
// handed on, as a reading on one thread would; an error of `store_record` stops the reading.
void each_read_record(std::istream& in, const Config& config, const std::string& source,
                      const std::function<void(ReadRecord&)>& store_record)
{
    Handoff<ReadRecord> handoff(batches_waiting);
    struct Cancelled {};
    std::thread reader([&] {
        std::vector<ReadRecord> batch;
        const auto hand_on = [&] {
            const bool taken = handoff.put(std::move(batch));
            // The records stored meanwhile are freed here, where they were allocated.
            handoff.spent().clear();
            batch.clear();
            return taken;
        };
        try {
            DocumentReader document(source, [&](std::size_t index, RecordReader& record) {
                const auto copied = [](const std::string* text) {
                    return text == nullptr ? std::nullopt : std::optional<std::string>(*text);
                };
                ReadRecord read{index, copied(record.name()), copied(record.uuid()), {}, {}};
                try {
                    read.pov = valid_record(record, config);
                } catch (const Error& e) {
                    throw Error(Exit::invalid, fmt::format("{}: {}", read.label(source), e.what()));
                }
                read.events = std::move(record.history().events());
                // Room for the event the import adds (plan), so that the storing thread need not
                // move the events to memory of its own (see Handoff::give_back).
                read.events.reserve(read.events.size() + 1);
                batch.push_back(std::move(read));
                if (batch.size() == records_per_batch && !hand_on()) {
                    throw Cancelled{};
                }
            });
            json::Reader(in).parse(document);
            document.finish();
            if (hand_on()) {
                handoff.close();
            }
        } catch (const Cancelled&) {
            // The caller stopped taking: its own error is the one to report.
        } catch (...) {
            if (hand_on()) {
                handoff.close(std::current_exception());
            }
        }
    });
    try {
        for (auto batch = handoff.take(); !batch.empty(); batch = handoff.take()) {
            for (auto& read : batch) {
                store_record(read);
            }
            handoff.give_back(std::move(batch));
        }
    } catch (...) {
        handoff.cancel();
        reader.join();
        throw;
    }
    reader.join();
}

// How many added POVs make an import large enough to tell the store (Store::expect_many_inserts):
// a thousand, and a quarter of those it held before, so that rebuilding what it derives from the
// whole store costs less than keeping it up row by row.
std::size_t many_inserts(std::int64_t stored_before)
{
    return std::max<std::size_t>(1000, static_cast<std::size_t>(stored_before) / 4);
}

} // namespace

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
            const std::int64_t first_id = next_id;
            // Into a store that never held a POV every uuid is new: no need to look each one up.
            const bool fresh_store = next_id == 1;
            std::optional<StoredPov> stored;
            each_read_record(in, config, options.source, [&](ReadRecord& read) {
                const auto label = [&] { return read.label(options.source); };
                const auto [first, fresh] = seen.try_emplace(read.pov.uuid, read.index);
                if (!fresh) {
                    throw Error(Exit::invalid, fmt::format("{}: its uuid is that of povs[{}] too; a uuid names one POV",
                                                           label(), first->second));
                }
                stored = fresh_store ? std::nullopt : store.find_stored(read.pov.uuid);
                auto step = plan(std::move(read.pov), std::move(read.events), stored ? &stored->pov : nullptr,
                                 stored ? &stored->events : nullptr, clock, options.source);
                try {
                    switch (step.action) {
                    case ImportAction::add:
                        step.pov.id = options.dry_run ? next_id++ : store.insert(step.pov);
                        summary.added.push_back(step.pov.id);
                        if (!options.dry_run && summary.added.size() == many_inserts(first_id - 1)) {
                            store.expect_many_inserts();
                        }
                        break;
                    case ImportAction::update:
                        if (!options.dry_run) {
                            store.update(stored->pov, step.pov);
                            store.replace_journal(step.pov.id, step.pov.journal);
                        }
                        summary.updated.push_back(step.pov.id);
                        break;
                    case ImportAction::unchanged: summary.unchanged.push_back(step.pov.id); break;
                    }
                    if (!options.dry_run) {
                        store.add_stored_events(step.pov.id, step.new_events);
                    }
                    // Back to the record, to be freed by the reading thread that allocated it; the
                    // import's own event was made here, and is freed here.
                    read.pov = std::move(step.pov);
                    read.events = std::move(step).record_events();
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
