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

/// The head file's name, beside the ledger.
pub const HEAD_FILE: &str = "ledger.head";

/// The chain's head: how many records the ledger holds and the last one's hash.
///
/// A hash chain shows that no record inside it was changed, removed or reordered, but not
/// that none was cut off its end: the records left still chain. The head, kept outside the
/// ledger file, says where the end is, so `verify` (and the next append) can see a cut tail,
/// or an older copy of the ledger restored over the current one.
///
/// It lives beside the ledger (`ledger.head` in the engagement's data folder), not in an
/// output folder's build manifest: the ledger belongs to the data folder, which several
/// output folders are built from (shards, two people, a CI run), so a head in one of them
/// would not know of records appended by builds into another and could not tell a cut tail
/// from records it never saw; and it would be lost with the output folder, silently
/// disabling the check. Beside the ledger it is written in the same step as the append
/// (under whatever lock guards the append), travels with the ledger in backups and version
/// control, and is still a separate file, which cutting lines off `ledger.jsonl` does not
/// touch. (Nothing in reach of whoever can rewrite the data folder stops a deliberate
/// forger, who can recompute the whole chain; anchoring the head elsewhere would.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Records in the ledger.
    pub records: u64,
    /// The last record's hash (`sha256:0` for an empty ledger).
    pub hash: String,
}

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
    /// Its signature, statement and key, when it was signed (`trust = "signed"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<crate::trust::Kept>,
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
    /// Instance key, for one of many documents of the kind (absent otherwise, so records
    /// written before instances existed hash as they did).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
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
    /// Whether its outputs' bytes were kept in the archive before it was appended (issued
    /// documents since the archive exists; absent otherwise, so older records hash as they
    /// did).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
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
    fn hash(&self) -> Result<String> {
        Ok(sha256(&crate::error::json_bytes(self)?))
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

/// The head file of a ledger (beside it).
pub fn head_path(ledger: &Path) -> PathBuf {
    ledger.with_file_name(HEAD_FILE)
}

/// Reads a ledger's head; `None` when there is no head file.
pub fn read_head(ledger: &Path) -> Result<Option<Head>> {
    let path = head_path(ledger);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Read { path, source }),
    };
    serde_json::from_slice(&bytes).map(Some).map_err(|e| {
        Error::data(
            Location {
                file: path.clone(),
                line: Some(e.line()),
                column: Some(e.column()),
                field: None,
            },
            format!("not a ledger head: {e}"),
        )
    })
}

/// What is wrong with the end of a ledger given its head, if anything. A ledger longer than
/// its head is fine: a build killed between its append and the head's update leaves one,
/// and the head still matches the record it names.
pub fn tail_problem(records: &[Record], head: Option<&Head>) -> Option<String> {
    let Some(head) = head else {
        return (!records.is_empty()).then(|| {
            format!(
                "the ledger has {} records but no head file ({HEAD_FILE}) beside it, so a \
                 removed tail could not be seen: restore {HEAD_FILE} with the ledger it belongs to",
                records.len()
            )
        });
    };
    let Some(at) = usize::try_from(head.records).ok().filter(|&n| n > 0) else {
        return None; // an empty ledger: everything after it is an extension
    };
    match records.get(at - 1) {
        None => Some(format!(
            "the ledger has {} records but its head ({HEAD_FILE}) says {}: the last {} \
             record(s) were removed (restore the ledger from a backup)",
            records.len(),
            head.records,
            head.records - records.len() as u64
        )),
        Some(r) if r.hash != head.hash => Some(format!(
            "record {} is not the one its head ({HEAD_FILE}) names: the ledger's end was \
             replaced (an older copy restored, or records removed and others added)",
            head.records
        )),
        Some(_) => None,
    }
}

/// Reads a ledger that a build goes on from (to decide on issued documents, then append):
/// refuses one whose end does not match its head, before anything is written. A cut tail
/// may have held an issued number that the series would hand out again, and records
/// appended after the cut would hide it.
pub fn read_whole(path: &Path) -> Result<Vec<Record>> {
    let records = read(path)?;
    match build_problem(&records, read_head(path)?.as_ref()) {
        Some(problem) => Err(cut(path, &problem)),
        None => Ok(records),
    }
}

/// The check of [`read_whole`], for records read earlier in the build: if the head no
/// longer matches them because another process appended since, the ledger is read again
/// (into `records`) and checked as it is now.
pub fn ensure_whole(path: &Path, records: &mut Vec<Record>) -> Result<()> {
    if build_problem(records, read_head(path)?.as_ref()).is_none() {
        return Ok(());
    }
    *records = read_whole(path)?;
    Ok(())
}

/// What stops a build from going on from a ledger: [`tail_problem`], except a ledger with no
/// head at all, which a docket from before heads wrote. A build adopts it (its next append
/// writes the head); `docket verify` still reports the missing head until then, since a
/// deleted head and a cut tail together look the same.
fn build_problem(records: &[Record], head: Option<&Head>) -> Option<String> {
    head.and_then(|head| tail_problem(records, Some(head)))
}

/// The refusal to build on a ledger whose end does not match its head.
fn cut(path: &Path, problem: &str) -> Error {
    Error::Refused(format!(
        "{}: {problem}. docket will not record anything in it until it is whole again \
         (`docket verify` shows what is wrong).",
        path.display()
    ))
}

/// Writes a ledger's head atomically (temp file, fsync, rename).
fn write_head(ledger: &Path, head: &Head) -> Result<()> {
    let mut bytes = crate::error::json_bytes(head)?;
    bytes.push(b'\n');
    crate::output::write_atomic(&head_path(ledger), &bytes)?;
    Ok(())
}

/// The most recent record for an artifact (a kind, and the instance key of one of many).
pub fn latest<'a>(records: &'a [Record], kind: &str, key: Option<&str>) -> Option<&'a Record> {
    records
        .iter()
        .rev()
        .find(|r| r.entry.kind == kind && r.entry.key.as_deref() == key)
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
        .filter(|e| {
            latest(&current, &e.kind, e.key.as_deref())
                .is_none_or(|r| !super::issued::same(&r.entry, e))
        })
        .collect();
    append(path, &current, entries)
}

/// Appends entries (their `seq`, `prev` and `time` are filled in here), syncing the file,
/// then moves the head on. Refuses to append to a ledger whose end does not match its head
/// (see [`tail_problem`]): new records would hide the cut.
pub fn append(path: &Path, existing: &[Record], entries: Vec<Entry>) -> Result<Vec<Record>> {
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let mut head = read_head(path)?;
    if head.is_none() && existing.is_empty() {
        // A new ledger gets its (empty) head before its first record, so that a ledger
        // without a head is always one whose head was lost, never one a killed build left.
        let empty = Head {
            records: 0,
            hash: GENESIS.to_string(),
        };
        write_head(path, &empty)?;
        head = Some(empty);
    }
    if let Some(problem) = build_problem(existing, head.as_ref()) {
        return Err(cut(path, &problem));
    }
    let mut prev = existing
        .last()
        .map_or_else(|| GENESIS.to_string(), |r| r.hash.clone());
    let mut seq = existing.last().map_or(0, |r| r.entry.seq);
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| Error::Internal(format!("cannot write the time of a ledger record: {e}")))?;
    let mut records = Vec::new();
    let mut text = String::new();
    for mut entry in entries {
        seq += 1;
        entry.seq = seq;
        entry.prev = prev.clone();
        entry.time = now.clone();
        let hash = entry.hash()?;
        prev = hash.clone();
        let record = Record { entry, hash };
        text.push_str(&String::from_utf8_lossy(&crate::error::json_bytes(
            &record,
        )?));
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
    // After the records are durable: killed in between, the ledger is ahead of its head,
    // which the head's check accepts and the next append repairs.
    write_head(
        path,
        &Head {
            records: (existing.len() + records.len()) as u64,
            hash: prev,
        },
    )?;
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
        if r.entry.hash()? != r.hash {
            problems.push(Problem {
                file: shown.clone(),
                message: format!(
                    "record {} ({} {}) does not match its hash: it was edited after it was written",
                    r.entry.seq, r.entry.kind, r.entry.document_id
                ),
            });
        }
        for a in &r.entry.approvals_used {
            if let Some(why) = a.signed.as_ref().and_then(crate::trust::Kept::check) {
                problems.push(Problem {
                    file: shown.clone(),
                    message: format!(
                        "record {} ({} {}): the {} approval it used does not verify: {why}",
                        r.entry.seq, r.entry.kind, r.entry.document_id, a.gate
                    ),
                });
            }
        }
        prev = r.hash.clone();
    }
    // The chain cannot see its own end cut off: its head, kept apart, can.
    if let Some(message) = tail_problem(&records, read_head(ledger)?.as_ref()) {
        problems.push(Problem {
            file: shown.clone(),
            message,
        });
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
        let expected = &r.entry.outputs[name];
        if let Some(staged) = super::staged_for(&out_dir.join(engagement), name, expected)
            && std::fs::read(&file).map_or(true, |b| &sha256(&b) != expected)
        {
            problems.push(Problem {
                file: shown_file,
                message: format!(
                    "not published yet: a build was stopped between recording it (record {}, \
                     {} {}) and putting it in place; {} holds the recorded bytes and the next \
                     build into this folder puts them in place",
                    r.entry.seq,
                    r.entry.kind,
                    r.entry.document_id,
                    staged.display()
                ),
            });
            continue;
        }
        match std::fs::read(&file) {
            Ok(bytes) => {
                let actual = sha256(&bytes);
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

/// The other direction: final outputs on disk that no ledger record names. Every final
/// rendering is recorded as it is written, so such a file was written by no build that
/// recorded it, or its record was removed (a hash chain alone does not see a removed last
/// record; the head does, and this names the document it was about).
///
/// Drafts and finals share file names, so a kind's files count as final when the document
/// says so itself (`decision: final` in its Markdown front matter), when the build report
/// beside them says so (custom templates may leave the front matter out), or when it has
/// `.eml` drafts, which only a final email sequence writes.
pub fn unrecorded_finals(
    ledger: &Path,
    out_dir: &Path,
    engagement: &str,
    artifacts: &[(String, Option<String>)],
) -> Result<Vec<Problem>> {
    let records = read(ledger)?;
    let dir = out_dir.join(engagement);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new()); // never built into this output folder
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    let recorded: std::collections::BTreeSet<&str> = records
        .iter()
        .flat_map(|r| r.entry.outputs.keys().map(String::as_str))
        .collect();
    let report: serde_json::Value = std::fs::read(dir.join("build-report.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let mut problems = Vec::new();
    for (kind, key) in artifacts {
        let of = crate::output::Files::of(kind, key.as_deref());
        let (md, pdf) = (of.markdown(), of.pdf());
        let eml = |n: &str| of.is_eml(n);
        let files: Vec<&String> = names
            .iter()
            .filter(|n| **n == md || **n == pdf || eml(n))
            .collect();
        if files.is_empty() {
            continue;
        }
        let markdown = std::fs::read_to_string(dir.join(&md)).unwrap_or_default();
        let says_final = front_matter_value(&markdown, "decision") == Some("final");
        let reported_final = report["artifacts"].as_array().is_some_and(|a| {
            a.iter().any(|a| {
                crate::instances::stem(a["kind"].as_str().unwrap_or_default(), a["key"].as_str())
                    == of.stem()
                    && a["decision"] == "final"
            })
        });
        if !(says_final || reported_final || files.iter().any(|n| eml(n))) {
            continue;
        }
        let id = front_matter_value(&markdown, "id").unwrap_or("no id");
        for name in files {
            if !recorded.contains(name.as_str()) {
                problems.push(Problem {
                    file: dir.join(name).display().to_string(),
                    message: format!(
                        "a final {} ({id}) that no ledger record names: it was not \
                         recorded when it was written, or its record was removed",
                        of.stem()
                    ),
                });
            }
        }
    }
    Ok(problems)
}

/// A top-level value of a Markdown file's YAML front matter (`key: "value"`), unquoted.
fn front_matter_value<'a>(markdown: &'a str, key: &str) -> Option<&'a str> {
    let rest = markdown.strip_prefix("---\n")?;
    let block = &rest[..rest.find("\n---\n")?];
    block.lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?.trim();
        Some(
            value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value),
        )
    })
}
