// Sample records for the unit tests.
#pragma once

#include "helpers.hpp"

#include "pov/record.hpp"

namespace test {

// The least a stored POV needs: a name, an account and an SA.
inline pov::Pov minimal_pov()
{
    pov::Pov pov;
    pov.id = 7;
    pov.uuid = "0b7e2f4c-1d3a-4c5e-9f00-123456789abc";
    pov.name = "Acme platform POV";
    pov.account = "Acme Corp";
    pov.sa = "Sam Architect";
    return pov;
}

inline pov::Capability capability(int n, std::string title, std::string target = "p95 under 10 min")
{
    pov::Capability c;
    c.n = n;
    c.title = std::move(title);
    c.target = std::move(target);
    return c;
}

// A new guided POV that passes all ten qualification checks of section 4.
inline pov::Pov qualifying_pov()
{
    auto pov = minimal_pov();
    pov.stage = 3;
    pov.deal = pov::Deal::new_logo;
    pov.solution = "devsecops";
    pov.why_now = "audit in Q3";
    pov.why_anything = "manual releases fail";
    pov.metrics = "lead time";
    pov.decision_process = "CTO decides with security";
    pov.pain = "two-week release cycle";
    pov.eb_access = "monthly 1:1 with the CFO";
    pov.impact = "misses the audit";
    pov.capabilities = {capability(1, "Pipeline under 10 minutes"), capability(2, "SAST on every merge request")};
    pov.champion = "Chris Champion";
    pov.economic_buyer = "Erin Buyer";
    pov.champion_signoff = day("2026-02-20");
    pov.eb_signoff = day("2026-02-21");
    pov.technical_lead = "Terry Lead";
    pov.start = day("2026-03-02");
    pov.end = day("2026-03-30"); // 28 days
    return pov;
}

// A closed POV with every field, part and list filled, much of it with hostile text.
inline pov::Pov full_pov()
{
    auto pov = qualifying_pov();
    pov.name = hostile_line;
    pov.opportunity = "Acme — FY27 \"platform\" deal";
    pov.segment = pov::Segment::commercial;
    pov.deal = pov::Deal::uptier;
    pov.net_arr = 1'200'000;
    pov.lam_significant = true;
    pov.strategic = true;
    pov.owner = "Olive Owner";
    pov.csm = "Casey CSM";
    pov.business_owner = "Bo Business";
    pov.pain = hostile_multiline;
    pov.desired_future = "one platform 🌍";
    pov.business_outcomes = "weekly releases";
    pov.objective = "prove it";
    pov.in_scope = "CI, SAST";
    pov.out_of_scope = "SSO";
    pov.customer_commitments = "two engineers";
    pov.next_steps = "sign the order form";
    pov.started_on = day("2026-03-02");
    pov.closed_on = day("2026-04-20");
    pov.status = pov::Status::closed;
    pov.approved_by = "Morgan Manager";
    pov.approved_on = day("2026-03-01");
    pov.result = pov::Result::unsuccessful;
    pov.reason = "budget frozen; 'SELECT * FROM povs'";
    pov.competitor = "Rival Inc.";
    pov.loss_type = pov::LossType::non_technical;
    pov.ps_positioned = true;
    pov.license_purchased = true;
    pov.created_on = day("2026-02-15");
    pov.criteria_creep = true;
    pov.capabilities[0].status = pov::CapabilityStatus::met;
    pov.capabilities[0].evidence = "run #42\nall green ✅";
    pov.capabilities[0].outcome = "faster releases";
    pov.capabilities[0].updated_on = day("2026-03-10");
    pov.capabilities[1].status = pov::CapabilityStatus::not_met;
    pov.capabilities[1].target.clear();
    pov.extensions = {{day("2026-03-30"), day("2026-04-20"), "customer \"holiday\"", day("2026-03-25")}};
    pov.exec_review_on = day("2026-04-17");
    pov.business_impact = "release reviews cut from 10 days to 1\n2,400 engineer-hours a year";
    pov.findings = hostile_multiline;
    pov.journal = {{day("2026-03-05"), pov::JournalKind::note, hostile_multiline},
                   {day("2026-03-12"), pov::JournalKind::retro, "What went well: all\nOn track: yes"},
                   {day("2026-03-19"), pov::JournalKind::note, "pilot demo to the CISO 🎯", true}};
    return pov;
}

} // namespace test
