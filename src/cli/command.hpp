// The shape every command shares (contract section 6): a subcommand declares its typed arguments
// once, here, and a run function; the shape parses them, opens the store and prints the outcome.
//
// Values are converted after CLI11 has read the whole command line, so a missing required option
// is reported before a malformed value; then a malformed value exits 2 and an unknown id exits 4.
// Choices take their spellings from the enum's EnumNames, so help and parsing cannot disagree.
#pragma once

#include "cli/context.hpp"
#include "pov/date.hpp"
#include "pov/enums.hpp"
#include "pov/tracker.hpp"
#include "pov/values.hpp"

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace pov::cli {

// A whole number option's bounds, both included.
struct Range {
    std::int64_t min = 0;
    std::int64_t max = std::numeric_limits<std::int64_t>::max();
};

// A builder: it declares the subcommand and dies; what the callbacks need lives in its shared
// State (and in `hold`), never in the builder, so no callback captures `this`.
class Command {
public:
    Command(CLI::App& parent, Context& context, std::string_view name, std::string_view help);

    [[nodiscard]] CLI::App& app() const { return *app_; }
    [[nodiscard]] Context& context() const { return *context_; }

    // The arguments' storage, alive as long as the command line: `auto& args = command.hold<Args>();`.
    template <typename T> T& hold()
    {
        auto value = std::make_shared<T>();
        state_->held.push_back(value);
        return *value;
    }

    // The `ID` positional of a per-POV command: a number, else exit 2; 0 or beyond any id, exit 4.
    Command& id(std::int64_t& target);

    // The `N` positional naming a success criterion: a number, else exit 2; outside 1–1000, exit 4.
    Command& capability(int& target);

    // Text as typed. The optional form is nullopt when the option is not given.
    CLI::Option* text(std::string_view name, std::string& target, std::string_view help);
    CLI::Option* text(std::string_view name, std::optional<std::string>& target, std::string_view help);
    // Text that may repeat (`--capability A --capability B`).
    CLI::Option* texts(std::string_view name, std::vector<std::string>& target, std::string_view help);
    CLI::Option* flag(std::string_view name, bool& target, std::string_view help);
    // `--json`: print the result as JSON (section 12).
    CLI::Option* json(bool& target);
    // `yes`/`no`/`true`/`false` in any case.
    CLI::Option* boolean(std::string_view name, bool& target, std::string_view help);
    CLI::Option* boolean(std::string_view name, std::optional<bool>& target, std::string_view help);
    // A date: ISO or `today`, `yesterday`, `+14d`… (section 2).
    CLI::Option* date(std::string_view name, Date& target, std::string_view help);
    CLI::Option* date(std::string_view name, std::optional<Date>& target, std::string_view help);
    // A whole number; outside `range` it is invalid data (exit 3).
    CLI::Option* number(std::string_view name, std::optional<std::int64_t>& target, std::string_view help, Range range);

    // One of the enum's names.
    template <typename E> CLI::Option* choice(std::string_view name, E& target, std::string_view help)
    {
        return choice_option<E>(name, help, [&target](E value) { target = value; });
    }
    template <typename E> CLI::Option* choice(std::string_view name, std::optional<E>& target, std::string_view help)
    {
        return choice_option<E>(name, help, [&target](E value) { target = value; });
    }
    // A repeatable choice.
    template <typename E> CLI::Option* choices(std::string_view name, std::vector<E>& target, std::string_view help)
    {
        return choice_option<E>(
            name, help, [&target](E value) { target.push_back(value); }, true);
    }

    // `--output FILE`: where a document goes instead of stdout (see write_output).
    CLI::Option* output(std::string& target);

    // Runs `work` when the command is given, after its arguments are converted.
    void run(std::function<void()> work);

    // A read: adds `--json`; `work` gets the tracker on the existing database (which it never creates).
    void read(bool& json, std::function<void(Tracker&)> work);

    // A change of one POV: adds `--json`; prints the outcome's warnings, then the record as JSON with
    // --json, nothing with --quiet, else `message(outcome)`; then runs the hook of `event`, if the
    // config has one (section 14).
    void change(std::function<Outcome(Tracker&)> work, std::function<std::string(const Outcome&)> message,
                std::optional<HookEvent> event = std::nullopt);

private:
    // What outlives this builder: the typed targets, the raw text of each option, and the
    // conversions to run once CLI11 is done.
    struct State {
        std::vector<std::shared_ptr<void>> held;
        struct Raw {
            std::string one;
            std::vector<std::string> many;
        };
        std::vector<std::unique_ptr<Raw>> raw;
        std::vector<std::function<void()>> conversions;
    };

    // Registers a text option (or positional) whose every value `convert` turns into the typed
    // target once the line is parsed; `repeatable` keeps each occurrence, else the last one counts.
    CLI::Option* converted(std::string_view name, std::string_view help, std::string_view type_name,
                           std::function<void(const std::string&)> convert, bool repeatable = false);

    CLI::Option* date_option(std::string_view name, std::string_view help, std::function<void(Date)> assign);

    template <typename E> CLI::Option* choice_option(std::string_view name, std::string_view help,
                                                     std::function<void(E)> assign, bool repeatable = false)
    {
        // Every spelling the user may type comes from EnumNames<E>; `in-progress` is also a status.
        const auto convert = [what = std::string(name), assign](const std::string& text) {
            if constexpr (std::is_same_v<E, Status>) {
                assign(parse_status(text, what));
            } else {
                assign(parse_choice<E>(text, what));
            }
        };
        return converted(name, help, enum_choices<E>("|"), convert, repeatable);
    }

    CLI::App* app_;
    Context* context_;
    std::shared_ptr<State> state_;
};

} // namespace pov::cli
