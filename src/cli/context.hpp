// What every command shares: the global options, and from them the config, today's date and
// the store, each resolved once (contract sections 6 and 11). The only place that reads the
// environment.
#pragma once

#include "pov/config.hpp"
#include "pov/open_store.hpp"
#include "pov/tracker.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace pov::cli {

struct GlobalOptions {
    std::string db;
    std::string config;
    std::string today;
    bool no_color = false;
    bool quiet = false;
};

class Context {
public:
    GlobalOptions options;
    int exit_code = 0; // set by a command whose check came out negative

    const Config& config();
    std::filesystem::path config_path() const;
    // Where the database is: a file path today (section 11).
    std::string database_location();
    // Whether the database was named on purpose (--db, POV_DB), not found by default.
    bool database_named() const;
    Date today();
    Clock clock();

    // `pov edit`'s editor: $VISUAL, else $EDITOR, else vi; an empty variable counts as unset.
    std::string editor() const;
    // Where `pov edit` keeps an edit it could not apply: $XDG_DATA_HOME/pov/edits.
    std::filesystem::path kept_edits_folder() const;

    // How to open a store: this database, or another (`report --include`), with the config's timeout.
    StoreOptions store_options(OpenMode mode);
    StoreOptions store_options(OpenMode mode, const std::string& location);
    // Opens this database once, through open_store; read commands use OpenMode::existing.
    Store& store(OpenMode mode);
    Tracker tracker(OpenMode mode);
    // After a read that succeeded on a missing database named with --db or POV_DB: a warning,
    // so a mistyped path in a cron line is noticed.
    void warn_if_missing_database() const;

    // Colour only on a terminal, never with NO_COLOR or --no-color (section 10).
    bool stdout_color() const;
    bool stderr_color() const;
    bool stdout_is_terminal() const;
    // The columns tables must fit: the terminal's width when stdout is a terminal (its size, else
    // $COLUMNS, else 80), 0 (no limit) when stdout is a pipe or a file.
    std::size_t stdout_columns() const;

    void warn(const std::string& message) const;
    // An informational line on stdout, silent under --quiet.
    void say(const std::string& message) const;
    // A remark about the output on stderr (`No POVs match.`), silent under --quiet.
    void note(const std::string& message) const;

private:
    std::optional<Config> config_;
    std::optional<Date> today_;
    bool today_overridden_ = false;
    std::unique_ptr<Store> store_;
};

// `12` → 12; anything else exits 2.
std::int64_t parse_id(const std::string& text);

} // namespace pov::cli
