// The door to every store: the location chooses the backend (contract section 11).
#include "sample.hpp"

#include "pov/open_store.hpp"

#include <optional>
#include <string>
#include <vector>

using namespace pov;
using test::contains;

namespace fs = std::filesystem;

namespace {

// Makes `folder` the working folder while it lives, so that a relative location lands there.
class WorkingFolder {
public:
    explicit WorkingFolder(const fs::path& folder) : previous_(fs::current_path()) { fs::current_path(folder); }
    WorkingFolder(const WorkingFolder&) = delete;
    WorkingFolder& operator=(const WorkingFolder&) = delete;
    ~WorkingFolder()
    {
        std::error_code ignored;
        fs::current_path(previous_, ignored);
    }

private:
    fs::path previous_;
};

// The StorageError that opening `location` throws, or nullopt when it opens.
std::optional<StorageError> refusal_of(const std::string& location, OpenMode mode)
{
    try {
        open_store({location, mode, 5000});
    } catch (const StorageError& e) {
        return e;
    }
    return std::nullopt;
}

constexpr OpenMode every_mode[] = {OpenMode::create, OpenMode::existing, OpenMode::read_only};

} // namespace

TEST_CASE("a file path opens an SQLite database file")
{
    test::TempDir dir;
    const auto path = (dir / "pov.db").string();
    auto store = open_store({path, OpenMode::create, 5000});
    CHECK(store->location() == path);
    CHECK(store->exists());
    CHECK(test::read_bytes(path).substr(0, 16) == std::string("SQLite format 3\0", 16));
    store->insert(test::minimal_pov());
    store.reset();
    CHECK(open_store({path, OpenMode::read_only, 5000})->all(false).size() == 1);
}

TEST_CASE("a relative file path opens a file in the working folder")
{
    test::TempDir dir;
    const WorkingFolder here(dir.path());
    CHECK(open_store({"pov.db", OpenMode::create, 5000})->exists());
    CHECK(fs::is_regular_file(dir / "pov.db"));
}

TEST_CASE("a PostgreSQL location is refused with a storage error and creates nothing")
{
    test::TempDir dir;
    const WorkingFolder here(dir.path()); // a URL taken for a relative path would land here
    for (const std::string location : {"postgresql://sam:s3cret@db.example.com:5432/pov?sslmode=require",
                                       "postgres://localhost/pov", "PostgreSQL://db/pov"}) {
        for (const auto mode : every_mode) {
            INFO(location);
            const auto error = refusal_of(location, mode);
            REQUIRE(error);
            CHECK(error->code() == Exit::storage);
            CHECK(error->fault() == StorageFault::unsupported);
            CHECK(contains(error->what(), "PostgreSQL"));
            CHECK(contains(error->what(), "supports only SQLite database files so far"));
            CHECK_FALSE(contains(error->what(), "s3cret")); // a URL may carry a password
            CHECK(fs::is_empty(dir.path()));
        }
    }
}

TEST_CASE("any other URL is refused the same way")
{
    test::TempDir dir;
    const WorkingFolder here(dir.path());
    for (const auto mode : every_mode) {
        const auto error = refusal_of("mysql://db.example.com/pov", mode);
        REQUIRE(error);
        CHECK(error->fault() == StorageFault::unsupported);
        CHECK(contains(error->what(), "mysql://"));
        CHECK(contains(error->what(), "supports only SQLite database files so far"));
        CHECK(fs::is_empty(dir.path()));
    }
}
