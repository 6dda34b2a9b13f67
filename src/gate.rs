//! Stage 3, gate: decide, before anything renders, whether an artifact is final, a draft or
//! blocked, and say why.
//!
//! In: one artifact kind's rule, the engagement, its approval manifest. Out: a [`Gated`]
//! value. [`evaluate`] is a pure function and the only constructor of [`Cleared`], the
//! value the renderer requires: nothing can render without passing here.
//!
//! An approval counts only with evidence that names the approver and the permitted action:
//! a record marked `approved` (or `conditional`) without an approver, an action or evidence
//! is treated as `requested`, and the report says so.

use serde::Serialize;
use serde_json::Value;

use crate::approval::ApprovalView;
use crate::digest::{self, InputDigest, TemplateDigests};
use crate::model::{
    Engagement, Exception, ExpandedScope, KindRule, Manifest, MissingFacts, Requirement, ScopeOf,
    TBD, TrackStatus,
};
use crate::text::{and_list, is_tbd};

/// The three outcomes of a gate.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// Rendered as the real thing.
    Final,
    /// Rendered, marked DRAFT on every page, listing what is missing.
    Draft,
    /// Not rendered.
    Blocked,
}

impl Decision {
    /// Lowercase name, as in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Final => "final",
            Decision::Draft => "draft",
            Decision::Blocked => "blocked",
        }
    }
}

/// A requirement the manifest does not meet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Missing {
    /// The gate.
    pub gate: String,
    /// The action it must permit.
    pub action: String,
    /// The scope it must cover.
    pub scope: String,
    /// What the manifest has instead.
    pub found: String,
}

impl Missing {
    /// One line for documents and reports.
    pub fn describe(&self) -> String {
        format!(
            "{} approval to {} (scope {}): {}",
            self.gate, self.action, self.scope, self.found
        )
    }
}

/// The gate's full account of one artifact: the decision and everything behind it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Evaluation {
    /// Artifact kind.
    pub kind: String,
    /// Instance key, for one of many documents of the kind (`[[invoice]]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id.
    pub document_id: String,
    /// The decision.
    pub decision: Decision,
    /// Why, in sentences.
    pub reasons: Vec<String>,
    /// Approvals that satisfied a requirement.
    pub approvals_used: Vec<ApprovalView>,
    /// Requirements whose absence makes it a draft.
    pub missing: Vec<Missing>,
    /// Requirements whose absence blocks it.
    pub blocked_by: Vec<Missing>,
    /// Required facts still TBD.
    pub missing_facts: Vec<String>,
    /// The e-invoice format this document is rendered with (resolved per engagement from
    /// its series and client), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub einvoice: Option<crate::model::EInvoice>,
    /// What the e-invoice needs that the data lacks (each keeps the document a draft).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub einvoice_missing: Vec<String>,
    /// Every TBD in the artifact's data, as field paths.
    pub open_questions: Vec<String>,
    /// The scope the artifact is in.
    pub scope: String,
    /// Who prepared it, when recorded.
    pub prepared_by: Option<String>,
    /// Exceptions to the preparer rule that this decision relies on (reports show them).
    pub exceptions: Vec<Exception>,
    /// Digest of its inputs (data, templates, rule, approvals it depends on).
    pub input_digest: InputDigest,
    /// For an invoice checked against its agreement's payment schedule: what it bills,
    /// what was billed before it and what remains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing: Option<crate::billing::Billed>,
}

/// An artifact the gate let through (final or draft). Only [`evaluate`] makes one, and the
/// renderer accepts nothing else.
#[derive(Debug, Clone)]
pub struct Cleared {
    evaluation: Evaluation,
    section: Value,
}

impl Cleared {
    /// The gate's account.
    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }
    /// The artifact's data section, as JSON.
    pub fn section(&self) -> &Value {
        &self.section
    }
    /// Final or draft.
    pub fn decision(&self) -> Decision {
        self.evaluation.decision
    }

    /// Sets one field of its data section (a serial a print run assigns).
    pub(crate) fn set_field(&mut self, field: &str, value: &str) {
        if let Some(map) = self.section.as_object_mut() {
            map.insert(field.to_string(), Value::String(value.to_string()));
        }
    }

    /// Gives a document issued final its number from its series (see `numbering`).
    pub(crate) fn assign_number(&mut self, number: &str) {
        self.evaluation.document_id = number.to_string();
        if let Some(map) = self.section.as_object_mut() {
            let key = if map.contains_key("number") {
                "number"
            } else {
                "id"
            };
            map.insert(key.to_string(), Value::String(number.to_string()));
        }
    }
}

/// The gate's verdict.
#[derive(Debug, Clone)]
pub enum Gated {
    /// May render.
    Cleared(Cleared),
    /// Must not render.
    Blocked(Evaluation),
}

impl Gated {
    /// The account, whichever way it went.
    pub fn evaluation(&self) -> &Evaluation {
        match self {
            Gated::Cleared(c) => &c.evaluation,
            Gated::Blocked(e) => e,
        }
    }

    /// Blocks an artifact for a reason found beyond its own data (an invoice billing past
    /// its agreement, a credit note of an invoice never issued).
    pub(crate) fn blocked_because(self, reason: String) -> Gated {
        let mut evaluation = match self {
            Gated::Cleared(c) => c.evaluation,
            Gated::Blocked(e) => e,
        };
        if evaluation.decision == Decision::Final {
            // "all approvals current" no longer says why.
            evaluation.reasons.clear();
        }
        evaluation.decision = Decision::Blocked;
        evaluation.reasons.push(reason);
        Gated::Blocked(evaluation)
    }

    /// Applies an invoice's billing check: blocked when it bills past its agreement, a
    /// draft when its milestone is not accepted; the figures in its account either way.
    pub(crate) fn with_billing(self, check: &crate::billing::Check) -> Gated {
        let mut gated = match &check.over {
            Some(over) => self.blocked_because(over.clone()),
            None => self,
        };
        if let (Gated::Cleared(c), Some(why)) = (&mut gated, &check.not_accepted) {
            if c.evaluation.decision == Decision::Final {
                c.evaluation.reasons.clear();
                c.evaluation.decision = Decision::Draft;
            }
            c.evaluation.reasons.push(format!("draft until {why}"));
        }
        match &mut gated {
            Gated::Cleared(c) => c.evaluation.billing = Some(check.billed.clone()),
            Gated::Blocked(e) => e.billing = Some(check.billed.clone()),
        }
        gated
    }

    /// The artifact's data section (null when blocked: nothing of it renders).
    pub fn section(&self) -> &Value {
        static NULL: Value = Value::Null;
        match self {
            Gated::Cleared(c) => c.section(),
            Gated::Blocked(_) => &NULL,
        }
    }
}

impl Evaluation {
    /// `invoice`, or `invoice:deposit` for a keyed instance.
    pub fn name(&self) -> String {
        crate::instances::name(&self.kind, self.key.as_deref())
    }
}

/// Which instance of its kind an artifact is.
#[derive(Debug, Clone, Copy)]
pub struct Instance<'a> {
    /// Its key (none for the one-table form).
    pub key: Option<&'a str>,
    /// Its field path in the data: `invoice`, or `invoice[2]` in an array of tables.
    pub path: &'a str,
    /// The keys of every instance of the kind in the engagement, in data order.
    pub keys: &'a [Option<String>],
}

impl Instance<'_> {
    /// The one-table form: the only instance, without a key.
    pub fn single(path: &str) -> Instance<'_> {
        Instance {
            key: None,
            path,
            keys: &[],
        }
    }
}

/// Decides one artifact. `state` is the engagement (as the instance sees it) serialized to
/// JSON, computed once by the caller.
pub fn evaluate(
    rule: &KindRule,
    expanded: Option<&ExpandedScope>,
    engagement: &Engagement,
    state: &Value,
    manifest: &Manifest,
    templates: &TemplateDigests,
    instance: &Instance<'_>,
) -> Gated {
    let section = state.get(&rule.section).cloned().unwrap_or(Value::Null);
    let name = crate::instances::name(&rule.kind, instance.key);
    let document_id = document_id(&name, engagement, &section);
    // A section's own `scope` names the scope it works in (a change order's new scope);
    // otherwise the artifact is in the engagement's scope.
    let scope = section
        .get("scope")
        .and_then(Value::as_str)
        .filter(|s| !is_tbd(s))
        .unwrap_or(&engagement.scope)
        .to_string();
    let mut evaluation = Evaluation {
        kind: rule.kind.clone(),
        key: instance.key.map(str::to_string),
        document_id,
        decision: Decision::Final,
        reasons: Vec::new(),
        approvals_used: Vec::new(),
        missing: Vec::new(),
        blocked_by: Vec::new(),
        missing_facts: Vec::new(),
        einvoice: rule.einvoice,
        einvoice_missing: Vec::new(),
        open_questions: Vec::new(),
        scope: scope.clone(),
        prepared_by: section
            .get("prepared_by")
            .and_then(Value::as_str)
            .map(str::to_string),
        exceptions: Vec::new(),
        input_digest: InputDigest {
            total: String::new(),
            fields: Default::default(),
        },
        billing: None,
    };
    if section.is_null() {
        evaluation.decision = Decision::Blocked;
        evaluation.reasons.push(format!(
            "no [{}] data in the engagement: nothing to render",
            rule.section
        ));
        return Gated::Blocked(evaluation);
    }
    collect_tbd(&section, instance.path, &mut evaluation.open_questions);

    // The approvals as this artifact sees them: approvals bound to other artifacts (another
    // kind, another instance) do not apply; one naming the kind but not which of its
    // several instances clears none of them; the preparer may not approve their own work
    // without a recorded exception.
    let several = instance.keys.len() > 1;
    let mut views: Vec<ApprovalView> = manifest
        .approval
        .iter()
        .map(|a| ApprovalView::of(a, engagement))
        .filter(|v| {
            v.artifact.as_deref().is_none_or(|a| {
                let (kind, key) = crate::instances::split(a);
                kind == rule.kind && (key.is_none() || key == instance.key)
            })
        })
        .collect();
    for view in &mut views {
        if several && view.artifact.as_deref() == Some(rule.kind.as_str()) {
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
    if let Some(preparer) = &evaluation.prepared_by {
        let exception = manifest
            .exception
            .iter()
            .find(|x| (x.artifact == rule.kind || x.artifact == name) && &x.person == preparer);
        for view in &mut views {
            if view.approver.as_ref() == Some(preparer) {
                match exception {
                    Some(x) => {
                        if !evaluation.exceptions.contains(x) {
                            evaluation.exceptions.push(x.clone());
                        }
                    }
                    None => view.demote(format!(
                        "{preparer} prepared this {} and may not approve it (no exception recorded)",
                        rule.kind
                    )),
                }
            }
        }
    }
    let gates: Vec<&str> = rule
        .blocked_unless
        .iter()
        .chain(&rule.final_requires)
        .map(|r| r.gate.as_str())
        .collect();
    let deps: Vec<&ApprovalView> = views
        .iter()
        .filter(|v| v.artifact.is_none() && gates.contains(&v.gate.as_str()))
        .collect();
    evaluation.input_digest = digest::inputs(rule, state, &section, templates, &deps);
    // A bound approval covers exactly the inputs it was given for (`docket approve` records
    // their digest); one written by hand that names its artifact but no digest covers that
    // document whatever its content.
    for view in &mut views {
        if view.artifact.is_some()
            && !view.ambiguous
            && view.bound_digest.is_some()
            && view.bound_digest.as_deref() != Some(evaluation.input_digest.total.as_str())
        {
            let changed = evaluation.input_digest.changed_since(&view.bound_inputs);
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

    for field in &rule.required_facts {
        let missing = match section.get(field) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => is_tbd(s),
            _ => false,
        };
        if missing {
            evaluation
                .missing_facts
                .push(format!("{}.{field}", instance.path));
        }
    }
    // An e-invoice is never made of guessed values: what EN 16931 needs and the data lacks
    // keeps the document a draft, listed.
    if rule.einvoice.is_some() {
        evaluation.einvoice_missing =
            crate::einvoice::missing_facts(&rule.kind, &rule.section, engagement);
        if !evaluation.einvoice_missing.is_empty() {
            evaluation.reasons.push(format!(
                "the e-invoice (Factur-X, EN 16931) lacks {}",
                and_list(&evaluation.einvoice_missing)
            ));
        }
    }
    let mut blocked = Vec::new();
    if !evaluation.missing_facts.is_empty() {
        let line = match evaluation.missing_facts.as_slice() {
            [one] => format!("a required fact is TBD: {one}"),
            many => format!("required facts are TBD: {}", and_list(many)),
        };
        match rule.missing_facts {
            MissingFacts::Blocked => blocked.push(line),
            MissingFacts::Draft => evaluation.reasons.push(line),
        }
    }
    for req in &rule.blocked_unless {
        match check(req, &views, &scope, engagement) {
            Ok(view) => push_used(&mut evaluation.approvals_used, view),
            Err(missing) => {
                blocked.push(format!("blocked until {}", missing.describe()));
                evaluation.blocked_by.push(missing);
            }
        }
    }
    // Work outside the signed scope: blocked until every approval the rules name for an
    // expanded scope holds for that scope (the kinds that propose it excepted).
    if let Some(x) = expanded.filter(|x| !x.proposed_by.contains(&rule.kind)) {
        for outside in expanded_scopes(&section, &engagement.scope) {
            for req in &x.blocked_unless {
                let req = Requirement {
                    scope: ScopeOf::Artifact,
                    ..req.clone()
                };
                match check(&req, &views, &outside, engagement) {
                    Ok(view) => push_used(&mut evaluation.approvals_used, view),
                    Err(missing) => {
                        blocked.push(format!(
                            "{outside} lies outside the signed scope ({}): blocked until {}",
                            engagement.scope,
                            missing.describe()
                        ));
                        evaluation.blocked_by.push(missing);
                    }
                }
            }
        }
    }
    if !blocked.is_empty() {
        evaluation.decision = Decision::Blocked;
        evaluation.reasons.extend(blocked);
        return Gated::Blocked(evaluation);
    }
    for req in &rule.final_requires {
        match check(req, &views, &scope, engagement) {
            Ok(view) => push_used(&mut evaluation.approvals_used, view),
            Err(missing) => {
                evaluation
                    .reasons
                    .push(format!("draft until {}", missing.describe()));
                evaluation.missing.push(missing);
            }
        }
    }
    if !evaluation.missing.is_empty() || !evaluation.reasons.is_empty() {
        evaluation.decision = Decision::Draft;
    } else {
        let used: Vec<String> = evaluation
            .approvals_used
            .iter()
            .map(|v| {
                format!(
                    "{} {} by {}",
                    v.gate,
                    v.effective,
                    v.approver.as_deref().unwrap_or(TBD)
                )
            })
            .collect();
        evaluation.reasons.push(if used.is_empty() {
            "no approval required".to_string()
        } else {
            format!("all approvals current: {}", used.join("; "))
        });
    }
    Gated::Cleared(Cleared {
        evaluation,
        section,
    })
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

/// The id a document carries: its section's `id` or `number`, else one made from the
/// engagement, kind and instance key (`NORTHWIND-HEALTH-SCORECARD-2026-Q3`).
fn document_id(name: &str, engagement: &Engagement, section: &Value) -> String {
    ["id", "number"]
        .iter()
        .find_map(|k| section.get(*k).and_then(Value::as_str))
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}-{}", engagement.id, name.replace(':', "-")).to_uppercase())
}

/// Every string equal to TBD under `value`, as field paths.
pub fn collect_tbd(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s == TBD => out.push(path.to_string()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_tbd(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                collect_tbd(v, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}
