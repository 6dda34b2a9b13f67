//! What clients owe: payments applied to issued invoices, each invoice's state, aging, the
//! statement of account and the payment reminders due.
//!
//! A billing office does not stop at issuing an invoice: it records what was paid, sends a
//! statement of everything open, reminds when an invoice is overdue and looks every morning at
//! who owes what for how long. An issued invoice's PDF never changes, so none of this is on
//! it: docket derives it, here, from three facts of record: the invoices and credit notes
//! issued (the ledger, or final in this very build), the engagement's `[[payments]]`, and
//! its `as_of` date. Everything is exact decimal money, per currency, never summed across
//! currencies.
//!
//! The plan ([`crate::plan::plan`]) calls [`account`] once per engagement after the invoices are
//! gated; the statement kind and the reminder kind render from what it returns, and
//! `docket receivables`, the status board and `docket next` report it.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Value, json};

use crate::locale::Locale;
use crate::model::{Date, Engagement, Invoice, Message, Recipient, Reminder, ReminderStage, TBD};
use crate::money::{self, Currency, NumberFormat};

/// An invoice or credit note that has been issued (recorded in the ledger as final, or final
/// in this build), with the number it was issued under.
#[derive(Debug, Clone)]
pub struct Issued<'a> {
    /// `invoice:deposit`, or `invoice` for the one-table form.
    pub name: String,
    /// Its instance key.
    pub key: Option<String>,
    /// Its number.
    pub number: String,
    /// Its data.
    pub data: &'a Invoice,
}

/// What an invoice's payments, credits and due date make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Issued, nothing paid, not yet past due.
    Issued,
    /// Part of it paid (or credited), the rest not yet past due.
    PartlyPaid,
    /// Nothing open.
    Paid,
    /// Past its due date with an amount open.
    Overdue,
    /// Fully offset by credit notes.
    Credited,
}

impl State {
    /// As people say it.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Issued => "issued",
            State::PartlyPaid => "partly paid",
            State::Paid => "paid",
            State::Overdue => "overdue",
            State::Credited => "credited",
        }
    }

    /// Its message in `statement.ftl` (`statement_state_partly_paid`): how a document in the
    /// engagement's language says it.
    pub fn message_id(self) -> &'static str {
        match self {
            State::Issued => "statement_state_issued",
            State::PartlyPaid => "statement_state_partly_paid",
            State::Paid => "statement_state_paid",
            State::Overdue => "statement_state_overdue",
            State::Credited => "statement_state_credited",
        }
    }
}

/// An aging bucket: how long an open amount has been past due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub enum Bucket {
    /// Not past due (due today or later).
    #[serde(rename = "current")]
    Current,
    /// 1 to 30 days past due.
    #[serde(rename = "1-30")]
    Days1To30,
    /// 31 to 60 days.
    #[serde(rename = "31-60")]
    Days31To60,
    /// 61 to 90 days.
    #[serde(rename = "61-90")]
    Days61To90,
    /// More than 90 days.
    #[serde(rename = "over-90")]
    Over90,
}

impl Bucket {
    /// Every bucket, youngest first.
    pub const ALL: [Bucket; 5] = [
        Bucket::Current,
        Bucket::Days1To30,
        Bucket::Days31To60,
        Bucket::Days61To90,
        Bucket::Over90,
    ];

    /// The bucket of an amount `days` past due (0 or less: current).
    pub fn of(days: i64) -> Bucket {
        match days {
            ..=0 => Bucket::Current,
            1..=30 => Bucket::Days1To30,
            31..=60 => Bucket::Days31To60,
            61..=90 => Bucket::Days61To90,
            _ => Bucket::Over90,
        }
    }

    /// Its column heading.
    pub fn label(self) -> &'static str {
        match self {
            Bucket::Current => "Current",
            Bucket::Days1To30 => "1–30 days",
            Bucket::Days31To60 => "31–60 days",
            Bucket::Days61To90 => "61–90 days",
            Bucket::Over90 => "Over 90 days",
        }
    }

    /// Its column heading's message in `statement.ftl` (`statement_aging_1_30`), for a
    /// document in the engagement's language ([`Bucket::label`] is the reports' English).
    pub fn message_id(self) -> &'static str {
        match self {
            Bucket::Current => "statement_aging_current",
            Bucket::Days1To30 => "statement_aging_1_30",
            Bucket::Days31To60 => "statement_aging_31_60",
            Bucket::Days61To90 => "statement_aging_61_90",
            Bucket::Over90 => "statement_aging_over_90",
        }
    }

    /// Its machine name (`current`, `1-30`, ... `over-90`).
    pub fn id(self) -> &'static str {
        match self {
            Bucket::Current => "current",
            Bucket::Days1To30 => "1-30",
            Bucket::Days31To60 => "31-60",
            Bucket::Days61To90 => "61-90",
            Bucket::Over90 => "over-90",
        }
    }
}

/// One issued invoice as the books see it on the account's date.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct InvoiceState {
    /// `invoice:deposit`.
    pub name: String,
    /// Its instance key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Its number.
    pub number: String,
    /// Issue date.
    pub issue_date: Option<Date>,
    /// Due date (none when TBD).
    pub due_date: Option<Date>,
    /// ISO 4217 code.
    pub currency: String,
    /// What it asks for (its amount due when issued).
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub amount: Decimal,
    /// Paid against it.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub paid: Decimal,
    /// Credited against it by issued credit notes.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub credited: Decimal,
    /// Still open.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub open: Decimal,
    /// Its state.
    pub state: State,
    /// Days past due on the account's date (0 when not past due or nothing is open).
    pub days_overdue: i64,
    /// The aging bucket of its open amount.
    pub bucket: Bucket,
    /// Reminder stages already sent for it (from the ledger), in order.
    pub reminders_sent: Vec<String>,
}

/// What one currency's open invoices add up to, by aging bucket.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Aging {
    /// ISO 4217 code.
    pub currency: String,
    /// Everything open.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub open: Decimal,
    /// Open and past due.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub overdue: Decimal,
    /// Open and due on or before the account's date: what the client should pay now.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub due_now: Decimal,
    /// Open amounts per bucket, in [`Bucket::ALL`] order.
    #[serde(serialize_with = "buckets")]
    #[schemars(with = "BTreeMap<String, String>")]
    pub buckets: [Decimal; 5],
    /// Open invoices.
    pub invoices: usize,
    /// The oldest due date among open invoices.
    pub oldest_due: Option<Date>,
    /// Days past due of the oldest open invoice (0 when none is past due).
    pub max_days_overdue: i64,
}

fn buckets<S: serde::Serializer>(b: &[Decimal; 5], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(5))?;
    for (bucket, amount) in Bucket::ALL.iter().zip(b) {
        map.serialize_entry(bucket.id(), &amount.to_string())?;
    }
    map.end()
}

/// A payment as the statement lists it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PaymentEntry {
    /// When it arrived.
    pub date: Date,
    /// Currency.
    pub currency: String,
    /// Amount.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub amount: Decimal,
    /// Method and reference, in words.
    pub method: String,
    /// Reference.
    pub reference: String,
    /// The invoice numbers it settles.
    pub invoices: Vec<String>,
}

/// A credit note as the statement lists it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CreditEntry {
    /// Its number.
    pub number: String,
    /// Issue date.
    pub date: Option<Date>,
    /// Currency.
    pub currency: String,
    /// The amount credited (positive).
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub amount: Decimal,
    /// The invoice it corrects.
    pub corrects: String,
}

/// One engagement's receivables on a date.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Account {
    /// The date states and aging are counted to.
    pub as_of: Date,
    /// Every issued invoice, in issue order.
    pub invoices: Vec<InvoiceState>,
    /// Issued credit notes.
    pub credits: Vec<CreditEntry>,
    /// Payments received.
    pub payments: Vec<PaymentEntry>,
    /// Per currency (by code), what is open and its aging.
    pub aging: Vec<Aging>,
    /// Payments held back: applied to an invoice that is not (or no longer) issued, e.g.
    /// because the approval that issued it stopped counting. Each says which and why; the
    /// payment counts again once the invoice is issued.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<String>,
}

/// A payment that cannot be applied: its field (`payments[0].applied_to[1].amount`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentError {
    /// The field path in the engagement file.
    pub field: String,
    /// What is wrong and what was expected.
    pub message: String,
}

fn amount_due(inv: &Invoice, credit_note: bool) -> Option<(Currency, Decimal)> {
    crate::derive::invoice_totals(inv, credit_note)
        .ok()
        .map(|(c, t)| (c, t.due))
}

/// Computes the account: applies every payment (checking it), every issued credit note, and
/// derives each issued invoice's state and aging on `as_of`. `invoices` are every invoice of
/// the engagement by name with its number and whether it was issued; `sent` the reminder
/// stages the ledger records per invoice number.
pub fn account(
    engagement: &Engagement,
    invoices: &[(Issued<'_>, bool)],
    credit_notes: &[Issued<'_>],
    sent: &BTreeMap<String, Vec<String>>,
    as_of: Date,
) -> Result<Account, PaymentError> {
    let mut states: Vec<InvoiceState> = Vec::new();
    for (inv, issued) in invoices {
        if !issued {
            continue;
        }
        let Some((currency, amount)) = amount_due(inv.data, false) else {
            continue;
        };
        states.push(InvoiceState {
            name: inv.name.clone(),
            key: inv.key.clone(),
            number: inv.number.clone(),
            issue_date: inv.data.issue_date.known().copied(),
            due_date: inv.data.due_date.known().copied(),
            currency: currency.code().to_string(),
            amount,
            paid: Decimal::ZERO,
            credited: Decimal::ZERO,
            open: amount,
            state: State::Issued,
            days_overdue: 0,
            bucket: Bucket::Current,
            reminders_sent: sent.get(&inv.number).cloned().unwrap_or_default(),
        });
    }
    // Credit notes first: they change what the invoice asks for.
    let mut credits = Vec::new();
    for cn in credit_notes {
        let Some((currency, due)) = amount_due(cn.data, true) else {
            continue;
        };
        let mut corrects = cn.data.references.clone().unwrap_or_else(|| TBD.into());
        let amount = -due;
        if let Some(s) = states
            .iter_mut()
            .find(|s| s.number == corrects || s.name == corrects)
            && s.currency == currency.code()
        {
            s.credited += amount;
            s.open -= amount;
            corrects = s.number.clone();
        }
        credits.push(CreditEntry {
            number: cn.number.clone(),
            date: cn.data.issue_date.known().copied(),
            currency: currency.code().to_string(),
            amount,
            corrects,
        });
    }
    let mut payments = Vec::new();
    let mut held = Vec::new();
    'payments: for (i, p) in engagement.payments.iter().enumerate() {
        let field = |f: &str| format!("payments[{i}]{f}");
        let err = |f: &str, message: String| PaymentError {
            field: field(f),
            message,
        };
        let currency = Currency::from_code(&p.currency).ok_or_else(|| {
            err(
                ".currency",
                format!(
                    "expected an ISO 4217 currency code (USD, EUR...), found `{}`",
                    p.currency
                ),
            )
        })?;
        let fmt = |d: Decimal| format!("{} {}", money::format_amount(d, currency), currency);
        if p.amount.0 <= Decimal::ZERO {
            return Err(err(".amount", "expected a positive amount".into()));
        }
        if p.amount.0 != money::round_amount(p.amount.0, currency) {
            return Err(err(
                ".amount",
                format!(
                    "expected at most {} decimals for {currency}",
                    currency.minor_units()
                ),
            ));
        }
        if p.applied_to.is_empty() {
            return Err(err(
                ".applied_to",
                "expected the invoices it settles, e.g. applied_to = [{ invoice = \"INV-2026-0459\", amount = \"7200.00\" }]".into(),
            ));
        }
        let applied: Decimal = p.applied_to.iter().map(|a| a.amount.0).sum();
        if applied != p.amount.0 {
            return Err(err(
                ".applied_to",
                format!(
                    "the applications add up to {}, but the payment is {}: apply the whole payment",
                    fmt(applied),
                    fmt(p.amount.0)
                ),
            ));
        }
        let mut numbers = Vec::new();
        for (j, a) in p.applied_to.iter().enumerate() {
            let at = |f: &str| format!(".applied_to[{j}]{f}");
            let Some(s) = states
                .iter_mut()
                .find(|s| s.number == a.invoice || s.name == a.invoice)
            else {
                let known = invoices
                    .iter()
                    .find(|(inv, _)| inv.number == a.invoice || inv.name == a.invoice);
                let message = match known {
                    // A decision that flipped (an approval withdrawn, expired, out of
                    // authority) un-issues nothing recorded, but an invoice not issued yet
                    // is a draft: the payment waits for it, and nothing else stops.
                    Some((inv, _)) => {
                        // Undo what this payment applied to invoices before this one.
                        for (k, earlier) in numbers.iter().enumerate() {
                            if let Some(s) = states.iter_mut().find(|s| &s.number == earlier) {
                                let amount = p.applied_to[k].amount.0;
                                s.paid -= amount;
                                s.open += amount;
                            }
                        }
                        held.push(format!(
                            "payments[{i}] ({}) is held: it applies to invoice {} ({}), which is not issued (a draft until its approvals count); it applies once the invoice is issued",
                            fmt(p.amount.0),
                            inv.number,
                            inv.name
                        ));
                        continue 'payments;
                    }
                    None => {
                        let issued: Vec<&str> = states.iter().map(|s| s.number.as_str()).collect();
                        format!(
                            "no invoice `{}` in this engagement; expected one of its issued invoices ({})",
                            a.invoice,
                            if issued.is_empty() {
                                "none yet".to_string()
                            } else {
                                issued.join(", ")
                            }
                        )
                    }
                };
                return Err(err(&at(".invoice"), message));
            };
            if s.currency != currency.code() {
                return Err(err(
                    &at(".invoice"),
                    format!(
                        "the payment is in {currency}, but invoice {} is in {}: a payment settles invoices in its own currency",
                        s.number, s.currency
                    ),
                ));
            }
            if a.amount.0 <= Decimal::ZERO {
                return Err(err(&at(".amount"), "expected a positive amount".into()));
            }
            if a.amount.0 > s.open {
                return Err(err(
                    &at(".amount"),
                    format!(
                        "applies {} to invoice {}, which has {} open ({} invoiced, {} paid before, {} credited)",
                        fmt(a.amount.0),
                        s.number,
                        fmt(s.open),
                        fmt(s.amount),
                        fmt(s.paid),
                        fmt(s.credited)
                    ),
                ));
            }
            s.paid += a.amount.0;
            s.open -= a.amount.0;
            numbers.push(s.number.clone());
        }
        payments.push(PaymentEntry {
            date: p.date,
            currency: currency.code().to_string(),
            amount: p.amount.0,
            method: p.method.clone(),
            reference: p.reference.clone(),
            invoices: numbers,
        });
    }
    let mut aging: BTreeMap<String, Aging> = BTreeMap::new();
    for s in &mut states {
        let past = s.due_date.map_or(0, |due| (as_of.0 - due.0).whole_days());
        let open = s.open > Decimal::ZERO;
        s.days_overdue = if open { past.max(0) } else { 0 };
        s.bucket = Bucket::of(s.days_overdue);
        s.state = if !open && s.credited >= s.amount {
            State::Credited
        } else if !open {
            State::Paid
        } else if s.days_overdue > 0 {
            State::Overdue
        } else if s.paid > Decimal::ZERO || s.credited > Decimal::ZERO {
            State::PartlyPaid
        } else {
            State::Issued
        };
        let a = aging.entry(s.currency.clone()).or_insert_with(|| Aging {
            currency: s.currency.to_string(),
            ..Aging::default()
        });
        if open {
            a.open += s.open;
            a.invoices += 1;
            a.buckets[s.bucket as usize] += s.open;
            if s.days_overdue > 0 {
                a.overdue += s.open;
            }
            if s.due_date.is_some_and(|d| d <= as_of) {
                a.due_now += s.open;
            }
            if let Some(due) = s.due_date
                && a.oldest_due.is_none_or(|o| due < o)
            {
                a.oldest_due = Some(due);
            }
            a.max_days_overdue = a.max_days_overdue.max(s.days_overdue);
        }
    }
    // Currencies with nothing open still have an aging row when they have invoices.
    for a in aging.values_mut() {
        let c = Currency::from_code(&a.currency);
        if let Some(c) = c {
            a.open = money::round_amount(a.open, c);
            a.overdue = money::round_amount(a.overdue, c);
            a.due_now = money::round_amount(a.due_now, c);
            for b in &mut a.buckets {
                *b = money::round_amount(*b, c);
            }
        }
    }
    Ok(Account {
        as_of,
        invoices: states,
        credits,
        payments,
        aging: aging.into_values().collect(),
        held,
    })
}

/// The key of an invoice's reminder at a stage: its number made a key, and the stage
/// (`inv-2026-0460-friendly`).
pub fn reminder_key(number: &str, stage: &str) -> String {
    let mut key = String::new();
    for c in number.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    let mut key = key.trim_end_matches('-').to_string();
    if key.is_empty() {
        key.push_str("invoice");
    }
    // Room for `-` and the stage within the key length limit.
    let room = crate::instances::MAX_KEY_LEN.saturating_sub(stage.len() + 1);
    key.truncate(room);
    let key = key.trim_end_matches('-');
    format!("{key}-{stage}")
}

/// The reminders due on the account's date: for each overdue invoice with an amount open,
/// the first stage the ledger has not recorded as sent, once its day has come (one stage at
/// a time, in order, each once). Never for a paid or credited invoice.
///
/// Worded in the engagement's `locale`: its figures as the locale writes them, and the
/// sentences docket adds to the stage's own wording (the email's subject, the invoice's
/// figures and the payment line of its body, the recipient when the client has no billing
/// contact) from `reminder.ftl`. The stage's subject and paragraphs are the rules' text.
///
/// # Errors
/// [`crate::error::Error::Internal`] when the locale lacks one of those messages (the
/// translation check makes every locale have the reference's).
pub fn reminders(
    account: &Account,
    engagement: &Engagement,
    invoices: &[(Issued<'_>, bool)],
    stages: &[ReminderStage],
    locale: &Locale,
) -> crate::error::Result<Vec<Reminder>> {
    let numbers: &dyn NumberFormat = locale;
    let mut out = Vec::new();
    for s in &account.invoices {
        // An invoice numbered in this very build has no number to name its reminder by
        // yet (nor is it overdue, unless back-dated): its reminder waits for the next build.
        if s.state != State::Overdue || s.number == TBD {
            continue;
        }
        let Some((n, stage)) = stages
            .iter()
            .enumerate()
            .find(|(_, st)| !s.reminders_sent.contains(&st.name))
        else {
            continue;
        };
        if s.days_overdue < i64::from(stage.days) {
            continue;
        }
        let Some((inv, _)) = invoices.iter().find(|(i, _)| i.name == s.name) else {
            continue;
        };
        let Some(currency) = Currency::from_code(&s.currency) else {
            continue;
        };
        let fmt = |d: Decimal| numbers.amount(d, currency);
        let date = |d: Option<Date>| d.map_or_else(|| TBD.to_string(), |d| d.to_string());
        let contact = engagement.client_details.billing_contact.clone();
        let recipients = vec![match contact {
            Some(c) => c,
            None => Recipient {
                name: locale.message(
                    "reminder_accounts_payable",
                    &[("client", &engagement.client_details.legal_name)],
                )?,
                email: TBD.into(),
            },
        }];
        let subject = locale.message(
            "reminder_email_subject",
            &[("subject", &stage.subject), ("invoice", &s.number)],
        )?;
        let figures = locale.message(
            "reminder_email_figures",
            &[
                ("invoice", &s.number),
                ("issued", &locale.date(&date(s.issue_date))),
                ("due", &locale.date(&date(s.due_date))),
                ("open", &numbers.money(s.open, currency)),
                ("days", &s.days_overdue.to_string()),
            ],
        )?;
        let payment = locale.message(
            "reminder_email_payment",
            &[("remittance", &inv.data.remittance)],
        )?;
        let body = format!(
            "{}\n\n{figures}\n\n{payment}",
            stage.paragraphs.join("\n\n"),
        );
        out.push(Reminder {
            key: Some(reminder_key(&s.number, &stage.name)),
            date: account.as_of.to_string(),
            invoice: s.number.clone(),
            invoice_name: s.name.clone(),
            issue_date: date(s.issue_date),
            due_date: date(s.due_date),
            days_overdue: s.days_overdue,
            stage: stage.name.clone(),
            stage_number: n + 1,
            stages: stages.len(),
            currency: currency.code().to_string(),
            amount: fmt(s.amount),
            paid: fmt(s.paid),
            credited: fmt(s.credited),
            open: fmt(s.open),
            open_money: numbers.money(s.open, currency),
            seller: inv.data.seller.clone(),
            buyer: inv.data.buyer.clone(),
            remittance: inv.data.remittance.clone(),
            paragraphs: stage.paragraphs.clone(),
            sender: engagement.provider.name.clone(),
            recipients,
            messages: vec![Message {
                subject,
                send_on: crate::model::Fact::Known(account.as_of),
                body,
                scope: None,
            }],
        });
    }
    Ok(out)
}

/// The statement of account as its templates see it (`s.account`): per currency, the
/// opening balance, every invoice, credit note and payment of the period with a running
/// balance, the closing balance, what is due now and the aging; every amount formatted.
///
/// In the engagement's `locale`: amounts as it writes them (`9.967,38`, with the currency
/// as it places it for the totals: `9.967,38 €`), and the words docket writes into the
/// account (each line's description, the states, the aging headings) from
/// `statement.ftl`. Dates stay `YYYY-MM-DD`: the templates write them out.
///
/// # Errors
/// [`crate::error::Error::Internal`] when the locale lacks one of those messages (the
/// translation check makes every locale have the reference's).
pub fn statement(
    account: &Account,
    period_start: Option<Date>,
    locale: &Locale,
) -> crate::error::Result<Value> {
    let numbers: &dyn NumberFormat = locale;
    let start = period_start.or_else(|| account.invoices.iter().filter_map(|i| i.issue_date).min());
    let mut currencies = Vec::new();
    for aging in &account.aging {
        let Some(currency) = Currency::from_code(&aging.currency) else {
            continue;
        };
        let fmt = |d: Decimal| numbers.amount(d, currency);
        let with_currency = |d: Decimal| numbers.money(d, currency);
        // (date, order, document, description, debit, credit, due date of an invoice)
        type Event = (Option<Date>, u8, String, String, Decimal, Decimal, String);
        let mut events: Vec<Event> = Vec::new();
        for i in account
            .invoices
            .iter()
            .filter(|i| i.currency == currency.code())
        {
            let due = i
                .due_date
                .map_or_else(|| TBD.to_string(), |d| d.to_string());
            events.push((
                i.issue_date,
                0,
                i.number.clone(),
                locale.message("statement_line_invoice", &[("due", &locale.date(&due))])?,
                i.amount,
                Decimal::ZERO,
                due,
            ));
        }
        for c in account
            .credits
            .iter()
            .filter(|c| c.currency == currency.code())
        {
            events.push((
                c.date,
                1,
                c.number.clone(),
                locale.message("statement_line_credit_note", &[("invoice", &c.corrects)])?,
                Decimal::ZERO,
                c.amount,
                String::new(),
            ));
        }
        for p in account
            .payments
            .iter()
            .filter(|p| p.currency == currency.code())
        {
            let invoices = p.invoices.join(", ");
            let description = if p.method == TBD {
                locale.message("statement_line_payment", &[("invoices", &invoices)])?
            } else {
                locale.message(
                    "statement_line_payment_by",
                    &[("method", &p.method), ("invoices", &invoices)],
                )?
            };
            events.push((
                Some(p.date),
                2,
                if p.reference == TBD {
                    String::new()
                } else {
                    p.reference.clone()
                },
                description,
                Decimal::ZERO,
                p.amount,
                String::new(),
            ));
        }
        events.sort_by_key(|e| (e.0, e.1));
        let mut opening = Decimal::ZERO;
        let mut balance = Decimal::ZERO;
        let mut lines = Vec::new();
        for (date, _, document, description, debit, credit, due) in events {
            balance += debit - credit;
            if let (Some(start), Some(d)) = (start, date)
                && d < start
            {
                opening = balance;
                continue;
            }
            lines.push(json!({
                "date": date.map_or_else(|| TBD.to_string(), |d| d.to_string()),
                "document": document,
                "description": description,
                "due": due,
                "debit": if debit.is_zero() { String::new() } else { fmt(debit) },
                "credit": if credit.is_zero() { String::new() } else { fmt(credit) },
                "balance": fmt(balance),
            }));
        }
        let mut open: Vec<Value> = Vec::new();
        for i in account
            .invoices
            .iter()
            .filter(|i| i.currency == currency.code() && i.open > Decimal::ZERO)
        {
            open.push(json!({
                "number": i.number,
                "issue_date": i.issue_date.map_or_else(|| TBD.to_string(), |d| d.to_string()),
                "due_date": i.due_date.map_or_else(|| TBD.to_string(), |d| d.to_string()),
                "amount": fmt(i.amount),
                "open": fmt(i.open),
                "state": i.state.as_str(),
                "state_text": locale.message(i.state.message_id(), &[])?,
                "days_overdue": i.days_overdue,
            }));
        }
        let mut buckets: Vec<Value> = Vec::new();
        for (b, a) in Bucket::ALL.iter().zip(&aging.buckets) {
            buckets.push(json!({
                "label": locale.message(b.message_id(), &[])?,
                "id": b.id(),
                "amount": fmt(*a),
                "zero": a.is_zero(),
            }));
        }
        currencies.push(json!({
            "currency": currency.code(),
            "opening": fmt(opening),
            "has_opening": !opening.is_zero(),
            "lines": lines,
            "closing": fmt(balance),
            "closing_money": with_currency(balance),
            "open": fmt(aging.open),
            "open_money": with_currency(aging.open),
            "due_now": fmt(aging.due_now),
            "due_now_money": with_currency(aging.due_now),
            "overdue": fmt(aging.overdue),
            "overdue_money": with_currency(aging.overdue),
            "has_overdue": !aging.overdue.is_zero(),
            "open_invoices": open,
            "aging": buckets,
        }));
    }
    let invoices: Vec<Value> = account
        .invoices
        .iter()
        .map(|i| {
            json!({
                "number": i.number,
                "state": i.state.as_str(),
                "days_overdue": i.days_overdue,
            })
        })
        .collect();
    Ok(json!({
        "as_of": account.as_of.to_string(),
        "period_start": start.map_or_else(|| TBD.to_string(), |d| d.to_string()),
        "period_end": account.as_of.to_string(),
        "currencies": currencies,
        "invoices": invoices,
    }))
}

/// What one client owes in one currency, across its engagements: a row of
/// `docket receivables`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ClientRow {
    /// The client's display name.
    pub client: String,
    /// ISO 4217 code.
    pub currency: String,
    /// The engagements it owes under.
    pub engagements: Vec<String>,
    /// Open invoices.
    pub invoices: usize,
    /// Everything open.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub open: Decimal,
    /// Open and past due.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub overdue: Decimal,
    /// Open and due on or before the engagement's date.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(with = "String")]
    pub due_now: Decimal,
    /// Aging: open amounts per bucket (`current`, `1-30`, `31-60`, `61-90`, `over-90`).
    #[serde(serialize_with = "buckets")]
    #[schemars(with = "BTreeMap<String, String>")]
    pub aging: [Decimal; 5],
    /// The oldest due date of an open invoice.
    pub oldest_due: Option<Date>,
    /// Days past due of the oldest open invoice.
    pub days_overdue: i64,
}

/// `docket receivables`: what is owed, per client and currency, oldest first, with the
/// portfolio's total per currency (currencies are never summed together).
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Receivables {
    /// One row per client and currency with an amount open, the longest overdue first.
    pub rows: Vec<ClientRow>,
    /// Per currency, over every row.
    pub totals: Vec<Aging>,
}

/// Groups engagement accounts (`(client, engagement id, account)`) by client and currency.
pub fn by_client<'a>(
    accounts: impl IntoIterator<Item = (&'a str, &'a str, &'a Account)>,
) -> Receivables {
    let mut rows: BTreeMap<(String, String), ClientRow> = BTreeMap::new();
    let mut totals: BTreeMap<String, Aging> = BTreeMap::new();
    for (client, engagement, account) in accounts {
        for a in account.aging.iter().filter(|a| a.open > Decimal::ZERO) {
            let row = rows
                .entry((client.to_string(), a.currency.clone()))
                .or_insert_with(|| ClientRow {
                    client: client.to_string(),
                    currency: a.currency.clone(),
                    engagements: Vec::new(),
                    invoices: 0,
                    open: Decimal::ZERO,
                    overdue: Decimal::ZERO,
                    due_now: Decimal::ZERO,
                    aging: [Decimal::ZERO; 5],
                    oldest_due: None,
                    days_overdue: 0,
                });
            let total = totals.entry(a.currency.clone()).or_insert_with(|| Aging {
                currency: a.currency.clone(),
                ..Aging::default()
            });
            row.engagements.push(engagement.to_string());
            row.invoices += a.invoices;
            row.open += a.open;
            row.overdue += a.overdue;
            row.due_now += a.due_now;
            total.invoices += a.invoices;
            total.open += a.open;
            total.overdue += a.overdue;
            total.due_now += a.due_now;
            for i in 0..5 {
                row.aging[i] += a.buckets[i];
                total.buckets[i] += a.buckets[i];
            }
            for oldest in [&mut row.oldest_due, &mut total.oldest_due] {
                if let Some(due) = a.oldest_due
                    && oldest.is_none_or(|o| due < o)
                {
                    *oldest = Some(due);
                }
            }
            row.days_overdue = row.days_overdue.max(a.max_days_overdue);
            total.max_days_overdue = total.max_days_overdue.max(a.max_days_overdue);
        }
    }
    let mut rows: Vec<ClientRow> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then(a.oldest_due.cmp(&b.oldest_due))
            .then(a.client.cmp(&b.client))
            .then(a.currency.cmp(&b.currency))
    });
    Receivables {
        rows,
        totals: totals.into_values().collect(),
    }
}

/// The rows as CSV (RFC 4180: a header row, fields quoted when they hold a comma, quote or
/// line break, CRLF line ends), amounts as plain decimals for a spreadsheet or an import.
pub fn to_csv(receivables: &Receivables) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header = vec![
        "client",
        "currency",
        "engagements",
        "invoices",
        "open",
        "overdue",
        "due_now",
    ];
    header.extend(Bucket::ALL.iter().map(|b| b.id()));
    header.extend(["oldest_due", "days_overdue"]);
    // Writing to a Vec cannot fail; a record that could not be written is left out.
    let _ = w.write_record(&header);
    for r in &receivables.rows {
        let mut record = vec![
            r.client.clone(),
            r.currency.clone(),
            r.engagements.join(" "),
            r.invoices.to_string(),
            r.open.to_string(),
            r.overdue.to_string(),
            r.due_now.to_string(),
        ];
        record.extend(r.aging.iter().map(Decimal::to_string));
        record.push(r.oldest_due.map(|d| d.to_string()).unwrap_or_default());
        record.push(r.days_overdue.to_string());
        let _ = w.write_record(&record);
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aging_buckets_at_their_boundaries() {
        let cases = [
            (-5, Bucket::Current),
            (0, Bucket::Current),
            (1, Bucket::Days1To30),
            (30, Bucket::Days1To30),
            (31, Bucket::Days31To60),
            (60, Bucket::Days31To60),
            (61, Bucket::Days61To90),
            (90, Bucket::Days61To90),
            (91, Bucket::Over90),
            (400, Bucket::Over90),
        ];
        for (days, bucket) in cases {
            assert_eq!(Bucket::of(days), bucket, "{days} days");
        }
    }

    /// An account of one paid invoice and one overdue one, on 2026-11-24.
    fn overdue_account() -> Account {
        let d = |s: &str| Date::parse(s).unwrap();
        let invoice = |number: &str, issued: &str, due: &str, paid: Decimal| {
            let amount = Decimal::new(if paid.is_zero() { 840_000 } else { 720_000 }, 2);
            let open = amount - paid;
            let days = (d("2026-11-24").0 - d(due).0).whole_days();
            InvoiceState {
                name: format!("invoice:{number}"),
                key: None,
                number: number.into(),
                issue_date: Some(d(issued)),
                due_date: Some(d(due)),
                currency: "USD".into(),
                amount,
                paid,
                credited: Decimal::ZERO,
                open,
                state: if open.is_zero() {
                    State::Paid
                } else {
                    State::Overdue
                },
                days_overdue: if open.is_zero() { 0 } else { days },
                bucket: Bucket::of(if open.is_zero() { 0 } else { days }),
                reminders_sent: Vec::new(),
            }
        };
        let open = Decimal::new(840_000, 2);
        Account {
            as_of: d("2026-11-24"),
            invoices: vec![
                invoice(
                    "INV-1",
                    "2026-02-17",
                    "2026-03-19",
                    Decimal::new(720_000, 2),
                ),
                invoice("INV-2", "2026-10-12", "2026-11-11", Decimal::ZERO),
            ],
            credits: Vec::new(),
            payments: vec![PaymentEntry {
                date: d("2026-02-20"),
                currency: "USD".into(),
                amount: Decimal::new(720_000, 2),
                method: "ACH".into(),
                reference: "REF-1".into(),
                invoices: vec!["INV-1".into()],
            }],
            held: Vec::new(),
            aging: vec![Aging {
                currency: "USD".into(),
                open,
                overdue: open,
                due_now: open,
                buckets: [
                    Decimal::ZERO,
                    open,
                    Decimal::ZERO,
                    Decimal::ZERO,
                    Decimal::ZERO,
                ],
                invoices: 1,
                oldest_due: Some(d("2026-11-11")),
                max_days_overdue: 13,
            }],
        }
    }

    fn locales() -> crate::locale::Locales {
        crate::locale::Locales::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
        )
        .unwrap()
    }

    #[test]
    fn the_statement_is_worded_and_figured_in_the_engagement_locale() {
        let locales = locales();
        let account = overdue_account();
        let words = |tag: &str| {
            let locale = locales.get(tag).unwrap();
            let s = statement(&account, None, locale).unwrap();
            let c = &s["currencies"][0];
            (
                c["lines"][0]["description"].as_str().unwrap().to_string(),
                c["lines"][1]["description"].as_str().unwrap().to_string(),
                c["lines"][0]["debit"].as_str().unwrap().to_string(),
                c["due_now_money"].as_str().unwrap().to_string(),
                c["open_invoices"][0]["state_text"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                c["aging"][1]["label"].as_str().unwrap().to_string(),
                s["period_start"].as_str().unwrap().to_string(),
            )
        };
        assert_eq!(
            words("en-US"),
            (
                "Invoice, due March 19, 2026".into(),
                "Payment (ACH): INV-1".into(),
                "7,200.00".into(),
                "$8,400.00".into(),
                "overdue".into(),
                "1–30 days".into(),
                "2026-02-17".into(),
            )
        );
        assert_eq!(
            words("de-DE"),
            (
                "Rechnung, fällig am 19. März 2026".into(),
                "Zahlung (ACH): INV-1".into(),
                "7.200,00".into(),
                "8.400,00\u{a0}$".into(),
                "überfällig".into(),
                "1–30 Tage".into(),
                "2026-02-17".into(),
            )
        );
    }

    #[test]
    fn reminder_keys_are_instance_keys() {
        assert_eq!(
            reminder_key("INV-2026-0460", "friendly"),
            "inv-2026-0460-friendly"
        );
        assert_eq!(reminder_key("INV/2026//7", "final"), "inv-2026-7-final");
        assert_eq!(reminder_key("###", "firm"), "invoice-firm");
        let long = "X".repeat(100);
        let key = reminder_key(&long, "friendly");
        assert!(crate::instances::check_key(&key).is_ok(), "{key}");
    }
}
