// The results document (contract section 7): what reaches the customer, and what stays internal.
#include "sample.hpp"

#include "render/results.hpp"

using namespace pov;
using test::day;

namespace {

bool holds(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

// A successful POV with a shared note, an internal note about the competitor and a retro.
Pov won_pov()
{
    auto pov = test::qualifying_pov();
    pov.status = Status::closed;
    pov.started_on = day("2026-03-02");
    pov.closed_on = day("2026-03-28");
    pov.result = Result::successful;
    pov.reason = "Criteria met; the CISO approved the order";
    pov.objective = "Prove release reviews shrink";
    pov.business_impact = "Security review cut from 10 days to 1";
    pov.findings = "Dedicated runners keep the pipeline under 10 minutes";
    pov.next_steps = "Order form for 400 seats";
    pov.exec_review_on = day("2026-03-27");
    pov.capabilities = {test::capability(1, "Scans on every MR"), test::capability(2, "Triage in one place"),
                        test::capability(3, "Pipeline under 10 minutes"), test::capability(4, "SBOM export")};
    pov.capabilities[0].status = CapabilityStatus::met;
    pov.capabilities[0].evidence = "212 of 212 MRs";
    pov.capabilities[1].status = CapabilityStatus::partial;
    pov.capabilities[2].status = CapabilityStatus::not_met;
    pov.journal = {{day("2026-03-02"), JournalKind::note, "Kickoff with two pilot teams", true},
                   {day("2026-03-05"), JournalKind::note, "Rival Inc. is pitching a discount to procurement"},
                   {day("2026-03-13"), JournalKind::retro,
                    "What went well: scans\nProblems to overcome: slow runners\nWhat to change: more\nOn track: yes"}};
    return pov;
}

const Date today = day("2026-03-30");

} // namespace

TEST_CASE("results: each criterion's result in words, never pass or fail")
{
    CHECK(render::verdict(CapabilityStatus::met) == "met");
    CHECK(render::verdict(CapabilityStatus::partial) == "partly met");
    CHECK(render::verdict(CapabilityStatus::not_met) == "not met");
    CHECK(render::verdict(CapabilityStatus::pending) == "pending");

    const auto doc = render::results_markdown(won_pov(), today);
    CHECK(holds(doc, "| 1 | Scans on every MR | p95 under 10 min | – | met | 212 of 212 MRs |"));
    CHECK(holds(doc, "| partly met |"));
    CHECK(holds(doc, "| not met |"));
    CHECK(holds(doc, "| pending |"));
    CHECK_FALSE(holds(doc, "pass"));
    CHECK(holds(doc, "- **Met**: 1 of 4"));
}

TEST_CASE("results: the customer's document holds shared notes only")
{
    for (const auto format : {render::DocumentFormat::markdown, render::DocumentFormat::html}) {
        const auto doc = render::results_document(won_pov(), format, today);
        CHECK(holds(doc, "Kickoff with two pilot teams"));
        CHECK_FALSE(holds(doc, "Rival Inc."));
        CHECK_FALSE(holds(doc, "slow runners"));
        CHECK_FALSE(holds(doc, "Internal"));
        // Nor the command plan, which is the account team's qualification.
        CHECK_FALSE(holds(doc, "monthly 1:1 with the CFO"));
    }
}

TEST_CASE("results: --internal adds the other notes and retros, and says it is internal")
{
    for (const auto format : {render::DocumentFormat::markdown, render::DocumentFormat::html}) {
        const auto doc = render::results_document(won_pov(), format, today, true);
        CHECK(holds(doc, "Proof of Value results (internal)"));
        CHECK(holds(doc, "Internal: for the account team only"));
        CHECK(holds(doc, "Kickoff with two pilot teams"));
        CHECK(holds(doc, "Rival Inc. is pitching"));
        CHECK(holds(doc, "slow runners"));
        CHECK(holds(doc, "monthly 1:1 with the CFO"));
    }
}

TEST_CASE("results: sections in the contract's order, each saying so when empty")
{
    const auto doc = render::results_markdown(won_pov(), today);
    const std::vector<std::string_view> order{"## Outcome",
                                              "## Objective",
                                              "## Success criteria",
                                              "## Business impact",
                                              "## Technical findings and recommendations",
                                              "## Next steps",
                                              "## Timeline",
                                              "## Stakeholders and sign-offs",
                                              "## Notes from the POV"};
    std::size_t at = 0;
    for (const auto heading : order) {
        const auto found = doc.find(heading, at);
        CHECK(found != std::string::npos);
        at = found == std::string::npos ? at : found;
    }
    CHECK(holds(doc, "Security review cut from 10 days to 1"));
    CHECK(holds(doc, "Dedicated runners keep the pipeline under 10 minutes"));
    CHECK(holds(doc, "- **Executive review**: 2026-03-27"));
    CHECK(holds(doc, "- **Outcome**: Successful on 2026-03-28"));
    CHECK(holds(doc, "- **Why**: Criteria met; the CISO approved the order"));

    auto bare = won_pov();
    bare.business_impact.clear();
    bare.findings.clear();
    bare.journal.clear();
    const auto empty = render::results_markdown(bare, today);
    CHECK(holds(empty, "## Business impact\n\nNo business impact recorded.\n"));
    CHECK(holds(empty, "## Technical findings and recommendations\n\nNo technical findings recorded.\n"));
    CHECK(holds(empty, "## Notes from the POV\n\nNo shared notes.\n"));
}

TEST_CASE("results: a cancelled POV's document gives the reason")
{
    auto pov = won_pov();
    pov.status = Status::cancelled;
    pov.result.reset();
    pov.reason = "Customer froze all new spend";
    const auto doc = render::results_markdown(pov, today);
    CHECK(holds(doc, "- **Outcome**: Cancelled on 2026-03-28"));
    CHECK(holds(doc, "- **Why it was cancelled**: Customer froze all new spend"));
}

TEST_CASE("results: a loss's competitor and loss type stay in the internal document")
{
    auto pov = won_pov();
    pov.result = Result::unsuccessful;
    pov.competitor = "Rival Inc.";
    pov.loss_type = LossType::technical;
    pov.journal.clear();
    const auto customer = render::results_markdown(pov, today);
    CHECK(holds(customer, "- **Outcome**: Unsuccessful on 2026-03-28"));
    CHECK_FALSE(holds(customer, "Rival Inc."));
    const auto internal = render::results_markdown(pov, today, true);
    CHECK(holds(internal, "- **Competitor**: Rival Inc."));
    CHECK(holds(internal, "- **Loss**: technical"));
}
