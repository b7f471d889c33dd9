// The one door to every store: the location chooses the backend (contract section 11). Built in
// the library pov_store (src/store/), which links the backends; the core itself knows none.
#pragma once

#include "pov/store.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pov {

enum class OpenMode {
    create,    // create, init, demo: create the database (file 0600, folder 0700) if missing
    existing,  // every other command: a missing database reads as an empty store (so no POV is
               // found) and nothing is created; a failing command leaves no trace
    read_only, // other people's databases (`report --include`): never written
};

struct StoreOptions {
    std::string location; // a file path (SQLite); a URL names a server
    OpenMode mode = OpenMode::create;
    int busy_timeout_ms = 5000;
};

// Opens the store at `options.location`. Throws StorageError (exit 6) when the location names a
// kind of store this pov does not support, or when the store cannot be created or opened, is
// not a pov database, is damaged, or comes from a newer pov; such a store is left untouched.
std::unique_ptr<Store> open_store(const StoreOptions& options);

// `pov db check`: the problems an integrity check of the store finds, damage met while opening
// it included (that is what the check looks for); empty when it is sound, nullopt when there is
// no database yet. Other storage errors (busy, newer, unsupported) throw as from open_store.
std::optional<std::vector<std::string>> check_store(const StoreOptions& options);

} // namespace pov
