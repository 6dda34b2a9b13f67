//! The roster checked: every key parsed (and of a kind docket accepts), every principal
//! unique, every limit parsed; keys found by fingerprint, authority looked up by what an
//! approval asks. The file's types are `crate::model::RosterFile`; the load stage reads it
//! and locates what this module refuses.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use ssh_key::{HashAlg, PublicKey, public::KeyData};

use crate::model::{Authority, Date, Member, RosterFile};

/// The roster's file name, in the data folder.
pub const FILE_NAME: &str = "approvers.toml";

/// RSA keys shorter than this are refused.
pub const MIN_RSA_BITS: usize = 2048;

/// A limit on amounts: a currency and a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    /// ISO 4217 code.
    pub currency: String,
    /// The largest amount.
    pub amount: Decimal,
}

impl Limit {
    /// `USD 10000.00`, `EUR 5000`.
    pub fn parse(text: &str) -> std::result::Result<Limit, String> {
        let (code, figure) = text.trim().split_once(' ').ok_or_else(|| {
            format!("expected `CUR AMOUNT` (e.g. `USD 10000.00`), found `{text}`")
        })?;
        if crate::money::Currency::from_code(code).is_none() {
            return Err(format!(
                "`{code}` is not an ISO 4217 currency code docket knows"
            ));
        }
        let amount: Decimal = figure
            .trim()
            .replace([',', '_'], "")
            .parse()
            .map_err(|_| format!("`{figure}` is not an amount"))?;
        if amount.is_sign_negative() {
            return Err(format!("`{text}`: a limit is not negative"));
        }
        Ok(Limit {
            currency: code.to_string(),
            amount,
        })
    }

    /// `USD 10,000.00`.
    pub fn describe(currency: &str, amount: Decimal) -> String {
        match crate::money::Currency::from_code(currency) {
            Some(c) => format!("{currency} {}", crate::money::format_amount(amount, c)),
            None => format!("{currency} {amount}"),
        }
    }
}

/// A roster key, parsed.
#[derive(Debug, Clone)]
pub struct Key {
    /// Index of its person in [`Roster::people`].
    pub person: usize,
    /// The key.
    pub public: PublicKey,
    /// `SHA256:...`.
    pub fingerprint: String,
    /// The line as written (without comment), as the ledger keeps it.
    pub openssh: String,
    /// Window.
    pub valid_after: Option<Date>,
    /// Window.
    pub valid_before: Option<Date>,
}

impl Key {
    /// Why the key may not sign on `date`, if it may not.
    pub fn invalid_on(&self, date: Date) -> Option<String> {
        if let Some(after) = self.valid_after
            && date < after
        {
            return Some(format!(
                "key {} is not valid before {after} (the approval is dated {date})",
                self.fingerprint
            ));
        }
        if let Some(before) = self.valid_before
            && date >= before
        {
            return Some(format!(
                "key {} expired on {before} (the approval is dated {date})",
                self.fingerprint
            ));
        }
        None
    }
}

/// The roster, parsed and checked: people and every key by fingerprint.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// The people, in file order.
    pub people: Vec<Member>,
    /// Their keys.
    pub keys: Vec<Key>,
    /// Key index by fingerprint.
    by_fingerprint: BTreeMap<String, usize>,
    /// Their limits, parsed: `[person][may index]`.
    limits: Vec<Vec<Option<Limit>>>,
}

impl Roster {
    /// Checks a roster file: every key parses, is of an accepted algorithm and size, belongs
    /// to one person only; every principal is unique; every limit parses. An error is the
    /// field path (`person[0].key[1].key`) and what was expected.
    pub fn new(file: RosterFile) -> Result<Roster, (String, String)> {
        let mut roster = Roster::default();
        let mut principals = BTreeMap::new();
        for (p, person) in file.person.iter().enumerate() {
            for (field, text) in [
                ("name", &person.name),
                ("role", &person.role),
                ("principal", &person.principal),
            ] {
                if text.trim().is_empty() || crate::text::is_tbd(text) {
                    return Err((
                        format!("person[{p}].{field}"),
                        format!("expected the approver's {field}, found none"),
                    ));
                }
            }
            if !valid_principal(&person.principal) {
                return Err((
                    format!("person[{p}].principal"),
                    "expected a principal like an email (no spaces, commas or quotes)".into(),
                ));
            }
            if principals.insert(person.principal.clone(), p).is_some() {
                return Err((
                    format!("person[{p}].principal"),
                    format!("principal `{}` is listed twice", person.principal),
                ));
            }
            for (k, entry) in person.key.iter().enumerate() {
                let at = || format!("person[{p}].key[{k}].key");
                let public = parse_key(&entry.key).map_err(|why| (at(), why))?;
                let fingerprint = public.fingerprint(HashAlg::Sha256).to_string();
                if let Some(&other) = roster.by_fingerprint.get(&fingerprint) {
                    let owner = &file.person[roster.keys[other].person].principal;
                    return Err((
                        at(),
                        format!(
                            "key {fingerprint} is already listed (for {owner}): a key belongs to one person"
                        ),
                    ));
                }
                if let (Some(a), Some(b)) = (entry.valid_after, entry.valid_before)
                    && b <= a
                {
                    return Err((
                        format!("person[{p}].key[{k}].valid_before"),
                        format!(
                            "the window is empty: valid_before {b} is not after valid_after {a}"
                        ),
                    ));
                }
                let openssh = openssh_line(&public);
                roster
                    .by_fingerprint
                    .insert(fingerprint.clone(), roster.keys.len());
                roster.keys.push(Key {
                    person: p,
                    public,
                    fingerprint,
                    openssh,
                    valid_after: entry.valid_after,
                    valid_before: entry.valid_before,
                });
            }
            let mut limits = Vec::new();
            for (list, what) in [(&person.may, "may"), (&person.attest, "attest")] {
                for (a, authority) in list.iter().enumerate() {
                    if authority.gates.is_empty() {
                        return Err((
                            format!("person[{p}].{what}[{a}].gates"),
                            "expected at least one gate (or \"*\")".into(),
                        ));
                    }
                    let limit = match &authority.up_to {
                        Some(text) => Some(
                            Limit::parse(text)
                                .map_err(|why| (format!("person[{p}].{what}[{a}].up_to"), why))?,
                        ),
                        None => None,
                    };
                    if what == "may" {
                        limits.push(limit);
                    }
                }
            }
            roster.limits.push(limits);
        }
        roster.people = file.person;
        Ok(roster)
    }

    /// The roster key with this fingerprint.
    pub fn key(&self, fingerprint: &str) -> Option<&Key> {
        self.by_fingerprint.get(fingerprint).map(|&i| &self.keys[i])
    }

    /// The person with this principal.
    pub fn person(&self, principal: &str) -> Option<(usize, &Member)> {
        self.people
            .iter()
            .enumerate()
            .find(|(_, p)| p.principal == principal)
    }

    /// The first of `person`'s grants that covers `gate`, `action`, the client and the scope,
    /// with its limit; `None` when none does.
    pub fn may(
        &self,
        person: usize,
        grant: Grant,
        what: &Asked<'_>,
    ) -> Option<(usize, Option<&Limit>)> {
        let p = &self.people[person];
        let list = match grant {
            Grant::Approve => &p.may,
            Grant::Attest => &p.attest,
        };
        list.iter()
            .enumerate()
            .find(|(_, a)| a.covers(what))
            .map(|(i, _)| {
                let limit = match grant {
                    Grant::Approve => self.limits[person].get(i).and_then(Option::as_ref),
                    Grant::Attest => None,
                };
                (i, limit)
            })
    }

    /// Who may sign this (to approve it themselves, or to attest it), as `Name <principal>`.
    pub fn who_may(&self, what: &Asked<'_>) -> Vec<String> {
        self.people
            .iter()
            .filter(|p| p.may.iter().any(|a| a.covers(what)) && !p.key.is_empty())
            .map(|p| format!("{} <{}>", p.name, p.principal))
            .collect()
    }

    /// The roster as OpenSSH's `allowed_signers` file: one line per key, with the docket
    /// namespace and each key's window (so `ssh-keygen -Y verify` checks what docket does).
    pub fn allowed_signers(&self) -> String {
        let mut out = String::new();
        for key in &self.keys {
            let p = &self.people[key.person];
            out.push_str(&p.principal);
            // Options as in authorized_keys: one comma-separated list.
            let mut options = vec![format!("namespaces=\"{}\"", super::NAMESPACE)];
            if let Some(a) = key.valid_after {
                options.push(format!(
                    "valid-after=\"{}\"",
                    a.to_string().replace('-', "")
                ));
            }
            if let Some(b) = key.valid_before {
                options.push(format!(
                    "valid-before=\"{}\"",
                    b.to_string().replace('-', "")
                ));
            }
            out.push(' ');
            out.push_str(&options.join(","));
            out.push(' ');
            out.push_str(&key.openssh);
            out.push('\n');
        }
        out
    }
}

/// Approve for oneself, or attest an outside approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// `[[person.may]]`.
    Approve,
    /// `[[person.attest]]`.
    Attest,
}

/// What an approval asks authority for.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    /// The gate.
    pub gate: &'a str,
    /// One action.
    pub action: &'a str,
    /// The engagement id.
    pub engagement: &'a str,
    /// The client's name.
    pub client: &'a str,
    /// The scope.
    pub scope: &'a str,
}

trait Covers {
    fn covers(&self, what: &Asked<'_>) -> bool;
}

impl Covers for Authority {
    fn covers(&self, what: &Asked<'_>) -> bool {
        let any = |list: &[String], value: &str| {
            list.is_empty() || list.iter().any(|v| v == "*" || v == value)
        };
        self.gates.iter().any(|g| g == "*" || g == what.gate)
            && any(&self.actions, what.action)
            && (self.clients.is_empty()
                || self
                    .clients
                    .iter()
                    .any(|c| c == "*" || c == what.client || c == what.engagement))
            && any(&self.scopes, what.scope)
    }
}

/// An OpenSSH public key line, checked against what docket accepts: Ed25519, ECDSA P-256 and
/// P-384, RSA of at least 2048 bits (signatures with SHA-2 only). DSA, the 521-bit curve and
/// security keys are refused, each with its reason.
pub fn parse_key(text: &str) -> std::result::Result<PublicKey, String> {
    let text = text.trim();
    let key = PublicKey::from_openssh(text).map_err(|e| {
        format!("expected an OpenSSH public key (`ssh-ed25519 AAAA...`, as in a .pub file): {e}")
    })?;
    check_algorithm(key.key_data())?;
    Ok(key)
}

/// Whether docket accepts keys of this kind.
pub fn check_algorithm(key: &KeyData) -> std::result::Result<(), String> {
    match key {
        KeyData::Ed25519(_) => Ok(()),
        KeyData::Ecdsa(k) => match k.curve() {
            ssh_key::EcdsaCurve::NistP256 | ssh_key::EcdsaCurve::NistP384 => Ok(()),
            other => Err(format!(
                "ECDSA on {other} is not accepted: use Ed25519, ECDSA P-256/P-384 or RSA >= 2048 bits"
            )),
        },
        KeyData::Rsa(k) => {
            let bits = k.n.as_positive_bytes().map_or(0, |b| {
                let lead = b.first().map_or(0, |x| x.leading_zeros() as usize);
                b.len() * 8 - lead
            });
            if bits < MIN_RSA_BITS {
                Err(format!(
                    "an RSA key of {bits} bits is too short: docket accepts RSA keys of {MIN_RSA_BITS} bits or more"
                ))
            } else {
                Ok(())
            }
        }
        other => Err(format!(
            "{} keys are not accepted: use Ed25519, ECDSA P-256/P-384 or RSA >= 2048 bits",
            other.algorithm()
        )),
    }
}

/// `ssh-ed25519 AAAA...` without the comment.
pub fn openssh_line(key: &PublicKey) -> String {
    let mut key = key.clone();
    key.set_comment("");
    key.to_openssh()
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

fn valid_principal(p: &str) -> bool {
    !p.is_empty()
        && p.len() <= 256
        && !p.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, ',' | '"' | '\'' | '*' | '?' | '!')
        })
}

/// `docket approvers`: each person, their keys and what they may approve or attest.
impl std::fmt::Display for Roster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let roster = self;
        if roster.people.is_empty() {
            writeln!(
                f,
                "no approvers in the roster (approvers.toml): no approval counts under trust = \"signed\""
            )?;
        }
        let list = |v: &[String]| {
            if v.is_empty() {
                "any".to_string()
            } else {
                v.join(", ")
            }
        };
        for (i, p) in roster.people.iter().enumerate() {
            writeln!(f, "{} <{}>, {}", p.name, p.principal, p.role)?;
            for k in roster.keys.iter().filter(|k| k.person == i) {
                let from = k
                    .valid_after
                    .map_or_else(|| "always".to_string(), |d| format!("from {d}"));
                let to = k
                    .valid_before
                    .map_or_else(String::new, |d| format!(" until {d}"));
                writeln!(f, "  key {} ({from}{to})", k.fingerprint)?;
            }
            for (what, grants) in [("may approve", &p.may), ("may attest", &p.attest)] {
                for g in grants {
                    writeln!(
                        f,
                        "  {what} gates {}, actions {}, clients {}, scopes {}{}",
                        list(&g.gates),
                        list(&g.actions),
                        list(&g.clients),
                        list(&g.scopes),
                        g.up_to
                            .as_ref()
                            .map_or_else(String::new, |u| format!(", up to {u}"))
                    )?;
                }
            }
        }
        Ok(())
    }
}
