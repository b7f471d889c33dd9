// The command shape (src/cli/command.hpp) and the top-level error mapping (contract sections 6
// and 10), on an in-process CLI11 app: no binary, no database.
#include "cli/app.hpp"
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "cli/usage.hpp"
#include "helpers.hpp"
#include "render/report.hpp"

#include <cstdio>
#include <set>
#include <stdexcept>
#include <unistd.h>

using namespace pov;
using pov::cli::Command;
using test::contains;

namespace {

// What `work` writes to stderr, with its result.
template <typename Work> std::pair<int, std::string> with_stderr(Work&& work)
{
    std::fflush(stderr);
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    const int saved = ::dup(STDERR_FILENO);
    ::dup2(::fileno(file), STDERR_FILENO);
    const int result = work();
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    std::rewind(file);
    std::string text;
    char buffer[512];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, file)) {
        text.append(buffer, n);
    }
    std::fclose(file);
    return {result, text};
}

// Parses `line` (after the program name) on an app holding the commands `declare` adds.
template <typename Declare> void parse(cli::Context& context, Declare&& declare, std::vector<std::string> line)
{
    CLI::App app{"test", "pov"};
    declare(app, context);
    std::vector<const char*> argv{"pov"};
    for (const auto& word : line) {
        argv.push_back(word.c_str());
    }
    app.parse(static_cast<int>(argv.size()), argv.data());
}

// The exit code parsing `line` ends with, on a fresh context.
template <typename Declare> Exit exit_of_line(Declare declare, std::vector<std::string> line)
{
    cli::Context context;
    return test::exit_of([&] { parse(context, declare, std::move(line)); });
}

} // namespace

TEST_CASE("an unexpected exception is an internal error: exit 70, never a code scripts read")
{
    cli::Context context;
    context.options.no_color = true;
    const auto [code, err] = with_stderr(
        [&] { return cli::run_guarded(context, []() -> int { throw std::logic_error("vector::_M_range_check"); }); });
    CHECK(code == 70);
    CHECK(err.rfind("pov: internal error: vector::_M_range_check\n", 0) == 0);
    CHECK(contains(err, "bug in pov"));
}

TEST_CASE("a pov::Error exits with its own code and one error line")
{
    cli::Context context;
    context.options.no_color = true;
    const auto [code, err] = with_stderr(
        [&] { return cli::run_guarded(context, []() -> int { throw Error(Exit::conflict, "POV 1 is closed"); }); });
    CHECK(code == 5);
    CHECK(err == "pov: error: POV 1 is closed\n");
}

TEST_CASE("output that cannot be written is a storage error")
{
    cli::Context context;
    context.options.no_color = true;
    const auto [code, err] = with_stderr([&] {
        return cli::run_guarded(context, []() -> int {
            throw std::system_error(std::make_error_code(std::errc::no_space_on_device), "cannot write");
        });
    });
    CHECK(code == 6);
    CHECK(err.rfind("pov: error: cannot write", 0) == 0);
}

TEST_CASE("a choice's help and parsing both come from the enum's names")
{
    cli::Context context;
    std::optional<PovType> type;
    render::ReportFormat format = render::ReportFormat::text;
    CLI::App app{"test", "pov"};
    Command command(app, context, "try", "A test command");
    auto* type_option = command.choice("--type", type, "The type");
    auto* format_option = command.choice("--format", format, "The format");
    command.run([] {});
    CHECK(type_option->get_type_name() == "guided|onsite|paid|lite");
    CHECK(format_option->get_type_name() == "text|markdown|json|csv|html");

    std::vector<const char*> argv{"pov", "try", "--type", "paid", "--format", "csv"};
    app.parse(static_cast<int>(argv.size()), argv.data());
    CHECK(type == PovType::paid);
    CHECK(format == render::ReportFormat::csv);
}

TEST_CASE("an unknown choice is a usage error (exit 2) that lists the accepted ones")
{
    cli::Context context;
    const auto error = test::error_of([&] {
        parse(context,
              [](CLI::App& app, cli::Context& context) {
                  Command command(app, context, "try", "A test command");
                  auto& result = command.hold<Result>();
                  command.choice("--result", result, "How it ended");
                  command.run([] {});
              },
              {"try", "--result", "won"});
    });
    REQUIRE(error);
    CHECK(error->code() == Exit::usage);
    CHECK(std::string(error->what()) == "invalid --result 'won'; expected one of: successful, unsuccessful");
}

TEST_CASE("statuses take in-progress, and repeat")
{
    cli::Context context;
    std::vector<Status> statuses;
    parse(context,
          [&](CLI::App& app, cli::Context& context) {
              Command command(app, context, "try", "A test command");
              command.choices("--status", statuses, "Only these");
              command.run([] {});
          },
          {"try", "--status", "in-progress", "--status", "new"});
    CHECK(statuses == std::vector<Status>{Status::in_progress, Status::new_});
}

TEST_CASE("an ID is a number (exit 2), and one that names no POV exits 4")
{
    const auto exit_for = [](const std::string& id) {
        return exit_of_line(
            [](CLI::App& app, cli::Context& context) {
                Command command(app, context, "try", "A test command");
                command.id(command.hold<std::int64_t>()).run([] {});
            },
            {"try", id});
    };
    CHECK(exit_for("12") == Exit::ok);
    CHECK(exit_for("abc") == Exit::usage);
    CHECK(exit_for("-3") == Exit::usage);
    CHECK(exit_for("0") == Exit::not_found);
    CHECK(exit_for("99999999999999999999") == Exit::not_found);
}

TEST_CASE("a missing required option is reported before a malformed value")
{
    cli::Context context;
    CHECK_THROWS_AS(parse(context,
                          [](CLI::App& app, cli::Context& context) {
                              Command command(app, context, "try", "A test command");
                              auto& args = command.hold<std::pair<std::int64_t, std::string>>();
                              command.id(args.first).text("--reason", args.second, "Why")->required();
                              command.run([] {});
                          },
                          {"try", "abc"}),
                    CLI::RequiredError);
}

TEST_CASE("whole numbers outside their range are invalid data (exit 3), malformed ones usage (exit 2)")
{
    const auto exit_for = [](const std::string& value) {
        return exit_of_line(
            [](CLI::App& app, cli::Context& context) {
                Command command(app, context, "try", "A test command");
                command.number("--days", command.hold<std::optional<std::int64_t>>(), "Days", {0, 365});
                command.run([] {});
            },
            {"try", "--days", value});
    };
    CHECK(exit_for("7") == Exit::ok);
    CHECK(exit_for("366") == Exit::invalid);
    CHECK(exit_for("-1") == Exit::invalid);
    CHECK(exit_for("seven") == Exit::usage);
}

TEST_CASE("each command group registers the top-level commands its entry names, and no two share one")
{
    // A line builds only the group of the command it runs (cli::run): a command missing from its
    // group's entry would be unknown, one in two entries would be registered twice.
    std::multiset<std::string> listed;
    for (const auto& group : cli::command_groups()) {
        CLI::App app;
        cli::Context context;
        group.add(app, context);
        std::set<std::string> registered;
        for (const auto* command : app.get_subcommands([](CLI::App*) { return true; })) {
            registered.insert(command->get_name());
        }
        const std::set<std::string> named(group.commands.begin(), group.commands.end());
        CHECK(registered == named);
        listed.insert(named.begin(), named.end());
        for (const auto& name : named) {
            CHECK(cli::group_of(name) == &group);
        }
    }
    for (const auto& name : listed) {
        CHECK(listed.count(name) == 1);
    }
    CHECK(cli::group_of("help") == nullptr);
    CHECK(cli::group_of("lst") == nullptr);
}

TEST_CASE("the command word comes after the global options and their values")
{
    CLI::App app;
    cli::Context context;
    cli::add_global_options(app, context);
    using Words = std::vector<std::string>;
    CHECK(cli::command_word(app, Words{"list"}) == 0);
    CHECK(cli::command_word(app, Words{"--db", "log", "list"}) == 2); // a database named log
    CHECK(cli::command_word(app, Words{"--db=log", "list"}) == 1);
    CHECK(cli::command_word(app, Words{"-q", "--quiet", "--no-color", "show", "1"}) == 3);
    CHECK(cli::command_word(app, Words{"--today", "2026-12-01", "--config", "c.toml", "-q", "cap", "set"}) == 5);
    CHECK(cli::command_word(app, Words{"--unknown", "list"}) == 1);
    CHECK(cli::command_word(app, Words{"--db"}) == 1);
    CHECK(cli::command_word(app, Words{}) == 0);
    CHECK(cli::command_word(app, Words{"-", "list"}) == 0); // stdin, a word of its own
}
