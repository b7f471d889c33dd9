#include "pov/demo.hpp"

#include "pov/error.hpp"
#include "pov/tracker.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pov {

namespace {

struct Criterion {
    const char* title;
    const char* target;
    const char* outcome;
    CapabilityStatus final_status;
    const char* evidence;
};

// A journal note; a shared one the customer may read.
struct Note {
    long day; // days from today
    std::string text;
    bool shared = false;
};

// A weekly retrospective: the day, and whether the criteria were on track.
struct RetroDay {
    long day;
    bool on_track;
};

// One sample POV: who, what, and how far its story goes.
struct Story {
    const char* name;
    const char* account;
    const char* sa;
    const char* owner;
    const char* champion;
    const char* economic_buyer;
    const char* technical_lead;
    PovType type;
    Segment segment;
    const char* solution;
    const char* net_arr;
    const char* why_now;
    const char* pain;
    const char* impact;
    const char* metrics;
    std::vector<Criterion> criteria;
    long created; // days from today
    long start;   // planned start, days from today
    long length;  // planned days
    enum class Stage { new_, qualified, running, won, lost, cancelled } stage;
    long started = 0;                                       // actual start, days from today
    long closed = 0;                                        // close or cancel, days from today
    std::vector<std::pair<long, std::string>> extensions{}; // (new length, reason)
    const char* close_reason = "";
    const char* competitor = "";
    std::optional<LossType> loss_type{};
    std::vector<Note> notes{};
    bool complete_plan = true;
    bool strategic = false;
    bool ps_positioned = true;
    bool change_criteria_after_start = false;
    // Set after the table, by name (see stories()).
    bool exec_review_booked = true; // with a complete plan: booked two days before the end, or on the close day
    std::vector<RetroDay> retros{};
    const char* business_impact = "";
    const char* findings = "";
};

class Replay {
public:
    Replay(Store& store, const Config& config, Date today) : store_(store), config_(config), today_(today) {}

    Tracker on(long offset)
    {
        const auto day = add_days(today_, offset);
        return Tracker(
            store_, config_,
            {day, fmt::format("{}T{:02}:{:02}:00Z", format_date(day), 9 + (minute_ / 60) % 8, minute_ % 60)});
    }

    void play(const Story& story)
    {
        ++minute_;
        const auto date = [&](long offset) { return format_date(add_days(today_, offset)); };
        std::vector<FieldInput> fields{
            {"name", story.name},
            {"account", story.account},
            {"opportunity", fmt::format("{} - {} FY27", story.account, story.solution)},
            {"stage", "3"},
            {"segment", std::string(to_string(story.segment))},
            {"deal", "new-logo"},
            {"net_arr", story.net_arr},
            {"type", std::string(to_string(story.type))},
            {"solution", story.solution},
            {"owner", story.owner},
            {"sa", story.sa},
            {"champion", story.champion},
            {"economic_buyer", story.economic_buyer},
            {"technical_lead", story.technical_lead},
            {"start", date(story.start)},
            {"end", date(story.start + story.length)},
            {"ps_positioned", story.ps_positioned ? "yes" : "no"},
            {"objective", fmt::format("Prove to {} that the {} solution ends this pain: {}", story.account,
                                      story.solution, story.pain)},
            {"next_steps", "On success: order form for the FY27 renewal, PS onboarding workshop, CSM kickoff"},
        };
        if (story.strategic) {
            fields.push_back({"strategic", "yes"});
        }
        if (story.type == PovType::paid) {
            fields.push_back({"license_purchased", "yes"});
        }
        if (story.complete_plan && story.exec_review_booked) {
            const long length = story.extensions.empty() ? story.length : story.extensions.back().first;
            const bool ends = story.stage == Story::Stage::won || story.stage == Story::Stage::lost;
            fields.push_back({"exec_review_on", date(ends ? story.closed : story.start + length - 2)});
        }
        if (story.complete_plan) {
            fields.insert(
                fields.end(),
                {
                    {"why_now", story.why_now},
                    {"why_anything", fmt::format("{} today; the board wants it fixed this fiscal year", story.pain)},
                    {"metrics", story.metrics},
                    {"decision_process", fmt::format("{} recommends; {} signs; procurement in 3 weeks", story.champion,
                                                     story.economic_buyer)},
                    {"pain", story.pain},
                    {"eb_access", fmt::format("Monthly steering call with {}", story.economic_buyer)},
                    {"impact", story.impact},
                    {"in_scope", "Two pilot teams, their pipelines and security scans"},
                    {"out_of_scope", "High availability, production migration"},
                    {"customer_commitments",
                     fmt::format("{} and two engineers half-time; a test environment", story.technical_lead)},
                });
        } else {
            fields.push_back({"pain", story.pain});
        }
        std::vector<NewCapability> criteria;
        for (const auto& criterion : story.criteria) {
            criteria.push_back({criterion.title, criterion.target, criterion.outcome});
        }
        const auto id = on(story.created).create(fields, criteria).pov.id;
        if (story.stage == Story::Stage::new_) {
            return;
        }
        const long qualify_day = std::min(story.created + 2, story.start);
        on(qualify_day).sign_off(id, Signer::champion, std::nullopt);
        on(qualify_day).sign_off(id, Signer::economic_buyer, std::nullopt);
        on(qualify_day).qualify(id, false);
        if (story.stage == Story::Stage::qualified) {
            return;
        }
        if (story.stage == Story::Stage::cancelled) {
            on(story.closed).cancel(id, story.close_reason);
            return;
        }
        on(story.started).start(id, std::nullopt, true);
        for (const auto& note : story.notes) {
            on(note.day).log(id, note.text, std::nullopt, note.shared);
        }
        for (const auto& retro : story.retros) {
            on(retro.day).retro(id, {retro.on_track ? "Pilot teams deploy daily" : "The dashboards impressed the team",
                                     retro.on_track ? "Runner capacity is tight" : "Test environment still missing",
                                     retro.on_track ? "Add two runners" : "Escalate the environment to the sponsor",
                                     retro.on_track, std::nullopt});
        }
        if (story.change_criteria_after_start) {
            on(story.started + 5)
                .add_capability(id, {"Single sign-on with Okta", "All pilot users", "Security sign-off"});
        }
        for (std::size_t i = 0; i < story.extensions.size(); ++i) {
            const auto& [length, reason] = story.extensions[i];
            const long when = story.started + story.length - 3 + static_cast<long>(i) * 5;
            on(std::min(when, 0L)).extend(id, add_days(today_, story.start + length), reason);
        }
        if (story.stage == Story::Stage::running) {
            // Progress so far: the first criterion is met on a running POV that is on track.
            if (!story.notes.empty() && story.criteria.size() > 1) {
                const auto& first = story.criteria.front();
                on(story.notes.back().day)
                    .change_capability(id, 1, {{}, {}, {}, first.final_status, std::string(first.evidence)});
            }
            return;
        }
        for (std::size_t i = 0; i < story.criteria.size(); ++i) {
            const auto& criterion = story.criteria[i];
            on(story.closed)
                .change_capability(id, static_cast<int>(i) + 1,
                                   {{}, {}, {}, criterion.final_status, std::string(criterion.evidence)});
        }
        if (story.change_criteria_after_start) {
            on(story.closed)
                .change_capability(id, static_cast<int>(story.criteria.size()) + 1,
                                   {{}, {}, {}, CapabilityStatus::met, std::string("Okta SSO live")});
        }
        if (*story.business_impact != '\0' || *story.findings != '\0') {
            on(story.closed).set(id, {{"business_impact", story.business_impact}, {"findings", story.findings}});
        }
        CloseRequest close;
        close.result = story.stage == Story::Stage::won ? Result::successful : Result::unsuccessful;
        close.reason = story.close_reason;
        close.competitor = story.competitor;
        close.loss_type = story.loss_type;
        on(story.closed).close(id, close);
    }

private:
    Store& store_;
    const Config& config_;
    Date today_;
    int minute_ = 0;
};

using S = Story::Stage;
constexpr auto met = CapabilityStatus::met;
constexpr auto partial = CapabilityStatus::partial;
constexpr auto not_met = CapabilityStatus::not_met;

// A table of data, laid out by hand so each story reads as one record.
// clang-format off
std::vector<Story> stories()
{
    const std::vector<Criterion> devsecops{
        {"SAST and dependency scans on every merge request", "100% of pilot MRs", "Find flaws before release", met,
         "Scans ran on 212 of 212 MRs"},
        {"Vulnerability triage in one place", "< 1 day to triage", "Cut security review time", met,
         "Median triage 4 h"},
        {"Pipeline under 10 minutes", "< 10 min p95", "Faster feedback for developers", partial, "p95 11 min"},
    };
    const std::vector<Criterion> compliance{
        {"Separation of duties enforced on merges", "0 self-approved merges", "Pass the SOX audit", met,
         "Approval rules on 14 projects"},
        {"Audit events exported to Splunk", "All pilot projects", "One audit trail", met, "Streaming since week 2"},
        {"Compliance pipelines on every project", "100% coverage", "Policy as code", not_met,
         "Blocked by legacy runners"},
    };
    const std::vector<Criterion> delivery{
        {"Deploy to Kubernetes from the pipeline", "3 services", "Release weekly, not quarterly", met,
         "3 services deployed"},
        {"Lead time for changes", "< 1 day", "Ship features faster", met, "Lead time 6 h"},
        {"Rollback in one click", "< 5 min", "Lower change failure cost", met, "Rollback in 2 min"},
        {"Migrate 20 Jenkins jobs", "20 jobs", "Retire Jenkins", partial, "14 of 20 migrated"},
    };
    std::vector<Story> all{
        {"Northwind Platform Rollout", "Northwind Logistics", "Priya Raman", "Dana Whitfield", "Lee Park",
         "Margaret Chu", "Ana Souza", PovType::guided, Segment::enterprise, "devsecops", "420k",
         "PCI audit in Q3", "security reviews block every release for 2 weeks",
         "Failing PCI would stop card payments", "Release lead time; critical findings per release", devsecops,
         -96, -88, 35, S::won, -88, -52, {}, "All must-have criteria met; CTO approved the order", "", {},
         {{-80, "Kickoff done with two pilot teams"}, {-66, "Scans live on all pilot repos"}}},
        {"Globex Compliance POV", "Globex Financial", "Marcus Chen", "Ravi Patel", "Sandra Oyelaran", "Henrik Lund",
         "Joe Marsh", PovType::guided, Segment::enterprise, "software-compliance", "310k",
         "SOX findings due in 90 days", "audit evidence is collected by hand", "Another SOX finding means fines",
         "Hours spent on audit evidence", compliance, -75, -68, 42, S::lost, -68, -20, {},
         "Budget moved to a platform consolidation", "GitHub", LossType::non_technical,
         {{-60, "Audit export working"}, {-40, "Runner upgrade blocked by change freeze"}}},
        {"Initech Delivery Pilot", "Initech Health", "Marcus Chen", "Ravi Patel", "Omar Haddad", "Grace Kim",
         "Ben Ortiz", PovType::guided, Segment::enterprise, "automated-software-delivery", "1.2M",
         "New patient portal launches in January", "quarterly releases", "Portal launch slips past the regulator's date",
         "Deployments per week; lead time", delivery, -20, -12, 35, S::running, -12, 0, {}, "", "", {},
         {{-10, "Kickoff: pilot on the claims service"}, {-3, "First deploy to staging from the pipeline"}}},
        {"Umbrella Secure SDLC", "Umbrella Retail", "Marcus Chen", "Ravi Patel", "Chloe Martin", "Victor Reyes",
         "Ivan Petrov", PovType::guided, Segment::enterprise, "devsecops", "260k", "Breach last spring",
         "no scanning before production", "A second breach costs the CISO's programme", "Critical findings in prod",
         devsecops, -60, -51, 45, S::running, -48, 0, {}, "", "", {},
         {{-44, "Kickoff"}, {-30, "Waiting on customer VPN access"}}},
        {"Stark Platform Evaluation", "Stark Aerospace", "Sofia Alvarez", "Ethan Brooks", "Nadia Rahman",
         "Howard Stein", "Mei Lin", PovType::paid, Segment::enterprise, "devops-platform", "2.5M",
         "Toolchain contracts end in June", "eleven tools, no single view", "Renewing 11 tools costs $3M a year",
         "Tools retired; cycle time", delivery, -100, -92, 90, S::running, -92, 0,
         {{120, "Export control review of the SaaS region took four weeks"}}, "", "", {},
         {{-80, "Paid licence active; 3 teams onboarded"}, {-6, "Value stream dashboard shown to Howard"}}},
        {"Wayne Media Modernisation", "Wayne Media", "Sofia Alvarez", "Ethan Brooks", "Lucius Fox", "Bruce Hale",
         "Tim Drake", PovType::guided, Segment::enterprise, "automated-software-delivery", "180k",
         "Streaming launch in spring", "manual releases every month", "Launch slips a quarter",
         "Release frequency", delivery, -58, -50, 40, S::running, -50, 0,
         {{48, "Customer's test environment delayed"}, {53, "Champion on leave for a week"}}, "", "", {},
         {{-45, "Kickoff"}, {-20, "Second pilot team joined"}}},
        {"Acme Rockets Onsite Sprint", "Acme Rockets", "Tom Becker", "Julia Novak", "Wile Evans", "Rhoda Runner",
         "Ken Ito", PovType::onsite, Segment::enterprise, "devsecops", "150k", "Government contract needs SBOMs",
         "no SBOM or licence scanning", "Loses the contract without SBOMs", "SBOM coverage", devsecops, -25, -15, 5,
         S::won, -15, -9, {}, "SBOMs for all flight software in 4 days", "", {}, {{-13, "Day 2: scanners running"}}},
        {"Hooli Cloud Migration", "Hooli Cloud", "Tom Becker", "Julia Novak", "Gavin Bell", "Patrice Lowe",
         "Dinesh Rao", PovType::guided, Segment::enterprise, "devops-platform", "640k", "Data centre closes in Q4",
         "self-hosted CI at capacity", "Builds stop when the data centre closes", "Build minutes; queue time",
         delivery, -6, 3, 30, S::qualified},
        {"Soylent Supply Chain Security", "Soylent Foods", "Priya Raman", "Dana Whitfield", "Ruth Cole", "Sol Green",
         "", PovType::guided, Segment::enterprise, "devsecops", "220k", "", "unknown open-source risk", "",
         "Vulnerable packages", {devsecops[0]}, -2, -1, 30, S::new_, 0, 0, {}, "", "", {}, {}, false},
        {"Vandelay Quick Trial", "Vandelay Imports", "Tom Becker", "Julia Novak", "Art Vandelay", "George Costa",
         "Jerry Seid", PovType::lite, Segment::commercial, "devsecops", "40k", "Importer audit", "no code review",
         "Audit finding", "Reviewed MRs", {devsecops[0]}, -40, -33, 20, S::cancelled, 0, -30, {},
         "Customer froze all new spend"},
        {"Oscorp Research Pipelines", "Oscorp Labs", "Marcus Chen", "Ravi Patel", "Otto Vance", "Norman Osgood",
         "Liz Allen", PovType::guided, Segment::enterprise, "automated-software-delivery", "500k",
         "New lab opens in May", "GPU builds take hours", "Research results ship a month late", "Build time",
         delivery, -55, -47, 40, S::lost, -47, -5, {}, "GPU runner autoscaling missed the 30-minute target",
         "Jenkins + Buildkite", LossType::technical, {{-40, "Kickoff"}, {-15, "Autoscaling tests fail at 40 nodes"}}},
        {"Tyrell Robotics DevSecOps", "Tyrell Robotics", "Marcus Chen", "Ravi Patel", "Rachael Tyler", "Eldon Tyrell",
         "Roy Batty", PovType::guided, Segment::enterprise, "devsecops", "880k", "Board mandate after an incident",
         "secrets leak into repositories", "Another leak halts the robot fleet", "Leaked secrets per month",
         {devsecops[0], devsecops[1]}, -30, -21, 40, S::running, -21, 0, {}, "", "", {},
         {{-18, "Kickoff"}, {-16, "Customer asked for SSO in scope"}}, true, false, false, true},
        {"Cyberdyne Strategic Platform", "Cyberdyne Systems", "Sofia Alvarez", "Ethan Brooks", "Sarah Connor",
         "Miles Dyson", "John Reese", PovType::guided, Segment::enterprise, "devops-platform", "3M",
         "CEO's platform consolidation", "seven disconnected toolchains", "Consolidation target missed",
         "Toolchains retired", delivery, -1, 10, 45, S::new_, 0, 0, {}, "", "", {}, {}, true, true},
        {"Massive Dynamic Pilot", "Massive Dynamic", "Marcus Chen", "Ravi Patel", "Nina Sharp", "William Bell",
         "Walter Bishop", PovType::guided, Segment::enterprise, "software-compliance", "350k",
         "FedRAMP audit in spring", "compliance evidence lives in spreadsheets", "FedRAMP delay blocks federal sales",
         "Audit hours", compliance, -14, -5, 30, S::running, -5, 0, {}, "", "", {}, {{-4, "Kickoff"}}},
    };
    const auto named = [&all](std::string_view name) -> Story& {
        return *std::find_if(all.begin(), all.end(), [name](const Story& story) { return story.name == name; });
    };
    auto& northwind = named("Northwind Platform Rollout");
    northwind.notes = {{-80, "Kickoff done with two pilot teams", true},
                       {-70, "Competitor demo booked by their procurement; keep Margaret close"},
                       {-66, "Scans live on all pilot repos", true}};
    northwind.retros = {{-73, true}};
    northwind.business_impact = "Security review before release cut from 10 days to 1 (about 2,400 engineer-hours "
                                "a year); critical findings in production down 80% in the pilot";
    northwind.findings = "Dependency scanning found 31 critical CVEs in the first week.\n"
                         "Recommendation: dedicated runners for the scan jobs to keep the pipeline under 10 minutes";
    auto& globex = named("Globex Compliance POV");
    globex.business_impact = "Audit evidence for the pilot projects collected in minutes instead of 3 days";
    globex.findings = "Compliance pipelines need the runner upgrade the change freeze blocked";
    auto& acme = named("Acme Rockets Onsite Sprint");
    acme.notes = {{-13, "Day 2: scanners running on all flight software", true}};
    acme.business_impact = "SBOMs for every flight software release, as the contract requires";
    acme.findings = "Licence scanning flagged two GPL components in the telemetry service";
    auto& oscorp = named("Oscorp Research Pipelines");
    oscorp.findings = "GPU runner autoscaling stalls at 40 nodes; the 30-minute build target needs a fix in the "
                      "autoscaler";
    named("Initech Delivery Pilot").retros = {{-5, true}};
    named("Initech Delivery Pilot").notes = {{-10, "Kickoff: pilot on the claims service", true},
                                             {-3, "First deploy to staging from the pipeline", true}};
    named("Wayne Media Modernisation").retros = {{-9, true}, {-2, false}};
    named("Umbrella Secure SDLC").exec_review_booked = false; // the vanishing sponsor
    return all;
}
// clang-format on

} // namespace

int fill_demo(Store& store, const Config& config, Date today)
{
    int count = 0;
    store.transaction(Store::Lock::write, [&] {
        if (!store.list({}).empty()) {
            throw Error(Exit::conflict, fmt::format("{} already holds POVs; the demo needs an empty database "
                                                    "(pov --db demo.db demo)",
                                                    store.location()));
        }
        Replay replay(store, config, today);
        for (const auto& story : stories()) {
            replay.play(story);
            ++count;
        }
    });
    return count;
}

} // namespace pov
