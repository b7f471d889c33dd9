// Each command group registers its subcommands on the app; the handlers call the core.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>

namespace pov::cli {

void add_record_commands(CLI::App& app, Context& context);     // create, set, show, list, history
void add_plan_commands(CLI::App& app, Context& context);       // plan template|show, edit
void add_capability_commands(CLI::App& app, Context& context); // cap add|set|rm|list, signoff
void add_lifecycle_commands(CLI::App& app, Context& context);  // qualify, approve, start, extend, close, cancel, reopen
void add_journal_commands(CLI::App& app, Context& context);    // log, retro
void add_config_commands(CLI::App& app, Context& context);     // config init|show|path
void add_database_commands(CLI::App& app, Context& context);   // init, db check|backup|path
void add_demo_command(CLI::App& app, Context& context);        // demo
void add_report_command(CLI::App& app, Context& context);      // report
void add_results_command(CLI::App& app, Context& context);     // results
void add_completion_commands(CLI::App& app, Context& context); // completion bash|zsh|fish, __complete (hidden)
void add_data_commands(CLI::App& app, Context& context);       // export, import

} // namespace pov::cli
