//! Stage 4, render: a gate-cleared artifact to Markdown (Tera) and to PDF (Typst).
//!
//! In: a [`Cleared`] value (nothing else is accepted, so nothing renders without its gate)
//! and the engagement. Out: the Markdown text and the Typst job that turns it into a PDF.
//! Data reaches Typst only as escaped markup or as the `/meta.json` virtual file.

pub mod files;
pub mod markdown;
pub mod markup;
pub mod typeset;

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::gate::{Cleared, Decision};
use crate::model::{Address, Engagement, KindRule, Layout};

pub use typeset::Typesetter;

/// Templates and fonts, loaded once per run.
#[derive(Debug)]
pub struct Renderer {
    tera: tera::Tera,
    typesetter: Typesetter,
    source_date_epoch: Option<i64>,
}

/// The Markdown of one artifact and what Typst needs to make its PDF.
#[derive(Debug, Clone)]
pub struct MarkdownDoc {
    /// The Markdown file's text.
    pub markdown: String,
    /// The Typst main file.
    pub typst: String,
    /// `/meta.json` for the Typst layout.
    pub meta: Vec<u8>,
    /// Stable PDF identifier.
    pub ident: String,
    /// The document's fixed date (year, month, day): what Typst's `today()` returns.
    pub today: (i32, u8, u8),
    /// The Typst layout it is typeset with (a print run takes envelopes only).
    pub layout: Layout,
    /// The PDF creation date, as seconds since 1970 UTC (`SOURCE_DATE_EPOCH`), if any.
    pub timestamp: Option<i64>,
}

impl Renderer {
    /// Loads `templates/*.md`, `templates/*.typ` and `fonts/*`.
    pub fn new(templates_dir: &Path, fonts_dir: &Path) -> Result<Renderer> {
        Ok(Renderer {
            tera: markdown::load_templates(templates_dir)?,
            typesetter: Typesetter::new(templates_dir, fonts_dir)?,
            source_date_epoch: None,
        })
    }

    /// Pins `today()` and the PDF creation date to `SOURCE_DATE_EPOCH` (see
    /// [`crate::Options::source_date_epoch`]); `None` keeps the document dates.
    pub fn with_source_date_epoch(mut self, epoch: Option<i64>) -> Renderer {
        self.source_date_epoch = epoch;
        self
    }

    /// Renders the Markdown of a cleared artifact and prepares its Typst job.
    pub fn markdown(
        &self,
        rule: &KindRule,
        cleared: &Cleared,
        engagement: &Engagement,
        state: &Value,
    ) -> Result<MarkdownDoc> {
        let evaluation = cleared.evaluation();
        let date = document_date(cleared.section(), engagement);
        let missing: Vec<String> = evaluation
            .missing
            .iter()
            .map(|m| m.describe())
            .chain(
                evaluation
                    .missing_facts
                    .iter()
                    .map(|f| format!("fact {f} is TBD")),
            )
            .collect();
        let doc = DocMeta {
            kind: &rule.kind,
            title: &rule.title,
            id: &evaluation.document_id,
            engagement: &engagement.id,
            client: &engagement.client,
            date: &date,
            decision: cleared.decision(),
            status: match cleared.decision() {
                Decision::Final => "FINAL",
                _ => "DRAFT",
            },
            scope: &evaluation.scope,
            missing,
            open_questions: &evaluation.open_questions,
        };
        let mut context = tera::Context::new();
        context.insert("doc", &doc);
        context.insert("e", state);
        context.insert("s", cleared.section());
        context.insert("addr", &formatted_addresses(engagement));
        let calc = crate::derive::context(rule, engagement)?;
        if let Some(calc) = &calc {
            context.insert("calc", calc);
        }
        let markdown = markdown::render(&self.tera, &rule.template, &context)?;

        let mut meta = serde_json::to_value(&doc).unwrap_or(Value::Null);
        let typst = match rule.layout {
            Layout::Document => {
                let mut t = String::from(
                    "#import \"/document.typ\": theme\n#show: theme.with(json(\"/meta.json\"))\n\n",
                );
                t.push_str(&markup::to_typst(&markdown));
                t
            }
            Layout::Envelope => {
                // The same standardized lines and bars the Markdown proof shows.
                if let Some(calc) = &calc {
                    envelope_meta(&mut meta, calc);
                }
                "#import \"/envelope.typ\": envelope\n#envelope(json(\"/meta.json\"))\n".to_string()
            }
        };
        let d = engagement.as_of.0;
        let today = match self.source_date_epoch.and_then(epoch_date) {
            Some(day) => day,
            None => date_parts(&date).unwrap_or((d.year(), u8::from(d.month()), d.day())),
        };
        Ok(MarkdownDoc {
            markdown,
            typst,
            meta: serde_json::to_vec(&meta).unwrap_or_default(),
            ident: format!("docket/{}/{}", engagement.id, rule.kind),
            today,
            layout: rule.layout,
            timestamp: self.source_date_epoch,
        })
    }

    /// Typesets a prepared document to PDF bytes.
    pub fn pdf(&self, name: &str, doc: &MarkdownDoc) -> Result<Vec<u8>> {
        self.typesetter.pdf(
            name,
            doc.typst.clone(),
            doc.meta.clone(),
            &doc.ident,
            doc.today,
            doc.timestamp,
        )
    }

    /// Typesets several prepared envelopes as one PDF, one #10 page each, in order: a print
    /// run. `title` names the run in the PDF's metadata.
    ///
    /// Why one compilation rather than one PDF per envelope merged afterwards: the pages share
    /// fonts and the layout, a merge would need a PDF library at run time and would duplicate
    /// the embedded fonts per page, and a single Typst document keeps page order and page
    /// count exactly those of `docs`. The layout gets the pages as a JSON array in
    /// `/meta.json` (data never reaches markup), and typesets each with the same function
    /// that makes a single envelope, so both have the same geometry.
    ///
    /// # Errors
    /// [`Error::Usage`] when a document is not an envelope or there are none; a typesetting
    /// error naming `name` otherwise.
    pub fn envelope_run(
        &self,
        name: &str,
        title: &str,
        docs: &[MarkdownDoc],
        ident: &str,
        today: (i32, u8, u8),
    ) -> Result<Vec<u8>> {
        if docs.is_empty() {
            return Err(Error::Usage(format!("{name}: no envelopes to typeset")));
        }
        let mut pages = Vec::with_capacity(docs.len());
        for doc in docs {
            if doc.layout != Layout::Envelope {
                return Err(Error::Usage(format!(
                    "{name}: {} is not an envelope",
                    doc.ident
                )));
            }
            let page: Value = serde_json::from_slice(&doc.meta)
                .map_err(|e| Error::Usage(format!("{name}: {}: {e}", doc.ident)))?;
            pages.push(page);
        }
        let meta = serde_json::json!({ "title": title, "pages": pages });
        let meta = serde_json::to_vec(&meta).map_err(|e| Error::Usage(e.to_string()))?;
        self.typesetter.pdf(
            name,
            "#import \"/envelope.typ\": envelopes\n#envelopes(json(\"/meta.json\"))\n".to_string(),
            meta,
            ident,
            today,
            self.source_date_epoch,
        )
    }
}

/// Copies what the envelope layout draws from the derived facts into its `/meta.json`: the
/// address lines as printed and the barcode's 65 bars (null when none is printed).
fn envelope_meta(meta: &mut Value, calc: &Value) {
    meta["sender"] = calc["sender"].clone();
    meta["recipient"] = calc["recipient"].clone();
    meta["bars"] = calc["barcode"]["bars"].clone();
}

/// What every template and the Typst theme know about the document.
#[derive(Debug, Serialize)]
struct DocMeta<'a> {
    kind: &'a str,
    title: &'a str,
    id: &'a str,
    engagement: &'a str,
    client: &'a str,
    date: &'a str,
    decision: Decision,
    status: &'a str,
    scope: &'a str,
    missing: Vec<String>,
    open_questions: &'a [String],
}

fn document_date(section: &Value, engagement: &Engagement) -> String {
    ["date", "issue_date"]
        .iter()
        .find_map(|k| section.get(*k).and_then(Value::as_str))
        .map_or_else(|| engagement.as_of.to_string(), str::to_string)
}

/// The UTC date of a `SOURCE_DATE_EPOCH`.
fn epoch_date(epoch: i64) -> Option<(i32, u8, u8)> {
    let d = time::OffsetDateTime::from_unix_timestamp(epoch)
        .ok()?
        .date();
    Some((d.year(), u8::from(d.month()), d.day()))
}

fn date_parts(date: &str) -> Option<(i32, u8, u8)> {
    let d = crate::model::Date::parse(date).ok()?.0;
    Some((d.year(), u8::from(d.month()), d.day()))
}

/// Addresses as display lines for documents (not the envelope's USPS form).
fn formatted_addresses(engagement: &Engagement) -> std::collections::BTreeMap<&str, Vec<String>> {
    engagement
        .addresses
        .iter()
        .map(|(k, a)| (k.as_str(), display_lines(a)))
        .collect()
}

fn display_lines(a: &Address) -> Vec<String> {
    let mut lines = vec![a.name.clone()];
    lines.extend(a.organization.clone());
    lines.extend(a.lines.iter().cloned());
    let mut last = a.city.clone();
    if !a.region.is_empty() {
        last.push_str(", ");
        last.push_str(&a.region);
    }
    if !a.postal_code.is_empty() {
        last.push(' ');
        last.push_str(&a.postal_code);
    }
    lines.push(last);
    if a.country != "US" {
        lines.push(a.country.clone());
    }
    lines
}
