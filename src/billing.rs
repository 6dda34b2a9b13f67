//! Billing over the life of an engagement: the invoices of an engagement checked against
//! its agreement's payment schedule.
//!
//! An agreement that gives a `schedule` (deposit, milestones with amounts or percentages,
//! due rules) is the ceiling of what its invoices may bill: the fee plus the price of every
//! approved change order. docket takes the invoices in issue order (issue date, then key)
//! and, for each, what was billed before it (earlier invoices, less earlier credit notes):
//! an invoice that would bill past the ceiling is blocked, naming the amount over; an
//! invoice for a milestone the client has not accepted stays a draft; and every invoice
//! says, in a note on the document, what was billed before it and what remains.
//!
//! Everything an invoice's figures depend on is dated on or before its issue date (earlier
//! invoices, change orders dated by then), so a later invoice or change order never changes
//! an issued one. An agreement without a schedule is not checked: folders written before
//! schedules existed build as they did.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Engagement, Fact, Invoice, TBD};
use crate::money::{self, Currency};

/// What an invoice bills against its agreement (in the build report, and as a note on the
/// document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Billed {
    /// The agreement it bills against.
    pub agreement: String,
    /// Currency of every amount.
    pub currency: String,
    /// The ceiling as of the invoice's issue date: the agreement's fee plus approved change
    /// orders dated by then.
    pub ceiling: String,
    /// Billed by the invoices before this one, less credit notes.
    pub billed_before: String,
    /// The invoices before this one (their numbers, or `invoice:KEY` while unnumbered).
    pub before: Vec<String>,
    /// What this invoice bills (net of discounts, before tax).
    pub this_invoice: String,
    /// What remains to bill after this invoice (negative: over).
    pub remaining: String,
    /// The schedule entry it bills, when one has its key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub installment: Option<String>,
}

/// The billing check of one invoice instance.
#[derive(Debug, Clone)]
pub struct Check {
    /// The figures.
    pub billed: Billed,
    /// Set when it bills past the ceiling: the sentence that blocks it.
    pub over: Option<String>,
    /// Set when its milestone is not accepted (as of its issue date): the sentence that
    /// keeps it a draft.
    pub not_accepted: Option<String>,
    /// The note the document carries, in docket's plain English ([`Check::note_in`] words
    /// it in the engagement's locale).
    pub note: String,
    /// The note's figures: the currency, billed before, this invoice, remaining (never
    /// below zero) and the ceiling.
    figures: (Currency, Decimal, Decimal, Decimal, Decimal),
}

impl Check {
    /// The note in a locale's words and figures (`invoice_billing_note` of `invoice.ftl`):
    /// "Abgerechnet unter ADSA-2026-0142 vor dieser Rechnung: ...".
    ///
    /// # Errors
    /// [`crate::error::Error::Internal`] when the locale lacks the message (the translation
    /// check makes every locale have the reference's).
    pub fn note_in(&self, locale: &crate::locale::Locale) -> crate::error::Result<String> {
        use crate::money::NumberFormat;
        let (currency, before_total, this, remaining, ceiling) = self.figures;
        let money = |d: Decimal| NumberFormat::money(locale, d, currency);
        let before = if self.billed.before.is_empty() {
            locale.message("invoice_billing_nothing", &[])?
        } else {
            locale.message(
                "invoice_billing_before",
                &[
                    ("amount", &money(before_total)),
                    ("invoices", &self.billed.before.join(", ")),
                ],
            )?
        };
        locale.message(
            "invoice_billing_note",
            &[
                ("agreement", &self.billed.agreement),
                ("before", &before),
                ("this", &money(this)),
                ("remaining", &money(remaining)),
                ("ceiling", &money(ceiling)),
            ],
        )
    }
}

/// An invoice's net amount (after discounts, with charges, before tax), in its currency.
fn net(invoice: &Invoice, credit_note: bool) -> Option<(Currency, Decimal)> {
    let (currency, totals) = crate::derive::invoice_totals(invoice, credit_note).ok()?;
    Some((
        currency,
        totals.line_total - totals.invoice_discount + totals.charge_total,
    ))
}

fn date_key(date: &Fact<crate::model::Date>) -> String {
    date.known()
        .map_or_else(|| "9999-99-99".to_string(), ToString::to_string)
}

/// The billing check of every invoice instance (in data order; `None` where nothing is
/// checked: no agreement schedule, or another currency). `approved_change_order` says, per
/// change-order instance in data order, whether its gate decided final.
pub fn check(engagement: &Engagement, approved_change_order: &[bool]) -> Vec<Option<Check>> {
    let invoices: Vec<&Invoice> = engagement.invoice.iter().collect();
    let none = || invoices.iter().map(|_| None).collect();
    let Some(agreement) = engagement.agreement.one() else {
        return none();
    };
    let (Some(fee), false) = (agreement.fee.known(), agreement.schedule.is_empty()) else {
        return none();
    };
    let Some(currency) = Currency::from_code(&agreement.currency) else {
        return none();
    };
    let fmt = |v: Decimal| money::format_amount(money::round_amount(v, currency), currency);
    let code = currency.code();
    // Issue order: issue date, then key.
    let mut order: Vec<usize> = (0..invoices.len()).collect();
    order.sort_by_key(|&i| (date_key(&invoices[i].issue_date), invoices[i].key.clone()));
    let credit_notes: Vec<(String, Decimal)> = engagement
        .credit_note
        .iter()
        .filter(|c| c.currency == agreement.currency)
        .filter_map(|c| Some((date_key(&c.issue_date), net(c, true)?.1)))
        .collect();
    let change_orders: Vec<(String, Decimal)> = engagement
        .change_order
        .iter()
        .zip(approved_change_order)
        .filter(|(_, approved)| **approved)
        .filter_map(|(c, _)| {
            let price = money::parse_decimal(c.price_impact.trim(), 4).ok()?;
            let date = c
                .date
                .as_ref()
                .map_or_else(|| engagement.as_of.to_string(), date_key);
            Some((date, price))
        })
        .collect();
    let mut out: Vec<Option<Check>> = none();
    let mut billed = Decimal::ZERO;
    let mut before: Vec<String> = Vec::new();
    for i in order {
        let invoice = invoices[i];
        let name = crate::instances::name("invoice", invoice.key.as_deref());
        let Some((own, this)) = net(invoice, false) else {
            continue;
        };
        if own != currency {
            continue;
        }
        let issued_on = date_key(&invoice.issue_date);
        let ceiling = fee
            + change_orders
                .iter()
                .filter(|(d, _)| *d <= issued_on)
                .map(|(_, p)| *p)
                .sum::<Decimal>();
        let credited: Decimal = credit_notes
            .iter()
            .filter(|(d, _)| *d < issued_on)
            .map(|(_, n)| *n)
            .sum();
        let before_total = billed + credited;
        let remaining = ceiling - before_total - this;
        let installment = agreement
            .schedule
            .iter()
            .position(|s| Some(s.key.as_str()) == invoice.key.as_deref());
        let over = (remaining < Decimal::ZERO).then(|| {
            format!(
                "billing past the agreement: {name} would bill {code} {} more than {} allows \
                 ({code} {} with approved change orders; billed before {code} {}, this invoice \
                 {code} {})",
                fmt(-remaining),
                agreement.id,
                fmt(ceiling),
                fmt(before_total),
                fmt(this)
            )
        });
        let not_accepted = installment.and_then(|s| {
            let entry = &agreement.schedule[s];
            let accepted = entry.accepted_on.as_ref()?;
            let ok = accepted
                .known()
                .is_some_and(|d| invoice.issue_date.known().is_none_or(|i| d <= i));
            (!ok).then(|| {
                format!(
                    "{} of the payment schedule is not accepted (agreement.schedule[{s}].accepted_on \
                     is {}): a milestone invoice stays a draft until its milestone is accepted",
                    entry.key,
                    accepted
                        .known()
                        .map_or_else(|| TBD.to_string(), |d| format!("{d}, after the issue date")),
                )
            })
        });
        let listed = if before.is_empty() {
            "nothing".to_string()
        } else {
            format!("{code} {} ({})", fmt(before_total), before.join(", "))
        };
        let note = format!(
            "Billed under {} before this invoice: {listed}. This invoice: {code} {}. Remaining \
             after it: {code} {} of {code} {}.",
            agreement.id,
            fmt(this),
            fmt(remaining.max(Decimal::ZERO)),
            fmt(ceiling)
        );
        let counts = over.is_none();
        out[i] = Some(Check {
            billed: Billed {
                agreement: agreement.id.clone(),
                currency: code.to_string(),
                ceiling: fmt(ceiling),
                billed_before: fmt(before_total),
                before: before.clone(),
                this_invoice: fmt(this),
                remaining: fmt(remaining),
                installment: installment.map(|s| agreement.schedule[s].key.clone()),
            },
            over,
            not_accepted,
            note,
            figures: (
                currency,
                before_total,
                this,
                remaining.max(Decimal::ZERO),
                ceiling,
            ),
        });
        // A blocked invoice bills nothing.
        if counts {
            billed += this;
            before.push(if invoice.number != TBD {
                invoice.number.clone()
            } else {
                name
            });
        }
    }
    out
}
