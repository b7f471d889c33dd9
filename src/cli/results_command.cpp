// results: the document an SA sends to the executive sponsor, for a running or closed POV.
#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "pov/error.hpp"
#include "render/results.hpp"

#include <memory>

#include <fmt/format.h>

namespace pov::cli {

void add_results_command(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        std::string format = "markdown";
        std::string output;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("results", "The results document for the executive sponsor (Markdown or HTML)");
    add_id(*command, options->id);
    command->add_option("--format", options->format, "markdown or html")->type_name("markdown|html");
    command->add_option("--output", options->output, "Write to FILE (atomically, mode 0600) instead of stdout")
        ->type_name("FILE");
    command->callback([options, &context] {
        if (options->format != "markdown" && options->format != "html") {
            throw Error(Exit::usage, fmt::format("invalid --format '{}'; expected markdown or html", options->format));
        }
        const auto pov = context.tracker(OpenMode::existing).get(parse_id(options->id));
        const auto text = options->format == "html" ? render::results_html(pov, context.today())
                                                    : render::results_markdown(pov, context.today());
        if (options->output.empty()) {
            fmt::print("{}", text);
        } else {
            write_file_atomically(options->output, text);
        }
    });
}

} // namespace pov::cli
