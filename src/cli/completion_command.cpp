// completion bash|zsh|fish: the completion scripts; and `__complete`, the hidden helper through
// which those scripts ask pov for the values that live in the data (ids, configured solutions).
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "pov/completion_scripts.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

namespace pov::cli {

namespace {

// A completion must never disturb the line being typed: a missing or busy database, a broken
// config or no HOME give no values and no message.
void silently(const std::function<void()>& work)
{
    try {
        work();
    } catch (...) {
        return;
    }
}

// Every POV (`all`) or the open ones, as `ID<TAB>NAME` lines. The database is opened read-only:
// a completion creates, migrates and locks nothing, and waits at most a moment for a writer.
void print_ids(Context& context, bool all)
{
    auto options = context.store_options(OpenMode::read_only);
    options.busy_timeout_ms = std::min(options.busy_timeout_ms, 200);
    const auto store = open_store(options);
    ListFilter filter;
    if (!all) {
        filter.statuses = {Status::new_, Status::qualified, Status::in_progress};
    }
    Tracker tracker(*store, context.config(), context.clock());
    std::string lines;
    for (const auto& pov : tracker.list(filter)) {
        lines += fmt::format("{}\t{}\n", pov.id, pov.name);
    }
    fmt::print("{}", lines);
}

void add_completion_helper(CLI::App& app, Context& context)
{
    // group(""): hidden from --help, so the documented commands stay the public ones.
    auto* helper = app.add_subcommand("__complete", "Values for the shell completions")->group("");
    helper->require_subcommand(1);

    Command ids(*helper, context, "ids", "ID<TAB>NAME of each open POV");
    auto& all = ids.hold<bool>();
    ids.flag("--all", all, "Every POV, closed and cancelled too");
    ids.run([&context, &all] { silently([&] { print_ids(context, all); }); });

    Command(*helper, context, "solutions", "The configured solutions, one a line").run([&context] {
        silently([&context] {
            for (const auto& solution : context.config().solutions) {
                fmt::print("{}\n", solution);
            }
        });
    });
}

} // namespace

void add_completion_commands(CLI::App& app, Context& context)
{
    auto* completion = app.add_subcommand("completion", "Print a shell completion script: bash, zsh, fish");
    completion->require_subcommand(1);
    const auto script = [&](std::string_view shell, std::string_view text, std::string_view help) {
        Command(*completion, context, shell, help).run([text] { fmt::print("{}", text); });
    };
    script("bash", completion_scripts::bash, "The bash completion (source it, or install it as pov)");
    script("zsh", completion_scripts::zsh, "The zsh completion (install it as _pov in your $fpath)");
    script("fish", completion_scripts::fish, "The fish completion (install it as pov.fish)");

    add_completion_helper(app, context);
}

} // namespace pov::cli
