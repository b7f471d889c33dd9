// The SQLite store: one local file, WAL, numbered migrations (PRAGMA user_version).
#pragma once

#include "pov/open_store.hpp"
#include "pov/store.hpp"

#include <memory>

namespace pov {

// The newest schema this program knows; a database with a higher user_version is refused.
inline constexpr int sqlite_schema_version = 4;

// `options.location` is the database file's path. Throws pov::Error (storage) when the file
// cannot be created or opened, is not a pov database, is damaged, or comes from a newer pov;
// such a file is left untouched.
std::unique_ptr<Store> open_sqlite_store(const StoreOptions& options);

} // namespace pov
