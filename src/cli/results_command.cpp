// results: the document an SA sends to the executive sponsor, for a running or closed POV.
#include "cli/atomic_file.hpp"
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "render/results.hpp"

namespace pov::cli {

void add_results_command(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        render::DocumentFormat format = render::DocumentFormat::markdown;
        std::string output;
        bool internal = false;
    };
    Command command(app, context, "results", "The results document for the executive sponsor (Markdown or HTML)");
    auto& args = command.hold<Args>();
    command.id(args.id).choice("--format", args.format, "The document's format (default markdown)");
    command.flag("--internal", args.internal,
                 "For the account team: add internal notes and retrospectives (never send it to the customer)");
    command.output(args.output);
    command.run([&args, &context] {
        const auto pov = context.tracker(OpenMode::existing).get(args.id);
        write_output(args.output, render::results_document(pov, args.format, context.today(), args.internal));
    });
}

} // namespace pov::cli
