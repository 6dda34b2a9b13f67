//! Signed approvals: a name is a claim until the approver's own key has signed it.
//!
//! An approval record in `approvals.toml` is text anyone can write. Under `trust = "signed"`
//! (rules.toml; what `docket init` sets up) it counts only when it carries an SSH signature
//! (OpenSSH's SSHSIG format, namespace [`NAMESPACE`]) over its canonical [`statement`], made
//! by a key the roster ([`roster`], `approvers.toml`) gives to the person it names (or to a
//! roster member allowed to attest it for an outside approver), valid on the approval's
//! date. What the signer may approve (gates, actions, clients, scopes, amounts) is checked
//! by the gate, which has the document in hand (`gate::rules`).
//!
//! The keys are the ones people already have: `ssh-keygen -Y sign` signatures are accepted,
//! docket's own pass `ssh-keygen -Y verify` against the roster written as `allowed_signers`.
//! docket verifies with RustCrypto's `ssh-key`, once per record and run, at load.

pub mod roster;
pub mod sign;
pub mod sshsig;

pub use crate::model::Trust;
use crate::model::{Approval, Engagement, Proof, Signer, Status};
pub use roster::Roster;

/// The SSHSIG namespace of docket approvals: a signature made for anything else (`git`,
/// `file`) is refused, and one made for docket is refused everywhere else.
pub const NAMESPACE: &str = "docket-approval@docket";

/// Canonical text of an approval record, the bytes that are signed: one `name: value` line
/// per field in a fixed order, text escaped so no value can add a line. The engagement is
/// the one whose manifest holds the record (so a copied record does not verify elsewhere);
/// the scope is resolved (the engagement's, when the record names none).
pub fn statement(approval: &Approval, engagement: &Engagement) -> String {
    statement_in(approval, &engagement.id, &engagement.scope)
}

/// [`statement`] given the engagement's id and its scope (what a record without a `scope`
/// covers).
pub fn statement_in(approval: &Approval, engagement: &str, scope: &str) -> String {
    fn esc(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                c => out.push(c),
            }
        }
        out
    }
    let opt = |o: Option<&str>| o.map_or_else(|| "-".to_string(), esc);
    let mut lines = vec![
        "docket approval statement v1".to_string(),
        format!("engagement: {}", esc(engagement)),
        format!("artifact: {}", opt(approval.artifact.as_deref())),
        format!("document: {}", opt(approval.document.as_deref())),
        format!("gate: {}", esc(&approval.gate)),
    ];
    for action in &approval.actions {
        lines.push(format!("action: {}", esc(action)));
    }
    lines.push(format!(
        "scope: {}",
        esc(approval.scope.as_deref().unwrap_or(scope))
    ));
    lines.push(format!("status: {}", approval.status));
    for condition in &approval.conditions {
        lines.push(format!("condition: {}", esc(condition)));
    }
    lines.push(format!("digest: {}", opt(approval.digest.as_deref())));
    let approver = approval.approver.as_ref();
    lines.push(format!(
        "approver: {}",
        opt(approver.map(|a| a.name.as_str()))
    ));
    lines.push(format!("role: {}", opt(approver.map(|a| a.role.as_str()))));
    lines.push(format!(
        "principal: {}",
        opt(approver.and_then(|a| a.principal.as_deref()))
    ));
    lines.push(format!(
        "attested-by: {}",
        opt(approval.attested_by.as_deref())
    ));
    lines.push(format!("evidence: {}", opt(approval.evidence.as_deref())));
    lines.push(format!(
        "date: {}",
        approval
            .date
            .map_or_else(|| "-".to_string(), |d| d.to_string())
    ));
    lines.push(format!(
        "expires: {}",
        approval
            .expires
            .map_or_else(|| "-".to_string(), |d| d.to_string())
    ));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Verifies one record against the roster: the signature over its statement, the key's
/// owner and window. Only records that would count (approved, conditional) need a proof;
/// the others are `None`.
pub fn prove(approval: &Approval, engagement: &Engagement, roster: &Roster) -> Option<Proof> {
    if !matches!(approval.status, Status::Approved | Status::Conditional) {
        return None;
    }
    Some(match check(approval, engagement, roster) {
        Ok(signer) => Proof::Signed(signer),
        Err(why) => Proof::Refused(why),
    })
}

fn check(approval: &Approval, engagement: &Engagement, roster: &Roster) -> Result<Signer, String> {
    let Some(armored) = approval.signature.as_deref() else {
        return Err(if approval.requested_by.is_some() {
            "it is a request, not signed by the approver".to_string()
        } else {
            "it is not signed: an approval counts only with its approver's signature \
             (docket approve --key)"
                .to_string()
        });
    };
    let signature = sshsig::Signature::parse(armored)?;
    if signature.namespace != NAMESPACE {
        return Err(format!(
            "its signature was made for the namespace `{}`, not `{NAMESPACE}`",
            signature.namespace
        ));
    }
    let message = statement(approval, engagement);
    let fingerprint = signature.fingerprint();
    signature.verify(message.as_bytes()).map_err(|_| {
        "its signature does not verify: the record was changed after it was signed, or was \
         signed for another engagement or document"
            .to_string()
    })?;
    let Some(key) = roster.key(&fingerprint) else {
        return Err(format!(
            "key {fingerprint} is not in the roster ({})",
            roster::FILE_NAME
        ));
    };
    let signer = &roster.people[key.person];
    let Some(date) = approval.date else {
        return Err("it is undated: a signed approval needs its date".to_string());
    };
    if let Some(why) = key.invalid_on(date) {
        return Err(why);
    }
    let approver = approval.approver.as_ref();
    let attested = match &approval.attested_by {
        Some(attester) => {
            if attester != &signer.principal {
                return Err(format!(
                    "key {fingerprint} belongs to {} <{}>, not to the attester named ({attester})",
                    signer.name, signer.principal
                ));
            }
            true
        }
        None => {
            let named = approver.and_then(|a| a.principal.as_deref());
            if named != Some(signer.principal.as_str()) {
                return Err(format!(
                    "key {fingerprint} belongs to {} <{}>, not to the approver named ({})",
                    signer.name,
                    signer.principal,
                    named
                        .map(str::to_string)
                        .or_else(|| approver.map(|a| a.name.clone()))
                        .unwrap_or_else(|| "nobody".to_string())
                ));
            }
            if let Some(a) = approver
                && a.name != signer.name
            {
                return Err(format!(
                    "it names {} as approver, but key {fingerprint} is {}'s (the roster's name for {})",
                    a.name, signer.name, signer.principal
                ));
            }
            false
        }
    };
    // Authority: every action the record permits must be within what the roster lets the
    // signer approve (or attest) for this gate, client and scope.
    let grant = if attested {
        roster::Grant::Attest
    } else {
        roster::Grant::Approve
    };
    let scope = approval.scope.as_deref().unwrap_or(&engagement.scope);
    let mut limits = Vec::new();
    for action in &approval.actions {
        let asked = roster::Asked {
            gate: &approval.gate,
            action,
            engagement: &engagement.id,
            client: &engagement.client,
            scope,
        };
        match roster.may(key.person, grant, &asked) {
            Some((_, limit)) => {
                if let Some(l) = limit {
                    limits.push((l.currency.clone(), l.amount));
                }
            }
            None => {
                let verb = match grant {
                    roster::Grant::Approve => "approve",
                    roster::Grant::Attest => "attest",
                };
                return Err(format!(
                    "{} may not {verb} {} to {action} for {} (scope {scope}): outside their authority in {}",
                    signer.name,
                    approval.gate,
                    engagement.client,
                    roster::FILE_NAME
                ));
            }
        }
    }
    Ok(Signer {
        statement: message,
        limits,
        valid_after: key.valid_after,
        valid_before: key.valid_before,
        principal: signer.principal.clone(),
        name: signer.name.clone(),
        role: signer.role.clone(),
        fingerprint,
        attested,
        key: key.openssh.clone(),
        person: key.person,
    })
}

/// Verifies every record of an engagement's manifest in place (`Approval::proof`).
pub fn prove_manifest(
    manifest: &mut crate::model::Manifest,
    engagement: &Engagement,
    roster: &Roster,
) {
    for approval in &mut manifest.approval {
        approval.proof = prove(approval, engagement, roster);
    }
}

/// A signed approval as the ledger keeps it: the statement, the signature and the key with
/// its window as the roster had them, so `docket verify` checks it again however the roster
/// changed since (a rotated key does not break the past).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Kept {
    /// The signer's principal.
    pub principal: String,
    /// Whether they attested an outside approver's approval.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub attested: bool,
    /// `SHA256:...`.
    pub fingerprint: String,
    /// The key, as OpenSSH writes it.
    pub key: String,
    /// The key's window when it signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_after: Option<String>,
    /// See `valid_after`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_before: Option<String>,
    /// The statement signed.
    pub statement: String,
    /// The signature (SSHSIG, base64).
    pub signature: String,
}

impl Kept {
    /// What the ledger keeps of a verified signer.
    pub fn of(signer: &Signer, statement: &str, signature: &str) -> Kept {
        Kept {
            principal: signer.principal.clone(),
            attested: signer.attested,
            fingerprint: signer.fingerprint.clone(),
            key: signer.key.clone(),
            valid_after: signer.valid_after.map(|d| d.to_string()),
            valid_before: signer.valid_before.map(|d| d.to_string()),
            statement: statement.to_string(),
            signature: signature.to_string(),
        }
    }

    /// Checks it again: the signature verifies the statement in docket's namespace, with the
    /// key recorded; the statement names the principal and a date inside the key's window.
    /// Why not, if not.
    pub fn check(&self) -> Option<String> {
        let signature = match sshsig::Signature::parse(&self.signature) {
            Ok(s) => s,
            Err(why) => return Some(why),
        };
        if signature.namespace != NAMESPACE {
            return Some(format!(
                "its signature was made for the namespace `{}`",
                signature.namespace
            ));
        }
        if signature.fingerprint() != self.fingerprint || signature.key() != self.key {
            return Some(format!(
                "its signature was made by key {}, not by the key recorded ({})",
                signature.fingerprint(),
                self.fingerprint
            ));
        }
        if signature.verify(self.statement.as_bytes()).is_err() {
            return Some("its signature does not verify its statement".to_string());
        }
        let line = |name: &str| {
            self.statement
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{name}: ")))
                .map(str::to_string)
        };
        let named = if self.attested {
            line("attested-by")
        } else {
            line("principal")
        };
        if named.as_deref() != Some(self.principal.as_str()) {
            return Some(format!(
                "its statement does not name the signer {}",
                self.principal
            ));
        }
        let date = line("date").unwrap_or_default();
        if self.valid_after.as_ref().is_some_and(|a| date < *a)
            || self.valid_before.as_ref().is_some_and(|b| date >= *b)
        {
            return Some(format!(
                "it is dated {date}, outside its key's window in the roster of the time"
            ));
        }
        None
    }
}

/// A request recorded in the manifest (an agent or a colleague asking): what it asks, who
/// in the roster can grant it and the command they run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Request {
    /// The artifact it is for (`invoice:milestone-2`), or the gate's kinds when it names none.
    pub artifact: String,
    /// The gate.
    pub gate: String,
    /// The actions asked for.
    pub actions: Vec<String>,
    /// Who asked.
    pub requested_by: String,
    /// Why.
    pub reason: String,
    /// Who in the roster may grant it (`Name <principal>`).
    pub can_grant: Vec<String>,
    /// The command that grants it.
    pub command: String,
}

/// The requests of an engagement's manifest, each with who can grant it.
pub fn requests(
    manifest: &crate::model::Manifest,
    engagement: &Engagement,
    roster: &Roster,
) -> Vec<Request> {
    manifest
        .approval
        .iter()
        .filter(|a| a.status == Status::Requested && a.requested_by.is_some())
        .map(|a| {
            let scope = a.scope.as_deref().unwrap_or(&engagement.scope);
            let action = a.actions.first().map(String::as_str).unwrap_or("TBD");
            let asked = roster::Asked {
                gate: &a.gate,
                action,
                engagement: &engagement.id,
                client: &engagement.client,
                scope,
            };
            let artifact = a.artifact.clone().unwrap_or_else(|| a.gate.clone());
            Request {
                command: format!(
                    "docket approve {artifact} -e {} --gate {} --action {action} --evidence \"...\" --key ~/.ssh/id_ed25519",
                    engagement.id, a.gate
                ),
                artifact,
                gate: a.gate.clone(),
                actions: a.actions.clone(),
                requested_by: a.requested_by.clone().unwrap_or_default(),
                reason: a.reason.clone().unwrap_or_default(),
                can_grant: roster.who_may(&asked),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::{Approval, Approver, Date, Manifest, RosterFile};

    fn roster() -> Roster {
        let file: RosterFile = toml::from_str(
            r#"
[[person]]
name = "Ada Park"
role = "Billing lead"
principal = "ada@example.com"

[[person.key]]
key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1rrt83nAiZtKvgUbykw/gIfT4wIyJ5qULT1Jn7x71G"

[[person.may]]
gates = ["billing"]
"#,
        )
        .unwrap();
        Roster::new(file).unwrap()
    }

    fn record(signature: &str) -> Approval {
        Approval {
            gate: "billing".into(),
            status: Status::Approved,
            approver: Some(Approver {
                name: "Ada Park".into(),
                role: "Billing lead".into(),
                principal: Some("ada@example.com".into()),
            }),
            actions: vec!["issue-invoice".into()],
            evidence: Some("email".into()),
            date: Some(Date::parse("2026-11-30").unwrap()),
            signature: Some(signature.into()),
            ..Approval::default()
        }
    }

    #[test]
    fn the_statement_is_one_line_per_field_whatever_the_values() {
        let mut a = record("x");
        a.evidence = Some("line one\nscope: other\\".into());
        let text = statement_in(&a, "acme", "pilot");
        assert!(
            text.contains("evidence: line one\\nscope: other\\\\\n"),
            "{text}"
        );
        assert_eq!(text.lines().filter(|l| l.starts_with("scope: ")).count(), 1);
    }

    #[test]
    fn requests_never_need_a_signature() {
        let m = Manifest {
            approval: vec![Approval {
                status: Status::Requested,
                ..record("")
            }],
            exception: Vec::new(),
        };
        assert!(prove(&m.approval[0], &dummy(), &roster()).is_none());
    }

    fn dummy() -> Engagement {
        let text = include_str!("../../data/northwind/engagement.toml");
        toml::from_str(text).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// A malformed signature is a named refusal, never a panic.
        #[test]
        fn any_signature_text_is_refused_with_a_reason(text in ".{0,400}") {
            let e = dummy();
            match prove(&record(&text), &e, &roster()) {
                Some(Proof::Refused(why)) => prop_assert!(!why.is_empty()),
                other => prop_assert!(false, "{other:?}"),
            }
        }

        /// Bytes that decode: still refused, with a reason.
        #[test]
        fn any_signature_blob_is_refused_with_a_reason(
            bytes in proptest::collection::vec(any::<u8>(), 0..300),
            prefix in proptest::bool::ANY,
        ) {
            use base64::Engine;
            let mut blob = if prefix { b"SSHSIG\0\0\0\x01".to_vec() } else { Vec::new() };
            blob.extend(bytes);
            let text = base64::engine::general_purpose::STANDARD.encode(&blob);
            let e = dummy();
            prop_assert!(matches!(prove(&record(&text), &e, &roster()), Some(Proof::Refused(_))));
        }

        /// A malformed roster is an error naming the field, never a panic.
        #[test]
        fn any_roster_key_or_limit_is_checked(key in ".{0,200}", limit in ".{0,40}") {
            let text = format!(
                "[[person]]\nname = \"A\"\nrole = \"R\"\nprincipal = \"a@b\"\n[[person.key]]\nkey = {key:?}\n[[person.may]]\ngates = [\"billing\"]\nup_to = {limit:?}\n"
            );
            if let Ok(file) = toml::from_str::<RosterFile>(&text)
                && let Err((field, why)) = Roster::new(file)
            {
                prop_assert!(field.starts_with("person[0]"), "{field}");
                prop_assert!(!why.is_empty());
            }
        }
    }
}
