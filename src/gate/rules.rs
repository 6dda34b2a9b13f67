//! The gate's rules: an ordered list of named rules over one [`Context`], each a small
//! function that reads the artifact, its data and its approvals and adds what it finds (a
//! reason, a missing approval, an approval used, a reason that blocks). [`super::evaluate`]
//! runs them in order and concludes.
//!
//! To add an approval rule: write a function `fn(&mut Context) -> Flow` here, put a row for
//! it in [`RULES`] where it belongs in the order, and give it a case in `tests/it/gate.rs`
//! (`every_rule_of_the_gate_is_tested` fails until it has one).

use serde_json::Value;

use super::{Evaluation, Instance, Missing, collect_tbd};
use crate::digest::{self, TemplateDigests};
use crate::gate::approval::{ApprovalView, preparer_exception};
use crate::model::{
    Engagement, ExpandedScope, KindRule, Manifest, MissingFacts, Requirement, Rules, ScopeOf,
    Status, TrackStatus,
};
use crate::text::{and_list, is_tbd};

/// Everything the rules read, and what they found so far.
pub struct Context<'a> {
    /// The artifact kind's rule.
    pub rule: &'a KindRule,
    /// All the rules (trust, separation of duties).
    pub rules: &'a Rules,
    /// The rules for work outside the signed scope, if any.
    pub expanded: Option<&'a ExpandedScope>,
    /// The engagement, as the instance sees it.
    pub engagement: &'a Engagement,
    /// The engagement as JSON.
    pub state: &'a Value,
    /// Its approval manifest.
    pub manifest: &'a Manifest,
    /// The templates' digests (inputs of the artifact).
    pub templates: &'a TemplateDigests,
    /// Which instance of its kind the artifact is.
    pub instance: &'a Instance<'a>,
    /// The artifact's data section (null when the engagement has none).
    pub section: &'a Value,
    /// `invoice`, or `invoice:deposit`.
    pub name: &'a str,
    /// The manifest's approvals as this artifact sees them (filled by
    /// `approvals-of-this-artifact`, demoted by the rules after it).
    pub views: Vec<ApprovalView>,
    /// The account so far.
    pub evaluation: Evaluation,
    /// Reasons that block the artifact (it then renders nothing).
    pub blocking: Vec<String>,
}

/// Whether the gate goes on to the next rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on.
    Continue,
    /// Decide now with what was found.
    Stop,
}

/// One rule of the gate.
pub struct Rule {
    /// Its name, as tests and docs/guide/gate.md know it.
    pub name: &'static str,
    /// What it checks, in a sentence.
    pub what: &'static str,
    /// Reads the context and adds what it finds.
    pub apply: fn(&mut Context<'_>) -> Flow,
}

/// The gate's rules, in the order they run.
pub static RULES: &[Rule] = &[
    Rule {
        name: "has-data",
        what: "an artifact with no data section in the engagement is blocked: nothing to render",
        apply: has_data,
    },
    Rule {
        name: "open-questions",
        what: "every TBD in the artifact's data is listed as an open question",
        apply: open_questions,
    },
    Rule {
        name: "approvals-of-this-artifact",
        what: "approvals bound to another kind or instance do not apply",
        apply: approvals_of_this_artifact,
    },
    Rule {
        name: "ambiguous-approval",
        what: "an approval naming a kind of several instances, but not which, clears none",
        apply: ambiguous_approval,
    },
    Rule {
        name: "withdrawn-approval",
        what: "an approval withdrawn by a later revoked or denied record (same gate, scope and artifact) no longer counts",
        apply: withdrawn_approval,
    },
    Rule {
        name: "preparer-does-not-approve",
        what: "whoever prepared the artifact may not approve it without a recorded exception",
        apply: preparer_does_not_approve,
    },
    Rule {
        name: "exclusive-gates",
        what: "one person may not approve two gates that rules.toml [separation] marks exclusive, for one document",
        apply: exclusive_gates,
    },
    Rule {
        name: "amount-within-authority",
        what: "a signer whose authority stops at an amount does not approve a document above it",
        apply: amount_within_authority,
    },
    Rule {
        name: "input-digest",
        what: "the digest of the artifact's inputs (data, templates, rule, approvals it rests on)",
        apply: input_digest,
    },
    Rule {
        name: "stale-approval",
        what: "an approval bound to inputs that have changed since counts as requested",
        apply: stale_approval,
    },
    Rule {
        name: "einvoice-facts",
        what: "what EN 16931 needs for the e-invoice and the data lacks keeps it a draft",
        apply: einvoice_facts,
    },
    Rule {
        name: "required-facts",
        what: "a required fact that is TBD blocks the artifact or keeps it a draft (per kind)",
        apply: required_facts,
    },
    Rule {
        name: "blocked-unless",
        what: "each approval the kind is blocked without must be given, for its scope",
        apply: blocked_unless,
    },
    Rule {
        name: "expanded-scope",
        what: "work outside the signed scope is blocked until its approvals hold for that scope",
        apply: expanded_scope,
    },
    Rule {
        name: "blocked-stops-here",
        what: "a blocked artifact is decided here: what would make it final is not asked",
        apply: blocked_stops_here,
    },
    Rule {
        name: "final-requires",
        what: "each approval a final document requires must be given; without it, a draft",
        apply: final_requires,
    },
    Rule {
        name: "second-approver",
        what: "above rules.toml's [separation] second_approver_above, a billing action needs two approvers",
        apply: second_approver,
    },
];

fn has_data(cx: &mut Context<'_>) -> Flow {
    if cx.section.is_null() {
        cx.blocking.push(format!(
            "no [{}] data in the engagement: nothing to render",
            cx.rule.section
        ));
        return Flow::Stop;
    }
    Flow::Continue
}

fn open_questions(cx: &mut Context<'_>) -> Flow {
    collect_tbd(
        cx.section,
        cx.instance.path,
        &mut cx.evaluation.open_questions,
    );
    Flow::Continue
}

fn approvals_of_this_artifact(cx: &mut Context<'_>) -> Flow {
    let (rule, instance) = (cx.rule, cx.instance);
    cx.views = cx
        .manifest
        .approval
        .iter()
        .map(|a| ApprovalView::of(a, cx.engagement))
        .filter(|v| {
            v.artifact.as_deref().is_none_or(|a| {
                let (kind, key) = crate::instances::split(a);
                kind == rule.kind && (key.is_none() || key == instance.key)
            })
        })
        .collect();
    Flow::Continue
}

fn ambiguous_approval(cx: &mut Context<'_>) -> Flow {
    let (rule, instance) = (cx.rule, cx.instance);
    if instance.keys.len() <= 1 {
        return Flow::Continue;
    }
    for view in &mut cx.views {
        if view.artifact.as_deref() == Some(rule.kind.as_str()) {
            let keys: Vec<&str> = instance.keys.iter().flatten().map(String::as_str).collect();
            view.demote(format!(
                "is ambiguous: it names {} but not which of its {} instances ({}); name one, \
                 as `artifact = \"{}:KEY\"`",
                rule.kind,
                instance.keys.len(),
                keys.join(", "),
                rule.kind
            ));
            view.ambiguous = true;
        }
    }
    Flow::Continue
}

/// An approval counts only while it stands: a `revoked` or `denied` record for the same gate,
/// scope and artifact that comes after it (dated later, or on the same day, or when either
/// is undated written after it in the manifest) withdraws it.
fn withdrawn_approval(cx: &mut Context<'_>) -> Flow {
    use crate::model::Status;
    // The withdrawing records (revoked or denied), by position in the manifest.
    let withdrawals: Vec<(usize, ApprovalView)> = cx
        .views
        .iter()
        .enumerate()
        .filter(|(_, v)| matches!(v.recorded, Status::Revoked | Status::Denied))
        .map(|(i, v)| (i, v.clone()))
        .collect();
    for (i, view) in cx.views.iter_mut().enumerate() {
        let later = withdrawals.iter().find(|(j, w)| {
            w.gate == view.gate
                && w.scope == view.scope
                && w.artifact == view.artifact
                && match (&w.date, &view.date) {
                    (Some(withdrawn), Some(given)) => withdrawn >= given && *j != i,
                    _ => *j > i,
                }
        });
        if let Some((_, w)) = later {
            let when = w
                .date
                .as_ref()
                .map_or_else(String::new, |d| format!(" of {d}"));
            let status = w.recorded;
            view.demote(format!("was withdrawn by a later {status} record{when}"));
        }
    }
    Flow::Continue
}

fn preparer_does_not_approve(cx: &mut Context<'_>) -> Flow {
    let Some(preparer) = cx.evaluation.prepared_by.clone() else {
        return Flow::Continue;
    };
    let exception = preparer_exception(cx.manifest, &cx.rule.kind, cx.name, &preparer);
    for view in &mut cx.views {
        if view.by(&preparer) {
            match exception {
                Some(x) => {
                    if !cx.evaluation.exceptions.contains(x) {
                        cx.evaluation.exceptions.push(x.clone());
                    }
                }
                None => view.demote(format!(
                    "{preparer} prepared this {} and may not approve it (no exception recorded)",
                    cx.rule.kind
                )),
            }
        }
    }
    Flow::Continue
}

/// Whether a view counts (approved or conditional, as the gate now reads it).
fn counts(view: &ApprovalView) -> bool {
    matches!(view.effective, Status::Approved | Status::Conditional)
}

/// One person, two exclusive gates of one document: the approval of the gate listed later
/// in the set no longer counts.
fn exclusive_gates(cx: &mut Context<'_>) -> Flow {
    for set in &cx.rules.separation.exclusive {
        let mut seen: Vec<(String, String)> = Vec::new(); // (person, gate)
        for gate in set {
            for view in cx.views.iter_mut().filter(|v| &v.gate == gate && counts(v)) {
                let Some(person) = view.person().map(str::to_string) else {
                    continue;
                };
                if let Some((_, first)) = seen.iter().find(|(p, g)| *p == person && g != gate) {
                    view.demote(format!(
                        "{person} also approved {first} for this {}: one person may not approve both {} \
                         ([separation] exclusive in rules.toml)",
                        cx.rule.kind,
                        and_list(set)
                    ));
                } else {
                    seen.push((person, gate.clone()));
                }
            }
        }
    }
    Flow::Continue
}

/// The document's total (currency, gross amount, as a positive figure), for the kinds that
/// bill: an invoice or a credit note.
fn document_total(cx: &Context<'_>) -> Option<(String, rust_decimal::Decimal)> {
    let (invoice, credit) = match cx.rule.special()? {
        crate::model::Special::Invoice => (cx.engagement.invoice.iter().next(), false),
        crate::model::Special::CreditNote => (cx.engagement.credit_note.iter().next(), true),
        _ => return None,
    };
    let (currency, totals) = crate::derive::invoice_totals(invoice?, credit).ok()?;
    Some((currency.code().to_string(), totals.total.abs()))
}

fn amount_within_authority(cx: &mut Context<'_>) -> Flow {
    if !cx
        .views
        .iter()
        .any(|v| v.signed_by.as_ref().is_some_and(|s| !s.limits.is_empty()))
    {
        return Flow::Continue;
    }
    let Some((currency, total)) = document_total(cx) else {
        return Flow::Continue;
    };
    let kind = cx.rule.kind.clone();
    for view in &mut cx.views {
        let Some(signer) = view.signed_by.clone() else {
            continue;
        };
        for (limit_currency, limit) in &signer.limits {
            let why = if *limit_currency != currency {
                Some(format!(
                    "{} may approve {} up to {} only, and this {kind} is in {currency}",
                    signer.name,
                    view.gate,
                    crate::trust::roster::Limit::describe(limit_currency, *limit)
                ))
            } else if total > *limit {
                Some(format!(
                    "{} may approve {} up to {}, this {kind} is {}",
                    signer.name,
                    view.gate,
                    crate::trust::roster::Limit::describe(limit_currency, *limit),
                    crate::trust::roster::Limit::describe(&currency, total)
                ))
            } else {
                None
            };
            if let Some(why) = why {
                view.demote(why);
                view.signed_by = None;
                break;
            }
        }
    }
    Flow::Continue
}

/// Above the threshold, every billing requirement needs approvals from two different people.
fn second_approver(cx: &mut Context<'_>) -> Flow {
    let Some(threshold) = cx.rules.separation.second_approver_above.as_deref() else {
        return Flow::Continue;
    };
    let Ok(limit) = crate::trust::roster::Limit::parse(threshold) else {
        return Flow::Continue; // validated when the rules load
    };
    let Some((currency, total)) = document_total(cx) else {
        return Flow::Continue;
    };
    if currency != limit.currency || total <= limit.amount {
        return Flow::Continue;
    }
    let scope = cx.evaluation.scope.clone();
    for req in cx
        .rule
        .final_requires
        .iter()
        .filter(|r| r.gate == "billing")
    {
        let mut people: Vec<&str> = cx
            .views
            .iter()
            .filter(|v| {
                v.gate == req.gate
                    && v.scope == scope
                    && v.actions.contains(&req.action)
                    && req.accept.contains(&v.effective)
            })
            .filter_map(ApprovalView::person)
            .collect();
        people.sort_unstable();
        people.dedup();
        if people.len() == 1 {
            let found = format!(
                "only {} approved; above {} a billing action needs a second approver                  ([separation] in rules.toml)",
                people[0],
                crate::trust::roster::Limit::describe(&limit.currency, limit.amount)
            );
            cx.evaluation.reasons.push(format!(
                "draft until a second {} approval to {}: {found}",
                req.gate, req.action
            ));
            cx.evaluation.missing.push(Missing {
                gate: req.gate.clone(),
                action: req.action.clone(),
                scope: scope.clone(),
                found,
            });
        }
    }
    Flow::Continue
}

fn input_digest(cx: &mut Context<'_>) -> Flow {
    let rule = cx.rule;
    let gates: Vec<&str> = rule
        .blocked_unless
        .iter()
        .chain(&rule.final_requires)
        .map(|r| r.gate.as_str())
        .collect();
    let deps: Vec<&ApprovalView> = cx
        .views
        .iter()
        .filter(|v| v.artifact.is_none() && gates.contains(&v.gate.as_str()))
        .collect();
    cx.evaluation.input_digest = digest::inputs(rule, cx.state, cx.section, cx.templates, &deps);
    Flow::Continue
}

/// A bound approval covers exactly the inputs it was given for (`docket approve` records
/// their digest); one written by hand that names its artifact but no digest covers that
/// document whatever its content.
fn stale_approval(cx: &mut Context<'_>) -> Flow {
    let digest = &cx.evaluation.input_digest;
    for view in &mut cx.views {
        if view.artifact.is_some()
            && !view.ambiguous
            && view.bound_digest.is_some()
            && view.bound_digest.as_deref() != Some(digest.total.as_str())
        {
            let changed = digest.changed_since(&view.bound_inputs);
            view.demote(format!(
                "is stale: {} changed since it was given",
                if changed.is_empty() {
                    "the inputs".to_string()
                } else {
                    and_list(&changed)
                }
            ));
            view.stale_fields = changed;
        }
    }
    Flow::Continue
}

/// An e-invoice is never made of guessed values.
fn einvoice_facts(cx: &mut Context<'_>) -> Flow {
    if let Some(format) = cx.rule.einvoice {
        let evaluation = &mut cx.evaluation;
        evaluation.einvoice_missing =
            crate::einvoice::missing_facts(format, &cx.rule.kind, &cx.rule.section, cx.engagement);
        if !evaluation.einvoice_missing.is_empty() {
            evaluation.reasons.push(format!(
                "the e-invoice ({}) lacks {}",
                format.title(),
                and_list(&evaluation.einvoice_missing)
            ));
        }
    }
    Flow::Continue
}

fn required_facts(cx: &mut Context<'_>) -> Flow {
    for field in &cx.rule.required_facts {
        let missing = match cx.section.get(field) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => is_tbd(s),
            _ => false,
        };
        if missing {
            cx.evaluation
                .missing_facts
                .push(format!("{}.{field}", cx.instance.path));
        }
    }
    if !cx.evaluation.missing_facts.is_empty() {
        let line = match cx.evaluation.missing_facts.as_slice() {
            [one] => format!("a required fact is TBD: {one}"),
            many => format!("required facts are TBD: {}", and_list(many)),
        };
        match cx.rule.missing_facts {
            MissingFacts::Blocked => cx.blocking.push(line),
            MissingFacts::Draft => cx.evaluation.reasons.push(line),
        }
    }
    Flow::Continue
}

fn blocked_unless(cx: &mut Context<'_>) -> Flow {
    for req in &cx.rule.blocked_unless {
        match check(req, &cx.views, &cx.evaluation.scope, cx.engagement) {
            Ok(view) => push_used(&mut cx.evaluation.approvals_used, view),
            Err(missing) => {
                cx.blocking
                    .push(format!("blocked until {}", missing.describe()));
                cx.evaluation.blocked_by.push(missing);
            }
        }
    }
    Flow::Continue
}

/// Work outside the signed scope: blocked until every approval the rules name for an
/// expanded scope holds for that scope (the kinds that propose it excepted).
fn expanded_scope(cx: &mut Context<'_>) -> Flow {
    let Some(x) = cx
        .expanded
        .filter(|x| !x.proposed_by.contains(&cx.rule.kind))
    else {
        return Flow::Continue;
    };
    let engagement = cx.engagement;
    for outside in expanded_scopes(cx.section, &engagement.scope) {
        for req in &x.blocked_unless {
            let req = Requirement {
                scope: ScopeOf::Artifact,
                ..req.clone()
            };
            match check(&req, &cx.views, &outside, engagement) {
                Ok(view) => push_used(&mut cx.evaluation.approvals_used, view),
                Err(missing) => {
                    cx.blocking.push(format!(
                        "{outside} lies outside the signed scope ({}): blocked until {}",
                        engagement.scope,
                        missing.describe()
                    ));
                    cx.evaluation.blocked_by.push(missing);
                }
            }
        }
    }
    Flow::Continue
}

fn blocked_stops_here(cx: &mut Context<'_>) -> Flow {
    if cx.blocking.is_empty() {
        Flow::Continue
    } else {
        Flow::Stop
    }
}

fn final_requires(cx: &mut Context<'_>) -> Flow {
    for req in &cx.rule.final_requires {
        match check(req, &cx.views, &cx.evaluation.scope, cx.engagement) {
            Ok(view) => push_used(&mut cx.evaluation.approvals_used, view),
            Err(missing) => {
                cx.evaluation
                    .reasons
                    .push(format!("draft until {}", missing.describe()));
                cx.evaluation.missing.push(missing);
            }
        }
    }
    Flow::Continue
}

fn push_used(used: &mut Vec<ApprovalView>, view: ApprovalView) {
    if !used.contains(&view) {
        used.push(view);
    }
}

/// Finds the approval that satisfies `req`, or explains what the manifest has instead.
fn check(
    req: &Requirement,
    views: &[ApprovalView],
    artifact_scope: &str,
    engagement: &Engagement,
) -> Result<ApprovalView, Missing> {
    let scope = match req.scope {
        ScopeOf::Artifact => artifact_scope,
        ScopeOf::Engagement => engagement.scope.as_str(),
    };
    let same_gate: Vec<&ApprovalView> = views.iter().filter(|v| v.gate == req.gate).collect();
    if let Some(v) = same_gate.iter().find(|v| {
        v.scope == scope && v.actions.contains(&req.action) && req.accept.contains(&v.effective)
    }) {
        return Ok((*v).clone());
    }
    let in_scope: Vec<&&ApprovalView> = same_gate.iter().filter(|v| v.scope == scope).collect();
    let found = if let Some(v) = in_scope.iter().find(|v| v.actions.contains(&req.action)) {
        v.describe()
    } else if let Some(v) = in_scope.first() {
        if v.actions.is_empty() {
            v.describe()
        } else {
            format!(
                "{}, but it permits only {}",
                v.describe(),
                and_list(&v.actions)
            )
        }
    } else if let Some(v) = same_gate.first() {
        format!(
            "none for this scope (the {} one covers scope {} only)",
            v.effective, v.scope
        )
    } else {
        "none recorded".to_string()
    };
    let tracks: Vec<String> = engagement
        .tracks
        .iter()
        .filter(|t| {
            t.gate.as_deref() == Some(req.gate.as_str())
                && t.scope.as_deref().unwrap_or(&engagement.scope) == scope
                && t.status != TrackStatus::Done
        })
        .map(|t| {
            let status = serde_json::to_value(t.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            match &t.blocker {
                Some(b) => format!("track {} is {status}: {b}", t.name),
                None => format!("track {} is {status}", t.name),
            }
        })
        .collect();
    let found = if tracks.is_empty() {
        found
    } else {
        format!("{found}; {}", tracks.join("; "))
    };
    Err(Missing {
        gate: req.gate.clone(),
        action: req.action.clone(),
        scope: scope.to_string(),
        found,
    })
}

/// The scopes other than the signed one that an artifact's data names: its own `scope`, or
/// that of any line, item or message in it.
fn expanded_scopes(section: &Value, signed: &str) -> std::collections::BTreeSet<String> {
    fn walk(value: &Value, signed: &str, out: &mut std::collections::BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    match v {
                        Value::String(s) if k == "scope" && !is_tbd(s) && s != signed => {
                            out.insert(s.clone());
                        }
                        _ => walk(v, signed, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, signed, out)),
            _ => {}
        }
    }
    let mut out = std::collections::BTreeSet::new();
    walk(section, signed, &mut out);
    out
}
