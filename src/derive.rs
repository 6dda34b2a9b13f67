//! Facts computed from data for a template: invoice totals (exact decimal money) and the
//! envelope's USPS address lines. Computed once here, as strings, so the Markdown and the
//! PDF show the very same figures.

use serde_json::{Value, json};

use crate::error::{Error, Location, Result};
use crate::model::{Address, Engagement, KindRule};
use crate::money::{self, Currency, InvoiceInput, LineInput, TaxCategory};
use crate::usps::address::{AddressInput, standardize};

/// Extra template context for a kind (`calc` in templates), if it has any.
pub fn context(rule: &KindRule, engagement: &Engagement) -> Result<Option<Value>> {
    match rule.kind.as_str() {
        "invoice" => engagement
            .invoice
            .as_ref()
            .map(|inv| invoice(engagement, inv, false))
            .transpose(),
        "credit-note" => engagement
            .credit_note
            .as_ref()
            .map(|inv| invoice(engagement, inv, true))
            .transpose(),
        "proposal" | "agreement" => Ok(Some(contract_amounts(rule, engagement))),
        "envelope" => envelope(engagement).map(Some),
        _ => Ok(None),
    }
}

fn data_error(engagement: &Engagement, field: &str, message: impl Into<String>) -> Error {
    Error::data(
        Location {
            file: format!("{}/engagement", engagement.id).into(),
            line: None,
            column: None,
            field: Some(field.to_string()),
        },
        message,
    )
}

/// Formats the proposal's and agreement's fee and deposit in their currency.
fn contract_amounts(rule: &KindRule, engagement: &Engagement) -> Value {
    let fmt = |currency: &str, amount: &crate::model::Fact<rust_decimal::Decimal>| match (
        Currency::from_code(currency),
        amount.known(),
    ) {
        (Some(c), Some(v)) => money::format_amount(money::round_amount(*v, c), c),
        _ => crate::model::TBD.to_string(),
    };
    match (
        rule.kind.as_str(),
        &engagement.proposal,
        &engagement.agreement,
    ) {
        ("proposal", Some(p), _) => json!({ "fee": fmt(&p.currency, &p.fee) }),
        ("agreement", _, Some(a)) => json!({
            "fee": fmt(&a.currency, &a.fee),
            "deposit": fmt(&a.currency, &a.deposit),
        }),
        _ => Value::Null,
    }
}

/// Invoice (or credit note) totals, computed exactly and formatted once.
fn invoice(
    engagement: &Engagement,
    inv: &crate::model::Invoice,
    credit_note: bool,
) -> Result<Value> {
    let (currency, totals) = invoice_totals(inv, credit_note)
        .map_err(|e| data_error(engagement, "invoice", e.to_string()))?;
    let paid: Vec<Value> = inv
        .paid
        .iter()
        .map(|p| {
            json!({
                "description": p.description,
                "amount": money::format_amount(money::round_amount(p.amount.0, currency), currency),
            })
        })
        .collect();
    Ok(json!({
        "currency": currency.code(),
        "totals": totals.formatted(),
        "paid": paid,
    }))
}

/// The envelope's return and delivery address lines, as printed.
fn envelope(engagement: &Engagement) -> Result<Value> {
    let Some(env) = &engagement.envelope else {
        return Ok(Value::Null);
    };
    let lines = |key: &str, field: &str| -> Result<Vec<String>> {
        let address = engagement
            .addresses
            .get(key)
            .ok_or_else(|| data_error(engagement, field, format!("no address `{key}`")))?;
        envelope_lines(address).map_err(|e| data_error(engagement, field, e.to_string()))
    };
    Ok(json!({
        "sender": lines(&env.sender, "envelope.sender")?,
        "recipient": lines(&env.recipient, "envelope.recipient")?,
    }))
}

/// Computes an invoice's totals exactly. Load-time validation has already run this, so
/// errors here only reach callers that skip loading.
pub fn invoice_totals(
    inv: &crate::model::Invoice,
    credit_note: bool,
) -> Result<(Currency, money::Totals), money::MoneyError> {
    let currency = Currency::from_code(&inv.currency).ok_or_else(|| money::MoneyError::Parse {
        field: "currency".into(),
        found: inv.currency.clone(),
        expected: "an ISO 4217 currency code".into(),
    })?;
    let input = InvoiceInput {
        currency,
        lines: inv
            .lines
            .iter()
            .map(|l| LineInput {
                description: l.description.clone(),
                quantity: l.quantity.0,
                unit_price: l.unit_price.0,
                discount: l.discount.0,
                tax_category: l.tax.clone(),
            })
            .collect(),
        invoice_discount: inv.discount.0,
        taxes: inv
            .taxes
            .iter()
            .map(|t| TaxCategory {
                category: t.category.clone(),
                rate_percent: t.rate.0,
                note: t.note.clone(),
            })
            .collect(),
        paid: inv.paid.iter().map(|p| p.amount.0).sum(),
        credit_note,
    };
    let totals = money::compute(&input)?;
    Ok((currency, totals))
}

/// The lines of an address as printed on an envelope (USPS Publication 28 form).
pub fn envelope_lines(
    address: &Address,
) -> Result<Vec<String>, crate::usps::address::AddressError> {
    let input = AddressInput {
        name: &address.name,
        organization: address.organization.as_deref(),
        lines: &address.lines,
        city: &address.city,
        region: &address.region,
        postal_code: &address.postal_code,
        country: &address.country,
    };
    standardize(&input)
}
