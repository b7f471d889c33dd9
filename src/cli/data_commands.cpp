// export, import: every POV out of the database and back in (sections 6, 12 and 13).
#include "cli/atomic_file.hpp"
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "cli/output.hpp"
#include "pov/exchange.hpp"
#include "render/export.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

namespace pov::cli {

namespace {

// The document to import; `-` is stdin. A missing file exits 4.
class InputFile {
public:
    explicit InputFile(const std::string& path)
    {
        const std::string name = path == "-" ? "/dev/stdin" : path;
        std::error_code error;
        if (path != "-" && !std::filesystem::exists(name, error)) {
            throw Error(Exit::not_found, fmt::format("no file {}; give the path of a document from pov export", path));
        }
        if (std::filesystem::is_directory(name, error)) {
            throw Error(Exit::not_found,
                        fmt::format("{} is a folder; give the path of a document from pov export", path));
        }
        stream_.open(name, std::ios::binary);
        if (!stream_) {
            throw Error(Exit::storage, fmt::format("cannot read {}: {}", path, std::strerror(errno)));
        }
    }

    std::istream& stream() { return stream_; }

private:
    std::ifstream stream_;
};

void add_export(CLI::App& app, Context& context)
{
    struct Args {
        render::ExportFormat format = render::ExportFormat::json;
        std::string output;
    };
    Command command(app, context, "export", "Every POV with its parts and history: JSON for pov import, or CSV");
    auto& args = command.hold<Args>();
    command.choice("--format", args.format, "json (the document pov import reads; default), csv or salesforce");
    command.output(args.output);
    command.run([&args, &context] {
        auto& store = context.store(OpenMode::existing);
        Output out(args.output);
        render::ExportWriter writer(args.format, context.today(), [&out](std::string_view piece) { out.write(piece); });
        each_exported(store, [&writer](const Pov& pov, const std::vector<StoredEvent>& events) {
            writer.add_stored(pov, events);
        });
        writer.finish();
        out.commit();
        context.warn_if_missing_database();
    });
}

void add_import(CLI::App& app, Context& context)
{
    struct Args {
        std::string file;
        bool dry_run = false;
        bool json = false;
    };
    Command command(app, context, "import", "Import a document from pov export: all or nothing, by uuid");
    auto& args = command.hold<Args>();
    command.text("FILE", args.file, "The JSON document of pov export (- reads stdin)")->required();
    command.flag("--dry-run", args.dry_run, "Report what the import would do; write nothing");
    command.json(args.json);
    command.run([&args, &context] {
        InputFile input(args.file);
        auto& store = context.store(args.dry_run ? OpenMode::existing : OpenMode::create);
        const auto summary =
            import_document(input.stream(), store, context.config(), context.clock(), {args.file, args.dry_run});
        if (args.json) {
            print_json(render::import_json(summary));
        } else {
            context.say(render::import_message(summary));
        }
    });
}

} // namespace

void add_data_commands(CLI::App& app, Context& context)
{
    add_export(app, context);
    add_import(app, context);
}

} // namespace pov::cli
