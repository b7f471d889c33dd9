// The fast paths of import and export (issue 11): histories move between a document and the
// store as JSON text, never built as values. Each must give exactly what the value path gives:
// the same text, the same errors in the same words, the same verdict on a re-import.
#include "sample.hpp"

#include "core/json_reader.hpp"
#include "pov/document.hpp"
#include "pov/exchange.hpp"
#include "pov/fields.hpp"
#include "pov/json_text.hpp"
#include "pov/open_store.hpp"

#include <sstream>

using namespace pov;
using test::contains;
using test::day;
using test::error_of;

namespace {

const Clock import_clock{day("2026-03-02"), "2026-03-02T09:00:00Z"};

Json bare_record(const std::string& uuid, const std::string& name)
{
    return Json{{"uuid", uuid},     {"name", name},          {"account", "Acme Corp"}, {"sa", "Sam"},
                {"type", "guided"}, {"start", "2026-03-02"}, {"end", "2026-03-30"}};
}

std::string document_text(const std::vector<std::string>& records)
{
    std::string out = R"({"schema":"pov/1","povs":[)";
    for (std::size_t i = 0; i < records.size(); ++i) {
        out += (i == 0 ? "" : ",") + records[i];
    }
    return out + "]}";
}

struct Fixture {
    test::TempDir dir;
    Config config;
    std::unique_ptr<Store> store = open_store({(dir / "pov.db").string(), OpenMode::create, 5000});

    ImportSummary import(const std::string& text)
    {
        std::istringstream in(text);
        return import_document(in, *store, config, import_clock, {"povs.json", false});
    }

    std::string import_error(const std::string& text)
    {
        const auto error = error_of([&] { import(text); });
        REQUIRE(error);
        CHECK(error->code() == Exit::invalid);
        return error->what();
    }
};

// The error import_record gives for a record, as import_document words it.
std::string record_error(const std::string& record)
{
    const auto error = error_of([&] { import_record(*parse_json_text(record)); });
    REQUIRE(error);
    return error->what();
}

} // namespace

TEST_CASE("append_json_text writes what json_text writes of the parsed value")
{
    const std::vector<std::string> texts = {
        R"({"a": 1, "b": [true, false, null], "c": {"d": "e"}})",
        R"({"name":[null,"Acme"],"stage":[null,3],"journal":[null,{"on":"2026-03-02","kind":"note"}]})",
        R"([])",
        R"({})",
        R"({ "empty" : {} , "list" : [ [ ] , { } ] })",
        R"(  -0  )",
        R"([0, -1, 9223372036854775807, -9223372036854775808, 18446744073709551615])",
        R"([1.5, -2.25e3, 1E-2, 0.0, 1e308, 1.0])",
        R"(["\"\\\/\b\f\n\r\t\u0001\u001f", "\u00e9\u4e2d\ud83d\ude80", "Zoë 🚀"])",
        R"({"key": "value", "key": "again"})",
    };
    for (const auto& text : texts) {
        INFO(text);
        std::string out = "prefix";
        REQUIRE(append_json_text(out, text));
        CHECK(out == "prefix" + json_text(*parse_json_text(text)));
    }
    std::string out = "kept";
    CHECK_FALSE(append_json_text(out, "{\"a\": }"));
    CHECK_FALSE(append_json_text(out, "[1] 2"));
    CHECK(out == "kept");
}

TEST_CASE("an export record written from stored events is the one export_record gives")
{
    auto pov = test::qualifying_pov();
    pov.id = 7;
    pov.uuid = "u-7";
    pov.pain = test::hostile_multiline;
    pov.journal = {{day("2026-03-04"), JournalKind::note, test::hostile_line}};
    const std::vector<Event> events = {
        {"2026-02-20T10:00:00Z", EventKind::created, Json{{"name", Json::array({nullptr, test::hostile_line})}}, {}},
        {"2026-03-01T08:00:00Z", EventKind::imported, Json::object(), "added from other.json"},
        {"2026-03-02T11:30:00Z", EventKind::started, Json{{"n", 1.5}, {"list", Json::array({1, "two"})}},
         test::hostile_line}};
    std::vector<StoredEvent> stored;
    for (const auto& event : events) {
        stored.push_back({event.at, event.kind, json_text(event.changes), event.detail});
    }
    stored.push_back({"2026-03-03T00:00:00Z", EventKind::updated, "not JSON", ""});
    auto expected_events = events;
    expected_events.push_back({"2026-03-03T00:00:00Z", EventKind::updated, Json::object(), ""});

    std::string out = "[";
    append_export_record(out, pov, stored);
    CHECK(out == "[" + json_text(export_record(pov, expected_events)));

    std::string bare;
    append_export_record(bare, pov, {});
    CHECK(bare == json_text(export_record(pov, {})));
}

TEST_CASE("a streamed import keeps each event's changes as the text the value path would store")
{
    Fixture f;
    auto record = bare_record("u-1", "First");
    record["events"] = Json::array(
        {Json{{"at", "2026-02-20T10:00:00Z"},
              {"kind", "created"},
              {"changes", Json{{"name", Json::array({nullptr, "First"})}, {"n", 2.50}, {"deep", {{"a", {1, 2}}}}}},
              {"detail", nullptr}},
         Json{{"at", "2026-03-01T08:00:00Z"}, {"kind", "imported"}, {"changes", Json::object()}},
         Json{{"kind", "updated"}, {"detail", "no changes key"}},
         Json{{"changes", nullptr}, {"at", "2026-03-03T08:00:00Z"}, {"junk", {{"x", Json::array({1})}}}}});
    // Laid out with spaces and escapes: the stored text is compact all the same.
    f.import(document_text({record.dump(2), bare_record("u-2", "Second").dump()}));
    const auto id = f.store->find_uuid("u-1");
    REQUIRE(id);
    const auto stored = f.store->stored_events(*id);
    const auto expected = import_record(Json(record)).events;
    REQUIRE(stored.size() == expected.size() + 1); // and the `imported` event of this import
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(stored[i].at == expected[i].at);
        CHECK(stored[i].kind == expected[i].kind);
        CHECK(stored[i].changes == json_text(expected[i].changes));
        CHECK(stored[i].detail == expected[i].detail);
    }
    CHECK(stored.back().kind == EventKind::imported);
    CHECK(f.store->stored_events(*f.store->find_uuid("u-2")).size() == 1);
}

TEST_CASE("a streamed import refuses a bad history in the words of import_record")
{
    const auto with_events = [](const std::string& events) {
        auto text = bare_record("u-1", "Bare").dump();
        text.pop_back();
        return text + ",\"events\":" + events + "}";
    };
    const std::vector<std::string> histories = {
        R"({})",
        R"("none")",
        R"(3)",
        R"([1])",
        R"([[{"at": "x"}]])",
        R"([{}, {"kind": "exploded"}])",
        R"([{"kind": 3}])",
        R"([{"at": ["2026"]}])",
        R"([{"at": {"day": 1}}])",
        R"([{"changes": [1]}])",
        R"([{"changes": "name"}])",
        R"([{"detail": false}])",
        R"([{"kind": "started"}, {"at": 1, "kind": "boom", "changes": 2, "detail": 3}])",
        R"([{"kind": "exploded"}, {"at": 1}])",
    };
    for (const auto& history : histories) {
        INFO(history);
        Fixture f;
        const auto record = with_events(history);
        const auto message = f.import_error(document_text({record}));
        CHECK(message == "povs[0] (\"Bare\", uuid u-1) in povs.json: " + record_error(record));
        CHECK(f.store->find_uuid("u-1") == std::nullopt);
    }
}

TEST_CASE("a streamed import reads the first of a key given twice, as import_record does")
{
    const auto text = R"({"uuid":"u-1","name":"Twice","account":"Acme Corp","sa":"Sam","type":"guided",)"
                      R"("start":"2026-03-02","end":"2026-03-30",)"
                      R"("events":[{"at":"first","at":"second","kind":"started","kind":"boom",)"
                      R"("changes":{"a":1},"changes":"no","detail":"one","detail":2}],)"
                      R"("events":"ignored"})";
    Fixture f;
    f.import(document_text({text}));
    const auto stored = f.store->stored_events(*f.store->find_uuid("u-1"));
    const auto expected = import_record(*parse_json_text(text)).events;
    REQUIRE(expected.size() == 1);
    REQUIRE(stored.size() == 2);
    CHECK(stored[0].at == "first");
    CHECK(stored[0].kind == EventKind::started);
    CHECK(stored[0].changes == json_text(expected[0].changes));
    CHECK(stored[0].detail == "one");
}

TEST_CASE("a record's rules are checked before its history, as import_record checks them")
{
    Fixture f;
    auto record = bare_record("u-1", "Bare");
    record.erase("sa");
    record["events"] = "not an array";
    CHECK(contains(f.import_error(document_text({record.dump()})), "sa is required"));
}

TEST_CASE("a history nested too deep is refused like any record")
{
    Fixture f;
    std::string deep = "1";
    for (int i = 0; i < 40; ++i) {
        deep = "[" + deep + "]";
    }
    auto text = bare_record("u-1", "Deep").dump();
    text.pop_back();
    text += R"(,"events":[{"changes":{"x":)" + deep + "}}]}";
    CHECK(contains(f.import_error(document_text({text})), "nested deeper than 32 levels"));
}

TEST_CASE("a re-import finds an event unchanged when its changes are the same value written another way")
{
    Fixture f;
    auto record = bare_record("u-1", "Same");
    record["events"] = Json::array({Json{
        {"at", "2026-02-20T10:00:00Z"}, {"kind", "created"}, {"changes", Json{{"stage", Json::array({nullptr, 3})}}}}});
    f.import(document_text({record.dump()}));
    // 3.0 is the number 3 of the stored text, as the value path compares them.
    auto again = record.dump();
    const auto at = again.find("[null,3]");
    REQUIRE(at != std::string::npos);
    again.replace(at, 8, "[null,3.0]");
    const auto summary = f.import(document_text({again}));
    CHECK(summary.unchanged.size() == 1);
    // A different value is a different event.
    again.replace(again.find("[null,3.0]"), 10, "[null,4]");
    CHECK(f.import(document_text({again})).updated.size() == 1);
}

TEST_CASE("a streamed import refuses a bad record in the words of import_record, naming it alike")
{
    const std::vector<std::string> records = {
        R"({})",
        R"({"name": "No uuid", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null})",
        R"({"uuid": null, "uuid": "u-1", "name": "Null first", "account": "A", "sa": "S", "type": "guided"})",
        R"({"uuid": "u-1", "name": null, "name": "Later", "account": "A", "sa": "S", "type": "guided"})",
        R"({"uuid": "u-1", "name": ["x"], "account": "A", "sa": "S", "type": "guided", "start": null})",
        R"({"uuid": "u-1", "name": "No end", "account": "A", "sa": "S", "type": "guided", "start": null})",
        R"({"uuid": "u-1", "name": "N", "account": "A", "sa": "S", "type": "huge", "start": null, "end": null})",
        R"({"uuid": "u-1", "name": "N", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null,)"
        R"( "stage": "three", "net_arr": [1], "events": {}})",
        R"({"uuid": "u-1", "name": "N", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null,)"
        R"( "net_arr": {"a": [1, {"b": 2}]}, "stage": "three"})",
        R"({"uuid": "u-1", "name": "N", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null,)"
        R"( "stage": 3, "stage": "three"})",
        R"({"uuid": "   ", "name": "Blank", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null})",
        R"({"uuid": "u\n1", "name": "Break", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null})",
        R"({"uuid": "u-1", "name": "N", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null,)"
        R"( "capabilities": "none", "events": [{"kind": "boom"}]})",
        R"({"uuid": "u-1", "name": "N", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null,)"
        R"( "capabilities": [{"title": 1}], "capabilities": "ignored"})",
        R"({"uuid": "u-1", "name": "N", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null,)"
        R"( "journal": [{"on": "soon"}], "extensions": [{"from": "x"}]})",
        R"({"uuid": "u-1", "name": "N", "account": "A", "sa": "S", "type": "guided", "start": null, "end": null,)"
        R"( "extensions": [3], "risks": [{"x": 1}], "events": [{"kind": "boom"}]})",
    };
    for (const auto& record : records) {
        INFO(record);
        Fixture f;
        const auto message = f.import_error(document_text({record}));
        const auto item = *parse_json_text(record);
        std::string label = "povs[0]";
        const auto name = item.find("name");
        const auto uuid = item.find("uuid");
        std::vector<std::string> names;
        if (name != item.end() && name->is_string() && !name->get<std::string>().empty()) {
            names.push_back("\"" + name->get<std::string>() + "\"");
        }
        if (uuid != item.end() && uuid->is_string() && !uuid->get<std::string>().empty()) {
            names.push_back("uuid " + uuid->get<std::string>());
        }
        if (!names.empty()) {
            label += " (" + names[0] + (names.size() > 1 ? ", " + names[1] : "") + ")";
        }
        CHECK(message == label + " in povs.json: " + record_error(record));
    }
}

TEST_CASE("a streamed import reads every field, part and unknown key as import_record does")
{
    auto record = bare_record("u-1", "Whole");
    record["stage"] = 3;
    record["net_arr"] = 150000;
    record["strategic"] = true;
    record["champion"] = "Chris";
    record["pain"] = test::hostile_multiline;
    record["capabilities"] = Json::array({Json{{"title", "Fast"}, {"status", "met"}, {"evidence", "yes"}}});
    record["extensions"] = Json::array();
    record["journal"] = Json::array({Json{{"on", "2026-03-09"}, {"kind", "retro"}, {"text", "late"}},
                                     Json{{"on", "2026-03-04"}, {"text", "early"}}});
    record["risks"] = Json::array({Json{{"nested", Json::array({1, 2})}}});
    record["id"] = 42;
    Fixture f;
    f.import(document_text({record.dump()}));
    const auto id = f.store->find_uuid("u-1");
    REQUIRE(id);
    auto stored = *f.store->find(*id);
    auto expected = import_record(Json(record)).pov;
    stored.id = expected.id = 0;
    CHECK(diff_scalars(stored, expected).empty());
    CHECK(stored.capabilities == expected.capabilities);
    CHECK(stored.journal == expected.journal);
    CHECK(stored.journal.front().text == "early");
}

TEST_CASE("find_stored gives a POV with its parts, journal and history as find and stored_events do")
{
    Fixture f;
    auto record = bare_record("u-1", "Stored");
    record["capabilities"] = Json::array({Json{{"title", "Fast"}}});
    record["journal"] = Json::array({Json{{"on", "2026-03-04"}, {"text", "note"}}});
    record["events"] = Json::array({Json{{"at", "2026-02-20T10:00:00Z"}, {"kind", "created"}}});
    f.import(document_text({record.dump()}));
    CHECK_FALSE(f.store->find_stored("u-2"));
    const auto stored = f.store->find_stored("u-1");
    REQUIRE(stored);
    const auto id = *f.store->find_uuid("u-1");
    const auto found = *f.store->find(id);
    CHECK(stored->pov.id == id);
    CHECK(diff_scalars(stored->pov, found).empty());
    CHECK(stored->pov.capabilities == found.capabilities);
    CHECK(stored->pov.journal == found.journal);
    const auto events = f.store->stored_events(id);
    REQUIRE(stored->events.size() == events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        CHECK(stored->events[i].changes == events[i].changes);
        CHECK(stored->events[i].kind == events[i].kind);
    }
}

namespace {

// A document of `count` bare records, uuids u0, u1, …
std::vector<std::string> many_records(std::size_t count)
{
    std::vector<std::string> records;
    for (std::size_t i = 0; i < count; ++i) {
        records.push_back(json_text(bare_record("u" + std::to_string(i), "POV " + std::to_string(i))));
    }
    return records;
}

} // namespace

TEST_CASE("an import reads on a thread of its own and stores every record in the document's order")
{
    Fixture f;
    const auto summary = f.import(document_text(many_records(2000)));
    REQUIRE(summary.added.size() == 2000);
    CHECK(summary.added.front() == 1);
    CHECK(summary.added.back() == 2000);
    CHECK(f.store->find(1)->uuid == "u0");
    CHECK(f.store->find(2000)->uuid == "u1999");
    CHECK(f.store->find(1234)->name == "POV 1233");
}

TEST_CASE("an error far into a large document is reported after the records before it, and nothing is stored")
{
    Fixture f;
    auto records = many_records(2000);
    SECTION("a record that breaks a rule")
    {
        records[1500] = json_text(bare_record("u1500", ""));
        CHECK(contains(f.import_error(document_text(records)), "povs[1500]"));
    }
    SECTION("JSON that ends early")
    {
        auto text = document_text(records);
        text.resize(text.size() * 3 / 4);
        CHECK(contains(f.import_error(text), "is not valid JSON"));
    }
    SECTION("a uuid given twice, found while the document is still being read")
    {
        records[3] = json_text(bare_record("u1", "Again"));
        CHECK(contains(f.import_error(document_text(records)), "povs[3]"));
    }
    CHECK(f.store->list({}).empty());
}
