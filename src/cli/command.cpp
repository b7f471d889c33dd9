#include "cli/command.hpp"

#include "cli/hooks.hpp"
#include "cli/output.hpp"
#include "cli/usage.hpp"

#include <fmt/format.h>

namespace pov::cli {

namespace {

std::int64_t parse_integer_within(const std::string& text, std::string_view what, Range range)
{
    const auto value = parse_integer(text, what);
    if (value < range.min || value > range.max) {
        throw Error(Exit::invalid, range.max == std::numeric_limits<std::int64_t>::max()
                                       ? fmt::format("{} must be {} or more; got {}", what, range.min, value)
                                       : fmt::format("{} must be {}–{}; got {}", what, range.min, range.max, value));
    }
    return value;
}

} // namespace

Command::Command(CLI::App& parent, Context& context, std::string_view name, std::string_view help)
    : app_(parent.add_subcommand(std::string(name), std::string(help))), context_(&context),
      state_(std::make_shared<State>())
{
}

CLI::Option* Command::converted(std::string_view name, std::string_view help, std::string_view type_name,
                                std::function<void(const std::string&)> convert, bool repeatable)
{
    auto& raw = *state_->raw.emplace_back(std::make_unique<State::Raw>());
    CLI::Option* option = nullptr;
    if (repeatable) {
        option = app_->add_option(std::string(name), raw.many, std::string(help))
                     ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
                     ->expected(1);
    } else {
        option = app_->add_option(std::string(name), raw.one, std::string(help));
    }
    if (!type_name.empty()) {
        option->type_name(std::string(type_name));
    }
    state_->conversions.push_back([option, &raw, repeatable, convert = std::move(convert)] {
        if (option->count() == 0) {
            return;
        }
        if (!repeatable) {
            convert(raw.one);
            return;
        }
        for (const auto& text : raw.many) {
            convert(text);
        }
    });
    return option;
}

Command& Command::id(std::int64_t& target)
{
    converted("ID", "The POV's id", "", [&target](const std::string& text) { target = parse_id(text); })->required();
    return *this;
}

Command& Command::capability(int& target)
{
    converted("N", "The capability's number (see pov cap list ID)", "", [&target](const std::string& text) {
        const auto n = parse_integer(text, "capability number");
        if (n < 1 || n > 1000) {
            throw Error(Exit::not_found, fmt::format("no capability {}; capabilities are numbered from 1", n));
        }
        target = static_cast<int>(n);
    })->required();
    return *this;
}

CLI::Option* Command::text(std::string_view name, std::string& target, std::string_view help)
{
    return app_->add_option(std::string(name), target, std::string(help));
}

CLI::Option* Command::text(std::string_view name, std::optional<std::string>& target, std::string_view help)
{
    return converted(name, help, "", [&target](const std::string& text) { target = text; });
}

CLI::Option* Command::texts(std::string_view name, std::vector<std::string>& target, std::string_view help)
{
    return app_->add_option(std::string(name), target, std::string(help))
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->type_name("TEXT")
        ->expected(1);
}

CLI::Option* Command::flag(std::string_view name, bool& target, std::string_view help)
{
    return app_->add_flag(std::string(name), target, std::string(help));
}

CLI::Option* Command::json(bool& target)
{
    return flag("--json", target, "Print the result as JSON");
}

CLI::Option* Command::boolean(std::string_view name, bool& target, std::string_view help)
{
    return converted(name, help, "yes|no",
                     [&target, what = std::string(name)](const std::string& text) { target = parse_bool(text, what); });
}

CLI::Option* Command::boolean(std::string_view name, std::optional<bool>& target, std::string_view help)
{
    return converted(name, help, "yes|no",
                     [&target, what = std::string(name)](const std::string& text) { target = parse_bool(text, what); });
}

CLI::Option* Command::date(std::string_view name, Date& target, std::string_view help)
{
    return date_option(name, help, [&target](Date date) { target = date; });
}

CLI::Option* Command::date(std::string_view name, std::optional<Date>& target, std::string_view help)
{
    return date_option(name, help, [&target](Date date) { target = date; });
}

CLI::Option* Command::date_option(std::string_view name, std::string_view help, std::function<void(Date)> assign)
{
    // Relative dates count from today, which --today may set anywhere on the line: read it once
    // the line is parsed.
    return converted(name, help, "DATE",
                     [context = context_, assign, what = std::string(name)](const std::string& text) {
                         assign(parse_date(text, context->today(), what));
                     });
}

CLI::Option* Command::number(std::string_view name, std::optional<std::int64_t>& target, std::string_view help,
                             Range range)
{
    return converted(name, help, "N", [&target, range, what = std::string(name)](const std::string& text) {
        target = parse_integer_within(text, what, range);
    });
}

CLI::Option* Command::output(std::string& target)
{
    return app_->add_option("--output", target, "Write to FILE (atomically, mode 0600) instead of stdout")
        ->type_name("FILE");
}

void Command::run(std::function<void()> work)
{
    app_->callback([app = app_, state = state_, work = std::move(work)] {
        // A group with work of its own (`pov journal ID`) does it only when none of its commands
        // is given, and given neither its arguments nor a command it lists its commands.
        if (!app->get_subcommands().empty()) {
            return;
        }
        if (auto error = bare_group(*app)) {
            throw *error;
        }
        for (const auto& convert : state->conversions) {
            convert();
        }
        work();
    });
}

void Command::read(bool& json_flag, std::function<void(Tracker&)> work)
{
    json(json_flag);
    run([context = context_, work = std::move(work)] {
        auto tracker = context->tracker(OpenMode::existing);
        work(tracker);
        context->warn_if_missing_database();
    });
}

void Command::change(std::function<Outcome(Tracker&)> work, std::function<std::string(const Outcome&)> message,
                     std::optional<HookEvent> event)
{
    auto& json_flag = hold<bool>();
    json(json_flag);
    run([context = context_, &json_flag, work = std::move(work), message = std::move(message), event] {
        auto tracker = context->tracker(OpenMode::existing);
        const auto outcome = work(tracker);
        report_outcome(*context, outcome, message(outcome), json_flag);
        if (event) {
            run_hook(*context, *event, outcome.pov);
        }
    });
}

} // namespace pov::cli
