//! Incremental builds: render only what changed.
//!
//! Each engagement's output folder holds a build manifest (`.docket-build.json`) recording
//! the fingerprint of everything global (docket's version, the rules, every template, every
//! font), the size and modification time of the engagement's input files, a key per
//! artifact (its gate evaluation, which includes the digest of its inputs) and the size and
//! modification time of every output written.
//!
//! Two levels of skipping follow:
//! - an engagement whose fingerprint, input files and output files are all unchanged is not
//!   even parsed (this is what makes a no-op rebuild of ten thousand engagements fast);
//! - within an engagement that did change, an artifact whose key is unchanged and whose
//!   files are intact is not rendered again.
//!
//! A deleted or modified output, `--force`, or any global change rebuilds.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::report::Counts;

use crate::output::MANIFEST;
use crate::render::files::Stamp;
use crate::render::typeset::KnownFaces;

/// Size and modification time (ns since the epoch) of a file: cheap to read, and enough to
/// notice that a file was replaced or edited.
pub type Stat = (u64, u128);

/// Reads a file's [`Stat`], if it exists.
pub fn stat(path: &Path) -> Option<Stat> {
    Folder::open(path.parent()?)?.stat(path.file_name()?)
}

/// A folder opened once, whose files are then looked at relative to it: a no-op rebuild
/// of ten thousand engagements stats a quarter of a million files, and resolving each full
/// path again was a good part of that.
struct Folder {
    #[cfg(unix)]
    fd: rustix::fd::OwnedFd,
    #[cfg(not(unix))]
    path: std::path::PathBuf,
}

impl Folder {
    fn open(path: &Path) -> Option<Folder> {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let fd = rustix::fs::open(
                path,
                OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
            )
            .ok()?;
            Some(Folder { fd })
        }
        #[cfg(not(unix))]
        {
            Some(Folder {
                path: path.to_path_buf(),
            })
        }
    }

    fn stat(&self, name: &std::ffi::OsStr) -> Option<Stat> {
        #[cfg(unix)]
        {
            let st = rustix::fs::statat(&self.fd, name, rustix::fs::AtFlags::empty()).ok()?;
            let secs = u128::try_from(st.st_mtime).ok()?;
            // The field's type differs between platforms (u64 here, i64 elsewhere).
            #[allow(clippy::unnecessary_fallible_conversions)]
            let nanos = u128::try_from(st.st_mtime_nsec).ok()?;
            Some((
                u64::try_from(st.st_size).ok()?,
                secs * 1_000_000_000 + nanos,
            ))
        }
        #[cfg(not(unix))]
        {
            let meta = std::fs::metadata(self.path.join(name)).ok()?;
            let mtime = meta
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_nanos();
            Some((meta.len(), mtime))
        }
    }
}

/// One artifact's record in the manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArtifactRecord {
    /// What determined it.
    pub key: String,
    /// Its files (name relative to the engagement's output folder) and their stats.
    pub files: BTreeMap<String, Stat>,
}

/// The build manifest of one engagement.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BuildManifest {
    /// Global fingerprint.
    pub fingerprint: String,
    /// Input files (name in the engagement's data folder) and their stats.
    pub inputs: BTreeMap<String, Stat>,
    /// Per artifact kind.
    pub artifacts: BTreeMap<String, ArtifactRecord>,
    /// Report files and their stats.
    pub reports: BTreeMap<String, Stat>,
    /// Decision counts, reported for engagements skipped whole.
    pub counts: CountsRecord,
    /// Document ids in use (numbers written in the data count as taken in their series,
    /// also when the engagement is skipped whole).
    #[serde(default)]
    pub document_ids: Vec<String>,
    /// The engagement's row on the status board, kept here so that a build that skips the
    /// engagement as unchanged still lists it without reading its reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<crate::report::row::Row>,
}

/// Decision counts as stored.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct CountsRecord {
    /// Final.
    pub final_: usize,
    /// Draft.
    pub draft: usize,
    /// Blocked.
    pub blocked: usize,
}

impl From<CountsRecord> for Counts {
    fn from(c: CountsRecord) -> Counts {
        Counts {
            final_: c.final_,
            draft: c.draft,
            blocked: c.blocked,
        }
    }
}

/// The input files of an engagement folder that determine its outputs.
pub const INPUT_FILES: &[&str] = &[
    "engagement.toml",
    "engagement.json",
    "approvals.toml",
    "approvals.json",
    crate::record::ledger::FILE_NAME,
];

/// Stats of an engagement folder's input files.
pub fn input_stats(dir: &Path) -> BTreeMap<String, Stat> {
    let Some(folder) = Folder::open(dir) else {
        return BTreeMap::new();
    };
    INPUT_FILES
        .iter()
        .filter_map(|name| folder.stat(name.as_ref()).map(|s| (name.to_string(), s)))
        .collect()
}

/// Everything global that determines outputs: docket's version, the rules, the roster, the templates,
/// the fonts (their bytes) and `SOURCE_DATE_EPOCH`.
/// A font's digest comes from the output folder's fonts cache ([`crate::output::FONTS_CACHE`])
/// while the file's size and modification time are the ones the cache recorded, so a build
/// does not read and hash 13 MB of fonts to learn that they did not change. The second value
/// is the cache as read, with the digests brought up to date, for the typesetter (the font
/// infos it holds) and for the build to write back once it has succeeded
/// ([`write_fonts_cache`]): a failed build writes nothing.
pub fn fingerprint(
    data: &Path,
    templates: &Path,
    fonts: &Path,
    source_date_epoch: Option<i64>,
    out: &Path,
) -> Result<(String, FontsCache)> {
    let cache_path = out.join(crate::output::FONTS_CACHE);
    let mut cache = FontsCache::parse(&std::fs::read_to_string(&cache_path).unwrap_or_default());
    let mut seen = BTreeMap::new();
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(format!("{source_date_epoch:?}").as_bytes());
    match std::fs::read(data.join("rules.toml")) {
        Ok(bytes) => hasher.update(&bytes),
        Err(_) => hasher.update(crate::load::DEFAULT_RULES.as_bytes()),
    }
    // The roster decides whose signature counts: a key added, ended or removed can flip
    // any engagement's decisions.
    if let Ok(bytes) = std::fs::read(data.join(crate::trust::roster::FILE_NAME)) {
        hasher.update(b"roster");
        hasher.update(&bytes);
    }
    for dir in [templates, fonts] {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(|source| Error::Read {
                path: dir.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        // The translations (`templates/locales/<tag>/*.ftl`) are templates too.
        if dir == templates {
            entries.extend(
                walkdir::WalkDir::new(dir.join(crate::locale::FOLDER))
                    .min_depth(2)
                    .max_depth(2)
                    .into_iter()
                    .filter_map(|e| e.ok())
                    .filter(|e| e.file_type().is_file())
                    .map(|e| e.into_path()),
            );
        }
        entries.sort();
        for path in entries {
            let read_error = |source| Error::Read {
                path: path.clone(),
                source,
            };
            let name = path.strip_prefix(dir).unwrap_or(&path).as_os_str();
            hasher.update(name.as_encoded_bytes());
            if dir != fonts {
                let bytes = std::fs::read(&path).map_err(read_error)?;
                hasher.update(Sha256::digest(&bytes));
                continue;
            }
            let stamp = std::fs::metadata(&path)
                .map(|m| crate::render::files::stamp(&m))
                .map_err(read_error)?;
            let name = name.to_string_lossy().into_owned();
            let digest = match cache.digest(&name, &stamp) {
                Some(digest) => digest,
                None => {
                    // As the typesetter will use it (read once for both).
                    let bytes = crate::render::files::read_shared(&path).map_err(read_error)?;
                    hex::encode(Sha256::digest(bytes.as_slice()))
                }
            };
            hasher.update(digest.as_bytes());
            seen.insert(name, (stamp, digest));
        }
    }
    cache.digests = seen;
    Ok((hex::encode(hasher.finalize()), cache))
}

/// Writes the fonts cache back when it changed (digests, or the typesetter's `faces`), if
/// the output folder exists. A cache that cannot be written only makes the next build hash
/// and parse the fonts again.
pub fn write_fonts_cache(out: &Path, mut cache: FontsCache, faces: Option<&KnownFaces>) {
    if let Some(faces) = faces {
        cache.faces = faces.clone();
    }
    let text = cache.text();
    if text != cache.read && out.is_dir() {
        let _ = crate::output::write_atomic(&out.join(crate::output::FONTS_CACHE), text.as_bytes());
    }
}

/// The output folder's fonts cache: per file of the fonts folder, its stamp and SHA-256,
/// and for a font file its faces' infos (what Typst's font book needs, JSON).
#[derive(Debug, Default)]
pub struct FontsCache {
    digests: BTreeMap<String, (Stamp, String)>,
    faces: KnownFaces,
    /// The file as it was read.
    read: String,
}

impl FontsCache {
    /// `name \t size \t mtime_ns \t sha256 [\t infos]` lines; a malformed line (or infos)
    /// is left out.
    fn parse(text: &str) -> FontsCache {
        let mut cache = FontsCache {
            read: text.to_string(),
            ..FontsCache::default()
        };
        for line in text.lines() {
            let mut f = line.split('\t');
            let (Some(name), Some(size), Some(modified), Some(digest)) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let (Ok(size), Ok(modified)) = (size.parse(), modified.parse()) else {
                continue;
            };
            let stamp = (size, modified);
            cache
                .digests
                .insert(name.to_string(), (stamp, digest.to_string()));
            if let Some(infos) = f.next().and_then(|j| serde_json::from_str(j).ok()) {
                cache.faces.insert(name.to_string(), (stamp, infos));
            }
        }
        cache
    }

    fn digest(&self, name: &str, stamp: &Stamp) -> Option<String> {
        self.digests
            .get(name)
            .filter(|(s, d)| s == stamp && d.len() == 64)
            .map(|(_, d)| d.clone())
    }

    /// The font infos of an earlier run, for [`crate::render::Renderer::new`].
    pub fn faces(&self) -> &KnownFaces {
        &self.faces
    }

    fn text(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for (name, ((size, modified), digest)) in &self.digests {
            let _ = write!(out, "{name}\t{size}\t{modified}\t{digest}");
            if let Some((stamp, infos)) = self.faces.get(name)
                && *stamp == (*size, *modified)
                && let Ok(json) = serde_json::to_string(infos)
            {
                out.push('\t');
                out.push_str(&json);
            }
            out.push('\n');
        }
        out
    }
}

/// Reads an engagement's manifest; missing or unreadable means "rebuild".
pub fn read(out_dir: &Path) -> Option<BuildManifest> {
    let bytes = std::fs::read(out_dir.join(MANIFEST)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Whether every file recorded still has its recorded stat.
pub fn intact(out_dir: &Path, files: &BTreeMap<String, Stat>) -> bool {
    if files.is_empty() {
        return true;
    }
    let Some(folder) = Folder::open(out_dir) else {
        return false;
    };
    files
        .iter()
        .all(|(name, s)| folder.stat(name.as_ref()).as_ref() == Some(s))
}

/// The fast path: `Some(manifest)` when nothing about this engagement changed.
pub fn unchanged(data_dir: &Path, out_dir: &Path, fingerprint: &str) -> Option<BuildManifest> {
    let manifest = read(out_dir)?;
    if manifest.fingerprint != fingerprint || manifest.inputs != input_stats(data_dir) {
        return None;
    }
    let folder = Folder::open(out_dir)?;
    manifest
        .reports
        .iter()
        .chain(manifest.artifacts.values().flat_map(|a| a.files.iter()))
        .all(|(name, s)| folder.stat(name.as_ref()).as_ref() == Some(s))
        .then_some(manifest)
}

/// The key of one artifact: the global fingerprint, its gate evaluation (decision,
/// reasons, approvals, input digest, document id) and the engagement-level state its
/// template may show.
pub fn artifact_key(
    fingerprint: &str,
    evaluation: &impl Serialize,
    shared_state: &[u8],
) -> Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(fingerprint.as_bytes());
    hasher.update(crate::error::json_bytes(evaluation)?);
    hasher.update(shared_state);
    Ok(hex::encode(hasher.finalize()))
}
