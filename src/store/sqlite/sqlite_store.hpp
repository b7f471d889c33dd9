// The SQLite store: one local file, WAL, numbered migrations (PRAGMA user_version).
#pragma once

#include "pov/open_store.hpp"
#include "pov/store.hpp"
#include "sqlite_migrations.hpp"

#include <memory>

namespace pov {

// The newest schema this program knows, its last migration; a database with a higher
// user_version is refused.
inline constexpr int sqlite_schema_version = static_cast<int>(sqlite::migrations.size());

// `options.location` is the database file's path. Throws pov::Error (storage) when the file
// cannot be created or opened, is not a pov database, is damaged, or comes from a newer pov;
// such a file is left untouched.
std::unique_ptr<Store> open_sqlite_store(const StoreOptions& options);

} // namespace pov
