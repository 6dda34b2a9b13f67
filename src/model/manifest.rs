//! The approval manifest (`approvals.toml`): approvals, their statuses and evidence, and
//! the exceptions to the preparer rule.

use super::*;

/// The status of an approval record.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Given, with evidence.
    Approved,
    /// Given subject to conditions (e.g. a risk still open).
    Conditional,
    /// Asked for, not given.
    Requested,
    /// Refused.
    Denied,
    /// Withdrawn.
    Revoked,
    /// Nobody knows.
    #[default]
    Unknown,
}

impl Status {
    /// The lowercase name used in data and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Approved => "approved",
            Status::Conditional => "conditional",
            Status::Requested => "requested",
            Status::Denied => "denied",
            Status::Revoked => "revoked",
            Status::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who gave an approval.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approver {
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// Their principal in the roster (`approvers.toml`), an email: the key that signs must
    /// be theirs. Absent for an outside approver (a client), whose approval a roster member
    /// attests (`attested_by`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal: Option<String>,
}

/// One record of the approval manifest.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The gate it answers (e.g. `billing`).
    pub gate: String,
    /// Its status as recorded.
    pub status: Status,
    /// Who gave it.
    #[serde(default)]
    pub approver: Option<Approver>,
    /// The actions it permits (e.g. `issue-invoice`).
    #[serde(default)]
    pub actions: Vec<String>,
    /// What shows it was given (a document id, an email reference).
    #[serde(default)]
    pub evidence: Option<String>,
    /// When it was given.
    #[serde(default)]
    pub date: Option<Date>,
    /// The scope it covers; the engagement's scope when absent.
    #[serde(default)]
    pub scope: Option<String>,
    /// Conditions attached (e.g. `R-03 open`).
    #[serde(default)]
    pub conditions: Vec<String>,
    /// After this date it no longer counts.
    #[serde(default)]
    pub expires: Option<Date>,
    /// The artifact this approval is bound to: a kind (`invoice`), or one of many documents
    /// of a kind (`invoice:milestone-2`). It then counts for that artifact only; one naming
    /// only the kind clears none of several instances (it is ambiguous). With a `digest`
    /// (`docket approve` records one) it counts only while the inputs are unchanged.
    #[serde(default)]
    pub artifact: Option<String>,
    /// Digest of the artifact's inputs when approved (`sha256:...`).
    #[serde(default)]
    pub digest: Option<String>,
    /// Per-field digests when approved, to name what changed since.
    #[serde(default)]
    pub inputs: BTreeMap<String, String>,
    /// The document id it approves (an invoice's number), as `docket approve` saw it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// For an outside approver's approval (a client sponsor's acceptance), the principal of
    /// the roster member who attests it with their own signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attested_by: Option<String>,
    /// The SSH signature (SSHSIG, armored) over the record's statement, by the approver's key
    /// (or the attester's). Under `trust = "signed"` an approval counts only with one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// For a request (an agent or a colleague asking, never approving): who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<String>,
    /// For a request: why it is asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What verifying the signature found (filled in at load; never read from the file).
    #[serde(skip)]
    #[schemars(skip)]
    pub proof: Option<Proof>,
}

/// Who signed an approval, as verified against the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Signer {
    /// The signer's principal.
    pub principal: String,
    /// The signer's name, from the roster.
    pub name: String,
    /// The signer's role, from the roster.
    pub role: String,
    /// The key's fingerprint (`SHA256:...`).
    pub fingerprint: String,
    /// Whether the signer attested an outside approver's approval (rather than approving).
    pub attested: bool,
    /// The key as OpenSSH writes it (the ledger keeps it, so what was signed verifies after
    /// the roster changes).
    #[serde(skip)]
    pub key: String,
    /// Index of the signer in the roster.
    #[serde(skip)]
    pub person: usize,
    /// The amounts (currency, largest total) the signer's authority for this approval
    /// stops at; the gate checks the document's total against each.
    #[serde(skip)]
    pub limits: Vec<(String, Decimal)>,
    /// The key's window in the roster when it signed (the ledger keeps it).
    #[serde(skip)]
    pub valid_after: Option<Date>,
    /// See `valid_after`.
    #[serde(skip)]
    pub valid_before: Option<Date>,
    /// The statement it signed, built once when verified (the ledger keeps it).
    #[serde(skip)]
    pub statement: String,
}

/// What verifying one approval record found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proof {
    /// Signed by a roster key of the person it names (or of its attester), valid on its date.
    Signed(Signer),
    /// It does not count, for this reason.
    Refused(String),
}

/// A recorded exception to the rule that nobody approves their own work.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// The artifact kind.
    pub artifact: String,
    /// The person allowed to approve what they prepared.
    pub person: String,
    /// Why.
    pub reason: String,
    /// Who granted the exception.
    pub granted_by: String,
}

/// The approval manifest of one engagement (`approvals.toml`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The records, in file order.
    #[serde(default)]
    pub approval: Vec<Approval>,
    /// Exceptions to the preparer rule.
    #[serde(default)]
    pub exception: Vec<Exception>,
}
