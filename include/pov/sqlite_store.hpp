// The SQLite store: one local file, WAL, numbered migrations (PRAGMA user_version).
#pragma once

#include "pov/store.hpp"

#include <filesystem>
#include <memory>

namespace pov {

// The newest schema this program knows; a database with a higher user_version is refused.
inline constexpr int sqlite_schema_version = 1;

enum class OpenMode {
    create,            // write commands: create the file (0600) and its folder (0700) if missing
    existing_or_empty, // read commands: a missing file reads as an empty store and creates nothing
    read_only,         // other people's databases (`report --include`): never written
};

struct StoreOptions {
    std::filesystem::path path;
    OpenMode mode = OpenMode::create;
    int busy_timeout_ms = 5000;
};

// Throws pov::Error (storage) when the file cannot be created or opened, is not a pov database,
// is damaged, or comes from a newer pov; such a file is left untouched.
std::unique_ptr<Store> open_sqlite_store(const StoreOptions& options);

} // namespace pov
