// init and db check|backup|path: the database file itself.
#include "cli/commands.hpp"
#include "pov/error.hpp"
#include "pov/store.hpp"

#include <memory>

#include <fmt/format.h>

namespace pov::cli {

void add_database_commands(CLI::App& app, Context& context)
{
    app.add_subcommand("init", "Create the database (and its folder) if missing; print its path")
        ->callback([&context] {
            context.store(OpenMode::create);
            fmt::print("{}\n", context.database_location());
        });

    auto* db = app.add_subcommand("db", "The database file: check, backup, path");
    db->require_subcommand(1);

    db->add_subcommand("check", "Check the database's integrity (exit 1 when damaged)")->callback([&context] {
        const auto location = context.database_location();
        std::vector<std::string> problems;
        try {
            auto& store = context.store(OpenMode::existing);
            if (!store.exists()) {
                context.say(fmt::format("No database at {} yet; nothing to check", location));
                return;
            }
            problems = store.maintenance().check();
        } catch (const StorageError& e) {
            if (e.fault() != StorageFault::damaged) {
                throw;
            }
            problems.emplace_back(e.what()); // damage found on the way in is still what db check looks for
        }
        if (problems.empty()) {
            context.say(fmt::format("ok: {}", location));
            return;
        }
        fmt::print(stderr, "pov: error: database {} is damaged:\n", location);
        for (const auto& problem : problems) {
            fmt::print(stderr, "  {}\n", problem);
        }
        context.exit_code = static_cast<int>(Exit::check_failed);
    });

    auto target = std::make_shared<std::string>();
    auto* backup = db->add_subcommand("backup", "Copy the database to FILE (0600), safely while others use it");
    backup->add_option("FILE", *target, "Where to write the copy")->required();
    backup->callback([target, &context] {
        const auto location = context.database_location();
        auto& store = context.store(OpenMode::existing);
        if (!store.exists()) {
            throw Error(Exit::not_found, fmt::format("no database at {} to back up", location));
        }
        store.maintenance().backup(*target);
        context.say(fmt::format("Backed up {} to {}", location, *target));
    });

    db->add_subcommand("path", "Print the database file's path")->callback([&context] {
        fmt::print("{}\n", context.database_location());
    });
}

} // namespace pov::cli
