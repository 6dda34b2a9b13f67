//! The facts of each document kind: one section per kind (brief, proposal, agreement,
//! launch checklist, security memo, health scorecard, case study, invoice, statement,
//! reminder, email sequence, envelope, certificate, change order).

use super::*;

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

/// A charge on the invoice as a whole (`charges = [{ reason = "Travel", amount = "240.00",
/// tax = "S" }]`): a fee that is no line's, taxed under one of the invoice's categories
/// (EN 16931 document-level charge, BG-21).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InvoiceCharge {
    /// What it is for, as printed.
    pub reason: String,
    /// The amount, excluding tax, a positive magnitude at the currency's minor unit (also
    /// on a credit note, which credits it).
    pub amount: Num,
    /// Tax category key.
    pub tax: String,
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
    /// Charges on the invoice as a whole (travel, a setup fee), each under a tax category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<InvoiceCharge>,
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
    /// Still open, as the engagement's locale writes money (`9.996,00 €`).
    #[serde(default)]
    pub open_money: String,
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
