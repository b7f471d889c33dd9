// The forms of `pov export` (contract sections 12 and 13): the JSON document, CSV with every
// scalar field, and Salesforce's labels; CSV cells safe in a spreadsheet.
#include "sample.hpp"

#include "pov/exchange.hpp"
#include "pov/fields.hpp"
#include "render/csv.hpp"
#include "render/export.hpp"
#include "render/views.hpp"

using namespace pov;
using namespace pov::render;
using test::contains;
using test::day;

namespace {

std::string written(ExportFormat format, const std::vector<Pov>& povs)
{
    std::string out;
    ExportWriter writer(format, day("2026-03-02"), [&out](std::string_view piece) { out += piece; });
    for (const auto& pov : povs) {
        writer.add(pov, {{"2026-02-20T10:00:00Z", EventKind::created, Json::object(), {}}});
    }
    writer.finish();
    return out;
}

Pov closed_pov()
{
    auto pov = test::qualifying_pov();
    pov.owner = "Olive Owner";
    pov.csm = "Casey CSM";
    pov.opportunity = "FY27 platform";
    pov.status = Status::closed;
    pov.started_on = day("2026-03-04");
    pov.closed_on = day("2026-03-27");
    pov.result = Result::unsuccessful;
    pov.reason = "Budget moved";
    pov.competitor = "Rival Inc.";
    pov.loss_type = LossType::non_technical;
    pov.capabilities[0].status = CapabilityStatus::met;
    pov.capabilities[1].status = CapabilityStatus::not_met;
    return pov;
}

} // namespace

TEST_CASE("the JSON export is the pov/1 document, one POV to a line")
{
    const auto text = written(ExportFormat::json, {test::minimal_pov(), closed_pov()});
    const auto document = Json::parse(text);
    CHECK(document.at("schema") == "pov/1");
    CHECK(document.at("exported_at") == "2026-03-02");
    REQUIRE(document.at("povs").size() == 2);
    CHECK(document.at("povs").at(1) ==
          export_record(closed_pov(), {{"2026-02-20T10:00:00Z", EventKind::created, Json::object(), {}}}));
    CHECK(std::count(text.begin(), text.end(), '\n') == 4);
    CHECK(text.back() == '\n');
    CHECK(written(ExportFormat::json, {}) == "{\"schema\":\"pov/1\",\"exported_at\":\"2026-03-02\",\"povs\":[]}\n");
}

TEST_CASE("the CSV export has every scalar field as a column, then the criteria")
{
    const auto header = export_csv_header();
    REQUIRE(header.size() == record_fields().size() + 4);
    CHECK(header.front() == "id");
    CHECK(header[2] == "name");
    CHECK(std::find(header.begin(), header.end(), "net_arr") != header.end());
    CHECK(std::find(header.begin(), header.end(), "license_purchased") != header.end());
    CHECK(std::vector<std::string>(header.end() - 4, header.end()) ==
          std::vector<std::string>{"capabilities", "capabilities_met", "capability_list", "extensions"});

    auto pov = closed_pov();
    pov.net_arr = 150'000;
    const auto cells = export_csv_cells(pov);
    REQUIRE(cells.size() == header.size());
    const auto cell = [&](const std::string& column) {
        return cells[static_cast<std::size_t>(std::find(header.begin(), header.end(), column) - header.begin())];
    };
    CHECK(cell("net_arr") == "150000");
    CHECK(cell("status") == "closed");
    CHECK(cell("loss_type") == "non-technical");
    CHECK(cell("ps_positioned") == "false");
    CHECK(cell("closed_on") == "2026-03-27");
    CHECK(cell("csm") == "Casey CSM");
    CHECK(cell("approved_by").empty());
    CHECK(cell("capabilities") == "2");
    CHECK(cell("capabilities_met") == "1");
    CHECK(cell("capability_list") == "1. Pipeline under 10 minutes (met)\n2. SAST on every merge request (not-met)");
    CHECK(cell("extensions") == "0");
}

TEST_CASE("the Salesforce export uses exactly Salesforce's labels")
{
    CHECK(salesforce_header() == std::vector<std::string>{"Proof of Value Name", "Account", "Opportunity", "POV Owner",
                                                          "Solutions Architect", "Customer Success Manager",
                                                          "POV Start Date", "POV Close Date", "POV Type", "Status",
                                                          "Result", "Notes"});
    CHECK(written(ExportFormat::salesforce, {})
              .starts_with("Proof of Value Name,Account,Opportunity,POV Owner,Solutions Architect,Customer Success "
                           "Manager,POV Start Date,POV Close Date,POV Type,Status,Result,Notes\r\n"));
}

TEST_CASE("a Salesforce row gives actual dates once there, the status in three words, the result and notes")
{
    const auto closed = salesforce_cells(closed_pov());
    CHECK(closed == std::vector<std::string>{"Acme platform POV", "Acme Corp", "FY27 platform", "Olive Owner",
                                             "Sam Architect", "Casey CSM", "2026-03-04", "2026-03-27", "Guided",
                                             "Closed", "Unsuccessful",
                                             "Reason: Budget moved\nCompetitor: Rival Inc.\nLoss type: "
                                             "non-technical\nSuccess criteria met: 1 of 2"});

    auto pov = test::qualifying_pov();
    pov.type = PovType::onsite;
    auto cells = salesforce_cells(pov);
    CHECK(cells[6] == "2026-03-02"); // planned start
    CHECK(cells[7] == "2026-03-30"); // planned end
    CHECK(cells[8] == "On-site");
    CHECK(cells[9] == "New");
    CHECK(cells[10].empty());

    pov.status = Status::qualified;
    CHECK(salesforce_cells(pov)[9] == "New");
    CHECK(contains(salesforce_cells(pov)[11], "Qualified; not started yet"));
    pov.status = Status::in_progress;
    CHECK(salesforce_cells(pov)[9] == "In Progress");
    pov.status = Status::cancelled;
    pov.reason = "Re-org";
    cells = salesforce_cells(pov);
    CHECK(cells[9] == "Closed");
    CHECK(cells[10].empty());
    CHECK(cells[11].starts_with("Cancelled: Re-org"));
}

TEST_CASE("export rows guard formulas and quote commas, quotes and line breaks")
{
    auto pov = closed_pov();
    pov.name = "=HYPERLINK(\"http://evil\")";
    pov.account = "+1 Corp, \"the\" best";
    pov.opportunity = "-minus";
    pov.owner = "@owner";
    pov.reason = "line one\nline two";
    const auto csv = written(ExportFormat::csv, {pov});
    CHECK(contains(csv, "\"'=HYPERLINK(\"\"http://evil\"\")\""));
    CHECK(contains(csv, "\"'+1 Corp, \"\"the\"\" best\""));
    CHECK(contains(csv, ",'-minus,"));
    CHECK(contains(csv, ",'@owner,"));
    CHECK(contains(csv, "\"line one\nline two\""));
    const auto salesforce = written(ExportFormat::salesforce, {pov});
    CHECK(contains(salesforce,
                   "\r\n\"'=HYPERLINK(\"\"http://evil\"\")\",\"'+1 Corp, \"\"the\"\" best\",'-minus,'@owner,"));
    CHECK(contains(salesforce, "\"Reason: line one\nline two\nCompetitor"));
    CHECK(csv_row({"=1+1", "\t-tab", "plain"}) == "'=1+1,'\t-tab,plain\r\n");
}

TEST_CASE("an import is reported in one line, and for scripts with its ids")
{
    ImportSummary summary;
    summary.added = {4, 5};
    summary.updated = {2};
    summary.unchanged = {1};
    CHECK(import_message(summary) == "Imported 4 POVs: 2 added, 1 updated, 1 unchanged");
    const auto json = import_json(summary);
    CHECK(json.at("added") == 2);
    CHECK(json.at("povs") == 4);
    CHECK(json.at("ids").at("added") == Json::array({4, 5}));
    CHECK(json.at("ids").at("unchanged") == Json::array({1}));
    CHECK(json.at("dry_run") == false);
    summary = ImportSummary{};
    summary.unchanged = {1};
    summary.dry_run = true;
    CHECK(import_message(summary) ==
          "Would import 1 POV: 0 added, 0 updated, 1 unchanged (dry run: nothing was written)");
}

TEST_CASE("list --json written a record at a time is records_json laid out with an indent of 2")
{
    auto full = test::full_pov();
    full.id = 7;
    const auto bare = test::minimal_pov();
    const std::vector<std::vector<Pov>> lists = {{}, {bare}, {full, bare, full}};
    for (const auto& povs : lists) {
        std::vector<std::vector<Risk>> risks;
        for (std::size_t i = 0; i < povs.size(); ++i) {
            risks.push_back(i == 0 ? std::vector<Risk>{} : std::vector<Risk>{Risk::overdue, Risk::stale});
        }
        std::string out;
        ListJsonWriter writer([&out](std::string_view piece) { out += piece; });
        for (std::size_t i = 0; i < povs.size(); ++i) {
            writer.add(povs[i], risks[i]);
        }
        writer.finish();
        CHECK(out == records_json(povs, risks).dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
    }
}
