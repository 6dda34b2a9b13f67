//! The gate, table-driven: every status, missing evidence, expiry, scope, stale digests and
//! the preparer rule; the seed's routing rules; and a property test that no manifest makes a
//! document final without a current, evidenced, in-scope approval.

use std::path::Path;

use docket::digest::TemplateDigests;
use docket::gate::{Decision, Gated, Instance, evaluate};
use docket::load::{Loaded, load};
use docket::model::{Approval, Approver, Date, Manifest, Rules, Status};
use proptest::prelude::*;

fn northwind() -> (Rules, Loaded, TemplateDigests) {
    // The Northwind of before instances (one document per kind): see tests/it/common.rs NORTHWIND.
    let project = load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/before-instances"
    )))
    .unwrap();
    let loaded = project
        .engagements
        .into_iter()
        .find(|l| l.engagement.id == "northwind")
        .unwrap();
    let templates =
        TemplateDigests::load(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/templates")))
            .unwrap();
    (project.rules, loaded, templates)
}

fn decide(
    rules: &Rules,
    loaded: &Loaded,
    manifest: &Manifest,
    templates: &TemplateDigests,
    kind: &str,
) -> Gated {
    let state = serde_json::to_value(&loaded.engagement).unwrap();
    evaluate(
        rules.kind(kind).unwrap(),
        rules,
        &loaded.engagement,
        &state,
        manifest,
        templates,
        &Instance::single(&rules.kind(kind).unwrap().section),
    )
}

fn approval(gate: &str, status: Status, action: &str) -> Approval {
    Approval {
        gate: gate.into(),
        status,
        approver: Some(Approver {
            name: "Ada Park".into(),
            role: "Billing lead".into(),
            principal: None,
        }),
        actions: vec![action.into()],
        evidence: Some("email 2026-11-30".into()),
        date: None,
        scope: None,
        conditions: vec![],
        expires: None,
        artifact: None,
        digest: None,
        inputs: Default::default(),
        ..Default::default()
    }
}

/// Northwind's manifest plus one extra record.
fn with(loaded: &Loaded, extra: Approval) -> Manifest {
    let mut m = loaded.manifest.clone();
    m.approval.push(extra);
    m
}

#[test]
fn statuses_missing_evidence_expiry_and_scope() {
    let (rules, loaded, t) = northwind();
    let billing = |status| approval("billing", status, "issue-invoice");
    let date = |s: &str| Some(Date::parse(s).unwrap());
    let cases: Vec<(&str, Approval, Decision)> = vec![
        (
            "approved with evidence",
            billing(Status::Approved),
            Decision::Final,
        ),
        (
            "conditional is not approved",
            billing(Status::Conditional),
            Decision::Draft,
        ),
        ("requested", billing(Status::Requested), Decision::Draft),
        ("denied", billing(Status::Denied), Decision::Draft),
        ("revoked", billing(Status::Revoked), Decision::Draft),
        ("unknown", billing(Status::Unknown), Decision::Draft),
        (
            "no approver",
            Approval {
                approver: None,
                ..billing(Status::Approved)
            },
            Decision::Draft,
        ),
        (
            "approver TBD",
            Approval {
                approver: Some(Approver {
                    name: "TBD".into(),
                    role: "x".into(),
                    principal: None,
                }),
                ..billing(Status::Approved)
            },
            Decision::Draft,
        ),
        (
            "no evidence",
            Approval {
                evidence: None,
                ..billing(Status::Approved)
            },
            Decision::Draft,
        ),
        (
            "no action",
            Approval {
                actions: vec![],
                ..billing(Status::Approved)
            },
            Decision::Draft,
        ),
        (
            "another action",
            approval("billing", Status::Approved, "send-email"),
            Decision::Draft,
        ),
        (
            "expired",
            Approval {
                expires: date("2026-11-01"),
                ..billing(Status::Approved)
            },
            Decision::Draft,
        ),
        (
            "not yet expired",
            Approval {
                expires: date("2027-01-01"),
                ..billing(Status::Approved)
            },
            Decision::Final,
        ),
        (
            "other scope",
            Approval {
                scope: Some("refund-recommendations".into()),
                ..billing(Status::Approved)
            },
            Decision::Draft,
        ),
        (
            "bound to another artifact",
            Approval {
                artifact: Some("email-sequence".into()),
                ..billing(Status::Approved)
            },
            Decision::Draft,
        ),
        (
            "bound with a stale digest",
            Approval {
                artifact: Some("invoice".into()),
                digest: Some("sha256:old".into()),
                ..billing(Status::Approved)
            },
            Decision::Draft,
        ),
    ];
    for (name, extra, expected) in cases {
        let gated = decide(&rules, &loaded, &with(&loaded, extra), &t, "invoice");
        assert_eq!(gated.evaluation().decision, expected, "{name}");
    }
}

#[test]
fn a_bound_approval_counts_only_for_the_digest_it_names() {
    let (rules, loaded, t) = northwind();
    let current = decide(&rules, &loaded, &loaded.manifest, &t, "invoice")
        .evaluation()
        .input_digest
        .clone();
    let bound = Approval {
        artifact: Some("invoice".into()),
        digest: Some(current.total.clone()),
        inputs: current.fields.clone(),
        ..approval("billing", Status::Approved, "issue-invoice")
    };
    let gated = decide(
        &rules,
        &loaded,
        &with(&loaded, bound.clone()),
        &t,
        "invoice",
    );
    assert_eq!(gated.evaluation().decision, Decision::Final);

    // Change one field: the approval is stale and names the field.
    let mut changed = loaded.clone();
    changed.engagement.invoice.as_mut().unwrap().remittance = "Cheque (example)".into();
    let gated = decide(&rules, &changed, &with(&loaded, bound), &t, "invoice");
    let ev = gated.evaluation();
    assert_eq!(ev.decision, Decision::Draft);
    assert!(
        ev.missing[0]
            .found
            .contains("stale: invoice.remittance changed"),
        "{:?}",
        ev.missing
    );
}

#[test]
fn the_preparer_may_not_approve_without_an_exception() {
    let (rules, mut loaded, t) = northwind();
    loaded.engagement.invoice.as_mut().unwrap().prepared_by = Some("Ada Park".into());
    let m = with(
        &loaded,
        approval("billing", Status::Approved, "issue-invoice"),
    );
    let gated = decide(&rules, &loaded, &m, &t, "invoice");
    assert_eq!(gated.evaluation().decision, Decision::Draft);
    assert!(
        gated.evaluation().missing[0]
            .found
            .contains("prepared this invoice")
    );
    let mut m = m;
    m.exception.push(docket::model::Exception {
        artifact: "invoice".into(),
        person: "Ada Park".into(),
        reason: "sole clerk".into(),
        granted_by: "Dana".into(),
    });
    let gated = decide(&rules, &loaded, &m, &t, "invoice");
    assert_eq!(gated.evaluation().decision, Decision::Final);
    assert_eq!(gated.evaluation().exceptions.len(), 1);
}

/// Seed, section 4: boundaries are enforced by actions, not just printed.
#[test]
fn seed_boundaries_hold() {
    let (rules, loaded, t) = northwind();
    let kinds_final =
        |m: &Manifest, kind: &str| decide(&rules, &loaded, m, &t, kind).evaluation().decision;
    // Discovery facts are not a proposal: verified facts do not approve the agreement.
    let mut m = loaded.manifest.clone();
    m.approval.retain(|a| a.gate != "commercial");
    m.approval
        .push(approval("commercial", Status::Approved, "accept-proposal"));
    assert_eq!(
        kinds_final(&m, "agreement"),
        Decision::Draft,
        "a proposal acceptance is not a contract"
    );
    // A contract does not authorize launch.
    let mut m = loaded.manifest.clone();
    m.approval.retain(|a| a.gate != "security");
    m.approval
        .push(approval("contract", Status::Approved, "launch"));
    assert_eq!(kinds_final(&m, "launch-checklist"), Decision::Draft);
    // Case studies need verified client approval for public use.
    assert_eq!(
        kinds_final(&loaded.manifest, "case-study"),
        Decision::Blocked
    );
    let m = with(
        &loaded,
        approval("public_use", Status::Approved, "publish-case-study"),
    );
    assert_eq!(
        kinds_final(&m, "case-study"),
        Decision::Draft,
        "security review before public proof"
    );
    // A certificate approval is not public proof.
    let m = with(
        &loaded,
        approval("recipient", Status::Approved, "issue-certificate"),
    );
    assert_eq!(kinds_final(&m, "case-study"), Decision::Blocked);
    // The pilot's security approval does not cover the refund change order.
    let m = with(
        &loaded,
        approval("security", Status::Approved, "review-scope"),
    );
    let ev = decide(&rules, &loaded, &m, &t, "change-order");
    assert_eq!(ev.evaluation().decision, Decision::Draft);
}

#[test]
fn routing_invokes_security_review_before_launch_billing_external_and_public_proof() {
    let (rules, loaded, t) = northwind();
    let state = serde_json::to_value(&loaded.engagement).unwrap();
    let evaluations = |m: &Manifest| -> Vec<_> {
        rules
            .kind
            .iter()
            .map(|r| {
                evaluate(
                    r,
                    &rules,
                    &loaded.engagement,
                    &state,
                    m,
                    &t,
                    &Instance::single(&r.section),
                )
                .evaluation()
                .clone()
            })
            .collect()
    };
    let route = |m: &Manifest, want: Option<&str>| {
        docket::route::route(&rules, &loaded.engagement, &evaluations(m), want).unwrap()
    };
    // Earliest missing lifecycle artifact: the launch checklist, behind security.
    let r = route(&loaded.manifest, None);
    assert_eq!(r.target.as_deref(), Some("launch-checklist"));
    assert_eq!(r.next_skill, ["security-review", "delivery"]);
    // With security approved for launch the checklist is final: no security review, and
    // routing moves on to the next stage.
    let m = with(&loaded, approval("security", Status::Approved, "launch"));
    let r = route(&m, None);
    assert!(
        !r.next_skill.contains(&"security-review".to_string()),
        "{:?}",
        r.next_skill
    );
    assert_eq!(r.target.as_deref(), Some("health-scorecard"));
    // Billing waits on security when the pilot's signoff does not cover billing.
    let mut m = loaded.manifest.clone();
    m.approval.retain(|a| a.gate != "security");
    assert_eq!(
        route(&m, Some("invoice")).next_skill,
        ["security-review", "invoice"]
    );
    // Public proof waits on security review once the client approved public use.
    let m = with(
        &loaded,
        approval("public_use", Status::Approved, "publish-case-study"),
    );
    assert_eq!(
        route(&m, Some("case-study")).next_skill,
        ["security-review", "case-study"]
    );
    // Email is for message copy; envelope for packaging: each routes to its own skill, and
    // both are external actions, so security review comes first while the pilot's signoff
    // does not name external sends.
    assert_eq!(
        route(&loaded.manifest, Some("email-sequence")).next_skill,
        ["security-review", "email"]
    );
    assert_eq!(
        route(&loaded.manifest, Some("envelope")).next_skill,
        ["security-review", "envelope"]
    );
    // Tracks come with owner and blocker.
    let r = route(&loaded.manifest, None);
    assert!(
        r.tracks
            .iter()
            .any(|t| t.name == "Security review" && t.owner == "TBD")
    );
}

const GATES: &[&str] = &[
    "facts",
    "commercial",
    "contract",
    "security",
    "billing",
    "external_send",
    "recipient",
    "public_use",
    "renewal",
];
const ACTIONS: &[&str] = &[
    "verify-facts",
    "sign-agreement",
    "start-delivery",
    "launch",
    "record-signoff",
    "billing",
    "issue-invoice",
    "send-email",
    "send-mail",
    "verify-recipient",
    "publish-case-study",
    "public-proof",
    "share-qbr",
    "approve-change-order",
    "review-scope",
    "issue-certificate",
];
const STATUSES: &[Status] = &[
    Status::Approved,
    Status::Conditional,
    Status::Requested,
    Status::Denied,
    Status::Revoked,
    Status::Unknown,
];

fn arb_approval() -> impl Strategy<Value = Approval> {
    (
        0..GATES.len(),
        0..STATUSES.len(),
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(0..ACTIONS.len(), 0..3),
        prop_oneof![
            Just(None),
            Just(Some("support-triage-pilot")),
            Just(Some("refund-recommendations"))
        ],
        prop_oneof![
            Just(None),
            Just(Some("2026-01-01")),
            Just(Some("2027-01-01"))
        ],
        prop_oneof![Just(None), Just(Some("invoice")), Just(Some("envelope"))],
    )
        .prop_map(
            |(g, s, has_approver, has_evidence, actions, scope, expires, artifact)| Approval {
                gate: GATES[g].into(),
                status: STATUSES[s],
                approver: has_approver.then(|| Approver {
                    name: "P".into(),
                    role: "R".into(),
                    principal: None,
                }),
                actions: actions
                    .into_iter()
                    .map(|a| ACTIONS[a].to_string())
                    .collect(),
                evidence: has_evidence.then(|| "E".to_string()),
                date: None,
                scope: scope.map(str::to_string),
                conditions: vec![],
                expires: expires.map(|d| Date::parse(d).unwrap()),
                artifact: artifact.map(str::to_string),
                digest: Some("sha256:whatever".into()),
                inputs: Default::default(),
                ..Default::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever the manifest holds, a final decision has, for every requirement, a record
    /// with that gate, the action, an accepted status, an approver, evidence, the right
    /// scope, no expiry before the documents' date, and no stale binding.
    #[test]
    fn nothing_is_final_without_a_current_evidenced_in_scope_approval(
        records in proptest::collection::vec(arb_approval(), 0..12)
    ) {
        let (rules, loaded, t) = northwind();
        let manifest = Manifest { approval: records, exception: vec![] };
        let state = serde_json::to_value(&loaded.engagement).unwrap();
        for rule in &rules.kind {
            let gated = evaluate(
                rule,
                &rules,
                &loaded.engagement,
                &state,
                &manifest,
                &t,
                &Instance::single(&rule.section),
            );
            if gated.evaluation().decision != Decision::Final {
                continue;
            }
            let scope = gated.evaluation().scope.clone();
            for req in rule.blocked_unless.iter().chain(&rule.final_requires) {
                let ok = manifest.approval.iter().any(|a| {
                    a.gate == req.gate
                        && a.actions.contains(&req.action)
                        && req.accept.contains(&a.status)
                        && a.approver.is_some()
                        && a.evidence.is_some()
                        && a.scope.clone().unwrap_or_else(|| loaded.engagement.scope.clone()) == scope
                        && a.expires.is_none_or(|e| e >= loaded.engagement.as_of)
                        && a.artifact.is_none()
                });
                prop_assert!(ok, "{} final without {:?}", rule.kind, req);
            }
        }
    }
}

#[test]
fn approval_notes_read_as_english() {
    // Regression: an approval lacking everything read "names no an approver, no a permitted
    // action, no evidence".
    let (_, loaded, _) = northwind();
    let note = |approval: Approval| {
        docket::gate::approval::ApprovalView::of(&approval, &loaded.engagement)
            .note
            .unwrap()
    };
    let bare = Approval {
        approver: None,
        actions: vec![],
        evidence: None,
        ..approval("billing", Status::Approved, "issue-invoice")
    };
    assert_eq!(
        note(bare.clone()),
        "recorded as approved but names no approver, no permitted action and no evidence: \
         treated as requested"
    );
    assert_eq!(
        note(Approval {
            actions: vec!["issue-invoice".into()],
            ..bare.clone()
        }),
        "recorded as approved but names no approver and no evidence: treated as requested"
    );
    assert_eq!(
        note(Approval {
            evidence: Some("email".into()),
            approver: approval("billing", Status::Approved, "x").approver,
            ..bare
        }),
        "recorded as approved but names no permitted action: treated as requested"
    );
}

/// Decides `kind` on a JSON state edited by `edit` (the gate reads the section from the
/// state), with this manifest and instance.
fn decide_edited(
    kind: &str,
    manifest: impl FnOnce(&Loaded) -> Manifest,
    edit: impl FnOnce(&mut serde_json::Value),
    instance: Option<Instance<'_>>,
) -> docket::gate::Evaluation {
    let (rules, loaded, t) = northwind();
    let mut state = serde_json::to_value(&loaded.engagement).unwrap();
    edit(&mut state);
    let rule = rules.kind(kind).unwrap();
    let single = Instance::single(&rule.section);
    evaluate(
        rule,
        &rules,
        &loaded.engagement,
        &state,
        &manifest(&loaded),
        &t,
        &instance.unwrap_or(single),
    )
    .evaluation()
    .clone()
}

fn billing_ok(loaded: &Loaded) -> Manifest {
    with(
        loaded,
        approval("billing", Status::Approved, "issue-invoice"),
    )
}

/// The gate is an ordered list of named rules (`gate::rules::RULES`), each with a
/// case here that shows what it does on Northwind's invoice (or the kind it concerns). A
/// rule added to the list without a case fails this test.
#[test]
fn every_rule_of_the_gate_is_tested() {
    let keep = |l: &Loaded| l.manifest.clone();
    let reasons = |e: &docket::gate::Evaluation| e.reasons.join(" | ");
    for rule in docket::gate::rules::RULES {
        match rule.name {
            "has-data" => {
                let e = decide_edited(
                    "invoice",
                    billing_ok,
                    |s| s["invoice"] = serde_json::Value::Null,
                    None,
                );
                assert_eq!(e.decision, Decision::Blocked);
                assert!(reasons(&e).contains("no [invoice] data"), "{}", reasons(&e));
            }
            "open-questions" => {
                let e = decide_edited(
                    "invoice",
                    billing_ok,
                    |s| s["invoice"]["purchase_order"] = "TBD".into(),
                    None,
                );
                assert!(
                    e.open_questions
                        .contains(&"invoice.purchase_order".to_string()),
                    "{:?}",
                    e.open_questions
                );
            }
            "approvals-of-this-artifact" => {
                // Billing approval bound to another kind does not clear the invoice.
                let other = |l: &Loaded| {
                    with(
                        l,
                        Approval {
                            artifact: Some("proposal".into()),
                            ..approval("billing", Status::Approved, "issue-invoice")
                        },
                    )
                };
                assert_eq!(
                    decide_edited("invoice", other, |_| {}, None).decision,
                    Decision::Draft
                );
                assert_eq!(
                    decide_edited("invoice", billing_ok, |_| {}, None).decision,
                    Decision::Final
                );
            }
            "ambiguous-approval" => {
                let keys = [Some("a".to_string()), Some("b".to_string())];
                let bound = |l: &Loaded| {
                    with(
                        l,
                        Approval {
                            artifact: Some("invoice".into()),
                            ..approval("billing", Status::Approved, "issue-invoice")
                        },
                    )
                };
                let e = decide_edited(
                    "invoice",
                    bound,
                    |_| {},
                    Some(Instance {
                        key: Some("a"),
                        path: "invoice[0]",
                        keys: &keys,
                    }),
                );
                assert_eq!(e.decision, Decision::Draft);
                assert!(
                    e.missing.iter().any(|m| m.found.contains("is ambiguous")),
                    "{:?}",
                    e.missing
                );
            }
            "withdrawn-approval" => {
                // Approved, then revoked: the approval no longer counts. Revoked, then
                // approved again (a later date): it counts.
                let revoked = |date: &str| Approval {
                    date: Some(Date::parse(date).unwrap()),
                    ..approval("billing", Status::Revoked, "issue-invoice")
                };
                let given = |date: &str| Approval {
                    date: Some(Date::parse(date).unwrap()),
                    ..approval("billing", Status::Approved, "issue-invoice")
                };
                let then_revoked = |l: &Loaded| {
                    let mut m = with(l, given("2026-11-20"));
                    m.approval.push(revoked("2026-11-25"));
                    m
                };
                let e = decide_edited("invoice", then_revoked, |_| {}, None);
                assert_eq!(e.decision, Decision::Draft);
                assert!(
                    e.missing.iter().any(|m| m
                        .found
                        .contains("withdrawn by a later revoked record of 2026-11-25")),
                    "{:?}",
                    e.missing
                );
                let approved_again = |l: &Loaded| {
                    let mut m = with(l, revoked("2026-11-25"));
                    m.approval.push(given("2026-11-28"));
                    m
                };
                assert_eq!(
                    decide_edited("invoice", approved_again, |_| {}, None).decision,
                    Decision::Final
                );
            }
            "preparer-does-not-approve" => {
                let e = decide_edited(
                    "invoice",
                    billing_ok,
                    |s| s["invoice"]["prepared_by"] = "Ada Park".into(),
                    None,
                );
                assert_eq!(e.decision, Decision::Draft);
                assert!(
                    e.missing
                        .iter()
                        .any(|m| m.found.contains("may not approve")),
                    "{:?}",
                    e.missing
                );
            }
            "input-digest" => {
                let a = decide_edited("invoice", billing_ok, |_| {}, None).input_digest;
                let b = decide_edited(
                    "invoice",
                    billing_ok,
                    |s| s["invoice"]["notes"] = serde_json::json!(["changed"]),
                    None,
                )
                .input_digest;
                assert!(
                    a.total.starts_with("sha256:") && a.total != b.total,
                    "{a:?} {b:?}"
                );
            }
            "stale-approval" => {
                let bound = |l: &Loaded| {
                    with(
                        l,
                        Approval {
                            artifact: Some("invoice".into()),
                            digest: Some("sha256:0000".into()),
                            ..approval("billing", Status::Approved, "issue-invoice")
                        },
                    )
                };
                let e = decide_edited("invoice", bound, |_| {}, None);
                assert_eq!(e.decision, Decision::Draft);
                assert!(
                    e.missing.iter().any(|m| m.found.contains("is stale")),
                    "{:?}",
                    e.missing
                );
            }
            "einvoice-facts" => {
                let (rules, loaded, t) = northwind();
                let mut kind = rules.kind("invoice").unwrap().clone();
                kind.einvoice = Some(docket::model::EInvoice::FacturX);
                let mut engagement = loaded.engagement.clone();
                engagement.provider.tax_id = "TBD".into();
                let state = serde_json::to_value(&engagement).unwrap();
                let e = evaluate(
                    &kind,
                    &rules,
                    &engagement,
                    &state,
                    &billing_ok(&loaded),
                    &t,
                    &Instance::single("invoice"),
                );
                let e = e.evaluation();
                assert_eq!(e.decision, Decision::Draft);
                assert!(
                    e.einvoice_missing
                        .iter()
                        .any(|m| m.contains("provider.tax_id")),
                    "{:?}",
                    e.einvoice_missing
                );
            }
            "required-facts" => {
                let (rules, ..) = northwind();
                let field = rules.kind("invoice").unwrap().required_facts[0].clone();
                let e = decide_edited(
                    "invoice",
                    billing_ok,
                    |s| s["invoice"][&field] = "TBD".into(),
                    None,
                );
                assert_ne!(e.decision, Decision::Final);
                assert_eq!(e.missing_facts, [format!("invoice.{field}")]);
            }
            "blocked-unless" | "blocked-stops-here" => {
                // A kind blocked without an approval: blocked, and (stopping there) what a
                // final document would also need is not asked.
                let (rules, ..) = northwind();
                let kind = rules
                    .kind
                    .iter()
                    .find(|k| !k.blocked_unless.is_empty() && !k.final_requires.is_empty())
                    .expect("a kind both blocked and finalized by approvals");
                let gate = kind.blocked_unless[0].gate.clone();
                let without = |l: &Loaded| {
                    let mut m = l.manifest.clone();
                    m.approval.retain(|a| a.gate != gate);
                    m
                };
                let e = decide_edited(&kind.kind, without, |_| {}, None);
                assert_eq!(e.decision, Decision::Blocked, "{}", reasons(&e));
                assert!(reasons(&e).contains("blocked until"), "{}", reasons(&e));
                assert!(
                    e.missing.is_empty(),
                    "final-requires ran on a blocked artifact: {:?}",
                    e.missing
                );
            }
            "expanded-scope" => {
                let e = decide_edited(
                    "invoice",
                    billing_ok,
                    |s| s["invoice"]["scope"] = "Phase 9 (not signed)".into(),
                    None,
                );
                assert_eq!(e.decision, Decision::Blocked);
                assert!(
                    reasons(&e).contains("lies outside the signed scope"),
                    "{}",
                    reasons(&e)
                );
            }
            "final-requires" => {
                let e = decide_edited("invoice", keep, |_| {}, None);
                assert_eq!(e.decision, Decision::Draft);
                assert!(
                    reasons(&e).contains("draft until billing approval"),
                    "{}",
                    reasons(&e)
                );
            }
            "exclusive-gates" => {
                // Sam Okafor signed off security (conditional, covering billing); his own
                // billing approval of the same invoice clears only the first gate of the set.
                let (mut rules, loaded, t) = northwind();
                rules.separation.exclusive = vec![vec!["billing".into(), "security".into()]];
                let state = serde_json::to_value(&loaded.engagement).unwrap();
                let rule = rules.kind("invoice").unwrap().clone();
                let sam = with(
                    &loaded,
                    Approval {
                        approver: Some(Approver {
                            name: "Sam Okafor (example)".into(),
                            role: "Security".into(),
                            principal: None,
                        }),
                        ..approval("billing", Status::Approved, "issue-invoice")
                    },
                );
                let e = evaluate(
                    &rule,
                    &rules,
                    &loaded.engagement,
                    &state,
                    &sam,
                    &t,
                    &Instance::single("invoice"),
                )
                .evaluation()
                .clone();
                assert_eq!(e.decision, Decision::Draft);
                assert!(
                    reasons(&e).contains("may not approve both billing and security"),
                    "{}",
                    reasons(&e)
                );
            }
            "amount-within-authority" => {
                let signed = |limit: &str| {
                    let limit = limit.to_string();
                    move |l: &Loaded| {
                        with(
                            l,
                            Approval {
                                proof: Some(docket::model::Proof::Signed(docket::model::Signer {
                                    principal: "ada@example".into(),
                                    name: "Ada Park".into(),
                                    role: "Billing lead".into(),
                                    fingerprint: "SHA256:x".into(),
                                    attested: false,
                                    key: String::new(),
                                    person: 0,
                                    limits: vec![("USD".into(), limit.parse().unwrap())],
                                    valid_after: None,
                                    valid_before: None,
                                    statement: String::new(),
                                })),
                                ..approval("billing", Status::Approved, "issue-invoice")
                            },
                        )
                    }
                };
                let e = decide_edited("invoice", signed("1.00"), |_| {}, None);
                assert_eq!(e.decision, Decision::Draft);
                assert!(
                    reasons(&e).contains(
                        "Ada Park may approve billing up to USD 1.00, this invoice is USD "
                    ),
                    "{}",
                    reasons(&e)
                );
                let e = decide_edited("invoice", signed("1000000.00"), |_| {}, None);
                assert_eq!(e.decision, Decision::Final, "{}", reasons(&e));
            }
            "second-approver" => {
                let (mut rules, loaded, t) = northwind();
                rules.separation.second_approver_above = Some("USD 1.00".into());
                let state = serde_json::to_value(&loaded.engagement).unwrap();
                let rule = rules.kind("invoice").unwrap().clone();
                let decide = |m: &Manifest| {
                    evaluate(
                        &rule,
                        &rules,
                        &loaded.engagement,
                        &state,
                        m,
                        &t,
                        &Instance::single("invoice"),
                    )
                    .evaluation()
                    .clone()
                };
                let one = billing_ok(&loaded);
                let e = decide(&one);
                assert_eq!(e.decision, Decision::Draft);
                assert!(reasons(&e).contains("second approver"), "{}", reasons(&e));
                let mut two = one.clone();
                two.approval.push(Approval {
                    approver: Some(Approver {
                        name: "Lee Chen".into(),
                        role: "Controller".into(),
                        principal: None,
                    }),
                    ..approval("billing", Status::Approved, "issue-invoice")
                });
                assert_eq!(
                    decide(&two).decision,
                    Decision::Final,
                    "{}",
                    reasons(&decide(&two))
                );
            }
            other => panic!("the gate rule `{other}` has no case here: add one"),
        }
    }
}
