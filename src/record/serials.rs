//! Intelligent Mail serial numbers assigned by print runs.
//!
//! USPS identifies a mail piece by its mailer id and serial, so a serial must not repeat
//! within a mailing nor across mailings of the same mailer id (for 45 days at least; docket
//! never repeats one). An envelope whose data says `serial = "next"` gets its serial when
//! `docket envelopes` prints it: the next one after every serial this data folder's print
//! runs have used (`imb-serials.jsonl` in the data folder, one line per run and mailer id)
//! and every serial written in the data. The record is read and appended under the data
//! folder's record lock, and appended before the print file is written: a run killed in
//! between burns its serials, it never hands them out again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::ledger::{self, RecordLock};
use crate::error::{Error, Result};

/// The data folder's record of serials used.
pub const FILE_NAME: &str = "imb-serials.jsonl";

pub use crate::usps::imb::{NEXT_SERIAL as NEXT, serial_width};

/// One line of the record: the serials one run used for one mailer id.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Used {
    /// Mailer id.
    pub mailer_id: String,
    /// First serial used.
    pub first: u64,
    /// Last serial used.
    pub last: u64,
    /// The print file of the run.
    pub run: String,
}

/// Serials for one print run: counts from the record, hands out the next ones, and
/// records them before the run writes its file.
pub struct Serials {
    path: PathBuf,
    data_dir: PathBuf,
    lock: Option<RecordLock>,
    next: BTreeMap<String, u64>,
    used: BTreeMap<String, (u64, u64)>,
    /// Serials written in the data, per mailer id (taken).
    written: BTreeMap<String, u64>,
}

impl Serials {
    /// Serials for a run over `data_dir`, where `written` are the serials the data gives.
    pub fn new(data_dir: &Path, written: BTreeMap<String, u64>) -> Serials {
        Serials {
            path: data_dir.join(FILE_NAME),
            data_dir: data_dir.to_path_buf(),
            lock: None,
            next: BTreeMap::new(),
            used: BTreeMap::new(),
            written,
        }
    }

    fn recorded(&self) -> Result<Vec<Used>> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(Error::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, line)| {
                serde_json::from_str(line).map_err(|e| {
                    Error::Refused(format!(
                        "{} line {}: not a serial record ({e}); docket will not count serials \
                         from a record it cannot read",
                        self.path.display(),
                        i + 1
                    ))
                })
            })
            .collect()
    }

    /// The next serial for a mailer id, zero-padded to its width.
    pub fn next(&mut self, mailer_id: &str) -> Result<String> {
        if self.lock.is_none() {
            self.lock = Some(ledger::lock_record(&self.data_dir)?);
        }
        if !self.next.contains_key(mailer_id) {
            let recorded = self
                .recorded()?
                .into_iter()
                .filter(|u| u.mailer_id == mailer_id)
                .map(|u| u.last)
                .max();
            let written = self.written.get(mailer_id).copied();
            let next = recorded.max(written).map_or(1, |m| m + 1);
            self.next.insert(mailer_id.to_string(), next);
        }
        let width = serial_width(mailer_id);
        let serial = self.next[mailer_id];
        if serial >= 10u64.pow(width as u32) {
            return Err(Error::Refused(format!(
                "mailer id {mailer_id} has used every {width}-digit serial; ask USPS for a new mailer id"
            )));
        }
        self.next.insert(mailer_id.to_string(), serial + 1);
        let range = self
            .used
            .entry(mailer_id.to_string())
            .or_insert((serial, serial));
        range.1 = serial;
        Ok(format!("{serial:0width$}"))
    }

    /// Records the serials handed out (before the print file is written).
    pub fn record(&self, run: &Path) -> Result<()> {
        if self.used.is_empty() {
            return Ok(());
        }
        let mut text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(Error::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        for (mailer_id, (first, last)) in &self.used {
            let line = Used {
                mailer_id: mailer_id.clone(),
                first: *first,
                last: *last,
                run: run.display().to_string(),
            };
            text.push_str(&String::from_utf8_lossy(&crate::error::json_bytes(&line)?));
            text.push('\n');
        }
        crate::output::write_atomic(&self.path, text.as_bytes()).map(|_| ())
    }
}
