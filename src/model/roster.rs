//! The roster (`approvers.toml` beside `rules.toml`): who may approve what, and with which
//! keys. One `[[person]]` per approver: name, role, principal (an email, as in OpenSSH's
//! `allowed_signers`), one or more `[[person.key]]` (an OpenSSH public key line and its
//! validity window) and their authority: `[[person.may]]` for what they approve themselves,
//! `[[person.attest]]` for the outside approvals (a client sponsor's email) they may record
//! with their own signature. `crate::trust::Roster` is the checked form.

use super::*;

/// `approvers.toml` as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RosterFile {
    /// The people who may approve or attest.
    #[serde(default)]
    pub person: Vec<Member>,
}

/// One approver.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Their name, as approvals name them.
    pub name: String,
    /// Their role.
    pub role: String,
    /// Their principal: an email, as in `allowed_signers`.
    pub principal: String,
    /// Their public keys, each with its validity window. Retire a key by ending its window
    /// (`valid_before`), never by deleting it: what it signed while valid stays valid.
    #[serde(default)]
    pub key: Vec<KeyEntry>,
    /// What they may approve.
    #[serde(default)]
    pub may: Vec<Authority>,
    /// What outside approvals (a client's) they may attest with their own signature.
    #[serde(default)]
    pub attest: Vec<Authority>,
}

/// One public key and when it is valid.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyEntry {
    /// The key as `ssh-keygen` writes it: `ssh-ed25519 AAAA... comment`.
    pub key: String,
    /// Valid from this day on (inclusive); always, when absent.
    #[serde(default)]
    pub valid_after: Option<Date>,
    /// Valid until the day before this one (exclusive); open-ended when absent.
    #[serde(default)]
    pub valid_before: Option<Date>,
}

/// What someone may approve (or attest): gates, actions, clients, scopes, an amount.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Gates (`billing`, `security`); `*` for any.
    pub gates: Vec<String>,
    /// Actions (`issue-invoice`); any when absent.
    #[serde(default)]
    pub actions: Vec<String>,
    /// Clients, by name or engagement id; any when absent.
    #[serde(default)]
    pub clients: Vec<String>,
    /// Scopes; any when absent.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// The largest document total they may approve, as `USD 10000.00`; no limit when absent.
    #[serde(default)]
    pub up_to: Option<String>,
}
