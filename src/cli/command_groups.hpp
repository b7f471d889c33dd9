// Each command group registers its subcommands on the app; the handlers call the core.
#pragma once

#include "cli/context.hpp"

#include <span>
#include <string_view>

#include <CLI/CLI.hpp>

namespace pov::cli {

void add_record_commands(CLI::App& app, Context& context);
void add_plan_commands(CLI::App& app, Context& context);
void add_capability_commands(CLI::App& app, Context& context);
void add_lifecycle_commands(CLI::App& app, Context& context);
void add_journal_commands(CLI::App& app, Context& context);
void add_config_commands(CLI::App& app, Context& context);
void add_database_commands(CLI::App& app, Context& context);
void add_demo_command(CLI::App& app, Context& context);
void add_report_command(CLI::App& app, Context& context);
void add_results_command(CLI::App& app, Context& context);
void add_completion_commands(CLI::App& app, Context& context);
void add_data_commands(CLI::App& app, Context& context);

// A group's registration and the top-level commands it registers, so that a command line can
// build only the group it runs (a test holds each list to what its group registers).
struct CommandGroup {
    void (*add)(CLI::App& app, Context& context);
    std::span<const std::string_view> commands;
};

// Every group, in the order `pov --help` lists their commands.
std::span<const CommandGroup> command_groups();

// The group that registers the top-level command `name`, or nullptr.
const CommandGroup* group_of(std::string_view name);

} // namespace pov::cli
