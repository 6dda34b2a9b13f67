//! `docket approve`: record an approval for the current content of one artifact, signed by
//! the approver's own key; or, without one, a request that names who can grant it.
//!
//! The record names the approver, the permitted action and the evidence, is bound to the
//! artifact and to the digest of its inputs (so it goes stale when they change), and under
//! `trust = "signed"` carries the approver's SSH signature over its statement
//! ([`crate::trust::statement`]): with `--key` docket signs (a private key file in-process,
//! a public key through `ssh-keygen` and `ssh-agent`); with `--statement` it prints the
//! statement for signing elsewhere, and `--signature FILE` takes the signature back. Without
//! a key, and always through MCP (agents ask, people approve), it records a request. The
//! record is appended to `approvals.toml` with `toml_edit`, keeping the file's comments and
//! formatting; the file is replaced atomically.

use std::path::PathBuf;

use serde::Serialize;
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, value};

use crate::error::{Error, Result};
use crate::model::{Approval, Approver, Date, Proof, Status, Trust};
use crate::options::Options;
use crate::output;
use crate::plan::plan;

/// What to record. docket never invents an approver: a signed approval takes its approver
/// from the roster entry of the key that signs it; an unsigned one is a request.
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
    /// The action permitted, e.g. `issue-invoice` (the artifact's rule lists them).
    #[arg(long, value_name = "ACTION")]
    pub action: String,
    /// What shows the approval was given (an email, a signed document); for a request, why
    /// it is asked.
    #[arg(long, value_name = "REF")]
    pub evidence: String,
    /// The approver's name: taken from the roster when a key signs; for an outside approver
    /// (`--attest`), or the person a request asks.
    #[arg(long, value_name = "NAME")]
    #[serde(default)]
    pub by: Option<String>,
    /// The approver's role (from the roster when a key signs).
    #[arg(long, value_name = "ROLE")]
    #[serde(default)]
    pub role: Option<String>,
    /// The gate, when the action alone does not say.
    #[arg(long, value_name = "GATE")]
    #[serde(default)]
    pub gate: Option<String>,
    /// The approval's date (YYYY-MM-DD); today (UTC) when absent. Give it with `--statement`
    /// and `--signature`, so both see the same statement.
    #[arg(long, value_name = "DATE")]
    #[serde(default)]
    pub date: Option<String>,
    /// Sign with this key: an OpenSSH private key file, or a public key (.pub) whose private
    /// half ssh-agent holds (then `ssh-keygen -Y sign` signs, as git does).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["signature", "statement"])]
    #[serde(skip)]
    pub key: Option<PathBuf>,
    /// Record an outside approver's approval (`--by`, `--role`: a client sponsor's email, a
    /// countersigned agreement) attested by the key's owner, whom the roster must allow.
    #[arg(long)]
    #[serde(skip)]
    pub attest: bool,
    /// Print the statement to sign (with `ssh-keygen -Y sign -n docket-approval@docket`)
    /// and write nothing. Name the signer with `--principal`.
    #[arg(long, conflicts_with = "signature")]
    #[serde(skip)]
    pub statement: bool,
    /// Record the approval with this signature of its statement (an `ssh-keygen -Y sign`
    /// .sig file).
    #[arg(long, value_name = "FILE")]
    #[serde(skip)]
    pub signature: Option<PathBuf>,
    /// The signer's principal, for `--statement` (and `--signature`): the email the roster
    /// lists.
    #[arg(long, value_name = "EMAIL")]
    #[serde(skip)]
    pub principal: Option<String>,
    /// Set by the MCP server: an agent's call records a request, never an approval.
    #[arg(skip)]
    #[serde(skip_deserializing, default = "agent")]
    pub from_agent: bool,
}

fn agent() -> bool {
    true
}

/// What was recorded (or, with `--statement`, what to sign).
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The manifest written (none with `--statement`).
    pub manifest: Option<PathBuf>,
    /// `approved` (signed, or unverified under `trust = "evidence"`) or `requested`.
    pub recorded: Status,
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
    /// Who signed, as `Name <principal>, key SHA256:...`, when signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    /// The statement signed (or, with `--statement`, to sign).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// For a request: who in the roster can grant it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub can_grant: Vec<String>,
    /// For a request: the command that grants it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant_command: Option<String>,
    /// Set under `trust = "evidence"`: the approval is unverified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// The engagement (for the text's next step).
    #[serde(skip)]
    pub engagement: String,
}

/// `docket approve`'s text: what was recorded and what comes next; with `--statement`,
/// the bytes to sign and nothing else.
impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some(manifest) = &self.manifest else {
            return f.write_str(self.statement.as_deref().unwrap_or_default());
        };
        let manifest = manifest.display();
        let (gate, kind, id, scope) = (&self.gate, &self.kind, &self.document_id, &self.scope);
        if self.recorded == Status::Requested {
            writeln!(
                f,
                "recorded a request for {gate} approval of {kind} {id} (scope {scope}) in {manifest}: a request is not an approval"
            )?;
            if self.can_grant.is_empty() {
                writeln!(f, "nobody in the roster (approvers.toml) may grant it yet")?;
            } else {
                writeln!(f, "can grant it: {}", self.can_grant.join("; "))?;
            }
            if let Some(cmd) = &self.grant_command {
                writeln!(f, "to grant it, they run: {cmd}")?;
            }
            return Ok(());
        }
        writeln!(
            f,
            "recorded {gate} approval of {kind} {id} (scope {scope}) in {manifest}\nbound to inputs {}",
            self.digest
        )?;
        if let Some(by) = &self.signed_by {
            writeln!(f, "signed by {by}")?;
        }
        if let Some(w) = &self.warning {
            writeln!(f, "warning: {w}")?;
        }
        writeln!(f, "next: docket build --only {kind} -e {}", self.engagement)
    }
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
    let engagement = &plan.loaded.engagement;
    let date = match &request.date {
        Some(d) => Date::parse(d).map_err(Error::Usage)?,
        None => Date(time::OffsetDateTime::now_utc().date()),
    };
    let scope = match requirement.scope {
        crate::model::ScopeOf::Artifact => evaluation.scope.clone(),
        crate::model::ScopeOf::Engagement => engagement.scope.clone(),
    };
    let roster = &project.roster;
    let trust = project.rules.trust;
    if crate::text::is_tbd(&request.evidence) || request.evidence.trim().is_empty() {
        return Err(Error::Usage(
            "--evidence must name something: what shows the approval was given (or, for a \
             request, why it is asked)"
                .into(),
        ));
    }
    let mut record = Approval {
        gate: requirement.gate.clone(),
        status: Status::Approved,
        approver: None,
        actions: vec![request.action.clone()],
        evidence: Some(request.evidence.clone()),
        date: Some(date),
        scope: Some(scope.clone()),
        conditions: Vec::new(),
        expires: None,
        artifact: Some(name.clone()),
        digest: Some(evaluation.input_digest.total.clone()),
        inputs: evaluation.input_digest.fields.clone(),
        document: Some(evaluation.document_id.clone()),
        attested_by: None,
        signature: None,
        requested_by: None,
        reason: None,
        proof: None,
    };
    let named = |by: &Option<String>, role: &Option<String>| -> Option<Approver> {
        by.as_ref().map(|name| Approver {
            name: name.clone(),
            role: role
                .clone()
                .unwrap_or_else(|| crate::model::TBD.to_string()),
            principal: None,
        })
    };
    // Who signs: the key's (or the signature's) roster entry, or the principal named.
    let signer_key = match (&request.key, &request.signature) {
        _ if request.from_agent => None,
        (Some(key), _) => Some(crate::trust::sign::public_key(key)?),
        (None, Some(sig)) => {
            let text = std::fs::read_to_string(sig).map_err(|source| Error::Read {
                path: sig.clone(),
                source,
            })?;
            let parsed = crate::trust::sshsig::Signature::parse(&text)
                .map_err(|why| Error::Refused(format!("{}: {why}", sig.display())))?;
            record.signature = Some(crate::trust::sshsig::bare(&text));
            Some(parsed.fingerprint())
        }
        (None, None) => None,
    };
    let signer = match (&signer_key, &request.principal) {
        (Some(fingerprint), _) => {
            let Some(key) = roster.key(fingerprint) else {
                return Err(Error::Refused(format!(
                    "key {fingerprint} is not in the roster ({}): add it to its owner's \
                     [[person.key]] there (a reviewer of the data folder should)",
                    crate::trust::roster::FILE_NAME
                )));
            };
            Some(&roster.people[key.person])
        }
        (None, Some(principal)) if request.statement => match roster.person(principal) {
            Some((_, p)) => Some(p),
            None => {
                return Err(Error::Usage(format!(
                    "`{principal}` is not a principal of the roster ({})",
                    crate::trust::roster::FILE_NAME
                )));
            }
        },
        (None, None) if request.statement => {
            return Err(Error::Usage(
                "--statement needs --principal EMAIL: the statement names its signer".into(),
            ));
        }
        _ => None,
    };
    let signing = signer.is_some();
    if let Some(person) = signer {
        if request.attest {
            let Some(approver) = named(&request.by, &request.role) else {
                return Err(Error::Usage(
                    "--attest records an outside approver's approval: name them with --by and --role".into(),
                ));
            };
            record.approver = Some(approver);
            record.attested_by = Some(person.principal.clone());
        } else {
            record.approver = Some(Approver {
                name: person.name.clone(),
                role: person.role.clone(),
                principal: Some(person.principal.clone()),
            });
        }
    } else if request.from_agent || trust == Trust::Signed {
        // A request: it asks, it never approves.
        record.status = Status::Requested;
        record.approver = named(&request.by, &request.role);
        record.requested_by = Some(if request.from_agent {
            "an agent (MCP)".to_string()
        } else {
            std::env::var("USER")
                .ok()
                .filter(|u| !u.is_empty())
                .map_or_else(
                    || "someone at the command line (docket approve, unsigned)".to_string(),
                    |u| format!("{u} (docket approve, unsigned)"),
                )
        });
        record.reason = Some(request.evidence.clone());
        record.evidence = None;
    } else {
        // trust = "evidence": today's unverified record, named by hand.
        let (Some(by), Some(role)) = (&request.by, &request.role) else {
            return Err(Error::Usage(
                "an approval counts only with a named approver and role: give --by and --role (or sign it with --key)".into(),
            ));
        };
        for (what, text) in [("--by", by), ("--role", role)] {
            if crate::text::is_tbd(text) {
                return Err(Error::Usage(format!(
                    "{what} must name something: an approval counts only with a named approver, role and evidence"
                )));
            }
        }
        record.approver = named(&request.by, &request.role);
    }
    if record.status == Status::Approved
        && let Some(approver) = &record.approver
        && let Some(preparer) = evaluation.prepared_by.as_deref()
        && (approver.name == preparer || approver.principal.as_deref() == Some(preparer))
        && crate::gate::approval::preparer_exception(
            &plan.loaded.manifest,
            &rule.kind,
            &name,
            preparer,
        )
        .is_none()
    {
        return Err(Error::Refused(format!(
            "{preparer} prepared this {} and may not approve it. Ask someone else, or record an \
             [[exception]] (artifact, person, reason, granted_by) in approvals.toml.",
            rule.kind
        )));
    }
    let statement = crate::trust::statement(&record, engagement);
    let outcome =
        |manifest: Option<PathBuf>, record: &Approval, signed_by: Option<String>| Outcome {
            manifest,
            recorded: record.status,
            gate: record.gate.clone(),
            kind: name.clone(),
            document_id: evaluation.document_id.clone(),
            digest: evaluation.input_digest.total.clone(),
            scope: scope.clone(),
            signed_by,
            statement: signing.then(|| statement.clone()),
            can_grant: Vec::new(),
            grant_command: None,
            warning: None,
            engagement: request.engagement.clone(),
        };
    if request.statement {
        return Ok(outcome(None, &record, None));
    }
    if let Some(key) = &request.key
        && signing
    {
        let armored = crate::trust::sign::sign(key, &project.data_dir, &statement)?;
        record.signature = Some(crate::trust::sshsig::bare(&armored));
    }
    // What the gate will find: a signed record that would not count is refused here, with
    // the gate's own reason, rather than written.
    let mut signed_by = None;
    if signing {
        match crate::trust::prove(&record, engagement, roster) {
            Some(Proof::Signed(s)) => {
                signed_by = Some(format!(
                    "{} <{}>, key {}",
                    s.name, s.principal, s.fingerprint
                ));
            }
            Some(Proof::Refused(why)) => {
                return Err(Error::Refused(format!(
                    "the approval would not count: {why}"
                )));
            }
            None => {}
        }
    }

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
    let table = to_table(&record);
    match doc.get_mut("approval") {
        Some(Item::ArrayOfTables(tables)) => tables.push(table),
        Some(_) => {
            return Err(Error::Usage(format!(
                "{}: `approval` is not an array of tables ([[approval]])",
                manifest.display()
            )));
        }
        None => {
            let mut tables = toml_edit::ArrayOfTables::new();
            tables.push(table);
            doc.insert("approval", Item::ArrayOfTables(tables));
        }
    }
    output::write_atomic(&manifest, doc.to_string().as_bytes())?;
    let mut done = outcome(Some(manifest), &record, signed_by);
    if record.status == Status::Requested {
        let asked = crate::trust::roster::Asked {
            gate: &record.gate,
            action: &request.action,
            engagement: &engagement.id,
            client: &engagement.client,
            scope: &scope,
        };
        done.can_grant = roster.who_may(&asked);
        done.grant_command = crate::trust::requests(
            &crate::model::Manifest {
                approval: vec![record.clone()],
                exception: Vec::new(),
            },
            engagement,
            roster,
        )
        .pop()
        .map(|r| r.command);
    } else if !signing {
        done.warning = Some(Trust::UNVERIFIED.to_string());
    }
    Ok(done)
}

/// The record as a TOML table, fields in the order people read them.
fn to_table(record: &Approval) -> Table {
    let mut t = Table::new();
    t.insert("gate", value(record.gate.as_str()));
    t.insert("status", value(record.status.as_str()));
    if let Some(a) = &record.approver {
        let mut approver = InlineTable::new();
        approver.insert("name", a.name.as_str().into());
        approver.insert("role", a.role.as_str().into());
        if let Some(p) = &a.principal {
            approver.insert("principal", p.as_str().into());
        }
        t.insert("approver", value(approver));
    }
    let mut actions = Array::new();
    for a in &record.actions {
        actions.push(a.as_str());
    }
    t.insert("actions", value(actions));
    let mut text = |key: &str, v: &Option<String>| {
        if let Some(v) = v {
            t.insert(key, value(v.as_str()));
        }
    };
    text("evidence", &record.evidence);
    text("date", &record.date.map(|d| d.to_string()));
    text("scope", &record.scope);
    text("artifact", &record.artifact);
    text("document", &record.document);
    text("digest", &record.digest);
    text("attested_by", &record.attested_by);
    text("requested_by", &record.requested_by);
    text("reason", &record.reason);
    let mut inputs = InlineTable::new();
    for (field, digest) in &record.inputs {
        inputs.insert(field, digest.as_str().into());
    }
    t.insert("inputs", value(inputs));
    if let Some(sig) = &record.signature {
        t.insert("signature", value(sig.as_str()));
    }
    t
}
