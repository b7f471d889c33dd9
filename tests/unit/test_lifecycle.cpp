// The state machine of contract section 5 and the status consequences of section 4, as pure
// functions: no database, every refusal with its exit code and the message the user sees.
#include "sample.hpp"

#include "pov/lifecycle.hpp"

#include <fmt/format.h>

using namespace pov;
using test::day;
using test::error_of;
using test::qualifying_pov;

namespace {

const Date today = day("2026-03-02");
const Config defaults{};

// The message of the pov::Error `work` throws; empty when it throws none.
template <typename Work> std::string message_of(Work&& work)
{
    const auto error = error_of(std::forward<Work>(work));
    return error ? error->what() : "";
}

Pov with_status(Status status)
{
    auto pov = qualifying_pov();
    pov.status = status;
    return pov;
}

// A guided POV running since its planned start: 2026-03-02 → 2026-03-30.
Pov running_pov()
{
    auto pov = with_status(Status::in_progress);
    pov.started_on = day("2026-03-02");
    return pov;
}

// A running POV whose every capability has a final status.
Pov finished_pov()
{
    auto pov = running_pov();
    for (auto& capability : pov.capabilities) {
        capability.status = CapabilityStatus::met;
    }
    return pov;
}

CloseRequest won(std::optional<Date> on = std::nullopt)
{
    return {Result::successful, "all criteria proven", "", std::nullopt, on};
}

// A close or cancel event that moved the POV from `from` to `to`.
Event leaving(EventKind kind, const std::string& from, const std::string& to)
{
    return {"2026-03-01T10:00:00Z", kind, Json{{"status", Json::array({from, to})}}, "why"};
}

const std::vector<Status> open_states = {Status::new_, Status::qualified, Status::in_progress};
const std::vector<Status> ended_states = {Status::closed, Status::cancelled};

} // namespace

TEST_CASE("lifecycle: an --on day defaults to today and may not lie in the future")
{
    CHECK(past_or_today(std::nullopt, today) == today);
    CHECK(past_or_today(day("2026-03-01"), today) == day("2026-03-01"));
    CHECK(past_or_today(day("2019-01-01"), today) == day("2019-01-01")); // no lower bound: back-filled sign-offs
    CHECK(past_or_today(today, today) == today);
    CHECK_EXIT(past_or_today(day("2026-03-03"), today), Exit::invalid);
    CHECK(message_of([] { (void)past_or_today(day("2026-03-03"), today); }) ==
          "--on 2026-03-03 lies in the future; today is 2026-03-02");
}

TEST_CASE("lifecycle: sign-offs, approval and criteria changes need an open POV")
{
    for (const auto status : open_states) {
        CHECK_EXIT(require_open(with_status(status), "a sign-off"), Exit::ok);
    }
    for (const auto status : ended_states) {
        CHECK_EXIT(require_open(with_status(status), "a sign-off"), Exit::conflict);
    }
    CHECK(message_of([] { require_open(with_status(Status::closed), "approval"); }) ==
          "POV 7 is closed; approval needs an open POV (reopen it first: pov reopen 7 --reason TEXT)");
    CHECK(message_of([] { require_open(with_status(Status::cancelled), "a sign-off"); }) ==
          "POV 7 is cancelled; a sign-off needs an open POV (reopen it first: pov reopen 7 --reason TEXT)");
}

TEST_CASE("lifecycle: the SA's concurrency limit")
{
    const auto pov = running_pov();
    SECTION("below the limit every change goes ahead, unforced")
    {
        for (const auto force : {Force::not_offered, Force::not_given, Force::given}) {
            CHECK_FALSE(check_concurrency_limit(pov, defaults, 2, force, "started"));
            CHECK_FALSE(check_concurrency_limit(pov, defaults, 0, force, "started"));
        }
    }
    SECTION("with a limit of 1, the message says 1 POV")
    {
        Config one = defaults;
        one.max_concurrent_per_sa = 1;
        const auto error = error_of([&] { (void)check_concurrency_limit(pov, one, 1, Force::not_offered, "started"); });
        REQUIRE(error);
        CHECK(std::string(error->what()) == "SA Sam Architect already runs 1 POV in progress (limit 1); close one "
                                            "first or give this POV to another SA");
    }
    SECTION("at the limit it is refused: pointing to another SA, or to --force where it is offered")
    {
        const std::vector<std::pair<Force, std::string>> refusals = {
            {Force::not_offered, "close one first or give this POV to another SA"},
            {Force::not_given, "close one first, or go ahead with --force (recorded)"},
        };
        for (const auto& refusal : refusals) {
            for (const int load : {3, 5}) {
                const auto error =
                    error_of([&] { (void)check_concurrency_limit(pov, defaults, load, refusal.first, "started"); });
                REQUIRE(error);
                CHECK(error->code() == Exit::conflict);
                CHECK(std::string(error->what()) == fmt::format("SA Sam Architect already runs {} POVs in progress "
                                                                "(limit 3); {}",
                                                                load, refusal.second));
            }
        }
    }
    SECTION("with --force it goes ahead and says what the forced event records")
    {
        const auto forced = check_concurrency_limit(pov, defaults, 3, Force::given, "reopened");
        REQUIRE(forced);
        CHECK(forced->detail ==
              "reopened beyond the concurrency limit: SA Sam Architect already runs 3 POVs in progress (limit 3)");
        CHECK(forced->warning ==
              "SA Sam Architect already runs 3 POVs in progress (limit 3); reopened anyway (--force, recorded)");
    }
    SECTION("the limit comes from the config")
    {
        Config config;
        config.max_concurrent_per_sa = 4;
        CHECK_FALSE(check_concurrency_limit(pov, config, 3, Force::not_given, "started"));
        CHECK_EXIT(check_concurrency_limit(pov, config, 4, Force::not_given, "started"), Exit::conflict);
        config.max_concurrent_per_sa = 1;
        CHECK_EXIT(check_concurrency_limit(pov, config, 1, Force::not_given, "started"), Exit::conflict);
    }
}

TEST_CASE("lifecycle: create makes a new POV that obeys every record rule; lite warns")
{
    const auto plain = can_create(test::minimal_pov(), defaults);
    CHECK(plain.to == Status::new_);
    CHECK(plain.warnings.empty());
    CHECK_FALSE(plain.forced);

    auto lite = test::minimal_pov();
    lite.type = PovType::lite;
    CHECK_EXIT(can_create(lite, defaults), Exit::invalid); // enterprise is the default segment
    lite.segment = Segment::commercial;
    const auto created = can_create(lite, defaults);
    CHECK(created.warnings == std::vector<std::string>{"lite POVs are deprecated; prefer a guided POV"});

    auto nameless = test::minimal_pov();
    nameless.name.clear();
    CHECK_EXIT(can_create(nameless, defaults), Exit::invalid);
}

TEST_CASE("lifecycle: once started, the planned end moves only by extend and the start not at all")
{
    for (const auto* field : {"start", "end", "owner", "sa", "net_arr"}) {
        CHECK_EXIT(can_change_field(with_status(Status::qualified), field), Exit::ok);
    }
    const auto running = running_pov();
    CHECK(message_of([&] { can_change_field(running, "end"); }) ==
          "POV 7 has started; its end moves only with pov extend 7 --to DATE --reason TEXT");
    CHECK(message_of([&] { can_change_field(running, "start"); }) == "POV 7 has started; its planned start is fixed");
    CHECK_EXIT(can_change_field(running, "end"), Exit::conflict);
    CHECK_EXIT(can_change_field(running, "start"), Exit::conflict);
    CHECK_EXIT(can_change_field(running, "owner"), Exit::ok);

    auto closed = running_pov();
    closed.status = Status::closed;
    CHECK_EXIT(can_change_field(closed, "end"), Exit::conflict); // it started once
}

TEST_CASE("lifecycle: handing a running POV to another SA obeys that SA's limit, without --force")
{
    const auto before = running_pov();
    auto after = before;
    after.sa = "Ria";
    CHECK_EXIT(can_hand_over(before, after, defaults, 2), Exit::ok);
    CHECK(message_of([&] { can_hand_over(before, after, defaults, 3); }) ==
          "SA Ria already runs 3 POVs in progress (limit 3); close one first or give this POV to another SA");
    CHECK_EXIT(can_hand_over(before, after, defaults, 3), Exit::conflict);

    SECTION("a POV that is not running changes hands freely")
    {
        auto waiting = with_status(Status::qualified);
        auto handed = waiting;
        handed.sa = "Ria";
        CHECK_EXIT(can_hand_over(waiting, handed, defaults, 9), Exit::ok);
    }
    SECTION("keeping the SA is no hand-over")
    {
        CHECK_EXIT(can_hand_over(before, before, defaults, 9), Exit::ok);
    }
}

TEST_CASE("lifecycle: a qualified POV that no longer passes drops back to new")
{
    SECTION("still passing: unchanged")
    {
        auto pov = with_status(Status::qualified);
        pov.qualified_on = day("2026-02-25");
        CHECK_FALSE(drop_back_unless_qualified(pov, defaults));
        CHECK(pov.status == Status::qualified);
        CHECK(pov.qualified_on == day("2026-02-25"));
    }
    SECTION("failing: new again, with a warning naming the first failing check")
    {
        auto pov = with_status(Status::qualified);
        pov.qualified_on = day("2026-02-25");
        pov.champion_signoff.reset();
        pov.technical_lead.clear();
        const auto warning = drop_back_unless_qualified(pov, defaults);
        REQUIRE(warning);
        CHECK(*warning == "POV 7 no longer qualifies (signoffs): it is new again until pov qualify 7 passes");
        CHECK(pov.status == Status::new_);
        CHECK_FALSE(pov.qualified_on);
    }
    SECTION("the config's rules count: a lowered capability limit")
    {
        auto pov = with_status(Status::qualified);
        Config config;
        config.max_capabilities = 1;
        const auto warning = drop_back_unless_qualified(pov, config);
        REQUIRE(warning);
        CHECK(test::contains(*warning, "(capabilities)"));
    }
    SECTION("any other status is left alone")
    {
        for (const auto status : {Status::new_, Status::in_progress, Status::closed, Status::cancelled}) {
            auto pov = with_status(status);
            pov.champion_signoff.reset();
            CHECK_FALSE(drop_back_unless_qualified(pov, defaults));
            CHECK(pov.status == status);
        }
    }
}

TEST_CASE("lifecycle: only a new POV that passes every check becomes qualified")
{
    const Qualification passed{true, {}};
    const Qualification failed{false, {}};
    CHECK(becomes_qualified(with_status(Status::new_), passed));
    CHECK_FALSE(becomes_qualified(with_status(Status::new_), failed));
    for (const auto status : {Status::qualified, Status::in_progress, Status::closed, Status::cancelled}) {
        CHECK_FALSE(becomes_qualified(with_status(status), passed));
    }
}

TEST_CASE("lifecycle: criteria change on an open POV, a sixth one never")
{
    for (const auto status : open_states) {
        CHECK_EXIT(can_change_criteria(with_status(status)), Exit::ok);
        CHECK_EXIT(can_add_capability(with_status(status), defaults), Exit::ok);
    }
    for (const auto status : ended_states) {
        CHECK_EXIT(can_change_criteria(with_status(status)), Exit::conflict);
        CHECK_EXIT(can_add_capability(with_status(status), defaults), Exit::conflict);
    }
    CHECK(message_of([] { can_change_criteria(with_status(Status::closed)); }) ==
          "POV 7 is closed; changing its success criteria needs an open POV (reopen it first: pov reopen 7 --reason "
          "TEXT)");

    auto pov = qualifying_pov();
    pov.capabilities.clear();
    for (int n = 1; n <= 4; ++n) {
        pov.capabilities.push_back(test::capability(n, "criterion"));
    }
    CHECK_EXIT(can_add_capability(pov, defaults), Exit::ok);
    pov.capabilities.push_back(test::capability(5, "fifth"));
    CHECK_EXIT(can_add_capability(pov, defaults), Exit::invalid);
    CHECK(message_of([&] { can_add_capability(pov, defaults); }) ==
          "POV 7 already has 5 capabilities; at most 5 are allowed (remove one first: pov cap rm 7 N)");

    Config config;
    config.max_capabilities = 2;
    pov.capabilities.resize(2);
    CHECK(message_of([&] { can_add_capability(pov, config); }) ==
          "POV 7 already has 2 capabilities; at most 2 are allowed (remove one first: pov cap rm 7 N)");
}

TEST_CASE("lifecycle: changing the criteria clears both sign-offs")
{
    SECTION("a new POV: sign-offs cleared, one warning")
    {
        auto pov = with_status(Status::new_);
        const auto warnings = after_criteria_change(pov);
        CHECK_FALSE(pov.champion_signoff);
        CHECK_FALSE(pov.eb_signoff);
        CHECK(pov.status == Status::new_);
        CHECK_FALSE(pov.criteria_creep);
        CHECK(warnings == std::vector<std::string>{"success criteria changed: both sign-offs are cleared; get them "
                                                   "again with pov signoff 7 --champion and --economic-buyer"});
    }
    SECTION("a qualified POV whose sign-offs are cleared drops back to new")
    {
        auto pov = with_status(Status::qualified);
        pov.qualified_on = day("2026-02-25");
        const auto warnings = after_criteria_change(pov);
        CHECK(pov.status == Status::new_);
        CHECK_FALSE(pov.qualified_on);
        REQUIRE(warnings.size() == 2);
        CHECK(warnings[1] == "POV 7 is new again until it is qualified again: pov qualify 7");
    }
    SECTION("one sign-off is enough to clear")
    {
        auto pov = with_status(Status::qualified);
        pov.champion_signoff.reset();
        CHECK(after_criteria_change(pov).size() == 2);
        CHECK_FALSE(pov.eb_signoff);
    }
    SECTION("nothing signed: nothing cleared, no warning")
    {
        auto pov = with_status(Status::new_);
        pov.champion_signoff.reset();
        pov.eb_signoff.reset();
        CHECK(after_criteria_change(pov).empty());
    }
    SECTION("after start it is criteria creep, and the POV keeps running")
    {
        auto pov = running_pov();
        const auto warnings = after_criteria_change(pov);
        CHECK(pov.status == Status::in_progress);
        CHECK(pov.criteria_creep);
        CHECK_FALSE(pov.champion_signoff);
        REQUIRE(warnings.size() == 2);
        CHECK(warnings[1] == "criteria changed after start: flagged as criteria creep");

        pov.champion_signoff.reset();
        pov.eb_signoff.reset();
        CHECK(after_criteria_change(pov) ==
              std::vector<std::string>{"criteria changed after start: flagged as criteria creep"});
    }
}

TEST_CASE("lifecycle: a sign-off needs an open POV, a named signer, criteria and a day not in the future")
{
    const auto pov = with_status(Status::qualified);
    CHECK(can_sign_off(pov, Signer::champion, std::nullopt, today) == today);
    CHECK(can_sign_off(pov, Signer::economic_buyer, day("2026-01-15"), today) == day("2026-01-15"));
    CHECK_EXIT(can_sign_off(pov, Signer::champion, day("2026-03-03"), today), Exit::invalid);
    CHECK_EXIT(can_sign_off(with_status(Status::closed), Signer::champion, std::nullopt, today), Exit::conflict);

    auto unnamed = pov;
    unnamed.champion.clear();
    unnamed.economic_buyer.clear();
    CHECK(message_of([&] { (void)can_sign_off(unnamed, Signer::champion, std::nullopt, today); }) ==
          "POV 7 has no champion named; name one first: pov set 7 --champion NAME");
    CHECK(message_of([&] { (void)can_sign_off(unnamed, Signer::economic_buyer, std::nullopt, today); }) ==
          "POV 7 has no economic buyer named; name one first: pov set 7 --economic-buyer NAME");
    CHECK_EXIT(can_sign_off(unnamed, Signer::champion, std::nullopt, today), Exit::conflict);

    auto no_criteria = pov;
    no_criteria.capabilities.clear();
    CHECK(message_of([&] { (void)can_sign_off(no_criteria, Signer::champion, std::nullopt, today); }) ==
          "POV 7 has no success criteria to sign off; add them first: pov cap add 7 TITLE");
    CHECK_EXIT(can_sign_off(no_criteria, Signer::economic_buyer, std::nullopt, today), Exit::conflict);
}

TEST_CASE("lifecycle: approval needs an open POV and the approver's name")
{
    CHECK_EXIT(can_approve(with_status(Status::qualified), "Morgan Manager"), Exit::ok);
    CHECK_EXIT(can_approve(with_status(Status::in_progress), "Morgan Manager"), Exit::ok);
    CHECK_EXIT(can_approve(with_status(Status::closed), "Morgan Manager"), Exit::conflict);
    CHECK_EXIT(can_approve(with_status(Status::qualified), ""), Exit::invalid);
    CHECK(message_of([] { can_approve(with_status(Status::qualified), ""); }) == "--by may not be empty");
    CHECK_EXIT(can_approve(with_status(Status::qualified), "Eve\x1b[2J"), Exit::invalid);
}

TEST_CASE("lifecycle: start")
{
    const auto pov = with_status(Status::qualified);
    SECTION("a qualified POV starts today, or on a past day given")
    {
        const auto started = can_start(pov, defaults, today, 0, std::nullopt, false);
        CHECK(started.to == Status::in_progress);
        CHECK(started.on == today);
        CHECK(started.warnings.empty());
        CHECK_FALSE(started.forced);
        CHECK(can_start(pov, defaults, today, 2, day("2026-02-27"), false).on == day("2026-02-27"));
    }
    SECTION("a new POV is told to qualify first")
    {
        const auto error = error_of([] { (void)can_start(with_status(Status::new_), defaults, today, 0, {}, false); });
        REQUIRE(error);
        CHECK(error->code() == Exit::conflict);
        CHECK(std::string(error->what()) == "POV 7 is not qualified; only a qualified POV can start: pov qualify 7");
        CHECK_EXIT(can_start(with_status(Status::new_), defaults, today, 0, {}, true), Exit::conflict);
    }
    SECTION("a started, closed or cancelled POV does not start")
    {
        CHECK(message_of([] { (void)can_start(with_status(Status::in_progress), defaults, today, 0, {}, false); }) ==
              "POV 7 is in progress; only a qualified POV can start");
        CHECK(message_of([] { (void)can_start(with_status(Status::closed), defaults, today, 0, {}, true); }) ==
              "POV 7 is closed; only a qualified POV can start");
        CHECK_EXIT(can_start(with_status(Status::cancelled), defaults, today, 0, {}, true), Exit::conflict);
    }
    SECTION("with rules.require_approval it needs an approval")
    {
        Config config;
        config.require_approval = true;
        CHECK(message_of([&] { (void)can_start(pov, config, today, 0, {}, false); }) ==
              "POV 7 needs a manager's approval before it starts: pov approve 7 --by NAME");
        CHECK_EXIT(can_start(pov, config, today, 0, {}, true), Exit::conflict);
        auto approved = pov;
        approved.approved_by = "Morgan Manager";
        CHECK_EXIT(can_start(approved, config, today, 0, {}, false), Exit::ok);
        CHECK_EXIT(can_start(pov, defaults, today, 0, {}, false), Exit::ok); // not required by default
    }
    SECTION("a paid POV needs its licence")
    {
        auto paid = pov;
        paid.type = PovType::paid;
        CHECK(message_of([&] { (void)can_start(paid, defaults, today, 0, {}, false); }) ==
              "a paid POV starts only once its prorated licence is bought: pov set 7 --license-purchased yes");
        CHECK_EXIT(can_start(paid, defaults, today, 0, {}, false), Exit::conflict);
        paid.license_purchased = true;
        CHECK_EXIT(can_start(paid, defaults, today, 0, {}, false), Exit::ok);
    }
    SECTION("planned dates are needed")
    {
        auto undated = pov;
        undated.end.reset();
        CHECK(message_of([&] { (void)can_start(undated, defaults, today, 0, {}, false); }) ==
              "POV 7 has no planned start and end; set them and qualify it again");
        undated = pov;
        undated.start.reset();
        CHECK_EXIT(can_start(undated, defaults, today, 0, {}, false), Exit::conflict);
    }
    SECTION("an --on day in the future is invalid")
    {
        CHECK_EXIT(can_start(pov, defaults, today, 0, day("2026-03-03"), false), Exit::invalid);
    }
    SECTION("at the SA's limit it is refused unless forced, and the force is recorded")
    {
        const auto error = error_of([&] { (void)can_start(pov, defaults, today, 3, {}, false); });
        REQUIRE(error);
        CHECK(error->code() == Exit::conflict);
        CHECK(std::string(error->what()) == "SA Sam Architect already runs 3 POVs in progress (limit 3); close one "
                                            "first, or go ahead with --force (recorded)");
        const auto forced = can_start(pov, defaults, today, 3, {}, true);
        CHECK(forced.to == Status::in_progress);
        REQUIRE(forced.forced);
        CHECK(forced.forced->detail ==
              "started beyond the concurrency limit: SA Sam Architect already runs 3 POVs in progress (limit 3)");
        CHECK(forced.forced->warning ==
              "SA Sam Architect already runs 3 POVs in progress (limit 3); started anyway (--force, recorded)");
    }
    SECTION("the refusals come in the order users have always seen them")
    {
        // The state before the date, the date before the SA's load.
        CHECK_EXIT(can_start(with_status(Status::new_), defaults, today, 3, day("2026-03-09"), false), Exit::conflict);
        CHECK_EXIT(can_start(pov, defaults, today, 3, day("2026-03-09"), false), Exit::invalid);
        Config config;
        config.require_approval = true;
        auto paid = pov;
        paid.type = PovType::paid;
        CHECK(test::contains(message_of([&] { (void)can_start(paid, config, today, 3, {}, false); }), "approval"));
    }
}

TEST_CASE("lifecycle: extend")
{
    const auto pov = running_pov(); // 2026-03-02 → 2026-03-30
    SECTION("a later end within the ceiling, with a reason")
    {
        const auto extended = can_extend(pov, defaults, day("2026-04-10"), "customer holidays");
        CHECK(extended.to == Status::in_progress);
        CHECK(extended.warnings.empty());
        CHECK_EXIT(can_extend(pov, defaults, day("2026-05-01"), "to the ceiling"), Exit::ok); // 60 days
    }
    SECTION("only an in-progress POV")
    {
        for (const auto status : {Status::new_, Status::qualified, Status::closed, Status::cancelled}) {
            CHECK_EXIT(can_extend(with_status(status), defaults, day("2026-04-10"), "more"), Exit::conflict);
        }
        CHECK(message_of([] { (void)can_extend(with_status(Status::qualified), defaults, day("2026-04-10"), "x"); }) ==
              "POV 7 is qualified; only an in-progress POV can be extended");
    }
    SECTION("a reason is required")
    {
        CHECK(message_of([&] { (void)can_extend(pov, defaults, day("2026-04-10"), ""); }) ==
              "--reason may not be empty");
        CHECK_EXIT(can_extend(pov, defaults, day("2026-04-10"), ""), Exit::invalid);
        CHECK_EXIT(can_extend(pov, defaults, day("2026-04-10"), "bad\nreason"), Exit::invalid);
    }
    SECTION("the new end is later than the current one")
    {
        CHECK(message_of([&] { (void)can_extend(pov, defaults, day("2026-03-30"), "same"); }) ==
              "--to 2026-03-30 must be later than the current end 2026-03-30");
        CHECK_EXIT(can_extend(pov, defaults, day("2026-03-20"), "earlier"), Exit::invalid);
    }
    SECTION("within the type's maximum with extensions")
    {
        CHECK(message_of([&] { (void)can_extend(pov, defaults, day("2026-05-02"), "61 days"); }) ==
              "guided POV with extensions must last 14–60 days; 2026-03-02 → 2026-05-02 is 61 days");
        CHECK_EXIT(can_extend(pov, defaults, day("2026-05-02"), "61 days"), Exit::invalid);
        Config config;
        config.types[static_cast<std::size_t>(PovType::guided)].max_extended_days = 40;
        CHECK_EXIT(can_extend(pov, config, day("2026-04-12"), "41 days"), Exit::invalid);
        CHECK_EXIT(can_extend(pov, config, day("2026-04-11"), "40 days"), Exit::ok);
    }
    SECTION("a running POV without planned dates cannot be extended")
    {
        auto undated = pov;
        undated.start.reset();
        CHECK(message_of([&] { (void)can_extend(undated, defaults, day("2026-04-10"), "x"); }) ==
              "POV 7 has no planned start and end to extend");
    }
    SECTION("more than rules.max_extensions warns of the endless extension")
    {
        auto once = pov;
        once.extensions.push_back({day("2026-03-20"), day("2026-03-30"), "first", day("2026-03-15")});
        const auto second = can_extend(once, defaults, day("2026-04-10"), "again");
        CHECK(second.warnings == std::vector<std::string>{"POV 7 is now extended 2 times; more than 1 is the endless "
                                                          "extension: agree a firm end with the economic buyer"});
        Config config;
        config.max_extensions = 2;
        CHECK(can_extend(once, config, day("2026-04-10"), "again").warnings.empty());
    }
}

TEST_CASE("lifecycle: a retrospective is for a running POV")
{
    CHECK_EXIT(can_retro(running_pov()), Exit::ok);
    for (const auto status : {Status::new_, Status::qualified, Status::closed, Status::cancelled}) {
        CHECK_EXIT(can_retro(with_status(status)), Exit::conflict);
    }
    CHECK(message_of([] { can_retro(with_status(Status::new_)); }) ==
          "POV 7 is new; retrospectives are for an in-progress POV");
}

TEST_CASE("lifecycle: close")
{
    const auto pov = finished_pov();
    SECTION("a running POV with every capability final closes today or on a day given")
    {
        const auto closed = can_close(pov, won(), today);
        CHECK(closed.to == Status::closed);
        CHECK(closed.on == today);
        CHECK(closed.warnings.empty());
        CHECK(can_close(pov, won(day("2026-03-02")), today).on == day("2026-03-02"));
        CHECK_EXIT(can_close(pov, {Result::unsuccessful, "lost", "Rival", LossType::technical, std::nullopt}, today),
                   Exit::ok);
    }
    SECTION("only an in-progress POV")
    {
        auto closed = pov;
        closed.status = Status::closed;
        CHECK(message_of([&] { (void)can_close(closed, won(), today); }) ==
              "POV 7 is closed; only an in-progress POV can be closed");
        for (const auto status : {Status::new_, Status::qualified, Status::closed, Status::cancelled}) {
            CHECK_EXIT(can_close(with_status(status), won(), today), Exit::conflict);
        }
    }
    SECTION("a reason is required")
    {
        CHECK_EXIT(can_close(pov, {Result::successful, "", "", std::nullopt, std::nullopt}, today), Exit::invalid);
    }
    SECTION("a loss type exactly when unsuccessful")
    {
        const auto wrong = error_of([&] {
            (void)can_close(pov, {Result::successful, "won", "", LossType::technical, std::nullopt}, today);
        });
        REQUIRE(wrong);
        CHECK(wrong->code() == Exit::invalid);
        CHECK(std::string(wrong->what()) == "--loss-type is for an unsuccessful result only");
        const auto missing = error_of([&] {
            (void)can_close(pov, {Result::unsuccessful, "lost", "", std::nullopt, std::nullopt}, today);
        });
        REQUIRE(missing);
        CHECK(missing->code() == Exit::usage);
        CHECK(std::string(missing->what()) ==
              "an unsuccessful close needs --loss-type technical or --loss-type non-technical");
    }
    SECTION("every capability has a final status; each pending one is named with its command")
    {
        const auto error = error_of([] { (void)can_close(running_pov(), won(), today); });
        REQUIRE(error);
        CHECK(error->code() == Exit::conflict);
        CHECK(std::string(error->what()) ==
              "POV 7 has 2 pending capabilities; give each a final status before closing:");
        CHECK(
            error->details() ==
            std::vector<std::string>{"  pov cap set 7 1 --status met|partial|not-met   # Pipeline under 10 minutes",
                                     "  pov cap set 7 2 --status met|partial|not-met   # SAST on every merge request"});
        auto one = pov;
        one.capabilities[1].status = CapabilityStatus::pending;
        const auto single = error_of([&] { (void)can_close(one, won(), today); });
        REQUIRE(single);
        CHECK(std::string(single->what()) ==
              "POV 7 has 1 pending capability; give each a final status before closing:");
        CHECK(single->details().size() == 1);
        for (const auto status : {CapabilityStatus::partial, CapabilityStatus::not_met}) {
            one.capabilities[1].status = status;
            CHECK_EXIT(can_close(one, won(), today), Exit::ok);
        }
    }
    SECTION("the close day is neither in the future nor before the start")
    {
        CHECK_EXIT(can_close(pov, won(day("2026-03-03")), today), Exit::invalid);
        CHECK(message_of([&] { (void)can_close(pov, won(day("2026-03-01")), today); }) ==
              "--on 2026-03-01 is before the POV started on 2026-03-02");
        CHECK_EXIT(can_close(pov, won(day("2026-03-01")), today), Exit::invalid);
    }
}

TEST_CASE("lifecycle: cancel ends an open POV today, with a reason")
{
    for (const auto status : open_states) {
        const auto cancelled = can_cancel(with_status(status), "budget frozen", today);
        CHECK(cancelled.to == Status::cancelled);
        CHECK(cancelled.on == today);
    }
    for (const auto status : ended_states) {
        CHECK_EXIT(can_cancel(with_status(status), "again", today), Exit::conflict);
    }
    CHECK(message_of([] { (void)can_cancel(with_status(Status::cancelled), "again", today); }) ==
          "POV 7 is cancelled; only an open POV can be cancelled");
    CHECK_EXIT(can_cancel(with_status(Status::new_), "", today), Exit::invalid);
}

TEST_CASE("lifecycle: reopen returns to the state the POV left")
{
    SECTION("without a close or cancel event: in progress for closed, new for cancelled")
    {
        CHECK(reopen_target(with_status(Status::closed), {}) == Status::in_progress);
        CHECK(reopen_target(with_status(Status::cancelled), {}) == Status::new_);
    }
    SECTION("the state the latest close or cancel event left")
    {
        const auto pov = with_status(Status::cancelled);
        for (const auto* state : {"new", "qualified", "in_progress"}) {
            CHECK(to_string(reopen_target(pov, {leaving(EventKind::cancelled, state, "cancelled")})) == state);
        }
        const std::vector<Event> history = {
            leaving(EventKind::cancelled, "qualified", "cancelled"),
            leaving(EventKind::reopened, "cancelled", "qualified"),
            leaving(EventKind::started, "qualified", "in_progress"),
            leaving(EventKind::cancelled, "in_progress", "cancelled"),
            {"2026-03-02T10:00:00Z", EventKind::logged, Json::object(), ""},
        };
        CHECK(reopen_target(pov, history) == Status::in_progress);
    }
    SECTION("an event without a readable status falls back on the default")
    {
        const auto pov = with_status(Status::closed);
        CHECK(reopen_target(pov, {leaving(EventKind::closed, "in_progress", "closed"),
                                  {"2026-03-02T10:00:00Z", EventKind::closed, Json::object(), "hand-written"}}) ==
              Status::in_progress);
        CHECK(reopen_target(with_status(Status::cancelled),
                            {leaving(EventKind::cancelled, "qualified", "cancelled"),
                             leaving(EventKind::cancelled, "no-such-state", "cancelled")}) == Status::new_);
    }
}

TEST_CASE("lifecycle: reopen needs a closed or cancelled POV, a reason, and room under the SA's limit")
{
    const auto closed = with_status(Status::closed);
    const std::vector<Event> none;
    SECTION("an open POV cannot be reopened")
    {
        for (const auto status : open_states) {
            CHECK_EXIT(can_reopen(with_status(status), defaults, none, 0, "why", false), Exit::conflict);
        }
        CHECK(message_of([&] { (void)can_reopen(with_status(Status::new_), defaults, none, 0, "why", false); }) ==
              "POV 7 is new; only a closed or cancelled POV can be reopened");
    }
    SECTION("a reason is required")
    {
        CHECK(message_of([&] { (void)can_reopen(closed, defaults, none, 0, "", false); }) ==
              "--reason may not be empty");
    }
    SECTION("back into progress within the SA's limit")
    {
        const auto reopened = can_reopen(closed, defaults, none, 2, "they came back", false);
        CHECK(reopened.to == Status::in_progress);
        CHECK_FALSE(reopened.forced);
        CHECK(message_of([&] { (void)can_reopen(closed, defaults, none, 3, "they came back", false); }) ==
              "SA Sam Architect already runs 3 POVs in progress (limit 3); close one first, or go ahead with --force "
              "(recorded)");
        const auto forced = can_reopen(closed, defaults, none, 3, "they came back", true);
        CHECK(forced.to == Status::in_progress);
        REQUIRE(forced.forced);
        CHECK(test::contains(forced.forced->detail, "reopened beyond the concurrency limit"));
        CHECK(test::contains(forced.forced->warning, "reopened anyway (--force, recorded)"));
    }
    SECTION("back to new or qualified the limit does not apply")
    {
        const auto cancelled = with_status(Status::cancelled);
        const auto reopened = can_reopen(cancelled, defaults, {leaving(EventKind::cancelled, "qualified", "cancelled")},
                                         9, "budget back", false);
        CHECK(reopened.to == Status::qualified);
        CHECK_FALSE(reopened.forced);
        CHECK(can_reopen(cancelled, defaults, none, 9, "budget back", true).to == Status::new_);
    }
}

TEST_CASE("lifecycle: a journal correction names an entry that exists, a past day, and shares notes only")
{
    auto pov = with_status(Status::in_progress);
    pov.journal = {{day("2026-03-01"), JournalKind::note, "note", false},
                   {day("2026-03-02"), JournalKind::retro, "What went well: a\nOn track: yes", false}};
    CHECK(journal_index(pov, 1) == 0);
    CHECK(journal_index(pov, 2) == 1);
    for (const std::int64_t n : {0, 3, -2}) {
        const auto error = error_of([&] { journal_index(pov, n); });
        REQUIRE(error);
        CHECK(error->code() == Exit::invalid);
        CHECK(test::contains(error->what(), "entries 1–2"));
    }

    JournalChange change;
    change.text = "corrected";
    change.on = day("2026-02-27");
    change.shared = true;
    const auto corrected = corrected_entry(pov, 1, change, day("2026-03-02"));
    CHECK(corrected.text == "corrected");
    CHECK(corrected.on == day("2026-02-27"));
    CHECK(corrected.shared);
    CHECK(corrected.kind == JournalKind::note);

    JournalChange future;
    future.on = day("2026-03-03");
    CHECK(error_of([&] { corrected_entry(pov, 1, future, day("2026-03-02")); })->code() == Exit::invalid);
    JournalChange share_retro;
    share_retro.shared = true;
    CHECK(error_of([&] { corrected_entry(pov, 2, share_retro, day("2026-03-02")); })->code() == Exit::invalid);
    JournalChange unshare_retro;
    unshare_retro.shared = false;
    CHECK_FALSE(corrected_entry(pov, 2, unshare_retro, day("2026-03-02")).shared);
}
