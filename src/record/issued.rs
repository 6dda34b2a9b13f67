//! Issued documents are immutable.
//!
//! A document that leaves the building (an invoice, an email sequence, an envelope, a case
//! study: the rules' `issued = true`) is, once rendered final, a fact of record: it is
//! never edited. Re-running the build with unchanged inputs reproduces the same bytes;
//! changed inputs are refused with a way forward (a credit note or a new document), whatever
//! the gate now decides and whatever number the new rendering would carry; and if its gate
//! no longer clears it, the issued files are kept as they are and reported as issued.

use std::collections::BTreeMap;

use super::ledger::{Entry, Record, UsedApproval};
use crate::error::{Error, Result};
use crate::gate::{Decision, Evaluation};
use crate::model::{Engagement, KindRule};

/// What the build does with an issued kind.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead: not issued yet, or a byte-identical re-render.
    Proceed,
    /// Keep the issued files untouched (its gate no longer clears it).
    Keep,
    /// Write these bytes, the issued ones, instead of the new rendering: nothing of the
    /// document's data changed, only docket's templates, layouts or fonts.
    Restore(super::archive::Files),
}

/// Decides what the build may do with an issued kind; `Err`: refuse, saying how to
/// proceed. `issued_bytes` gives the bytes an issued record names (from the archive, or
/// the output folder's files when they still have the recorded digests), when it can.
///
/// Once issued, the files stay whatever the new decision, document id or number: a draft
/// numbered "TBD" (a bound approval gone stale), a new number from the series (the inputs
/// changed, so the issued number is not reused) or a number written in the data would
/// otherwise replace what the client holds. Only the inputs it was issued with decide.
pub fn guard(
    rule: &KindRule,
    evaluation: &Evaluation,
    outputs: Option<BTreeMap<String, String>>,
    records: &[Record],
    issued_bytes: &dyn Fn(&Entry) -> Option<super::archive::Files>,
) -> Result<Verdict> {
    let Some(issued) = latest_issued(records, &rule.kind, evaluation.key.as_deref()) else {
        return Ok(Verdict::Proceed);
    };
    let name = evaluation.name();
    // Approvals decide final or draft, not content: only data, template and rule count.
    // The engagement's `as_of` moves as time passes (aging and reminders count to it); a
    // document with a date of its own does not show it, so it is judged by its bytes: the
    // same bytes are the same document, other bytes are refused below.
    let all = evaluation.input_digest.changed_since(&issued.input_fields);
    let as_of_moved = all.iter().any(|f| f == "as_of");
    let changed: Vec<String> = all
        .into_iter()
        .filter(|f| f != "approvals" && f != "as_of")
        .collect();
    // Only docket's own inputs changed (templates, layouts, the house style): the document
    // is the one issued, and the archive has its bytes.
    let docket_only = !changed.is_empty() && changed.iter().all(|f| f == "template");
    if changed.is_empty() || docket_only {
        if evaluation.decision != Decision::Final {
            // Whatever the gate says now, what was issued stays issued.
            return Ok(Verdict::Keep);
        }
        if evaluation.document_id != issued.document_id {
            // Same content under another number (one written in the data): the issued
            // number stays the document's identity.
            return Err(Error::Refused(format!(
                "{} {} was issued on {} (ledger record {}); the data now numbers it {}, but an \
                 issued document keeps its number and its files are never replaced. To \
                 proceed, restore its number ({} or TBD), or issue the new document in an \
                 engagement folder of its own.",
                name,
                issued.document_id,
                issued.time,
                issued.seq,
                evaluation.document_id,
                issued.document_id
            )));
        }
        if outputs.as_ref().is_none_or(|o| o == &issued.outputs) {
            return Ok(Verdict::Proceed);
        }
        if (docket_only || !as_of_moved)
            && let Some(bytes) = issued_bytes(issued)
        {
            return Ok(Verdict::Restore(bytes));
        }
        if as_of_moved && !docket_only {
            return Err(Error::Refused(format!(
                "{} {} was issued on {} (ledger record {}) and shows the engagement's as_of \
                 date, which has moved since, so rendering it again gives other bytes; docket \
                 will not replace it. To proceed, give its section a date of its own (the date \
                 it was issued with), or restore as_of.",
                name, issued.document_id, issued.time, issued.seq
            )));
        }
        if !docket_only {
            return Err(Error::Refused(format!(
                "{} {} was issued on {} (ledger record {}); rendering it again gives different \
                 bytes (has docket, a template or a font changed?), and neither the archive \
                 nor the output folder has the issued bytes, so docket will not replace it. \
                 Keep the issued files, or issue a new document.",
                name, issued.document_id, issued.time, issued.seq
            )));
        }
    }
    let way = if rule.special() == Some(crate::model::Special::Invoice) {
        "restore the inputs it was issued with, or issue a credit note against it (the \
         credit-note artifact) and, if needed, a new invoice: one more [[invoice]] with a key \
         of its own, which gets the next number"
    } else {
        "restore the inputs it was issued with, or issue the new version as a new document: \
         one more instance of the kind (an array of tables, each with a key of its own)"
    };
    Err(Error::Refused(format!(
        "{} {} was issued on {} (ledger record {}) and is never edited, but its inputs have \
         changed since: {}.{} Its issued files are kept as they are. To proceed, {way}.",
        name,
        issued.document_id,
        issued.time,
        issued.seq,
        changed.join(", "),
        stale_approvals(evaluation, issued)
    )))
}

/// The latest issued record of an artifact (a kind, and the instance key of one of many),
/// if it was ever issued.
pub fn latest_issued<'a>(
    records: &'a [Record],
    kind: &str,
    key: Option<&str>,
) -> Option<&'a Entry> {
    records
        .iter()
        .rev()
        .map(|r| &r.entry)
        .find(|e| e.issued && e.kind == kind && e.key.as_deref() == key)
}

/// The approvals an issued document was issued under that no longer count (gone stale with
/// the edit, withdrawn...), as a sentence for the refusal: said against the issued
/// document, since the draft the gate now asks for will not be rendered.
fn stale_approvals(evaluation: &Evaluation, issued: &Entry) -> String {
    let lost: Vec<String> = evaluation
        .missing
        .iter()
        .chain(&evaluation.blocked_by)
        .filter(|m| issued.approvals_used.iter().any(|a| a.gate == m.gate))
        .map(|m| m.describe())
        .collect();
    if lost.is_empty() {
        String::new()
    } else {
        format!(
            " The approvals it was issued under no longer count: {}.",
            lost.join("; ")
        )
    }
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
        key: evaluation.key.clone(),
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
                signed: match (&a.signed_by, &a.statement, &a.signature) {
                    (Some(signer), Some(statement), Some(signature)) => {
                        Some(crate::trust::Kept::of(signer, statement, signature))
                    }
                    _ => None,
                },
            })
            .collect(),
        // An issued document's bytes go into the archive before its record is appended.
        archived: rule.issued,
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
