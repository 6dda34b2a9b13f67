//! The files a run may read from the templates and fonts folders, listed once at start-up.
//!
//! Typst and Tera only ever see what this module lists: the World serves these files from
//! memory, so no path a document names reaches the file system. The listing itself is the
//! sandbox's edge: every entry is canonicalized (symlinks resolved, `..` gone) and must still
//! lie inside the canonical folder, so a symlink such as `templates/x.typ -> /etc/passwd`
//! is refused with an error naming it instead of being read.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The regular files directly inside `dir` (no sub-folders) whose extension is one of
/// `extensions` (compared case-insensitively), sorted by name. A symlink is followed only
/// when its target is a regular file inside `dir`; one that leads out is an error.
pub fn served_files(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>> {
    let read_err = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let root = dir.canonicalize().map_err(read_err)?;
    let entries = std::fs::read_dir(dir).map_err(read_err)?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(read_err)?;
        let path = entry.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
        if !wanted {
            continue;
        }
        let real = path.canonicalize().map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        if real.parent() != Some(root.as_path()) {
            return Err(Error::Setup(format!(
                "{} leads to {}, outside {}: docket reads only the files inside its templates \
                 and fonts folders",
                path.display(),
                real.display(),
                dir.display()
            )));
        }
        if real.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// A file's bytes, read once per process while its size and modification time stay the
/// same. The fonts (13 MB) were read twice per run, once for the build's fingerprint and
/// once by the typesetter; both now take them from here.
///
/// # Errors
/// The file cannot be read.
pub fn read_shared(path: &Path) -> std::io::Result<typst::foundations::Bytes> {
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};
    static READ: LazyLock<Mutex<HashMap<PathBuf, (Stamp, typst::foundations::Bytes)>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let stamp = stamp(&std::fs::metadata(path)?);
    if let Ok(read) = READ.lock()
        && let Some((seen, bytes)) = read.get(path)
        && *seen == stamp
    {
        return Ok(bytes.clone());
    }
    let bytes = typst::foundations::Bytes::new(std::fs::read(path)?);
    if let Ok(mut read) = READ.lock() {
        read.insert(path.to_path_buf(), (stamp, bytes.clone()));
    }
    Ok(bytes)
}

/// A file's size and modification time (nanoseconds since the epoch): while both stay the
/// same, docket takes the file for unchanged (as make and cargo do).
pub type Stamp = (u64, u128);

/// The [`Stamp`] of a file's metadata.
pub fn stamp(meta: &std::fs::Metadata) -> Stamp {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    (meta.len(), modified)
}
