//! The engagement (`engagement.toml`): its identity, parties, addresses and tracks, and
//! the sections (`sections!`) that hold each document's facts.

use super::*;

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
    /// The language and conventions of its documents, a BCP 47 tag with translations in
    /// `templates/locales/` (`de-DE`, `fr-FR`...); `en-US` when not given.
    #[serde(default)]
    pub locale: Option<String>,
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

pub(super) fn tbd_date() -> Fact<Date> {
    Fact::Tbd
}

pub(super) fn tbd() -> String {
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
    /// Tax id, or TBD: a VAT identifier with its country prefix (`DE123456789`), which
    /// e-invoices carry as the seller's VAT identifier (EN 16931 BT-31), or another tax
    /// number (a US EIN, `93-1234567`), which they carry as its tax registration (BT-32).
    #[serde(default = "tbd")]
    pub tax_id: String,
    /// Its legal registration identifier (EN 16931 BT-30): its number in a company register
    /// (Companies House, Handelsregister, SIREN, a state registry) or a DUNS number. An
    /// e-invoice whose seller has no VAT identifier needs it (rule BR-CO-26).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_id: Option<String>,
    /// The scheme of `registration_id`, as an ISO/IEC 6523 code (`0002` SIRENE, `0060`
    /// DUNS, `0088` GLN, `0183` Swiss UIDB), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_scheme: Option<String>,
    /// Its electronic address for e-invoices (EN 16931 BT-34), as `SCHEME:ID` with an EAS
    /// scheme code (`0088:4035811991014` a GLN, `0192:987654325` a Norwegian organization
    /// number, `9930:DE811111111` a German VAT number): where Peppol delivers and answers.
    /// Peppol BIS and XRechnung need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// Who answers questions about its invoices, a person or a department (EN 16931 BT-41),
    /// reached at `phone` and `email`. XRechnung needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
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
    /// Tax id, or TBD: a VAT identifier with its country prefix (`FR12345678901`), which
    /// e-invoices carry as the buyer's VAT identifier (EN 16931 BT-48); another tax number
    /// is printed but has no place in an EN 16931 invoice.
    #[serde(default = "tbd")]
    pub tax_id: String,
    /// Its legal registration identifier (EN 16931 BT-47), as for the provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_id: Option<String>,
    /// The scheme of `registration_id`, as an ISO/IEC 6523 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_scheme: Option<String>,
    /// Its electronic address for e-invoices (EN 16931 BT-49), `SCHEME:ID` as for the
    /// provider (`0204:991-12345-67` a German Leitweg-ID, `9957:FR12345678901`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// The reference the buyer asks every invoice to carry (EN 16931 BT-10): a German
    /// public buyer's Leitweg-ID (`991-12345-67`), a cost centre, a requisitioner. Peppol
    /// BIS needs it or a purchase order; XRechnung needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_reference: Option<String>,
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
    /// Structured e-invoices for this client's invoices and credit notes (`"factur-x"`,
    /// `"peppol"`, `"xrechnung"`), whatever their series says; off when absent.
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
    /// Peppol BIS Billing 3.0: a UBL 2.1 Invoice or CreditNote (`invoice.xml`) beside the
    /// PDF, for delivery over the Peppol network (most of Europe, Australia, Singapore...).
    #[serde(rename = "peppol")]
    Peppol,
    /// XRechnung 3.0, as German public buyers require: a CII XML (`invoice.xml`) beside the
    /// PDF, with the buyer's Leitweg-ID as its buyer reference.
    #[serde(rename = "xrechnung")]
    XRechnung,
}

impl EInvoice {
    /// Its name as users write it and reports show it.
    pub fn name(self) -> &'static str {
        match self {
            EInvoice::FacturX => "factur-x",
            EInvoice::Peppol => "peppol",
            EInvoice::XRechnung => "xrechnung",
        }
    }

    /// What it is, for sentences: `Factur-X (EN 16931)`.
    pub fn title(self) -> &'static str {
        match self {
            EInvoice::FacturX => "Factur-X, EN 16931",
            EInvoice::Peppol => "Peppol BIS Billing 3.0",
            EInvoice::XRechnung => "XRechnung 3.0",
        }
    }

    /// Whether the XML is embedded in the PDF (a PDF/A-3b hybrid invoice) rather than
    /// written only beside it.
    pub fn embedded(self) -> bool {
        self == EInvoice::FacturX
    }
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

pub(super) fn default_country() -> String {
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
