//! `docket new ID`: a new engagement folder to start from, with nothing invented: every fact
//! `TBD`, every approval the rules use recorded as unknown, and a roster template when the
//! data folder has none.

use std::path::Path;

use crate::error::{Error, Result};

/// The roster `docket new` writes into a data folder that has none.
const ROSTER_TEMPLATE: &str = "# Who may approve what (the roster), read with rules.toml's trust = \"signed\".\n\
# Until a person and their SSH public key are listed here, no approval counts: docket records\n\
# requests and says so. For each approver (their key: ssh-keygen -t ed25519, then the .pub line):\n\
#\n\
# [[person]]\n\
# name = \"Ada Park\"\n\
# role = \"Billing lead\"\n\
# principal = \"ada@example.com\"\n\
#\n\
# [[person.key]]\n\
# key = \"ssh-ed25519 AAAA...\"\n\
# valid_after = \"2026-01-01\"\n\
#\n\
# [[person.may]]\n\
# gates = [\"billing\"]\n\
# actions = [\"issue-invoice\"]\n\
# up_to = \"USD 10000.00\"\n";

/// The format `docket new` writes an engagement in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// `engagement.toml` and `approvals.toml` (for people).
    Toml,
    /// `engagement.json` and `approvals.json` (for programs).
    Json,
}

/// `docket new ID`: a new engagement folder under `data_dir` that `docket check` accepts,
/// to start from. It has what the data model requires and nothing invented: every fact is
/// `TBD`, every approval the rules mention is recorded as `unknown` (so the manifest lists
/// what will be needed), and `as_of` is the date given (today, unless the caller says).
/// Nothing is rendered from it until someone writes what is known; `client`, when the
/// caller knows it, is the client's name instead of `TBD`. Returns the files written.
pub fn new_engagement(
    data_dir: &Path,
    id: &str,
    client: Option<&str>,
    format: DataFormat,
    as_of: crate::model::Date,
) -> Result<Vec<std::path::PathBuf>> {
    use crate::model::{Address, ClientDetails, Engagement, Provider, TBD};
    if !crate::load::safe_name(id) {
        return Err(Error::Usage(format!(
            "`{id}` cannot be an engagement id: use lowercase letters, digits, `-` and `_`, \
             starting with a letter or digit (it names the folder)"
        )));
    }
    let rules = crate::load::rules(data_dir)?;
    let dir = data_dir.join(id);
    if dir.exists() {
        return Err(Error::Refused(format!(
            "{} already exists; docket new writes only a new engagement folder",
            dir.display()
        )));
    }
    let tbd = || TBD.to_string();
    let address = || Address {
        name: tbd(),
        organization: None,
        lines: vec![tbd()],
        city: tbd(),
        region: String::new(),
        postal_code: String::new(),
        country: "US".into(),
    };
    let engagement = Engagement {
        id: id.to_string(),
        client: client.map_or_else(tbd, str::to_string),
        workflow: tbd(),
        lifecycle_stage: rules.stage.first().map_or_else(tbd, |s| s.name.clone()),
        scope: tbd(),
        as_of,
        locale: None,
        next_skill: Vec::new(),
        next_action: tbd(),
        next_owner: tbd(),
        provider: Provider {
            name: tbd(),
            legal_name: tbd(),
            tax_id: tbd(),
            registration_id: None,
            registration_scheme: None,
            endpoint: None,
            contact: None,
            email: tbd(),
            address: "provider".into(),
            phone: None,
            website: None,
            brand: Default::default(),
        },
        client_details: ClientDetails {
            legal_name: tbd(),
            tax_id: tbd(),
            registration_id: None,
            registration_scheme: None,
            endpoint: None,
            buyer_reference: None,
            sponsor: tbd(),
            sponsor_title: tbd(),
            billing_address: "client".into(),
            billing_contact: None,
            einvoice: None,
        },
        addresses: [
            ("provider".to_string(), address()),
            ("client".to_string(), address()),
        ]
        .into_iter()
        .collect(),
        tracks: Vec::new(),
        brief: crate::model::Section::Absent,
        proposal: crate::model::Section::Absent,
        agreement: crate::model::Section::Absent,
        launch_checklist: crate::model::Section::Absent,
        security_memo: crate::model::Section::Absent,
        health_scorecard: crate::model::Section::Absent,
        case_study: crate::model::Section::Absent,
        invoice: crate::model::Section::Absent,
        email_sequence: crate::model::Section::Absent,
        envelope: crate::model::Section::Absent,
        certificate: crate::model::Section::Absent,
        change_order: crate::model::Section::Absent,
        credit_note: crate::model::Section::Absent,
        statement: crate::model::Section::Absent,
        reminder: crate::model::Section::Absent,
        payments: Vec::new(),
    };
    let gates = crate::load::known_gates(&rules);
    let approvals: Vec<serde_json::Value> = gates
        .iter()
        .map(|gate| serde_json::json!({ "gate": gate, "status": "unknown" }))
        .collect();
    let manifest = serde_json::json!({ "approval": approvals });
    let (state_file, state_bytes, manifest_file, manifest_bytes) = match format {
        DataFormat::Toml => {
            let header = format!(
                "# Engagement {id}, written by `docket new`. Every fact is TBD until someone who\n\
                 # knows it writes it in; docket lists each TBD as an open question and never\n\
                 # invents a value. Add the artifact sections ([brief], [proposal], ...) as the\n\
                 # work gets there; for many documents of a kind (a deposit invoice, then one\n\
                 # per milestone), write the section as an array of tables, each with its key:\n\
                 # [[invoice]] key = \"deposit\" ... [[invoice]] key = \"milestone-1\" ...\n\
                 # `docket schema engagement` describes every field.\n\n"
            );
            let body = toml::to_string(&engagement).map_err(|e| Error::Internal(e.to_string()))?;
            let manifest_text = format!(
                "# Approvals for {id}: one record per gate the rules use, each `unknown` until\n\
                 # it is given. An approval counts only with approver, actions and evidence.\n\n{}",
                toml::to_string(&manifest).map_err(|e| Error::Internal(e.to_string()))?
            );
            (
                "engagement.toml",
                format!("{header}{body}").into_bytes(),
                "approvals.toml",
                manifest_text.into_bytes(),
            )
        }
        DataFormat::Json => (
            "engagement.json",
            crate::report::to_json(&engagement),
            "approvals.json",
            crate::report::to_json(&manifest),
        ),
    };
    let mut files = vec![
        (dir.join(state_file), state_bytes),
        (dir.join(manifest_file), manifest_bytes),
    ];
    // Signed approvals need a roster: a folder without one gets an empty one that says how
    // to fill it (approvals count only once someone's key is listed there).
    let roster = data_dir.join(crate::trust::roster::FILE_NAME);
    if !roster.exists() {
        files.push((roster, ROSTER_TEMPLATE.as_bytes().to_vec()));
    }
    for (path, bytes) in &files {
        crate::output::write_atomic(path, bytes)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}
