//! The messages each template reads.
//!
//! A document's words reach its templates as `tr` (Markdown) and `meta.tr` (Typst). Given
//! all of its locale's messages (some 400, 26 KB of JSON), every invoice's `meta.json` was
//! eight times what it had been, and serializing, sanitizing and parsing it was a tenth of
//! the time per invoice (`bench/run`, docket -j 1: 9.70 ms before the translations, 11.11 ms
//! with all of them in every document). So each template gets the messages its sources name,
//! found once per run by reading the template and what it imports or includes: a message id
//! written out (`tr.invoice_total`, `.at("envelope_draft_mark")`), or the start of one in a
//! string that a template completes (`"launch_checklist_status_" ~ st`). A message named in
//! no source reaches no document, which could not have shown it anyway.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use crate::locale::{Locale, Locales};

/// Per locale and template file (`invoice.typ`, `invoice.md`), the messages it reads.
#[derive(Debug, Default)]
pub struct Words {
    by: HashMap<(String, String), Arc<Value>>,
}

impl Words {
    /// Reads every template of `dir` (`*.typ`, `*.md`) once and picks each one's messages
    /// from every locale.
    pub fn new(dir: &Path, locales: &Locales) -> Words {
        let sources: BTreeMap<String, String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .filter_map(|e| {
                        let name = e.file_name().to_str()?.to_string();
                        let template = name.ends_with(".typ") || name.ends_with(".md");
                        let text = template.then(|| std::fs::read_to_string(e.path()).ok())??;
                        Some((name, text))
                    })
                    .collect()
            })
            .unwrap_or_default();
        // Each file read once: the words it writes, its prefixes and the files it names.
        let read: HashMap<&str, Named<'_>> = sources
            .iter()
            .map(|(name, text)| (name.as_str(), Named::of(text, &sources)))
            .collect();
        // Every locale has the reference's messages (a gap stops the run before anything
        // renders), so each template's ids are chosen once, from the reference.
        let ids: Vec<&String> = match locales.get(crate::locale::DEFAULT) {
            Some(reference) => reference.labels().keys().collect(),
            None => Vec::new(),
        };
        let mut by = HashMap::new();
        for file in sources.keys() {
            let closure = closure(file, &read);
            let used: Vec<&str> = ids
                .iter()
                .map(|id| id.as_str())
                .filter(|id| closure.iter().any(|n| n.reads(id)))
                .collect();
            for tag in locales.tags() {
                let Some(locale) = locales.get(tag) else {
                    continue;
                };
                let labels = locale.labels();
                let words: serde_json::Map<String, Value> = used
                    .iter()
                    .filter_map(|id| {
                        Some((id.to_string(), Value::String(labels.get(*id)?.clone())))
                    })
                    .collect();
                by.insert(
                    (tag.to_string(), file.clone()),
                    Arc::new(Value::Object(words)),
                );
            }
        }
        Words { by }
    }

    /// The messages `file` reads in `locale`, as the JSON object templates see; all of the
    /// locale's for a file not read at start-up.
    pub fn of(&self, locale: &Locale, file: &str) -> Arc<Value> {
        match self.by.get(&(locale.tag().to_string(), file.to_string())) {
            Some(words) => Arc::clone(words),
            None => Arc::new(all(locale)),
        }
    }
}

/// What one template file names.
struct Named<'a> {
    /// Its words (runs of letters, digits, `_` and `-`).
    words: HashSet<&'a str>,
    /// Strings ending in `_` that the template completes (`"launch_checklist_status_"`).
    prefixes: Vec<&'a str>,
    /// The template files it names (`"/_house.typ"`, `"_header.md"`).
    files: Vec<&'a str>,
}

impl<'a> Named<'a> {
    fn of(text: &'a str, sources: &BTreeMap<String, String>) -> Named<'a> {
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
        let words = text
            .split(|c: char| !word(c))
            .filter(|t| !t.is_empty())
            .collect();
        let mut prefixes = Vec::new();
        let mut files = Vec::new();
        for quoted in text.split('"').skip(1).step_by(2) {
            if quoted.len() > 1 && quoted.ends_with('_') && quoted.chars().all(word) {
                prefixes.push(quoted);
            }
            let target = quoted.trim_start_matches('/');
            if sources.contains_key(target) {
                files.push(target);
            }
        }
        Named {
            words,
            prefixes,
            files,
        }
    }

    fn reads(&self, id: &str) -> bool {
        self.words.contains(id) || self.prefixes.iter().any(|p| id.starts_with(p))
    }
}

/// `file` and the files it names, transitively.
fn closure<'n, 'a>(file: &str, read: &'n HashMap<&str, Named<'a>>) -> Vec<&'n Named<'a>> {
    let mut seen = HashSet::new();
    let mut todo = vec![file];
    let mut out = Vec::new();
    while let Some(next) = todo.pop() {
        if !seen.insert(next) {
            continue;
        }
        if let Some(named) = read.get(next) {
            out.push(named);
            todo.extend(named.files.iter().copied());
        }
    }
    out
}

fn all(locale: &Locale) -> Value {
    Value::Object(
        locale
            .labels()
            .iter()
            .map(|(id, text)| (id.clone(), Value::String(text.clone())))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_reads_what_it_and_its_imports_name() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let locales = Locales::load(&dir).expect("the shipped locales");
        let words = Words::new(&dir, &locales);
        let de = locales.get("de-DE").expect("de-DE");
        let invoice = words.of(de, "invoice.typ");
        let credit = words.of(de, "credit-note.typ");
        let checklist = words.of(de, "launch-checklist.md");
        for (what, words, id) in [
            ("its own", &invoice, "invoice_amount_due"),
            ("the house style's", &invoice, "page_of"),
            (
                "the invoice layout it imports",
                &credit,
                "invoice_amount_due",
            ),
            (
                "a prefix it completes",
                &checklist,
                "launch_checklist_status_blocked",
            ),
            ("the header it includes", &checklist, "draft_banner"),
        ] {
            assert!(words.get(id).is_some(), "{what}: {id}");
        }
        assert!(invoice.get("statement_balance").is_none());
        assert!(invoice.as_object().map_or(0, |o| o.len()) < de.labels().len() / 3);
        // A template read after start-up gets every message.
        let other = words.of(de, "not-read.typ");
        assert_eq!(other.as_object().map(|o| o.len()), Some(de.labels().len()));
    }
}
