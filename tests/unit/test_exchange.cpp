// Export and import (contract sections 6 and 12): the document's records, the import plan and
// the import of whole documents into a real SQLite store.
#include "sample.hpp"

#include "pov/document.hpp"
#include "pov/exchange.hpp"
#include "pov/open_store.hpp"

#include <sstream>

using namespace pov;
using test::contains;
using test::day;
using test::error_of;

namespace {

const Clock import_clock{day("2026-03-02"), "2026-03-02T09:00:00Z"};

// A running POV with every part, hostile text in its fields, journal and history.
Pov rich_pov(const std::string& uuid = "4f1c7a52-0d3e-4b6a-8c9d-0123456789ab", const std::string& name = "Acme POV")
{
    auto pov = test::qualifying_pov();
    pov.id = 3;
    pov.uuid = uuid;
    pov.name = name;
    pov.opportunity = test::hostile_line;
    pov.pain = test::hostile_multiline;
    pov.net_arr = 150'000;
    pov.status = Status::in_progress;
    pov.started_on = day("2026-03-02");
    pov.end = day("2026-04-10");
    pov.capabilities[0].evidence = test::hostile_multiline;
    pov.capabilities[0].updated_on = day("2026-03-05");
    pov.extensions = {{day("2026-03-30"), day("2026-04-10"), "customer \"holiday\"", day("2026-03-20")}};
    pov.journal = {{day("2026-03-04"), JournalKind::note, test::hostile_multiline},
                   {day("2026-03-09"), JournalKind::retro, "What went well: all\nOn track: yes"}};
    return pov;
}

std::vector<Event> history_of(const std::string& name)
{
    return {{"2026-02-20T10:00:00Z", EventKind::created, Json{{"name", Json::array({nullptr, name})}}, {}},
            {"2026-03-01T08:00:00Z", EventKind::imported, Json::object(), "added from other.json"},
            {"2026-03-02T11:30:00Z", EventKind::started, Json{{"status", Json::array({"qualified", "in_progress"})}},
             test::hostile_line}};
}

Json document_of(const std::vector<Json>& records)
{
    return Json{{"schema", "pov/1"}, {"exported_at", "2026-03-02"}, {"povs", records}};
}

// A record as a hand-written document may hold it: only the required keys.
Json bare_record(const std::string& uuid, const std::string& name)
{
    return Json{{"uuid", uuid},     {"name", name},          {"account", "Acme Corp"}, {"sa", "Sam"},
                {"type", "guided"}, {"start", "2026-03-02"}, {"end", "2026-03-30"}};
}

struct Fixture {
    test::TempDir dir;
    Config config;
    std::unique_ptr<Store> store = open_store({(dir / "pov.db").string(), OpenMode::create, 5000});

    ImportSummary import(const std::string& text, bool dry_run = false)
    {
        std::istringstream in(text);
        return import_document(in, *store, config, import_clock, {"povs.json", dry_run});
    }
    ImportSummary import(const Json& document, bool dry_run = false) { return import(document.dump(), dry_run); }

    std::string import_error(const Json& document)
    {
        const auto error = error_of([&] { import(document); });
        REQUIRE(error);
        CHECK(error->code() == Exit::invalid);
        return error->what();
    }

    // The store's POVs as export writes them.
    std::vector<Json> exported()
    {
        std::vector<Json> out;
        each_exported(*store, [&](const Pov& pov, const std::vector<Event>& events) {
            out.push_back(export_record(pov, events));
        });
        return out;
    }

    std::size_t pov_count() { return exported().size(); }
};

} // namespace

TEST_CASE("an exported record holds the record, its journal and its history, without imported events")
{
    const auto record = export_record(rich_pov(), history_of("Acme POV"));
    CHECK(record.at("uuid") == "4f1c7a52-0d3e-4b6a-8c9d-0123456789ab");
    CHECK(record.at("journal").size() == 2);
    CHECK(record.at("extensions").size() == 1);
    CHECK(record.at("capabilities").size() == 2);
    REQUIRE(record.at("events").size() == 2);
    CHECK(record.at("events").at(0).at("kind") == "created");
    CHECK(record.at("events").at(1).at("kind") == "started");
    CHECK(record.at("events").at(1).at("detail") == test::hostile_line);
}

TEST_CASE("import_record reads back what export_record wrote")
{
    const auto pov = rich_pov();
    const auto events = history_of(pov.name);
    auto read = import_record(export_record(pov, events));
    CHECK(read.pov.id == 0); // a local id does not travel
    read.pov.id = pov.id;
    CHECK(to_json(read.pov) == to_json(pov));
    REQUIRE(read.events.size() == 2);
    CHECK(to_json(read.events[0]) == to_json(events[0]));
    CHECK(to_json(read.events[1]) == to_json(events[2]));
}

TEST_CASE("import_record needs uuid, name, account, sa, type, start and end; the rest may be missing")
{
    for (const auto* key : {"uuid", "name", "account", "sa", "type", "start", "end"}) {
        INFO(key);
        auto record = bare_record("u-1", "Bare");
        record.erase(key);
        auto error = error_of([&] { import_record(Json(record)); });
        REQUIRE(error);
        CHECK(std::string(error->what()).starts_with(std::string(key) + " is required"));
        record[key] = nullptr;
        error = error_of([&] { import_record(Json(record)); });
        const bool may_be_null = key == std::string("start") || key == std::string("end");
        CHECK(error.has_value() != may_be_null);
    }
    // A POV not dated yet, as create leaves it, comes back as it went.
    auto undated = bare_record("u-1", "Undated");
    undated["start"] = nullptr;
    undated["end"] = nullptr;
    const auto read_back = import_record(std::move(undated));
    CHECK_FALSE(read_back.pov.start);
    CHECK_FALSE(read_back.pov.end);
    const auto read = import_record(bare_record("u-1", "Bare"));
    CHECK(read.pov.status == Status::new_);
    CHECK(read.pov.segment == Segment::enterprise);
    CHECK(read.pov.capabilities.empty());
    CHECK(read.pov.journal.empty());
    CHECK(read.events.empty());
    CHECK_FALSE(read.pov.net_arr);
    CHECK(read.pov.champion.empty());
}

TEST_CASE("import_record names the key of a value it cannot read")
{
    const auto error_for = [](const char* key, Json value) {
        auto record = bare_record("u-1", "Bare");
        record[key] = std::move(value);
        const auto error = error_of([&] { import_record(std::move(record)); });
        REQUIRE(error);
        CHECK(error->code() == Exit::invalid);
        return std::string(error->what());
    };
    CHECK(contains(error_for("stage", "three"), "stage"));
    CHECK(contains(error_for("start", "2026-13-01"), "start"));
    CHECK(contains(error_for("type", "huge"), "type"));
    CHECK(contains(error_for("uuid", "   "), "uuid"));
    CHECK(contains(error_for("uuid", "line\nbreak"), "uuid"));
    CHECK(contains(error_for("capabilities", "none"), "capabilities"));
    CHECK(contains(error_for("events", Json::object()), "events"));
    CHECK(contains(error_for("events", Json::array({Json::object(), Json{{"kind", "exploded"}}})), "events[1]"));
    CHECK(contains(error_for("journal", Json::array({Json{{"on", "soon"}}})), "journal[0]"));
}

TEST_CASE("import_record puts the journal in date order and keeps the document's own order of a day")
{
    auto record = bare_record("u-1", "Bare");
    record["journal"] =
        Json::array({Json{{"on", "2026-03-09"}, {"text", "third"}}, Json{{"on", "2026-03-03"}, {"text", "first"}},
                     Json{{"on", "2026-03-03"}, {"text", "second"}}});
    const auto read = import_record(std::move(record));
    REQUIRE(read.pov.journal.size() == 3);
    CHECK(read.pov.journal[0].text == "first");
    CHECK(read.pov.journal[1].text == "second");
    CHECK(read.pov.journal[2].text == "third");
}

TEST_CASE("the plan adds a new uuid with its history and an imported event")
{
    const auto incoming = import_record(export_record(rich_pov(), history_of("Acme POV")));
    const auto step = plan_import(incoming, std::nullopt, import_clock, "team.json");
    CHECK(step.action == ImportAction::add);
    CHECK(step.pov.id == 0);
    REQUIRE(step.new_events.size() == 3);
    CHECK(step.new_events[0].kind == EventKind::created);
    CHECK(step.new_events[2].kind == EventKind::imported);
    CHECK(step.new_events[2].at == import_clock.now);
    CHECK(step.new_events[2].detail == "added from team.json");
}

TEST_CASE("the plan leaves a stored record that equals the document's unchanged")
{
    const auto incoming = import_record(export_record(rich_pov(), history_of("Acme POV")));
    auto stored = incoming;
    stored.pov.id = 12;
    // The stored history has this database's own imported event besides the document's events.
    stored.events.insert(stored.events.begin() + 1, {"2026-03-02T12:00:00Z", EventKind::imported, {}, "added"});
    const auto step = plan_import(incoming, stored, import_clock, "team.json");
    CHECK(step.action == ImportAction::unchanged);
    CHECK(step.pov.id == 12);
    CHECK(step.new_events.empty());
}

TEST_CASE("the plan updates a changed record in place and records the changes")
{
    const auto incoming = import_record(export_record(rich_pov(), history_of("Acme POV")));
    auto stored = incoming;
    stored.pov.id = 12;
    stored.pov.sa = "Lee";
    stored.pov.capabilities.pop_back();
    stored.pov.journal.pop_back();
    const auto step = plan_import(incoming, stored, import_clock, "team.json");
    CHECK(step.action == ImportAction::update);
    CHECK(step.pov.id == 12);
    CHECK(step.pov.sa == "Sam Architect");
    REQUIRE(step.new_events.size() == 1);
    const auto& imported = step.new_events.back();
    CHECK(imported.kind == EventKind::imported);
    CHECK(imported.changes.at("sa") == Json::array({"Lee", "Sam Architect"}));
    CHECK(imported.changes.contains("capabilities"));
    CHECK(imported.changes.contains("journal"));
    CHECK_FALSE(imported.changes.contains("extensions"));
    CHECK_FALSE(imported.changes.contains("id"));
    CHECK(imported.detail == "updated from team.json");
}

TEST_CASE("the plan appends the events a stored record lacks, in the document's order")
{
    auto incoming = import_record(export_record(rich_pov(), history_of("Acme POV")));
    auto stored = incoming;
    stored.pov.id = 4;
    stored.events.resize(1);
    // The same event twice in the document is two events.
    incoming.events.push_back(incoming.events.back());
    const auto step = plan_import(incoming, stored, import_clock, "team.json");
    CHECK(step.action == ImportAction::update);
    REQUIRE(step.new_events.size() == 3);
    CHECK(step.new_events[0].kind == EventKind::started);
    CHECK(step.new_events[1].kind == EventKind::started);
    CHECK(step.new_events[2].kind == EventKind::imported);
    CHECK(step.new_events[2].changes.empty());
    CHECK(step.new_events[2].detail == "updated from team.json with 2 more events");
}

TEST_CASE("a document imports into an empty store and exports the same again")
{
    Fixture f;
    const std::vector<Json> records = {export_record(rich_pov("u-1", "First"), history_of("First")),
                                       export_record(rich_pov("u-2", "Second 🚀"), history_of("Second 🚀")),
                                       bare_record("u-3", "Third")};
    const auto summary = f.import(document_of(records));
    CHECK(summary.added == std::vector<std::int64_t>{1, 2, 3});
    CHECK(summary.updated.empty());
    CHECK(summary.unchanged.empty());
    CHECK_FALSE(summary.dry_run);

    const auto exported = f.exported();
    REQUIRE(exported.size() == 3);
    auto first = records[0];
    first["id"] = 1;
    CHECK(exported[0] == first);
    CHECK(exported[2].at("id") == 3);
    CHECK(exported[2].at("events") == Json::array()); // its history here is only its own imported event

    // What this store exports, another imports, and exports the same.
    Fixture other;
    other.import(document_of(exported));
    CHECK(other.exported() == exported);
    CHECK(other.store->events(1).back().kind == EventKind::imported);
    CHECK(other.store->events(1).back().detail == "added from povs.json");
}

TEST_CASE("a second import of the same document changes nothing")
{
    Fixture f;
    const auto document =
        document_of({export_record(rich_pov("u-1", "First"), history_of("First")), bare_record("u-2", "Second")});
    f.import(document);
    const auto before = f.exported();
    const auto events_before = f.store->events(1).size();
    const auto summary = f.import(document);
    CHECK(summary.added.empty());
    CHECK(summary.updated.empty());
    CHECK(summary.unchanged == std::vector<std::int64_t>{1, 2});
    CHECK(f.exported() == before);
    CHECK(f.store->events(1).size() == events_before);
}

TEST_CASE("an import updates a known uuid in place and gives a new one the next id")
{
    Fixture f;
    f.import(document_of({bare_record("u-1", "First"), bare_record("u-2", "Second")}));
    auto changed = bare_record("u-2", "Second, renamed");
    changed["journal"] = Json::array({Json{{"on", "2026-03-03"}, {"text", "kick-off"}}});
    const auto summary = f.import(document_of({bare_record("u-1", "First"), changed, bare_record("u-9", "Ninth")}));
    CHECK(summary.unchanged == std::vector<std::int64_t>{1});
    CHECK(summary.updated == std::vector<std::int64_t>{2});
    CHECK(summary.added == std::vector<std::int64_t>{3});
    const auto second = f.store->find(2);
    REQUIRE(second);
    CHECK(second->name == "Second, renamed");
    REQUIRE(second->journal.size() == 1);
    CHECK(second->journal[0].text == "kick-off");
    const auto events = f.store->events(2);
    REQUIRE(events.size() == 2);
    CHECK(events[1].kind == EventKind::imported);
    CHECK(events[1].changes.at("name") == Json::array({"Second", "Second, renamed"}));
}

TEST_CASE("an invalid record stops the import, names the record, and nothing is written")
{
    Fixture f;
    f.import(document_of({bare_record("u-1", "Kept")}));
    auto too_long = bare_record("u-3", "Too long");
    too_long["end"] = "2026-06-30";
    const auto message =
        f.import_error(document_of({bare_record("u-1", "Kept, renamed"), bare_record("u-2", "Fine"), too_long}));
    CHECK(contains(message, "povs[2]"));
    CHECK(contains(message, "\"Too long\""));
    CHECK(contains(message, "uuid u-3"));
    CHECK(contains(message, "povs.json"));
    CHECK(contains(message, "guided POV must last 14–45 days"));
    CHECK(contains(message, "rule duration"));
    CHECK(f.pov_count() == 1);
    CHECK(f.store->find(1)->name == "Kept");

    auto no_sa = bare_record("u-4", "Nobody runs it");
    no_sa.erase("sa");
    CHECK(contains(f.import_error(document_of({no_sa})), "povs[0] (\"Nobody runs it\", uuid u-4) in povs.json: sa is "
                                                         "required"));
    auto unknown_solution = bare_record("u-5", "Odd");
    unknown_solution["solution"] = "quantum";
    CHECK(contains(f.import_error(document_of({unknown_solution})), "unknown solution 'quantum'"));
    auto wrong_type = bare_record("u-6", "Odd");
    wrong_type["net_arr"] = "lots";
    CHECK(contains(f.import_error(document_of({wrong_type})), "povs[0] (\"Odd\", uuid u-6) in povs.json: net_arr"));
    CHECK(contains(f.import_error(document_of({Json::object()})), "povs[0] in povs.json: uuid is required"));
    CHECK(f.pov_count() == 1);
}

TEST_CASE("a uuid given twice in one document is refused, naming both records")
{
    Fixture f;
    const auto message = f.import_error(
        document_of({bare_record("u-1", "One"), bare_record("u-2", "Two"), bare_record("u-1", "Again")}));
    CHECK(contains(message, "povs[2] (\"Again\", uuid u-1)"));
    CHECK(contains(message, "povs[0]"));
    CHECK_FALSE(contains(message, "UNIQUE"));
    CHECK(f.pov_count() == 0);
}

TEST_CASE("text that is not a pov/1 document is refused before anything is written")
{
    Fixture f;
    const auto error_for = [&](const std::string& text) {
        const auto error = error_of([&] { f.import(text); });
        REQUIRE(error);
        CHECK(error->code() == Exit::invalid);
        return std::string(error->what());
    };
    CHECK(contains(error_for("{\"schema\": \"pov/1\",\n \"povs\": [\n {\"uuid\": tru}]}"),
                   "povs.json is not valid JSON: line 3, column"));
    CHECK(contains(error_for("id,uuid,name\r\n"), "is not valid JSON: line 1, column 1"));
    CHECK(contains(error_for(R"({"schema": "pov/2", "povs": []})"), "schema \"pov/2\"; this pov imports \"pov/1\""));
    CHECK(contains(error_for(R"({"schema": 1, "povs": []})"), "\"schema\" must be the string \"pov/1\""));
    CHECK(contains(error_for(R"({"povs": []})"), "no \"schema\" key"));
    CHECK(contains(error_for(R"({"schema": "pov/1"})"), "no \"povs\" array"));
    CHECK(contains(error_for(R"({"schema": "pov/1", "povs": {}})"), "\"povs\" must be an array"));
    CHECK(contains(error_for(R"({"schema": "pov/1", "povs": [1]})"), "povs[0] in povs.json is not an object"));
    CHECK(contains(error_for(R"([{"schema": "pov/1"}])"), "is not a JSON object"));
    // A wrong schema after the POVs undoes them.
    const auto late = R"({"povs": [)" + bare_record("u-1", "Early").dump() + R"(], "schema": "pov/9"})";
    CHECK(contains(error_for(late), "pov/9"));
    CHECK(f.pov_count() == 0);
}

TEST_CASE("the document's other keys may come before or after its POVs")
{
    Fixture f;
    const auto text = R"({"povs": [)" + bare_record("u-1", "Early").dump() +
                      R"(], "note": {"any": ["thing", 1]}, "schema": "pov/1", "exported_at": null})";
    CHECK(f.import(text).added.size() == 1);
    CHECK(f.import(std::string(R"({"schema": "pov/1", "povs": []})")).total() == 0);
}

TEST_CASE("a dry run reports what an import would do and writes nothing")
{
    Fixture f;
    f.import(document_of({bare_record("u-1", "First"), bare_record("u-2", "Second")}));
    const auto before = f.exported();
    const auto summary = f.import(
        document_of({bare_record("u-1", "First"), bare_record("u-2", "Renamed"), bare_record("u-7", "New")}), true);
    CHECK(summary.dry_run);
    CHECK(summary.unchanged == std::vector<std::int64_t>{1});
    CHECK(summary.updated == std::vector<std::int64_t>{2});
    CHECK(summary.added == std::vector<std::int64_t>{3});
    CHECK(f.exported() == before);
    // The dry run's errors are the import's.
    auto bad = bare_record("u-8", "Bad");
    bad["stage"] = 12;
    const auto error = error_of([&] { f.import(document_of({bad}), true); });
    REQUIRE(error);
    CHECK(contains(error->what(), "stage must be 0–8"));
}

TEST_CASE("the store streams every POV with its parts and history, as find and events read them")
{
    Fixture f;
    f.import(document_of({export_record(rich_pov("u-1", "First"), history_of("First")), bare_record("u-2", "Second"),
                          export_record(rich_pov("u-3", "Third"), history_of("Third"))}));
    std::vector<std::int64_t> ids;
    f.store->transaction(Store::Lock::read, [&] {
        f.store->each([&](const Pov& pov, const std::vector<Event>& events) {
            ids.push_back(pov.id);
            const auto found = f.store->find(pov.id);
            REQUIRE(found);
            CHECK(to_json(pov) == to_json(*found));
            const auto history = f.store->events(pov.id);
            REQUIRE(events.size() == history.size());
            for (std::size_t i = 0; i < events.size(); ++i) {
                CHECK(to_json(events[i]) == to_json(history[i]));
            }
        });
    });
    CHECK(ids == std::vector<std::int64_t>{1, 2, 3});
    CHECK(f.store->find_uuid("u-2") == std::optional<std::int64_t>(2));
    CHECK_FALSE(f.store->find_uuid("u-404"));
    CHECK(f.store->next_id() == 4);
}
