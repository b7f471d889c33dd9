// libFuzzer target: `pov import` of a document into a real SQLite store. Any input is imported
// whole or refused with pov::Error (never another exception, never a crash); a refused import
// writes nothing.
#include "pov/config.hpp"
#include "pov/error.hpp"
#include "pov/exchange.hpp"
#include "pov/open_store.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

// One database per fuzzing process, in a temporary folder, removed at exit.
struct Database {
    std::filesystem::path folder;
    std::unique_ptr<pov::Store> store;

    Database()
    {
        std::string name = (std::filesystem::temp_directory_path() / "pov-fuzz-XXXXXX").string();
        if (mkdtemp(name.data()) == nullptr) {
            std::abort();
        }
        folder = name;
        store = pov::open_store({(folder / "pov.db").string(), pov::OpenMode::create, 5000});
    }
    ~Database()
    {
        store.reset();
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static Database database;
    static const pov::Config config;
    const pov::Clock clock{pov::Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{2}},
                           "2026-03-02T09:00:00Z"};
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    // The first byte chooses a dry run or a real import, so both paths are explored.
    const bool dry_run = size > 0 && (data[0] & 1) != 0;
    try {
        (void)pov::import_document(in, *database.store, config, clock, {"fuzz.json", dry_run});
    } catch (const pov::Error&) {
    }
    return 0;
}
