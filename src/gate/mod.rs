//! Stage 2, gate: decide, before anything renders, whether an artifact is final, a draft or
//! blocked, and say why.
//!
//! In: one artifact kind's rule, the engagement, its approval manifest. Out: a [`Gated`]
//! value. [`evaluate`] is a pure function and the only constructor of [`Cleared`], the
//! value the renderer requires: nothing can render without passing here.
//!
//! An approval counts only with evidence that names the approver and the permitted action:
//! a record marked `approved` (or `conditional`) without an approver, an action or evidence
//! is treated as `requested`, and the report says so ([`crate::gate::approval`]).
//!
//! The decision is made by [`rules::RULES`], an ordered list of named rules, each a small
//! function over one context; [`evaluate`] runs them and concludes.

pub mod approval;
pub mod rules;

use serde::Serialize;
use serde_json::Value;

use crate::digest::{InputDigest, TemplateDigests};
use crate::gate::approval::ApprovalView;
use crate::model::{Engagement, Exception, KindRule, Manifest, Rules, TBD};
use crate::text::is_tbd;

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

    /// The same verdict for a document issued final with `number` from its series (see
    /// `numbering`): its document id, and its section's `number` (or `id`), are the number.
    pub(crate) fn numbered(mut self, number: &str) -> Cleared {
        self.evaluation.document_id = number.to_string();
        if let Some(map) = self.section.as_object_mut() {
            let key = if map.contains_key("number") {
                "number"
            } else {
                "id"
            };
            map.insert(key.to_string(), Value::String(number.to_string()));
        }
        self
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

    /// The same verdict with the number a series gave it, when cleared (see
    /// [`Cleared::numbered`]).
    pub(crate) fn numbered(self, number: &str) -> Gated {
        match self {
            Gated::Cleared(c) => Gated::Cleared(c.numbered(number)),
            blocked => blocked,
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
/// JSON, computed once by the caller. Runs [`rules::RULES`] in order over one
/// [`rules::Context`], then concludes: blocked if any rule blocked, else a draft if any rule
/// left a reason or a missing approval, else final.
pub fn evaluate(
    rule: &KindRule,
    rules: &Rules,
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
    let evaluation = Evaluation {
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
        scope,
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
    let mut cx = rules::Context {
        rule,
        rules,
        expanded: rules.expanded_scope.as_ref(),
        engagement,
        state,
        manifest,
        templates,
        instance,
        section: &section,
        name: &name,
        views: Vec::new(),
        evaluation,
        blocking: Vec::new(),
    };
    for r in rules::RULES {
        if (r.apply)(&mut cx) == rules::Flow::Stop {
            break;
        }
    }
    let rules::Context {
        mut evaluation,
        blocking,
        ..
    } = cx;
    if !blocking.is_empty() {
        evaluation.decision = Decision::Blocked;
        evaluation.reasons.extend(blocking);
        return Gated::Blocked(evaluation);
    }
    if !evaluation.missing.is_empty() || !evaluation.reasons.is_empty() {
        evaluation.decision = Decision::Draft;
    } else {
        let used: Vec<String> = evaluation
            .approvals_used
            .iter()
            .map(|v| format!("{} {} by {}", v.gate, v.effective, v.who()))
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
