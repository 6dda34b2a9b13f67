//! The ledger: an append-only, hash-chained record of every final rendering.
//!
//! `data/<engagement>/ledger.jsonl` holds one JSON record per line: when, which document,
//! the digest of its inputs and of each output file, the approvals (with evidence) that
//! made it final, and the hash of the previous record. Changing, removing or reordering a
//! record breaks the chain; changing an output file breaks its recorded digest. `docket
//! verify` checks both. Issued documents (invoices, emails, envelopes, case studies) are
//! looked up here so they are never silently overwritten.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::digest::sha256;
use crate::error::{Error, Location, Result};

/// The ledger's file name inside an engagement folder.
pub const FILE_NAME: &str = "ledger.jsonl";

/// What the chain starts from.
const GENESIS: &str = "sha256:0";

/// An approval as the ledger remembers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedApproval {
    /// Gate.
    pub gate: String,
    /// Effective status.
    pub status: String,
    /// Approver name.
    pub approver: Option<String>,
    /// Approver role.
    pub role: Option<String>,
    /// Evidence reference.
    pub evidence: Option<String>,
    /// Scope.
    pub scope: String,
}

/// The content of a record, everything the hash covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// 1-based position in the ledger.
    pub seq: u64,
    /// When it was recorded (UTC, RFC 3339).
    pub time: String,
    /// Engagement id.
    pub engagement: String,
    /// Artifact kind.
    pub kind: String,
    /// Document id (e.g. the invoice number).
    pub document_id: String,
    /// Whether the document left the building (see the rules' `issued`).
    pub issued: bool,
    /// Digest of its inputs.
    pub input_digest: String,
    /// Per-input digests, to name what changed later.
    pub input_fields: BTreeMap<String, String>,
    /// Output file name (relative to the engagement's output folder) to digest.
    pub outputs: BTreeMap<String, String>,
    /// Approvals that made it final.
    pub approvals_used: Vec<UsedApproval>,
    /// Hash of the previous record (`sha256:0` for the first).
    pub prev: String,
}

/// A ledger line: the entry and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The content.
    #[serde(flatten)]
    pub entry: Entry,
    /// sha256 of the entry's JSON.
    pub hash: String,
}

impl Entry {
    fn hash(&self) -> String {
        sha256(&serde_json::to_vec(self).unwrap_or_default())
    }
}

/// The ledger path of an engagement folder.
pub fn path(engagement_dir: &Path) -> PathBuf {
    engagement_dir.join(FILE_NAME)
}

/// Reads a ledger; a missing file is an empty ledger. Unparseable lines are located errors.
pub fn read(path: &Path) -> Result<Vec<Record>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str::<Record>(line).map_err(|e| {
                Error::data(
                    Location {
                        file: path.to_path_buf(),
                        line: Some(i + 1),
                        column: Some(e.column()),
                        field: None,
                    },
                    format!("not a ledger record: {e}"),
                )
            })
        })
        .collect()
}

/// The most recent record for an artifact kind.
pub fn latest<'a>(records: &'a [Record], kind: &str) -> Option<&'a Record> {
    records.iter().rev().find(|r| r.entry.kind == kind)
}

/// The data folder's record lock (`.docket-record.lock` in the data folder): every docket
/// process that allocates a document number or appends to a ledger of that data folder holds
/// it, whatever output folder it writes to.
///
/// Why a lock on the data folder and not the output folder's: numbers are unique across the
/// whole data folder (a series spans engagements), and two builds of the same data into two
/// output folders (shards, or two people) share the ledgers. A build that allocates a number
/// takes the lock before it reads the ledgers to count the series and keeps it until its
/// ledger records are appended (the end of the build), so the next allocating build counts
/// them; a build that only re-issues known numbers takes it just around each append, and
/// re-reads the ledger under it, so two appenders never chain onto the same record. It is an
/// `flock`-style lock (`File::lock`): the OS releases it when the process dies, however it
/// dies, and on a network file system it is the server's lock (NFSv4 byte-range locks,
/// SMB), so builds on several machines sharing the data folder take turns too.
#[derive(Debug)]
pub struct RecordLock {
    _file: std::fs::File,
}

/// The record lock's file name, in the data folder.
pub const RECORD_LOCK: &str = ".docket-record.lock";

/// Takes the data folder's record lock, waiting for another process to release it.
pub fn lock_record(data_dir: &Path) -> Result<RecordLock> {
    let path = data_dir.join(RECORD_LOCK);
    let err = |source| Error::Write {
        path: path.clone(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(err)?;
    file.lock().map_err(err)?;
    Ok(RecordLock { _file: file })
}

/// Appends the entries that are not already the latest record of their kind, under the record
/// lock: the ledger is re-read once the lock is held, so a record another process appended
/// since this build read the ledger is chained onto, and not recorded twice.
pub fn append_locked(
    path: &Path,
    data_dir: &Path,
    held: Option<&RecordLock>,
    entries: Vec<Entry>,
) -> Result<Vec<Record>> {
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let _lock = match held {
        Some(_) => None,
        None => Some(lock_record(data_dir)?),
    };
    let current = read(path)?;
    let entries: Vec<Entry> = entries
        .into_iter()
        .filter(|e| latest(&current, &e.kind).is_none_or(|r| !crate::issued::same(&r.entry, e)))
        .collect();
    append(path, &current, entries)
}

/// Appends entries (their `seq`, `prev` and `time` are filled in here), syncing the file.
pub fn append(path: &Path, existing: &[Record], entries: Vec<Entry>) -> Result<Vec<Record>> {
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let mut prev = existing
        .last()
        .map_or_else(|| GENESIS.to_string(), |r| r.hash.clone());
    let mut seq = existing.last().map_or(0, |r| r.entry.seq);
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let mut records = Vec::new();
    let mut text = String::new();
    for mut entry in entries {
        seq += 1;
        entry.seq = seq;
        entry.prev = prev.clone();
        entry.time = now.clone();
        let hash = entry.hash();
        prev = hash.clone();
        let record = Record { entry, hash };
        text.push_str(&serde_json::to_string(&record).unwrap_or_default());
        text.push('\n');
        records.push(record);
    }
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(err)?;
    file.write_all(text.as_bytes()).map_err(err)?;
    file.sync_all().map_err(err)?;
    Ok(records)
}

/// One thing `verify` found wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file concerned (ledger or output).
    pub file: String,
    /// What is wrong.
    pub message: String,
}

/// Checks a ledger's chain and that the outputs its latest records name are unchanged.
pub fn verify(ledger: &Path, out_dir: &Path) -> Result<Vec<Problem>> {
    let records = read(ledger)?;
    let mut problems = Vec::new();
    let shown = ledger.display().to_string();
    let mut prev = GENESIS.to_string();
    for (i, r) in records.iter().enumerate() {
        let expected_seq = i as u64 + 1;
        if r.entry.seq != expected_seq {
            problems.push(Problem {
                file: shown.clone(),
                message: format!(
                    "record on line {} has seq {}, expected {expected_seq}: records were removed or reordered",
                    i + 1,
                    r.entry.seq
                ),
            });
        }
        if r.entry.prev != prev {
            problems.push(Problem {
                file: shown.clone(),
                message: format!(
                    "record {} does not chain to the record before it: the ledger was edited",
                    r.entry.seq
                ),
            });
        }
        if r.entry.hash() != r.hash {
            problems.push(Problem {
                file: shown.clone(),
                message: format!(
                    "record {} ({} {}) does not match its hash: it was edited after it was written",
                    r.entry.seq, r.entry.kind, r.entry.document_id
                ),
            });
        }
        prev = r.hash.clone();
    }
    // The latest record naming each output file must match the file on disk.
    let mut latest: BTreeMap<(&str, &str), &Record> = BTreeMap::new();
    for r in &records {
        for name in r.entry.outputs.keys() {
            latest.insert((r.entry.engagement.as_str(), name.as_str()), r);
        }
    }
    for ((engagement, name), r) in latest {
        let file = out_dir.join(engagement).join(name);
        let shown_file = file.display().to_string();
        match std::fs::read(&file) {
            Ok(bytes) => {
                let actual = sha256(&bytes);
                let expected = &r.entry.outputs[name];
                if &actual != expected {
                    problems.push(Problem {
                        file: shown_file,
                        message: format!(
                            "content differs from ledger record {} ({} {}, {}): expected {expected}, found {actual}",
                            r.entry.seq, r.entry.kind, r.entry.document_id, r.entry.time
                        ),
                    });
                }
            }
            Err(_) => problems.push(Problem {
                file: shown_file,
                message: format!(
                    "missing, but ledger record {} ({} {}) says it was rendered",
                    r.entry.seq, r.entry.kind, r.entry.document_id
                ),
            }),
        }
    }
    Ok(problems)
}
