//! The statement of account: every open item of an engagement as of a date, with what was
//! paid and credited, worded in the engagement's locale.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::*;
use crate::locale::Locale;
use crate::model::{Date, TBD};
use crate::money::{Currency, NumberFormat};

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
