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

use crate::model::{Date, Engagement, Invoice, TBD};
use crate::money::{self, Currency};

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

mod reminders;
mod report;
mod statement;
#[cfg(test)]
mod tests;

pub use reminders::{reminder_key, reminders};
pub use report::{ClientRow, Receivables, by_client, table, to_csv};
pub use statement::statement;
