#include "cli/usage.hpp"

#include "pov/text.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

namespace pov::cli {

namespace {

const std::string usage_hint = "Run 'pov --help' or 'pov COMMAND --help' for usage.";

std::size_t edit_distance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const auto above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

bool is_public(const CLI::App* command)
{
    return !command->get_group().empty();
}

std::vector<std::string> public_subcommands(CLI::App& command)
{
    std::vector<std::string> names;
    for (const auto* sub : command.get_subcommands([](CLI::App* app) { return is_public(app); })) {
        names.push_back(sub->get_name());
    }
    return names;
}

// The options a command takes: its own and, as they fall through, those of the commands above it.
std::vector<std::string> option_names(CLI::App& command)
{
    std::vector<std::string> names;
    for (const auto* app = &command; app != nullptr; app = app->get_parent()) {
        for (const auto* option : app->get_options()) {
            for (const auto& name : option->get_lnames()) {
                names.push_back("--" + name);
            }
            for (const auto& name : option->get_snames()) {
                names.push_back("-" + name);
            }
        }
    }
    return names;
}

// `cap add` for the command `add` of group `cap`.
std::string command_path(const CLI::App& command)
{
    std::string path;
    for (const auto* app = &command; app != nullptr && app->get_parent() != nullptr; app = app->get_parent()) {
        path = path.empty() ? app->get_name() : app->get_name() + " " + path;
    }
    return path;
}

std::string with_suggestion(std::string message, const std::string& suggestion)
{
    return suggestion.empty() ? message : fmt::format("{}; did you mean '{}'?", message, suggestion);
}

} // namespace

std::string nearest(const std::string& typed, const std::vector<std::string>& candidates)
{
    std::string best;
    auto best_distance = std::string::npos;
    for (const auto& candidate : candidates) {
        auto distance = edit_distance(typed, candidate);
        // A beginning of a name is as good as one typo (`--stat` for `--status`).
        if (typed.size() >= 3 && candidate.rfind(typed, 0) == 0) {
            distance = std::min<std::size_t>(distance, 1);
        }
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    const auto allowed = std::max<std::size_t>(1, std::min<std::size_t>(3, typed.size() / 3));
    return best_distance <= allowed ? best : std::string();
}

CLI::App& deepest_command(CLI::App& app)
{
    auto* command = &app;
    for (;;) {
        const auto parsed = command->get_subcommands();
        if (parsed.empty()) {
            return *command;
        }
        command = parsed.front();
    }
}

std::optional<Error> bare_group(CLI::App& command)
{
    const auto names = public_subcommands(command);
    if (command.get_parent() == nullptr || names.empty()) {
        return std::nullopt;
    }
    // A group that takes arguments of its own (`pov journal ID`) was given them.
    const auto positionals = command.get_options([](const CLI::Option* option) { return option->get_positional(); });
    for (const auto* positional : positionals) {
        if (positional->count() > 0) {
            return std::nullopt;
        }
    }
    const auto path = command_path(command);
    std::vector<std::string> details;
    for (const auto* positional : positionals) {
        details.push_back(fmt::format("  pov {} {:<10} {}", path, positional->get_name(), command.get_description()));
    }
    for (const auto* sub : command.get_subcommands([](CLI::App* app) { return is_public(app); })) {
        details.push_back(fmt::format("  pov {} {:<10} {}", path, sub->get_name(), sub->get_description()));
    }
    details.push_back(fmt::format("Run 'pov help {} COMMAND' for one of them.", path));
    return Error(Exit::usage,
                 fmt::format("pov {} needs {}a command: {}", path,
                             positionals.empty() ? "" : with_article(positionals.front()->get_name()) + " or ",
                             fmt::join(names, ", ")),
                 details);
}

Error unexpected_arguments(CLI::App& app, const std::vector<std::string>& typed)
{
    auto& command = deepest_command(app);
    // What CLI11 left over, counted, then taken in the order the arguments were typed. The
    // positionals take the first of equal words, so what is left is the last of them: `show 1
    // foo 1` leaves "foo 1".
    std::map<std::string, int> left;
    for (const auto& argument : app.remaining(true)) {
        ++left[argument];
    }
    std::vector<std::string> extras;
    for (auto argument = typed.rbegin(); argument != typed.rend(); ++argument) {
        auto it = left.find(*argument);
        if (it != left.end() && it->second > 0) {
            --it->second;
            extras.push_back(*argument);
        }
    }
    std::reverse(extras.begin(), extras.end());
    if (extras.empty()) {
        return Error(Exit::usage, "unexpected arguments", {usage_hint});
    }
    const auto& first = extras.front();
    if (first.size() > 1 && first[0] == '-') {
        const auto name = first.substr(0, first.find('='));
        return Error(Exit::usage,
                     with_suggestion(fmt::format("unknown option '{}'", name), nearest(name, option_names(command))),
                     {usage_hint});
    }
    const auto path = command_path(command);
    const auto prefix = path.empty() ? std::string() : path + " ";
    if (!public_subcommands(command).empty()) {
        const auto suggestion = nearest(first, public_subcommands(command));
        return Error(Exit::usage,
                     with_suggestion(fmt::format("unknown command '{}{}'", prefix, first),
                                     suggestion.empty() ? suggestion : prefix + suggestion),
                     {path.empty() ? "Run 'pov --help' for the list of commands."
                                   : fmt::format("Run 'pov {} --help' for its commands.", path)});
    }
    return Error(Exit::usage,
                 fmt::format("{} {} not expected by pov {}: {}", extras.size() == 1 ? "argument" : "arguments",
                             extras.size() == 1 ? "is" : "are", path, fmt::join(extras, " ")),
                 {fmt::format("Run 'pov {} --help' for usage.", path)});
}

void add_help_command(CLI::App& app)
{
    // Listed with the commands; the line is answered by answer_help before it is parsed, as
    // CLI11 would take `cap` in `pov help cap` for the command itself.
    auto* help = app.add_subcommand("help", "Help on pov or on one command: the same as --help");
    help->add_option("COMMAND", "The command, such as list or cap add")->expected(0, -1);
}

std::size_t command_word(const CLI::App& app, const std::vector<std::string>& typed)
{
    std::size_t i = 0;
    while (i < typed.size() && typed[i].size() > 1 && typed[i][0] == '-') {
        // `--db x.db` takes the next word; `--db=x.db`, `-q` and unknown options do not.
        const auto* option = typed[i].find('=') == std::string::npos ? app.get_option_no_throw(typed[i]) : nullptr;
        i += option != nullptr && option->get_expected_min() > 0 ? 2 : 1;
    }
    return std::min(i, typed.size());
}

bool answer_help(CLI::App& app, const std::vector<std::string>& typed)
{
    // The command word comes after any global options: `pov --db x.db help list`.
    std::size_t i = command_word(app, typed);
    if (i >= typed.size() || typed[i] != "help") {
        return false;
    }
    // `pov help --help` is the help of help itself.
    if (std::any_of(typed.begin() + static_cast<std::ptrdiff_t>(i), typed.end(),
                    [](const std::string& word) { return word == "--help" || word == "-h"; })) {
        return false;
    }
    CLI::App* target = &app;
    for (++i; i < typed.size(); ++i) {
        const auto& word = typed[i];
        if (word.empty() || word[0] == '-') {
            continue;
        }
        CLI::App* next = nullptr;
        try {
            next = target->get_subcommand(word);
        } catch (const CLI::OptionNotFound&) {
        }
        if (next == nullptr || !is_public(next)) {
            const auto path = command_path(*target);
            const auto prefix = path.empty() ? std::string() : path + " ";
            const auto suggestion = nearest(word, public_subcommands(*target));
            throw Error(Exit::usage,
                        with_suggestion(fmt::format("unknown command '{}{}'", prefix, word),
                                        suggestion.empty() ? suggestion : prefix + suggestion),
                        {"Run 'pov help' for the list of commands."});
        }
        target = next;
    }
    // Named by its whole path, as `pov cap add --help` names it.
    auto text = target->help();
    const auto usage = "Usage: " + target->get_name() + " ";
    if (target != &app && text.find(usage) != std::string::npos) {
        text.replace(text.find(usage), usage.size(), "Usage: pov " + command_path(*target) + " ");
    }
    fmt::print("{}", text);
    return true;
}

} // namespace pov::cli
