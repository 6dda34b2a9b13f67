//! `docket archive export`: the issued documents of a period, as the client received them,
//! for an auditor: every archived file of every document issued between two dates, copied
//! out of the record with a manifest (JSON and CSV) that names each document, when it was
//! issued, its ledger record and each file's SHA-256, so the copy can be checked without
//! docket.

use std::fmt::Write as _;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Context, Reply, Text, Workspace};
use crate::error::{Error, Result};
use crate::model::Date;
use crate::record::{archive, ledger};
use crate::text::csv_cell;

/// Arguments of `archive export`.
#[derive(Debug, Clone, clap::Args, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportRequest {
    /// The first day of the period (YYYY-MM-DD, UTC, the day the ledger recorded the issue).
    #[arg(long, value_name = "DATE", value_parser = Date::parse)]
    pub from: Date,
    /// The last day of the period, included.
    #[arg(long, value_name = "DATE", value_parser = Date::parse)]
    pub to: Date,
    /// The folder to write (created; it must not exist yet or be empty).
    #[arg(long, value_name = "DIR")]
    #[serde(skip)]
    pub into: PathBuf,
    /// Only these engagements (repeatable; all when absent).
    #[arg(short = 'e', long = "engagement", value_name = "ID")]
    #[serde(default)]
    pub engagements: Vec<String>,
}

/// One exported document.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedDocument {
    /// Engagement id.
    pub engagement: String,
    /// Artifact kind.
    pub kind: String,
    /// Instance key, for one of many documents of a kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id (the invoice number).
    pub document_id: String,
    /// When the ledger recorded it (UTC, RFC 3339).
    pub issued: String,
    /// Its ledger record.
    pub record: u64,
    /// Each file, as written under the export folder, with its digest.
    pub files: Vec<ExportedFile>,
}

/// One exported file.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedFile {
    /// Path under the export folder (`<engagement>/<file>`).
    pub path: String,
    /// `sha256:<hex>`, as the ledger records it.
    pub sha256: String,
}

/// What `archive export` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    /// The period, first and last day.
    pub from: Date,
    /// See `from`.
    pub to: Date,
    /// The documents, by engagement, then in issue order.
    pub documents: Vec<ExportedDocument>,
    /// The manifest written beside them.
    pub manifest: PathBuf,
}

impl Reply for Exported {
    fn files(&self, _workspace: &Workspace) -> Vec<PathBuf> {
        vec![self.manifest.clone()]
    }

    fn text(&self, _context: &Context) -> Text {
        let mut out = String::new();
        for d in &self.documents {
            let _ = writeln!(
                out,
                "{}  {} {} ({} file(s), issued {})",
                d.engagement,
                crate::instances::name(&d.kind, d.key.as_deref()),
                d.document_id,
                d.files.len(),
                d.issued
            );
        }
        Text {
            out,
            err: format!(
                "exported {} issued document(s) of {} to {}; manifest {}\n",
                self.documents.len(),
                self.from,
                self.to,
                self.manifest.display()
            ),
        }
    }
}

/// `docket archive export`.
pub fn export(workspace: &Workspace, request: ExportRequest) -> Result<Exported> {
    workspace.check_ids(&request.engagements)?;
    if request.to < request.from {
        return Err(Error::Usage(format!(
            "the period ends ({}) before it starts ({})",
            request.to, request.from
        )));
    }
    let into = &request.into;
    if std::fs::read_dir(into).is_ok_and(|mut d| d.next().is_some()) {
        return Err(Error::Refused(format!(
            "{} is not empty; archive export writes only into a new or empty folder",
            into.display()
        )));
    }
    let project = crate::load::load(&workspace.data)?;
    let mut documents = Vec::new();
    for loaded in &project.engagements {
        let id = &loaded.engagement.id;
        if !request.engagements.is_empty() && !request.engagements.contains(id) {
            continue;
        }
        for record in ledger::read(&ledger::path(&loaded.dir))? {
            let entry = &record.entry;
            let day = entry.time.get(..10).unwrap_or_default();
            let within =
                day >= request.from.to_string().as_str() && day <= request.to.to_string().as_str();
            if !entry.issued || !within {
                continue;
            }
            let Some(bytes) = archive::restore(&loaded.dir, entry) else {
                return Err(Error::Refused(format!(
                    "{id}: record {} ({} {}) is not in the archive, or its archived bytes no \
                     longer match the record (docket verify names which); nothing exported",
                    entry.seq, entry.kind, entry.document_id
                )));
            };
            let mut files = Vec::new();
            for (name, bytes) in bytes {
                let path = format!("{id}/{name}");
                crate::output::write_atomic(&into.join(&path), &bytes)?;
                files.push(ExportedFile {
                    sha256: entry.outputs.get(&name).cloned().unwrap_or_default(),
                    path,
                });
            }
            documents.push(ExportedDocument {
                engagement: id.clone(),
                kind: entry.kind.clone(),
                key: entry.key.clone(),
                document_id: entry.document_id.clone(),
                issued: entry.time.clone(),
                record: entry.seq,
                files,
            });
        }
    }
    let manifest = into.join("manifest.json");
    let exported = Exported {
        from: request.from,
        to: request.to,
        documents,
        manifest: manifest.clone(),
    };
    crate::output::write_atomic(&manifest, &crate::report::to_json(&exported))?;
    let mut csv = String::from("engagement,kind,key,document_id,issued,record,path,sha256\r\n");
    for d in &exported.documents {
        for f in &d.files {
            let fields = [
                d.engagement.as_str(),
                d.kind.as_str(),
                d.key.as_deref().unwrap_or(""),
                d.document_id.as_str(),
                d.issued.as_str(),
                &d.record.to_string(),
                f.path.as_str(),
                f.sha256.as_str(),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_cell(f)).collect();
            csv.push_str(&row.join(","));
            csv.push_str("\r\n");
        }
    }
    crate::output::write_atomic(&into.join("manifest.csv"), csv.as_bytes())?;
    Ok(exported)
}
