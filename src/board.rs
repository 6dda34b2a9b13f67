//! The status board: `output/index.html` and one page per engagement.
//!
//! An engagement lead with 40 engagements, or a billing office with 2,000, wants to see at
//! a glance what is final, what waits and on whom, without opening a report per engagement.
//! Every build that changes something writes:
//!
//! - `<out>/<id>/index.html`, the engagement's page (with its reports): decisions with
//!   reasons, approvals with approver, evidence and scope, tracks, open questions, the next
//!   step, and every document's links beside a thumbnail of its first page;
//! - `<out>/index.html`, the portfolio: one row per engagement, one cell per lifecycle
//!   stage (plus the security overlay) labelled final / draft / blocked / not started; the
//!   "waiting on" list, oldest first; counts; filters and a search box.
//!
//! Both are single self-contained files: no CDN, no fetch, no network (a Content Security
//! Policy forbids it, and allows only the page's own script by its hash), working from
//! `file://`. Data is never markup: the engagement page is a Tera template with HTML
//! autoescaping, and the portfolio's data is inlined as JSON (escaped so it cannot end its
//! script element) that the script puts into the page with `textContent` only.
//!
//! Kept small for 10,000 engagements: each engagement's row is computed when it is built and
//! kept in its build manifest, and every row as the page embeds it in the rows cache
//! ([`crate::output::ROWS_CACHE`], checked against each manifest's stat), so a build that changes one
//! engagement copies the others' rows without reading their manifests; rows use short keys
//! and one-letter stage codes, and the page renders rows in batches.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::locale::{Locale, Locales};
use crate::model::Rules;
use crate::report::EngagementReport;
use crate::report::row::{Owed, Row};

/// The stage columns of the portfolio: each lifecycle stage, then the overlay.
fn columns(rules: &Rules) -> Vec<(String, String)> {
    rules
        .stage
        .iter()
        .map(|s| (s.name.clone(), s.artifact.clone()))
        .chain(std::iter::once((
            "security".to_string(),
            rules.overlay.artifact.clone(),
        )))
        .collect()
}

/// The board's locale: the language of the people who read it (`[board] locale` in the
/// rules, [`crate::locale::DEFAULT`] when none), whatever each engagement's documents are
/// written in.
///
/// # Errors
/// A located error at `board.locale` when the templates have no such locale.
pub fn locale<'l>(
    locales: &'l Locales,
    rules: &Rules,
    rules_file: Option<&Path>,
) -> Result<&'l Locale> {
    locales
        .for_engagement(rules.board.locale.as_deref())
        .map_err(|message| {
            Error::data(
                crate::load::locate_rule(rules_file, "board.locale"),
                message,
            )
        })
}

/// The board's message `id`; a message the reference locale lacks is docket's bug, shown as
/// its id rather than stopping a build.
fn word(locale: &Locale, id: &str) -> String {
    locale
        .labels()
        .get(id)
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

/// `{{board_id}}` in a page template replaced by its message, escaped for HTML.
fn fill_words(template: &str, locale: &Locale) -> String {
    let mut out = String::with_capacity(template.len() + template.len() / 8);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                out.push_str(&escape(&word(locale, after[..end].trim())));
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The words the portfolio's script writes into the page, by the names it uses.
fn script_words(locale: &Locale) -> std::collections::BTreeMap<&'static str, String> {
    [
        ("f", "board_final"),
        ("d", "board_draft"),
        ("b", "board_blocked"),
        ("n", "board_not_started"),
        ("owed", "board_owed"),
        ("next", "board_next"),
        ("owner", "board_owner"),
        ("counts", "board_counts"),
        ("locale", "board_document_locale"),
    ]
    .into_iter()
    .map(|(key, id)| (key, word(locale, id)))
    .collect()
}

/// JSON that can sit inside a `<script>` element: nothing in it can close the element or
/// open a comment, whatever the data holds.
fn script_json<T: Serialize>(value: &T) -> String {
    // serde_json fails only on a map with non-string keys, which no board data has.
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    // One pass (the portfolio's data is megabytes at ten thousand engagements).
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The CSP hash source of an inline script.
fn csp_hash(script: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(script.as_bytes());
    use base64::Engine;
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

const INDEX_TEMPLATE: &str = include_str!("board/index.html");
const INDEX_SCRIPT: &str = include_str!("board/index.js");
const ENGAGEMENT_TEMPLATE: &str = include_str!("board/engagement.html");
const STYLE: &str = include_str!("board/style.css");

/// The portfolio page: `owed` is every row's receivables, `rows` every row as script JSON
/// (see [`script_json`]), in the page's order.
fn index_page<'a>(
    rules: &Rules,
    locale: &Locale,
    owed: impl Iterator<Item = &'a [Owed]>,
    rows: impl Iterator<Item = &'a str>,
) -> String {
    // {"columns":[...],"rows":[row,row,...]}, assembled from rows already serialized: at
    // ten thousand engagements the data is 15 MB, and serializing it again on every build
    // cost more than all the rest of a one-invoice build.
    let mut data = String::from("{\"columns\":");
    data.push_str(&script_json(&columns(rules)));
    data.push_str(",\"words\":");
    data.push_str(&script_json(&script_words(locale)));
    data.push_str(",\"rows\":[");
    for (i, row) in rows.enumerate() {
        if i > 0 {
            data.push(',');
        }
        data.push_str(row);
    }
    data.push_str("]}");
    // The data goes in last, so nothing in it is ever taken for a marker.
    fill_words(INDEX_TEMPLATE, locale)
        .replacen("/*LANG*/", &lang_attributes(locale), 1)
        .replacen("/*STYLE*/", STYLE, 1)
        .replacen("/*CSP*/", &csp_hash(INDEX_SCRIPT), 1)
        .replacen("/*SCRIPT*/", INDEX_SCRIPT, 1)
        .replacen("<!--OWED-->", &owed_html(locale, owed), 1)
        .replacen("/*DATA*/", &data, 1)
}

/// `lang="de-DE"`, with `dir="rtl"` for a language written right to left.
fn lang_attributes(locale: &Locale) -> String {
    let dir = if locale.rtl() { " dir=\"rtl\"" } else { "" };
    format!("lang=\"{}\"{dir}", escape(locale.tag()))
}

/// Text for HTML: `&`, `<`, `>` and quotes escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The portfolio's receivables: per currency, the total open and past due, and a bar chart
/// of its aging (an SVG drawn here, with the figures written beside the bars: the chart is
/// for looking, the numbers for reading). Currencies are never summed together.
fn owed_html<'a>(locale: &Locale, rows: impl Iterator<Item = &'a [Owed]>) -> String {
    use rust_decimal::Decimal;
    use std::str::FromStr;
    let mut totals: std::collections::BTreeMap<&str, (Decimal, Decimal, [Decimal; 5], usize)> =
        std::collections::BTreeMap::new();
    for owed in rows {
        for o in owed {
            let t = totals.entry(o.cur.as_str()).or_insert((
                Decimal::ZERO,
                Decimal::ZERO,
                [Decimal::ZERO; 5],
                0,
            ));
            t.0 += Decimal::from_str(&o.open).unwrap_or_default();
            t.1 += Decimal::from_str(&o.od).unwrap_or_default();
            for (i, b) in o.b.iter().enumerate().take(5) {
                t.2[i] += Decimal::from_str(b).unwrap_or_default();
            }
            t.3 += 1;
        }
    }
    if totals.is_empty() {
        return format!("<p>{}</p>", escape(&word(locale, "board_nothing_owed")));
    }
    // The amounts are set in bold inside the translated sentence: it is written with
    // markers, escaped, then the markers become the escaped amounts.
    const OPEN: &str = "\u{e000}";
    const OVERDUE: &str = "\u{e001}";
    let mut html = String::new();
    for (cur, (open, overdue, buckets, clients)) in &totals {
        let fmt = |d: Decimal| crate::money::in_locale(locale, d, cur);
        let caption = locale
            .counted(
                "board_owed_caption",
                ("count", *clients as u64),
                &[("open", OPEN), ("overdue", OVERDUE)],
            )
            .unwrap_or_else(|_| format!("{OPEN} {OVERDUE}"));
        let caption = escape(&caption)
            .replacen(
                OPEN,
                &format!("<strong>{}</strong>", escape(&fmt(*open))),
                1,
            )
            .replacen(OVERDUE, &escape(&fmt(*overdue)), 1);
        html.push_str(&format!(
            "<figure class=\"owed\" data-currency=\"{}\"><figcaption>{caption}</figcaption>",
            escape(cur)
        ));
        html.push_str(&aging_svg(locale, cur, buckets, &fmt));
        html.push_str("</figure>");
    }
    html
}

/// A horizontal bar chart of one currency's aging buckets: one labelled bar per bucket,
/// its length proportional to the amount, the amount written after it.
fn aging_svg(
    locale: &Locale,
    cur: &str,
    buckets: &[rust_decimal::Decimal; 5],
    fmt: &dyn Fn(rust_decimal::Decimal) -> String,
) -> String {
    use rust_decimal::Decimal;
    use rust_decimal::prelude::ToPrimitive;
    const COLORS: [&str; 5] = ["#1f7a3f", "#9a6400", "#c05a00", "#b3261e", "#7a1410"];
    let max = buckets.iter().copied().max().unwrap_or(Decimal::ZERO);
    let (label_w, bar_w, row_h) = (96.0, 260.0, 22.0);
    let height = row_h * 5.0 + 6.0;
    let mut svg = format!(
        "<svg class=\"aging\" role=\"img\" viewBox=\"0 0 480 {height}\" width=\"480\" height=\"{height}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
        escape(
            &locale
                .message("board_aging_of", &[("currency", cur)])
                .unwrap_or_else(|_| cur.to_string())
        )
    );
    for (i, (bucket, amount)) in crate::receivables::Bucket::ALL
        .iter()
        .zip(buckets)
        .enumerate()
    {
        // The bar's length is display only; the amount printed beside it is exact.
        let share = if max.is_zero() {
            0.0
        } else {
            (*amount / max).to_f64().unwrap_or(0.0)
        };
        let y = 3.0 + row_h * i as f64;
        let w = if amount.is_zero() {
            0.0
        } else {
            (bar_w * share).max(2.0)
        };
        svg.push_str(&format!(
            "<g data-bucket=\"{id}\"><text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\" font-size=\"12\" fill=\"#5b6573\">{label}</text>\
             <rect x=\"{bx}\" y=\"{y}\" width=\"{w:.1}\" height=\"{bh}\" fill=\"{color}\"/>\
             <text x=\"{vx:.1}\" y=\"{ty}\" font-size=\"12\" fill=\"#1d2430\">{value}</text></g>",
            id = bucket.id(),
            lx = label_w - 6.0,
            ty = y + 13.0,
            label = escape(&word(locale, bucket.message_id())),
            bx = label_w,
            bh = row_h - 6.0,
            color = COLORS[i],
            vx = label_w + w + 6.0,
            value = escape(&fmt(*amount)),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A document's links and thumbnail on its engagement page.
#[derive(Debug, Serialize)]
struct Document {
    kind: String,
    /// Its title as the document itself says it, in its engagement's locale.
    title: String,
    id: String,
    progress: &'static str,
    reasons: Vec<String>,
    files: Vec<String>,
    thumbnail: Option<String>,
}

/// The engagement page's template, parsed once per process (parsing it for every engagement
/// was 8% of a build's samples). It is compiled in, so an error here is docket's bug, but it
/// is reported rather than panicked on.
static ENGAGEMENT_TERA: std::sync::LazyLock<std::result::Result<tera::Tera, String>> =
    std::sync::LazyLock::new(|| {
        let mut tera = tera::Tera::default();
        tera.add_raw_template("engagement.html", ENGAGEMENT_TEMPLATE)
            .map_err(|e| e.to_string())?;
        Ok(tera)
    });

/// The engagement's page (`<out>/<id>/index.html`), in the board's locale; the documents'
/// titles in theirs (`documents`), marked with it. Links are relative to the page.
pub fn engagement_html(
    report: &EngagementReport,
    thumbnails: &[String],
    board: &Locale,
    documents: &Locale,
) -> Result<String> {
    let handoff = crate::report::handoff(report);
    let listed: Vec<Document> = report
        .artifacts
        .iter()
        .map(|a| {
            let files: Vec<String> = a
                .outputs
                .iter()
                .map(|p| p.rsplit('/').next().unwrap_or(p).to_string())
                .collect();
            let thumb = a.files().thumbnail();
            Document {
                kind: a.name(),
                // One of many documents of a kind shows which: "Invoice · deposit".
                title: {
                    let own = format!("title_{}", a.kind.replace('-', "_"));
                    let title = documents.labels().get(&own).unwrap_or(&a.title);
                    match &a.key {
                        Some(key) => format!("{title} · {key}"),
                        None => title.clone(),
                    }
                },
                id: a.document_id.clone(),
                progress: a.progress.as_str(),
                reasons: a.reasons.clone(),
                thumbnail: thumbnails
                    .iter()
                    .any(|t| t == a.files().stem())
                    .then_some(thumb),
                files,
            }
        })
        .collect();
    let tera = ENGAGEMENT_TERA
        .as_ref()
        .map_err(|message| Error::Template {
            template: "board/engagement.html".into(),
            message: message.clone(),
        })?;
    let invoices: Vec<serde_json::Value> = report
        .receivables
        .iter()
        .flat_map(|a| &a.invoices)
        .map(|i| {
            let money = |d: rust_decimal::Decimal| crate::money::in_locale(board, d, &i.currency);
            let date = |d: Option<crate::model::Date>| {
                d.map_or_else(
                    || crate::model::TBD.to_string(),
                    |d| board.date(&d.to_string()),
                )
            };
            serde_json::json!({
                "number": i.number,
                "name": i.name,
                "state": i.state.as_str(),
                "state_word": word(board, i.state.message_id()),
                "issue_date": date(i.issue_date),
                "due_date": date(i.due_date),
                "amount": money(i.amount),
                "paid": money(i.paid),
                "credited": money(i.credited),
                "open": money(i.open),
                "days_overdue": i.days_overdue,
                "reminders": i.reminders_sent,
            })
        })
        .collect();
    // What the template shows for a progress (`not started`) or a track's status (`done`).
    let progress: std::collections::BTreeMap<&str, String> = [
        crate::report::Progress::Final,
        crate::report::Progress::Draft,
        crate::report::Progress::Blocked,
        crate::report::Progress::NotStarted,
    ]
    .into_iter()
    .map(|p| {
        let id = format!("board_{}", p.as_str().replace(' ', "_"));
        (p.as_str(), word(board, &id))
    })
    .collect();
    let tracks: std::collections::BTreeMap<String, String> = {
        use crate::model::TrackStatus;
        [
            TrackStatus::Active,
            TrackStatus::Blocked,
            TrackStatus::DraftOnly,
            TrackStatus::Done,
        ]
        .into_iter()
        .filter_map(|status| {
            let name = serde_json::to_value(status).ok()?.as_str()?.to_string();
            let text = word(board, &format!("change_order_status_{name}"));
            Some((name, text))
        })
        .collect()
    };
    let mut context = tera::Context::new();
    context.insert("invoices", &invoices);
    context.insert("r", report);
    context.insert("h", &handoff);
    context.insert("documents", &listed);
    context.insert("t", board.labels());
    context.insert("progress", &progress);
    context.insert("track_status", &tracks);
    context.insert("lang", &lang_attributes(board));
    context.insert("doc_lang", documents.tag());
    context.insert("doc_language", &board.name_of(documents.tag()));
    context.insert("doc_dir", if documents.rtl() { "rtl" } else { "auto" });
    context.insert("style", STYLE);
    tera.render("engagement.html", &context)
        .map_err(|e| Error::Template {
            template: "board/engagement.html".into(),
            message: format!("{e:?}"),
        })
}

/// One line of the rows cache: `folder \t size \t mtime \t owed \t row`, the folder as a
/// JSON string, owed and row as JSON (which never holds a raw tab or newline).
struct CachedRow {
    /// The engagement's folder in the output folder.
    dir: String,
    /// The manifest's stat when the row was read.
    stat: crate::build::incremental::Stat,
    /// The row's receivables (for the portfolio's totals).
    owed: Vec<Owed>,
    /// The row as script JSON.
    json: String,
}

impl CachedRow {
    fn new(dir: &str, stat: crate::build::incremental::Stat, row: &Row) -> CachedRow {
        CachedRow {
            dir: dir.to_string(),
            stat,
            owed: row.ow.clone(),
            json: script_json(row),
        }
    }

    fn line(&self, out: &mut String) {
        use std::fmt::Write;
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            script_json(&self.dir),
            self.stat.0,
            self.stat.1,
            script_json(&self.owed),
            self.json
        );
    }

    fn parse(line: &str) -> Option<CachedRow> {
        let mut f = line.splitn(5, '\t');
        let dir = serde_json::from_str(f.next()?).ok()?;
        let stat = (f.next()?.parse().ok()?, f.next()?.parse().ok()?);
        let owed = serde_json::from_str(f.next()?).ok()?;
        let json = f.next()?.to_string();
        Some(CachedRow {
            dir,
            stat,
            owed,
            json,
        })
    }
}

/// Writes `<out>/index.html` from the rows of every engagement built into `out` (`fresh`
/// holds the rows this build computed; the others come from the rows cache when their
/// manifest is unchanged, else from the manifest). Returns the page's size in bytes.
pub fn write_index(out: &Path, rules: &Rules, locale: &Locale, fresh: &[Row]) -> Result<usize> {
    use crate::build::incremental::stat;
    use crate::output::{MANIFEST, ROWS_CACHE};
    use rayon::prelude::*;
    let fresh: std::collections::BTreeMap<&str, &Row> =
        fresh.iter().map(|r| (r.id.as_str(), r)).collect();
    let dirs: Vec<PathBuf> = std::fs::read_dir(out)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    let text = std::fs::read_to_string(out.join(ROWS_CACHE)).unwrap_or_default();
    let mut cached: std::collections::HashMap<String, CachedRow> = text
        .par_lines()
        .filter_map(CachedRow::parse)
        .map(|c| (c.dir.clone(), c))
        .collect();
    // Per engagement folder with a manifest: its row computed now, read again, or (None)
    // the cached one, still current.
    let looked: Vec<(&str, Option<CachedRow>)> = dirs
        .par_iter()
        .filter_map(|d| {
            let id = d.file_name()?.to_str()?;
            let stat = stat(&d.join(MANIFEST))?;
            if let Some(row) = fresh.get(id) {
                return Some((id, Some(CachedRow::new(id, stat, row))));
            }
            match cached.get(id) {
                Some(c) if c.stat == stat => Some((id, None)),
                _ => {
                    let row = crate::build::incremental::read(d).and_then(|m| m.board)?;
                    Some((id, Some(CachedRow::new(id, stat, &row))))
                }
            }
        })
        .collect();
    let mut rows: Vec<CachedRow> = looked
        .into_iter()
        .filter_map(|(id, row)| row.or_else(|| cached.remove(id)))
        .collect();
    // The page lists rows by engagement id, as each row names it.
    rows.par_sort_by(|a, b| row_id(&a.json).cmp(row_id(&b.json)).then(a.dir.cmp(&b.dir)));
    let html = index_page(
        rules,
        locale,
        rows.iter().map(|r| r.owed.as_slice()),
        rows.iter().map(|r| r.json.as_str()),
    );
    crate::output::write_atomic(&out.join("index.html"), html.as_bytes())?;
    let mut lines = String::with_capacity(text.len().max(html.len()));
    for row in &rows {
        row.line(&mut lines);
    }
    crate::output::write_atomic(&out.join(ROWS_CACHE), lines.as_bytes())?;
    Ok(html.len())
}

/// The engagement id a row's JSON opens with (`{"id":"..."`): rows sort by it.
fn row_id(json: &str) -> &str {
    json.strip_prefix("{\"id\":\"")
        .and_then(|rest| rest.split('"').next())
        .unwrap_or(json)
}
