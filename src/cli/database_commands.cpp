// init and db check|backup|path: the database file itself.
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "cli/output.hpp"

#include <fmt/format.h>

namespace pov::cli {

void add_database_commands(CLI::App& app, Context& context)
{
    Command(app, context, "init", "Create the database (and its folder) if missing; print its path").run([&context] {
        context.store(OpenMode::create);
        fmt::print("{}\n", context.database_location());
    });

    auto* db = app.add_subcommand("db", "The database file: check, backup, path");

    Command check(*db, context, "check", "Check the database's integrity (exit 1 when damaged)");
    auto& json = check.hold<bool>();
    check.json(json);
    check.run([&json, &context] {
        const auto location = context.database_location();
        const auto problems = check_store(context.store_options(OpenMode::existing));
        if (json) {
            // {"path", "exists", "ok", "problems"}; damage still exits 1.
            const auto found = problems.value_or(std::vector<std::string>{});
            print_json(
                Json{{"path", location}, {"exists", problems.has_value()}, {"ok", found.empty()}, {"problems", found}});
            context.exit_code = found.empty() ? 0 : static_cast<int>(Exit::check_failed);
            return;
        }
        if (!problems) {
            context.say(fmt::format("No database at {} yet; nothing to check", location));
        } else if (problems->empty()) {
            context.say(fmt::format("ok: {}", location));
        } else {
            std::vector<std::string> details;
            for (const auto& problem : *problems) {
                details.push_back("  " + problem);
            }
            throw Error(Exit::check_failed, fmt::format("database {} is damaged:", location), details);
        }
    });

    Command backup(*db, context, "backup", "Copy the database to FILE (0600), safely while others use it");
    auto& target = backup.hold<std::string>();
    backup.text("FILE", target, "Where to write the copy")->required();
    backup.run([&target, &context] {
        auto& store = context.store(OpenMode::existing);
        if (!store.exists()) {
            throw Error(Exit::not_found, fmt::format("no database at {} to back up", context.database_location()));
        }
        store.maintenance().backup(target);
        context.say(fmt::format("Backed up {} to {}", context.database_location(), target));
    });

    Command(*db, context, "path", "Print the database file's path").run([&context] {
        fmt::print("{}\n", context.database_location());
    });
}

} // namespace pov::cli
