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

// A tracker on the database opened read-only: a completion creates, migrates and locks nothing,
// and waits at most a moment for a writer.
template <typename Work> void with_read_only_tracker(Context& context, Work work)
{
    auto options = context.store_options(OpenMode::read_only);
    options.busy_timeout_ms = std::min(options.busy_timeout_ms, 200);
    const auto store = open_store(options);
    Tracker tracker(*store, context.config(), context.clock());
    work(tracker);
}

// Every POV (`all`) or the open ones, as `ID<TAB>NAME` lines.
void print_ids(Context& context, bool all)
{
    ListFilter filter;
    if (!all) {
        filter.statuses = {Status::new_, Status::qualified, Status::in_progress};
    }
    with_read_only_tracker(context, [&filter](Tracker& tracker) {
        std::string lines;
        for (const auto& pov : tracker.list(filter)) {
            lines += fmt::format("{}\t{}\n", pov.id, pov.name);
        }
        fmt::print("{}", lines);
    });
}

// A POV's success criteria, as `N<TAB>TITLE` lines.
void print_capabilities(Context& context, const std::string& id)
{
    with_read_only_tracker(context, [&id](Tracker& tracker) {
        std::string lines;
        for (const auto& capability : tracker.get(parse_id(id)).capabilities) {
            lines += fmt::format("{}\t{}\n", capability.n, capability.title);
        }
        fmt::print("{}", lines);
    });
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

    // The id as text: a malformed one completes nothing, like any other error here.
    Command capabilities(*helper, context, "capabilities", "N<TAB>TITLE of each success criterion of POV ID");
    auto& id = capabilities.hold<std::string>();
    capabilities.text("ID", id, "The POV's id")->required();
    capabilities.run([&context, &id] { silently([&] { print_capabilities(context, id); }); });

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
    const auto script = [&](std::string_view shell, std::string_view text, std::string_view help) {
        Command(*completion, context, shell, help).run([text] { fmt::print("{}", text); });
    };
    script("bash", completion_scripts::bash, "The bash completion (source it, or install it as pov)");
    script("zsh", completion_scripts::zsh, "The zsh completion (install it as _pov in your $fpath)");
    script("fish", completion_scripts::fish, "The fish completion (install it as pov.fish)");

    add_completion_helper(app, context);
}

} // namespace pov::cli
