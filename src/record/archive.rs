//! The archive of issued documents: the exact bytes a client received, kept in the record.
//!
//! An issued document used to live only as its file in the output folder, so a docket
//! upgrade that changed a layout made every issued document of that kind refuse to build
//! ("rendering it again gives different bytes"), and a lost output folder lost the only copy
//! (tax law in much of Europe expects the issued invoice itself to be kept unaltered). Now
//! every output of an issued document is written here, named by its digest, *before* the
//! ledger record that names it is appended: a record never names bytes the archive lacks.
//! A build that would render an issued document differently when nothing of its data
//! changed (a new layout, house style or font) restores the archived bytes instead of
//! refusing; `docket verify` checks every archived record's bytes against its digests.
//!
//! The files backend keeps it beside the ledger: `<engagement>/archive/<sha256 hex>`.

use std::path::{Path, PathBuf};

use super::ledger::{Problem, Record};
use crate::digest::sha256;
use crate::error::Result;
use crate::output;

/// The archive's folder in an engagement's data folder, beside `ledger.jsonl`.
pub const FOLDER: &str = "archive";

/// The archive folder of an engagement's data folder.
pub fn folder(engagement_dir: &Path) -> PathBuf {
    engagement_dir.join(FOLDER)
}

/// Where the bytes of `digest` (`sha256:<hex>`) are kept; `None` for a digest that is not
/// a SHA-256 in docket's form (a record written by hand, or edited).
fn file(engagement_dir: &Path, digest: &str) -> Option<PathBuf> {
    let hex = digest.strip_prefix("sha256:")?;
    (hex.len() == 64
        && hex
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()))
    .then(|| folder(engagement_dir).join(hex))
}

/// Keeps `bytes` (synced, atomically; nothing is written when they are already there).
pub fn put(engagement_dir: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(path) = file(engagement_dir, &sha256(bytes)) {
        output::write_atomic(&path, bytes)?;
    }
    Ok(())
}

/// The archived bytes of `digest`, if they are there and still have that digest.
pub fn get(engagement_dir: &Path, digest: &str) -> Option<Vec<u8>> {
    let bytes = std::fs::read(file(engagement_dir, digest)?).ok()?;
    (sha256(&bytes) == digest).then_some(bytes)
}

/// An issued document's files: each output's name and bytes.
pub type Files = Vec<(String, Vec<u8>)>;

/// Every output of a record, from the archive, by name; `None` unless each one is there
/// with its recorded digest.
pub fn restore(engagement_dir: &Path, record: &super::ledger::Entry) -> Option<Files> {
    if !record.archived {
        return None;
    }
    record
        .outputs
        .iter()
        .map(|(name, digest)| get(engagement_dir, digest).map(|b| (name.clone(), b)))
        .collect()
}

/// What is wrong with the archive of an engagement: each output of an archived record whose
/// bytes are missing or altered.
pub fn check(engagement_dir: &Path, records: &[Record]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for r in records.iter().filter(|r| r.entry.archived) {
        for (name, digest) in &r.entry.outputs {
            let Some(path) = file(engagement_dir, digest) else {
                continue; // the ledger's own check names a malformed record
            };
            let why = match std::fs::read(&path) {
                Err(_) => "is missing from the archive",
                Ok(bytes) if sha256(&bytes) != *digest => {
                    "was altered in the archive (its bytes no longer match the record)"
                }
                Ok(_) => continue,
            };
            problems.push(Problem {
                file: path.display().to_string(),
                message: format!(
                    "record {} ({} {}): the issued {name} {why}",
                    r.entry.seq, r.entry.kind, r.entry.document_id
                ),
            });
        }
    }
    problems
}
