//! The output folder, under stage 6 (write, `crate::build::write`): put outputs on disk so
//! that a reader never sees half a file.
//!
//! Every file is written to a temporary file in the same folder (`.docket-<name>.*.tmp`),
//! synced, then renamed over the old one, and the folder is synced: a failed or killed build
//! leaves each output either as it was or complete. The build does it in two halves
//! ([`stage_all`], then [`Staged::publish`]) with its ledger records committed in between; a
//! killed build may leave temporary files behind, which the next build publishes or removes
//! (see [`crate::record::recover`]). An OS lock on
//! `<out>/.docket.lock` keeps two builds from writing one output folder at once: the second
//! fails at once, naming the lock file and the process holding it. Files get the mode the
//! umask gives (0644 under the usual 022), as any other tool's outputs do. This module is
//! the only place docket writes output files.

use std::fs::{File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically (temp file, fsync, rename). Creates the folder.
/// Skips the write when the file already holds exactly these bytes, so unchanged outputs
/// keep their timestamps.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<bool> {
    if std::fs::read(path).is_ok_and(|existing| existing == bytes) {
        return Ok(false);
    }
    let tmp = stage(path, bytes)?;
    tmp.persist(path).map_err(|e| Error::Write {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    // Make the rename itself durable.
    if let Some(dir) = path.parent()
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(true)
}

/// Writes `bytes` to a synced temporary file beside `path` (creating the folder), ready to
/// be renamed over it.
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let tmp = stage_unsynced(path, bytes)?;
    tmp.as_file().sync_all().map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(tmp)
}

/// Removes an output that must no longer exist (e.g. the PDF of an artifact that is now
/// blocked). Returns whether there was one.
pub fn remove(path: &Path) -> Result<bool> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(Error::Write {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The names of one artifact's files in its engagement's output folder. This is the one
/// place they are made: the renderer, the writer, the reports, the build manifest, the
/// board and verify all ask it. An artifact's files share its stem (`invoice`, or
/// `invoice.deposit` for a keyed instance, see [`crate::instances::stem`]): `<stem>.md`,
/// `<stem>.pdf`, `<stem>.xml` (a final e-invoice), `<stem>-1.eml`... (a final `eml` kind)
/// and `thumbs/<stem>.png` (page 1 for the board, not an output of the document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Files {
    stem: String,
}

impl Files {
    /// The files of the instance `key` of `kind` (`None` for the one-table form).
    pub fn of(kind: &str, key: Option<&str>) -> Files {
        Files {
            stem: crate::instances::stem(kind, key),
        }
    }

    /// The stem every name starts with.
    pub fn stem(&self) -> &str {
        &self.stem
    }

    /// `<stem>.md`.
    pub fn markdown(&self) -> String {
        format!("{}.md", self.stem)
    }

    /// `<stem>.pdf`.
    pub fn pdf(&self) -> String {
        format!("{}.pdf", self.stem)
    }

    /// `<stem>.xml`, a final e-invoice's XML.
    pub fn xml(&self) -> String {
        format!("{}.xml", self.stem)
    }

    /// `<stem>-<n>.eml`, the draft of message `n` (from 1).
    pub fn eml(&self, n: usize) -> String {
        format!("{}-{n}.eml", self.stem)
    }

    /// Whether `name` is one of this artifact's email drafts.
    pub fn is_eml(&self, name: &str) -> bool {
        name.strip_prefix(self.stem.as_str())
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix(".eml"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }

    /// `thumbs/<stem>.png`, page 1 for the status board.
    pub fn thumbnail(&self) -> String {
        format!("{THUMBS}/{}.png", self.stem)
    }

    /// The files a rendering of `rule` with this decision writes: the Markdown, the PDF
    /// and, when final, one draft per message of an `eml` kind's `messages` and the XML of
    /// an e-invoice (`einvoice`, as the gate resolved it).
    pub fn written(
        &self,
        rule: &crate::model::KindRule,
        section: &serde_json::Value,
        final_: bool,
        einvoice: Option<crate::model::EInvoice>,
    ) -> Vec<String> {
        let mut names = vec![self.markdown(), self.pdf()];
        if rule.eml && final_ {
            let n = section["messages"].as_array().map_or(0, Vec::len);
            names.extend((1..=n).map(|i| self.eml(i)));
        }
        if einvoice.is_some() && final_ {
            names.push(self.xml());
        }
        names
    }
}

/// Writes many files atomically and fast: every file goes to a temporary file beside its
/// target, all are synced in parallel, then each is renamed over its target. A crash leaves
/// every target either as it was or complete. Files whose content is unchanged are not
/// touched (so their timestamps, and incremental builds, stay put).
pub fn write_all(files: &[(PathBuf, &[u8])]) -> Result<()> {
    let files: Vec<(usize, PathBuf, &[u8])> =
        files.iter().map(|(p, b)| (0, p.clone(), *b)).collect();
    stage_all(&files)?.publish(|_| true)
}

/// Files written and synced under temporary names beside their targets, not yet visible:
/// the first half of [`write_all`], for a caller with something to do between making the
/// bytes durable and showing them (the build records issued documents in between, so that
/// a file is never visible before its record). Each file belongs to a group (an
/// engagement); [`Staged::publish`] shows the groups it is told to and removes the rest.
/// Dropped unpublished, the temporary files are removed; left behind by a killed process,
/// their names say which file they were to become ([`staged_files`]).
pub struct Staged<'a> {
    pending: Vec<(usize, &'a PathBuf, tempfile::NamedTempFile)>,
}

/// Stages files (see [`Staged`]): skips those whose target already holds the same bytes,
/// writes the rest to temporary files, and makes them all durable at once.
pub fn stage_all<'a>(files: &'a [(usize, PathBuf, &[u8])]) -> Result<Staged<'a>> {
    use rayon::prelude::*;
    let pending: Vec<(usize, &PathBuf, tempfile::NamedTempFile)> = files
        .par_iter()
        .filter(|(_, path, bytes)| std::fs::read(path).map_or(true, |old| old != *bytes))
        .map(|(group, path, bytes)| Ok((*group, path, stage_unsynced(path, bytes)?)))
        .collect::<Result<Vec<_>>>()?;
    // Make every staged file durable before any rename: one filesystem sync where the
    // platform has it, else one fsync per file.
    if let Some((_, first, _)) = pending.first() {
        sync_staged(first, &pending)?;
    }
    Ok(Staged { pending })
}

impl Staged<'_> {
    /// Renames the staged files of the groups `show` accepts over their targets (and syncs
    /// their folders); the others' temporary files are removed.
    pub fn publish(self, show: impl Fn(usize) -> bool) -> Result<()> {
        use rayon::prelude::*;
        let mut dirs = std::collections::BTreeSet::new();
        for (group, path, tmp) in self.pending {
            if !show(group) {
                continue; // dropped: removed
            }
            tmp.persist(path).map_err(|e| Error::Write {
                path: path.clone(),
                source: e.error,
            })?;
            if let Some(dir) = path.parent() {
                dirs.insert(dir.to_path_buf());
            }
        }
        dirs.par_iter().for_each(|dir| {
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
        });
        Ok(())
    }
}

/// [`stage`] without the per-file sync: [`write_all`] syncs the whole batch at once.
fn stage_unsynced(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    // The temporary file's name says which file it is to become (`.docket-<name>.XXXXXX.tmp`),
    // so that a build killed between recording and publishing can be finished by the next.
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".docket-{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // tempfile creates its files 0600, and the mode survives the rename: every output would
    // be unreadable to a print server, a web server or a colleague in the same group. Ask
    // for 0666 instead, which open(2) narrows by the umask (0644 under the usual 022), as
    // any other tool's outputs are.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    Ok(tmp)
}

/// Makes a batch of staged files durable: `syncfs(2)` once on Linux (one journal commit for
/// the whole batch instead of one per file), an fsync per file elsewhere.
fn sync_staged(first: &Path, pending: &[(usize, &PathBuf, tempfile::NamedTempFile)]) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        let dir = first.parent().unwrap_or_else(|| Path::new("."));
        let handle = File::open(dir).map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        if rustix::fs::syncfs(&handle).is_ok() {
            return Ok(());
        }
    }
    let _ = first;
    use rayon::prelude::*;
    pending.par_iter().try_for_each(|(_, path, tmp)| {
        tmp.as_file().sync_all().map_err(|source| Error::Write {
            path: (*path).clone(),
            source,
        })
    })
}

/// The name of the lock file in an output folder.
pub const LOCK_FILE: &str = ".docket.lock";

/// An exclusive lock on an output folder, released when dropped (or when the process dies,
/// however it dies: the OS drops the lock with the file descriptor, so a killed build never
/// leaves a stale lock). The lock file itself stays, holding the last holder's pid.
#[derive(Debug)]
pub struct OutputLock {
    file: File,
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // A finished build leaves the lock file empty, so two clean builds leave identical
        // folders; only a killed one leaves its pid behind (and no lock).
        let _ = self.file.set_len(0);
    }
}

/// Takes the output folder's lock, creating the folder and the lock file as needed. Fails
/// at once (no waiting) with [`Error::Locked`] when another build holds it.
pub fn lock(out: &Path) -> Result<OutputLock> {
    let path = out.join(LOCK_FILE);
    let err = |source| Error::Write {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(out).map_err(err)?;
    // Created 0666 narrowed by the umask, like the outputs: whoever may read the folder
    // may see which build holds it.
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(err)?;
    match file.try_lock() {
        Ok(()) => {
            // Who holds it, for the message another build shows.
            file.set_len(0).map_err(err)?;
            file.write_all(format!("{}\n", std::process::id()).as_bytes())
                .map_err(err)?;
            Ok(OutputLock { file })
        }
        Err(TryLockError::WouldBlock) => {
            let holder = std::fs::read_to_string(&path)
                .ok()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()));
            Err(Error::Locked {
                path: path.clone(),
                holder,
            })
        }
        Err(TryLockError::Error(source)) => Err(err(source)),
    }
}

/// Whether a file is one a build keeps for itself and that records file times, so that no
/// two builds write it with the same bytes: the build manifests and the board's rows cache.
/// Bookkeeping, not output (tests comparing builds leave them out).
pub fn is_bookkeeping(name: &str) -> bool {
    name == MANIFEST || name == ROWS_CACHE || name == FONTS_CACHE
}

/// The build manifest's file name inside each engagement's output folder
/// (`crate::build::incremental`).
pub const MANIFEST: &str = ".docket-build.json";

/// The rows cache in the output folder: one line per engagement with the stat of the build
/// manifest its row was read from, its receivables and its row as the page embeds it.
/// Rebuilding the portfolio after a change to one engagement then costs a stat per
/// engagement and a copy of each row, instead of reading, parsing and serializing every
/// manifest's row (at 10,000 engagements that was over a second). A row whose manifest
/// changed (another build, an edit, a restore) is read from its manifest again, so the cache
/// is never trusted over the manifests. It is written after the page, under the output
/// folder's lock; a damaged cache only makes the next build read every manifest.
pub const ROWS_CACHE: &str = ".docket-board.tsv";

/// The fonts cache in the output folder: each font file's size, modification time and
/// digest, so the build's fingerprint hashes a font again only when its file changed
/// (`crate::build::incremental::fingerprint`).
pub const FONTS_CACHE: &str = ".docket-fonts.tsv";

/// The folder of an engagement's output folder that holds page 1 of each document as a
/// picture for the status board (not an output of record).
pub const THUMBS: &str = "thumbs";

/// Whether a file name is one of docket's temporary files (`.docket-*.tmp`).
pub fn is_temp_file(name: &str) -> bool {
    name.starts_with(".docket-") && name.ends_with(".tmp")
}

/// The temporary files a killed build left in `dir`, each with the name of the file it was
/// to become (`.docket-<name>.XXXXXX.tmp`; an older docket's `.docket-XXXXXX.tmp` names
/// none and is left out).
pub fn staged_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut staged: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let target = name
                .strip_prefix(".docket-")?
                .strip_suffix(".tmp")?
                .rsplit_once('.')?
                .0
                .to_string();
            (!target.is_empty()).then(|| (target, e.path()))
        })
        .collect();
    staged.sort();
    staged
}

/// Removes the temporary files a killed build left in `dir` (only docket's own
/// `.docket-*.tmp`; call it while holding the lock). Returns how many it removed.
pub fn remove_stale_temps(dir: &Path) -> Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(source) => {
            return Err(Error::Write {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    let mut removed = 0;
    for entry in entries.filter_map(|e| e.ok()) {
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && entry.file_name().to_str().is_some_and(is_temp_file) && remove(&entry.path())?
        {
            removed += 1;
        }
    }
    Ok(removed)
}
