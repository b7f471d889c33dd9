// Export and import (contract sections 6 and 12): the `pov/1` document that holds every POV with
// its parts, journal and history, written and read one record at a time so that its size is
// bounded by the disk, not by memory.
#pragma once

#include "pov/config.hpp"
#include "pov/record.hpp"
#include "pov/store.hpp"
#include "pov/tracker.hpp"

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pov {

// The `schema` of the document this pov writes and reads.
inline constexpr std::string_view export_schema = "pov/1";

// A POV as the document holds it: the record with its parts and journal, and its history.
struct ExchangedPov {
    Pov pov;
    std::vector<Event> events;
};

// One element of the document's `povs`: the record's keys as `show --json` has them (section
// 12), its journal, then `events`, oldest first. `imported` events stay out: they say how one
// database came by the record, and leaving them out is what makes export → import → export give
// the same document and importing a database's own export back change nothing.
Json export_record(const Pov& pov, const std::vector<Event>& events);

// Appends append_json(export_record(pov, events)) for events as stored, without building the
// record's history as values: what `pov export` writes for each POV.
void append_export_record(std::string& out, const Pov& pov, const std::vector<StoredEvent>& events);

// Every POV of the store in id order with its history, one at a time, in one read transaction.
void each_exported(Store& store, const std::function<void(const Pov&, const std::vector<Event>&)>& visit);
void each_exported(Store& store, const std::function<void(const Pov&, const std::vector<StoredEvent>&)>& visit);

// The reverse of export_record for one element of `povs`. `uuid`, `name`, `account`, `sa`,
// `type`, `start` and `end` are required (the planned dates may be null: a new POV need not be
// dated yet); any other missing key means null or empty; `id` is ignored (a POV's id is local). Events of kind
// `imported` are dropped, and the journal is put in date order as the store keeps it. Throws pov::Error (invalid)
// naming the key.
ExchangedPov import_record(Json&& item);

enum class ImportAction { add, update, unchanged };

// What importing one record does.
struct ImportStep {
    ImportAction action = ImportAction::unchanged;
    Pov pov;                       // the record to store; an update keeps the stored id
    std::vector<Event> new_events; // what to append: the document's events the store lacks, then `imported`
};

// The plan for one record of the document given what is stored under its uuid (nullopt: nothing).
// A new uuid is added with its history and an `imported` event. A stored one whose fields, parts
// and journal equal the document's, and which has every event of the document, is unchanged;
// else its fields, parts and journal are replaced, the events it lacks appended, and an
// `imported` event records the changes. `source` names the file in the `imported` event.
ImportStep plan_import(ExchangedPov incoming, const std::optional<ExchangedPov>& stored, const Clock& clock,
                       std::string_view source);

struct ImportOptions {
    std::string source;   // the file's name, for messages and the `imported` events
    bool dry_run = false; // plan and report, write nothing
};

// What an import did (or, for a dry run, would do): local ids in the document's order. A dry
// run reports the ids that added POVs would get.
struct ImportSummary {
    std::vector<std::int64_t> added;
    std::vector<std::int64_t> updated;
    std::vector<std::int64_t> unchanged;
    bool dry_run = false;

    [[nodiscard]] std::size_t total() const { return added.size() + updated.size() + unchanged.size(); }
};

// Imports the document read from `in` (section 12), one element of `povs` at a time: each is
// read, validated like a new POV (validate_record), planned and stored before the next is read.
// All or nothing: one write transaction (a read one for a dry run). Throws pov::Error (invalid)
// for text that is not JSON (with its line and column), a document that is not `pov/1`, a record
// that breaks a rule or repeats a uuid (naming the record by index, name and uuid); storage
// errors as the store throws them.
ImportSummary import_document(std::istream& in, Store& store, const Config& config, const Clock& clock,
                              const ImportOptions& options);

} // namespace pov
