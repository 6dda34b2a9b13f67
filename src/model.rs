//! The engagement data model: the `project_state` of one client engagement, its approval
//! manifest, and the rules (lifecycle and artifact kinds) that docket enforces.
//!
//! These are plain serde types. Every struct denies unknown fields, so a misspelt key is an
//! error that names itself instead of a silently ignored fact. Unknown facts are written `TBD`:
//! free text keeps the literal string, typed facts (dates, amounts) use [`Fact`], and
//! nothing downstream ever replaces a `TBD` with an invented value.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

pub use crate::text::TBD;

pub use crate::instances::Section;

/// A calendar date (`YYYY-MM-DD`), accepted as a string or as a TOML date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub time::Date);

impl Date {
    /// Parses `YYYY-MM-DD`; the error says what was expected.
    pub fn parse(text: &str) -> Result<Date, String> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        time::Date::parse(text, &format)
            .map(Date)
            .map_err(|_| format!("expected a date written YYYY-MM-DD, found `{text}`"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}",
            d.year(),
            u8::from(d.month()),
            d.day()
        )
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(FactVisitor::<Date>::new())? {
            Fact::Known(date) => Ok(date),
            Fact::Tbd => Err(de::Error::custom(
                "expected a date written YYYY-MM-DD; TBD is not allowed here",
            )),
        }
    }
}

/// A typed fact that may be unknown: either its value or `TBD`.
///
/// Dates and amounts are checked when loaded, but an engagement in progress legitimately has
/// facts nobody knows yet; `Fact` lets those stay `TBD` instead of being guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact<T> {
    /// The value is known.
    Known(T),
    /// Nobody knows it yet: rendered as `TBD` and listed as an open question.
    Tbd,
}

impl<T> Fact<T> {
    /// The known value, if any.
    pub fn known(&self) -> Option<&T> {
        match self {
            Fact::Known(v) => Some(v),
            Fact::Tbd => None,
        }
    }
}

impl<T: fmt::Display> Serialize for Fact<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fact::Known(v) => s.collect_str(v),
            Fact::Tbd => s.serialize_str(TBD),
        }
    }
}

/// Parsing of the scalar types a [`Fact`] can hold, from text or integers.
pub trait FactValue: Sized {
    /// What the value looks like, for error messages.
    const EXPECTED: &'static str;
    /// Parses the textual form.
    fn from_text(text: &str) -> Result<Self, String>;
    /// Converts an integer, where that is meaningful.
    fn from_int(_value: i128) -> Option<Self> {
        None
    }
}

impl FactValue for Date {
    const EXPECTED: &'static str = "a date written YYYY-MM-DD (or TBD)";
    fn from_text(text: &str) -> Result<Self, String> {
        Date::parse(text)
    }
}

impl FactValue for Decimal {
    const EXPECTED: &'static str =
        "a decimal number written as a string, e.g. \"1200.50\" (or TBD)";
    fn from_text(text: &str) -> Result<Self, String> {
        let ok = !text.is_empty()
            && text
                .trim_start_matches(['-', '+'])
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
            && text.chars().filter(|&c| c == '.').count() <= 1
            && text
                .trim_start_matches(['-', '+'])
                .chars()
                .any(|c| c.is_ascii_digit());
        if !ok {
            return Err(format!(
                "expected a decimal number such as \"1200.50\", found `{text}`"
            ));
        }
        text.parse::<Decimal>()
            .map_err(|_| format!("`{text}` is not a decimal number docket can represent exactly"))
    }
    fn from_int(value: i128) -> Option<Self> {
        i64::try_from(value).ok().map(Decimal::from)
    }
}

struct FactVisitor<T>(std::marker::PhantomData<T>);

impl<T> FactVisitor<T> {
    fn new() -> Self {
        FactVisitor(std::marker::PhantomData)
    }
}

/// The key under which the `toml` deserializer hands over a native TOML datetime.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de, T: FactValue> Visitor<'de> for FactVisitor<T> {
    type Value = Fact<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v == TBD {
            return Ok(Fact::Tbd);
        }
        T::from_text(v).map(Fact::Known).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::from_int(i128::from(v))
            .map(Fact::Known)
            .ok_or_else(|| E::custom(format!("expected {}, found the number {v}", T::EXPECTED)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::from_int(i128::from(v))
            .map(Fact::Known)
            .ok_or_else(|| E::custom(format!("expected {}, found the number {v}", T::EXPECTED)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(E::custom(format!(
            "expected {}, found the floating-point number {v}: write amounts as strings so \
             they stay exact",
            T::EXPECTED
        )))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // A native TOML date (`date = 2026-01-20`) arrives as a one-entry map.
        match map.next_key::<String>()? {
            Some(key) if key == TOML_DATETIME_KEY => {
                let text: String = map.next_value()?;
                T::from_text(&text)
                    .map(Fact::Known)
                    .map_err(de::Error::custom)
            }
            _ => Err(de::Error::custom(format!(
                "expected {}, found a table",
                T::EXPECTED
            ))),
        }
    }
}

impl<'de, T: FactValue> Deserialize<'de> for Fact<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FactVisitor::<T>::new())
    }
}

// JSON Schemas of the types whose serde is written by hand (see `docket schema`): each says
// what the hand-written deserializer accepts.

const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const DECIMAL_PATTERN: &str = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$";

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date written YYYY-MM-DD (a TOML date literal also works).",
            "type": "string",
            "pattern": DATE_PATTERN,
        })
    }
}

impl JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact decimal written as a string (\"1200.50\") or an integer; never a float.",
            "anyOf": [
                { "type": "string", "pattern": DECIMAL_PATTERN },
                { "type": "integer" },
            ],
        })
    }
}

/// A known date or `TBD`.
impl JsonSchema for Fact<Date> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateOrTbd".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date written YYYY-MM-DD, or TBD when it is not known.",
            "anyOf": [
                { "type": "string", "pattern": DATE_PATTERN },
                { "const": TBD },
            ],
        })
    }
}

/// A known decimal or `TBD`.
impl JsonSchema for Fact<Decimal> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DecimalOrTbd".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact decimal written as a string or an integer, or TBD.",
            "anyOf": [
                { "type": "string", "pattern": DECIMAL_PATTERN },
                { "type": "integer" },
                { "const": TBD },
            ],
        })
    }
}

impl JsonSchema for Layout {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Layout".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The stem of a .typ file in the templates folder.",
            "type": "string",
            "pattern": "^[a-z0-9-][a-z0-9_-]*$",
        })
    }
}

/// An exact decimal from data (quantities, prices, rates), written as a string or an
/// integer. Floats are refused: `0.1` in TOML is a binary float, and money must not pass
/// through one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Num(pub Decimal);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(FactVisitor::<Decimal>::new())? {
            Fact::Known(v) => Ok(Num(v)),
            Fact::Tbd => Err(de::Error::custom(
                "expected a decimal number such as \"1200.50\"; TBD is not allowed here",
            )),
        }
    }
}

/// One engagement's `project_state`, as read from `engagement.toml` (or `.json`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    /// Stable id: the output folder name and the `--engagement` argument.
    pub id: String,
    /// The client's display name.
    pub client: String,
    /// The workflow the engagement automates.
    pub workflow: String,
    /// The lifecycle stage the engagement is in (a stage name from the rules).
    pub lifecycle_stage: String,
    /// The scope the signed agreement covers; artifacts and approvals default to it.
    pub scope: String,
    /// The date documents carry unless their own section gives one (fixed for reproducibility).
    pub as_of: Date,
    /// The skills the orchestrator last routed to, in order.
    #[serde(default)]
    pub next_skill: Vec<String>,
    /// What should happen next, in words.
    #[serde(default = "tbd")]
    pub next_action: String,
    /// Who owns the next action.
    #[serde(default = "tbd")]
    pub next_owner: String,
    /// The consultancy delivering the engagement.
    pub provider: Provider,
    /// The client's legal details.
    pub client_details: ClientDetails,
    /// Postal addresses, by key.
    #[serde(default)]
    pub addresses: BTreeMap<String, Address>,
    /// Parallel work tracks (active, blocked, draft only).
    #[serde(default)]
    pub tracks: Vec<Track>,
    // Artifact data sections, by section name (see the rules' `section`). Each is optional:
    // an engagement that has no data for an artifact gets it reported as blocked, not
    // rendered from nothing.
    /// Requirements brief (discovery).
    #[serde(default)]
    pub brief: Section<Brief>,
    /// Pilot proposal.
    #[serde(default)]
    pub proposal: Section<Proposal>,
    /// Agreement (contract).
    #[serde(default)]
    pub agreement: Section<Agreement>,
    /// Launch readiness checklist (delivery).
    #[serde(default)]
    pub launch_checklist: Section<LaunchChecklist>,
    /// Security signoff memo (overlay).
    #[serde(default)]
    pub security_memo: Section<SecurityMemo>,
    /// Health scorecard and QBR (support).
    #[serde(default)]
    pub health_scorecard: Section<HealthScorecard>,
    /// Named case study (proof).
    #[serde(default)]
    pub case_study: Section<CaseStudy>,
    /// Milestone invoice (billing).
    #[serde(default)]
    pub invoice: Section<Invoice>,
    /// Outbound email sequence (comms).
    #[serde(default)]
    pub email_sequence: Section<EmailSequence>,
    /// #10 envelope (packaging).
    #[serde(default)]
    pub envelope: Section<Envelope>,
    /// Certificate of completion.
    #[serde(default)]
    pub certificate: Section<Certificate>,
    /// Change order.
    #[serde(default)]
    pub change_order: Section<ChangeOrder>,
    /// Credit note: an invoice-shaped document that corrects an issued invoice.
    #[serde(default)]
    pub credit_note: Section<Invoice>,
    /// Statement of account: the client's invoices, credit notes and payments of a period,
    /// with a running balance and aging (computed by docket from the ledger and `payments`).
    #[serde(default, skip_serializing_if = "Section::is_empty")]
    pub statement: Section<Statement>,
    /// Payment reminders: never written in data. docket derives one per overdue invoice at
    /// the rules' next `[[reminder]]` stage (see [`crate::receivables`]).
    #[serde(default, skip_deserializing, skip_serializing_if = "Section::is_empty")]
    #[schemars(skip)]
    pub reminder: Section<Reminder>,
    /// Payments received, each applied to the issued invoices it settles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payments: Vec<ReceivedPayment>,
}

/// The artifact sections of an engagement, by section name: the one list that knows which
/// field holds which section (views and keys are per section).
macro_rules! sections {
    ($($name:ident),* $(,)?) => {
        impl Engagement {
            /// The instance keys of a section, in data order (`None` for the one-table form
            /// without a key); `None` for a section name the engagement has no field for.
            pub fn instance_keys(&self, section: &str) -> Option<Vec<Option<String>>> {
                match section {
                    $(stringify!($name) => Some(self.$name.iter().map(|i| i.key.clone()).collect()),)*
                    _ => None,
                }
            }

            /// Whether a section is written as an array of tables.
            pub fn is_many(&self, section: &str) -> bool {
                match section {
                    $(stringify!($name) => self.$name.is_many(),)*
                    _ => false,
                }
            }

            /// One engagement per instance of a section, each holding only that instance
            /// in it (as the one-table form would): what the gate, the templates and the
            /// computed facts of that instance see. Empty for an unknown section.
            pub fn views(&mut self, section: &str) -> Vec<Engagement> {
                match section {
                    $(stringify!($name) => {
                        let all = std::mem::take(&mut self.$name);
                        let views = all
                            .iter()
                            .map(|instance| Engagement {
                                $name: Section::One(instance.clone()),
                                ..self.clone()
                            })
                            .collect();
                        self.$name = all;
                        views
                    })*
                    _ => Vec::new(),
                }
            }
        }
    };
}

sections!(
    brief,
    proposal,
    agreement,
    launch_checklist,
    security_memo,
    health_scorecard,
    case_study,
    invoice,
    email_sequence,
    envelope,
    certificate,
    change_order,
    credit_note,
    statement,
    reminder,
);

fn tbd_date() -> Fact<Date> {
    Fact::Tbd
}

fn tbd() -> String {
    TBD.to_string()
}

/// The consultancy's details.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// Display name.
    pub name: String,
    /// Legal name on contracts and invoices.
    pub legal_name: String,
    /// Tax id (VAT/EIN), or TBD.
    #[serde(default = "tbd")]
    pub tax_id: String,
    /// Contact email.
    #[serde(default = "tbd")]
    pub email: String,
    /// Key of its postal address in `addresses`.
    pub address: String,
    /// Telephone, shown in the letterhead when known.
    #[serde(default)]
    pub phone: Option<String>,
    /// Web site, shown in the letterhead when known.
    #[serde(default)]
    pub website: Option<String>,
    /// The house style's brand: accent colour and logo.
    #[serde(default)]
    pub brand: Brand,
}

/// A provider's brand for the house style (`[provider.brand]`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// Accent colour, `#rrggbb`.
    #[serde(default)]
    pub accent: Option<String>,
    /// Logo file, relative to the templates folder and inside its `assets/` folder
    /// (`assets/logo.svg`): SVG, PNG or JPEG.
    #[serde(default)]
    pub logo: Option<String>,
}

/// The client's legal details.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClientDetails {
    /// Legal name on contracts and invoices.
    pub legal_name: String,
    /// Tax id, or TBD.
    #[serde(default = "tbd")]
    pub tax_id: String,
    /// The client's sponsor of the engagement.
    #[serde(default = "tbd")]
    pub sponsor: String,
    /// The sponsor's title.
    #[serde(default = "tbd")]
    pub sponsor_title: String,
    /// Key of the billing address in `addresses`.
    pub billing_address: String,
    /// Who receives invoices, statements and reminders by email (name and address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_contact: Option<Recipient>,
    /// Structured e-invoices for this client's invoices and credit notes (`"factur-x"`),
    /// whatever their series says; off when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub einvoice: Option<EInvoice>,
}

/// A structured e-invoice format docket can emit beside (and inside) an invoice's PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum EInvoice {
    /// Factur-X 1.0 / ZUGFeRD 2.x at the EN 16931 (COMFORT) profile: a CII XML
    /// (`invoice.xml`) embedded as `factur-x.xml` in a PDF/A-3b invoice.
    #[serde(rename = "factur-x")]
    FacturX,
}

/// A postal address, free-form as people write it; the envelope stage standardizes it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Recipient line (a person or a department).
    pub name: String,
    /// Organization line, if any.
    #[serde(default)]
    pub organization: Option<String>,
    /// Delivery lines (street, suite, PO box).
    pub lines: Vec<String>,
    /// City (or APO/FPO/DPO).
    pub city: String,
    /// State, province or region code; empty where a country has none.
    #[serde(default)]
    pub region: String,
    /// ZIP or postal code.
    #[serde(default)]
    pub postal_code: String,
    /// ISO 3166 alpha-2 country code.
    #[serde(default = "default_country")]
    pub country: String,
}

fn default_country() -> String {
    "US".to_string()
}

/// The status of a parallel track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TrackStatus {
    /// Work is going on.
    Active,
    /// Work cannot go on until the blocker is cleared.
    Blocked,
    /// Only drafts may be produced.
    DraftOnly,
    /// Finished.
    Done,
}

/// A parallel track of work, with its owner and blocker (seed section 5).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Track {
    /// Track name.
    pub name: String,
    /// Status.
    pub status: TrackStatus,
    /// Owner, or TBD.
    #[serde(default = "tbd")]
    pub owner: String,
    /// What stops it, if anything.
    #[serde(default)]
    pub blocker: Option<String>,
    /// The scope the track works in (defaults to the engagement's).
    #[serde(default)]
    pub scope: Option<String>,
    /// The approval gate the track works toward, if any: a missing approval on that gate
    /// and scope is reported with the track's status and blocker.
    #[serde(default)]
    pub gate: Option<String>,
}

/// A person named in a document, with their role.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Name, or TBD.
    pub name: String,
    /// Role.
    pub role: String,
}

/// Requirements brief: the verified discovery facts.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id (e.g. DISC-2026-0117).
    pub id: String,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// The problem in the client's words.
    pub problem: String,
    /// What the engagement should achieve.
    pub goal: String,
    /// How the work is done today.
    #[serde(default = "tbd")]
    pub current_process: String,
    /// Monthly email volume.
    #[serde(default = "tbd")]
    pub monthly_email_volume: String,
    /// Systems involved.
    #[serde(default)]
    pub systems: Vec<String>,
    /// How success is measured.
    #[serde(default)]
    pub success_metrics: Vec<String>,
    /// Constraints agreed in discovery.
    #[serde(default)]
    pub constraints: Vec<String>,
    /// What the engagement does not cover.
    #[serde(default)]
    pub out_of_scope: Vec<String>,
    /// People involved.
    #[serde(default)]
    pub stakeholders: Vec<Person>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// A phase of a proposal's timeline.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Phase name.
    pub phase: String,
    /// Duration in weeks, or TBD.
    pub weeks: String,
}

/// Pilot proposal.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id (e.g. PRO-2026-0188).
    pub id: String,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// One-paragraph summary.
    pub summary: String,
    /// What is in scope.
    pub in_scope: Vec<String>,
    /// What is not.
    #[serde(default)]
    pub out_of_scope: Vec<String>,
    /// What is delivered.
    #[serde(default)]
    pub deliverables: Vec<String>,
    /// Phases.
    #[serde(default)]
    pub timeline: Vec<Phase>,
    /// ISO 4217 currency code.
    pub currency: String,
    /// Fixed fee.
    pub fee: Fact<Decimal>,
    /// Payment terms in words.
    #[serde(default = "tbd")]
    pub payment_terms: String,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// A signature on an agreement.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// The party signing.
    pub party: String,
    /// Who signed, or TBD.
    pub name: String,
    /// The signer's title (printed under the name).
    #[serde(default)]
    pub title: Option<String>,
    /// When.
    pub signed_on: Fact<Date>,
}

/// A further numbered clause of an agreement (the provider's standard terms).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Clause heading.
    pub title: String,
    /// Clause text.
    pub text: String,
}

/// Agreement (the contract).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id (e.g. ADSA-2026-0142).
    pub id: String,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// The proposal it accepts.
    pub proposal: String,
    /// Term in words.
    pub term: String,
    /// Scope in words.
    pub scope_summary: String,
    /// What the agreement excludes.
    #[serde(default)]
    pub excluded: Vec<String>,
    /// ISO 4217 currency code.
    pub currency: String,
    /// Fixed fee.
    pub fee: Fact<Decimal>,
    /// Deposit due on signature.
    pub deposit: Fact<Decimal>,
    /// When the deposit was received.
    pub deposit_paid_on: Fact<Date>,
    /// The payment schedule: what may be invoiced, and when. When it is given, docket
    /// checks every invoice of the engagement against it (see `crate::billing`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<Installment>,
    /// Further clauses after the ones docket writes from the fields above.
    #[serde(default)]
    pub clauses: Vec<Clause>,
    /// Signatures.
    #[serde(default)]
    pub signatories: Vec<Signatory>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// One line of a checklist.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// What must be true.
    pub item: String,
    /// done, open, conditional, blocked.
    pub status: String,
    /// Who owns it.
    #[serde(default = "tbd")]
    pub owner: String,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
    /// The scope this item belongs to, when it is not the engagement's signed scope (e.g.
    /// `refund-recommendations`): outside the signed scope nothing renders until the rules'
    /// `[expanded_scope]` approvals hold for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// Launch readiness checklist.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LaunchChecklist {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id, if it has one.
    #[serde(default)]
    pub id: Option<String>,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// The items.
    pub items: Vec<ChecklistItem>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// A risk in a security review.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Risk id (e.g. R-03).
    pub id: String,
    /// Title, or TBD.
    pub title: String,
    /// open or closed.
    pub status: String,
    /// Who owns closing it.
    #[serde(default)]
    pub owner: Option<String>,
}

/// Security signoff memo.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityMemo {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id (e.g. SEC-2026-0090).
    pub id: String,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// GO, Conditional GO or NO GO.
    pub decision: String,
    /// What was reviewed.
    pub reviewed_scope: String,
    /// Conditions attached to the decision.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// Risks.
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// What the review did not cover.
    #[serde(default)]
    pub not_reviewed: Vec<String>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// A metric on a health scorecard.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Metric name.
    pub name: String,
    /// Value, or TBD.
    pub value: String,
    /// Target, or TBD.
    #[serde(default = "tbd")]
    pub target: String,
}

/// Health scorecard and QBR.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HealthScorecard {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id, if any.
    #[serde(default)]
    pub id: Option<String>,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// Period covered.
    pub period: String,
    /// Overall health.
    pub health: String,
    /// Renewal decision.
    pub renewal_decision: String,
    /// Metrics.
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// Named case study.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseStudy {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id, if any.
    #[serde(default)]
    pub id: Option<String>,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// Title.
    pub title: String,
    /// The client's challenge.
    pub challenge: String,
    /// What was built.
    pub solution: String,
    /// Results.
    pub results: String,
    /// An approved quote.
    #[serde(default = "tbd")]
    pub quote: String,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// A line of an invoice, as written in data (amounts as strings, parsed exactly).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InvoiceLine {
    /// What was supplied.
    pub description: String,
    /// Quantity (up to 4 decimals).
    pub quantity: Num,
    /// Unit price excluding tax (up to 4 decimals).
    pub unit_price: Num,
    /// Absolute discount on this line.
    #[serde(default)]
    pub discount: Num,
    /// Tax category key.
    pub tax: String,
    /// Unit of the quantity as a UN/ECE Recommendation 20 code (`C62` one, `HUR` hour,
    /// `DAY` day, `MON` month): required on e-invoices, never guessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A line total given in the data, checked against quantity x price.
    #[serde(default)]
    pub amount: Option<Num>,
    /// The scope this line belongs to, when it is not the engagement's signed scope (e.g.
    /// `refund-recommendations`): outside the signed scope nothing renders until the rules'
    /// `[expanded_scope]` approvals hold for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// A tax category of an invoice.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InvoiceTax {
    /// Category key the lines refer to.
    pub category: String,
    /// Rate in percent (0 to 100).
    pub rate: Num,
    /// EN 16931 VAT category code (UNCL 5305: `S` standard rate, also for reduced rates,
    /// `Z` zero rated, `E` exempt, `AE` reverse charge, `K` intra-community, `G` export,
    /// `O` outside the scope of VAT, `L` Canary Islands, `M` Ceuta and Melilla). Needed on
    /// e-invoices; when absent, a key that is itself such a code (`S`) is taken as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Exemption or reverse-charge wording.
    #[serde(default)]
    pub note: Option<String>,
}

/// An amount already paid against the invoice (e.g. the contract deposit).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// What it was.
    pub description: String,
    /// Amount.
    pub amount: Num,
}

/// Milestone invoice.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Invoice {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Invoice number (e.g. INV-2026-0461), or TBD until issued.
    pub number: String,
    /// Issue date.
    pub issue_date: Fact<Date>,
    /// Due date; computed from `Net N` payment terms when TBD.
    #[serde(default = "tbd_date")]
    pub due_date: Fact<Date>,
    /// Payment terms (e.g. Net 30).
    pub payment_terms: String,
    /// The milestone the contract describes.
    pub milestone: String,
    /// The scope this invoice belongs to, when it is not the engagement's signed scope (e.g.
    /// `refund-recommendations`): outside the signed scope nothing renders until the rules'
    /// `[expanded_scope]` approvals hold for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Supply period.
    #[serde(default = "tbd")]
    pub period: String,
    /// Client purchase order, or TBD.
    #[serde(default = "tbd")]
    pub purchase_order: String,
    /// The agreement invoiced against.
    pub agreement: String,
    /// ISO 4217 currency code.
    pub currency: String,
    /// Address key of the seller.
    pub seller: String,
    /// Address key of the buyer.
    pub buyer: String,
    /// Line items.
    pub lines: Vec<InvoiceLine>,
    /// Tax categories.
    pub taxes: Vec<InvoiceTax>,
    /// Invoice-level discount.
    #[serde(default)]
    pub discount: Num,
    /// Amounts already paid.
    #[serde(default)]
    pub paid: Vec<Payment>,
    /// Remittance details.
    #[serde(default = "tbd")]
    pub remittance: String,
    /// Notes printed on the invoice.
    #[serde(default)]
    pub notes: Vec<String>,
    /// For a credit note: the number of the invoice it corrects.
    #[serde(default)]
    pub references: Option<String>,
    /// For a credit note: why.
    #[serde(default)]
    pub reason: Option<String>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// A payment received from the client (`[[payments]]`), applied to the invoices it settles.
///
/// The whole amount is applied: the applications add up to it, each to an issued invoice of
/// the engagement, in the payment's currency, never more than what that invoice still has
/// open. An issued invoice's PDF never changes; what it owes lives in the reports, the
/// statement and the board.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceivedPayment {
    /// When the money arrived.
    pub date: Date,
    /// How much (positive), in `currency`.
    pub amount: Num,
    /// ISO 4217 currency code: the currency of every invoice it settles.
    pub currency: String,
    /// How it was paid (`ACH`, `wire`, `card`, `check`).
    #[serde(default = "tbd")]
    pub method: String,
    /// The bank's or client's reference, as shown on the statement.
    #[serde(default = "tbd")]
    pub reference: String,
    /// The invoices it settles and the amount applied to each.
    pub applied_to: Vec<Applied>,
}

/// One application of a payment: an invoice number and the amount applied to it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Applied {
    /// The invoice number (`INV-2026-0459`), or its name (`invoice:deposit`).
    pub invoice: String,
    /// The amount applied (positive).
    pub amount: Num,
}

/// Statement of account: everything the client was invoiced, credited and paid in a period
/// ending on the engagement's `as_of`, per currency, with a running balance, the amount due
/// now and aging. Its figures are computed by docket (the `account` the templates see),
/// never written in data.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id, if any.
    #[serde(default)]
    pub id: Option<String>,
    /// First day of the period; the first invoice's issue date when absent. What happened
    /// before it is carried in as the opening balance.
    #[serde(default)]
    pub period_start: Option<Date>,
    /// Address key of the recipient; the client's billing address when absent.
    #[serde(default)]
    pub recipient: Option<String>,
    /// Notes printed on the statement.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
    /// The account as of the statement date, computed by docket.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub account: Option<serde_json::Value>,
}

/// A payment reminder, derived by docket for an overdue invoice (never written in data):
/// the invoice, what is open, and the wording of the stage it is at.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Reminder {
    /// `<invoice>-<stage>` (`inv-2026-0460-friendly`).
    pub key: Option<String>,
    /// Document date (the engagement's `as_of`).
    pub date: String,
    /// The invoice's number.
    pub invoice: String,
    /// The invoice's name (`invoice:milestone-1`).
    pub invoice_name: String,
    /// Its issue date.
    pub issue_date: String,
    /// Its due date.
    pub due_date: String,
    /// Days past the due date on `date`.
    pub days_overdue: i64,
    /// Stage name (`friendly`, `firm`, `final`).
    pub stage: String,
    /// Stage number, from 1.
    pub stage_number: usize,
    /// How many stages the rules define.
    pub stages: usize,
    /// ISO 4217 currency code.
    pub currency: String,
    /// Invoice amount, paid, credited and open, formatted in the currency.
    pub amount: String,
    /// Paid so far.
    pub paid: String,
    /// Credited so far.
    pub credited: String,
    /// Still open.
    pub open: String,
    /// Address key of the seller (the letterhead) and of the buyer (the addressee).
    pub seller: String,
    /// Address key of the buyer.
    pub buyer: String,
    /// Remittance details, from the invoice.
    pub remittance: String,
    /// The stage's wording, paragraph by paragraph.
    pub paragraphs: Vec<String>,
    /// Who sends the email draft.
    pub sender: String,
    /// Its recipients (the client's billing contact).
    pub recipients: Vec<Recipient>,
    /// The one email of the reminder (subject and body), for its `.eml` draft.
    pub messages: Vec<Message>,
}

/// A recipient of an email sequence.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Name.
    pub name: String,
    /// Email address, or TBD.
    pub email: String,
}

/// One message of an email sequence.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Subject line.
    pub subject: String,
    /// When to send.
    pub send_on: Fact<Date>,
    /// Body text.
    pub body: String,
    /// The scope this message belongs to, when it is not the engagement's signed scope (e.g.
    /// `refund-recommendations`): outside the signed scope nothing renders until the rules'
    /// `[expanded_scope]` approvals hold for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// Outbound email sequence: message copy only (seed: email only for message copy).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailSequence {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id, if any.
    #[serde(default)]
    pub id: Option<String>,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// Who sends.
    pub sender: String,
    /// Who receives.
    pub recipients: Vec<Recipient>,
    /// The messages in order.
    pub messages: Vec<Message>,
    /// The scope this sequence belongs to, when it is not the engagement's signed scope (e.g.
    /// `refund-recommendations`): outside the signed scope nothing renders until the rules'
    /// `[expanded_scope]` approvals hold for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// #10 envelope: packaging only (seed: envelope only for packaging and delivery readiness).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id, if any.
    #[serde(default)]
    pub id: Option<String>,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// Address key of the return address.
    pub sender: String,
    /// Address key of the delivery address.
    pub recipient: String,
    /// What goes in the envelope.
    #[serde(default = "tbd")]
    pub contents: String,
    /// The scope this mailing belongs to, when it is not the engagement's signed scope (e.g.
    /// `refund-recommendations`): outside the signed scope nothing renders until the rules'
    /// `[expanded_scope]` approvals hold for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
    /// USPS Mailer ID (6 digits starting 0-8, or 9 digits starting 9) for the Intelligent Mail
    /// barcode. With `service_type` and `serial` it turns the barcode on; absent (or TBD), no
    /// barcode is printed, because a barcode with an invented mailer id is worse than none.
    #[serde(default)]
    pub mailer_id: Option<String>,
    /// USPS Service Type Identifier, 3 digits (e.g. `040` First-Class Mail with no extra
    /// services); required with `mailer_id`.
    #[serde(default)]
    pub service_type: Option<String>,
    /// Barcode identifier, 2 digits with the second 0-4; `00` (no OEL) when absent.
    #[serde(default)]
    pub barcode_id: Option<String>,
    /// Serial number: 9 digits with a 6-digit mailer id, 6 with a 9-digit one; required with
    /// `mailer_id`, unique per mailer id within a print run.
    #[serde(default)]
    pub serial: Option<String>,
    /// Delivery point, 2 digits: appended to the recipient's ZIP+4 to make an 11-digit routing
    /// code. Only with a ZIP+4.
    #[serde(default)]
    pub delivery_point: Option<String>,
}

/// Certificate of completion.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id, if any.
    #[serde(default)]
    pub id: Option<String>,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// Who completed the course.
    pub recipient: String,
    /// The course.
    pub course: String,
    /// When.
    pub completed_on: Fact<Date>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// Change order.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeOrder {
    /// The instance's key when the section is written as an array of tables (`[[invoice]]`,
    /// each with `key = "deposit"`): stable, chosen by the user, part of the file names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Document id, or TBD.
    pub id: String,
    /// Document date.
    #[serde(default)]
    pub date: Option<Fact<Date>>,
    /// Title.
    pub title: String,
    /// The scope the change would add.
    pub scope: String,
    /// Who asked.
    pub requested_by: String,
    /// What and why.
    pub description: String,
    /// The changes.
    #[serde(default)]
    pub changes: Vec<String>,
    /// Price impact, or TBD.
    #[serde(default = "tbd")]
    pub price_impact: String,
    /// Schedule impact, or TBD.
    #[serde(default = "tbd")]
    pub schedule_impact: String,
    /// Questions for the sponsor.
    #[serde(default)]
    pub open_questions: Vec<String>,
    /// Who prepared it: an approver may not approve their own work unless the manifest
    /// records an exception.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

/// The status of an approval record.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approver {
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
}

/// One record of the approval manifest.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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

/// One stage of the lifecycle.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Stage name (e.g. `delivery`).
    pub name: String,
    /// The skill that works in it.
    pub skill: String,
    /// The artifact kind it produces.
    pub artifact: String,
    /// The gate before the next stage, in words.
    pub gate: String,
}

/// The security-review overlay: which gate calls for it and which skill runs it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// The gate whose unmet requirements invoke the overlay.
    pub gate: String,
    /// The skill to route to.
    pub skill: String,
    /// The artifact it produces.
    pub artifact: String,
}

/// Which scope an approval must cover to satisfy a requirement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ScopeOf {
    /// The artifact's own scope (default).
    #[default]
    Artifact,
    /// The engagement's main scope.
    Engagement,
}

/// One approval an artifact needs.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// The gate.
    pub gate: String,
    /// The action the approval must permit.
    pub action: String,
    /// Statuses that satisfy it.
    #[serde(default = "only_approved")]
    pub accept: Vec<Status>,
    /// Whose scope the approval must cover.
    #[serde(default)]
    pub scope: ScopeOf,
}

fn only_approved() -> Vec<Status> {
    vec![Status::Approved]
}

/// What a TBD in a required fact does to the decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MissingFacts {
    /// Render as a draft listing the missing facts.
    #[default]
    Draft,
    /// Do not render.
    Blocked,
}

/// The Typst layout an artifact is typeset with: the stem of a `.typ` file in the templates
/// folder (`invoice` is `templates/invoice.typ`), which exports `layout(meta, total: none)`.
/// Every document layout but the envelope's imports the house style, `_house.typ`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct Layout(String);

impl Layout {
    /// The layout's name (its file stem).
    pub fn name(&self) -> &str {
        &self.0
    }

    /// Its file in the templates folder.
    pub fn file(&self) -> String {
        format!("{}.typ", self.0)
    }

    /// The #10 envelope layout, which print runs also use.
    pub fn is_envelope(&self) -> bool {
        self.0 == "envelope"
    }
}

impl TryFrom<String> for Layout {
    type Error = String;

    fn try_from(name: String) -> std::result::Result<Layout, String> {
        let ok = !name.is_empty()
            && !name.starts_with('_')
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if ok {
            Ok(Layout(name))
        } else {
            Err(format!(
                "layout `{name}` is not a layout name: the stem of a .typ file in the templates \
                 folder (lowercase letters, digits, `-`, `_`; not starting with `_`)"
            ))
        }
    }
}

impl From<Layout> for String {
    fn from(layout: Layout) -> String {
        layout.0
    }
}

/// One payment of an agreement's schedule: the deposit, or a milestone. The invoice
/// instance with the same `key` bills it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Installment {
    /// Its key, which the invoice billing it carries too (`deposit`, `milestone-1`).
    pub key: String,
    /// What it is for, in words.
    pub description: String,
    /// A fixed amount, in the agreement's currency (or give `percent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Num>,
    /// A share of the agreement's fee, in percent (or give `amount`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Num>,
    /// When it falls due, in words (`on signature`, `Net 30 after acceptance`).
    #[serde(default = "tbd")]
    pub due: String,
    /// When the client accepted the milestone; TBD until then (an invoice for it stays a
    /// draft). A deposit due on signature needs none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_on: Option<Fact<Date>>,
}

/// One artifact kind: its template, its gate and its outputs. Adding a kind is adding a
/// row to the rules and a template.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KindRule {
    /// Kind name, also the output file stem.
    pub kind: String,
    /// Human title.
    pub title: String,
    /// The skill that owns it.
    pub skill: String,
    /// The engagement data section holding its facts.
    pub section: String,
    /// Markdown template file under `templates/`.
    pub template: String,
    /// Typst layout.
    pub layout: Layout,
    /// Approvals without which it is not rendered.
    #[serde(default)]
    pub blocked_unless: Vec<Requirement>,
    /// Approvals without which it is a draft.
    #[serde(default)]
    pub final_requires: Vec<Requirement>,
    /// Fields of its section that must not be TBD.
    #[serde(default)]
    pub required_facts: Vec<String>,
    /// What a TBD in `required_facts` does.
    #[serde(default)]
    pub missing_facts: MissingFacts,
    /// Whether a final rendering leaves the building (invoice, email, envelope, case study):
    /// once issued it is never overwritten; changes go through a new document.
    #[serde(default)]
    pub issued: bool,
    /// Whether a final rendering also writes one RFC 5322 draft per message of the section's
    /// `messages` (`<kind>-1.eml`...), for a mail client to open, review and send.
    #[serde(default)]
    pub eml: bool,
    /// The e-invoice format this kind is rendered with for one engagement: not written in
    /// the rules but resolved per engagement from its series and client (see
    /// [`crate::einvoice::setting`]), so it is part of the rule's digest only when on.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub einvoice: Option<EInvoice>,
}

impl KindRule {
    /// The files (names inside the engagement's output folder) a rendering with `decision`
    /// writes: the Markdown, the PDF and, for a final `eml` kind, one draft per message;
    /// for a final e-invoice (`einvoice`, as the gate resolved it), the XML (`<kind>.xml`).
    ///
    /// `key` is the instance's key: its files are `<kind>.<key>.md`... (see
    /// [`crate::instances::stem`]). This is the one definition of a kind's files: the
    /// writer, the reports, the build manifest and verify all ask it.
    pub fn output_names(
        &self,
        key: Option<&str>,
        section: &serde_json::Value,
        final_: bool,
        einvoice: Option<EInvoice>,
    ) -> Vec<String> {
        let stem = crate::instances::stem(&self.kind, key);
        let mut names = vec![format!("{stem}.md"), format!("{stem}.pdf")];
        if self.eml && final_ {
            let n = section["messages"].as_array().map_or(0, Vec::len);
            names.extend((1..=n).map(|i| format!("{stem}-{i}.eml")));
        }
        if einvoice.is_some() && final_ {
            names.push(format!("{stem}.xml"));
        }
        names
    }
}

/// A document number series (gapless; assigned when a document is issued).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// The artifact kind it numbers.
    pub kind: String,
    /// e.g. `INV-{year}-{seq:04}`.
    pub format: String,
    /// Only for this provider (by name); every provider when absent.
    #[serde(default)]
    pub seller: Option<String>,
    /// Structured e-invoices for the documents of this series (`"factur-x"`); off when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub einvoice: Option<EInvoice>,
}

/// The rules file: lifecycle, overlay and kinds.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Lifecycle stages in order.
    pub stage: Vec<Stage>,
    /// The security-review overlay.
    pub overlay: Overlay,
    /// Artifact kinds in render order.
    pub kind: Vec<KindRule>,
    /// Document number series.
    #[serde(default)]
    pub series: Vec<Series>,
    /// What work outside the signed scope needs before anything of it renders.
    #[serde(default)]
    pub expanded_scope: Option<ExpandedScope>,
    /// Payment reminder stages, in order of days past due (friendly, firm, final).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reminder: Vec<ReminderStage>,
}

/// One stage of payment reminders (`[[reminder]]` in the rules): when it is due and what it
/// says. Each stage is sent once per invoice, after the one before it, and only while the
/// invoice is overdue with an amount open.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReminderStage {
    /// Its name, part of the reminder's key (`friendly`, `firm`, `final`).
    pub name: String,
    /// Days past the due date from which it is due.
    pub days: u32,
    /// The email subject; the invoice number follows it.
    pub subject: String,
    /// The letter's wording, paragraph by paragraph (plain text: the invoice's figures are
    /// printed beside it by the template).
    pub paragraphs: Vec<String>,
}

/// Work outside the engagement's signed scope (seed, section 5: "refund-related delivery,
/// billing, contract updates, and external send stay blocked until commercial, legal,
/// billing, security, and recipient approvals are current"). An artifact is in an expanded
/// scope when its data section, or any line, item or message in it, names a `scope` other
/// than the engagement's.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpandedScope {
    /// Kinds that propose the new scope (the change order): they render as drafts under
    /// their own gate, which is how the expanded scope gets approved.
    #[serde(default)]
    pub proposed_by: Vec<String>,
    /// Approvals, each for the expanded scope itself, without which any other artifact
    /// touching it is blocked.
    pub blocked_unless: Vec<Requirement>,
}

impl Rules {
    /// The rule for a kind.
    pub fn kind(&self, name: &str) -> Option<&KindRule> {
        self.kind.iter().find(|k| k.kind == name)
    }
}
