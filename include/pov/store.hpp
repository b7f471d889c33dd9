// Where POVs live. One interface, one SQLite implementation today (a PostgreSQL one will
// follow): nothing outside a store knows SQL. Stores are opened by open_store (open_store.hpp).
#pragma once

#include "pov/error.hpp"
#include "pov/record.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pov {

enum class SortKey { id, name, account, sa, type, status, start, end, net_arr };

template <> struct EnumNames<SortKey> {
    static constexpr std::array<std::string_view, 9> names{"id",     "name",  "account", "sa",     "type",
                                                           "status", "start", "end",     "net_arr"};
};

// What went wrong in a store, for callers that treat one fault apart (`db check` reports damage
// as the damage it looks for).
enum class StorageFault {
    unsupported,    // a kind of store this pov does not support
    busy,           // another process held the lock past the busy timeout
    not_a_database, // not a pov database; left untouched
    newer,          // written by a newer pov; left untouched
    damaged,        // the data is corrupt
    unwritable,     // cannot be created, written or upgraded
    constraint,     // a write broke a rule of the schema (a duplicate uuid)
    failed,         // anything else the backend reported
};

// A storage error (exit 6, contract section 10), whatever the backend.
class StorageError : public Error {
public:
    StorageError(StorageFault fault, std::string message) : Error(Exit::storage, std::move(message)), fault_(fault) {}

    [[nodiscard]] StorageFault fault() const noexcept { return fault_; }

private:
    StorageFault fault_;
};

// An event as a store keeps it: its changes as the compact JSON text json_text writes. Import and
// export move histories between a document and the store in this form, never building the values.
struct StoredEvent {
    std::string at;
    EventKind kind = EventKind::updated;
    std::string changes = "{}";
    std::string detail;
};

// A POV as stored, with its parts, journal and history (`last_activity` is not computed).
struct StoredPov {
    Pov pov;
    std::vector<StoredEvent> events;
};

struct ListFilter {
    std::vector<Status> statuses; // empty: any status
    std::string sa;               // empty: any SA
    std::string account;          // empty: any account
    std::optional<PovType> type;
    std::optional<Date> end_from; // planned end on or after
    std::optional<Date> end_to;   // planned end on or before
    SortKey sort = SortKey::id;
    std::optional<std::int64_t> limit;
    // false: closed and cancelled POVs come without their capabilities and extensions, which
    // no risk of theirs looks at (the text list shows only their risks).
    bool parts_of_closed = true;
};

// Looking after a store as a whole, apart from the records: what `pov db` does.
class StoreMaintenance {
public:
    virtual ~StoreMaintenance() = default;

    // Problems an integrity check finds; empty when the data is sound.
    virtual std::vector<std::string> check() = 0;
    // A consistent copy of the whole store, written while others may use it.
    virtual void backup(const std::filesystem::path& target) = 0;
};

class Store {
public:
    enum class Lock { read, write };

    virtual ~Store() = default;

    // Runs `work` as one transaction; a `write` one holds the write lock from the start and
    // rolls back when `work` throws, so a failing command writes nothing.
    virtual void transaction(Lock lock, const std::function<void()>& work) = 0;

    // A hint, within a write transaction, that it is about to add many records (a large import):
    // a store may put off the upkeep of what it derives from them (indexes, summaries) and do it
    // in one pass before the transaction commits. The result is the same either way.
    virtual void expect_many_inserts() {}

    // Without `with_journal` the journal is left empty (list views).
    virtual std::optional<Pov> find(std::int64_t id, bool with_journal = true) = 0;
    // The POVs as they are now, for the risks of today: `last_activity` and
    // `latest_retro_on_track` are read for in-progress POVs only (risks.cpp looks at no others).
    virtual std::vector<Pov> list(const ListFilter& filter) = 0;
    // list(), each POV handed to `visit` as it is read, so that a list of any size holds one
    // record (`list --json`). Call it within a transaction.
    virtual void each_listed(const ListFilter& filter, const std::function<void(const Pov&)>& visit) = 0;
    // Every POV in id order, with or without journals, held at once (tests and small tools; the
    // report streams each_for_report, export each).
    virtual std::vector<Pov> all(bool with_journal) = 0;
    // Every POV in id order with its parts, journal and events, handed to `visit` one at a time
    // so that an export of any size holds one record (`last_activity` is not computed). Call it
    // within a transaction.
    virtual void each(const std::function<void(const Pov&, const std::vector<Event>&)>& visit) = 0;
    // each(), with the events as stored (export).
    virtual void each_stored(const std::function<void(const Pov&, const std::vector<StoredEvent>&)>& visit) = 0;
    // The POV with this uuid with its parts, journal and history, if any (import compares it
    // with a document's).
    virtual std::optional<StoredPov> find_stored(const std::string& uuid) = 0;
    // The id of the POV with this uuid, if any (import).
    virtual std::optional<std::int64_t> find_uuid(const std::string& uuid) = 0;
    // The id the next insert will get; ids are never reused (a dry-run import reports it).
    virtual std::int64_t next_id() = 0;

    // Stores a new POV with its capabilities, extensions and journal; returns its id.
    virtual std::int64_t insert(const Pov& pov) = 0;
    // Writes `after` over `before`, the POV as stored now: the fields that differ
    // (changed_fields), and its capabilities or extensions when they differ, so that a small
    // change touches few rows and indexes (the journal goes by add_journal and replace_journal).
    virtual void update(const Pov& before, const Pov& after) = 0;
    virtual void add_journal(std::int64_t id, const JournalEntry& entry) = 0;
    // Replaces a POV's whole journal (an import that brings a changed record, a journal correction).
    virtual void replace_journal(std::int64_t id, const std::vector<JournalEntry>& journal) = 0;
    virtual void add_event(std::int64_t id, const Event& event) = 0;
    // Removes a POV with all its parts and events (`pov delete`); its id is never reused.
    virtual void remove(std::int64_t id) = 0;
    virtual std::vector<Event> events(std::int64_t id) = 0;
    // What a report reads, streamed (report_figures over stores). Every POV in id order, handed to
    // `visit` one at a time with the fields a report and its risks read (not the plan's text), its
    // criteria and extensions, and its events recorded on or after `changed_since` that change
    // something (oldest first; none without `changed_since`). Its `last_activity` counts criteria
    // changes only and `latest_retro_on_track` is not read: journal_activity() adds them. With
    // `sa`, only POVs whose SA matches it (name_matches) or that changed since `changed_since`
    // (their SA may have been another). Call it within a transaction.
    virtual void each_for_report(const std::string& sa, std::optional<Date> changed_since,
                                 const std::function<void(Pov&, const std::vector<Event>&)>& visit) = 0;
    // For each POV of `ids` (ascending) with a journal: its latest entry's day and the latest
    // retrospective's answer to "on track?" (the report's attention list).
    virtual void
    journal_activity(const std::vector<std::int64_t>& ids,
                     const std::function<void(std::int64_t, std::optional<Date>, std::optional<bool>)>& visit) = 0;
    // For each POV of `ids` (ascending) with one: the events of its log a net ARR at start reads
    // (net_arr_at_start), oldest first: its starts and its net ARR changes, their `changes` holding
    // only `started_on` and `net_arr`.
    virtual void net_arr_events(const std::vector<std::int64_t>& ids,
                                const std::function<void(std::int64_t, const std::vector<Event>&)>& visit) = 0;
    // Appends events in their order; what add_event does, without writing their changes again (import).
    virtual void add_stored_events(std::int64_t id, const std::vector<StoredEvent>& events) = 0;
    // events(), as stored (import compares them with a document's).
    virtual std::vector<StoredEvent> stored_events(std::int64_t id) = 0;

    // In-progress POVs per SA.
    virtual std::map<std::string, int> in_progress_by_sa() = 0;
    virtual int in_progress_count(const std::string& sa) = 0;

    // Where the data lives, for messages.
    [[nodiscard]] virtual std::string location() const = 0;
    // Whether a database is at the location; false only for a read of a missing one, which reads
    // as an empty store and creates nothing.
    [[nodiscard]] virtual bool exists() const = 0;
    // The care of the store as a whole (`pov db`), which no rule of the core needs.
    virtual StoreMaintenance& maintenance() = 0;
};

} // namespace pov
