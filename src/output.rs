//! Stage 6, write: put outputs on disk so that a reader never sees half a file.
//!
//! Every file is written to a temporary file in the same folder, synced, then renamed over
//! the old one: a failed or killed build leaves each output either as it was or complete.
//! This module is the only place docket writes output files.

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
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".docket-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
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

/// The output path of an artifact file: `<out>/<engagement>/<kind>.<ext>`.
pub fn artifact_path(out: &Path, engagement: &str, kind: &str, ext: &str) -> PathBuf {
    out.join(engagement).join(format!("{kind}.{ext}"))
}

/// Writes many files atomically and fast: every file goes to a temporary file beside its
/// target, all are synced in parallel, then each is renamed over its target. A crash leaves
/// every target either as it was or complete. Files whose content is unchanged are not
/// touched (so their timestamps, and incremental builds, stay put).
pub fn write_all(files: &[(PathBuf, &[u8])]) -> Result<()> {
    use rayon::prelude::*;
    let pending: Vec<(&PathBuf, tempfile::NamedTempFile)> = files
        .par_iter()
        .filter(|(path, bytes)| std::fs::read(path).map_or(true, |old| old != *bytes))
        .map(|(path, bytes)| Ok((path, stage(path, bytes)?)))
        .collect::<Result<Vec<_>>>()?;
    let mut dirs = std::collections::BTreeSet::new();
    for (path, tmp) in pending {
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
