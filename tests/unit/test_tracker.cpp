// The operations of pov (contract sections 4, 5 and 8) on a real SQLite store in a temp folder.
#include "sample.hpp"

#include "pov/document.hpp"
#include "pov/open_store.hpp"
#include "pov/tracker.hpp"

#include <algorithm>

using namespace pov;
using test::contains;
using test::day;
using test::error_of;

namespace {

const char* const today_text = "2026-03-02";
const char* const now_text = "2026-03-02T09:00:00Z";

struct Fixture {
    test::TempDir dir;
    Config config;
    std::unique_ptr<Store> store = open_store({(dir / "pov.db").string(), OpenMode::create, 5000});
    Tracker tracker{*store, config, Clock{day(today_text), now_text}};

    [[nodiscard]] std::size_t event_count(std::int64_t id) { return store->events(id).size(); }
    [[nodiscard]] Event last_event(std::int64_t id)
    {
        const auto events = store->events(id);
        REQUIRE_FALSE(events.empty());
        return events.back();
    }
};

// Every field a POV needs to qualify (section 4), as a user types them: a 28-day guided POV.
std::vector<FieldInput> qualifying_fields(const std::string& name = "Acme POV", const std::string& sa = "Sam")
{
    return {{"name", name},
            {"account", "Acme Corp"},
            {"sa", sa},
            {"stage", "3"},
            {"deal", "new-logo"},
            {"solution", "devsecops"},
            {"why_now", "audit in Q3"},
            {"why_anything", "manual releases fail"},
            {"metrics", "lead time"},
            {"decision_process", "CTO decides"},
            {"pain", "two-week releases"},
            {"eb_access", "monthly 1:1"},
            {"impact", "misses the audit"},
            {"champion", "Chris Champion"},
            {"economic_buyer", "Erin Buyer"},
            {"technical_lead", "Terry Lead"},
            {"start", "2026-03-02"},
            {"end", "2026-03-30"}};
}

const std::vector<NewCapability> two_capabilities = {{"Pipeline under 10 minutes", "p95 < 10 min", "faster releases"},
                                                     {"SAST on every merge request", "100% of MRs", ""}};

std::int64_t created(Fixture& f, const std::string& name = "Acme POV", const std::string& sa = "Sam")
{
    return f.tracker.create(qualifying_fields(name, sa), two_capabilities).pov.id;
}

std::int64_t qualified(Fixture& f, const std::string& name = "Acme POV", const std::string& sa = "Sam")
{
    const auto id = created(f, name, sa);
    f.tracker.sign_off(id, Signer::champion, std::nullopt);
    f.tracker.sign_off(id, Signer::economic_buyer, std::nullopt);
    const auto outcome = f.tracker.qualify(id, false);
    REQUIRE(outcome.qualification.qualified);
    REQUIRE(outcome.pov.status == Status::qualified);
    return id;
}

std::int64_t started(Fixture& f, const std::string& name = "Acme POV", const std::string& sa = "Sam")
{
    const auto id = qualified(f, name, sa);
    REQUIRE(f.tracker.start(id, std::nullopt, false).pov.status == Status::in_progress);
    return id;
}

CapabilityChange status_to(CapabilityStatus status)
{
    CapabilityChange change;
    change.status = status;
    return change;
}

CapabilityChange title_to(const std::string& title)
{
    CapabilityChange change;
    change.title = title;
    return change;
}

CapabilityChange target_to(const std::string& target)
{
    CapabilityChange change;
    change.target = target;
    return change;
}

void finish_capabilities(Fixture& f, std::int64_t id)
{
    f.tracker.change_capability(id, 1, status_to(CapabilityStatus::met));
    f.tracker.change_capability(id, 2, status_to(CapabilityStatus::not_met));
}

std::vector<EventKind> kinds(const std::vector<Event>& events)
{
    std::vector<EventKind> out;
    for (const auto& event : events) {
        out.push_back(event.kind);
    }
    return out;
}

// The stored POV, every field of it, as text to compare.
std::string to_json_text(Fixture& f, std::int64_t id)
{
    const auto pov = f.store->find(id);
    REQUIRE(pov);
    return to_json(*pov).dump();
}

// The database and its WAL as bytes: the same bytes prove that a command wrote nothing.
std::string db_bytes(Fixture& f)
{
    return test::read_bytes(f.dir / "pov.db") + test::read_bytes(f.dir / "pov.db-wal");
}

// Checks that `operation` fails with `code` and leaves the POV and its audit log as they were.
template <typename Operation> void check_fails_unchanged(Fixture& f, std::int64_t id, Exit code, Operation&& operation)
{
    const auto before = to_json_text(f, id);
    const auto events = f.event_count(id);
    const auto error = error_of(std::forward<Operation>(operation));
    REQUIRE(error);
    CHECK(error->code() == code);
    CHECK(to_json_text(f, id) == before);
    CHECK(f.event_count(id) == events);
}

} // namespace

TEST_CASE("create stores a new POV and its created event")
{
    Fixture f;
    const auto outcome = f.tracker.create(qualifying_fields(), two_capabilities);
    const auto& pov = outcome.pov;
    CHECK(pov.id == 1);
    CHECK(pov.status == Status::new_);
    CHECK(pov.name == "Acme POV");
    CHECK(pov.stage == 3);
    CHECK(pov.created_on == day(today_text));
    CHECK(pov.uuid.size() == 36);
    CHECK(outcome.warnings.empty());
    REQUIRE(pov.capabilities.size() == 2);
    CHECK(pov.capabilities[1].n == 2);
    CHECK(pov.capabilities[1].title == "SAST on every merge request");
    CHECK(pov.capabilities[1].status == CapabilityStatus::pending);

    const auto events = f.store->events(pov.id);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::created);
    CHECK(events[0].at == now_text);
    CHECK(events[0].changes.at("name") == Json::array({nullptr, "Acme POV"}));
    CHECK(events[0].changes.at("end") == Json::array({nullptr, "2026-03-30"}));
    CHECK(events[0].changes.at("capabilities.2").at(1).at("title") == "SAST on every merge request");

    CHECK(created(f, "Second") == 2);
    CHECK(created(f, "Third") == 3);
}

TEST_CASE("create takes the typed forms of values")
{
    Fixture f;
    const auto pov = f.tracker
                         .create({{"name", "N"},
                                  {"account", "A"},
                                  {"sa", "S"},
                                  {"net_arr", "$1.2M"},
                                  {"start", "+7d"},
                                  {"end", "+21d"},
                                  {"strategic", "yes"}},
                                 {})
                         .pov;
    CHECK(pov.net_arr == 1200000);
    CHECK(pov.start == day("2026-03-09"));
    CHECK(pov.end == day("2026-03-23"));
    CHECK(pov.strategic);
}

TEST_CASE("a create that breaks a rule writes nothing")
{
    Fixture f;
    CHECK_EXIT(f.tracker.create({{"name", "N"}, {"account", "A"}}, {}), Exit::invalid); // no SA
    CHECK_EXIT(f.tracker.create({{"name", "N"}, {"account", "A"}, {"sa", "S"}, {"type", "lite"}}, {}), Exit::invalid);
    CHECK_EXIT(f.tracker.create({{"name", "N"}, {"account", "A"}, {"sa", "S"}, {"stage", "three"}}, {}), Exit::usage);
    CHECK_EXIT(f.tracker.create({{"name", "N"}, {"account", "A"}, {"sa", "S"}, {"status", "closed"}}, {}), Exit::usage);
    CHECK_EXIT(f.tracker.create(
                   {{"name", "N"}, {"account", "A"}, {"sa", "S"}, {"start", "2026-03-02"}, {"end", "2026-05-10"}}, {}),
               Exit::invalid);
    const std::vector<NewCapability> six(6, NewCapability{"criterion", "", ""});
    CHECK_EXIT(f.tracker.create({{"name", "N"}, {"account", "A"}, {"sa", "S"}}, six), Exit::invalid);
    CHECK(f.store->all(true).empty());
    CHECK(created(f) == 1);
}

TEST_CASE("creating a lite POV warns that lite is deprecated")
{
    Fixture f;
    const auto outcome = f.tracker.create(
        {{"name", "N"}, {"account", "A"}, {"sa", "S"}, {"type", "lite"}, {"segment", "commercial"}}, {});
    CHECK(outcome.pov.type == PovType::lite);
    REQUIRE(outcome.warnings.size() == 1);
    CHECK(contains(outcome.warnings[0], "deprecated"));
}

TEST_CASE("the whole lifecycle: new, qualified, in progress, closed")
{
    Fixture f;
    const auto id = created(f);
    CHECK(f.tracker.get(id).status == Status::new_);

    const auto dry = f.tracker.qualify(id, true);
    CHECK_FALSE(dry.qualification.qualified); // no sign-offs yet
    CHECK(f.tracker.get(id).status == Status::new_);

    f.tracker.sign_off(id, Signer::champion, std::nullopt);
    const auto signed_off = f.tracker.sign_off(id, Signer::economic_buyer, day("2026-03-01")).pov;
    CHECK(signed_off.champion_signoff == day(today_text));
    CHECK(signed_off.eb_signoff == day("2026-03-01"));

    const auto rehearsal = f.tracker.qualify(id, true);
    CHECK(rehearsal.qualification.qualified);
    CHECK_FALSE(rehearsal.status_changed);
    CHECK(f.tracker.get(id).status == Status::new_);

    const auto qualification = f.tracker.qualify(id, false);
    CHECK(qualification.status_changed);
    CHECK(f.tracker.get(id).status == Status::qualified);
    CHECK(f.last_event(id).changes.at("status") == Json::array({"new", "qualified"}));
    const auto again = f.tracker.qualify(id, false); // already qualified: unchanged, nothing recorded
    CHECK_FALSE(again.status_changed);

    const auto start = f.tracker.start(id, std::nullopt, false).pov;
    CHECK(start.status == Status::in_progress);
    CHECK(start.started_on == day(today_text));
    CHECK(f.last_event(id).changes.at("status") == Json::array({"qualified", "in_progress"}));
    CHECK(f.last_event(id).detail.empty());

    finish_capabilities(f, id);
    const auto closed =
        f.tracker.close(id, {Result::successful, "all criteria proven", "", std::nullopt, std::nullopt}).pov;
    CHECK(closed.status == Status::closed);
    CHECK(closed.result == Result::successful);
    CHECK(closed.closed_on == day(today_text));
    CHECK(closed.reason == "all criteria proven");
    CHECK(f.last_event(id).changes.at("result") == Json::array({nullptr, "successful"}));

    CHECK(kinds(f.tracker.history(id)) ==
          std::vector<EventKind>{EventKind::created, EventKind::signed_off, EventKind::signed_off, EventKind::qualified,
                                 EventKind::started, EventKind::updated, EventKind::updated, EventKind::closed});
    for (const auto& event : f.tracker.history(id)) {
        CHECK(event.at == now_text);
    }
}

TEST_CASE("a POV that fails qualification stays new and records nothing")
{
    Fixture f;
    const auto id = f.tracker.create({{"name", "N"}, {"account", "A"}, {"sa", "S"}}, {}).pov.id;
    const auto outcome = f.tracker.qualify(id, false);
    CHECK_FALSE(outcome.qualification.qualified);
    CHECK_FALSE(outcome.status_changed);
    CHECK(outcome.qualification.checks.size() == 10);
    CHECK(f.tracker.get(id).status == Status::new_);
    CHECK(f.event_count(id) == 1);
}

TEST_CASE("only a qualified POV starts")
{
    Fixture f;
    const auto id = created(f);
    check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.start(id, std::nullopt, false); });
    check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.start(id, std::nullopt, true); });

    const auto running = started(f, "Running");
    check_fails_unchanged(f, running, Exit::conflict, [&] { f.tracker.start(running, std::nullopt, false); });
}

TEST_CASE("a start date may not lie in the future")
{
    Fixture f;
    const auto id = qualified(f);
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.start(id, day("2026-03-03"), false); });
    CHECK(f.tracker.start(id, day("2026-03-01"), false).pov.started_on == day("2026-03-01"));
}

TEST_CASE("an SA runs at most rules.max_concurrent_per_sa POVs unless forced")
{
    Fixture f;
    started(f, "one");
    started(f, "two");
    started(f, "three");
    const auto fourth = qualified(f, "four");
    const auto error = error_of([&] { f.tracker.start(fourth, std::nullopt, false); });
    REQUIRE(error);
    CHECK(error->code() == Exit::conflict);
    CHECK(contains(error->what(), "--force"));
    CHECK(f.tracker.get(fourth).status == Status::qualified);

    SECTION("another SA is not held back")
    {
        const auto other = qualified(f, "other", "Ria");
        CHECK_EXIT(f.tracker.start(other, std::nullopt, false), Exit::ok);
    }
    SECTION("--force starts it, and a forced event records it after the started event")
    {
        const auto events = f.event_count(fourth);
        const auto outcome = f.tracker.start(fourth, std::nullopt, true);
        CHECK(outcome.pov.status == Status::in_progress);
        CHECK_FALSE(outcome.warnings.empty());
        CHECK(f.event_count(fourth) == events + 2);
        const auto event = f.last_event(fourth);
        CHECK(event.kind == EventKind::forced);
        CHECK(contains(event.detail, "concurrency limit"));
        CHECK(f.tracker.sa_load().at("Sam") == 4);
        const auto risks = f.tracker.risks_of(outcome.pov);
        CHECK(std::find(risks.begin(), risks.end(), Risk::over_limit) != risks.end());
    }
    SECTION("the limit comes from the config")
    {
        f.config.max_concurrent_per_sa = 4;
        CHECK_EXIT(f.tracker.start(fourth, std::nullopt, false), Exit::ok);
        CHECK(f.last_event(fourth).detail.empty());
    }
    SECTION("a closed POV frees its slot")
    {
        finish_capabilities(f, 1);
        f.tracker.close(1, {Result::successful, "done", "", std::nullopt, std::nullopt});
        CHECK_EXIT(f.tracker.start(fourth, std::nullopt, false), Exit::ok);
    }
}

TEST_CASE("with rules.require_approval a POV starts only once approved")
{
    Fixture f;
    f.config.require_approval = true;
    const auto id = qualified(f);
    check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.start(id, std::nullopt, false); });
    const auto approved = f.tracker.approve(id, "Morgan Manager").pov;
    CHECK(approved.approved_by == "Morgan Manager");
    CHECK(approved.approved_on == day(today_text));
    CHECK(f.last_event(id).kind == EventKind::approved);
    CHECK_EXIT(f.tracker.start(id, std::nullopt, false), Exit::ok);
}

TEST_CASE("extend needs an in-progress POV and a later end within the type's ceiling")
{
    Fixture f;
    const auto waiting = qualified(f, "waiting");
    check_fails_unchanged(f, waiting, Exit::conflict,
                          [&] { f.tracker.extend(waiting, day("2026-04-10"), "more time"); });

    const auto id = started(f); // 2026-03-02 → 2026-03-30
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.extend(id, day("2026-03-30"), "same day"); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.extend(id, day("2026-03-20"), "earlier"); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.extend(id, day("2026-05-02"), "61 days"); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.extend(id, day("2026-04-10"), ""); });

    const auto outcome = f.tracker.extend(id, day("2026-04-10"), "customer holidays");
    CHECK(outcome.pov.end == day("2026-04-10"));
    CHECK(outcome.warnings.empty());
    REQUIRE(outcome.pov.extensions.size() == 1);
    const auto& extension = outcome.pov.extensions[0];
    CHECK(extension.from == day("2026-03-30"));
    CHECK(extension.to == day("2026-04-10"));
    CHECK(extension.reason == "customer holidays");
    CHECK(extension.on == day(today_text));
    const auto event = f.last_event(id);
    CHECK(event.kind == EventKind::extended);
    CHECK(event.changes.at("end") == Json::array({"2026-03-30", "2026-04-10"}));

    SECTION("up to exactly the ceiling with extensions (60 days for guided)")
    {
        CHECK(f.tracker.extend(id, day("2026-05-01"), "last one").pov.end == day("2026-05-01"));
    }
    SECTION("a second extension warns of the endless extension")
    {
        const auto second = f.tracker.extend(id, day("2026-04-20"), "again");
        REQUIRE(second.warnings.size() == 1);
        CHECK(contains(second.warnings[0], "endless extension"));
        CHECK(second.pov.extensions.size() == 2);
        const auto risks = f.tracker.risks_of(second.pov);
        CHECK(std::find(risks.begin(), risks.end(), Risk::endless_extension) != risks.end());
    }
}

TEST_CASE("close needs every capability to have a final status")
{
    Fixture f;
    const auto id = started(f);
    const auto error = error_of([&] {
        f.tracker.close(id, {Result::successful, "done", "", std::nullopt, std::nullopt});
    });
    REQUIRE(error);
    CHECK(error->code() == Exit::conflict);
    CHECK(contains(error->what(), "2 pending"));
    REQUIRE(error->details().size() == 2);
    CHECK(contains(error->details()[0], "pov cap set 1 1"));
    CHECK(contains(error->details()[0], "Pipeline under 10 minutes"));
    CHECK(contains(error->details()[1], "pov cap set 1 2"));
    CHECK(contains(error->details()[1], "SAST on every merge request"));

    f.tracker.change_capability(id, 1, status_to(CapabilityStatus::met));
    const auto one = error_of([&] {
        f.tracker.close(id, {Result::successful, "done", "", std::nullopt, std::nullopt});
    });
    REQUIRE(one);
    REQUIRE(one->details().size() == 1);
    CHECK(contains(one->details()[0], "pov cap set 1 2"));
    check_fails_unchanged(f, id, Exit::conflict, [&] {
        f.tracker.close(id, {Result::successful, "done", "", std::nullopt, std::nullopt});
    });
}

TEST_CASE("close needs an in-progress POV and a reason")
{
    Fixture f;
    const auto waiting = qualified(f, "waiting");
    check_fails_unchanged(f, waiting, Exit::conflict, [&] {
        f.tracker.close(waiting, {Result::successful, "done", "", std::nullopt, std::nullopt});
    });
    const auto id = started(f);
    finish_capabilities(f, id);
    check_fails_unchanged(f, id, Exit::invalid, [&] {
        f.tracker.close(id, {Result::successful, "", "", std::nullopt, std::nullopt});
    });
    f.tracker.close(id, {Result::successful, "done", "", std::nullopt, std::nullopt});
    check_fails_unchanged(f, id, Exit::conflict, // close a closed one
                          [&] {
                              f.tracker.close(id, {Result::successful, "done", "", std::nullopt, std::nullopt});
                          });
}

TEST_CASE("an unsuccessful close keeps the loss type and competitor")
{
    Fixture f;
    const auto id = started(f);
    finish_capabilities(f, id);
    check_fails_unchanged(f, id, Exit::invalid, [&] {
        f.tracker.close(id, {Result::successful, "won", "", LossType::technical, std::nullopt});
    });
    const auto pov =
        f.tracker.close(id, {Result::unsuccessful, "went with Rival", "Rival Inc.", LossType::technical, std::nullopt})
            .pov;
    CHECK(pov.result == Result::unsuccessful);
    CHECK(pov.loss_type == LossType::technical);
    CHECK(pov.competitor == "Rival Inc.");
    CHECK(f.last_event(id).changes.at("loss_type") == Json::array({nullptr, "technical"}));
}

TEST_CASE("a close date may not lie in the future nor before the start")
{
    Fixture f;
    const auto id = started(f);
    finish_capabilities(f, id);
    check_fails_unchanged(f, id, Exit::invalid, [&] {
        f.tracker.close(id, {Result::successful, "done", "", std::nullopt, day("2026-03-03")});
    });
    check_fails_unchanged(f, id, Exit::invalid, [&] {
        f.tracker.close(id, {Result::successful, "done", "", std::nullopt, day("2026-03-01")});
    });
    CHECK(f.tracker.close(id, {Result::successful, "done", "", std::nullopt, day(today_text)}).pov.closed_on ==
          day(today_text));
}

TEST_CASE("cancel ends an open POV; reopen returns it to the state it left")
{
    Fixture f;
    SECTION("cancel a new POV, reopen it as new")
    {
        const auto id = created(f);
        const auto cancelled = f.tracker.cancel(id, "customer reorganised").pov;
        CHECK(cancelled.status == Status::cancelled);
        CHECK(cancelled.closed_on == day(today_text));
        CHECK(cancelled.reason == "customer reorganised");
        CHECK(f.last_event(id).kind == EventKind::cancelled);
        check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.cancel(id, "again"); });
        check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.start(id, std::nullopt, true); });
        CHECK(f.tracker.reopen(id, "back on").pov.status == Status::new_);
    }
    SECTION("cancelled from qualified, reopened as qualified")
    {
        const auto id = qualified(f);
        f.tracker.cancel(id, "paused");
        const auto reopened = f.tracker.reopen(id, "budget back").pov;
        CHECK(reopened.status == Status::qualified);
        CHECK_FALSE(reopened.closed_on);
        CHECK(f.last_event(id).kind == EventKind::reopened);
        CHECK(f.last_event(id).changes.at("status") == Json::array({"cancelled", "qualified"}));
    }
    SECTION("cancelled while in progress, reopened in progress")
    {
        const auto id = started(f);
        f.tracker.cancel(id, "paused");
        CHECK(f.tracker.reopen(id, "resumed").pov.status == Status::in_progress);
    }
    SECTION("closed, reopened in progress without its result")
    {
        const auto id = started(f);
        finish_capabilities(f, id);
        f.tracker.close(id, {Result::unsuccessful, "lost", "Rival", LossType::technical, std::nullopt});
        const auto reopened = f.tracker.reopen(id, "they came back").pov;
        CHECK(reopened.status == Status::in_progress);
        CHECK_FALSE(reopened.result);
        CHECK_FALSE(reopened.loss_type);
        CHECK_FALSE(reopened.closed_on);
        CHECK(reopened.competitor.empty());
    }
    SECTION("an open POV cannot be reopened")
    {
        const auto id = created(f);
        check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.reopen(id, "why"); });
    }
}

TEST_CASE("a sixth capability is refused and nothing is written")
{
    Fixture f;
    const auto id = created(f);
    f.tracker.add_capability(id, {"third", "", ""});
    f.tracker.add_capability(id, {"fourth", "", ""});
    const auto fifth = f.tracker.add_capability(id, {"fifth", "t5", ""}).pov;
    CHECK(fifth.capabilities.size() == 5);
    CHECK(fifth.capabilities[4].n == 5);
    CHECK(f.last_event(id).changes.at("capabilities.5").at(1).at("title") == "fifth");
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.add_capability(id, {"sixth", "", ""}); });

    SECTION("a lowered rules.max_capabilities is the limit")
    {
        Fixture g;
        g.config.max_capabilities = 3;
        const auto small = created(g);
        g.tracker.add_capability(small, {"third", "", ""});
        check_fails_unchanged(g, small, Exit::invalid, [&] { g.tracker.add_capability(small, {"fourth", "", ""}); });
    }
    SECTION("a capability needs a title")
    {
        Fixture g;
        const auto other = created(g);
        check_fails_unchanged(g, other, Exit::invalid, [&] { g.tracker.add_capability(other, {"", "t", ""}); });
    }
}

TEST_CASE("changing the criteria after sign-off clears both sign-offs and unqualifies")
{
    Fixture f;
    const auto id = qualified(f);
    const std::vector<std::pair<const char*, std::function<Outcome()>>> changes = {
        {"retitle", [&] { return f.tracker.change_capability(id, 1, title_to("Pipeline under 5 minutes")); }},
        {"retarget", [&] { return f.tracker.change_capability(id, 2, target_to("90% of MRs")); }},
        {"add",
         [&] {
             return f.tracker.add_capability(id, {"DAST nightly", "", ""});
         }},
        {"remove", [&] { return f.tracker.remove_capability(id, 1); }},
    };
    for (const auto& [what, change] : changes) {
        SECTION(what)
        {
            const auto outcome = change();
            CHECK_FALSE(outcome.pov.champion_signoff);
            CHECK_FALSE(outcome.pov.eb_signoff);
            CHECK(outcome.pov.status == Status::new_);
            CHECK_FALSE(outcome.pov.criteria_creep);
            CHECK(outcome.warnings.size() == 2);
            const auto event = f.last_event(id);
            CHECK(event.kind == EventKind::criteria_changed);
            CHECK(event.changes.at("champion_signoff") == Json::array({today_text, nullptr}));
            CHECK(event.changes.at("eb_signoff") == Json::array({today_text, nullptr}));
            CHECK(event.changes.at("status") == Json::array({"qualified", "new"}));
            CHECK_FALSE(f.tracker.qualify(id, true).qualification.qualified);
        }
    }
}

TEST_CASE("a retitle records the capability's old and new title")
{
    Fixture f;
    const auto id = created(f);
    const auto outcome = f.tracker.change_capability(id, 1, title_to("Pipeline under 5 minutes"));
    CHECK(outcome.pov.capabilities[0].title == "Pipeline under 5 minutes");
    const auto event = f.last_event(id);
    CHECK(event.kind == EventKind::criteria_changed); // even without sign-offs to clear
    CHECK(event.changes.at("capabilities.1.title") ==
          Json::array({"Pipeline under 10 minutes", "Pipeline under 5 minutes"}));
}

TEST_CASE("removing a capability renumbers the rest")
{
    Fixture f;
    const auto id = created(f);
    f.tracker.add_capability(id, {"third", "", ""});
    const auto pov = f.tracker.remove_capability(id, 1).pov;
    REQUIRE(pov.capabilities.size() == 2);
    CHECK(pov.capabilities[0].n == 1);
    CHECK(pov.capabilities[0].title == "SAST on every merge request");
    CHECK(pov.capabilities[1].n == 2);
    CHECK(pov.capabilities[1].title == "third");
    check_fails_unchanged(f, id, Exit::not_found, [&] { f.tracker.remove_capability(id, 3); });
    check_fails_unchanged(f, id, Exit::not_found,
                          [&] { f.tracker.change_capability(id, 0, status_to(CapabilityStatus::met)); });
}

TEST_CASE("changing the criteria after start is criteria creep")
{
    Fixture f;
    const auto id = started(f);
    CHECK_FALSE(f.tracker.get(id).criteria_creep);
    const auto outcome = f.tracker.change_capability(id, 2, target_to("90% of MRs"));
    CHECK(outcome.pov.criteria_creep);
    CHECK(outcome.pov.status == Status::in_progress); // a running POV keeps running
    CHECK_FALSE(outcome.pov.champion_signoff);
    CHECK(f.last_event(id).changes.at("criteria_creep") == Json::array({false, true}));
    const auto risks = f.tracker.risks_of(outcome.pov);
    CHECK(std::find(risks.begin(), risks.end(), Risk::criteria_creep) != risks.end());
    CHECK(std::find(risks.begin(), risks.end(), Risk::unsigned_criteria) != risks.end());
}

TEST_CASE("a capability's status, evidence or outcome change keeps the sign-offs")
{
    Fixture f;
    const auto id = qualified(f);
    CapabilityChange change;
    change.outcome = "faster";
    change.status = CapabilityStatus::met;
    change.evidence = "run #42";
    const auto outcome = f.tracker.change_capability(id, 1, change);
    CHECK(outcome.pov.champion_signoff == day(today_text));
    CHECK(outcome.pov.eb_signoff == day(today_text));
    CHECK(outcome.pov.status == Status::qualified);
    CHECK(outcome.warnings.empty());
    CHECK(outcome.pov.capabilities[0].updated_on == day(today_text));
    const auto event = f.last_event(id);
    CHECK(event.kind == EventKind::updated);
    CHECK(event.changes.at("capabilities.1.status") == Json::array({"pending", "met"}));
    CHECK(event.changes.at("capabilities.1.evidence") == Json::array({nullptr, "run #42"}));
    CHECK_FALSE(event.changes.contains("champion_signoff"));

    SECTION("a change to nothing records nothing")
    {
        const auto events = f.event_count(id);
        f.tracker.change_capability(id, 1, status_to(CapabilityStatus::met));
        CHECK(f.event_count(id) == events);
    }
}

TEST_CASE("once started, end moves only by extend and start not at all")
{
    Fixture f;
    const auto id = started(f);
    check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.set(id, {{"end", "2026-04-05"}}); });
    check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.set(id, {{"end", ""}}); });
    check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.set(id, {{"start", "2026-03-01"}}); });
    CHECK_EXIT(f.tracker.set(id, {{"end", "2026-03-30"}}), Exit::ok); // the same end is no move

    const auto waiting = qualified(f, "waiting");
    CHECK(f.tracker.set(waiting, {{"end", "2026-04-05"}}).pov.end == day("2026-04-05"));
}

TEST_CASE("set records every changed field as [old, new]")
{
    Fixture f;
    const auto id = created(f);
    const auto events = f.event_count(id);
    const auto pov = f.tracker.set(id, {{"net_arr", "150k"}, {"pain", ""}, {"owner", "Olive"}, {"stage", "3"}}).pov;
    CHECK(pov.net_arr == 150000);
    CHECK(pov.pain.empty());
    CHECK(f.event_count(id) == events + 1);
    const auto event = f.last_event(id);
    CHECK(event.kind == EventKind::updated);
    CHECK(event.at == now_text);
    CHECK(event.changes == Json{{"net_arr", Json::array({nullptr, 150000})}, // in section-2 order
                                {"owner", Json::array({nullptr, "Olive"})},
                                {"pain", Json::array({"two-week releases", nullptr})}});

    SECTION("a set that changes nothing records nothing")
    {
        f.tracker.set(id, {{"owner", "Olive"}});
        CHECK(f.event_count(id) == events + 1);
    }
    SECTION("a single-value field given twice takes the last value")
    {
        CHECK(f.tracker.set(id, {{"owner", "First"}, {"owner", "Last"}}).pov.owner == "Last");
    }
}

TEST_CASE("a failing set writes nothing, not even its valid fields")
{
    Fixture f;
    const auto id = created(f);
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.set(id, {{"name", "New name"}, {"stage", "9"}}); });
    check_fails_unchanged(f, id, Exit::usage, [&] { f.tracker.set(id, {{"name", "New name"}, {"net_arr", "lots"}}); });
    check_fails_unchanged(f, id, Exit::usage, [&] { f.tracker.set(id, {{"name", "New name"}, {"status", "closed"}}); });
    check_fails_unchanged(f, id, Exit::usage, [&] { f.tracker.set(id, {{"name", "New name"}, {"colour", "red"}}); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.set(id, {{"name", "New name"}, {"sa", ""}}); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.set(id, {{"name", "bad\x1b[2J"}}); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.set(id, {{"solution", "blockchain"}}); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.set(id, {{"type", "lite"}}); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.set(id, {{"end", "2026-05-10"}}); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.set(id, {{"name", std::string(10'001, 'n')}}); });
}

TEST_CASE("sign-off needs a named signer and criteria, on a day not in the future")
{
    Fixture f;
    const auto bare = f.tracker.create({{"name", "N"}, {"account", "A"}, {"sa", "S"}}, {}).pov.id;
    check_fails_unchanged(f, bare, Exit::conflict, [&] { f.tracker.sign_off(bare, Signer::champion, std::nullopt); });
    f.tracker.set(bare, {{"champion", "Chris"}});
    check_fails_unchanged(f, bare, Exit::conflict, [&] { f.tracker.sign_off(bare, Signer::champion, std::nullopt); });

    const auto id = created(f);
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.sign_off(id, Signer::champion, day("2026-03-03")); });
    f.tracker.sign_off(id, Signer::champion, std::nullopt);
    const auto event = f.last_event(id);
    CHECK(event.kind == EventKind::signed_off);
    CHECK(event.changes.at("champion_signoff") == Json::array({nullptr, today_text}));
}

TEST_CASE("log and retro append to the journal with a logged event")
{
    Fixture f;
    const auto id = started(f);
    const auto logged = f.tracker.log(id, test::hostile_multiline).pov;
    REQUIRE(logged.journal.size() == 1);
    CHECK(logged.journal[0].text == test::hostile_multiline);
    CHECK(logged.journal[0].on == day(today_text));
    CHECK(f.last_event(id).kind == EventKind::logged);
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.log(id, ""); });
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.log(id, "raw \x1b[31m escape"); });

    const auto retro = f.tracker.retro(id, {"demo landed", "slow VPN", "earlier access", false, std::nullopt}).pov;
    REQUIRE(retro.journal.size() == 2);
    CHECK(retro.journal[1].kind == JournalKind::retro);
    for (const auto* part : {"demo landed", "slow VPN", "earlier access", "On track: no"}) {
        CHECK(contains(retro.journal[1].text, part));
    }
    const auto waiting = qualified(f, "waiting");
    check_fails_unchanged(f, waiting, Exit::conflict, [&] {
        f.tracker.retro(waiting, {"a", "b", "c", true, std::nullopt});
    });
}

TEST_CASE("journal edit corrects an entry, audited as journal_changed with old and new values")
{
    Fixture f;
    const auto id = started(f);
    f.tracker.log(id, "kickoff", day("2026-03-01"));
    f.tracker.log(id, "tpyo in the note");
    JournalChange change;
    change.text = "typo fixed";
    change.shared = true;
    const auto pov = f.tracker.edit_journal(id, 2, change).pov;
    REQUIRE(pov.journal.size() == 2);
    CHECK(pov.journal[1].text == "typo fixed");
    CHECK(pov.journal[1].shared);
    const auto event = f.last_event(id);
    CHECK(event.kind == EventKind::journal_changed);
    CHECK(event.changes.at("journal.2.text") == Json::array({"tpyo in the note", "typo fixed"}));
    CHECK(event.changes.at("journal.2.shared") == Json::array({false, true}));
    CHECK_FALSE(event.changes.contains("journal.2.on"));

    // A new day keeps the journal in date order, as `pov journal` numbers it.
    JournalChange earlier;
    earlier.on = day("2026-02-27");
    const auto moved = f.tracker.edit_journal(id, 2, earlier).pov;
    CHECK(moved.journal[0].text == "typo fixed");
    CHECK(moved.journal[1].text == "kickoff");
    CHECK(f.store->find(id)->journal[0].text == "typo fixed");

    // The same values change nothing and write nothing.
    const auto events = f.event_count(id);
    CHECK(f.tracker.edit_journal(id, 1, earlier).changed.empty());
    CHECK(f.event_count(id) == events);
}

TEST_CASE("journal corrections are checked: the entry exists, the day is past, only notes are shared")
{
    Fixture f;
    const auto id = started(f);
    f.tracker.log(id, "note");
    f.tracker.retro(id, {"a", "b", "c", true, std::nullopt});
    JournalChange text;
    text.text = "x";
    for (const std::int64_t n : {0, 3, -1}) {
        const auto error = error_of([&] { f.tracker.edit_journal(id, n, text); });
        REQUIRE(error);
        CHECK(error->code() == Exit::invalid);
        CHECK(contains(error->what(), "no journal entry " + std::to_string(n)));
        CHECK(contains(error->what(), "entries 1–2"));
    }
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.remove_journal(id, 3); });
    JournalChange future;
    future.on = day("2026-03-03");
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.edit_journal(id, 1, future); });
    JournalChange blank;
    blank.text = "  ";
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.edit_journal(id, 1, blank); });
    JournalChange shared;
    shared.shared = true;
    check_fails_unchanged(f, id, Exit::invalid, [&] { f.tracker.edit_journal(id, 2, shared); });

    const auto empty = started(f, "empty", "Kim");
    const auto error = error_of([&] { f.tracker.remove_journal(empty, 1); });
    REQUIRE(error);
    CHECK(contains(error->what(), "its journal is empty"));
    f.tracker.log(empty, "only one");
    const auto one = error_of([&] { f.tracker.remove_journal(empty, 2); });
    REQUIRE(one);
    CHECK(contains(one->what(), "it has only entry 1"));
}

TEST_CASE("journal rm removes an entry, audited with its old value")
{
    Fixture f;
    const auto id = started(f);
    f.tracker.log(id, "first");
    f.tracker.log(id, "entered twice");
    f.tracker.log(id, "third");
    const auto pov = f.tracker.remove_journal(id, 2).pov;
    REQUIRE(pov.journal.size() == 2);
    CHECK(pov.journal[0].text == "first");
    CHECK(pov.journal[1].text == "third");
    const auto event = f.last_event(id);
    CHECK(event.kind == EventKind::journal_changed);
    CHECK(event.changes.at("journal.2").at(0).at("text") == "entered twice");
    CHECK(event.changes.at("journal.2").at(1).is_null());
    CHECK(f.store->find(id)->journal.size() == 2);
}

TEST_CASE("a POV that does not exist is not found")
{
    Fixture f;
    CHECK_EXIT(f.tracker.get(42), Exit::not_found);
    CHECK_EXIT(f.tracker.history(42), Exit::not_found);
    CHECK_EXIT(f.tracker.set(42, {{"owner", "x"}}), Exit::not_found);
    CHECK_EXIT(f.tracker.start(42, std::nullopt, false), Exit::not_found);
    CHECK_EXIT(f.tracker.qualify(42, false), Exit::not_found);
    CHECK_EXIT(f.tracker.add_capability(42, {"t", "", ""}), Exit::not_found);
    CHECK(f.store->all(true).empty());
}

TEST_CASE("list and sa_load read through the tracker")
{
    Fixture f;
    started(f, "one");
    created(f, "two", "Ria");
    ListFilter filter;
    filter.statuses = {Status::in_progress};
    const auto running = f.tracker.list(filter);
    REQUIRE(running.size() == 1);
    CHECK(running[0].name == "one");
    CHECK(f.tracker.sa_load() == std::map<std::string, int>{{"Sam", 1}});
}

// Bug: `pov set ID --stage 4294967299` stores stage 3 (the int narrowing of 2^32 + 3) instead of
// exiting 3: stage must be 0–8.
TEST_CASE("a stage far out of range is refused by set")
{
    Fixture f;
    const auto id = f.tracker.create({{"name", "N"}, {"account", "A"}, {"sa", "S"}}, {}).pov.id;
    const auto error = error_of([&] { f.tracker.set(id, {{"stage", "4294967299"}}); });
    REQUIRE(error);
    CHECK(error->code() == Exit::invalid);
    CHECK_FALSE(f.tracker.get(id).stage);
}

// Bug (see the store test "a store sees what another connection committed between its
// transactions"): `pov set` calls get() then set(); when another process commits in between,
// set() fails with "database … is busy" (exit 6) though no lock is held.
TEST_CASE("a write after a read succeeds when another process wrote in between")
{
    Fixture f;
    const auto id = created(f);
    auto other = open_store({(f.dir / "pov.db").string(), OpenMode::create, 200});
    Tracker someone_else(*other, f.config, Clock{day(today_text), now_text});

    f.tracker.get(id);
    someone_else.set(id, {{"owner", "Olive"}});
    const auto error = error_of([&] { f.tracker.set(id, {{"csm", "Casey"}}); });
    CHECK_FALSE(error);
    const auto pov = f.tracker.get(id);
    CHECK(pov.owner == "Olive");
    CHECK(pov.csm == "Casey");
}

TEST_CASE("handing a running POV to an SA at the limit is refused like a start")
{
    Fixture f;
    started(f, "one", "Ria");
    started(f, "two", "Ria");
    started(f, "three", "Ria");
    const auto mine = started(f, "mine", "Sam");
    check_fails_unchanged(f, mine, Exit::conflict, [&] { f.tracker.set(mine, {{"sa", "Ria"}}); });
    // A POV that is not running may change hands freely.
    const auto waiting = qualified(f, "waiting", "Sam");
    CHECK(f.tracker.set(waiting, {{"sa", "Ria"}}).pov.sa == "Ria");
}

TEST_CASE("reopening into progress obeys the SA's limit unless forced")
{
    Fixture f;
    const auto done = started(f, "done");
    f.tracker.change_capability(done, 1, {{}, {}, {}, CapabilityStatus::met, {}});
    f.tracker.change_capability(done, 2, {{}, {}, {}, CapabilityStatus::met, {}});
    f.tracker.close(done, {Result::successful, "won", "", std::nullopt, std::nullopt});
    started(f, "one");
    started(f, "two");
    started(f, "three");
    check_fails_unchanged(f, done, Exit::conflict, [&] { f.tracker.reopen(done, "customer came back"); });
    const auto outcome = f.tracker.reopen(done, "customer came back", true);
    CHECK(outcome.pov.status == Status::in_progress);
    CHECK(f.last_event(done).kind == EventKind::forced);
}

TEST_CASE("a new champion or economic buyer has not signed off")
{
    Fixture f;
    const auto id = qualified(f);
    const auto outcome = f.tracker.set(id, {{"champion", "Someone Else"}});
    CHECK_FALSE(outcome.pov.champion_signoff);
    CHECK(outcome.pov.eb_signoff); // the economic buyer is the same person
    CHECK(outcome.pov.status == Status::new_);
    CHECK_FALSE(outcome.pov.qualified_on);
    REQUIRE_FALSE(outcome.warnings.empty());
    CHECK(contains(outcome.warnings.front(), "signoffs"));
}

TEST_CASE("a qualified POV whose dates are cleared is new again and cannot start")
{
    Fixture f;
    const auto id = qualified(f);
    CHECK(f.tracker.get(id).qualified_on == day(today_text));
    const auto outcome = f.tracker.set(id, {{"start", ""}, {"end", ""}});
    CHECK(outcome.pov.status == Status::new_);
    check_fails_unchanged(f, id, Exit::conflict, [&] { f.tracker.start(id, std::nullopt, false); });
}

TEST_CASE("a config tightened after the fact does not lock a POV")
{
    Fixture f;
    const auto id = f.tracker
                        .create({{"name", "N"}, {"account", "A"}, {"sa", "S"}},
                                {{"one", "", ""}, {"two", "", ""}, {"three", "", ""}, {"four", "", ""}})
                        .pov.id;
    Config strict = f.config;
    strict.max_capabilities = 2;
    Tracker tighter{*f.store, strict, Clock{day(today_text), now_text}};
    // What does not add to the problem goes through: notes, fewer criteria, cancelling.
    CHECK_EXIT(tighter.log(id, "still here"), Exit::ok);
    CHECK(tighter.remove_capability(id, 4).pov.capabilities.size() == 3);
    // What breaks another rule, or the same rule anew, does not.
    CHECK_EXIT(tighter.set(id, {{"stage", "9"}}), Exit::invalid);
    CHECK_EXIT(tighter.cancel(id, "budget frozen"), Exit::ok);
}

TEST_CASE("qualify writes only when a new POV becomes qualified")
{
    Fixture f;
    const auto id = created(f);
    auto bytes = db_bytes(f);
    CHECK_FALSE(f.tracker.qualify(id, false).qualification.qualified); // no sign-offs yet
    CHECK(db_bytes(f) == bytes);

    f.tracker.sign_off(id, Signer::champion, std::nullopt);
    f.tracker.sign_off(id, Signer::economic_buyer, std::nullopt);
    bytes = db_bytes(f);
    const auto dry = f.tracker.qualify(id, true);
    CHECK(dry.qualification.qualified);
    CHECK_FALSE(dry.status_changed);
    CHECK(dry.pov.status == Status::new_);
    CHECK(db_bytes(f) == bytes);

    const auto passed = f.tracker.qualify(id, false);
    CHECK(passed.status_changed);
    CHECK(passed.pov.status == Status::qualified);
    CHECK(passed.pov.qualified_on == day(today_text));
    CHECK(db_bytes(f) != bytes);
    const auto event = f.last_event(id);
    CHECK(event.kind == EventKind::qualified);
    CHECK(event.at == now_text);
    CHECK(event.changes.size() == 2);
    CHECK(event.changes.at("qualified_on") == Json::array({nullptr, today_text}));

    bytes = db_bytes(f);
    CHECK_FALSE(f.tracker.qualify(id, false).status_changed); // already qualified: nothing to write
    CHECK(db_bytes(f) == bytes);
}

TEST_CASE("qualify --dry-run takes only a read transaction: it runs while another process writes")
{
    Fixture f;
    const auto id = created(f);
    f.tracker.sign_off(id, Signer::champion, std::nullopt);
    f.tracker.sign_off(id, Signer::economic_buyer, std::nullopt);
    auto impatient_store = open_store({(f.dir / "pov.db").string(), OpenMode::existing, 100});
    Tracker impatient(*impatient_store, f.config, Clock{day(today_text), now_text});
    auto writer = open_store({(f.dir / "pov.db").string(), OpenMode::existing, 5000});
    writer->transaction(Store::Lock::write, [&] {
        CHECK(impatient.qualify(id, true).qualification.qualified);
        CHECK_EXIT(impatient.qualify(id, false), Exit::storage); // a real qualify waits for the write lock
    });
    CHECK(f.tracker.get(id).status == Status::new_);
}

TEST_CASE("a change that changes nothing writes nothing")
{
    Fixture f;
    const auto id = qualified(f);
    f.tracker.set(id, {{"owner", "Olive"}});
    f.tracker.approve(id, "Morgan Manager");
    const auto bytes = db_bytes(f);
    const auto events = f.event_count(id);
    f.tracker.set(id, {{"owner", "Olive"}});
    f.tracker.approve(id, "Morgan Manager");
    f.tracker.change_capability(id, 1, status_to(CapabilityStatus::pending));
    CHECK(db_bytes(f) == bytes);
    CHECK(f.event_count(id) == events);
}
