// The SQLite store: one local file, WAL, numbered migrations (PRAGMA user_version).
#pragma once

#include "pov/error.hpp"
#include "pov/store.hpp"

#include <filesystem>
#include <memory>

namespace pov {

// The newest schema this program knows; a database with a higher user_version is refused.
inline constexpr int sqlite_schema_version = 1;

enum class OpenMode {
    create,    // create, init, demo: create the file (0600) and its folder (0700) if missing
    existing,  // every other command: a missing or empty file reads as an empty store (so no
               // POV is found) and nothing is created; a failing command leaves no trace
    read_only, // other people's databases (`report --include`): never written
};

struct StoreOptions {
    std::filesystem::path path;
    OpenMode mode = OpenMode::create;
    int busy_timeout_ms = 5000;
};

// A database SQLite found damaged (SQLITE_CORRUPT): a storage error (exit 6), except that
// `pov db check` reports it as the damage it looks for (exit 1).
class DamagedDatabase : public Error {
public:
    using Error::Error;
};

// Throws pov::Error (storage) when the file cannot be created or opened, is not a pov database,
// is damaged, or comes from a newer pov; such a file is left untouched.
std::unique_ptr<Store> open_sqlite_store(const StoreOptions& options);

} // namespace pov
