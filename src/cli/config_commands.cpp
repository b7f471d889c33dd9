// config init|show|path: the TOML config (sections 3 and 11).
#include "cli/atomic_file.hpp"
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "cli/output.hpp"
#include "pov/error.hpp"

#include <fmt/format.h>

namespace pov::cli {

namespace {

void write_config(const std::filesystem::path& path, const std::string& text, bool overwrite)
{
    std::error_code error;
    if (!overwrite && std::filesystem::exists(path, error)) {
        throw Error(Exit::conflict, fmt::format("config {} already exists; overwrite it with --force", path.string()));
    }
    // Hooks may hold tokens: the folder is private like the database's (0700), the file 0600.
    if (!path.parent_path().empty() && !std::filesystem::exists(path.parent_path(), error)) {
        std::filesystem::create_directories(path.parent_path(), error);
        if (!error) {
            std::filesystem::permissions(path.parent_path(), std::filesystem::perms::owner_all, error);
        }
        if (error) {
            throw Error(Exit::storage,
                        fmt::format("cannot create folder {}: {}", path.parent_path().string(), error.message()));
        }
    }
    write_file_atomically(path, text);
}

} // namespace

void add_config_commands(CLI::App& app, Context& context)
{
    auto* config = app.add_subcommand("config", "The TOML config: init, show, path");

    Command init(*config, context, "init", "Write the default config, every key with a comment");
    auto& force = init.hold<bool>();
    init.flag("--force", force, "Overwrite an existing config");
    init.run([&force, &context] {
        const auto path = context.config_path();
        write_config(path, default_config_toml(), force);
        context.say(fmt::format("Wrote {}", path.string()));
    });

    Command show(*config, context, "show", "Print the config in effect (defaults filled in)");
    auto& json = show.hold<bool>();
    show.json(json);
    show.run([&json, &context] {
        if (json) {
            print_json(Json{{"path", context.config_path().string()},
                            {"config", Json::parse(config_to_json(context.config()))}});
            return;
        }
        fmt::print("# {}\n{}", context.config_path().string(), config_to_toml(context.config()));
    });

    Command(*config, context, "path", "Print the config file's path").run([&context] {
        fmt::print("{}\n", context.config_path().string());
    });
}

} // namespace pov::cli
