//! Digests of what determines a document: its data, its templates, its rule and the
//! approvals it depends on.
//!
//! An approval recorded with `docket approve` binds to the digest of its artifact's inputs,
//! so that changing the data after approval makes the approval stale instead of silently
//! covering content nobody approved. Per-field digests let docket name what changed.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::gate::approval::ApprovalView;
use crate::model::KindRule;

/// `sha256:<hex>` of some bytes.
pub fn sha256(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

/// A short digest for per-field comparison (16 hex digits are plenty to detect a change).
fn short(bytes: &[u8]) -> String {
    hex::encode(&Sha256::digest(bytes)[..8])
}

/// The digest of an artifact's inputs, whole and per field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct InputDigest {
    /// Over everything below.
    pub total: String,
    /// Per input: `<section>.<field>`, `template`, `rule`, `approvals`.
    pub fields: BTreeMap<String, String>,
}

impl InputDigest {
    /// The inputs whose digest differs from `recorded` (added, removed or changed).
    pub fn changed_since(&self, recorded: &BTreeMap<String, String>) -> Vec<String> {
        let mut changed: Vec<String> = self
            .fields
            .iter()
            .filter(|(k, v)| recorded.get(*k) != Some(*v))
            .map(|(k, _)| k.clone())
            .collect();
        changed.extend(
            recorded
                .keys()
                .filter(|k| !self.fields.contains_key(*k))
                .cloned(),
        );
        changed.sort();
        changed
    }
}

/// Digests of the template files, by file name, loaded once per run.
#[derive(Debug, Clone, Default)]
pub struct TemplateDigests {
    files: BTreeMap<String, String>,
}

impl TemplateDigests {
    /// Reads every file of the templates folder.
    pub fn load(dir: &Path) -> Result<TemplateDigests> {
        let mut files = BTreeMap::new();
        let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        // The logos a layout may draw live in assets/: they are part of every layout.
        let assets = std::fs::read_dir(dir.join("assets"))
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .map(|e| (e.path(), true));
        for (path, asset) in entries
            .filter_map(|e| e.ok())
            .map(|e| (e.path(), false))
            .chain(assets)
        {
            if !path.is_file() {
                continue;
            }
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let bytes = std::fs::read(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            let name = if asset {
                format!("_assets/{name}")
            } else {
                name.to_string()
            };
            files.insert(name, short(&bytes));
        }
        // The translations: each document depends on those of its own locale only.
        let locales = dir.join(crate::locale::FOLDER);
        for entry in walkdir::WalkDir::new(&locales)
            .min_depth(2)
            .max_depth(2)
            .sort_by_file_name()
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
        {
            let Ok(rel) = entry.path().strip_prefix(&locales) else {
                continue;
            };
            let bytes = std::fs::read(entry.path()).map_err(|source| Error::Read {
                path: entry.path().to_path_buf(),
                source,
            })?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            files.insert(format!("{LOCALES}{rel}"), short(&bytes));
        }
        Ok(TemplateDigests { files })
    }

    /// The digest of what renders one kind in one locale: its template, the shared partials
    /// (`_*.md`), its Typst layout and the locale's translation files.
    fn for_kind(&self, rule: &KindRule, locale: &str) -> String {
        let layout = rule.layout.file();
        let own = format!("{LOCALES}{locale}/");
        let mut hasher = Sha256::new();
        for (name, digest) in &self.files {
            let other_locale = name.starts_with(LOCALES) && !name.starts_with(&own);
            // The status board's words are not a document's: rewording the board must not
            // make every approval stale and every issued document refuse to rebuild.
            let board = name.starts_with(LOCALES) && name.ends_with(BOARD_WORDS);
            if name == &rule.template
                || *name == layout
                || (name.starts_with('_') && !other_locale && !board)
            {
                hasher.update(name.as_bytes());
                hasher.update(digest.as_bytes());
            }
        }
        hex::encode(&hasher.finalize()[..8])
    }
}

/// The prefix of the translation files' names among the template digests.
const LOCALES: &str = "_locales/";

/// The status board's translation file (in each locale), which no document reads.
const BOARD_WORDS: &str = "/board.ftl";

/// Engagement-level facts every document may show (the locale: how it shows them).
const SHOWN: &[&str] = &[
    "id",
    "locale",
    "client",
    "workflow",
    "scope",
    "as_of",
    "provider",
    "client_details",
    "addresses",
];

/// The inputs of one artifact. `approvals` are the approvals its gate depends on that are
/// not themselves bound to this artifact (those bind to this digest, so they cannot be
/// part of it).
pub fn inputs(
    rule: &KindRule,
    state: &Value,
    section: &Value,
    templates: &TemplateDigests,
    approvals: &[&ApprovalView],
) -> InputDigest {
    let section_name = rule.section.as_str();
    let mut fields = BTreeMap::new();
    // The engagement facts documents show besides their own section. Routing state
    // (lifecycle stage, next skill, tracks) is not content and is left out.
    for key in SHOWN {
        if let Some(value) = state.get(*key) {
            fields.insert((*key).to_string(), short(&canonical(value)));
        }
    }
    if let Value::Object(map) = section {
        for (key, value) in map {
            // Who prepared it is not content; the document's own number is its identity
            // (assigned at issue), tracked as the document id instead.
            if matches!(key.as_str(), "prepared_by" | "id" | "number") {
                continue;
            }
            fields.insert(format!("{section_name}.{key}"), short(&canonical(value)));
        }
    }
    let locale = state
        .get("locale")
        .and_then(Value::as_str)
        .unwrap_or(crate::locale::DEFAULT);
    fields.insert("template".to_string(), templates.for_kind(rule, locale));
    fields.insert(
        "rule".to_string(),
        // A kind's rule is plain data (strings, lists, enums): it always serializes.
        short(&serde_json::to_vec(rule).expect("a kind rule serializes")),
    );
    let mut deps: Vec<Vec<u8>> = approvals
        .iter()
        .map(|a| {
            canonical(&serde_json::json!([
                a.gate,
                a.effective,
                a.approver,
                a.role,
                a.actions,
                a.evidence,
                a.scope,
                a.conditions
            ]))
        })
        .collect();
    deps.sort();
    fields.insert("approvals".to_string(), short(&deps.concat()));
    let mut hasher = Sha256::new();
    for (k, v) in &fields {
        hasher.update(k.as_bytes());
        hasher.update(b"=");
        hasher.update(v.as_bytes());
        hasher.update(b"\n");
    }
    InputDigest {
        total: format!("sha256:{}", hex::encode(hasher.finalize())),
        fields,
    }
}

/// JSON bytes with object keys sorted (serde_json's map is sorted already: `Value`'s
/// default map is a BTreeMap), so equal values digest equally.
fn canonical(value: &Value) -> Vec<u8> {
    // A `Value` always serializes: its keys are strings, its numbers finite.
    serde_json::to_vec(value).expect("a JSON value serializes")
}
