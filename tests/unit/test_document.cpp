// A record as JSON (contract sections 2 and 12) and the field table behind it.
#include "sample.hpp"

#include "pov/document.hpp"
#include "pov/fields.hpp"
#include "pov/json_text.hpp"
#include "pov/validation.hpp"

#include <algorithm>

using namespace pov;
using test::contains;
using test::day;
using test::error_of;
using test::full_pov;

namespace {

// The scalar keys of section 2, in its order, plus what the code keeps beside them.
const std::vector<std::string> section2_keys = {"id",
                                                "uuid",
                                                "name",
                                                "account",
                                                "opportunity",
                                                "stage",
                                                "segment",
                                                "deal",
                                                "net_arr",
                                                "lam_significant",
                                                "type",
                                                "strategic",
                                                "solution",
                                                "owner",
                                                "sa",
                                                "csm",
                                                "champion",
                                                "economic_buyer",
                                                "technical_lead",
                                                "business_owner",
                                                "champion_signoff",
                                                "eb_signoff",
                                                "why_now",
                                                "why_anything",
                                                "metrics",
                                                "decision_process",
                                                "pain",
                                                "eb_access",
                                                "impact",
                                                "desired_future",
                                                "business_outcomes",
                                                "objective",
                                                "in_scope",
                                                "out_of_scope",
                                                "customer_commitments",
                                                "next_steps",
                                                "start",
                                                "end",
                                                "started_on",
                                                "closed_on",
                                                "status",
                                                "approved_by",
                                                "approved_on",
                                                "result",
                                                "reason",
                                                "competitor",
                                                "loss_type",
                                                "ps_positioned",
                                                "license_purchased"};

const Field& field(const char* name)
{
    const auto* found = find_field(name);
    REQUIRE(found != nullptr);
    return *found;
}

} // namespace

TEST_CASE("a record's JSON has every section-2 key, with null for missing values")
{
    const auto json = to_json(test::minimal_pov());
    for (const auto& key : section2_keys) {
        INFO(key);
        CHECK(json.contains(key));
    }
    for (const auto* key : {"opportunity", "stage",       "deal",
                            "net_arr",     "solution",    "owner",
                            "csm",         "champion",    "champion_signoff",
                            "eb_signoff",  "why_now",     "next_steps",
                            "start",       "end",         "started_on",
                            "closed_on",   "approved_by", "approved_on",
                            "result",      "reason",      "competitor",
                            "loss_type"}) {
        INFO(key);
        CHECK(json.at(key).is_null());
    }
    CHECK(json.at("capabilities") == Json::array());
    CHECK(json.at("extensions") == Json::array());
    CHECK(json.at("journal") == Json::array());
    CHECK(json.at("status") == "new");
    CHECK(json.at("type") == "guided");
    CHECK(json.at("segment") == "enterprise");
    CHECK(json.at("strategic") == false);
    CHECK(json.at("ps_positioned") == false);
    CHECK(json.at("id") == 7);
}

TEST_CASE("scalar keys come in section-2 order")
{
    const auto json = to_json(test::minimal_pov());
    std::vector<std::string> keys;
    for (const auto& [key, value] : json.items()) {
        if (std::find(section2_keys.begin(), section2_keys.end(), key) != section2_keys.end()) {
            keys.push_back(key);
        }
    }
    CHECK(keys == section2_keys);
}

TEST_CASE("JSON values have the contract's shapes")
{
    const auto json = to_json(full_pov());
    CHECK(json.at("start") == "2026-03-02");
    CHECK(json.at("champion_signoff") == "2026-02-20");
    CHECK(json.at("net_arr") == 1200000);
    CHECK(json.at("stage") == 3);
    CHECK(json.at("deal") == "uptier");
    CHECK(json.at("loss_type") == "non-technical");
    CHECK(json.at("result") == "unsuccessful");
    CHECK(json.at("lam_significant") == true);
    CHECK(json.at("name") == test::hostile_line);

    const auto& capability = json.at("capabilities").at(0);
    CHECK(capability.at("n") == 1);
    CHECK(capability.at("title") == "Pipeline under 10 minutes");
    CHECK(capability.at("status") == "met");
    CHECK(capability.at("evidence") == "run #42\nall green ✅");
    CHECK(json.at("capabilities").at(1).at("status") == "not-met");
    CHECK(json.at("capabilities").at(1).at("target").is_null());
    CHECK(json.at("capabilities").at(1).at("evidence").is_null());
    for (const auto* key : {"n", "title", "target", "outcome", "status", "evidence"}) {
        CHECK(capability.contains(key));
    }

    CHECK(
        json.at("extensions").at(0) ==
        Json({{"from", "2026-03-30"}, {"to", "2026-04-20"}, {"reason", "customer \"holiday\""}, {"on", "2026-03-25"}}));
    CHECK(json.at("journal").at(1) == Json({{"n", 2},
                                            {"on", "2026-03-12"},
                                            {"kind", "retro"},
                                            {"text", "What went well: all\nOn track: yes"},
                                            {"shared", false}}));
    CHECK(json.at("journal").at(2).at("shared") == true);
}

TEST_CASE("list views leave the journal out")
{
    const auto json = to_json(full_pov(), false);
    CHECK_FALSE(json.contains("journal"));
    CHECK(json.contains("capabilities"));
    CHECK(json.contains("extensions"));
}

TEST_CASE("a record survives JSON and back")
{
    const auto original = to_json(full_pov());
    const auto back = pov_from_json(original);
    CHECK(to_json(back) == original);
    CHECK(back.name == test::hostile_line);
    CHECK(back.pain == test::hostile_multiline);
    CHECK(back.journal.at(0).text == test::hostile_multiline);
    CHECK(back.capabilities.at(1).n == 2);
    CHECK(back.extensions.at(0).to == day("2026-04-20"));

    SECTION("through its text, too")
    {
        CHECK(to_json(pov_from_json(Json::parse(original.dump()))) == original);
    }
    SECTION("an empty record")
    {
        const auto empty = to_json(Pov{});
        CHECK(to_json(pov_from_json(empty)) == empty);
    }
}

TEST_CASE("a missing optional key means null or empty")
{
    const auto pov = pov_from_json(Json{{"uuid", "u-1"},
                                        {"name", "N"},
                                        {"account", "A"},
                                        {"sa", "S"},
                                        {"type", "onsite"},
                                        {"start", "2026-03-02"},
                                        {"end", "2026-03-05"}});
    CHECK(pov.type == PovType::onsite);
    CHECK(pov.status == Status::new_);
    CHECK(pov.segment == Segment::enterprise);
    CHECK_FALSE(pov.stage);
    CHECK(pov.capabilities.empty());
    CHECK(pov.journal.empty());
    CHECK_EXIT(validate_record(pov, Config{}), Exit::ok);

    const auto capability = pov_from_json(Json{{"capabilities", Json::array({Json{{"title", "only a title"}}})}});
    REQUIRE(capability.capabilities.size() == 1);
    CHECK(capability.capabilities[0].status == CapabilityStatus::pending);
    CHECK(capability.capabilities[0].n == 1);
}

TEST_CASE("a value of the wrong type is invalid, naming the key")
{
    const std::vector<std::pair<Json, std::string>> cases = {
        {Json{{"stage", "3"}}, "stage"},
        {Json{{"stage", 3.5}}, "stage"},
        {Json{{"net_arr", "150k"}}, "net_arr"},
        {Json{{"name", 42}}, "name"},
        {Json{{"strategic", "yes"}}, "strategic"},
        {Json{{"start", "2026-02-29"}}, "start"},
        {Json{{"end", 20260301}}, "end"},
        {Json{{"type", "huge"}}, "type"},
        {Json{{"status", "in-progress"}}, "status"},
        {Json{{"loss_type", "technical-ish"}}, "loss_type"},
        {Json{{"capabilities", Json::object()}}, "capabilities"},
        {Json{{"capabilities", Json::array({Json{{"title", 5}}})}}, "capabilities[0].title"},
        {Json{{"capabilities", Json::array({Json{{"title", "t"}, {"status", "done"}}})}}, "capabilities[0].status"},
        {Json{{"capabilities", Json::array({"just text"})}}, "capabilities[0]"},
        {Json{{"extensions", Json::array({Json{{"from", "2026-03-01"}, {"to", "2026-03-09"}}})}}, "extensions[0].on"},
        {Json{{"journal", Json::array({Json{{"on", "yesterday"}, {"text", "x"}}})}}, "journal[0].on"},
    };
    for (const auto& [document, key] : cases) {
        INFO(document.dump());
        const auto error = error_of([&] { pov_from_json(document); });
        REQUIRE(error);
        CHECK(error->code() == Exit::invalid);
        CHECK(contains(error->what(), key));
    }
    CHECK_EXIT(pov_from_json(Json::array()), Exit::invalid);
}

TEST_CASE("events round-trip through JSON")
{
    Event event{"2026-03-02T09:00:00Z", EventKind::criteria_changed,
                Json{{"champion_signoff", Json::array({"2026-02-20", nullptr})}}, "capabilities renumbered"};
    const auto json = to_json(event);
    CHECK(json == Json{{"at", "2026-03-02T09:00:00Z"},
                       {"kind", "criteria_changed"},
                       {"changes", Json{{"champion_signoff", Json::array({"2026-02-20", nullptr})}}},
                       {"detail", "capabilities renumbered"}});
    const auto back = event_from_json(json);
    CHECK(to_json(back) == json);
    CHECK(to_json(Event{"t", EventKind::updated, Json::object(), ""}).at("detail").is_null());
    CHECK_EXIT(event_from_json(Json{{"changes", Json::array()}}), Exit::invalid);
}

TEST_CASE("diff_scalars lists only the changed fields as [old, new]")
{
    const auto before = test::minimal_pov();
    CHECK(diff_scalars(before, before) == Json::object());

    auto after = before;
    after.net_arr = 150000;
    after.name = "Renamed";
    after.start = day("2026-03-02");
    after.strategic = true;
    after.capabilities.push_back(test::capability(1, "not a scalar"));
    CHECK(diff_scalars(before, after) == Json{{"name", Json::array({"Acme platform POV", "Renamed"})},
                                              {"net_arr", Json::array({nullptr, 150000})},
                                              {"strategic", Json::array({false, true})},
                                              {"start", Json::array({nullptr, "2026-03-02"})}});
    CHECK(diff_scalars(after, before).at("start") == Json::array({"2026-03-02", nullptr}));

    std::vector<std::string_view> names;
    for (const auto* field : changed_fields(before, after)) {
        names.push_back(field->name);
    }
    CHECK(names == std::vector<std::string_view>{"name", "net_arr", "strategic", "start"}); // record order
    CHECK(changed_fields(after, after).empty());
}

TEST_CASE("the field table knows every scalar of section 2")
{
    for (const auto& key : section2_keys) {
        INFO(key);
        CHECK(find_field(key) != nullptr);
    }
    CHECK(find_field("capabilities") == nullptr);
    CHECK(find_field("no_such_field") == nullptr);
    CHECK(field("name").access == FieldAccess::writable);
    CHECK(field("status").access == FieldAccess::lifecycle);
    CHECK(field("champion_signoff").access == FieldAccess::lifecycle);
    CHECK(field("id").access == FieldAccess::identity);
    CHECK(field("pain").kind == FieldKind::multiline);
    CHECK(field("name").kind == FieldKind::line);
}

TEST_CASE("field input parses as the field's kind; an empty input is null")
{
    const auto today = day("2026-03-02");
    CHECK(parse_field_input(field("net_arr"), "150k", today) == 150000);
    CHECK(parse_field_input(field("net_arr"), "$1.2M", today) == 1200000);
    CHECK(parse_field_input(field("start"), "2026-03-09", today) == "2026-03-09");
    CHECK(parse_field_input(field("start"), "+2w", today) == "2026-03-16");
    CHECK(parse_field_input(field("end"), "tomorrow", today) == "2026-03-03");
    CHECK(parse_field_input(field("strategic"), "yes", today) == true);
    CHECK(parse_field_input(field("ps_positioned"), "false", today) == false);
    CHECK(parse_field_input(field("type"), "onsite", today) == "onsite");
    CHECK(parse_field_input(field("deal"), "new-logo", today) == "new-logo");
    CHECK(parse_field_input(field("stage"), "3", today) == 3);
    CHECK(parse_field_input(field("pain"), "line one\nline two", today) == "line one\nline two");
    for (const auto* name : {"net_arr", "start", "strategic", "deal", "stage", "pain", "champion"}) {
        INFO(name);
        CHECK(parse_field_input(field(name), "", today).is_null());
    }
}

TEST_CASE("malformed field input is a usage error naming the option")
{
    const auto today = day("2026-03-02");
    const std::pair<const char*, const char*> cases[] = {
        {"net_arr", "lots"}, {"start", "2026-02-30"}, {"end", "next week"}, {"strategic", "maybe"},
        {"type", "huge"},    {"deal", "new_logo"},    {"stage", "three"},   {"segment", "smb"},
    };
    for (const auto& [name, input] : cases) {
        INFO(name << " = " << input);
        const auto error = error_of([&] { parse_field_input(field(name), input, today); });
        REQUIRE(error);
        CHECK(error->code() == Exit::usage);
        CHECK(contains(error->what(), std::string("'") + input + "'"));
        std::string option = std::string("--") + name;
        std::replace(option.begin(), option.end(), '_', '-');
        if (find_field(name)->kind != FieldKind::date) { // date errors name the value only
            CHECK(contains(error->what(), option));
        }
    }
}

TEST_CASE("put_field rejects a wrong JSON type as invalid, naming the field")
{
    auto pov = test::minimal_pov();
    const auto error = error_of([&] { put_field(pov, field("net_arr"), Json("lots")); });
    REQUIRE(error);
    CHECK(error->code() == Exit::invalid);
    CHECK(contains(error->what(), "net_arr"));
    put_field(pov, field("net_arr"), Json(150000));
    CHECK(pov.net_arr == 150000);
    put_field(pov, field("net_arr"), Json(nullptr));
    CHECK_FALSE(pov.net_arr);
}

// Bug: the stage is an int, and put_field narrows a JSON integer to it without a range check, so
// 4294967299 (2^32 + 3) becomes stage 3 and passes validation; `pov set ID --stage 4294967299`
// or an imported "stage": 4294967299 then qualifies as Technical Evaluation instead of exiting 3.
TEST_CASE("a stage beyond int range is not silently wrapped")
{
    auto pov = test::minimal_pov();
    const auto parsed = parse_field_input(field("stage"), "4294967299", day("2026-03-02"));
    const auto error = error_of([&] {
        put_field(pov, field("stage"), parsed);
        validate_record(pov, Config{});
    });
    REQUIRE(error);
    CHECK(error->code() == Exit::invalid);
    CHECK(pov.stage != 3);

    const auto imported = error_of([] {
        validate_record(pov_from_json(Json{{"name", "N"}, {"account", "A"}, {"sa", "S"}, {"stage", 4294967299LL}}),
                        Config{});
    });
    REQUIRE(imported);
    CHECK(imported->code() == Exit::invalid);
}

TEST_CASE("a document's single-line text is trimmed as options are; multi-line text is kept")
{
    const auto document = Json::parse(R"({
        "name": "  Padded  ", "account": " Acme ", "sa": "\tPriya ", "competitor": " GitHub ",
        "pain": "  kept as typed  ",
        "capabilities": [{"title": " Scans ", "target": " 100% ", "outcome": " audit ", "evidence": " as typed "}],
        "extensions": [{"from": "2026-03-30", "to": "2026-04-10", "reason": " freeze ", "on": "2026-03-25"}],
        "journal": [{"on": "2026-03-02", "kind": "note", "text": "  as typed  "}]})");
    const auto pov = pov_from_json(document);
    CHECK(pov.name == "Padded");
    CHECK(pov.account == "Acme");
    CHECK(pov.sa == "Priya");
    CHECK(pov.competitor == "GitHub");
    CHECK(pov.pain == "  kept as typed  ");
    CHECK(pov.capabilities[0].title == "Scans");
    CHECK(pov.capabilities[0].target == "100%");
    CHECK(pov.capabilities[0].outcome == "audit");
    CHECK(pov.capabilities[0].evidence == " as typed ");
    CHECK(pov.extensions[0].reason == "freeze");
    CHECK(pov.journal[0].text == "  as typed  ");
}

TEST_CASE("append_record_json writes what json_text of to_json writes")
{
    auto pov = full_pov();
    pov.id = 42;
    pov.uuid = "0f8e2f8a-1c1b-4c1e-9c1e-1c1b4c1e9c1e";
    pov.capabilities[0].title = std::string("bad \xff utf-8 and \x01 control");
    for (const bool with_journal : {true, false}) {
        std::string out;
        append_record_json(out, pov, with_journal);
        CHECK(out == json_text(to_json(pov, with_journal)));
    }
    const auto bare = test::minimal_pov();
    std::string out;
    append_record_json(out, bare);
    CHECK(out == json_text(to_json(bare)));
}

TEST_CASE("A field read from its stored value, written as one and appended as JSON is what get and put make of it")
{
    const auto pov = full_pov();
    Pov copy;
    for (const auto& field : record_fields()) {
        const auto json = field.get(pov);
        std::string appended;
        field.append(appended, pov);
        CHECK(appended == json_text(json));
        // The store's form: NULL, a whole number (integers, money, booleans) or text.
        FieldValue value;
        value.null = json.is_null();
        const std::string text = json.is_string() ? json.get<std::string>() : std::string();
        if (json.is_boolean()) {
            value.number = json.get<bool>() ? 1 : 0;
        } else if (json.is_number_integer()) {
            value.number = json.get<std::int64_t>();
        } else {
            value.text = text;
        }
        read_field(copy, field, value);
        CHECK(field.get(copy) == json);
        // And the value the store writes of it is that one, its text followed by a NUL.
        std::string scratch;
        const auto written = field.write(pov, scratch);
        CHECK(written.null == value.null);
        CHECK(written.number == value.number);
        CHECK(written.text == value.text);
        if (!written.null && !written.text.empty()) {
            CHECK(written.text.data()[written.text.size()] == '\0');
        }
    }
    const auto bare = test::minimal_pov();
    for (const auto& field : record_fields()) {
        std::string scratch;
        CHECK(field.write(bare, scratch).null == field.get(bare).is_null());
    }
    FieldValue bad;
    bad.null = false;
    bad.text = "2026-13-45";
    const auto error = error_of([&] { read_field(copy, *find_field("start"), bad); });
    REQUIRE(error);
    CHECK(error->code() == Exit::invalid);
    CHECK(contains(error->what(), "start"));
}
