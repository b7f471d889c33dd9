// Plans (contract section 6): a POV as TOML and back, through the field table and the same
// validation as the options of create and set.
#include "sample.hpp"

#include "pov/document.hpp"
#include "pov/fields.hpp"
#include "pov/open_store.hpp"
#include "pov/plan.hpp"
#include "pov/validation.hpp"

#include <algorithm>

#include <fmt/format.h>

using namespace pov;
using test::contains;
using test::day;
using test::error_of;

namespace {

const Date today = day("2026-03-02");

Plan parsed(const std::string& text)
{
    return parse_plan(text, "plan.toml", today);
}

// The POV a plan makes on its own: its fields on a blank record, and its criteria.
Pov applied(const Plan& plan)
{
    Pov pov;
    for (const auto& input : plan.fields) {
        const auto& field = *find_field(input.field);
        put_field(pov, field, parse_field_input(field, input.value, today));
    }
    for (const auto& capability : plan.capabilities.value_or(std::vector<NewCapability>{})) {
        pov.capabilities.push_back(
            test::capability(static_cast<int>(pov.capabilities.size()) + 1, capability.title, capability.target));
        pov.capabilities.back().outcome = capability.outcome;
    }
    return pov;
}

// The writable fields of a record as JSON: what a plan carries.
Json writable(const Pov& pov)
{
    Json out = Json::object();
    for (const auto& field : record_fields()) {
        if (field.access == FieldAccess::writable) {
            out[std::string(field.name)] = field.get(pov);
        }
    }
    return out;
}

// A POV with every writable field set, text that breaks naive quoting, and three criteria.
Pov full_pov()
{
    auto pov = test::full_pov();
    pov.id = 12;
    pov.business_outcomes = "ends with a quote \"";
    pov.objective = "quotes \"\"\" inside\nand at the end \"";
    pov.in_scope = "two teams\n\n  indented, blank line above\n";
    pov.out_of_scope = "\nstarts with a newline";
    pov.customer_commitments = "back\\slash \\n not a newline\nC:\\path\\";
    pov.capabilities.push_back(test::capability(3, "Rollback \"fast\"", ""));
    return pov;
}

} // namespace

TEST_CASE("a plan round trip keeps every writable field and the criteria", "[plan]")
{
    const auto pov = full_pov();
    const auto text = plan_to_toml(pov, Config{});
    const auto plan = parsed(text);
    const auto back = applied(plan);
    CHECK(writable(back).dump(2) == writable(pov).dump(2));
    REQUIRE(plan.capabilities);
    REQUIRE(plan.capabilities->size() == pov.capabilities.size());
    for (std::size_t i = 0; i < pov.capabilities.size(); ++i) {
        CHECK((*plan.capabilities)[i].title == pov.capabilities[i].title);
        CHECK((*plan.capabilities)[i].target == pov.capabilities[i].target);
        CHECK((*plan.capabilities)[i].outcome == pov.capabilities[i].outcome);
    }
    // The same values give the same record through create's own path.
    const auto draft = draft_pov(plan.fields, *plan.capabilities, Config{}, today);
    CHECK(writable(draft).dump(2) == writable(pov).dump(2));
}

TEST_CASE("plan show writes TOML dates and numbers, and every empty key commented out", "[plan]")
{
    auto pov = test::minimal_pov();
    pov.start = day("2026-03-09");
    pov.net_arr = 150'000;
    pov.stage = 3;
    const auto text = plan_to_toml(pov, Config{});
    CHECK(contains(text, "\nstart = 2026-03-09\n"));
    CHECK(contains(text, "\nnet_arr = 150000\n"));
    CHECK(contains(text, "\nstage = 3\n"));
    CHECK(contains(text, "\nstrategic = false\n"));
    CHECK(contains(text, "\n# end = \"\"\n"));
    CHECK(contains(text, "\n# pain = \"\"\n"));
    for (const auto& field : record_fields()) {
        const bool shown = contains(text, fmt::format("\n{} = ", field.name)) ||
                           contains(text, fmt::format("\n# {} = \"\"\n", field.name));
        CHECK(shown == (field.access == FieldAccess::writable));
    }
    // No criteria yet: the commented example, so the file still shows their keys.
    CHECK(contains(text, "# [[capabilities]]"));
    CHECK_FALSE(parsed(text).capabilities);
}

TEST_CASE("the template has every writable key with a comment and parses to a blank POV", "[plan]")
{
    const auto text = plan_template(Config{}, std::nullopt);
    for (const auto& field : record_fields()) {
        const auto key = fmt::format("\n{} = \"\"\n", field.name);
        CHECK(contains(text, key) == (field.access == FieldAccess::writable));
        if (field.access == FieldAccess::writable) {
            // The line above the key is its one-line comment, from the field's meaning.
            const auto at = text.find(key);
            const auto comment_start = text.rfind("\n#", at - 1);
            CHECK(comment_start != std::string::npos);
            CHECK(text.find('\n', comment_start + 1) == at);
        }
    }
    CHECK(contains(text, "# [[capabilities]]"));
    CHECK(contains(text, "# title"));
    CHECK(contains(text, "# target"));
    CHECK(contains(text, "# outcome"));

    const auto plan = parsed(text);
    CHECK_FALSE(plan.capabilities);
    CHECK(scalars_to_json(applied(plan)) == scalars_to_json(Pov{}));
}

TEST_CASE("a template of a type fills in the type and names its durations", "[plan]")
{
    Config config;
    config.types[static_cast<std::size_t>(PovType::paid)] = {61, 180, 365};
    const auto text = plan_template(config, PovType::paid);
    CHECK(contains(text, "\ntype = \"paid\"\n"));
    CHECK(contains(text, "paid POVs last 61–180 days"));
    CHECK(contains(text, "365 with extensions"));
    Pov paid;
    paid.type = PovType::paid;
    CHECK(scalars_to_json(applied(parsed(text))) == scalars_to_json(paid));
}

TEST_CASE("the template names the configured solutions and the criteria ceiling", "[plan]")
{
    Config config;
    config.solutions = {"alpha", "beta"};
    config.max_capabilities = 3;
    const auto text = plan_template(config, std::nullopt);
    CHECK(contains(text, ": alpha, beta"));
    CHECK(contains(text, "1 to 3"));
}

TEST_CASE("plan values take TOML types and the forms options take", "[plan]")
{
    const auto pov = applied(parsed("start = 2026-03-09\n"
                                    "end = \"+4w\"\n"
                                    "net_arr = \"150k\"\n"
                                    "stage = 3\n"
                                    "strategic = \"yes\"\n"
                                    "lam_significant = true\n"
                                    "deal = \"new-logo\"\n"));
    CHECK(pov.start == day("2026-03-09"));
    CHECK(pov.end == day("2026-03-30"));
    CHECK(pov.net_arr == 150'000);
    CHECK(pov.stage == 3);
    CHECK(pov.strategic);
    CHECK(pov.lam_significant);
    CHECK(pov.deal == Deal::new_logo);

    const auto relative = applied(parsed("start = \"today\"\nnet_arr = 250000\nstage = \"4\"\n"));
    CHECK(relative.start == today);
    CHECK(relative.net_arr == 250'000);
    CHECK(relative.stage == 4);
}

TEST_CASE("an empty value leaves a field empty; segment and type keep theirs", "[plan]")
{
    const auto plan = parsed("pain = \"\"\nsegment = \"\"\ntype = \"\"\nstart = \"\"\n");
    CHECK(input_value(plan.fields, "pain") == "");
    CHECK(input_value(plan.fields, "start") == "");
    CHECK_FALSE(input_value(plan.fields, "segment"));
    CHECK_FALSE(input_value(plan.fields, "type"));
}

TEST_CASE("a bad plan exits 3 naming the file, the line or the key", "[plan]")
{
    const auto error = [](const std::string& text) {
        const auto e = error_of([&] { parsed(text); });
        REQUIRE(e);
        CHECK(e->code() == Exit::invalid);
        return std::string(e->what());
    };
    SECTION("a syntax error names the file and the line")
    {
        const auto message = error("name = \"Acme\"\naccount = \"Acme Corp\n");
        CHECK(contains(message, "plan.toml:2:"));
    }
    SECTION("an unknown key")
    {
        const auto message = error("name = \"Acme\"\nstagee = 3\n");
        CHECK(contains(message, "unknown key 'stagee' in plan.toml"));
        CHECK(contains(message, "see pov plan template"));
    }
    SECTION("a key the lifecycle commands set")
    {
        const auto message = error("status = \"closed\"\n");
        CHECK(contains(message, "'status'"));
    }
    SECTION("a wrong type names the key and what it takes")
    {
        const auto message = error("\n\nstage = 3.5\n");
        CHECK(contains(message, "plan.toml:3:"));
        CHECK(contains(message, "stage must be a whole number; got a decimal number"));
        CHECK(contains(error("name = 12\n"), "name must be text in quotes; got a whole number"));
        CHECK(contains(error("strategic = 1\n"), "strategic must be true or false"));
        CHECK(contains(error("start = 2026-03-02T09:00:00\n"), "start must be a date"));
        CHECK(contains(error("net_arr = 1.5e6\n"), "net_arr must be a whole number of dollars"));
        CHECK(contains(error("pain = [\"a\"]\n"), "got an array"));
    }
    SECTION("a malformed value names the key")
    {
        CHECK(contains(error("stage = \"three\"\n"), "invalid stage 'three'"));
        CHECK(contains(error("type = \"guidd\"\n"), "invalid type 'guidd'; expected one of: guided"));
        CHECK(contains(error("net_arr = \"lots\"\n"), "invalid net_arr 'lots'"));
        CHECK(contains(error("start = \"2026-02-30\"\n"), "invalid start '2026-02-30'"));
        CHECK(contains(error("strategic = \"maybe\"\n"), "invalid strategic 'maybe'"));
    }
    SECTION("criteria that are not [[capabilities]] tables")
    {
        CHECK(contains(error("capabilities = [\"Fast builds\"]\n"), "[[capabilities]] tables"));
        CHECK(contains(error("[[capabilities]]\ntitel = \"Fast\"\n"), "unknown key 'titel' in capability 1"));
        CHECK(contains(error("[[capabilities]]\ntitle = \"A\"\n[[capabilities]]\ntarget = \"x\"\n"),
                       "capability 2 needs a title"));
        CHECK(contains(error("[[capabilities]]\ntitle = 5\n"), "capability 1 title must be text"));
    }
}

TEST_CASE("a value a rule refuses is the plan's when the plan alone breaks that rule", "[plan]")
{
    const auto plan = parsed("name = \"Acme\"\naccount = \"Acme Corp\"\nsa = \"Sam\"\nstage = 12\n");
    const auto e = error_of([&] { draft_pov(plan.fields, {}, Config{}, today); });
    REQUIRE(e);
    CHECK(e->code() == Exit::invalid);
    CHECK(contains(e->what(), "stage must be 0–8; got 12"));
    CHECK(plan_breaks(plan, Pov{}, e->what(), Config{}, today));

    // The command line's stage 13 is the line's fault, not the plan's.
    const auto line = with_line_values(plan, {{"stage", "13"}});
    const auto from_line = error_of([&] { draft_pov(line, {}, Config{}, today); });
    REQUIRE(from_line);
    CHECK_FALSE(plan_breaks(plan, Pov{}, from_line->what(), Config{}, today));
}

TEST_CASE("command-line values win over the plan's", "[plan]")
{
    const auto plan = parsed("name = \"Plan name\"\nstage = 2\npain = \"slow\"\n");
    const auto merged = with_line_values(plan, {{"stage", "3"}, {"sa", "Sam"}});
    CHECK(input_value(merged, "name") == "Plan name");
    CHECK(input_value(merged, "stage") == "3");
    CHECK(input_value(merged, "pain") == "slow");
    CHECK(input_value(merged, "sa") == "Sam");
    // In section-2 order, each field once.
    std::vector<std::string> order;
    for (const auto& input : merged) {
        order.push_back(input.field);
    }
    CHECK(order == std::vector<std::string>{"name", "stage", "sa", "pain"});
}

TEST_CASE("a whole plan clears what it leaves out", "[plan]")
{
    const auto plan = whole_plan(parsed("name = \"Acme\"\n"));
    CHECK(input_value(plan.fields, "name") == "Acme");
    CHECK(input_value(plan.fields, "pain") == "");
    CHECK(input_value(plan.fields, "start") == "");
    CHECK(input_value(plan.fields, "strategic") == "");
    CHECK_FALSE(input_value(plan.fields, "type"));
    CHECK_FALSE(input_value(plan.fields, "segment"));
    REQUIRE(plan.capabilities);
    CHECK(plan.capabilities->empty());
}

namespace {

struct Fixture {
    test::TempDir dir;
    Config config;
    std::unique_ptr<Store> store = open_store({(dir / "pov.db").string(), OpenMode::create, 5000});
    Tracker tracker{*store, config, Clock{today, "2026-03-02T09:00:00Z"}};

    std::int64_t signed_off()
    {
        auto pov = test::qualifying_pov();
        pov.champion_signoff.reset();
        pov.eb_signoff.reset();
        const auto id = tracker.create(pov).pov.id;
        tracker.change_capability(id, 1, {std::nullopt, std::nullopt, std::nullopt, CapabilityStatus::met, "done"});
        tracker.sign_off(id, Signer::champion, std::nullopt);
        tracker.sign_off(id, Signer::economic_buyer, std::nullopt);
        return id;
    }
    [[nodiscard]] Event last_event(std::int64_t id) { return store->events(id).back(); }
};

std::vector<NewCapability> criteria_of(const Pov& pov)
{
    std::vector<NewCapability> out;
    for (const auto& capability : pov.capabilities) {
        out.push_back({capability.title, capability.target, capability.outcome});
    }
    return out;
}

} // namespace

TEST_CASE("a plan's criteria replace the POV's through the tracker", "[plan][tracker]")
{
    Fixture f;
    const auto id = f.signed_off();
    const auto before = f.tracker.get(id);
    const auto events = f.store->events(id).size();

    SECTION("the same criteria change nothing")
    {
        const auto outcome = f.tracker.set(id, {}, criteria_of(before));
        CHECK(outcome.changed.empty());
        CHECK(f.store->events(id).size() == events);
        CHECK(outcome.pov.champion_signoff);
    }
    SECTION("a new outcome is no change of the criteria: the sign-offs stay")
    {
        auto wanted = criteria_of(before);
        wanted[1].outcome = "safer releases";
        const auto outcome = f.tracker.set(id, {}, wanted);
        CHECK(outcome.pov.capabilities[1].outcome == "safer releases");
        CHECK(outcome.pov.champion_signoff);
        CHECK(f.last_event(id).kind == EventKind::updated);
    }
    SECTION("a new criterion clears both sign-offs; a kept title keeps its status and evidence")
    {
        auto wanted = criteria_of(before);
        std::swap(wanted[0], wanted[1]);
        wanted.push_back({"Deploy daily", "1/day", "faster feedback"});
        const auto outcome = f.tracker.set(id, {{"pain", "slower than ever"}}, wanted);
        const auto& after = outcome.pov;
        REQUIRE(after.capabilities.size() == 3);
        CHECK(after.capabilities[1].title == before.capabilities[0].title);
        CHECK(after.capabilities[1].status == CapabilityStatus::met);
        CHECK(after.capabilities[1].evidence == "done");
        CHECK(after.capabilities[2].status == CapabilityStatus::pending);
        CHECK_FALSE(after.champion_signoff);
        CHECK_FALSE(after.eb_signoff);
        CHECK(after.pain == "slower than ever");
        const auto event = f.last_event(id);
        CHECK(event.kind == EventKind::criteria_changed);
        CHECK(event.changes.contains("pain"));
        CHECK(event.changes.contains("capabilities.3"));
    }
    SECTION("no criteria at all is a change of the criteria")
    {
        const auto outcome = f.tracker.set(id, {}, std::vector<NewCapability>{});
        CHECK(outcome.pov.capabilities.empty());
        CHECK(f.last_event(id).kind == EventKind::criteria_changed);
    }
    SECTION("more than the ceiling is invalid and writes nothing")
    {
        std::vector<NewCapability> six(6, {"Same title", "", ""});
        CHECK_EXIT(f.tracker.set(id, {}, six), Exit::invalid);
        CHECK(f.store->events(id).size() == events);
    }
    SECTION("a closed POV's criteria do not change")
    {
        f.tracker.cancel(id, "budget frozen");
        auto wanted = criteria_of(before);
        wanted[0].target = "p95 under 5 min";
        CHECK_EXIT(f.tracker.set(id, {}, wanted), Exit::conflict);
    }
}
