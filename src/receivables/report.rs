//! `docket receivables`: what every client owes, per currency, oldest first; as rows, a
//! table for people and CSV for a spreadsheet.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::*;
use crate::model::Date;

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

/// `docket receivables` as a table: per client and currency, then per currency.
pub fn table(owed: &Receivables) -> String {
    use crate::money::{Currency, format_amount};
    let fmt = |code: &str, d: rust_decimal::Decimal| {
        Currency::from_code(code).map_or_else(|| d.to_string(), |c| format_amount(d, c))
    };
    if owed.rows.is_empty() {
        return "nothing is owed: every issued invoice is paid or credited\n".to_string();
    }
    let mut table = vec![{
        let mut h = vec![
            "CLIENT".to_string(),
            "CUR".into(),
            "OPEN".into(),
            "PAST DUE".into(),
        ];
        h.extend(Bucket::ALL.iter().map(|b| b.id().to_uppercase()));
        h.extend(["OLDEST DUE".into(), "DAYS".into()]);
        h
    }];
    for r in &owed.rows {
        let mut row = vec![
            r.client.clone(),
            r.currency.clone(),
            fmt(&r.currency, r.open),
            fmt(&r.currency, r.overdue),
        ];
        row.extend(r.aging.iter().map(|a| fmt(&r.currency, *a)));
        row.push(r.oldest_due.map(|d| d.to_string()).unwrap_or_default());
        row.push(r.days_overdue.to_string());
        table.push(row);
    }
    for t in &owed.totals {
        let mut row = vec![
            "TOTAL".to_string(),
            t.currency.clone(),
            fmt(&t.currency, t.open),
            fmt(&t.currency, t.overdue),
        ];
        row.extend(t.buckets.iter().map(|a| fmt(&t.currency, *a)));
        row.push(t.oldest_due.map(|d| d.to_string()).unwrap_or_default());
        row.push(t.max_days_overdue.to_string());
        table.push(row);
    }
    let widths: Vec<usize> = (0..table[0].len())
        .map(|i| {
            table
                .iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &table {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i] - c.chars().count();
                // Names and codes left, figures right.
                if i < 2 {
                    format!("{c}{}", " ".repeat(pad))
                } else {
                    format!("{}{c}", " ".repeat(pad))
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}
