//! Approval records as docket reads them: an approval counts only with evidence that names
//! the approver and the permitted action.
//!
//! A record marked `approved` (or `conditional`) without an approver, an action or evidence,
//! or one past its expiry date, is read as `requested`, and the view says why. The gate
//! decides with these views, the input digest binds them, the reports show them.

use serde::Serialize;

use crate::model::{Approval, Engagement, Exception, Manifest, Proof, Signer, Status};
use crate::text::{and_list, is_tbd};

/// An approval record as the gate read it: the status it really has, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ApprovalView {
    /// The gate.
    pub gate: String,
    /// Status written in the manifest.
    pub recorded: Status,
    /// Status the gate gives it (e.g. `requested` for an `approved` without evidence).
    pub effective: Status,
    /// Approver name, when given.
    pub approver: Option<String>,
    /// Approver role, when given.
    pub role: Option<String>,
    /// Permitted actions.
    pub actions: Vec<String>,
    /// Evidence reference.
    pub evidence: Option<String>,
    /// Scope covered.
    pub scope: String,
    /// Conditions attached.
    pub conditions: Vec<String>,
    /// Why `effective` differs from `recorded`, if it does.
    pub note: Option<String>,
    /// The artifact the approval is bound to, if any (`docket approve` records one).
    pub artifact: Option<String>,
    /// Inputs changed since a bound approval was given (it is then stale).
    pub stale_fields: Vec<String>,
    /// When it was given (or asked for), as recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who signed it, verified against the roster (`trust = "signed"`): the approver, or the
    /// roster member who attested an outside approver's approval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<Signer>,
    /// For a request: who asked, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<String>,
    /// For a request: why it is asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The record's signature, as recorded (the ledger keeps it with the statement).
    #[serde(skip)]
    pub(crate) signature: Option<String>,
    /// The signed statement.
    #[serde(skip)]
    pub(crate) statement: Option<String>,
    #[serde(skip)]
    pub(crate) bound_digest: Option<String>,
    #[serde(skip)]
    pub(crate) ambiguous: bool,
    #[serde(skip)]
    pub(crate) bound_inputs: std::collections::BTreeMap<String, String>,
}

impl ApprovalView {
    /// Reads one manifest record for an engagement whose documents are dated `as_of`.
    pub fn of(approval: &Approval, engagement: &Engagement) -> ApprovalView {
        let approver = approval
            .approver
            .as_ref()
            .filter(|a| !is_tbd(&a.name))
            .map(|a| a.name.clone());
        let evidence = approval.evidence.clone().filter(|e| !is_tbd(e));
        let mut effective = approval.status;
        let mut note = None;
        if matches!(approval.status, Status::Approved | Status::Conditional) {
            let mut lacking = Vec::new();
            if approver.is_none() {
                lacking.push("no approver");
            }
            if approval.actions.is_empty() {
                lacking.push("no permitted action");
            }
            if evidence.is_none() {
                lacking.push("no evidence");
            }
            if !lacking.is_empty() {
                effective = Status::Requested;
                note = Some(format!(
                    "recorded as {} but names {}: treated as requested",
                    approval.status,
                    and_list(&lacking)
                ));
            } else if let Some(expires) = approval.expires
                && expires < engagement.as_of
            {
                effective = Status::Requested;
                note = Some(format!("expired on {expires}: treated as requested"));
            } else if let Some(Proof::Refused(why)) = &approval.proof {
                effective = Status::Requested;
                note = Some(format!(
                    "recorded as {} but {why}: treated as requested",
                    approval.status
                ));
            }
        }
        if approval.status == Status::Requested
            && let Some(who) = &approval.requested_by
        {
            note = Some(format!(
                "asked by {who}: a request, not signed by an approver"
            ));
        }
        let signed_by = match &approval.proof {
            Some(Proof::Signed(signer)) if effective == approval.status => Some(signer.clone()),
            _ => None,
        };
        ApprovalView {
            gate: approval.gate.clone(),
            recorded: approval.status,
            effective,
            approver,
            role: approval.approver.as_ref().map(|a| a.role.clone()),
            actions: approval.actions.clone(),
            evidence,
            scope: approval
                .scope
                .clone()
                .unwrap_or_else(|| engagement.scope.clone()),
            conditions: approval.conditions.clone(),
            note,
            artifact: approval.artifact.clone(),
            stale_fields: Vec::new(),
            date: approval.date.map(|d| d.to_string()),
            statement: signed_by.as_ref().map(|s| s.statement.clone()),
            signed_by,
            requested_by: approval.requested_by.clone(),
            reason: approval.reason.clone(),
            signature: approval.signature.clone(),
            bound_digest: approval.digest.clone(),
            ambiguous: false,
            bound_inputs: approval.inputs.clone(),
        }
    }

    /// Demotes a counting approval to `requested`, saying why.
    pub(crate) fn demote(&mut self, why: String) {
        if matches!(self.effective, Status::Approved | Status::Conditional) {
            self.note = Some(format!(
                "recorded as {} but {why}: treated as requested",
                self.recorded
            ));
            self.effective = Status::Requested;
        }
    }

    /// Whether it counts for the person `who` (a name or a principal): approved or attested
    /// by them.
    pub fn by(&self, who: &str) -> bool {
        self.approver.as_deref() == Some(who)
            || self
                .signed_by
                .as_ref()
                .is_some_and(|s| s.name == who || s.principal == who)
    }

    /// The person behind it, for separation of duties: the signer's principal when signed,
    /// the approver's name otherwise.
    pub fn person(&self) -> Option<&str> {
        self.signed_by
            .as_ref()
            .map(|s| s.principal.as_str())
            .or(self.approver.as_deref())
    }

    /// `approved by Dana Whitfield (client sponsor), attested by Lee <lee@...>, key SHA256:...`
    pub fn who(&self) -> String {
        let approver = self.approver.as_deref().unwrap_or(crate::model::TBD);
        match &self.signed_by {
            Some(s) if s.attested => format!(
                "{approver}, attested by {} <{}>, key {}",
                s.name, s.principal, s.fingerprint
            ),
            Some(s) => format!("{approver} <{}>, key {}", s.principal, s.fingerprint),
            None => approver.to_string(),
        }
    }

    /// `conditional (R-03 open)`, `requested`, ...
    pub fn describe(&self) -> String {
        let mut s = self.effective.to_string();
        if !self.conditions.is_empty() {
            s.push_str(&format!(" ({})", self.conditions.join("; ")));
        }
        if let Some(note) = &self.note {
            s.push_str(&format!(" [{note}]"));
        }
        s
    }
}

/// The preparer rule, for the gate and for `docket approve` alike: whoever prepared an
/// artifact may approve it only under an exception recorded for them and that artifact (its
/// kind, or `kind:key`). The exception, if there is one.
pub fn preparer_exception<'m>(
    manifest: &'m Manifest,
    kind: &str,
    name: &str,
    person: &str,
) -> Option<&'m Exception> {
    manifest
        .exception
        .iter()
        .find(|x| (x.artifact == kind || x.artifact == name) && x.person == person)
}
