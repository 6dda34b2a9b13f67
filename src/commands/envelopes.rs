//! Print runs of #10 envelopes: one multi-page PDF, one page per envelope that may be mailed,
//! across every engagement, and a manifest that accounts for every engagement.
//!
//! Why this exists: `docket build` makes one envelope PDF per engagement, which is a proof; a
//! mail room feeds a printer one file. The envelope's gate (`external_send` approval to
//! send-mail, `recipient` approval to verify-recipient) decides who is in the run: only a
//! `final` envelope is printed, and every other engagement is listed as skipped with the gate's
//! own reasons, so nobody is dropped silently.
//!
//! In: the data folder, through [`crate::plan::plan`] (load, validate, gate). Out: the PDF and its
//! manifest (`<stem>.json`, `<stem>.csv` beside it), written atomically once everything has
//! rendered; if anything fails, nothing is written. Pages follow engagement ids in order, and
//! the manifest gives each printed envelope its page number.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::derive::{Barcode, Imb, envelope_barcode, envelope_lines};
use crate::error::{Error, Location, Result};
use crate::gate::{Decision, Gated};
use crate::model::Engagement;
use crate::options::Options;
use crate::output;
use crate::render::{MarkdownDoc, Renderer};
use crate::text::csv_cell;

/// The artifact kind whose gate and layout a print run uses.
pub const KIND: &str = "envelope";

/// What a print run reads and where it writes.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The data folder.
    pub data: PathBuf,
    /// The PDF to write (must end in `.pdf`); the manifest goes beside it with the same stem.
    pub pdf: PathBuf,
    /// The templates folder (`envelope.typ` is the layout).
    pub templates: PathBuf,
    /// The fonts folder.
    pub fonts: PathBuf,
    /// Only these engagements (all when empty).
    pub engagements: Vec<String>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            data: "data".into(),
            pdf: PathBuf::from("output").join("envelopes.pdf"),
            templates: "templates".into(),
            fonts: "fonts".into(),
            engagements: Vec::new(),
        }
    }
}

/// Whether an engagement's envelope is in the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// On the page given in its entry.
    Printed,
    /// Not in the PDF; its entry says why.
    Skipped,
}

impl Status {
    /// Lowercase name, as in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Printed => "printed",
            Status::Skipped => "skipped",
        }
    }
}

/// One engagement's line in the manifest.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Engagement id.
    pub engagement: String,
    /// Client.
    pub client: String,
    /// The envelope's instance key, for one of a mailing's envelopes (`[[envelope]]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The envelope's document id.
    pub document_id: String,
    /// Printed or skipped.
    pub status: Status,
    /// 1-based page in the PDF, when printed.
    pub page: Option<usize>,
    /// The envelope gate's decision.
    pub decision: Decision,
    /// The gate's reasons: why it was skipped, or which approvals let it through.
    pub reasons: Vec<String>,
    /// The delivery address lines as printed (empty when the engagement has no envelope).
    pub recipient: Vec<String>,
    /// The Intelligent Mail barcode, when one is printed.
    pub barcode: Option<Imb>,
    /// Why there is no barcode, when there is none.
    pub barcode_note: Option<String>,
}

/// How many engagements a run printed and skipped.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    /// Engagements considered.
    pub engagements: usize,
    /// Envelopes printed (= pages).
    pub printed: usize,
    /// Engagements skipped.
    pub skipped: usize,
}

/// The outcome of a print run, also written as its JSON manifest.
#[derive(Debug, Clone, Serialize)]
pub struct PrintRun {
    /// The PDF written; `None` when nothing was approved to print (no PDF is left behind).
    pub pdf: Option<PathBuf>,
    /// The JSON manifest.
    pub manifest_json: PathBuf,
    /// The CSV manifest.
    pub manifest_csv: PathBuf,
    /// Pages in the PDF: one per printed envelope.
    pub pages: usize,
    /// Counts.
    pub counts: Counts,
    /// Every engagement, in page order for the printed ones (engagement id order).
    pub envelopes: Vec<Entry>,
    /// Print at 100% ("actual size"): scaling moves the USPS zones and the bar pitch.
    pub print_scale: &'static str,
}

/// `docket envelopes`: typesets every envelope the gate lets through as `final` into one PDF,
/// one #10 page each, and writes the manifest (JSON and CSV) beside it.
///
/// # Errors
/// [`Error::Usage`] for a `pdf` path not ending in `.pdf` or rules without an `envelope`
/// kind; any load, validation, template or typesetting error (then nothing is written); a
/// write error.
pub fn print_run(options: &RunOptions) -> Result<PrintRun> {
    let pdf_path = &options.pdf;
    if !pdf_path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        return Err(Error::Usage(format!(
            "--out {}: expected a file name ending in .pdf (the manifest goes beside it)",
            pdf_path.display()
        )));
    }
    let (manifest_json, manifest_csv) = manifest_paths(pdf_path);

    let plan_options = Options {
        data: options.data.clone(),
        engagements: options.engagements.clone(),
        ..Options::default()
    };
    let (project, plans) = crate::plan::plan(&plan_options)?;
    let Some(k) = project.rules.kind.iter().position(|r| r.kind == KIND) else {
        return Err(Error::Usage(format!(
            "the rules have no `{KIND}` artifact kind: nothing decides who may be mailed"
        )));
    };
    let rule = &project.rules.kind[k];
    let renderer = Renderer::new(&options.templates, &options.fonts, &Default::default())?;

    let mut entries = Vec::with_capacity(plans.len());
    let mut docs: Vec<MarkdownDoc> = Vec::new();
    let mut today = None;
    // Serials written in the data are taken; `serial = "next"` takes the next one.
    let mut written: std::collections::BTreeMap<String, u64> = Default::default();
    for env in plans
        .iter()
        .flat_map(|p| p.loaded.engagement.envelope.iter())
    {
        if let (Some(m), Some(s)) = (&env.mailer_id, &env.serial)
            && let Ok(n) = s.parse::<u64>()
        {
            let top = written.entry(m.clone()).or_insert(n);
            *top = (*top).max(n);
        }
    }
    let mut serials = crate::record::serials::Serials::new(&options.data, written);
    // Every envelope of every engagement, in engagement order, then in the order of the
    // mailing's list (`[[envelope]]`).
    for (plan, artifact) in plans.iter().flat_map(|p| {
        p.artifacts
            .iter()
            .filter(|a| a.rule == k)
            .map(move |a| (p, a))
    }) {
        let mut engagement = plan.engagement_of(artifact);
        let gated = &artifact.gated;
        let evaluation = gated.evaluation();
        let assigned;
        let page = match gated {
            Gated::Cleared(cleared) if cleared.decision() == Decision::Final => {
                let next = engagement.envelope.one().and_then(|env| {
                    env.mailer_id
                        .clone()
                        .filter(|_| env.serial.as_deref() == Some(crate::record::serials::NEXT))
                });
                let doc = match next {
                    Some(mailer_id) => {
                        let serial = serials.next(&mailer_id)?;
                        let mut view = engagement.clone();
                        if let Some(env) = view.envelope.as_mut() {
                            env.serial = Some(serial.clone());
                        }
                        let mut cleared = cleared.clone();
                        cleared.set_field("serial", &serial);
                        let state = serde_json::to_value(&view)
                            .map_err(|e| Error::Internal(e.to_string()))?;
                        assigned = view;
                        engagement = &assigned;
                        renderer.markdown(rule, &cleared, engagement, &state)?
                    }
                    None => {
                        renderer.markdown(rule, cleared, engagement, plan.state_of(artifact))?
                    }
                };
                docs.push(doc);
                today = today.max(Some(engagement.as_of));
                Some(docs.len())
            }
            _ => None,
        };
        let (recipient, barcode, barcode_note) = recipient_facts(engagement)?;
        entries.push(Entry {
            engagement: engagement.id.clone(),
            client: engagement.client.clone(),
            key: artifact.key.clone(),
            document_id: evaluation.document_id.clone(),
            status: if page.is_some() {
                Status::Printed
            } else {
                Status::Skipped
            },
            page,
            decision: evaluation.decision,
            reasons: evaluation.reasons.clone(),
            recipient,
            barcode,
            barcode_note,
        });
    }

    let pdf = match today {
        Some(date) if !docs.is_empty() => {
            let d = date.0;
            let title = format!("#10 envelopes: print run of {}", docs.len());
            Some(typeset(
                &renderer,
                &title,
                &docs,
                (d.year(), u8::from(d.month()), d.day()),
            )?)
        }
        _ => None,
    };

    let printed = docs.len();
    let run = PrintRun {
        pdf: pdf.as_ref().map(|_| pdf_path.clone()),
        manifest_json: manifest_json.clone(),
        manifest_csv: manifest_csv.clone(),
        pages: printed,
        counts: Counts {
            engagements: entries.len(),
            printed,
            skipped: entries.len() - printed,
        },
        envelopes: entries,
        print_scale: "100% (actual size)",
    };

    // Everything rendered: record the serials this run used, then write (a run killed in
    // between burns its serials; it never reuses them). A run with nothing to print must
    // not leave an old PDF beside a manifest that lists no page.
    serials.record(pdf_path)?;
    match &pdf {
        Some(bytes) => {
            output::write_atomic(pdf_path, bytes)?;
        }
        None => {
            output::remove(pdf_path)?;
        }
    }
    output::write_atomic(&manifest_json, &crate::report::to_json(&run))?;
    output::write_atomic(&manifest_csv, manifest_csv_text(&run).as_bytes())?;
    Ok(run)
}

/// The recipient's lines and barcode as printed, for the manifest (also for skipped
/// envelopes, so the mail room sees who is waiting). Load-time validation has already
/// accepted them, so errors here only reach callers that skip loading.
fn recipient_facts(engagement: &Engagement) -> Result<(Vec<String>, Option<Imb>, Option<String>)> {
    let Some(env) = engagement.envelope.one() else {
        return Ok((Vec::new(), None, None));
    };
    let at = |field: String, message: String| {
        Error::data(
            Location {
                file: format!("{}/engagement", engagement.id).into(),
                line: None,
                column: None,
                field: Some(field),
            },
            message,
        )
    };
    let Some(address) = engagement.addresses.get(&env.recipient) else {
        return Err(at(
            "envelope.recipient".into(),
            format!("no address `{}`", env.recipient),
        ));
    };
    let lines = envelope_lines(address).map_err(|e| {
        at(
            format!("addresses.{}.{}", env.recipient, e.field()),
            e.to_string(),
        )
    })?;
    Ok(
        match envelope_barcode(env, &env.recipient, address).map_err(|e| at(e.field, e.message))? {
            Barcode::Printed(imb) => (lines, Some(imb), None),
            Barcode::Omitted(note) => (lines, None, Some(note)),
        },
    )
}

/// Typesets the run on a thread with a big stack, as `build` does for every document (Typst
/// recurses deeply; see `render::typeset`).
fn typeset(
    renderer: &Renderer,
    title: &str,
    docs: &[MarkdownDoc],
    today: (i32, u8, u8),
) -> Result<Vec<u8>> {
    let failed = |message: String| Error::Typeset {
        document: "envelopes".into(),
        message,
    };
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(16 * 1024 * 1024)
            .spawn_scoped(scope, || {
                renderer.envelope_run("envelopes", title, docs, "docket/envelopes", today)
            })
            .map_err(|e| failed(format!("cannot start the typesetting thread: {e}")))?
            .join()
            .map_err(|_| failed("the typesetting thread stopped unexpectedly".into()))?
    })
}

/// The manifest as CSV (RFC 4180), one row per engagement, for spreadsheets and mail-room
/// tools. Address lines are joined with ` / ` and reasons with `; `.
fn manifest_csv_text(run: &PrintRun) -> String {
    const HEADER: [&str; 16] = [
        "engagement",
        "client",
        "document_id",
        "status",
        "page",
        "decision",
        "recipient",
        "barcode_id",
        "service_type",
        "mailer_id",
        "serial",
        "routing_code",
        "tracking_code",
        "bars",
        "barcode_note",
        "reasons",
    ];
    let mut out = String::new();
    push_row(&mut out, HEADER.iter().map(|h| h.to_string()));
    for e in &run.envelopes {
        let imb = |f: fn(&Imb) -> &String| e.barcode.as_ref().map(f).cloned().unwrap_or_default();
        push_row(
            &mut out,
            [
                e.engagement.clone(),
                e.client.clone(),
                e.document_id.clone(),
                e.status.as_str().to_string(),
                e.page.map(|p| p.to_string()).unwrap_or_default(),
                e.decision.as_str().to_string(),
                e.recipient.join(" / "),
                imb(|i| &i.barcode_id),
                imb(|i| &i.service_type),
                imb(|i| &i.mailer_id),
                imb(|i| &i.serial),
                imb(|i| &i.routing_code),
                imb(|i| &i.tracking_code),
                imb(|i| &i.bars),
                e.barcode_note.clone().unwrap_or_default(),
                e.reasons.join("; "),
            ],
        );
    }
    out
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|c| csv_cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// The manifest paths that go with a print run's PDF: same folder and stem, `.json` and `.csv`.
pub fn manifest_paths(pdf: &Path) -> (PathBuf, PathBuf) {
    (pdf.with_extension("json"), pdf.with_extension("csv"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("@x,y"), "\"'@x,y\"");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn manifest_paths_share_the_stem() {
        let (json, csv) = manifest_paths(Path::new("out/run.pdf"));
        assert_eq!(json, Path::new("out/run.json"));
        assert_eq!(csv, Path::new("out/run.csv"));
    }
}
