//! Stage 4, record: what docket has issued, kept so that it holds however docket is run.
//!
//! Billing staff rely on two promises: an issued document never changes, and document
//! numbers are unique and gapless. Both rest on the ledgers in the data folder, so this
//! module keeps everything that reads or writes them together:
//!
//! - [`ledger`]: the hash-chained, append-only record per engagement, its head, the data
//!   folder's record lock, and `verify`;
//! - [`numbering`] (above the plan it numbers: its own line in the layers) allocates numbers
//!   from a series under this module's record lock;
//! - [`issued`]: the guard that keeps an issued document's files as they were issued.
//!
//! A build writes in three steps so that a file is never visible without its record, nor a
//! record without its files: it **stages** every output (written and synced under a
//! temporary name beside its target), **commits** the ledger records of the final documents
//! among them (the append is the commit point), then **publishes** the staged files
//! (renames them into place). Killed before the commit, a build leaves temporary files the
//! next build removes; killed after it, the next build finishes the publication from the
//! staged files ([`recover`]), and until then `verify` names the staged file it will use.

pub mod archive;
pub mod issued;
pub mod ledger;
pub mod numbering;
pub mod serials;

use std::path::Path;

use crate::digest::sha256;
use crate::error::{Error, Result};
use crate::output;
use ledger::Record;

/// The file a ledger record names that a killed build staged but did not publish: the
/// staged temporary file in `dir` that holds exactly the recorded bytes of `name`, if any.
pub fn staged_for(dir: &Path, name: &str, digest: &str) -> Option<std::path::PathBuf> {
    output::staged_files(dir)
        .into_iter()
        .filter(|(target, _)| target == name)
        .map(|(_, path)| path)
        .find(|path| std::fs::read(path).is_ok_and(|bytes| sha256(&bytes) == digest))
}

/// Finishes what a killed build left in an engagement's output folder `dir` (call it holding
/// the output folder's lock, before writing there): a staged file that its engagement's
/// latest record names, with the recorded bytes, is published over its target (that build
/// was killed between its commit and its publication); every other temporary file is
/// removed (killed before its commit: nothing of it happened). Returns the names published.
pub fn recover(dir: &Path, records: &[Record]) -> Result<Vec<String>> {
    let mut published = Vec::new();
    for (name, temp) in output::staged_files(dir) {
        let recorded = records
            .iter()
            .rev()
            .find_map(|r| r.entry.outputs.get(&name));
        let target = dir.join(&name);
        let current = std::fs::read(&target).ok().map(|b| sha256(&b));
        let roll_forward = recorded.is_some_and(|digest| {
            current.as_ref() != Some(digest)
                && std::fs::read(&temp).is_ok_and(|b| &sha256(&b) == digest)
        });
        if roll_forward {
            std::fs::rename(&temp, &target).map_err(|source| Error::Write {
                path: target.clone(),
                source,
            })?;
            published.push(name);
        }
    }
    if !published.is_empty()
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
    output::remove_stale_temps(dir)?;
    // Page-1 pictures for the board are no outputs of record: a killed build's half-written
    // ones are only removed.
    output::remove_stale_temps(&dir.join(output::THUMBS))?;
    Ok(published)
}
