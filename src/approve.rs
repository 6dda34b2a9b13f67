//! `docket approve`: record an approval for the current content of one artifact.
//!
//! The record names the approver, the permitted action and the evidence (so it counts), is
//! bound to the artifact and to the digest of its inputs (so it goes stale when they
//! change), and is appended to the engagement's `approvals.toml` with `toml_edit`, keeping
//! the file's comments and formatting. The file is replaced atomically.

use std::path::PathBuf;

use serde::Serialize;
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, value};

use crate::error::{Error, Result};
use crate::options::Options;
use crate::output;
use crate::plan::plan;

/// What to record: every field but the gate and the date is required, because an approval
/// counts only when it names the approver, the permitted action and the evidence. docket
/// never invents one.
#[derive(Debug, Clone, clap::Args, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The artifact approved: a kind (`invoice`), or one instance of a kind with many
    /// (`invoice:milestone-2`, the kind and the instance's key).
    #[arg(value_name = "ARTIFACT")]
    pub kind: String,
    /// The engagement id.
    #[arg(long, short = 'e', value_name = "ID")]
    pub engagement: String,
    /// The approver's name, as the evidence shows it.
    #[arg(long, value_name = "NAME")]
    pub by: String,
    /// The approver's role.
    #[arg(long, value_name = "ROLE")]
    pub role: String,
    /// The action permitted, e.g. `issue-invoice` (the artifact's rule lists them).
    #[arg(long, value_name = "ACTION")]
    pub action: String,
    /// What shows the approval was given (an email, a signed document).
    #[arg(long, value_name = "REF")]
    pub evidence: String,
    /// The gate, when the action alone does not say.
    #[arg(long, value_name = "GATE")]
    pub gate: Option<String>,
    /// The approval's date (YYYY-MM-DD); today (UTC) when absent.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// What was recorded.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The manifest written.
    pub manifest: PathBuf,
    /// Gate.
    pub gate: String,
    /// Artifact kind.
    pub kind: String,
    /// Document id.
    pub document_id: String,
    /// The input digest the approval is bound to.
    pub digest: String,
    /// The scope covered.
    pub scope: String,
}

/// Records the approval.
pub fn approve(options: &Options, request: &Request) -> Result<Outcome> {
    let mut options = options.clone();
    options.engagements = vec![request.engagement.clone()];
    let (project, plans) = plan(&options)?;
    let Some(plan) = plans.first() else {
        return Err(Error::Usage(format!(
            "no engagement `{}`",
            request.engagement
        )));
    };
    let (kind, key) = crate::instances::split(&request.kind);
    let Some(k) = project.rules.kind.iter().position(|r| r.kind == kind) else {
        let names: Vec<&str> = project.rules.kind.iter().map(|r| r.kind.as_str()).collect();
        return Err(Error::Usage(format!(
            "unknown artifact kind `{}`, expected one of {}",
            request.kind,
            names.join(", ")
        )));
    };
    let rule = &project.rules.kind[k];
    let requirements: Vec<_> = rule
        .blocked_unless
        .iter()
        .chain(&rule.final_requires)
        .collect();
    let requirement = requirements
        .iter()
        .find(|r| r.action == request.action && request.gate.as_ref().is_none_or(|g| g == &r.gate));
    let Some(requirement) = requirement else {
        let wanted: Vec<String> = requirements
            .iter()
            .map(|r| format!("{} (gate {})", r.action, r.gate))
            .collect();
        return Err(Error::Usage(format!(
            "{} does not need the action `{}`; its gate asks for: {}",
            rule.kind,
            request.action,
            if wanted.is_empty() {
                "no approval".to_string()
            } else {
                wanted.join(", ")
            }
        )));
    };
    // The instance approved: the one named, or the kind's only one.
    let candidates: Vec<&crate::plan::Artifact> = plan
        .artifacts
        .iter()
        .filter(|a| a.rule == k && (key.is_none() || a.key.as_deref() == key))
        .collect();
    let artifact = match candidates.as_slice() {
        [one] => *one,
        [] => {
            let keys: Vec<String> = plan
                .artifacts
                .iter()
                .filter(|a| a.rule == k)
                .filter_map(|a| a.key.clone())
                .collect();
            return Err(Error::Usage(format!(
                "engagement `{}` has no {} (its keys: {})",
                request.engagement,
                request.kind,
                if keys.is_empty() {
                    "none".to_string()
                } else {
                    keys.join(", ")
                }
            )));
        }
        many => {
            let names: Vec<String> = many.iter().map(|a| a.name(&project.rules)).collect();
            return Err(Error::Usage(format!(
                "engagement `{}` has {} {} documents; name the one approved: {}",
                request.engagement,
                many.len(),
                rule.kind,
                names.join(", ")
            )));
        }
    };
    let name = artifact.name(&project.rules);
    let evaluation = artifact.gated.evaluation();
    if evaluation.input_digest.total.is_empty() {
        return Err(Error::Refused(format!(
            "{} has no data in engagement `{}`: there is nothing to approve",
            rule.kind, request.engagement
        )));
    }
    for (what, text) in [
        ("--by", &request.by),
        ("--role", &request.role),
        ("--evidence", &request.evidence),
    ] {
        if crate::text::is_tbd(text) {
            return Err(Error::Usage(format!(
                "{what} must name something: an approval counts only with a named approver, role and evidence"
            )));
        }
    }
    if evaluation.prepared_by.as_deref() == Some(request.by.as_str())
        && crate::approval::preparer_exception(
            &plan.loaded.manifest,
            &rule.kind,
            &name,
            &request.by,
        )
        .is_none()
    {
        return Err(Error::Refused(format!(
            "{} prepared this {} and may not approve it. Ask someone else, or record an \
             [[exception]] (artifact, person, reason, granted_by) in approvals.toml.",
            request.by, rule.kind
        )));
    }
    let date = match &request.date {
        Some(d) => crate::model::Date::parse(d)
            .map_err(Error::Usage)?
            .to_string(),
        None => crate::model::Date(time::OffsetDateTime::now_utc().date()).to_string(),
    };
    let scope = match requirement.scope {
        crate::model::ScopeOf::Artifact => evaluation.scope.clone(),
        crate::model::ScopeOf::Engagement => plan.loaded.engagement.scope.clone(),
    };

    let manifest = plan.loaded.manifest_file.as_ref().map_or_else(
        || plan.loaded.dir.join("approvals.toml"),
        |f| f.path.clone(),
    );
    if manifest.extension().and_then(|e| e.to_str()) == Some("json") {
        return Err(Error::Usage(format!(
            "{} is JSON; `docket approve` edits TOML manifests (add the record by hand, or convert it)",
            manifest.display()
        )));
    }
    let text = match &plan.loaded.manifest_file {
        Some(f) => f.text.clone(),
        None => String::new(),
    };
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        Error::Usage(format!("cannot edit {}: {e}", manifest.display()))
    })?;
    let mut record = Table::new();
    record.insert("gate", value(requirement.gate.as_str()));
    record.insert("status", value("approved"));
    let mut approver = InlineTable::new();
    approver.insert("name", request.by.as_str().into());
    approver.insert("role", request.role.as_str().into());
    record.insert("approver", value(approver));
    let mut actions = Array::new();
    actions.push(request.action.as_str());
    record.insert("actions", value(actions));
    record.insert("evidence", value(request.evidence.as_str()));
    record.insert("date", value(date.as_str()));
    record.insert("scope", value(scope.as_str()));
    record.insert("artifact", value(name.as_str()));
    record.insert("digest", value(evaluation.input_digest.total.as_str()));
    let mut inputs = InlineTable::new();
    for (field, digest) in &evaluation.input_digest.fields {
        inputs.insert(field, digest.as_str().into());
    }
    record.insert("inputs", value(inputs));
    match doc.get_mut("approval") {
        Some(Item::ArrayOfTables(tables)) => tables.push(record),
        Some(_) => {
            return Err(Error::Usage(format!(
                "{}: `approval` is not an array of tables ([[approval]])",
                manifest.display()
            )));
        }
        None => {
            let mut tables = toml_edit::ArrayOfTables::new();
            tables.push(record);
            doc.insert("approval", Item::ArrayOfTables(tables));
        }
    }
    output::write_atomic(&manifest, doc.to_string().as_bytes())?;
    Ok(Outcome {
        manifest,
        gate: requirement.gate.clone(),
        kind: name.clone(),
        document_id: evaluation.document_id.clone(),
        digest: evaluation.input_digest.total.clone(),
        scope,
    })
}
