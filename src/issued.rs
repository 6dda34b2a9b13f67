//! Issued documents are immutable.
//!
//! A document that leaves the building (an invoice, an email sequence, an envelope, a case
//! study: the rules' `issued = true`) is, once rendered final, a fact of record: it is
//! never edited. Re-running the build with unchanged inputs reproduces the same bytes;
//! changed inputs are refused with a way forward (a credit note or a new document); and if
//! its gate no longer clears it, the issued files are kept as they are.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::gate::{Decision, Evaluation};
use crate::ledger::{Entry, Record, UsedApproval, latest};
use crate::model::{Engagement, KindRule};

/// Decides what the build may do with an issued kind. `Ok(true)`: keep the issued files
/// untouched (its gate no longer clears it); `Ok(false)`: go ahead (not issued yet, a new
/// document, or a byte-identical re-render); `Err`: refuse, saying how to proceed.
pub fn guard(
    rule: &KindRule,
    evaluation: &Evaluation,
    outputs: Option<BTreeMap<String, String>>,
    records: &[Record],
) -> Result<bool> {
    let Some(last) = latest(records, &rule.kind).filter(|r| r.entry.issued) else {
        return Ok(false);
    };
    let issued = &last.entry;
    if evaluation.document_id != issued.document_id {
        // A new document (e.g. a new invoice number) replaces the file; the issued one
        // stays in the ledger.
        return Ok(false);
    }
    // Approvals decide final or draft, not content: only data, template and rule count.
    let changed: Vec<String> = evaluation
        .input_digest
        .changed_since(&issued.input_fields)
        .into_iter()
        .filter(|f| f != "approvals")
        .collect();
    if changed.is_empty() {
        if evaluation.decision != Decision::Final {
            // Whatever the gate says now, what was issued stays issued.
            return Ok(true);
        }
        if outputs.as_ref().is_none_or(|o| o == &issued.outputs) {
            return Ok(false);
        }
        return Err(Error::Refused(format!(
            "{} {} was issued on {} (ledger record {}); rendering it again gives different \
             bytes (has docket, a template or a font changed?), so docket will not replace it. \
             Keep the issued files, or issue a new document.",
            rule.kind, issued.document_id, issued.time, issued.seq
        )));
    }
    let way = if rule.kind == "invoice" {
        "issue a credit note against it (the credit-note artifact) and, if needed, a new \
         invoice with a new number"
    } else {
        "give the new version a new document id, or restore the inputs it was issued with"
    };
    Err(Error::Refused(format!(
        "{} {} was issued on {} (ledger record {}) and is never edited, but its inputs have \
         changed since: {}. To proceed, {way}.",
        rule.kind,
        issued.document_id,
        issued.time,
        issued.seq,
        changed.join(", ")
    )))
}

/// The ledger entry of a final rendering (seq, time and prev are filled in on append).
pub fn entry(
    engagement: &Engagement,
    rule: &KindRule,
    evaluation: &Evaluation,
    outputs: BTreeMap<String, String>,
) -> Entry {
    Entry {
        seq: 0,
        time: String::new(),
        engagement: engagement.id.clone(),
        kind: rule.kind.clone(),
        document_id: evaluation.document_id.clone(),
        issued: rule.issued,
        input_digest: evaluation.input_digest.total.clone(),
        input_fields: evaluation.input_digest.fields.clone(),
        outputs,
        approvals_used: evaluation
            .approvals_used
            .iter()
            .map(|a| UsedApproval {
                gate: a.gate.clone(),
                status: a.effective.to_string(),
                approver: a.approver.clone(),
                role: a.role.clone(),
                evidence: a.evidence.clone(),
                scope: a.scope.clone(),
            })
            .collect(),
        prev: String::new(),
    }
}

/// Whether two entries record the same rendering (nothing new to record).
pub fn same(a: &Entry, b: &Entry) -> bool {
    a.document_id == b.document_id
        && a.input_digest == b.input_digest
        && a.outputs == b.outputs
        && a.approvals_used == b.approvals_used
}
