// The door to every store: the location's form chooses the backend.
#include "pov/open_store.hpp"

#include "sqlite/sqlite_store.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

namespace pov {

namespace {

// The scheme of a URL location in lower case (`postgresql` of `postgresql://host/db`); empty
// for a file path.
std::string scheme_of(std::string_view location)
{
    const auto end = location.find("://");
    if (end == std::string_view::npos || end == 0) {
        return {};
    }
    const auto scheme = location.substr(0, end);
    // RFC 3986: a letter, then letters, digits, '+', '-' or '.'; anything else is part of a path.
    const auto is_scheme_char = [](unsigned char c) { return std::isalnum(c) || c == '+' || c == '-' || c == '.'; };
    if (!std::isalpha(static_cast<unsigned char>(scheme.front())) ||
        !std::all_of(scheme.begin(), scheme.end(), is_scheme_char)) {
        return {};
    }
    std::string lower;
    std::transform(scheme.begin(), scheme.end(), std::back_inserter(lower),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

} // namespace

std::unique_ptr<Store> open_store(const StoreOptions& options)
{
    const auto scheme = scheme_of(options.location);
    if (scheme.empty()) {
        return open_sqlite_store(options);
    }
    // Refused before anything touches the file system, so no file or folder is named like a URL.
    // Only the scheme is shown: the rest of a URL may carry a password.
    const bool postgresql = scheme == "postgresql" || scheme == "postgres";
    throw StorageError(StorageFault::unsupported,
                       fmt::format("database location {}://… {}; this pov supports only SQLite database files so far",
                                   scheme, postgresql ? "names a PostgreSQL server" : "is not a file path"));
}

std::optional<std::vector<std::string>> check_store(const StoreOptions& options)
{
    try {
        const auto store = open_store(options);
        if (!store->exists()) {
            return std::nullopt;
        }
        return store->maintenance().check();
    } catch (const StorageError& e) {
        if (e.fault() != StorageFault::damaged) {
            throw;
        }
        return std::vector<std::string>{e.what()};
    }
}

} // namespace pov
