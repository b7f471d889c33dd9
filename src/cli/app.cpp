#include "cli/app.hpp"

#include "cli/command_groups.hpp"
#include "cli/usage.hpp"
#include "pov/error.hpp"
#include "pov/version.hpp"

#include "pov/text.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

namespace pov::cli {

namespace {

// CLI11's "The following argument…" reads as "the following argument…" after "error: ";
// "NAME is required" keeps its capitals.
std::string lower_first(std::string text)
{
    if (text.size() > 1 && std::islower(static_cast<unsigned char>(text[1]))) {
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    }
    return text;
}

// Whether a line needs `group`'s commands: all of them when it asks for help, names no command,
// or one pov does not have (help and suggestions list them); else only the group of the command
// it runs. Building every command's options is a third of the work of a short command.
bool needs_group(const CLI::App& app, const std::vector<std::string>& typed, const CommandGroup& group)
{
    const auto asks_help = [](const std::string& word) { return word == "-h" || word == "--help"; };
    const auto word = command_word(app, typed);
    if (word == typed.size() || std::any_of(typed.begin(), typed.end(), asks_help)) {
        return true;
    }
    const auto* invoked = group_of(typed[word]);
    return invoked == nullptr || invoked == &group;
}

} // namespace

void add_global_options(CLI::App& app, Context& context)
{
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.fallthrough();
    // One command a line: `pov log 1 hi qualify 9` is a mistake, not two commands.
    app.require_subcommand(0, 1);
    app.set_version_flag("--version", fmt::format("pov {}", version), "Print the version and exit");
    app.footer("Exit codes: 0 ok, 1 check negative, 2 usage, 3 invalid data, 4 not found, 5 conflict, "
               "6 storage, 7 config, 70 internal error.\nSee 'pov COMMAND --help' and man pov.");

    auto& global = context.options;
    app.add_option("--db", global.db,
                   "The database file (default: $POV_DB, the config, then "
                   "$XDG_DATA_HOME/pov/pov.db)")
        ->group("Global options");
    app.add_option("--config", global.config,
                   "The config file (default: $POV_CONFIG, then "
                   "$XDG_CONFIG_HOME/pov/config.toml)")
        ->group("Global options");
    app.add_option("--today", global.today, "Take this date (YYYY-MM-DD) as today (also $POV_TODAY)")
        ->group("Global options");
    app.add_flag("--no-color", global.no_color, "No colour, even on a terminal")->group("Global options");
    app.add_flag("-q,--quiet", global.quiet, "Print only data and errors")->group("Global options");

    // A malformed --today or POV_TODAY is refused whatever the command (exit 2).
    app.parse_complete_callback([&context] { context.today(); });
}

int run(Context& context, int argc, char** argv)
{
    CLI::App app{"pov: plan, qualify, run, close and report on Proofs of Value.", "pov"};
    add_global_options(app, context);
    const std::vector<std::string> typed(argv + std::min(argc, 1), argv + argc);
    for (const auto& group : command_groups()) {
        if (needs_group(app, typed, group)) {
            group.add(app, context);
        }
    }
    add_help_command(app);

    if (answer_help(app, typed)) {
        return 0;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        fmt::print("{}", app.help());
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        fmt::print("{}", app.help("", CLI::AppFormatMode::All));
        return 0;
    } catch (const CLI::CallForVersion& e) {
        fmt::print("{}\n", e.what());
        return 0;
    } catch (const CLI::ExtrasError&) {
        throw unexpected_arguments(app, typed);
    } catch (const CLI::ParseError& e) {
        throw Error(Exit::usage, lower_first(e.what()), {"Run 'pov --help' or 'pov COMMAND --help' for usage."});
    }
    if (app.get_subcommands().empty()) {
        throw Error(Exit::usage, "a command is required", {"Run 'pov --help' for the list of commands."});
    }
    // A group given alone (`pov cap`) lists its commands.
    if (auto error = bare_group(deepest_command(app))) {
        throw *error;
    }
    // Output that could not be written (a full disk under cron) is a failure, not a success.
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
        throw Error(Exit::storage, fmt::format("cannot write the output: {}", std::strerror(errno)));
    }
    return context.exit_code;
}

void print_error(const Context& context, const Error& error)
{
    fmt::print(stderr, "{} {}\n", render::Style(context.stderr_color()).red("pov: error:"),
               escape_control(error.what()));
    for (const auto& line : error.details()) {
        fmt::print(stderr, "{}\n", escape_control(line));
    }
}

int run_guarded(const Context& context, const std::function<int()>& work)
{
    const auto internal = [&](std::string_view what) {
        fmt::print(stderr, "{} {}\n", render::Style(context.stderr_color()).red("pov: internal error:"),
                   escape_control(what));
        fmt::print(stderr, "This is a bug in pov; please report it with the command that caused it.\n");
        return static_cast<int>(Exit::internal);
    };
    try {
        return work();
    } catch (const Error& e) {
        print_error(context, e);
        return static_cast<int>(e.code());
    } catch (const std::system_error& e) {
        // Output that cannot be written: a full disk, a closed pipe.
        print_error(context, Error(Exit::storage, e.what()));
        return static_cast<int>(Exit::storage);
    } catch (const std::exception& e) {
        return internal(e.what());
    } catch (...) {
        return internal("an unknown exception");
    }
}

} // namespace pov::cli
