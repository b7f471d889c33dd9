#include "sqlite_store.hpp"

#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/json_text.hpp"
#include "pov/risks.hpp"
#include "pov/rules.hpp"
#include "sqlite_migrations.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <span>
#include <thread>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace pov {

namespace {

namespace fs = std::filesystem;

// SQL's pov_name_matches(name, query): the core's name_matches (the --sa and --account filters),
// so the rule has one home and the filter still runs where the rows are.
void sql_name_matches(sqlite3_context* context, int, sqlite3_value** args)
{
    const auto* name = sqlite3_value_text(args[0]);
    const auto name_size = static_cast<std::size_t>(sqlite3_value_bytes(args[0]));
    const auto* query = sqlite3_value_text(args[1]);
    const auto query_size = static_cast<std::size_t>(sqlite3_value_bytes(args[1]));
    const bool match = name != nullptr && query != nullptr &&
                       name_matches({reinterpret_cast<const char*>(name), name_size},
                                    {reinterpret_cast<const char*>(query), query_size});
    sqlite3_result_int(context, match ? 1 : 0);
}

// `column IN (…)`: the rows whose `column` is a name that pov_name_matches the next bound value.
// The names are matched once each, not once a row. An SA is one of a team's few people, so the
// distinct SAs are found by skipping through the column's index, one seek a name (a loose index
// scan: 40 seeks instead of reading 100,000 entries); accounts are nearly as many as POVs, where
// reading the index through is cheaper than a seek per name.
enum class DistinctNames { few, many };

std::string name_matches_sql(std::string_view column, DistinctNames names)
{
    if (names == DistinctNames::many) {
        return fmt::format("{0} IN (SELECT DISTINCT {0} FROM povs WHERE pov_name_matches({0}, ?))", column);
    }
    return fmt::format("{0} IN (WITH RECURSIVE names(value) AS (SELECT min({0}) FROM povs UNION ALL SELECT "
                       "(SELECT min({0}) FROM povs WHERE {0} > names.value) FROM names WHERE names.value IS NOT "
                       "NULL) SELECT value FROM names WHERE pov_name_matches(value, ?))",
                       column);
}

[[noreturn]] void storage_failure(const std::string& path, int busy_timeout_ms, const SQLite::Exception& e)
{
    const int code = e.getErrorCode() & 0xFF;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        throw StorageError(StorageFault::busy, fmt::format("database {} is busy: another process held its lock for "
                                                           "more than {} ms; try again, or raise [database] "
                                                           "busy_timeout_ms",
                                                           path, busy_timeout_ms));
    }
    if (code == SQLITE_NOTADB) {
        throw StorageError(StorageFault::not_a_database,
                           fmt::format("{} is not a pov database (not an SQLite file); it was left untouched", path));
    }
    if (code == SQLITE_CONSTRAINT) {
        throw StorageError(StorageFault::constraint, fmt::format("database {}: {}", path, e.what()));
    }
    if (code == SQLITE_CORRUPT) {
        throw StorageError(StorageFault::damaged,
                           fmt::format("database {} is damaged ({}); restore it from a backup", path, e.what()));
    }
    if (code == SQLITE_FULL || code == SQLITE_IOERR) {
        // A write that the system refused: no space, a file-size limit (ulimit -f), a device error.
        throw StorageError(StorageFault::unwritable,
                           fmt::format("cannot write database {}: {}; nothing was changed (check the free space "
                                       "and the file-size limit, ulimit -f)",
                                       path, e.what()));
    }
    if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM) {
        throw StorageError(StorageFault::unwritable, fmt::format("cannot write database {}: {}", path, e.what()));
    }
    throw StorageError(StorageFault::failed, fmt::format("database {}: {}", path, e.what()));
}

[[noreturn]] void backup_failure(const fs::path& target, const std::string& reason)
{
    throw StorageError(StorageFault::unwritable, fmt::format("cannot write backup {}: {}", target.string(), reason));
}

// Creates the missing folders of `folder` with mode 0700 (contract section 11).
void make_private_folders(const fs::path& folder)
{
    if (folder.empty()) {
        return;
    }
    std::error_code error;
    if (fs::is_directory(folder, error)) {
        return;
    }
    make_private_folders(folder.parent_path());
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
        throw StorageError(StorageFault::unwritable,
                           fmt::format("cannot create folder {}: {}", folder.string(), std::strerror(errno)));
    }
}

// Creates an empty database file with mode 0600 unless it exists.
void create_private_file(const fs::path& path)
{
    make_private_folders(path.parent_path());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return;
    }
    if (errno != EEXIST) {
        throw StorageError(StorageFault::unwritable,
                           fmt::format("cannot create database {}: {}", path.string(), std::strerror(errno)));
    }
}

std::string quoted(std::string_view column)
{
    return fmt::format("\"{}\"", column);
}

std::string column_list()
{
    std::string out;
    for (const auto& field : record_fields()) {
        out += (out.empty() ? "" : ", ") + quoted(field.name);
    }
    return out;
}

// The latest journal entry or capability change, computed where the data is.
constexpr std::string_view last_activity_sql =
    "nullif(max(coalesce((SELECT max(on_date) FROM journal j WHERE j.pov_id = povs.id), ''), "
    "coalesce((SELECT max(updated_on) FROM capabilities c WHERE c.pov_id = povs.id), '')), '')";

// The text of the latest retrospective, whose last line says whether the POV is on track.
constexpr std::string_view latest_retro_sql = "(SELECT text FROM journal j WHERE j.pov_id = povs.id AND "
                                              "j.kind = 'retro' ORDER BY on_date DESC, id DESC LIMIT 1)";

std::string_view sort_sql(SortKey key)
{
    switch (key) {
    case SortKey::id: return "id";
    case SortKey::name: return "name COLLATE NOCASE, id";
    case SortKey::account: return "account COLLATE NOCASE, id";
    case SortKey::sa: return "sa COLLATE NOCASE, id";
    case SortKey::type: return "type, id";
    case SortKey::status:
        return "CASE status WHEN 'new' THEN 0 WHEN 'qualified' THEN 1 WHEN 'in_progress' THEN 2 "
               "WHEN 'closed' THEN 3 ELSE 4 END, id";
    case SortKey::start: return "\"start\" IS NULL, \"start\", id";
    case SortKey::end: return "\"end\" IS NULL, \"end\", id";
    case SortKey::net_arr: return "net_arr IS NULL, net_arr DESC, id";
    }
    return "id";
}

// Whether a field's column holds a number (integers, money, booleans) or text (the rest).
bool stored_as_number(const Field& field)
{
    return field.kind == FieldKind::integer || field.kind == FieldKind::money || field.kind == FieldKind::boolean;
}

// A field's stored value (Field::write). Text is bound without a copy: what it views must
// outlive the statement's run.
void bind_field(SQLite::Statement& statement, int index, const Field& field, const FieldValue& value)
{
    if (value.null) {
        statement.bind(index);
        return;
    }
    if (stored_as_number(field)) {
        statement.bind(index, value.number);
        return;
    }
    // Field::write's text ends where a NUL follows (a record holds no control characters).
    statement.bindNoCopy(index, value.text.data());
}

void bind_date(SQLite::Statement& statement, int index, const std::optional<Date>& date)
{
    if (date) {
        statement.bind(index, format_date(*date));
    } else {
        statement.bind(index);
    }
}

// Binds text that outlives the statement's run (a record's own strings) without copying it;
// empty text is NULL unless the column needs text.
void bind_view(SQLite::Statement& statement, int index, const std::string& text, bool empty_is_null = true)
{
    if (text.empty() && empty_is_null) {
        statement.bind(index);
    } else {
        statement.bindNoCopy(index, text);
    }
}

// Binds the name of an enum's value without copying it: the names are string literals.
void bind_name(SQLite::Statement& statement, int index, std::string_view name)
{
    statement.bindNoCopy(index, name.data());
}

std::string text_of(const SQLite::Column& column)
{
    return column.isNull() ? std::string() : column.getString();
}

std::optional<Date> date_of(const SQLite::Column& column)
{
    return column.isNull() ? std::nullopt : parse_iso_date(column.getString());
}

// The parts of a POV, each read from its query's columns from `first` on (the columns before
// it, such as pov_id, belong to the query).
constexpr std::string_view capability_columns = "n, title, target, outcome, status, evidence, updated_on";
constexpr std::string_view extension_columns = "from_date, to_date, reason, on_date";
constexpr std::string_view journal_columns = "on_date, kind, text, shared";
constexpr std::string_view event_columns = "at, kind, changes, detail";

Capability read_capability(SQLite::Statement& query, int first)
{
    Capability capability;
    capability.n = query.getColumn(first).getInt();
    capability.title = text_of(query.getColumn(first + 1));
    capability.target = text_of(query.getColumn(first + 2));
    capability.outcome = text_of(query.getColumn(first + 3));
    capability.status =
        enum_from_string<CapabilityStatus>(query.getColumn(first + 4).getString()).value_or(CapabilityStatus::pending);
    capability.evidence = text_of(query.getColumn(first + 5));
    capability.updated_on = date_of(query.getColumn(first + 6));
    return capability;
}

Extension read_extension(SQLite::Statement& query, int first)
{
    return {date_of(query.getColumn(first)).value_or(Date{}), date_of(query.getColumn(first + 1)).value_or(Date{}),
            text_of(query.getColumn(first + 2)), date_of(query.getColumn(first + 3)).value_or(Date{})};
}

JournalEntry read_journal_entry(SQLite::Statement& query, int first)
{
    return {date_of(query.getColumn(first)).value_or(Date{}),
            enum_from_string<JournalKind>(query.getColumn(first + 1).getString()).value_or(JournalKind::note),
            text_of(query.getColumn(first + 2)), query.getColumn(first + 3).getInt() != 0};
}

Event read_event(SQLite::Statement& query, int first)
{
    Event event;
    event.at = query.getColumn(first).getString();
    event.kind = enum_from_string<EventKind>(query.getColumn(first + 1).getString()).value_or(EventKind::updated);
    const auto* changes = static_cast<const char*>(query.getColumn(first + 2).getText());
    event.changes = parse_json_text(changes).value_or(Json::object());
    event.detail = text_of(query.getColumn(first + 3));
    return event;
}

StoredEvent read_stored_event(SQLite::Statement& query, int first)
{
    StoredEvent event;
    event.at = query.getColumn(first).getString();
    event.kind = enum_from_string<EventKind>(query.getColumn(first + 1).getString()).value_or(EventKind::updated);
    event.changes = query.getColumn(first + 2).getString();
    event.detail = text_of(query.getColumn(first + 3));
    return event;
}

// A query over one kind of part of every POV, ordered by pov_id (its first column), read
// alongside the POVs in id order: a merge of sorted scans instead of one query per POV.
class PartCursor {
public:
    explicit PartCursor(SQLite::Statement& query) : query_(query) { step(); }

    // Reads the rows of POV `id` with `read`, skipping rows of POVs before it.
    template <typename Read> void take(std::int64_t id, Read&& read)
    {
        while (more_ && query_.getColumn(0).getInt64() < id) {
            step();
        }
        while (more_ && query_.getColumn(0).getInt64() == id) {
            read(query_);
            step();
        }
    }

private:
    void step() { more_ = query_.executeStep(); }

    SQLite::Statement& query_;
    bool more_ = false;
};

// Reads a column of `field` into `pov` by the column's type (Field::read): numbers for integers,
// money and booleans, text for the rest.
void read_column(Pov& pov, const Field& field, const SQLite::Column& column)
{
    FieldValue value;
    value.null = column.isNull();
    if (value.null) {
    } else if (stored_as_number(field)) {
        value.number = column.getInt64();
    } else {
        value.text = {static_cast<const char*>(column.getText()), static_cast<std::size_t>(column.getBytes())};
    }
    read_field(pov, field, value);
}

// The fields a report reads of a POV (read_report_pov): what its figures, risks and past-date
// rebuild look at, not the plan's text.
const std::vector<const Field*>& report_fields()
{
    static const std::vector<const Field*> fields = [] {
        std::vector<const Field*> out;
        for (const auto name : {"id",         "uuid",          "name",        "account",        "sa",
                                "type",       "solution",      "net_arr",     "status",         "start",
                                "end",        "started_on",    "closed_on",   "created_on",     "qualified_on",
                                "result",     "reason",        "competitor",  "loss_type",      "champion_signoff",
                                "eb_signoff", "ps_positioned", "approved_by", "criteria_creep", "exec_review_on"}) {
            out.push_back(find_field(name));
        }
        return out;
    }();
    return fields;
}

std::string report_columns()
{
    std::string out;
    for (const auto* field : report_fields()) {
        out += (out.empty() ? "" : ", ") + quoted(field->name);
    }
    return out;
}

// Above this many POVs, a lookup by POV reads one pass over the index instead of one query each.
constexpr std::size_t few_povs = 2000;

Pov read_report_pov(SQLite::Statement& query)
{
    Pov pov;
    int index = 0;
    for (const auto* field : report_fields()) {
        read_column(pov, *field, query.getColumn(index++));
    }
    return pov;
}

class SqliteStore final : public Store, public StoreMaintenance {
public:
    SqliteStore(const StoreOptions& options, std::unique_ptr<SQLite::Database> db, bool writable, bool exists)
        : path_(options.location), busy_timeout_ms_(options.busy_timeout_ms), db_(std::move(db)), writable_(writable),
          exists_(exists)
    {
    }

    void transaction(Lock lock, const std::function<void()>& work) override
    {
        if (in_transaction_) {
            work();
            return;
        }
        guarded([&] {
            if (lock == Lock::write && !large_cache_) {
                // 16 MiB of page cache, allocated only as used: a large import then writes each page
                // to the WAL about once instead of spilling the same index pages again and again.
                // Reads keep the default 2 MiB: a list reads each page once, and a larger cache only
                // costs the pages' allocation.
                db_->exec("PRAGMA cache_size = -16384");
                large_cache_ = true;
            }
            db_->exec(lock == Lock::write ? "BEGIN IMMEDIATE" : "BEGIN");
        });
        in_transaction_ = true;
        try {
            work();
            reset_statements();
            guarded([&] {
                restore_deferred();
                db_->exec("COMMIT");
            });
        } catch (...) {
            in_transaction_ = false;
            deferred_.clear();
            reset_statements();
            try {
                db_->exec("ROLLBACK");
            } catch (const SQLite::Exception&) {
                // The original failure is the one worth reporting.
            }
            throw;
        }
        in_transaction_ = false;
    }

    // The index of events by time, the trigger that copies net ARR changes and the secondary
    // indexes of povs (status, SA, account, dates) cost a large import more than its other writes
    // (each row lands at a random place in each index): they are dropped here, within the
    // transaction, and rebuilt in one pass before it commits (restore_deferred). The uuid's
    // index stays: it keeps uuids unique as rows come. A rollback brings them back as they were.
    void expect_many_inserts() override
    {
        if (!in_transaction_ || !deferred_.empty()) {
            return;
        }
        guarded([&] {
            reset_statements();
            {
                SQLite::Statement derived(*db_, "SELECT type, name, sql FROM sqlite_master "
                                                "WHERE name IN ('events_at', 'events_net_arr') "
                                                "OR (type = 'index' AND tbl_name = 'povs' AND sql IS NOT NULL) "
                                                "ORDER BY type, name");
                while (derived.executeStep()) {
                    deferred_.push_back({derived.getColumn(0).getString(), derived.getColumn(1).getString(),
                                         derived.getColumn(2).getString()});
                }
                deferred_from_event_ = db_->execAndGet("SELECT coalesce(max(id), 0) FROM events").getInt64();
            }
            // A statement still stepping would keep the schema locked.
            for (const auto& object : deferred_) {
                db_->exec(fmt::format("DROP {} {}", object.type == "index" ? "INDEX" : "TRIGGER", object.name));
            }
        });
    }

    std::optional<Pov> find(std::int64_t id, bool with_journal) override
    {
        return guarded([&]() -> std::optional<Pov> {
            auto& query = statement(select_sql() + " WHERE id = ?");
            query.bind(1, id);
            if (!query.executeStep()) {
                return std::nullopt;
            }
            Pov pov = read_pov(query);
            load_parts(pov, with_journal);
            return pov;
        });
    }

    std::vector<Pov> list(const ListFilter& filter) override
    {
        std::vector<Pov> povs;
        each_listed(filter, [&](const Pov& pov) { povs.push_back(pov); });
        return povs;
    }

    void each_listed(const ListFilter& filter, const std::function<void(const Pov&)>& visit) override
    {
        guarded([&] {
            std::string where;
            const auto clause = [&](const std::string& condition) {
                where += (where.empty() ? " WHERE " : " AND ") + condition;
            };
            if (!filter.statuses.empty()) {
                std::string marks;
                for (std::size_t i = 0; i < filter.statuses.size(); ++i) {
                    marks += i == 0 ? "?" : ", ?";
                }
                clause(fmt::format("status IN ({})", marks));
            }
            // The names that match, found in the index of each column; the rows then by the index.
            if (!filter.sa.empty()) {
                clause(name_matches_sql("sa", DistinctNames::few));
            }
            if (!filter.account.empty()) {
                clause(name_matches_sql("account", DistinctNames::many));
            }
            if (filter.type) {
                clause("type = ?");
            }
            if (filter.end_from) {
                clause("\"end\" >= ?");
            }
            if (filter.end_to) {
                clause("\"end\" <= ?");
            }
            const auto order = fmt::format(" ORDER BY {}{}", sort_sql(filter.sort), filter.limit ? " LIMIT ?" : "");
            // Binds the filter's values, in the order of `where` and `order`.
            const auto bind_filter = [&filter](SQLite::Statement& query) {
                int index = 0;
                for (const auto status : filter.statuses) {
                    bind_name(query, ++index, to_string(status));
                }
                if (!filter.sa.empty()) {
                    query.bind(++index, filter.sa);
                }
                if (!filter.account.empty()) {
                    query.bind(++index, filter.account);
                }
                if (filter.type) {
                    bind_name(query, ++index, to_string(*filter.type));
                }
                if (filter.end_from) {
                    query.bind(++index, format_date(*filter.end_from));
                }
                if (filter.end_to) {
                    query.bind(++index, format_date(*filter.end_to));
                }
                if (filter.limit) {
                    query.bind(++index, *filter.limit);
                }
            };
            auto& query = statement(list_select_sql() + where + order);
            bind_filter(query);
            // In id order, the POVs' capabilities and extensions are read alongside the rows, one
            // sorted query each, instead of two lookups per POV: every POV's by a scan (list --all),
            // else the listed ones' by their ids. The text list, which needs the parts of a few open
            // POVs only, looks those up.
            const bool alongside = filter.sort == SortKey::id && filter.parts_of_closed;
            std::optional<PartCursor> capabilities;
            std::optional<PartCursor> extensions;
            if (alongside && where.empty() && !filter.limit) {
                capabilities.emplace(statement(capabilities_by_pov_sql()));
                extensions.emplace(statement(extensions_by_pov_sql()));
            } else if (alongside) {
                const auto listed = fmt::format("WHERE pov_id IN (SELECT id FROM povs{}{})", where, order);
                auto& capabilities_query = statement(capabilities_by_pov_sql(listed));
                bind_filter(capabilities_query);
                capabilities.emplace(capabilities_query);
                auto& extensions_query = statement(extensions_by_pov_sql(listed));
                bind_filter(extensions_query);
                extensions.emplace(extensions_query);
            }
            Pov pov;
            while (query.executeStep()) {
                read_pov_into(pov, query);
                if (alongside) {
                    capabilities->take(pov.id, [&](auto& row) { pov.capabilities.push_back(read_capability(row, 1)); });
                    extensions->take(pov.id, [&](auto& row) { pov.extensions.push_back(read_extension(row, 1)); });
                } else if (filter.parts_of_closed || is_open(pov.status)) {
                    load_parts(pov, false);
                }
                visit(pov);
            }
        });
    }

    std::vector<Pov> all(bool with_journal) override
    {
        return guarded([&] {
            auto& query = statement(select_sql() + " ORDER BY id");
            std::vector<Pov> povs;
            while (query.executeStep()) {
                povs.push_back(read_pov(query));
            }
            for (auto& pov : povs) {
                load_parts(pov, with_journal);
            }
            return povs;
        });
    }

    void each(const std::function<void(const Pov&, const std::vector<Event>&)>& visit) override
    {
        each_with(visit, &read_event);
    }

    void each_stored(const std::function<void(const Pov&, const std::vector<StoredEvent>&)>& visit) override
    {
        each_with(visit, &read_stored_event);
    }

    std::optional<StoredPov> find_stored(const std::string& uuid) override
    {
        return guarded([&]() -> std::optional<StoredPov> {
            static const std::string sql = fmt::format("SELECT {}, NULL, NULL FROM povs WHERE uuid = ?", column_list());
            auto& query = prepared(find_stored_, sql);
            bind_view(query, 1, uuid, false);
            if (!query.executeStep()) {
                return std::nullopt;
            }
            StoredPov stored{read_pov(query), {}};
            load_parts(stored.pov, true);
            stored.events = stored_events(stored.pov.id);
            return stored;
        });
    }

    std::optional<std::int64_t> find_uuid(const std::string& uuid) override
    {
        return guarded([&]() -> std::optional<std::int64_t> {
            auto& query = prepared(find_uuid_, "SELECT id FROM povs WHERE uuid = ?");
            bind_view(query, 1, uuid, false);
            if (!query.executeStep()) {
                return std::nullopt;
            }
            return query.getColumn(0).getInt64();
        });
    }

    std::int64_t next_id() override
    {
        return guarded([&] {
            // AUTOINCREMENT keeps the highest id ever used in sqlite_sequence, deleted ones too.
            auto& query = statement("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'povs'), 0), "
                                    "coalesce((SELECT max(id) FROM povs), 0)) + 1");
            query.executeStep();
            return query.getColumn(0).getInt64();
        });
    }

    std::int64_t insert(const Pov& pov) override
    {
        return guarded([&] {
            static const std::string sql = [] {
                std::string columns;
                std::string marks;
                for (const auto& field : record_fields()) {
                    if (field.name == "id") {
                        continue;
                    }
                    columns += (columns.empty() ? "" : ", ") + quoted(field.name);
                    marks += marks.empty() ? "?" : ", ?";
                }
                return fmt::format("INSERT INTO povs ({}) VALUES ({})", columns, marks);
            }();
            auto& query = prepared(insert_pov_, sql);
            bind_fields(query, pov);
            query.exec();
            const auto id = db_->getLastInsertRowid();
            write_parts(id, pov);
            write_journal(id, pov.journal);
            return id;
        });
    }

    void update(const Pov& before, const Pov& after) override
    {
        guarded([&] {
            const auto fields = changed_fields(before, after);
            if (!fields.empty()) {
                std::string assignments;
                for (const auto* field : fields) {
                    assignments += (assignments.empty() ? "" : ", ") + quoted(field->name) + " = ?";
                }
                // Prepared for this call only: its text varies with the columns changed, and a
                // large import would otherwise keep a statement for every combination it meets.
                SQLite::Statement query(*db_, fmt::format("UPDATE povs SET {} WHERE id = ?", assignments));
                field_text_.assign(fields.size(), {}); // sized first: the bound text must not move
                int index = 0;
                for (const auto* field : fields) {
                    bind_field(query, index + 1, *field, field->write(after, field_text_[index]));
                    ++index;
                }
                query.bind(index + 1, after.id);
                query.exec();
            }
            if (before.capabilities != after.capabilities) {
                auto& query = statement("DELETE FROM capabilities WHERE pov_id = ?");
                query.bind(1, after.id);
                query.exec();
                write_capabilities(after.id, after);
            }
            if (before.extensions != after.extensions) {
                auto& query = statement("DELETE FROM extensions WHERE pov_id = ?");
                query.bind(1, after.id);
                query.exec();
                write_extensions(after.id, after);
            }
        });
    }

    void add_journal(std::int64_t id, const JournalEntry& entry) override
    {
        guarded([&] { write_journal(id, {&entry, 1}); });
    }

    void replace_journal(std::int64_t id, const std::vector<JournalEntry>& journal) override
    {
        guarded([&] {
            auto& query = statement("DELETE FROM journal WHERE pov_id = ?");
            query.bind(1, id);
            query.exec();
            write_journal(id, journal);
        });
    }

    void remove(std::int64_t id) override
    {
        // Capabilities, extensions, journal and events go with it (ON DELETE CASCADE); AUTOINCREMENT
        // keeps the id from coming back.
        guarded([&] {
            auto& query = statement("DELETE FROM povs WHERE id = ?");
            query.bind(1, id);
            query.exec();
        });
    }

    void add_event(std::int64_t id, const Event& event) override
    {
        guarded([&] {
            const StoredEvent stored{event.at, event.kind, json_text(event.changes), event.detail};
            insert_rows(insert_events_, std::span<const StoredEvent>(&stored, 1),
                        [id](SQLite::Statement& query, int first, const StoredEvent& row, std::size_t) {
                            bind_stored_event(query, first, id, row);
                        });
        });
    }

    void add_stored_events(std::int64_t id, const std::vector<StoredEvent>& events) override
    {
        guarded([&] {
            insert_rows(insert_events_, std::span<const StoredEvent>(events),
                        [id](SQLite::Statement& query, int first, const StoredEvent& row, std::size_t) {
                            bind_stored_event(query, first, id, row);
                        });
        });
    }

    std::vector<StoredEvent> stored_events(std::int64_t id) override { return events_of(id, &read_stored_event); }

    std::vector<Event> events(std::int64_t id) override { return events_of(id, &read_event); }

    void each_for_report(const std::string& sa, std::optional<Date> changed_since,
                         const std::function<void(Pov&, const std::vector<Event>&)>& visit) override
    {
        guarded([&] {
            const auto since = changed_since ? format_date(*changed_since) : std::string();
            auto sql = fmt::format("SELECT {} FROM povs", report_columns());
            if (!sa.empty()) {
                sql += " WHERE " + name_matches_sql("sa", DistinctNames::few);
                if (changed_since) {
                    sql += " OR id IN (SELECT pov_id FROM events WHERE at >= ? AND changes <> '{}')";
                }
            }
            auto& povs = statement(sql + " ORDER BY id");
            if (!sa.empty()) {
                povs.bind(1, sa);
                if (changed_since) {
                    povs.bind(2, since);
                }
            }
            // The parts as read_capability and read_extension read them, without their text.
            static const std::string capabilities_sql = "SELECT pov_id, n, NULL, NULL, NULL, status, NULL, updated_on "
                                                        "FROM capabilities ORDER BY pov_id, n";
            static const std::string extensions_sql =
                "SELECT pov_id, from_date, to_date, NULL, on_date FROM extensions ORDER BY pov_id, seq";
            // Timestamps are ISO 8601, so the text order is the time order. An event that changes
            // nothing (an import's) has nothing to undo. By time, then sorted: a scan of the whole log
            // in pov_id order (the planner's guess without statistics) reads every event.
            static const std::string events_sql =
                fmt::format("SELECT pov_id, {} FROM events INDEXED BY events_at WHERE at >= ? AND changes <> '{{}}' "
                            "ORDER BY pov_id, id",
                            event_columns);
            PartCursor capabilities(statement(capabilities_sql));
            PartCursor extensions(statement(extensions_sql));
            std::optional<PartCursor> events;
            if (changed_since) {
                auto& query = statement(events_sql);
                query.bind(1, since);
                events.emplace(query);
            }
            std::vector<Event> later;
            while (povs.executeStep()) {
                Pov pov = read_report_pov(povs);
                capabilities.take(pov.id, [&](auto& row) {
                    auto capability = read_capability(row, 1);
                    if (capability.updated_on && (!pov.last_activity || *capability.updated_on > *pov.last_activity)) {
                        pov.last_activity = capability.updated_on;
                    }
                    pov.capabilities.push_back(std::move(capability));
                });
                extensions.take(pov.id, [&](auto& row) { pov.extensions.push_back(read_extension(row, 1)); });
                later.clear();
                if (events) {
                    events->take(pov.id, [&](auto& row) { later.push_back(read_event(row, 1)); });
                }
                visit(pov, later);
            }
        });
    }

    void
    journal_activity(const std::vector<std::int64_t>& ids,
                     const std::function<void(std::int64_t, std::optional<Date>, std::optional<bool>)>& visit) override
    {
        guarded([&] {
            if (ids.size() <= few_povs) {
                auto& latest = statement("SELECT max(on_date) FROM journal WHERE pov_id = ?");
                auto& retro = statement("SELECT text FROM journal WHERE pov_id = ? AND kind = 'retro' "
                                        "ORDER BY on_date DESC, id DESC LIMIT 1");
                for (const auto id : ids) {
                    latest.reset();
                    latest.bind(1, id);
                    retro.reset();
                    retro.bind(1, id);
                    const auto day = latest.executeStep() ? date_of(latest.getColumn(0)) : std::nullopt;
                    const auto on_track =
                        retro.executeStep() ? retro_on_track(retro.getColumn(0).getString()) : std::nullopt;
                    visit(id, day, on_track);
                }
                return;
            }
            // Many POVs: one pass over each index, merged by pov_id.
            PartCursor latest(statement("SELECT pov_id, max(on_date) FROM journal GROUP BY pov_id ORDER BY pov_id"));
            PartCursor retro(statement("SELECT pov_id, text FROM journal WHERE kind = 'retro' "
                                       "ORDER BY pov_id, on_date, id"));
            for (const auto id : ids) {
                std::optional<Date> day;
                latest.take(id, [&](auto& row) { day = date_of(row.getColumn(1)); });
                std::optional<std::string> text;
                retro.take(id, [&](auto& row) { text = row.getColumn(1).getString(); });
                visit(id, day, text ? retro_on_track(*text) : std::nullopt);
            }
        });
    }

    void net_arr_events(const std::vector<std::int64_t>& ids,
                        const std::function<void(std::int64_t, const std::vector<Event>&)>& visit) override
    {
        guarded([&] {
            // event_net_arr holds these events (migration 3), their changes as JSON text.
            constexpr std::string_view columns = "pov_id, at, kind, net_arr, started_on";
            std::vector<Event> log;
            const auto read = [&](SQLite::Statement& row) {
                Event event;
                event.at = row.getColumn(1).getString();
                event.kind = enum_from_string<EventKind>(row.getColumn(2).getText()).value_or(EventKind::updated);
                for (const auto& [key, column] : {std::pair{"net_arr", 3}, std::pair{"started_on", 4}}) {
                    const auto value = row.getColumn(column);
                    if (value.isText()) {
                        if (auto change = parse_json_text(value.getText())) {
                            event.changes[key] = std::move(*change);
                        }
                    }
                }
                log.push_back(std::move(event));
            };
            if (ids.size() <= few_povs) {
                auto& query =
                    statement(fmt::format("SELECT {} FROM event_net_arr WHERE pov_id = ? ORDER BY event_id", columns));
                for (const auto id : ids) {
                    query.reset();
                    query.bind(1, id);
                    log.clear();
                    while (query.executeStep()) {
                        read(query);
                    }
                    visit(id, log);
                }
                return;
            }
            PartCursor events(
                statement(fmt::format("SELECT {} FROM event_net_arr ORDER BY pov_id, event_id", columns)));
            for (const auto id : ids) {
                log.clear();
                events.take(id, [&](auto& row) { read(row); });
                visit(id, log);
            }
        });
    }

    std::map<std::string, int> in_progress_by_sa() override
    {
        return guarded([&] {
            auto& query = statement("SELECT sa, count(*) FROM povs WHERE status = 'in_progress' GROUP BY sa");
            std::map<std::string, int> out;
            while (query.executeStep()) {
                out[query.getColumn(0).getString()] = query.getColumn(1).getInt();
            }
            return out;
        });
    }

    int in_progress_count(const std::string& sa) override
    {
        return guarded([&] {
            auto& query = statement("SELECT count(*) FROM povs WHERE status = 'in_progress' AND sa = ?");
            query.bind(1, sa);
            query.executeStep();
            return query.getColumn(0).getInt();
        });
    }

    std::vector<std::string> check() override
    {
        return guarded([&] {
            std::vector<std::string> problems;
            // Damage bad enough to stop the check is itself what the check found.
            try {
                SQLite::Statement integrity(*db_, "PRAGMA integrity_check");
                while (integrity.executeStep()) {
                    const auto line = integrity.getColumn(0).getString();
                    if (line != "ok") {
                        problems.push_back(line);
                    }
                }
                SQLite::Statement keys(*db_, "PRAGMA foreign_key_check");
                while (keys.executeStep()) {
                    problems.push_back(fmt::format("{} row {} refers to a missing {}", keys.getColumn(0).getString(),
                                                   keys.getColumn(1).getInt64(), keys.getColumn(2).getString()));
                }
            } catch (const SQLite::Exception& e) {
                const int code = e.getErrorCode() & 0xFF;
                if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB) {
                    throw;
                }
                problems.emplace_back(e.what());
            }
            return problems;
        });
    }

    void backup(const fs::path& target) override
    {
        auto temporary = target;
        temporary += ".XXXXXX";
        std::string name = temporary.string();
        const int fd = ::mkstemp(name.data()); // mode 0600
        if (fd < 0) {
            backup_failure(target, std::strerror(errno));
        }
        ::close(fd);
        try {
            SQLite::Database copy(name, SQLite::OPEN_READWRITE);
            SQLite::Backup copier(copy, *db_);
            copier.executeStep();
        } catch (const SQLite::Exception& e) {
            ::unlink(name.c_str());
            backup_failure(target, e.what());
        }
        if (::rename(name.c_str(), target.c_str()) != 0) {
            const auto reason = std::strerror(errno);
            ::unlink(name.c_str());
            backup_failure(target, reason);
        }
    }

    [[nodiscard]] std::string location() const override { return path_; }

    [[nodiscard]] bool exists() const override { return exists_; }

    StoreMaintenance& maintenance() override { return *this; }

    // Brings the schema up to date; each migration runs once, in its own transaction.
    void migrate()
    {
        guarded([&] {
            while (true) {
                const int version = db_->execAndGet("PRAGMA user_version").getInt();
                if (version >= sqlite_schema_version) {
                    return;
                }
                if (!writable_) {
                    throw StorageError(StorageFault::unwritable,
                                       fmt::format("database {} needs an upgrade (schema {} → {}); run pov once with "
                                                   "write access to it",
                                                   path_, version, sqlite_schema_version));
                }
                transaction(Lock::write, [&] {
                    // Another process may have migrated while this one waited for the lock.
                    const int current = db_->execAndGet("PRAGMA user_version").getInt();
                    if (current != version) {
                        return;
                    }
                    db_->exec(std::string(sqlite::migrations[static_cast<std::size_t>(version)]));
                    db_->exec(fmt::format("PRAGMA user_version = {}", version + 1));
                });
            }
        });
    }

private:
    // Every POV in id order with its parts and its events as `read_one` reads them.
    template <typename E> void each_with(const std::function<void(const Pov&, const std::vector<E>&)>& visit,
                                         E (*read_one)(SQLite::Statement&, int))
    {
        guarded([&] {
            static const std::string povs_sql =
                fmt::format("SELECT {}, NULL, NULL FROM povs ORDER BY id", column_list());
            static const std::string journal_sql =
                fmt::format("SELECT pov_id, {} FROM journal ORDER BY pov_id, on_date, id", journal_columns);
            static const std::string events_sql =
                fmt::format("SELECT pov_id, {} FROM events ORDER BY pov_id, id", event_columns);
            auto& povs = statement(povs_sql);
            PartCursor capabilities(statement(capabilities_by_pov_sql()));
            PartCursor extensions(statement(extensions_by_pov_sql()));
            PartCursor journal(statement(journal_sql));
            PartCursor events(statement(events_sql));
            std::vector<E> history;
            while (povs.executeStep()) {
                Pov pov = read_pov(povs);
                capabilities.take(pov.id, [&](auto& row) { pov.capabilities.push_back(read_capability(row, 1)); });
                extensions.take(pov.id, [&](auto& row) { pov.extensions.push_back(read_extension(row, 1)); });
                journal.take(pov.id, [&](auto& row) { pov.journal.push_back(read_journal_entry(row, 1)); });
                history.clear();
                events.take(pov.id, [&](auto& row) { history.push_back(read_one(row, 1)); });
                visit(pov, history);
            }
        });
    }

    // The capabilities and extensions of every POV, or of those `where` picks, by POV id (PartCursor).
    static std::string capabilities_by_pov_sql(std::string_view where = {})
    {
        return fmt::format("SELECT pov_id, {} FROM capabilities {}{}ORDER BY pov_id, n", capability_columns, where,
                           where.empty() ? "" : " ");
    }

    static std::string extensions_by_pov_sql(std::string_view where = {})
    {
        return fmt::format("SELECT pov_id, {} FROM extensions {}{}ORDER BY pov_id, seq", extension_columns, where,
                           where.empty() ? "" : " ");
    }

    // A statement of a hot path, prepared once and kept in `slot`: no lookup by its text. Every
    // use binds all its parameters.
    SQLite::Statement& prepared(SQLite::Statement*& slot, const std::string& sql)
    {
        if (slot == nullptr) {
            slot = &statement(sql);
        } else {
            slot->reset();
        }
        return *slot;
    }

    template <typename Work> auto guarded(Work&& work) -> decltype(work())
    {
        // Outside a transaction nothing may keep a statement open: a statement that is not
        // reset holds its read snapshot, and the next write would find it stale (SQLITE_BUSY).
        struct Finish {
            SqliteStore& store;
            ~Finish()
            {
                if (!store.in_transaction_) {
                    store.reset_statements();
                }
            }
        } finish{*this};
        try {
            return work();
        } catch (const SQLite::Exception& e) {
            storage_failure(path_, busy_timeout_ms_, e);
        }
    }

    void reset_statements() noexcept
    {
        for (auto& [sql, statement] : statements_) {
            try {
                statement->reset();
            } catch (const SQLite::Exception&) {
                // A statement that failed reports its error on reset; it was reported already.
            }
        }
    }

    // Rebuilds what expect_many_inserts put off: each index in one sort, the net ARR copies of the
    // events written since, then the trigger for the events to come.
    void restore_deferred()
    {
        if (deferred_.empty()) {
            return;
        }
        reset_statements();
        for (const auto& object : deferred_) {
            if (object.type == "index") {
                db_->exec(object.sql);
            }
        }
        SQLite::Statement fill(*db_, "INSERT INTO event_net_arr SELECT * FROM event_net_arr_source WHERE event_id > ?");
        fill.bind(1, deferred_from_event_);
        fill.exec();
        for (const auto& object : deferred_) {
            if (object.type == "trigger") {
                db_->exec(object.sql);
            }
        }
        deferred_.clear();
    }

    SQLite::Statement& statement(const std::string& sql)
    {
        auto& slot = statements_[sql];
        if (!slot) {
            slot = std::make_unique<SQLite::Statement>(*db_, sql);
        } else {
            slot->reset();
            slot->clearBindings();
        }
        return *slot;
    }

    static const std::string& select_sql()
    {
        static const std::string sql =
            fmt::format("SELECT {}, {}, {} FROM povs", column_list(), last_activity_sql, latest_retro_sql);
        return sql;
    }

    // select_sql() for lists of POVs as they are now: the latest activity and retrospective are
    // read for running POVs only, the only ones whose risks look at them (risks.cpp); a list of
    // closed ones then costs no journal lookups.
    static const std::string& list_select_sql()
    {
        static const std::string sql =
            fmt::format("SELECT {}, CASE WHEN status = 'in_progress' THEN {} END, CASE WHEN status = 'in_progress' "
                        "THEN {} END FROM povs",
                        column_list(), last_activity_sql, latest_retro_sql);
        return sql;
    }

    static Pov read_pov(SQLite::Statement& query)
    {
        Pov pov;
        read_pov_into(pov, query);
        return pov;
    }

    // Reads a row of select_sql() into `pov`, reusing its room; its parts are left empty.
    static void read_pov_into(Pov& pov, SQLite::Statement& query)
    {
        int index = 0;
        for (const auto& field : record_fields()) {
            read_column(pov, field, query.getColumn(index++));
        }
        pov.capabilities.clear();
        pov.extensions.clear();
        pov.journal.clear();
        pov.last_activity = date_of(query.getColumn(index));
        const auto retro = query.getColumn(index + 1);
        pov.latest_retro_on_track = retro.isNull() ? std::nullopt : retro_on_track(retro.getString());
    }

    // Binds every field but id from 1 on; returns how many were bound. Text is bound without a
    // copy: the record's own, and dates written into `field_text_`, which keeps them until the next call.
    int bind_fields(SQLite::Statement& query, const Pov& pov)
    {
        const auto fields = record_fields();
        field_text_.resize(fields.size());
        int index = 0;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].name != "id") {
                bind_field(query, ++index, fields[i], fields[i].write(pov, field_text_[i]));
            }
        }
        return index;
    }

    void load_parts(Pov& pov, bool with_journal)
    {
        static const std::string capabilities_sql =
            fmt::format("SELECT {} FROM capabilities WHERE pov_id = ? ORDER BY n", capability_columns);
        static const std::string extensions_sql =
            fmt::format("SELECT {} FROM extensions WHERE pov_id = ? ORDER BY seq", extension_columns);
        static const std::string journal_sql =
            fmt::format("SELECT {} FROM journal WHERE pov_id = ? ORDER BY on_date, id", journal_columns);
        auto& capabilities = prepared(load_capabilities_, capabilities_sql);
        capabilities.bind(1, pov.id);
        while (capabilities.executeStep()) {
            pov.capabilities.push_back(read_capability(capabilities, 0));
        }
        auto& extensions = prepared(load_extensions_, extensions_sql);
        extensions.bind(1, pov.id);
        while (extensions.executeStep()) {
            pov.extensions.push_back(read_extension(extensions, 0));
        }
        if (!with_journal) {
            return;
        }
        auto& journal = prepared(load_journal_, journal_sql);
        journal.bind(1, pov.id);
        while (journal.executeStep()) {
            pov.journal.push_back(read_journal_entry(journal, 0));
        }
    }

    // The rows a child table's insert writes at once: a POV's journal and history take one or two
    // statements instead of one each (import writes millions).
    static constexpr std::size_t bulk_rows = 32;

    // INSERT statements of one child table for 1..bulk_rows rows, prepared as first needed.
    struct BulkInsert {
        const char* head; // INSERT INTO table (columns) VALUES
        int columns;
        std::array<SQLite::Statement*, bulk_rows + 1> by_rows{};
    };

    // Inserts `rows`, bulk_rows at a time; bind(statement, first parameter, row, its position)
    // binds one row's `columns` parameters.
    template <typename Row, typename Bind> void insert_rows(BulkInsert& bulk, std::span<const Row> rows, Bind&& bind)
    {
        for (std::size_t done = 0; done < rows.size();) {
            const auto count = std::min(rows.size() - done, bulk_rows);
            auto*& slot = bulk.by_rows[count];
            if (slot == nullptr) {
                std::string sql = bulk.head;
                for (std::size_t row = 0; row < count; ++row) {
                    sql += row == 0 ? " (" : ", (";
                    for (int column = 0; column < bulk.columns; ++column) {
                        sql += column == 0 ? "?" : ", ?";
                    }
                    sql += ')';
                }
                slot = &statement(sql);
            } else {
                slot->reset();
            }
            for (std::size_t row = 0; row < count; ++row) {
                bind(*slot, static_cast<int>(row) * bulk.columns + 1, rows[done + row], done + row);
            }
            slot->exec();
            done += count;
        }
    }

    void write_parts(std::int64_t id, const Pov& pov)
    {
        write_capabilities(id, pov);
        write_extensions(id, pov);
    }

    void write_capabilities(std::int64_t id, const Pov& pov)
    {
        insert_rows(insert_capabilities_, std::span<const Capability>(pov.capabilities),
                    [id](SQLite::Statement& query, int first, const Capability& c, std::size_t) {
                        query.bind(first, id);
                        query.bind(first + 1, c.n);
                        bind_view(query, first + 2, c.title, false);
                        bind_view(query, first + 3, c.target);
                        bind_view(query, first + 4, c.outcome);
                        bind_name(query, first + 5, to_string(c.status));
                        bind_view(query, first + 6, c.evidence);
                        bind_date(query, first + 7, c.updated_on);
                    });
    }

    void write_extensions(std::int64_t id, const Pov& pov)
    {
        insert_rows(insert_extensions_, std::span<const Extension>(pov.extensions),
                    [id](SQLite::Statement& query, int first, const Extension& e, std::size_t position) {
                        query.bind(first, id);
                        query.bind(first + 1, static_cast<std::int64_t>(position + 1));
                        query.bind(first + 2, format_date(e.from));
                        query.bind(first + 3, format_date(e.to));
                        bind_view(query, first + 4, e.reason, false);
                        query.bind(first + 5, format_date(e.on));
                    });
    }

    // A POV's events, oldest first, each read by `read` (as values, or as stored text).
    template <typename Row> std::vector<Row> events_of(std::int64_t id, Row (*read)(SQLite::Statement&, int))
    {
        return guarded([&] {
            static const std::string sql =
                fmt::format("SELECT {} FROM events WHERE pov_id = ? ORDER BY id", event_columns);
            auto& query = statement(sql);
            query.bind(1, id);
            std::vector<Row> out;
            while (query.executeStep()) {
                out.push_back(read(query, 0));
            }
            return out;
        });
    }

    void write_journal(std::int64_t id, std::span<const JournalEntry> journal)
    {
        insert_rows(insert_journal_, journal,
                    [id](SQLite::Statement& query, int first, const JournalEntry& entry, std::size_t) {
                        query.bind(first, id);
                        query.bind(first + 1, format_date(entry.on));
                        bind_name(query, first + 2, to_string(entry.kind));
                        bind_view(query, first + 3, entry.text, false);
                        query.bind(first + 4, entry.shared ? 1 : 0);
                    });
    }

    static void bind_stored_event(SQLite::Statement& query, int first, std::int64_t id, const StoredEvent& event)
    {
        query.bind(first, id);
        bind_view(query, first + 1, event.at, false);
        bind_name(query, first + 2, to_string(event.kind));
        bind_view(query, first + 3, event.changes, false);
        bind_view(query, first + 4, event.detail);
    }

    std::string path_;
    int busy_timeout_ms_;
    std::unique_ptr<SQLite::Database> db_;
    bool writable_;
    bool exists_;
    bool in_transaction_ = false;
    bool large_cache_ = false; // the write transactions' page cache is set
    // What expect_many_inserts dropped until the commit, as sqlite_master held it, and the last
    // event before it.
    struct SchemaObject {
        std::string type;
        std::string name;
        std::string sql;
    };
    std::vector<SchemaObject> deferred_;
    std::int64_t deferred_from_event_ = 0;
    std::map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
    std::vector<std::string> field_text_; // the dates bind_fields bound, by field
    // The statements of import's hot paths (prepared()).
    SQLite::Statement* find_uuid_ = nullptr;
    SQLite::Statement* find_stored_ = nullptr;
    SQLite::Statement* insert_pov_ = nullptr;
    SQLite::Statement* load_capabilities_ = nullptr;
    SQLite::Statement* load_extensions_ = nullptr;
    SQLite::Statement* load_journal_ = nullptr;
    BulkInsert insert_capabilities_{"INSERT INTO capabilities (pov_id, n, title, target, outcome, status, evidence, "
                                    "updated_on) VALUES",
                                    8};
    BulkInsert insert_extensions_{"INSERT INTO extensions (pov_id, seq, from_date, to_date, reason, on_date) VALUES",
                                  6};
    BulkInsert insert_journal_{"INSERT INTO journal (pov_id, on_date, kind, text, shared) VALUES", 5};
    BulkInsert insert_events_{"INSERT INTO events (pov_id, at, kind, changes, detail) VALUES", 5};
};

// Switches a database to WAL. Two processes switching a new file at once can deadlock on the
// upgrade to an exclusive lock, and SQLite then answers SQLITE_BUSY at once instead of waiting:
// so wait here, within the busy timeout, as for any other lock.
void enable_wal(SQLite::Database& db, int busy_timeout_ms)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    while (true) {
        try {
            if (db.execAndGet("PRAGMA journal_mode").getString() != "wal") {
                db.exec("PRAGMA journal_mode = WAL");
            }
            return;
        } catch (const SQLite::Exception& e) {
            if ((e.getErrorCode() & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) {
                throw;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
}

// A database whose user_version is 0 but that already holds tables belongs to something else.
bool holds_foreign_tables(SQLite::Database& db)
{
    return db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").getInt() > 0;
}

} // namespace

std::unique_ptr<Store> open_sqlite_store(const StoreOptions& options)
{
    const auto& path = options.location;
    const fs::path file(path);
    std::error_code error;
    const bool exists = fs::exists(file, error);
    if (exists && fs::is_directory(file, error)) {
        throw StorageError(StorageFault::not_a_database, fmt::format("database {} is a folder, not a file", path));
    }
    std::string target = path;
    int flags = SQLite::OPEN_READWRITE;
    bool writable = true;
    switch (options.mode) {
    case OpenMode::create: create_private_file(file); break;
    case OpenMode::existing:
        if (!exists || fs::file_size(file, error) == 0) {
            target = ":memory:"; // reads as empty; nothing is created or written
        } else if (::access(path.c_str(), W_OK) != 0) {
            flags = SQLite::OPEN_READONLY;
            writable = false;
        }
        break;
    case OpenMode::read_only:
        if (!exists) {
            throw Error(Exit::not_found, fmt::format("no database at {}", path));
        }
        flags = SQLite::OPEN_READONLY;
        writable = false;
        break;
    }
    try {
        // One connection, used by one thread: SQLite need not lock its own mutexes on every call.
        auto db = std::make_unique<SQLite::Database>(target, flags | SQLite::OPEN_NOMUTEX, options.busy_timeout_ms);
        sqlite3_create_function_v2(db->getHandle(), "pov_name_matches", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   &sql_name_matches, nullptr, nullptr, nullptr);
        // Read the version before anything else: a newer or foreign file must stay untouched.
        // One read transaction, so another process's first migration is seen whole or not at all.
        db->exec("BEGIN");
        const int version = db->execAndGet("PRAGMA user_version").getInt();
        const bool foreign = version == 0 && holds_foreign_tables(*db);
        db->exec("COMMIT");
        if (version > sqlite_schema_version) {
            throw StorageError(StorageFault::newer,
                               fmt::format("database {} has schema version {}, newer than this pov knows ({}); "
                                           "upgrade pov. The file was left untouched",
                                           path, version, sqlite_schema_version));
        }
        if (foreign) {
            throw StorageError(StorageFault::not_a_database,
                               fmt::format("{} is an SQLite database of another program, not pov's; it was left "
                                           "untouched",
                                           path));
        }
        db->exec("PRAGMA foreign_keys = ON");
        if (writable && target != ":memory:") {
            enable_wal(*db, options.busy_timeout_ms);
            db->exec("PRAGMA synchronous = NORMAL");
        }
        auto store = std::make_unique<SqliteStore>(
            options, std::move(db), writable || target == ":memory:", exists || options.mode == OpenMode::create);
        store->migrate();
        return store;
    } catch (const SQLite::Exception& e) {
        storage_failure(path, options.busy_timeout_ms, e);
    }
}

} // namespace pov
