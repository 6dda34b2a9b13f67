//! Stage 1, load (and validate): find every engagement under the data folder, parse its files
//! (TOML, or JSON as agents write it) and check what serde cannot: references between
//! fields, known stages and gates, safe ids.
//!
//! In: a data folder. Out: a [`Project`] of validated engagements, or the first error with
//! its file, line, column and field path. Nothing after this stage reads the data folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::error::{Error, Location, Result};
use crate::model::{Engagement, Manifest, Rules};

mod rules;
mod source;
mod validate;

pub use rules::{known_gates, locate_rule, rules};
use source::*;
pub use source::{closest, line_col, locate, parse, read};
use validate::*;
pub use validate::{safe_name, valid_document_id};

/// The rules docket uses when a data folder has none of its own.
pub const DEFAULT_RULES: &str = include_str!("../../data/rules.toml");

/// Input files larger than this are refused before parsing: engagement data is small, and a
/// huge file is a mistake or an attack.
pub const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

/// The longest text one field may hold, in bytes (about 30 pages of prose). Every value is
/// typeset, and a page header repeats some of them on every page: one runaway value must not
/// turn a document into thousands of pages or minutes of typesetting. Longer values are a
/// located data error, never truncated.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// An input file's text, kept for locating errors found after parsing.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as given (relative to where docket runs, when the data folder was).
    pub path: PathBuf,
    /// The whole text.
    pub text: String,
}

/// One engagement, loaded and validated.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The engagement's folder.
    pub dir: PathBuf,
    /// Its project state.
    pub engagement: Engagement,
    /// Its approval manifest (empty when the folder has none).
    pub manifest: Manifest,
    /// The engagement file, for error locations.
    pub engagement_file: SourceFile,
    /// The manifest file, when there is one.
    pub manifest_file: Option<SourceFile>,
}

/// Everything a run works on, loaded once.
#[derive(Debug, Clone)]
pub struct Project {
    /// The data folder.
    pub data_dir: PathBuf,
    /// The rules in force.
    pub rules: Rules,
    /// Where the rules came from (`None`: built in).
    pub rules_file: Option<PathBuf>,
    /// Who may approve what, with which keys (`approvers.toml`; empty when absent).
    pub roster: crate::trust::Roster,
    /// Engagements, sorted by id.
    pub engagements: Vec<Loaded>,
    /// Engagements left out because they are invalid, sorted by id: only when loading keeps
    /// going ([`load_keep_going`]); otherwise the first invalid one is the error.
    pub failed: Vec<Failed>,
}

/// An engagement that [`load_keep_going`] left out: which one, and the located error that
/// stopped it (the one a build without `--keep-going` would have stopped on).
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct Failed {
    /// Engagement id (its folder's name).
    pub engagement: String,
    /// The error as docket prints it: file, line, column, field, and what was expected.
    pub error: String,
    /// Where, when the error is in an input file.
    pub location: Option<Location>,
    /// Document ids (numbers) its data writes, as far as its file still parses. They stay
    /// taken in their series while the engagement is being fixed, so numbering never hands
    /// one of them to another document.
    #[serde(skip)]
    pub document_ids: Vec<String>,
}

impl Failed {
    fn new(dir: &Path, error: &Error, document_ids: Vec<String>) -> Failed {
        Failed {
            engagement: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            error: error.to_string(),
            location: match error {
                Error::Data { location, .. } => Some(location.clone()),
                _ => None,
            },
            document_ids,
        }
    }
}

/// Loads the data folder: rules, then every engagement (in parallel), then cross-checks.
pub fn load(data_dir: &Path) -> Result<Project> {
    load_where(data_dir, &|_| true).map(|(project, _)| project)
}

/// [`load`], parsing only the engagement folders `keep` accepts; also returns every
/// engagement folder found (kept or not).
pub fn load_where(
    data_dir: &Path,
    keep: &(dyn Fn(&Path) -> bool + Sync),
) -> Result<(Project, Vec<PathBuf>)> {
    load_all(data_dir, keep, false)
}

/// [`load_where`] for a build that keeps going (`--keep-going`): an invalid engagement is
/// left out and listed in [`Project::failed`] instead of stopping the load. Invalid rules
/// still stop it: they concern every engagement.
pub fn load_keep_going(
    data_dir: &Path,
    keep: &(dyn Fn(&Path) -> bool + Sync),
) -> Result<(Project, Vec<PathBuf>)> {
    load_all(data_dir, keep, true)
}

fn load_all(
    data_dir: &Path,
    keep: &(dyn Fn(&Path) -> bool + Sync),
    keep_going: bool,
) -> Result<(Project, Vec<PathBuf>)> {
    if !data_dir.is_dir() {
        return Err(Error::Setup(format!(
            "data folder {} does not exist (use --data DIR, or `docket init DIR` to create a project)",
            data_dir.display()
        )));
    }
    let rules = rules(data_dir)?;
    let roster = roster(data_dir)?;

    let dirs = engagement_dirs(data_dir);
    let mut failed = Vec::new();
    // An engagement's id is its folder's name (and its output folder's): two folders of the
    // same name would write to the same place.
    let mut names: BTreeMap<String, &PathBuf> = BTreeMap::new();
    let mut duplicates: Vec<&PathBuf> = Vec::new();
    for dir in &dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(first) = names.insert(name.clone(), dir) {
            let error = Error::data(
                at_start(dir),
                format!(
                    "engagement `{name}` is also at {}; engagement ids (folder names) must be unique",
                    first.display()
                ),
            );
            if !keep_going {
                return Err(error);
            }
            // The first folder of the name builds; a later one would overwrite its outputs.
            failed.push(Failed::new(dir, &error, written_ids_in_files(dir, &rules)));
            duplicates.push(dir);
        }
    }
    let selected = dirs
        .par_iter()
        .filter(|dir| !duplicates.contains(dir) && keep(dir));
    let mut engagements = if keep_going {
        let results: Vec<(&PathBuf, Result<Loaded>)> = selected
            .map(|dir| (dir, load_engagement(dir, &rules)))
            .collect();
        let mut engagements = Vec::with_capacity(results.len());
        for (dir, result) in results {
            match result {
                Ok(loaded) => engagements.push(loaded),
                Err(error) => {
                    failed.push(Failed::new(dir, &error, written_ids_in_files(dir, &rules)))
                }
            }
        }
        engagements
    } else {
        selected
            .map(|dir| load_engagement(dir, &rules))
            .collect::<Result<Vec<_>>>()?
    };
    engagements.sort_by(|a, b| a.engagement.id.cmp(&b.engagement.id));
    // Checks across engagements: the later engagement of a clashing pair is the invalid one,
    // as without --keep-going, where the first clash is the error.
    type Clashes = fn(&[Loaded], &Rules) -> Vec<(usize, Error)>;
    for clashes in [barcode_clashes as Clashes, document_id_clashes] {
        let found = clashes(&engagements, &rules);
        if !keep_going {
            match found.into_iter().next() {
                Some((_, error)) => return Err(error),
                None => continue,
            }
        }
        for (i, error) in found.into_iter().rev() {
            let loaded = engagements.remove(i);
            let ids = serde_json::to_value(&loaded.engagement)
                .map(|state| written_ids(&state, &rules))
                .unwrap_or_default();
            failed.push(Failed::new(&loaded.dir, &error, ids));
        }
    }
    failed.sort_by(|a, b| a.engagement.cmp(&b.engagement));
    Ok((
        Project {
            data_dir: data_dir.to_path_buf(),
            rules,
            rules_file: Some(data_dir.join("rules.toml")).filter(|p| p.is_file()),
            roster,
            engagements,
            failed,
        },
        dirs,
    ))
}

/// The roster (`approvers.toml`), checked; an empty one when the folder has none. A key
/// that does not parse or is refused (DSA, short RSA) is a located error.
pub fn roster(data_dir: &Path) -> Result<crate::trust::Roster> {
    let path = data_dir.join(crate::trust::roster::FILE_NAME);
    if !path.is_file() {
        return Ok(crate::trust::Roster::default());
    }
    let source = read(&path)?;
    roster_from(&source)
}

/// Parses and checks a roster's text (public for the fuzz and property tests).
pub fn roster_from(source: &SourceFile) -> Result<crate::trust::Roster> {
    let file: crate::model::RosterFile = parse(source)?;
    crate::trust::Roster::new(file).map_err(|(field, why)| Error::data(locate(source, &field), why))
}

/// The document ids an invalid engagement's file writes, read as plain TOML or JSON (it did
/// not validate, so it may not parse as an engagement): none when it does not even parse.
fn written_ids_in_files(dir: &Path, rules: &Rules) -> Vec<String> {
    let state = ["engagement.toml", "engagement.json"]
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
        .and_then(|path| read(&path).ok())
        .and_then(|source| {
            if source.path.extension().and_then(|e| e.to_str()) == Some("json") {
                serde_json::from_str::<serde_json::Value>(&source.text).ok()
            } else {
                toml::from_str::<toml::Table>(&source.text)
                    .ok()
                    .and_then(|t| serde_json::to_value(t).ok())
            }
        });
    state.map_or_else(Vec::new, |s| written_ids(&s, rules))
}

/// The valid, known document ids in an engagement's state (TBD is no id).
fn written_ids(state: &serde_json::Value, rules: &Rules) -> Vec<String> {
    document_ids(state, rules)
        .into_iter()
        .map(|(_, id)| id)
        .filter(|id| id != crate::model::TBD && valid_document_id(id))
        .collect()
}

/// No two envelopes may carry the same Intelligent Mail barcode serial for one mailer id:
/// USPS identifies a mail piece by mailer id and serial, so a repeat is a data error (a copied
/// engagement), reported at the second engagement's `envelope.serial`. Returns every such
/// second engagement (its index and error), in order; a clashing one claims no serial.
fn barcode_clashes(engagements: &[Loaded], _rules: &Rules) -> Vec<(usize, Error)> {
    let mut seen: BTreeMap<(String, String), &Loaded> = BTreeMap::new();
    let mut clashes = Vec::new();
    'engagements: for (i, loaded) in engagements.iter().enumerate() {
        let e = &loaded.engagement;
        let mut own = Vec::new();
        for (n, env) in e.envelope.iter().enumerate() {
            let Some(recipient) = e.addresses.get(&env.recipient) else {
                continue;
            };
            let Ok(crate::derive::Barcode::Printed(imb)) =
                crate::derive::envelope_barcode(env, &env.recipient, recipient)
            else {
                continue;
            };
            let key = (imb.mailer_id.clone(), imb.serial.clone());
            let field = format!(
                "{}.serial",
                crate::instances::path(
                    crate::model::Special::Envelope.section(),
                    e.envelope.is_many(),
                    n,
                )
            );
            let first = seen
                .get(&key)
                .map(|first| first.engagement_file.path.display().to_string())
                .or_else(|| {
                    own.iter()
                        .find(|(k, _)| k == &key)
                        .map(|(_, f): &(_, String)| f.clone())
                });
            if let Some(first) = first {
                clashes.push((
                    i,
                    Error::data(
                        locate(&loaded.engagement_file, &field),
                        format!(
                            "serial {} with mailer id {} is also used by {first}: an Intelligent \
                             Mail barcode serial must be unique per mailer id",
                            imb.serial, imb.mailer_id,
                        ),
                    ),
                ));
                continue 'engagements;
            }
            own.push((key, field));
        }
        for (key, _) in own {
            seen.insert(key, loaded);
        }
    }
    clashes
}

/// Every folder under `data_dir` holding an `engagement.toml` or `engagement.json`, sorted.
///
/// An engagement folder is not searched further (it holds that engagement's files, not
/// other engagements), and hidden folders (`.git`) are skipped: with ten thousand
/// engagements this walk reads one directory instead of ten thousand and one.
fn engagement_dirs(data_dir: &Path) -> Vec<PathBuf> {
    let is_engagement =
        |dir: &Path| dir.join("engagement.toml").is_file() || dir.join("engagement.json").is_file();
    // A plain walk rather than walkdir's: walkdir opens every folder it meets, including
    // each engagement folder it would then skip, which made regenerating one invoice among
    // ten thousand engagements take 150 ms instead of 60 ms.
    let mut found = Vec::new();
    let mut stack = vec![data_dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if is_engagement(&dir) {
            found.push(dir);
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            // Symbolic links are not followed (the data folder is walked as it is).
            if !hidden && entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(entry.path());
            }
        }
    }
    found.sort();
    found
}

/// Loads these engagement folders again, in id order: folders an earlier load of the same
/// run validated (with the checks across engagements), which a build then drops to keep
/// only one chunk of engagements in memory at a time (see `crate::build`).
pub fn reload(dirs: &[PathBuf], rules: &Rules) -> Result<Vec<Loaded>> {
    let mut loaded = dirs
        .par_iter()
        .map(|dir| load_engagement(dir, rules))
        .collect::<Result<Vec<_>>>()?;
    loaded.sort_by(|a, b| a.engagement.id.cmp(&b.engagement.id));
    Ok(loaded)
}

fn load_engagement(dir: &Path, rules: &Rules) -> Result<Loaded> {
    let toml_path = dir.join("engagement.toml");
    let json_path = dir.join("engagement.json");
    if toml_path.is_file() && json_path.is_file() {
        return Err(Error::data(
            at_start(&json_path),
            "both engagement.toml and engagement.json exist; keep one",
        ));
    }
    let path = if toml_path.is_file() {
        toml_path
    } else {
        json_path
    };
    let engagement_file = read(&path)?;
    let manifest_file = ["approvals.toml", "approvals.json"]
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
        .map(|p| read(&p))
        .transpose()?;
    from_sources(dir, engagement_file, manifest_file, rules)
}

/// Parses and validates one engagement from its files' text: everything loading does after
/// reading the disk. Public so that fuzzing and other front ends check data exactly as
/// `docket build` does.
pub fn from_sources(
    dir: &Path,
    engagement_file: SourceFile,
    manifest_file: Option<SourceFile>,
    rules: &Rules,
) -> Result<Loaded> {
    let mut engagement: Engagement = parse(&engagement_file)?;
    for inv in engagement
        .invoice
        .iter_mut()
        .chain(engagement.credit_note.iter_mut())
    {
        due_from_terms(inv);
    }
    let manifest = match &manifest_file {
        Some(source) => parse::<Manifest>(source)?,
        None => Manifest::default(),
    };
    let loaded = Loaded {
        dir: dir.to_path_buf(),
        engagement,
        manifest,
        engagement_file,
        manifest_file,
    };
    validate(&loaded, rules)?;
    Ok(loaded)
}

#[cfg(test)]
mod tests;
