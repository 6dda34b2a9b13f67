//! Every rule sentence of the engagement orchestration overview, each shown to hold.
//!
//! The overview (the seed, vendored in `tests/fixtures/seed/`) states the rules docket
//! enforces: the lifecycle table (section 1), routing logic (3), boundary reminders (4), the
//! messy real-world scenario (5) and the recovery action (6). [`RULES`] is a table with one
//! row per sentence: the section, the sentence as the seed words it, and a small engagement
//! (Northwind, changed as the row needs) that shows the rule held. A reader who wonders where
//! a gate comes from finds its sentence here; a sentence with no row fails
//! `every_rule_sentence_of_the_overview_has_a_row`.

use docket::gate::Decision;
use docket::report::{EngagementReport, Handoff, Progress};
use toml::{Table, Value};

use crate::common::*;

/// One rule of the overview and the check that shows it holds.
struct Rule {
    /// The section of the overview (1, 3, 4, 5, 6).
    section: u8,
    /// The sentence (or table row, or clause), verbatim from the seed.
    sentence: &'static str,
    /// Panics, saying what went wrong, when the rule does not hold.
    holds: fn(),
}

const RULES: &[Rule] = &[
    // 1. Lifecycle routing: one row per stage, each with the gate before the next.
    Rule {
        section: 1,
        sentence: "Discovery discovery Requirements brief (DISC-2026-0117) Facts verified",
        holds: || {
            let r = Case::northwind().without("facts").check();
            assert_eq!(decision(&r, "brief"), Decision::Draft);
            assert_eq!(document_id(&r, "brief"), "DISC-2026-0117");
            assert_eq!(
                decision(&Case::northwind().check(), "brief"),
                Decision::Final
            );
        },
    },
    Rule {
        section: 1,
        sentence: "Proposal proposal Pilot proposal (PRO-2026-0188) Commercial approval",
        holds: || {
            // The gate before the contract: no commercial approval, no final agreement.
            let r = Case::northwind().without("commercial").check();
            assert_eq!(decision(&r, "proposal"), Decision::Final);
            assert_eq!(document_id(&r, "proposal"), "PRO-2026-0188");
            assert_eq!(decision(&r, "agreement"), Decision::Draft);
        },
    },
    Rule {
        section: 1,
        sentence: "Contract contract Agreement (ADSA-2026-0142) Signature + deposit",
        holds: || {
            // Nothing of delivery or billing renders before the signed contract and deposit.
            let r = Case::northwind().without("contract").check();
            assert_eq!(document_id(&r, "agreement"), "ADSA-2026-0142");
            assert_eq!(decision(&r, "launch-checklist"), Decision::Blocked);
            assert_eq!(decision(&r, "invoice"), Decision::Blocked);
        },
    },
    Rule {
        section: 1,
        sentence: "Delivery delivery Launch readiness checklist Security signoff",
        holds: || {
            let r = Case::northwind().check();
            assert_eq!(decision(&r, "launch-checklist"), Decision::Draft);
            let r = Case::northwind()
                .approve("security", &["launch"], None)
                .check();
            assert_eq!(decision(&r, "launch-checklist"), Decision::Final);
        },
    },
    Rule {
        section: 1,
        sentence: "Overlay security review Signoff memo (SEC-2026-0090) Conditional GO",
        holds: || {
            // A conditional GO is a final memo: the memo records the decision itself.
            let r = Case::northwind().check();
            assert_eq!(decision(&r, "security-memo"), Decision::Final);
            assert_eq!(document_id(&r, "security-memo"), "SEC-2026-0090");
            assert!(reasons(&r, "security-memo").contains("security conditional"));
        },
    },
    Rule {
        section: 1,
        sentence: "Support customer success Health scorecard & QBR Renewal decision",
        holds: || {
            let launched = Case::northwind().approve("security", &["launch"], None);
            let r = launched.clone().check();
            assert_eq!(decision(&r, "health-scorecard"), Decision::Draft);
            assert!(reasons(&r, "health-scorecard").contains("renewal approval"));
            let r = launched.approve("renewal", &["share-qbr"], None).check();
            assert_eq!(decision(&r, "health-scorecard"), Decision::Final);
        },
    },
    Rule {
        section: 1,
        sentence: "Proof case study Named case study (approved) Public-use approval",
        holds: || {
            let r = Case::northwind().check();
            assert_eq!(decision(&r, "case-study"), Decision::Blocked);
            let r = Case::northwind()
                .approve("public_use", &["publish-case-study"], None)
                .approve("security", &["public-proof"], None)
                .check();
            assert_eq!(decision(&r, "case-study"), Decision::Final);
        },
    },
    Rule {
        section: 1,
        sentence: "Billing invoice Milestone invoice (INV-2026-0461) Billing approval",
        holds: || {
            let r = Case::northwind().check();
            assert_eq!(decision(&r, "invoice"), Decision::Draft);
            assert_eq!(document_id(&r, "invoice"), "INV-2026-0461");
            let r = Case::northwind()
                .approve("billing", &["issue-invoice"], None)
                .check();
            assert_eq!(decision(&r, "invoice"), Decision::Final);
        },
    },
    Rule {
        section: 1,
        sentence: "Comms email Outbound sequence Verified recipient",
        holds: || {
            let r = sendable().without("recipient").check();
            assert_eq!(decision(&r, "email-sequence"), Decision::Draft);
            assert!(reasons(&r, "email-sequence").contains("recipient approval"));
            assert_eq!(
                decision(&sendable().check(), "email-sequence"),
                Decision::Final
            );
        },
    },
    Rule {
        section: 1,
        sentence: "Packaging envelope #10 addressed envelope Approved to send",
        holds: || {
            let r = sendable().without("external_send").check();
            assert_eq!(decision(&r, "envelope"), Decision::Draft);
            assert!(reasons(&r, "envelope").contains("external_send approval"));
            assert_eq!(decision(&sendable().check(), "envelope"), Decision::Final);
        },
    },
    // 3. Routing logic.
    Rule {
        section: 3,
        sentence: "Select the earliest missing lifecycle artifact unless the user requests a specific support output.",
        holds: || {
            let r = Case::northwind().check();
            assert_eq!(r.route.target.as_deref(), Some("launch-checklist"));
            // At the contract stage with the brief still a draft, the brief comes first.
            let r = Case::northwind()
                .set("lifecycle_stage", "contract")
                .without("facts")
                .check();
            assert_eq!(r.route.target.as_deref(), Some("brief"));
            // A requested output is routed to, whatever the stage.
            let r = Case::northwind().check_want("health-scorecard");
            assert_eq!(r.route.target.as_deref(), Some("health-scorecard"));
            assert_eq!(r.route.next_skill.last().unwrap(), "customer-success");
        },
    },
    Rule {
        section: 3,
        sentence: "Invoke security review before launch, new tools, external actions, billing, or public proof.",
        holds: || {
            let first = |case: Case, want: &str| case.check_want(want).route.next_skill[0].clone();
            // Launch: the pilot's conditional signoff leaves R-03 open.
            assert_eq!(
                first(Case::northwind(), "launch-checklist"),
                "security-review"
            );
            // Billing: a signoff that does not name billing.
            let no_billing =
                Case::northwind()
                    .without("security")
                    .approve("billing", &["issue-invoice"], None);
            assert_eq!(first(no_billing, "invoice"), "security-review");
            // External actions: email and envelope, with send and recipient approved.
            let r = sendable()
                .without_action("security", "external-send")
                .check();
            assert_eq!(decision(&r, "email-sequence"), Decision::Draft);
            assert_eq!(decision(&r, "envelope"), Decision::Draft);
            let unsecured = || sendable().without_action("security", "external-send");
            assert_eq!(first(unsecured(), "email-sequence"), "security-review");
            assert_eq!(first(unsecured(), "envelope"), "security-review");
            // Public proof.
            let proof = Case::northwind().approve("public_use", &["publish-case-study"], None);
            assert_eq!(first(proof, "case-study"), "security-review");
            // New tools (refund data and policy access for the agent): an expanded scope,
            // blocked until security approves it too.
            let r = Case::northwind()
                .set("launch_checklist.items[0].scope", "refund-recommendations")
                .check();
            assert!(
                reasons(&r, "launch-checklist").contains("security approval to expand-scope"),
                "{}",
                reasons(&r, "launch-checklist")
            );
        },
    },
    Rule {
        section: 3,
        sentence: "Use email only for message copy; use envelope only for packaging and delivery-readiness.",
        holds: || {
            let r = Case::northwind().check_want("email-sequence");
            assert_eq!(r.route.next_skill.last().unwrap(), "email");
            let r = Case::northwind().check_want("envelope");
            assert_eq!(r.route.next_skill.last().unwrap(), "envelope");
            // Email data is message copy: an address in it is an error, not a mailing.
            let err = Case::northwind()
                .set("email_sequence.address", "northwind-sponsor")
                .check_err();
            assert!(err.contains("address"), "{err}");
            // Envelope data is packaging: message copy in it is an error.
            let err = Case::northwind()
                .set("envelope.body", "Dear Dana")
                .check_err();
            assert!(err.contains("body"), "{err}");
        },
    },
    Rule {
        section: 3,
        sentence: "Return a handoff package: artifact paths, decisions, open questions, blockers, approvals, next owner.",
        holds: || {
            let h = serde_json::to_value(Case::northwind().handoff()).unwrap();
            for field in [
                "artifact_paths",
                "decisions",
                "open_questions",
                "blockers",
                "approvals",
                "next_owner",
            ] {
                assert!(h.get(field).is_some(), "handoff has no {field}");
            }
            assert_eq!(h["next_owner"], "CompleteTech delivery lead");
        },
    },
    // 4. Boundary reminders.
    Rule {
        section: 4,
        sentence: "Discovery facts are not a proposal",
        holds: || {
            // Verified discovery facts and no proposal: there is no proposal to render, and
            // routing asks for one.
            let r = Case::northwind()
                .set("lifecycle_stage", "proposal")
                .remove("proposal")
                .check();
            assert_eq!(decision(&r, "brief"), Decision::Final);
            assert_eq!(decision(&r, "proposal"), Decision::Blocked);
            assert_eq!(r.route.target.as_deref(), Some("proposal"));
        },
    },
    Rule {
        section: 4,
        sentence: "a proposal is not a contract",
        holds: || {
            // Commercial acceptance of the proposal does not sign the agreement.
            let r = Case::northwind()
                .without("commercial")
                .approve("commercial", &["accept-proposal"], None)
                .check();
            assert_eq!(decision(&r, "proposal"), Decision::Final);
            assert_eq!(decision(&r, "agreement"), Decision::Draft);
        },
    },
    Rule {
        section: 4,
        sentence: "a contract does not authorize launch",
        holds: || {
            let r = Case::northwind()
                .without("security")
                .approve("contract", &["start-delivery"], None)
                .check();
            assert_eq!(decision(&r, "agreement"), Decision::Final);
            assert_eq!(decision(&r, "launch-checklist"), Decision::Draft);
        },
    },
    Rule {
        section: 4,
        sentence: "Case studies, testimonials, and named references require verified client approval.",
        holds: || {
            // Recorded as approved but with no approver, action or evidence: not verified.
            let r = Case::northwind()
                .raw_approval("gate = \"public_use\"\nstatus = \"approved\"")
                .approve("security", &["public-proof"], None)
                .check();
            assert_eq!(decision(&r, "case-study"), Decision::Blocked);
            assert!(reasons(&r, "case-study").contains("treated as requested"));
        },
    },
    Rule {
        section: 4,
        sentence: "Certificates require verified recipient/course facts",
        holds: || {
            let certificate = |course: &str| {
                Case::northwind()
                    .set("certificate.recipient", "Dana Whitfield (example)")
                    .set("certificate.course", course)
                    .set("certificate.completed_on", "2026-11-20")
                    .approve("recipient", &["issue-certificate"], None)
            };
            let r = certificate("TBD").check();
            assert_eq!(decision(&r, "certificate"), Decision::Blocked);
            assert!(reasons(&r, "certificate").contains("certificate.course"));
            let r = certificate("Triage agent operations").check();
            assert_eq!(decision(&r, "certificate"), Decision::Final);
        },
    },
    Rule {
        section: 4,
        sentence: "and are not delivery acceptance or public proof",
        holds: || {
            let r = Case::northwind()
                .set("certificate.recipient", "Dana Whitfield (example)")
                .set("certificate.course", "Triage agent operations")
                .set("certificate.completed_on", "2026-11-20")
                .approve("recipient", &["issue-certificate"], None)
                .check();
            assert_eq!(decision(&r, "certificate"), Decision::Final);
            assert_eq!(decision(&r, "launch-checklist"), Decision::Draft);
            assert_eq!(decision(&r, "case-study"), Decision::Blocked);
        },
    },
    // 5. The messy real-world scenario.
    Rule {
        section: 5,
        sentence: "During delivery, Northwind asks whether the pilot can recommend refunds.",
        holds: || {
            let r = Case::northwind().check();
            assert_eq!(r.lifecycle_stage, "delivery");
            assert!(
                r.open_questions
                    .iter()
                    .any(|q| q.starts_with("change_order."))
            );
            assert_eq!(decision(&r, "change-order"), Decision::Draft);
        },
    },
    Rule {
        section: 5,
        sentence: "The signed scope excludes refund decisions, so the orchestrator keeps the current delivery track inside the approved support-triage scope and opens two parallel draft-only tracks.",
        holds: || {
            let r = Case::northwind().check();
            let scope_of = |kind: &str| {
                r.artifacts
                    .iter()
                    .find(|a| a.kind == kind)
                    .map(|a| {
                        a.approvals_used
                            .iter()
                            .map(|v| v.scope.clone())
                            .collect::<Vec<_>>()
                    })
                    .unwrap()
            };
            // Delivery stays in the pilot's scope; the change order is its own draft track.
            assert!(
                scope_of("agreement")
                    .iter()
                    .all(|s| s == "support-triage-pilot")
            );
            let tracks: Vec<&str> = r.route.tracks.iter().map(|t| t.name.as_str()).collect();
            assert_eq!(tracks, ["Delivery", "Security review", "Change order"]);
            assert_eq!(progress(&r, "change-order"), Progress::Draft);
        },
    },
    Rule {
        section: 5,
        sentence: "Delivery Active CompleteTech delivery lead Launch waits on retention policy",
        holds: || {
            track_blocker(
                "Delivery",
                "Launch waits on retention policy",
                "CompleteTech delivery lead",
            )
        },
    },
    Rule {
        section: 5,
        sentence: "Security review Blocked TBD Security contact and refund-policy risk unknown",
        holds: || {
            track_blocker(
                "Security review",
                "Security contact and refund-policy risk unknown",
                "TBD",
            )
        },
    },
    Rule {
        section: 5,
        sentence: "Change order Draft only CompleteTech engagement lead Commercial approval for refund recommendations missing",
        holds: || {
            track_blocker(
                "Change order",
                "Commercial approval for refund recommendations missing",
                "CompleteTech engagement lead",
            )
        },
    },
    Rule {
        section: 5,
        sentence: "The prior security approval remains conditional for the original pilot only.",
        holds: || {
            let r = Case::northwind().check();
            let missing = reasons(&r, "change-order");
            assert!(
                missing.contains("the conditional one covers scope support-triage-pilot only"),
                "{missing}"
            );
        },
    },
    Rule {
        section: 5,
        sentence: "Refund-related delivery, billing, contract updates, and external send stay blocked until commercial, legal, billing, security, and recipient approvals are current.",
        holds: || {
            // Contract update: the change order needs commercial, legal and security.
            let r = Case::northwind()
                .without_scope("commercial", "refund-recommendations")
                .approve("commercial", &["approve-change-order"], Some(REFUND))
                .approve("security", &["review-scope"], Some(REFUND))
                .check();
            assert_eq!(decision(&r, "change-order"), Decision::Draft);
            let missing = reasons(&r, "change-order");
            assert!(
                missing.contains("legal approval to approve-change-order"),
                "{missing}"
            );
            assert!(!missing.contains("commercial approval"), "{missing}");
            // Delivery, billing and external send of the refund scope: blocked until all five.
            let refund_items = || {
                billable()
                    .set("launch_checklist.items[0].scope", REFUND)
                    .set("invoice.lines[1].scope", REFUND)
                    .set("email_sequence.scope", REFUND)
            };
            let five = ["commercial", "legal", "billing", "security", "recipient"];
            for left_out in five {
                let mut case = refund_items();
                for gate in five.iter().filter(|g| **g != left_out) {
                    case = case.approve(gate, &["expand-scope"], Some(REFUND));
                }
                let r = case.check();
                for kind in ["launch-checklist", "invoice", "email-sequence"] {
                    assert_eq!(
                        decision(&r, kind),
                        Decision::Blocked,
                        "{kind} without {left_out}"
                    );
                    assert!(
                        reasons(&r, kind).contains(&format!("{left_out} approval to expand-scope"))
                    );
                }
            }
            let mut case = refund_items();
            for gate in five {
                case = case.approve(gate, &["expand-scope"], Some(REFUND));
            }
            let r = case.check();
            assert_ne!(
                decision(&r, "invoice"),
                Decision::Blocked,
                "{}",
                reasons(&r, "invoice")
            );
            assert_ne!(decision(&r, "launch-checklist"), Decision::Blocked);
        },
    },
    // 6. Recovery action.
    Rule {
        section: 6,
        sentence: "Keep the pilot sandboxed and inside approved support-triage scope.",
        holds: || {
            // The pilot's own documents are untouched by the refund question...
            let r = billable().check();
            assert_eq!(decision(&r, "invoice"), Decision::Final);
            // ...and nothing of the refund scope slips into them.
            let r = billable().set("invoice.lines[1].scope", REFUND).check();
            assert_eq!(decision(&r, "invoice"), Decision::Blocked);
        },
    },
    Rule {
        section: 6,
        sentence: "Ask the sponsor whether refund recommendations should become a formal change order.",
        holds: || {
            let case = Case::northwind();
            let data = case.write();
            let out = tempfile::tempdir().unwrap();
            let run = docket(&[
                "build",
                "--only",
                "change-order",
                "--data",
                data.path().to_str().unwrap(),
                "--out",
                out.path().to_str().unwrap(),
            ]);
            assert!(
                run.status.success(),
                "{}",
                String::from_utf8_lossy(&run.stderr)
            );
            let md = std::fs::read_to_string(out.path().join("northwind/change-order.md")).unwrap();
            assert!(md.contains("Should refund recommendations become a formal change order?"));
            assert!(md.contains("DRAFT"));
        },
    },
    Rule {
        section: 6,
        sentence: "Route refund data, policy access, and tool permissions to security review before any implementation.",
        holds: || {
            // A delivery item for the refund scope: routing sends it to security review.
            let r = Case::northwind()
                .approve("security", &["launch"], None)
                .set("launch_checklist.items[0].scope", REFUND)
                .check();
            assert_eq!(r.route.target.as_deref(), Some("launch-checklist"));
            assert_eq!(r.route.next_skill, ["security-review", "delivery"]);
        },
    },
    Rule {
        section: 6,
        sentence: "Mark any expanded-scope approval as requested or conditional, never approved, until evidence names the approver and permitted action.",
        holds: || {
            let r = Case::northwind()
                .raw_approval(
                    "gate = \"commercial\"\nstatus = \"approved\"\nscope = \"refund-recommendations\"\nactions = [\"approve-change-order\"]",
                )
                .check();
            let view = r
                .approvals
                .iter()
                .find(|a| a.scope == REFUND && a.recorded.to_string() == "approved")
                .unwrap();
            assert_eq!(view.effective.to_string(), "requested");
            assert_eq!(decision(&r, "change-order"), Decision::Draft);
        },
    },
];

const REFUND: &str = "refund-recommendations";

#[test]
fn every_rule_of_the_overview_holds() {
    let mut failed = Vec::new();
    for rule in RULES {
        if let Err(panic) = std::panic::catch_unwind(rule.holds) {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failed.push(format!(
                "section {}: \"{}\"\n  {why}",
                rule.section, rule.sentence
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "rules that do not hold:\n{}",
        failed.join("\n")
    );
}

/// Every table row, bullet and sentence of sections 1, 3, 4, 5 and 6 of the seed has a row
/// in [`RULES`], and every row quotes the seed verbatim.
#[test]
fn every_rule_sentence_of_the_overview_has_a_row() {
    let seed = std::fs::read_to_string(
        root().join("tests/fixtures/seed/engagement-orchestration-overview.txt"),
    )
    .unwrap();
    for rule in RULES {
        assert!(
            seed.contains(rule.sentence),
            "not in the seed: {}",
            rule.sentence
        );
    }
    let mut missing = Vec::new();
    for (section, units) in seed_units(&seed) {
        for unit in units {
            let covered = RULES.iter().any(|r| {
                r.section == section && (unit.contains(r.sentence) || r.sentence.contains(&unit))
            });
            if !covered {
                missing.push(format!("section {section}: {unit}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "sentences with no row:\n{}",
        missing.join("\n")
    );
}

/// The rule sentences of the seed's sections 1, 3, 4, 5 and 6: table rows, bullets (section
/// 4's clauses split at `;`), and the sentences of section 5's paragraphs.
fn seed_units(seed: &str) -> Vec<(u8, Vec<String>)> {
    let headings = [
        (1, "1. Lifecycle Routing"),
        (2, "2. Example project_state Handoff"),
        (3, "3. Routing Logic"),
        (4, "4. Boundary Reminders"),
        (5, "5. Messy Real-World Scenario"),
        (6, "6. Recovery Action"),
    ];
    let mut out = Vec::new();
    for (i, (section, heading)) in headings.iter().enumerate() {
        if *section == 2 {
            continue;
        }
        let start = seed.find(heading).unwrap() + heading.len();
        let end = headings
            .get(i + 1)
            .map_or(seed.len(), |(_, next)| seed.find(next).unwrap());
        let mut units = Vec::new();
        for line in seed[start..end]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let line = line.trim_start_matches('•').trim();
            if line.starts_with("Stage Skill") || line.starts_with("Track Status") {
                continue; // table headers
            }
            match section {
                4 => units.extend(line.split("; ").map(str::to_string)),
                5 if line.ends_with('.') => units.extend(
                    line.split_inclusive(". ")
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty()),
                ),
                _ => units.push(line.to_string()),
            }
        }
        out.push((*section, units));
    }
    out
}

// Done-when cases of the rules issue that read best on their own.

/// Northwind with external send approved and the recipient verified, but no security
/// approval at all: email and envelope are drafts, and `docket next` invokes security review.
#[test]
fn external_actions_wait_for_security_review() {
    let case = sendable().without("security");
    let r = case.check();
    assert_eq!(decision(&r, "email-sequence"), Decision::Draft);
    assert_eq!(decision(&r, "envelope"), Decision::Draft);
    let data = case.write();
    let run = docket(&[
        "next",
        "--data",
        data.path().to_str().unwrap(),
        "--want",
        "envelope",
        "--json",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = String::from_utf8_lossy(&run.stdout);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let route = if json.is_array() { &json[0] } else { &json };
    let skills = route["next_skill"].to_string();
    assert!(skills.starts_with("[\"security-review\""), "{text}");
}

/// Regression: an engagement at the proposal stage whose commercial approval is a bare
/// `approved` was routed to `contract`, but its blockers were six stages it had not reached
/// ("no [launch_checklist] data ... nothing to render") and never the commercial approval.
#[test]
fn the_handoff_names_the_bare_approval_in_the_way_and_later_stages_are_not_started() {
    let mut case = Case::northwind()
        .set("lifecycle_stage", "proposal")
        .without("commercial")
        .raw_approval("gate = \"commercial\"\nstatus = \"approved\"");
    // Nothing written yet for the stages after the contract.
    for later in [
        "launch_checklist",
        "security_memo",
        "health_scorecard",
        "case_study",
        "invoice",
        "email_sequence",
        "envelope",
        "change_order",
    ] {
        case = case.remove(later);
    }
    let h = case.handoff();
    assert_eq!(h.next_skill, ["contract"]);
    assert!(!h.blockers.is_empty());
    let first = &h.blockers[0];
    assert_eq!(first.blocks, "agreement");
    assert!(
        first
            .blocker
            .contains("commercial approval to sign-agreement")
            && first
                .blocker
                .contains("names no approver, no permitted action and no evidence"),
        "{first:?}"
    );
    assert!(
        h.blockers
            .iter()
            .all(|b| !b.blocker.contains("nothing to render")),
        "{:#?}",
        h.blockers
    );
    for stage in &h.stages[3..] {
        assert_eq!(stage.progress, Progress::NotStarted, "{stage:?}");
    }
    let md = docket::report::handoff_markdown(&h);
    let blockers = md.find("## Blockers").unwrap();
    assert!(blockers < md.find("## Stages").unwrap());
    assert!(
        md.contains("| packaging | envelope | not started |"),
        "{md}"
    );
}

// The engagement a row starts from, and what it reads back.

/// Northwind's engagement and approvals, to change as a row needs.
#[derive(Clone)]
struct Case {
    engagement: Table,
    approvals: Vec<Table>,
}

impl Case {
    fn northwind() -> Case {
        let read = |name: &str| std::fs::read_to_string(root().join(NORTHWIND).join(name)).unwrap();
        let engagement: Table = toml::from_str(&read("engagement.toml")).unwrap();
        let manifest: Table = toml::from_str(&read("approvals.toml")).unwrap();
        let approvals = manifest["approval"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_table().unwrap().clone())
            .collect();
        Case {
            engagement,
            approvals,
        }
    }

    /// Sets a field by path (`invoice.lines[1].scope`), creating tables on the way.
    fn set(mut self, path: &str, value: &str) -> Case {
        let (parent, key) = path.rsplit_once('.').map_or(("", path), |(p, k)| (p, k));
        let mut table = &mut self.engagement;
        for part in parent.split('.').filter(|p| !p.is_empty()) {
            let (name, index) = match part.split_once('[') {
                Some((n, i)) => (n, Some(i.trim_end_matches(']').parse::<usize>().unwrap())),
                None => (part, None),
            };
            let entry = table
                .entry(name.to_string())
                .or_insert_with(|| Value::Table(Table::new()));
            table = match index {
                Some(i) => entry.as_array_mut().unwrap()[i].as_table_mut().unwrap(),
                None => entry.as_table_mut().unwrap(),
            };
        }
        table.insert(key.to_string(), Value::String(value.to_string()));
        self
    }

    /// Removes a top-level section.
    fn remove(mut self, key: &str) -> Case {
        self.engagement.remove(key);
        self
    }

    /// Adds an approval with everything an approval needs to count.
    fn approve(self, gate: &str, actions: &[&str], scope: Option<&str>) -> Case {
        let mut a = format!(
            "gate = \"{gate}\"\nstatus = \"approved\"\n\
             approver = {{ name = \"Pat Example (example)\", role = \"Client sponsor\" }}\n\
             actions = {actions:?}\nevidence = \"Signed approval on file (example)\"\n"
        );
        if let Some(scope) = scope {
            a.push_str(&format!("scope = \"{scope}\"\n"));
        }
        self.raw_approval(&a)
    }

    /// Adds an approval as written.
    fn raw_approval(mut self, toml: &str) -> Case {
        self.approvals.push(toml::from_str(toml).unwrap());
        self
    }

    /// Drops every approval of a gate.
    fn without(mut self, gate: &str) -> Case {
        self.approvals.retain(|a| a["gate"].as_str() != Some(gate));
        self
    }

    /// Drops the approvals of a gate for one scope.
    fn without_scope(mut self, gate: &str, scope: &str) -> Case {
        self.approvals.retain(|a| {
            a["gate"].as_str() != Some(gate)
                || a.get("scope").and_then(Value::as_str) != Some(scope)
        });
        self
    }

    /// Drops one action from every approval of a gate.
    fn without_action(mut self, gate: &str, action: &str) -> Case {
        for a in self
            .approvals
            .iter_mut()
            .filter(|a| a["gate"].as_str() == Some(gate))
        {
            if let Some(Value::Array(actions)) = a.get_mut("actions") {
                actions.retain(|x| x.as_str() != Some(action));
            }
        }
        self
    }

    /// Writes the engagement into a data folder of its own (with the default rules).
    fn write(&self) -> tempfile::TempDir {
        let data = tempfile::tempdir().unwrap();
        evidence_rules(data.path());
        let dir = data.path().join("northwind");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("engagement.toml"),
            toml::to_string(&self.engagement).unwrap(),
        )
        .unwrap();
        let mut manifest = Table::new();
        manifest.insert(
            "approval".into(),
            Value::Array(self.approvals.iter().cloned().map(Value::Table).collect()),
        );
        std::fs::write(
            dir.join("approvals.toml"),
            toml::to_string(&manifest).unwrap(),
        )
        .unwrap();
        data
    }

    fn run(&self, want: Option<&str>) -> Result<EngagementReport, String> {
        let data = self.write();
        let options = docket::Options {
            data: data.path().to_path_buf(),
            templates: root().join("templates"),
            fonts: root().join("fonts"),
            want: want.map(str::to_string),
            ..Default::default()
        };
        docket::check(&options)
            .map(|mut s| s.engagements.remove(0))
            .map_err(|e| e.to_string())
    }

    fn check(&self) -> EngagementReport {
        self.run(None).unwrap_or_else(|e| panic!("{e}"))
    }

    fn check_want(&self, kind: &str) -> EngagementReport {
        self.run(Some(kind)).unwrap_or_else(|e| panic!("{e}"))
    }

    fn check_err(&self) -> String {
        match self.run(None) {
            Ok(_) => panic!("expected the data to be refused"),
            Err(e) => e,
        }
    }

    fn handoff(&self) -> Handoff {
        docket::report::handoff(&self.check())
    }
}

/// Northwind with everything an external send needs (send, recipient, security).
fn sendable() -> Case {
    Case::northwind()
        .without("external_send")
        .set(
            "email_sequence.recipients[0].email",
            "dana@northwind.example",
        )
        .approve("external_send", &["send-email", "send-mail"], None)
        .approve("recipient", &["verify-recipient"], None)
        .approve("security", &["external-send"], None)
}

/// Northwind with billing approved.
fn billable() -> Case {
    Case::northwind().approve("billing", &["issue-invoice"], None)
}

fn artifact<'a>(r: &'a EngagementReport, kind: &str) -> &'a docket::report::ArtifactReport {
    r.artifacts.iter().find(|a| a.kind == kind).unwrap()
}

fn decision(r: &EngagementReport, kind: &str) -> Decision {
    artifact(r, kind).decision
}

fn progress(r: &EngagementReport, kind: &str) -> Progress {
    artifact(r, kind).progress
}

fn document_id(r: &EngagementReport, kind: &str) -> String {
    artifact(r, kind).document_id.clone()
}

fn reasons(r: &EngagementReport, kind: &str) -> String {
    artifact(r, kind).reasons.join("; ")
}

/// A track of the seed's scenario is in the handoff's blockers with its owner.
fn track_blocker(track: &str, blocker: &str, owner: &str) {
    let h = Case::northwind().handoff();
    assert!(
        h.blockers
            .iter()
            .any(|b| b.blocks.starts_with(&format!("track {track} ("))
                && b.blocker == blocker
                && b.owner == owner),
        "{:#?}",
        h.blockers
    );
}

/// The recipe "how to add a kind" (`docs/dev/architecture.md`, How to add), followed once: a kind
/// is a row in rules.toml, a Markdown template and a layout. Here a one-page "brief card"
/// made from the brief's own section, in a copy of the templates: it is gated like any kind
/// (a draft until the facts are verified), written as Markdown and PDF, and reported.
#[test]
fn a_new_kind_is_a_row_a_template_and_a_layout() {
    let data = data_copy("new-kind");
    let templates = temp_dir("new-kind-templates");
    copy_dir(&root().join("templates"), &templates);
    std::fs::write(
        templates.join("brief-card.md"),
        "{% include \"_header.md\" %}\nThe problem, in one line: {{ s.problem }}\n",
    )
    .unwrap();
    std::fs::write(
        templates.join("brief-card.typ"),
        "#import \"/_house.typ\": *\n\
         #let layout(meta, total: none) = {\n\
         \x20 show: house.with(meta, total: total, title: \"BRIEF CARD\", fields: ((\"Brief no.\", val(meta.doc.id)),))\n\
         \x20 part(\"The problem\", text(meta.s.at(\"problem\", default: \"TBD\")))\n\
         }\n",
    )
    .unwrap();
    append(
        &data.join("rules.toml"),
        r#"
[[kind]]
kind = "brief-card"
title = "Brief Card"
skill = "discovery"
section = "brief"
template = "brief-card.md"
layout = "brief-card"
final_requires = [{ gate = "facts", action = "verify-facts" }]
"#,
    );
    let out = temp_dir("new-kind-out");
    docket_ok(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--templates",
        templates.to_str().unwrap(),
    ]);
    let engagement = out.join("northwind");
    let markdown = std::fs::read_to_string(engagement.join("brief-card.md")).unwrap();
    assert!(markdown.contains("The problem, in one line:"), "{markdown}");
    let page = pdf_pages(&engagement.join("brief-card.pdf")).join("\n");
    assert!(
        page.contains("BRIEF CARD") && page.contains("THE PROBLEM"),
        "{page}"
    );
    assert!(
        page.contains("sort every inbound customer email by hand"),
        "{page}"
    );
    let report = read_json(&engagement.join("build-report.json"));
    let card = report["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "brief-card")
        .expect("the new kind is reported");
    let brief = report["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "brief")
        .unwrap();
    // The same gate as the brief (facts verified): the same decision.
    assert_eq!(card["decision"], brief["decision"], "{card}");
    // And `docket kinds` lists it, with what its gate asks for.
    let kinds = docket_ok(&["kinds", "--json", "--data", data.to_str().unwrap()]);
    let kinds: serde_json::Value = serde_json::from_slice(&kinds.stdout).unwrap();
    let row = kinds["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "brief-card")
        .expect("kinds lists the new kind");
    assert_eq!(row["final_requires"][0]["gate"], "facts");
}
