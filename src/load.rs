//! Stage 1, load and validate: find every engagement under the data folder, parse its files
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

/// The rules docket uses when a data folder has none of its own.
pub const DEFAULT_RULES: &str = include_str!("../data/rules.toml");

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
            engagements,
            failed,
        },
        dirs,
    ))
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
                crate::instances::path("envelope", e.envelope.is_many(), n)
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

/// Reads a file as UTF-8, refusing huge and non-UTF-8 files with a located error.
///
/// At most [`MAX_INPUT_BYTES`] + 1 bytes are read, whatever the file's size, so a 100 MB
/// (or endless) file costs no more than a file at the limit.
pub fn read(path: &Path) -> Result<SourceFile> {
    use std::io::Read;
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let size = file.metadata().map(|m| m.len()).ok();
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        let limit = usize::try_from(MAX_INPUT_BYTES).unwrap_or(usize::MAX);
        let prefix = String::from_utf8_lossy(&bytes[..limit.min(bytes.len())]);
        let (line, column) = line_col(&prefix, prefix.len());
        let size = size.map_or_else(
            || "more than the limit".to_string(),
            |n| format!("{n} bytes"),
        );
        return Err(Error::data(
            Location {
                file: path.to_path_buf(),
                line: Some(line),
                column: Some(column),
                field: None,
            },
            format!(
                "file is {size}; docket reads input files of at most {MAX_INPUT_BYTES} bytes \
                 (the limit is passed at this line and column)"
            ),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, column) = line_col(&prefix, prefix.len());
        Error::data(
            Location {
                file: path.to_path_buf(),
                line: Some(line),
                column: Some(column),
                field: None,
            },
            format!(
                "file is not valid UTF-8 text: byte {valid} (0x{:02x}) starts no UTF-8 character",
                e.as_bytes().get(valid).copied().unwrap_or(0)
            ),
        )
    })?;
    Ok(SourceFile {
        path: path.to_path_buf(),
        text,
    })
}

/// Parses TOML or JSON (by extension) into `T`, with file, line, column and field path on error.
pub fn parse<T: DeserializeOwned>(source: &SourceFile) -> Result<T> {
    if source.text.trim().is_empty() {
        return Err(Error::data(
            at_start(&source.path),
            "file is empty; expected an engagement, approvals or rules document",
        ));
    }
    let is_json = source.path.extension().and_then(|e| e.to_str()) == Some("json");
    if is_json {
        let mut de = serde_json::Deserializer::from_str(&source.text);
        let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let field = field_path(e.path());
            let inner = e.into_inner();
            let field = with_missing_field(field, &inner.to_string());
            Error::data(
                Location {
                    file: source.path.clone(),
                    line: Some(inner.line()),
                    column: Some(inner.column()),
                    field,
                },
                strip_position(&inner.to_string()),
            )
        })?;
        de.end().map_err(|e| {
            Error::data(
                Location {
                    file: source.path.clone(),
                    line: Some(e.line()),
                    column: Some(e.column()),
                    field: None,
                },
                strip_position(&e.to_string()),
            )
        })?;
        Ok(value)
    } else {
        let de =
            toml::Deserializer::parse(&source.text).map_err(|e| toml_error(source, None, &e))?;
        serde_path_to_error::deserialize(de).map_err(|e| {
            let field = field_path(e.path());
            let field = with_missing_field(field, e.inner().message());
            toml_error(source, field, e.inner())
        })
    }
}

fn toml_error(source: &SourceFile, field: Option<String>, e: &toml::de::Error) -> Error {
    let (line, column) = match e.span() {
        Some(span) => line_col(&source.text, span.start),
        // No span (e.g. a missing field of the top-level table): the table holding the
        // field, else the start of the file.
        None => field
            .as_deref()
            .and_then(|f| f.rsplit_once('.').map(|(parent, _)| parent))
            .and_then(|parent| {
                locate(source, parent)
                    .line
                    .zip(locate(source, parent).column)
            })
            .unwrap_or((1, 1)),
    };
    let (line, column) = (Some(line), Some(column));
    let mut message = did_you_mean(e.message().trim());
    // toml says "duplicate key" without the key: the span covers it.
    if message == "duplicate key"
        && let Some(key) = e.span().and_then(|span| source.text.get(span))
    {
        message = format!("duplicate key `{}`", key.trim());
    }
    Error::data(
        Location {
            file: source.path.clone(),
            line,
            column,
            field,
        },
        message,
    )
}

/// serde reports a missing field at the table that lacks it; name the field itself
/// (`brief.goal`, not `brief`), which is what a user has to add.
fn with_missing_field(field: Option<String>, message: &str) -> Option<String> {
    let Some(rest) = message.trim().strip_prefix("missing field `") else {
        return field;
    };
    let Some(name) = rest.split('`').next() else {
        return field;
    };
    Some(match field {
        Some(parent) => format!("{parent}.{name}"),
        None => name.to_string(),
    })
}

/// serde_path_to_error's path as `a.b[2].c`, or `None` at the top level.
fn field_path(path: &serde_path_to_error::Path) -> Option<String> {
    let text = path.to_string();
    (text != ".").then_some(text)
}

/// serde_json appends " at line L column C"; the location already says it.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Adds "did you mean" to serde's "unknown field `x`, expected one of `a`, `b`".
fn did_you_mean(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some(end) = rest.find('`') else {
        return message.to_string();
    };
    let unknown = &rest[..end];
    let candidates: Vec<&str> = rest[end..].split('`').skip(2).step_by(2).collect();
    match closest(unknown, &candidates) {
        Some(best) => format!("{message}; did you mean `{best}`?"),
        None => message.to_string(),
    }
}

/// The candidate nearest to `word` by edit distance, if it is near enough to be a typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        // Optimal string alignment: a swapped pair of letters (`gaol`) is one edit.
        .map(|c| (strsim::osa_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Line 1, column 1 of a file: for errors about the file as a whole (empty, both TOML and
/// JSON present), so every data error still carries a line and column.
fn at_start(path: &Path) -> Location {
    Location {
        file: path.to_path_buf(),
        line: Some(1),
        column: Some(1),
        field: None,
    }
}

/// The location of a dotted field path (`invoice.seller`, `tracks[1].status`) in a source
/// file, found after parsing for errors serde cannot see.
pub fn locate(source: &SourceFile, field: &str) -> Location {
    let offset = if source.path.extension().and_then(|e| e.to_str()) == Some("json") {
        locate_json(&source.text, field)
    } else {
        locate_toml(&source.text, field)
    };
    let (line, column) = match offset {
        Some(o) => {
            let (l, c) = line_col(&source.text, o);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    Location {
        file: source.path.clone(),
        line,
        column,
        field: Some(field.to_string()),
    }
}

/// Splits `a.b[2].c` into keys and indices.
fn segments(field: &str) -> Vec<Result<&str, usize>> {
    let mut out = Vec::new();
    for part in field.split('.') {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            out.push(Ok(&rest[..i]));
            rest = &rest[i..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let Some(end) = stripped.find(']') else { break };
                if let Ok(n) = stripped[..end].parse() {
                    out.push(Err(n));
                }
                rest = &stripped[end + 1..];
            }
        } else {
            out.push(Ok(rest));
        }
    }
    out
}

fn locate_toml(text: &str, field: &str) -> Option<usize> {
    // toml_edit 0.23 (and 0.25) panics ("all items have spans") while recovering from some
    // invalid documents, e.g. `=={` + newline + `.` (found by fuzzing). Only valid TOML is
    // worth locating in: check it with the parser docket reads data with, which does not.
    toml::from_str::<toml::Table>(text).ok()?;
    let doc = toml_edit::Document::parse(text).ok()?;
    let mut item: &toml_edit::Item = doc.as_item();
    let mut best = None;
    for seg in segments(field) {
        let next = match seg {
            Ok(key) => item.get(key),
            Err(index) => match item {
                toml_edit::Item::ArrayOfTables(a) => a.get(index).map(|_| &item[index]),
                _ => item.get(index),
            },
        };
        match next {
            Some(n) => {
                item = n;
                if let Some(span) = item.span() {
                    best = Some(span.start);
                } else if let Some(t) = item.as_table_like()
                    && let Some(span) = t.iter().next().and_then(|(_, v)| v.span())
                {
                    best = Some(span.start);
                }
            }
            None => break,
        }
    }
    best
}

fn locate_json(text: &str, field: &str) -> Option<usize> {
    // A heuristic good enough to point at the right line: find each key in turn after the
    // previous one.
    let mut from = 0;
    let mut found = None;
    for key in segments(field).into_iter().flatten() {
        let needle = format!("\"{key}\"");
        let at = text.get(from..)?.find(&needle)? + from;
        found = Some(at);
        from = at + needle.len();
    }
    found
}

/// The data folder's rules (`rules.toml`), or the built-in copy when it has none, validated.
pub fn rules(data_dir: &Path) -> Result<Rules> {
    let rules_path = data_dir.join("rules.toml");
    let (rules, rules_file) = if rules_path.is_file() {
        let source = read(&rules_path)?;
        (parse::<Rules>(&source)?, Some(rules_path))
    } else {
        let source = SourceFile {
            path: PathBuf::from("<built-in rules.toml>"),
            text: DEFAULT_RULES.to_string(),
        };
        (parse::<Rules>(&source)?, None)
    };
    validate_rules(&rules, rules_file.as_deref())?;
    Ok(rules)
}

fn validate_rules(rules: &Rules, path: Option<&Path>) -> Result<()> {
    let source = SourceFile {
        path: path.map_or_else(|| PathBuf::from("<built-in rules.toml>"), Path::to_path_buf),
        text: match path {
            Some(p) => std::fs::read_to_string(p).unwrap_or_default(),
            None => DEFAULT_RULES.to_string(),
        },
    };
    let mut seen = BTreeMap::new();
    for (i, kind) in rules.kind.iter().enumerate() {
        if seen.insert(kind.kind.as_str(), i).is_some() {
            return Err(Error::data(
                locate(&source, &format!("kind[{i}].kind")),
                format!("kind `{}` is defined twice", kind.kind),
            ));
        }
        if !safe_name(&kind.kind) {
            return Err(Error::data(
                locate(&source, &format!("kind[{i}].kind")),
                "expected a kind name of lowercase letters, digits and hyphens",
            ));
        }
    }
    for (i, stage) in rules.stage.iter().enumerate() {
        if rules.kind(&stage.artifact).is_none() {
            return Err(Error::data(
                locate(&source, &format!("stage[{i}].artifact")),
                format!(
                    "stage `{}` names unknown artifact kind `{}`",
                    stage.name, stage.artifact
                ),
            ));
        }
    }
    if rules.kind(&rules.overlay.artifact).is_none() {
        return Err(Error::data(
            locate(&source, "overlay.artifact"),
            format!("unknown artifact kind `{}`", rules.overlay.artifact),
        ));
    }
    // Reminder stages: names are parts of instance keys; each stage comes later than the
    // one before it (one stage at a time, in order).
    for (i, stage) in rules.reminder.iter().enumerate() {
        let name_ok = crate::instances::check_key(&stage.name).is_ok() && stage.name.len() <= 16;
        if !name_ok || rules.reminder[..i].iter().any(|s| s.name == stage.name) {
            return Err(Error::data(
                locate(&source, &format!("reminder[{i}].name")),
                format!(
                    "expected a unique stage name of up to 16 lowercase letters, digits and \
                     inner hyphens (it is part of the reminder's key), found `{}`",
                    stage.name
                ),
            ));
        }
        if i > 0 && stage.days <= rules.reminder[i - 1].days {
            return Err(Error::data(
                locate(&source, &format!("reminder[{i}].days")),
                format!(
                    "expected more days past due than the stage before it ({}), found {}",
                    rules.reminder[i - 1].days,
                    stage.days
                ),
            ));
        }
    }
    Ok(())
}

/// Names used as file and folder names: lowercase ASCII letters, digits, `-` and `_`,
/// starting with a letter or digit, so no path separator or `..` can reach the file system.
pub fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A TBD due date follows from `Net N` payment terms and a known issue date.
fn due_from_terms(inv: &mut crate::model::Invoice) {
    use crate::model::{Date, Fact};
    if inv.due_date != Fact::Tbd {
        return;
    }
    let days = inv
        .payment_terms
        .trim()
        .strip_prefix("Net ")
        .and_then(|n| n.trim().parse::<i64>().ok());
    if let (Some(days), Some(issued)) = (days, inv.issue_date.known())
        && let Some(due) = issued.0.checked_add(time::Duration::days(days))
    {
        inv.due_date = Fact::Known(Date(due));
    }
}

/// Invoice checks serde cannot make: currency, exact amounts (via the money module), dates.
fn validate_invoice(
    inv: &crate::model::Invoice,
    file: &SourceFile,
    section: &str,
    credit_note: bool,
) -> Result<()> {
    if crate::money::Currency::from_code(&inv.currency).is_none() {
        return Err(Error::data(
            locate(file, &format!("{section}.currency")),
            format!(
                "unknown currency code `{}`, expected an ISO 4217 code such as USD, EUR or JPY",
                inv.currency
            ),
        ));
    }
    let totals = match crate::derive::invoice_totals(inv, credit_note) {
        Ok((_, totals)) => totals,
        Err(err) => {
            // Money errors read "FIELD: message", FIELD relative to the invoice.
            let text = err.to_string();
            let (field, message) = text.split_once(": ").unwrap_or(("", text.as_str()));
            let field = match field {
                "invoice_discount" => "discount".to_string(),
                f => f.replace(".tax_category", ".tax"),
            };
            let path = if field.is_empty() {
                section.to_string()
            } else {
                format!("{section}.{field}")
            };
            return Err(Error::data(locate(file, &path), message));
        }
    };
    for (i, line) in inv.lines.iter().enumerate() {
        if let Some(unit) = &line.unit
            && !crate::einvoice::is_unit_code(unit)
        {
            return Err(Error::data(
                locate(file, &format!("{section}.lines[{i}].unit")),
                format!(
                    "expected a UN/ECE Recommendation 20 unit code (2 or 3 upper-case letters \
                     or digits, e.g. C62, HUR, DAY), found {unit:?}"
                ),
            ));
        }
    }
    for (i, tax) in inv.taxes.iter().enumerate() {
        if let Some(code) = &tax.code
            && !crate::einvoice::VAT_CATEGORY_CODES.contains(&code.as_str())
        {
            return Err(Error::data(
                locate(file, &format!("{section}.taxes[{i}].code")),
                format!(
                    "expected an EN 16931 VAT category code ({}), found {code:?}",
                    crate::einvoice::VAT_CATEGORY_CODES.join(", ")
                ),
            ));
        }
    }
    for (i, (line, total)) in inv.lines.iter().zip(&totals.lines).enumerate() {
        if let Some(given) = line.amount
            && given.0 != total.net
        {
            return Err(Error::data(
                locate(file, &format!("{section}.lines[{i}].amount")),
                format!(
                    "the line amount {} disagrees with quantity x unit price less discount = {}",
                    given.0, total.net
                ),
            ));
        }
    }
    if let (Some(issued), Some(due)) = (inv.issue_date.known(), inv.due_date.known())
        && due < issued
    {
        return Err(Error::data(
            locate(file, &format!("{section}.due_date")),
            format!("the due date {due} is before the issue date {issued}"),
        ));
    }
    Ok(())
}

/// The brand's accent must be a `#rrggbb` colour and its logo a file name under `assets/`
/// (SVG, PNG or JPEG): the layout gets them as data, and the sandboxed World serves only
/// the templates folder's `assets/`, so a logo elsewhere could not be read anyway.
fn validate_brand(brand: &crate::model::Brand, file: &SourceFile) -> Result<()> {
    if let Some(accent) = &brand.accent {
        let hex = accent.strip_prefix('#').unwrap_or("");
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::data(
                locate(file, "provider.brand.accent"),
                format!("accent `{accent}` is not a colour: expected `#rrggbb`, e.g. `#1f4e79`"),
            ));
        }
    }
    if let Some(logo) = &brand.logo {
        let name = logo.strip_prefix("assets/").unwrap_or("");
        let ext = name.rsplit_once('.').map(|(_, x)| x.to_ascii_lowercase());
        let ok = !name.is_empty()
            && !name.contains('/')
            && !name.starts_with('.')
            && matches!(ext.as_deref(), Some("svg" | "png" | "jpg" | "jpeg"));
        if !ok {
            return Err(Error::data(
                locate(file, "provider.brand.logo"),
                format!(
                    "logo `{logo}` is not an asset: expected a file in the templates folder's \
                     assets/ folder, e.g. `assets/logo.svg` (SVG, PNG or JPEG)"
                ),
            ));
        }
    }
    Ok(())
}

/// The gate names the rules mention.
pub fn known_gates(rules: &Rules) -> Vec<&str> {
    let mut gates: Vec<&str> = rules
        .kind
        .iter()
        .flat_map(|k| k.blocked_unless.iter().chain(&k.final_requires))
        .chain(rules.expanded_scope.iter().flat_map(|x| &x.blocked_unless))
        .map(|r| r.gate.as_str())
        .collect();
    gates.sort_unstable();
    gates.dedup();
    gates
}

/// Checks what serde cannot: field sizes, ids, references, stages, gates, invoices and
/// envelope addresses. The first problem is returned with its location.
fn validate(loaded: &Loaded, rules: &Rules) -> Result<()> {
    let e = &loaded.engagement;
    let file = &loaded.engagement_file;
    let folder = loaded
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if e.id != folder {
        return Err(Error::data(
            locate(file, "id"),
            format!(
                "engagement id `{}` differs from its folder name `{folder}`: they must match \
                 (the output folder is named after it)",
                e.id
            ),
        ));
    }
    let state = serde_json::to_value(e).map_err(|err| {
        Error::data(
            at_start(&file.path),
            format!("cannot represent the engagement: {err}"),
        )
    })?;
    check_field_sizes(&state, "", file)?;
    if let Some(manifest_file) = &loaded.manifest_file {
        let manifest = serde_json::to_value(&loaded.manifest).map_err(|err| {
            Error::data(
                at_start(&manifest_file.path),
                format!("cannot represent the approvals: {err}"),
            )
        })?;
        check_field_sizes(&manifest, "", manifest_file)?;
    }
    if !safe_name(&e.id) {
        return Err(Error::data(
            locate(file, "id"),
            format!(
                "engagement id `{}` is used as a folder name: expected lowercase letters, \
                 digits, `-` and `_` only (at most 64)",
                e.id
            ),
        ));
    }
    if !rules.stage.iter().any(|s| s.name == e.lifecycle_stage) {
        let names: Vec<&str> = rules.stage.iter().map(|s| s.name.as_str()).collect();
        let hint = closest(&e.lifecycle_stage, &names)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        return Err(Error::data(
            locate(file, "lifecycle_stage"),
            format!(
                "unknown lifecycle stage `{}`, expected one of {}{hint}",
                e.lifecycle_stage,
                names.join(", ")
            ),
        ));
    }
    validate_brand(&e.provider.brand, file)?;
    validate_keys(e, rules, file)?;
    let at = |section: &str, many: bool, i: usize, field: &str| {
        format!("{}.{field}", crate::instances::path(section, many, i))
    };
    let mut refs: Vec<(String, &str)> = vec![
        ("provider.address".into(), e.provider.address.as_str()),
        (
            "client_details.billing_address".into(),
            e.client_details.billing_address.as_str(),
        ),
    ];
    for (i, inv) in e.invoice.iter().enumerate() {
        refs.push((at("invoice", e.invoice.is_many(), i, "seller"), &inv.seller));
        refs.push((at("invoice", e.invoice.is_many(), i, "buyer"), &inv.buyer));
    }
    for (i, env) in e.envelope.iter().enumerate() {
        refs.push((
            at("envelope", e.envelope.is_many(), i, "sender"),
            &env.sender,
        ));
        refs.push((
            at("envelope", e.envelope.is_many(), i, "recipient"),
            &env.recipient,
        ));
    }
    for (field, key) in refs {
        if !e.addresses.contains_key(key) {
            let keys: Vec<&str> = e.addresses.keys().map(String::as_str).collect();
            let hint = closest(key, &keys)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(Error::data(
                locate(file, &field),
                format!("no address with key `{key}` in [addresses]{hint}"),
            ));
        }
    }
    unique_document_ids(&document_ids(&state, rules), file)?;
    for (i, inv) in e.invoice.iter().enumerate() {
        let path = crate::instances::path("invoice", e.invoice.is_many(), i);
        validate_invoice(inv, file, &path, false)?;
    }
    for (i, cn) in e.credit_note.iter().enumerate() {
        let path = crate::instances::path("credit_note", e.credit_note.is_many(), i);
        validate_invoice(cn, file, &path, true)?;
        // A credit note naming the invoice it corrects by instance (`invoice:milestone-1`).
        if let Some(reference) = cn.references.as_deref()
            && let ("invoice", Some(_)) = crate::instances::split(reference)
        {
            known_artifact(e, rules, reference).map_err(|message| {
                Error::data(locate(file, &format!("{path}.references")), message)
            })?;
        }
    }
    if let Some(agreement) = e.agreement.one() {
        validate_schedule(agreement, file)?;
    }
    for (i, env) in e.envelope.iter().enumerate() {
        let path = crate::instances::path("envelope", e.envelope.is_many(), i);
        for key in [&env.sender, &env.recipient] {
            if let Some(address) = e.addresses.get(key)
                && let Err(err) = crate::derive::envelope_lines(address)
            {
                return Err(Error::data(
                    locate(file, &format!("addresses.{key}.{}", err.field())),
                    format!("cannot print this address on an envelope: {err}"),
                ));
            }
        }
        if let Some(recipient) = e.addresses.get(&env.recipient)
            && let Err(err) = crate::derive::envelope_barcode(env, &env.recipient, recipient)
        {
            let field = err.field.replacen("envelope", &path, 1);
            return Err(Error::data(
                locate(file, &field),
                format!("cannot print the Intelligent Mail barcode: {}", err.message),
            ));
        }
    }
    if let Some(manifest_file) = &loaded.manifest_file {
        let gates = known_gates(rules);
        for (i, approval) in loaded.manifest.approval.iter().enumerate() {
            if !gates.contains(&approval.gate.as_str()) {
                let hint = closest(&approval.gate, &gates)
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_default();
                return Err(Error::data(
                    locate(manifest_file, &format!("approval[{i}].gate")),
                    format!(
                        "unknown gate `{}`, expected one of {}{hint}",
                        approval.gate,
                        gates.join(", ")
                    ),
                ));
            }
            if let Some(artifact) = &approval.artifact
                && let Err(message) = known_artifact(e, rules, artifact)
            {
                return Err(Error::data(
                    locate(manifest_file, &format!("approval[{i}].artifact")),
                    message,
                ));
            }
        }
    }
    Ok(())
}

/// An agreement's payment schedule: unique keys, each entry an amount or a percentage (not
/// both), and no more than the fee in all.
fn validate_schedule(agreement: &crate::model::Agreement, file: &SourceFile) -> Result<()> {
    use rust_decimal::Decimal;
    let mut total = Decimal::ZERO;
    let fee = agreement.fee.known().copied();
    for (i, entry) in agreement.schedule.iter().enumerate() {
        let at = |field: &str| locate(file, &format!("agreement.schedule[{i}].{field}"));
        crate::instances::check_key(&entry.key).map_err(|m| Error::data(at("key"), m))?;
        if agreement.schedule[..i].iter().any(|s| s.key == entry.key) {
            return Err(Error::data(
                at("key"),
                format!("schedule key `{}` is used twice", entry.key),
            ));
        }
        let amount = match (&entry.amount, &entry.percent, fee) {
            (Some(a), None, _) => a.0,
            (None, Some(p), Some(fee)) => fee * p.0 / Decimal::ONE_HUNDRED,
            (None, Some(_), None) => Decimal::ZERO,
            _ => {
                return Err(Error::data(
                    at("amount"),
                    "give either `amount` (a fixed sum) or `percent` (a share of the fee), not both or neither",
                ));
            }
        };
        total += amount;
    }
    if let Some(fee) = fee
        && total > fee
    {
        return Err(Error::data(
            locate(file, "agreement.schedule"),
            format!("the payment schedule adds up to {total}, more than the fee {fee}"),
        ));
    }
    Ok(())
}

/// Every instance key of every artifact section: required in an array of tables, a valid
/// key (it becomes part of file names), and unique within its kind.
fn validate_keys(e: &Engagement, rules: &Rules, file: &SourceFile) -> Result<()> {
    for rule in &rules.kind {
        let Some(keys) = e.instance_keys(&rule.section) else {
            continue;
        };
        let many = e.is_many(&rule.section);
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, key) in keys.iter().enumerate() {
            let path = crate::instances::path(&rule.section, many, i);
            let Some(key) = key else {
                if many {
                    return Err(Error::data(
                        locate(file, &path),
                        format!(
                            "every [[{}]] needs a `key` naming it (`key = \"deposit\"`, \
                             `key = \"milestone-1\"`): the key tells its files, approvals and \
                             ledger records apart from the other {} instances",
                            rule.section,
                            keys.len() - 1
                        ),
                    ));
                }
                continue;
            };
            let field = format!("{path}.key");
            crate::instances::check_key(key)
                .map_err(|message| Error::data(locate(file, &field), message))?;
            if let Some(first) = seen.insert(key, i) {
                return Err(Error::data(
                    locate(file, &field),
                    format!(
                        "instance key `{key}` is also the key of {}: keys must be unique \
                         within a kind",
                        crate::instances::path(&rule.section, many, first)
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Checks an approval's `artifact` (`invoice`, or `invoice:milestone-2`) against the rules
/// and the engagement's instances.
fn known_artifact(
    e: &Engagement,
    rules: &Rules,
    artifact: &str,
) -> std::result::Result<(), String> {
    let (kind, key) = crate::instances::split(artifact);
    let Some(rule) = rules.kind(kind) else {
        let names: Vec<&str> = rules.kind.iter().map(|k| k.kind.as_str()).collect();
        let hint = closest(kind, &names)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        return Err(format!(
            "unknown artifact kind `{kind}`, expected one of {}{hint}",
            names.join(", ")
        ));
    };
    let Some(key) = key else { return Ok(()) };
    if rule.section == "reminder" {
        // Reminders are derived when the build runs (one per overdue invoice and stage),
        // so an approval may name one before it exists: `reminder:inv-2026-0460-friendly`.
        return crate::instances::check_key(key);
    }
    let keys: Vec<String> = e
        .instance_keys(&rule.section)
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect();
    if keys.iter().any(|k| k == key) {
        return Ok(());
    }
    let names: Vec<&str> = keys.iter().map(String::as_str).collect();
    let hint = closest(key, &names)
        .map(|c| format!("; did you mean `{kind}:{c}`?"))
        .unwrap_or_default();
    Err(format!(
        "no {kind} with key `{key}` in the engagement (its keys: {}){hint}",
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        }
    ))
}

/// Refuses any string (or map key) longer than [`MAX_FIELD_BYTES`], naming its field.
fn check_field_sizes(value: &serde_json::Value, path: &str, file: &SourceFile) -> Result<()> {
    use serde_json::Value;
    let too_long = |len: usize, field: &str| {
        Error::data(
            locate(file, field),
            format!(
                "text is {len} bytes long; a field holds at most {MAX_FIELD_BYTES} bytes \
                 (docket's size limit for one value)"
            ),
        )
    };
    match value {
        Value::String(s) if s.len() > MAX_FIELD_BYTES => Err(too_long(s.len(), path)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, item)| check_field_sizes(item, &format!("{path}[{i}]"), file)),
        Value::Object(map) => map.iter().try_for_each(|(key, item)| {
            let field = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if key.len() > MAX_FIELD_BYTES {
                return Err(too_long(key.len(), path));
            }
            check_field_sizes(item, &field, file)
        }),
        _ => Ok(()),
    }
}

/// Document ids are printed on every page and name documents in reports and in the files
/// people save them as: letters, digits, `.`, `_` and `-`, starting with a letter or digit,
/// no `..`, at most 64 characters. `TBD` is allowed (the id is not known yet).
pub fn valid_document_id(id: &str) -> bool {
    id == crate::model::TBD
        || (!id.is_empty()
            && id.len() <= 64
            && id.starts_with(|c: char| c.is_ascii_alphanumeric())
            && !id.contains("..")
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
}

/// Every document id an engagement's data gives (`<section>.id`, or `<section>.number` for
/// sections without an id), with its field path, in rules order.
fn document_ids(state: &serde_json::Value, rules: &Rules) -> Vec<(String, String)> {
    let mut ids = Vec::new();
    for kind in &rules.kind {
        for (path, section) in crate::instances::in_state(state, &kind.section) {
            for key in ["id", "number"] {
                if let Some(id) = section.get(key).and_then(serde_json::Value::as_str) {
                    ids.push((format!("{path}.{key}"), id.to_string()));
                    break;
                }
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// Checks the form of each document id and that no two documents of an engagement share one.
fn unique_document_ids(ids: &[(String, String)], file: &SourceFile) -> Result<()> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (field, id) in ids {
        if !valid_document_id(id) {
            return Err(Error::data(
                locate(file, field),
                format!(
                    "document id {id:?} is not an id: expected letters, digits, `.`, `_` and \
                     `-` (no path separators, no `..`, at most 64 characters), or TBD"
                ),
            ));
        }
        if id == crate::model::TBD {
            continue;
        }
        if let Some(first) = seen.insert(id, field) {
            return Err(Error::data(
                locate(file, field),
                format!("document id `{id}` is also used by {first}; document ids must be unique"),
            ));
        }
    }
    Ok(())
}

/// No document id may be used by two engagements either: reports and people refer to
/// documents by id alone. Returns every engagement that reuses an id of an earlier one (its
/// index and error), in order; a clashing engagement claims none of its ids.
fn document_id_clashes(engagements: &[Loaded], rules: &Rules) -> Vec<(usize, Error)> {
    let mut seen: BTreeMap<String, (&Loaded, String)> = BTreeMap::new();
    let mut clashes = Vec::new();
    for (i, loaded) in engagements.iter().enumerate() {
        let Ok(state) = serde_json::to_value(&loaded.engagement) else {
            continue;
        };
        let ids: Vec<(String, String)> = document_ids(&state, rules)
            .into_iter()
            .filter(|(_, id)| id != crate::model::TBD)
            .collect();
        let clash = ids.iter().find_map(|(field, id)| {
            let (other, other_field) = seen.get(id)?;
            Some(Error::data(
                locate(&loaded.engagement_file, field),
                format!(
                    "document id `{id}` is also used by engagement `{}` ({}, {other_field}); \
                     document ids must be unique",
                    other.engagement.id,
                    other.engagement_file.path.display()
                ),
            ))
        });
        match clash {
            Some(error) => clashes.push((i, error)),
            None => {
                for (field, id) in ids {
                    seen.insert(id, (loaded, field));
                }
            }
        }
    }
    clashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locating_in_invalid_toml_does_not_panic() {
        // Fuzz finding (fuzz/seeds/load/regression-toml-edit-span): toml_edit panicked with
        // "all items have spans" on this text.
        let source = SourceFile {
            path: PathBuf::from("engagement.toml"),
            text: "=={\n.".to_string(),
        };
        let at = locate(&source, "invoice.lines[1].quantity");
        assert_eq!((at.line, at.column), (None, None));
        assert!(parse::<Engagement>(&source).is_err());
    }
}
