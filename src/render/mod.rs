//! Stage 5, render: a gate-cleared artifact to Markdown (Tera) and to PDF (Typst).
//!
//! In: a [`Cleared`] value (nothing else is accepted, so nothing renders without its gate)
//! and the engagement. Out: the Markdown text (the reviewable copy: YAML front matter, then
//! the content in reading order) and the Typst job that lays the PDF out.
//!
//! The PDF is not the Markdown converted: each kind has a Typst layout of its own
//! (`templates/<layout>.typ`, on the house style of `templates/_house.typ`) that reads the
//! document's data from the `/meta.json` virtual file, so every value is text Typst shows,
//! never markup or code it evaluates. The main file is two fixed lines that call the layout.

pub mod eml;
pub mod files;
pub mod glyphs;
pub mod markdown;
pub mod markup;
pub mod typeset;
pub mod words;

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::gate::{Cleared, Decision};
use crate::locale::{Locale, Locales};
use crate::model::{Address, Engagement, KindRule, Layout};

pub use typeset::Typesetter;

/// Templates and fonts, loaded once per run.
#[derive(Debug)]
pub struct Renderer {
    tera: tera::Tera,
    locales: Arc<Locales>,
    /// The messages each template reads (see [`words`]).
    words: words::Words,
    typesetter: Typesetter,
    source_date_epoch: Option<i64>,
}

/// The Markdown of one artifact and what Typst needs to make its PDF.
#[derive(Debug, Clone)]
pub struct MarkdownDoc {
    /// The Markdown file's text.
    pub markdown: String,
    /// The Typst main file of the first layout pass.
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
    /// Further files of a final rendering (`email-sequence-1.eml`...): name and bytes.
    pub extra: Vec<(String, Vec<u8>)>,
    /// A final e-invoice: its format and XML. For Factur-X the PDF is then PDF/A-3b with
    /// the XML attached as `factur-x.xml` and the Factur-X XMP metadata.
    pub einvoice: Option<(crate::model::EInvoice, Vec<u8>)>,
    /// The fields it prints whose text has characters no served font has (each prints as a
    /// box), with those characters: see [`glyphs`].
    pub uncovered: Vec<(String, Vec<char>)>,
}

impl Renderer {
    /// Loads `templates/*.md`, `templates/*.typ`, `templates/locales/*/*.ftl` and `fonts/*`.
    ///
    /// # Errors
    /// Besides a template or font that does not load, a translation file that lacks a
    /// message of the reference locale (see [`Locales::check`]): nothing renders with a gap
    /// that would print an English word in another language.
    /// `known` holds font infos of an earlier run ([`Renderer::font_faces`]; empty for none).
    pub fn new(
        templates_dir: &Path,
        fonts_dir: &Path,
        known: &typeset::KnownFaces,
    ) -> Result<Renderer> {
        let locales = Arc::new(Locales::load(templates_dir)?);
        locales.check()?;
        Ok(Renderer {
            tera: markdown::load_templates(templates_dir, Arc::clone(&locales))?,
            words: words::Words::new(templates_dir, &locales),
            locales,
            typesetter: Typesetter::new(templates_dir, fonts_dir, known)?,
            source_date_epoch: None,
        })
    }

    /// Every font file's stamp and faces' infos, for the next run (see [`Renderer::new`]).
    pub fn font_faces(&self) -> &typeset::KnownFaces {
        self.typesetter.faces()
    }

    /// The translations it words documents with (loaded and checked by [`Renderer::new`]).
    pub fn locales(&self) -> &Arc<Locales> {
        &self.locales
    }

    /// Pins `today()` and the PDF creation date to `SOURCE_DATE_EPOCH` (see
    /// [`crate::options::Options::source_date_epoch`]); `None` keeps the document dates.
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
        let locale = self
            .locales
            .for_engagement(engagement.locale.as_deref())
            .map_err(|message| {
                Error::data(
                    crate::error::Location {
                        file: format!("{}/engagement.toml", engagement.id).into(),
                        line: None,
                        column: None,
                        field: Some("locale".into()),
                    },
                    message,
                )
            })?;
        let files = crate::output::Files::of(&rule.kind, evaluation.key.as_deref());
        let date = document_date(cleared.section(), engagement);
        let mut missing = Vec::new();
        for m in &evaluation.missing {
            missing.push(locale.message(
                "draft_missing_approval",
                &[
                    ("gate", &m.gate),
                    ("action", &m.action),
                    ("scope", &m.scope),
                    ("found", &m.found),
                ],
            )?);
        }
        for f in &evaluation.missing_facts {
            missing.push(locale.message("draft_missing_fact", &[("field", f)])?);
        }
        for f in &evaluation.einvoice_missing {
            missing.push(locale.message("draft_missing_einvoice", &[("what", f)])?);
        }
        let title = title_in(locale, rule);
        let doc = DocMeta {
            kind: &rule.kind,
            key: evaluation.key.as_deref(),
            title: &title,
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
        context.insert("addr", &formatted_addresses(engagement, locale));
        context.insert("tr", &*self.words.of(locale, &rule.template));
        context.insert("locale", locale.tag());
        context.insert("lang", locale.language());
        let calc = crate::derive::context(rule, engagement, locale)?;
        if let Some(calc) = &calc {
            context.insert("calc", calc);
        }
        let mut markdown = markdown::render(&self.tera, &rule.template, &context)?;
        if let Some(key) = evaluation.key.as_deref() {
            with_key(&mut markdown, key);
        }

        let meta = if rule.layout.is_envelope() {
            // The same standardized lines and bars the Markdown proof shows.
            let mut meta = serde_json::to_value(&doc).unwrap_or(Value::Null);
            if let Some(calc) = &calc {
                envelope_meta(&mut meta, calc);
            }
            // Its one word that is not USPS's, the draft mark, in the sender's language.
            meta["tr"] = (*self.words.of(locale, &rule.layout.file())).clone();
            meta
        } else {
            let mut meta = self.layout_meta(
                &doc,
                locale,
                engagement,
                state,
                cleared.section(),
                calc.as_ref(),
            )?;
            // The words its layout reads (translations are templates, not data: they are
            // not sanitized as the data is).
            meta["tr"] = (*self.words.of(locale, &rule.layout.file())).clone();
            meta
        };
        let d = engagement.as_of.0;
        let today = match self.source_date_epoch.and_then(epoch_date) {
            Some(day) => day,
            None => date_parts(&date).unwrap_or((d.year(), u8::from(d.month()), d.day())),
        };
        let mut extra = if rule.eml && cleared.decision() == Decision::Final {
            let email = Some(engagement.provider.email.as_str());
            eml::drafts(&engagement.id, &files, cleared.section(), email, &date)?
        } else {
            Vec::new()
        };
        // A final e-invoice: the XML beside the PDF (`invoice.xml`) and, for Factur-X,
        // inside it.
        let einvoice = match evaluation.einvoice {
            Some(format) if cleared.decision() == Decision::Final => {
                let xml = crate::einvoice::invoice_xml(
                    engagement,
                    &rule.kind,
                    &evaluation.document_id,
                    format,
                )?;
                extra.push((files.xml(), xml.clone()));
                Some((format, xml))
            }
            _ => None,
        };
        // What no served font can draw, in the section and the parties' details it prints.
        let mut uncovered = Vec::new();
        let covers = |c: char| self.typesetter.covers(c);
        glyphs::uncovered_fields(cleared.section(), &rule.section, &covers, &mut uncovered);
        for shared in ["client", "provider", "client_details", "addresses"] {
            if let Some(value) = state.get(shared) {
                glyphs::uncovered_fields(value, shared, &covers, &mut uncovered);
            }
        }
        Ok(MarkdownDoc {
            extra,
            einvoice,
            uncovered,
            markdown,
            typst: main_typ(&rule.layout, None),
            meta: crate::error::json_bytes(&meta)?,
            ident: format!("docket/{}/{}", engagement.id, files.stem()),
            today,
            layout: rule.layout.clone(),
            timestamp: self.source_date_epoch,
        })
    }

    /// Typesets a prepared document to PDF bytes.
    pub fn pdf(&self, name: &str, doc: &MarkdownDoc) -> Result<typeset::Typeset> {
        let Some((format, xml)) = doc.einvoice.as_ref().filter(|(f, _)| f.embedded()) else {
            return self.typesetter.document(
                name,
                &|total| main_typ(&doc.layout, total),
                doc.meta.clone(),
                &doc.ident,
                doc.today,
                doc.timestamp,
            );
        };
        let typeset = self.typesetter.pdf_a3(
            name,
            &|total| format!("{}{}", main_typ(&doc.layout, total), ATTACH_FACTUR_X),
            doc.meta.clone(),
            xml.clone(),
            &doc.ident,
            doc.today,
            doc.timestamp,
        )?;
        let pdf = crate::einvoice::xmp::add_factur_x(&typeset.pdf, *format).map_err(|message| {
            Error::EInvoice {
                document: name.to_string(),
                message,
            }
        })?;
        Ok(typeset::Typeset { pdf, ..typeset })
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
    /// [`Error::Internal`] when a document is not an envelope or there are none; a typesetting
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
            return Err(Error::Internal(format!("{name}: no envelopes to typeset")));
        }
        let mut pages = Vec::with_capacity(docs.len());
        for doc in docs {
            if !doc.layout.is_envelope() {
                return Err(Error::Internal(format!(
                    "{name}: {} is not an envelope",
                    doc.ident
                )));
            }
            let page: Value = serde_json::from_slice(&doc.meta)
                .map_err(|e| Error::Internal(format!("{name}: {}: {e}", doc.ident)))?;
            pages.push(page);
        }
        let meta = serde_json::json!({ "title": title, "pages": pages });
        let meta = serde_json::to_vec(&meta).map_err(|e| Error::Internal(e.to_string()))?;
        self.typesetter.pdf(
            name,
            &|_| {
                "#import \"/envelope.typ\": envelopes\n#envelopes(json(\"/meta.json\"))\n"
                    .to_string()
            },
            meta,
            ident,
            today,
            self.source_date_epoch,
        )
    }
}

impl Renderer {
    /// The data a document layout reads as `/meta.json`: the document's metadata (`doc`),
    /// the house (`house`: the provider's letterhead, legal footer and brand), the addressee
    /// (`client`), the engagement's shared state (`e`: tracks, provider, client details), the
    /// artifact's section (`s`), the computed figures (`calc`) and the display lines of every
    /// address (`addr`). Every string goes through [`markup::text_char`], the one
    /// normalisation every output shares.
    fn layout_meta(
        &self,
        doc: &DocMeta<'_>,
        locale: &Locale,
        engagement: &Engagement,
        state: &Value,
        section: &Value,
        calc: Option<&Value>,
    ) -> Result<Value> {
        let provider = &engagement.provider;
        let known = |v: &str| (!crate::text::is_tbd(v)).then(|| v.to_string());
        if let Some(logo) = &provider.brand.logo
            && !self.typesetter.has_asset(logo)
        {
            return Err(Error::Setup(format!(
                "{}: provider.brand.logo `{logo}` is not in the templates folder's assets/ \
                 (docket serves Typst only the files it loaded from there)",
                engagement.id
            )));
        }
        let addresses = formatted_addresses(engagement, locale);
        let lines_of = |key: &str| addresses.get(key).cloned().unwrap_or_default();
        let client = &engagement.client_details;
        let mut shared = state.clone();
        if let Value::Object(map) = &mut shared {
            map.retain(|k, _| SHARED.contains(&k.as_str()));
        }
        let mut meta = serde_json::json!({
            "doc": doc,
            "house": {
                "name": provider.name,
                "legal_name": provider.legal_name,
                "address": lines_of(&provider.address).get(1..).map(<[String]>::to_vec).unwrap_or_default(),
                "email": known(&provider.email),
                "phone": provider.phone.as_deref().and_then(known),
                "website": provider.website.as_deref().and_then(known),
                "tax_id": known(&provider.tax_id),
                "accent": provider.brand.accent.as_deref().unwrap_or("#1f3a5f"),
                "logo": provider.brand.logo.as_ref().map(|l| format!("/{l}")),
            },
            "client": {
                "name": engagement.client,
                "legal_name": client.legal_name,
                "tax_id": known(&client.tax_id),
                "sponsor": known(&client.sponsor),
                "sponsor_title": known(&client.sponsor_title),
                "address": lines_of(&client.billing_address),
            },
            "e": shared,
            "s": section,
            "calc": calc,
            "addr": addresses,
            "lang": locale.language(),
            "region": locale.region(),
            "rtl": locale.rtl(),
            "dates": dates_in(locale, [section, state]),
        });
        sanitize(&mut meta);
        Ok(meta)
    }
}

/// The engagement-level fields a layout may show besides its own section.
const SHARED: &[&str] = &[
    "id",
    "client",
    "workflow",
    "lifecycle_stage",
    "scope",
    "as_of",
    "next_skill",
    "next_action",
    "next_owner",
    "provider",
    "client_details",
    "tracks",
];

/// Maps every string in a JSON value through [`markup::text_char`]: control and bidi
/// override characters dropped, line breaks as spaces (what the Markdown shows too).
fn sanitize(value: &mut Value) {
    match value {
        Value::String(s) if s.chars().any(|c| markup::text_char(c) != Some(c)) => {
            *s = s.chars().filter_map(markup::text_char).collect();
        }
        Value::Array(items) => items.iter_mut().for_each(sanitize),
        Value::Object(map) => map.values_mut().for_each(sanitize),
        _ => {}
    }
}

/// The main file of a document: it imports the kind's layout and calls it with the data
/// and the page total (`none` on the first pass).
fn main_typ(layout: &Layout, total: Option<usize>) -> String {
    let total = total.map_or_else(|| "none".to_string(), |n| n.to_string());
    format!(
        "#import \"/{}\": layout\n#layout(json(\"/meta.json\"), total: {total})\n",
        layout.file()
    )
}

/// The line a Factur-X document's main file ends with: the XML, served by the World as
/// the virtual file `/factur-x.xml`, attached as the alternative (data) form of the invoice.
const ATTACH_FACTUR_X: &str = "#pdf.attach(\"/factur-x.xml\", relationship: \"alternative\", \
    mime-type: \"text/xml\", description: \"Factur-X invoice (EN 16931)\")\n";

/// Copies what the envelope layout draws from the derived facts into its `/meta.json`: the
/// address lines as printed and the barcode's 65 bars (null when none is printed).
fn envelope_meta(meta: &mut Value, calc: &Value) {
    meta["sender"] = calc["sender"].clone();
    meta["recipient"] = calc["recipient"].clone();
    meta["bars"] = calc["barcode"]["bars"].clone();
}

/// What every template and the Typst theme know about the document.
#[derive(Debug, Serialize)]
pub(crate) struct DocMeta<'a> {
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
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

/// One of many documents of a kind says which in its front matter: `key: "milestone-2"`
/// after its `kind:` line. Added here rather than by the templates, so that documents of the
/// one-table form keep the bytes (and template digests) they always had.
fn with_key(markdown: &mut String, key: &str) {
    if !markdown.starts_with("---\n") {
        return;
    }
    let Some(end) = markdown[4..].find("\n---\n").map(|e| e + 4) else {
        return;
    };
    if let Some(kind) = markdown[..end].find("\nkind: ")
        && let Some(eol) = markdown[kind + 1..end].find('\n').map(|e| e + kind + 1)
    {
        markdown.insert_str(eol, &format!("\nkey: {}", markdown::yaml_quoted(key)));
    }
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

/// Addresses as display lines for documents (not the envelope's USPS form), in the
/// document's locale.
fn formatted_addresses<'a>(
    engagement: &'a Engagement,
    locale: &Locale,
) -> std::collections::BTreeMap<&'a str, Vec<String>> {
    engagement
        .addresses
        .iter()
        .map(|(k, a)| (k.as_str(), display_lines(a, locale)))
        .collect()
}

/// An address as a document prints it: name, organization, street lines, then the
/// locality in the destination's own order ([`crate::usps::address::locality_line`]:
/// `10115 Berlin`, `Seattle, WA 98101`) and, for an address in another country than the
/// document's region, the country's name in the document's language.
fn display_lines(a: &Address, locale: &Locale) -> Vec<String> {
    let mut lines = vec![a.name.clone()];
    lines.extend(a.organization.clone());
    lines.extend(a.lines.iter().cloned());
    lines.push(crate::usps::address::locality_line(
        &a.country,
        &a.city,
        &a.region,
        &a.postal_code,
    ));
    let home = locale.region().unwrap_or("US");
    if !a.country.eq_ignore_ascii_case(home) {
        lines.push(locale.country(&a.country.to_ascii_uppercase()));
    }
    lines
}

/// A kind's title in the document's language: the locale's `title_<kind>` message
/// (`title_invoice`), or the rules' `title` for a kind the translations do not name.
fn title_in(locale: &Locale, rule: &KindRule) -> String {
    let id = format!("title_{}", rule.kind.replace('-', "_"));
    locale
        .labels()
        .get(&id)
        .cloned()
        .unwrap_or_else(|| rule.title.clone())
}

/// Every `YYYY-MM-DD` date among the strings of `values`, written out in the locale: the
/// layouts' `date()` looks its argument up here (Typst has no CLDR data of its own).
fn dates_in<'a>(
    locale: &Locale,
    values: impl IntoIterator<Item = &'a Value>,
) -> std::collections::BTreeMap<String, String> {
    fn walk(value: &Value, locale: &Locale, out: &mut std::collections::BTreeMap<String, String>) {
        match value {
            Value::String(s) if s.len() == 10 && !out.contains_key(s) => {
                let written = locale.date(s);
                if written != *s {
                    out.insert(s.clone(), written);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, locale, out)),
            Value::Object(map) => map.values().for_each(|v| walk(v, locale, out)),
            _ => {}
        }
    }
    let mut out = std::collections::BTreeMap::new();
    for value in values {
        walk(value, locale, &mut out);
    }
    out
}
