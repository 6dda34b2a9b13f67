//! The rules (`rules.toml`): lifecycle stages, the security overlay, artifact kinds with
//! their gates, numbering series, reminder stages, the expanded-scope approvals.

use super::*;

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

pub(super) fn only_approved() -> Vec<Status> {
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
    /// The status board (`[board]`).
    #[serde(default, skip_serializing_if = "Board::is_default")]
    pub board: Board,
    /// Whose word the gate takes: `signed` (the default) or `evidence` (the opt-out for
    /// folders written before signed approvals).
    #[serde(default)]
    pub trust: Trust,
    /// Separation of duties beyond the preparer rule (`[separation]`).
    #[serde(default)]
    pub separation: Separation,
}

/// Separation of duties (`[separation]` in the rules).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Separation {
    /// Sets of gates one person may not all approve for one document (e.g. `[["billing",
    /// "security"]]`): the same signer on two of them clears only the first.
    #[serde(default)]
    pub exclusive: Vec<Vec<String>>,
    /// Above this total (`USD 25000.00`) a billing action needs two approvals by two
    /// different people.
    #[serde(default)]
    pub second_approver_above: Option<String>,
}

/// Whose word the gate takes (`trust` in rules.toml).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Trust {
    /// An approval counts only when signed by a roster key of the approver it names, valid
    /// on its date, within that person's authority.
    #[default]
    Signed,
    /// The opt-out for folders written before signatures: an approval counts with a named
    /// approver, action and evidence, unverified (every report says so).
    Evidence,
}

impl Trust {
    /// The sentence every report, handoff, board page and `next` carries in evidence mode.
    pub const UNVERIFIED: &'static str = "approvals are unverified: trust = \"evidence\" in rules.toml takes an approval's named approver and evidence on their word; set trust = \"signed\" and sign approvals (docket approve --key) to verify them";
}

/// The status board's settings (`[board]` in the rules).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Board {
    /// The language the board is written in, its readers' (BCP 47, one of
    /// `templates/locales/`): `en-US` when not given. Each document on it keeps its own
    /// engagement's locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

impl Board {
    fn is_default(&self) -> bool {
        self == &Board::default()
    }
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

    /// The first kind that reads a special section, with its index in the rules.
    pub fn kind_reading(&self, special: Special) -> Option<(usize, &KindRule)> {
        self.kind
            .iter()
            .enumerate()
            .find(|(_, k)| k.special() == Some(special))
    }
}

impl KindRule {
    /// The section it reads, when that section has code of its own.
    pub fn special(&self) -> Option<Special> {
        Special::of(&self.section)
    }
}

/// The few data sections with code of their own. Every other section is data a template
/// reads and nothing more, so a kind is a row of the rules, a template and a layout; these
/// also have facts docket computes (totals, the billing check, the account, the reminders
/// due, an envelope's lines and barcode) or an order in which they must be gated. Code asks
/// a kind's rule for [`KindRule::special`] rather than naming a section in a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Special {
    /// `[proposal]`: the contract amounts.
    Proposal,
    /// `[agreement]`: the contract amounts and the payment schedule invoices are checked
    /// against.
    Agreement,
    /// `[change_order]`: approved ones raise what the invoices may bill.
    ChangeOrder,
    /// `[invoice]`: totals, numbers, the billing check; e-invoices.
    Invoice,
    /// `[credit_note]`: totals; corrects an issued invoice.
    CreditNote,
    /// `[statement]`: the account as of a date.
    Statement,
    /// `[reminder]`: derived from the overdue invoices, never written by hand.
    Reminder,
    /// `[envelope]`: USPS address lines and the Intelligent Mail barcode.
    Envelope,
}

impl Special {
    /// Every special section.
    pub const ALL: [Special; 8] = [
        Special::Proposal,
        Special::Agreement,
        Special::ChangeOrder,
        Special::Invoice,
        Special::CreditNote,
        Special::Statement,
        Special::Reminder,
        Special::Envelope,
    ];

    /// The section's name in the data (`[credit_note]`).
    pub const fn section(self) -> &'static str {
        match self {
            Special::Proposal => "proposal",
            Special::Agreement => "agreement",
            Special::ChangeOrder => "change_order",
            Special::Invoice => "invoice",
            Special::CreditNote => "credit_note",
            Special::Statement => "statement",
            Special::Reminder => "reminder",
            Special::Envelope => "envelope",
        }
    }

    /// The special section of that name, if it is one.
    pub fn of(section: &str) -> Option<Special> {
        Special::ALL.into_iter().find(|s| s.section() == section)
    }

    /// Whether it bills: an invoice or a credit note (totals, a number from a series).
    pub fn bills(self) -> bool {
        matches!(self, Special::Invoice | Special::CreditNote)
    }
}
