//! Facts computed from data for a template: invoice totals (exact decimal money), the
//! envelope's USPS address lines and its Intelligent Mail barcode. Computed once here, as
//! strings, so the Markdown proof and the PDF show the very same figures.

use serde::Serialize;
use serde_json::{Value, json};

use crate::error::{Error, Location, Result};
use crate::model::{Address, Engagement, Envelope, KindRule, Special, TBD};
use crate::money::{self, ChargeInput, Currency, InvoiceInput, LineInput, TaxCategory};
use crate::usps::address::{AddressInput, routing_zip, standardize};
use crate::usps::imb;

/// Extra template context for a kind (`calc` in templates), if it has any.
///
/// Amounts, quantities and rates are written as the document's `locale` writes them (the
/// envelope's lines follow the postal rules instead, in English capitals abroad).
pub fn context(
    rule: &KindRule,
    engagement: &Engagement,
    locale: &dyn money::NumberFormat,
) -> Result<Option<Value>> {
    match rule.special() {
        Some(Special::Invoice) => engagement
            .invoice
            .one()
            .map(|inv| invoice(engagement, inv, false, locale))
            .transpose(),
        Some(Special::CreditNote) => engagement
            .credit_note
            .one()
            .map(|inv| invoice(engagement, inv, true, locale))
            .transpose(),
        Some(Special::Proposal | Special::Agreement) => {
            Ok(Some(contract_amounts(rule, engagement, locale)))
        }
        Some(Special::Envelope) => envelope(engagement).map(Some),
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

/// Formats the proposal's and agreement's fee and deposit in their currency: the amount
/// (`fee`, `24,000.00`) and the amount with its currency as the locale writes money
/// (`fee_money`, `$24,000.00`, `24.000,00 €`).
fn contract_amounts(
    rule: &KindRule,
    engagement: &Engagement,
    numbers: &dyn money::NumberFormat,
) -> Value {
    let fmt =
        |currency: &str,
         amount: &crate::model::Fact<rust_decimal::Decimal>,
         with_currency: bool| match (Currency::from_code(currency), amount.known()) {
            (Some(c), Some(v)) if with_currency => numbers.money(*v, c),
            (Some(c), Some(v)) => numbers.amount(*v, c),
            _ => crate::model::TBD.to_string(),
        };
    match (
        rule.special(),
        engagement.proposal.one(),
        engagement.agreement.one(),
    ) {
        (Some(Special::Proposal), Some(p), _) => json!({
            "fee": fmt(&p.currency, &p.fee, false),
            "fee_money": fmt(&p.currency, &p.fee, true),
        }),
        (Some(Special::Agreement), _, Some(a)) => json!({
            "fee": fmt(&a.currency, &a.fee, false),
            "fee_money": fmt(&a.currency, &a.fee, true),
            "deposit": fmt(&a.currency, &a.deposit, false),
            "deposit_money": fmt(&a.currency, &a.deposit, true),
        }),
        _ => Value::Null,
    }
}

/// Invoice (or credit note) totals, computed exactly and formatted once.
fn invoice(
    engagement: &Engagement,
    inv: &crate::model::Invoice,
    credit_note: bool,
    numbers: &dyn money::NumberFormat,
) -> Result<Value> {
    let (currency, totals) = invoice_totals(inv, credit_note)
        .map_err(|e| data_error(engagement, "invoice", e.to_string()))?;
    let paid: Vec<Value> = inv
        .paid
        .iter()
        .map(|p| {
            json!({
                "description": p.description,
                "amount": numbers.amount(p.amount.0, currency),
            })
        })
        .collect();
    // Which optional columns and rows the documents show: a column or row only when some
    // value in it is not zero (no column of 0.00 discounts, no "Rounding 0.00" row).
    let zero = rust_decimal::Decimal::ZERO;
    let shows = json!({
        "line_discount": totals.lines.iter().any(|l| l.discount != zero),
        "invoice_discount": totals.invoice_discount != zero,
        "charges": !totals.charges.is_empty(),
        "rounding": totals.rounding != zero,
        "tax": totals.tax_total != zero || totals.taxes.len() > 1,
        "tax_column": totals.taxes.len() > 1,
        "paid": !inv.paid.is_empty(),
    });
    Ok(json!({
        "currency": currency.code(),
        "totals": totals.formatted_in(numbers),
        "paid": paid,
        "shows": shows,
    }))
}

/// The envelope's return and delivery address lines, as printed.
fn envelope(engagement: &Engagement) -> Result<Value> {
    let Some(env) = engagement.envelope.one() else {
        return Ok(Value::Null);
    };
    let lines = |key: &str, field: &str| -> Result<Vec<String>> {
        let address = engagement
            .addresses
            .get(key)
            .ok_or_else(|| data_error(engagement, field, format!("no address `{key}`")))?;
        envelope_lines(address).map_err(|e| data_error(engagement, field, e.to_string()))
    };
    let recipient = engagement.addresses.get(&env.recipient).ok_or_else(|| {
        data_error(
            engagement,
            "envelope.recipient",
            format!("no address `{}`", env.recipient),
        )
    })?;
    let (barcode, note) = match envelope_barcode(env, &env.recipient, recipient)
        .map_err(|e| data_error(engagement, &e.field, e.message))?
    {
        Barcode::Printed(imb) => (serde_json::to_value(imb).unwrap_or(Value::Null), None),
        Barcode::Omitted(why) => (Value::Null, Some(why)),
    };
    Ok(json!({
        "sender": lines(&env.sender, "envelope.sender")?,
        "recipient": lines(&env.recipient, "envelope.recipient")?,
        "barcode": barcode,
        "barcode_note": note,
    }))
}

/// The Intelligent Mail barcode printed on an envelope: the fields that make it, as printed
/// in the proof and the print-run manifest, and its 65 bars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Imb {
    /// Barcode identifier, 2 digits (`00` unless the data says otherwise).
    pub barcode_id: String,
    /// Service type identifier, 3 digits.
    pub service_type: String,
    /// Mailer id, 6 or 9 digits.
    pub mailer_id: String,
    /// Serial number, 9 or 6 digits.
    pub serial: String,
    /// Routing code: the recipient's ZIP, ZIP+4 or ZIP+4 and delivery point, digits only.
    pub routing_code: String,
    /// The 20-digit tracking code (barcode id, service type, mailer id, serial).
    pub tracking_code: String,
    /// The 65 bars, leftmost first: `F` full, `A` ascender, `D` descender, `T` tracker.
    pub bars: String,
}

/// What goes in an envelope's barcode clear zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Barcode {
    /// This barcode.
    Printed(Imb),
    /// Nothing, for this reason (shown in the proof and the manifest).
    Omitted(String),
}

/// Why an envelope's barcode fields cannot be printed: the field, as a path in the engagement
/// (`envelope.mailer_id`, `addresses.KEY.postal_code`), and what was expected of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarcodeError {
    /// Field path in the engagement file.
    pub field: String,
    /// What is wrong, and what was expected.
    pub message: String,
}

/// Decides an envelope's Intelligent Mail barcode (USPS-B-3200) from its data.
///
/// Why the rules: a wrong barcode is worse than none (the piece is misrouted, or rejected at
/// automation prices), so docket prints one only from a real mailer id and service type:
/// - none of `mailer_id`, `service_type`, `barcode_id`, `serial`, `delivery_point` given: no
///   barcode, and the reason says so;
/// - any of them given: `mailer_id`, `service_type` and `serial` are all required (an error
///   names the missing one), each may be `TBD` (then no barcode until it is known);
/// - the routing code is the recipient's ZIP digits (5, or 9 for a ZIP+4), plus the 2-digit
///   `delivery_point` when given (only with a ZIP+4); mail abroad gets no barcode;
/// - every part is checked by [`imb::tracking_code`] and [`imb::encode`].
///
/// # Errors
/// A [`BarcodeError`] naming the field (`envelope.FIELD`, or the recipient's
/// `addresses.KEY.FIELD` when its ZIP or country is at fault).
pub fn envelope_barcode(
    env: &Envelope,
    recipient_key: &str,
    recipient: &Address,
) -> std::result::Result<Barcode, BarcodeError> {
    let err = |field: &str, message: String| BarcodeError {
        field: format!("envelope.{field}"),
        message,
    };
    let fields = [
        ("mailer_id", &env.mailer_id),
        ("service_type", &env.service_type),
        ("serial", &env.serial),
        ("barcode_id", &env.barcode_id),
        ("delivery_point", &env.delivery_point),
    ];
    if fields.iter().all(|(_, v)| v.is_none()) {
        return Ok(Barcode::Omitted(
            "No Intelligent Mail barcode: [envelope] has no mailer_id and service_type \
             (docket never prints a barcode without a real mailer id)"
                .to_string(),
        ));
    }
    for (name, value) in &fields[..3] {
        if value.is_none() {
            return Err(err(
                name,
                format!(
                    "{name} is required with the other Intelligent Mail barcode fields: give \
                     mailer_id, service_type and serial (or TBD), or none of them"
                ),
            ));
        }
    }
    let tbd: Vec<String> = fields
        .iter()
        .filter(|(_, v)| v.as_deref().map(str::trim) == Some(TBD))
        .map(|(name, _)| format!("envelope.{name}"))
        .collect();
    if !tbd.is_empty() {
        return Ok(Barcode::Omitted(format!(
            "No Intelligent Mail barcode until {} {} known",
            crate::text::and_list(&tbd),
            if tbd.len() == 1 { "is" } else { "are" }
        )));
    }
    let text = |v: &Option<String>| v.as_deref().unwrap_or_default().to_string();
    let barcode_id = env.barcode_id.clone().unwrap_or_else(|| "00".to_string());
    let (service_type, mailer_id, serial) = (
        text(&env.service_type),
        text(&env.mailer_id),
        text(&env.serial),
    );
    // `serial = "next"`: the print run assigns it (`crate::record::serials`); the other fields
    // are checked now, with a stand-in serial of the right width.
    let assigned_later = serial == imb::NEXT_SERIAL;
    let checked_serial = if assigned_later {
        "0".repeat(imb::serial_width(&mailer_id))
    } else {
        serial.clone()
    };
    let tracking_code = imb::tracking_code(&barcode_id, &service_type, &mailer_id, &checked_serial)
        .map_err(|e| err(e.field(), e.to_string()))?;
    if assigned_later {
        return Ok(Barcode::Omitted(
            "The print run assigns this envelope's serial (`serial = \"next\"`): `docket \
             envelopes` prints its Intelligent Mail barcode"
                .to_string(),
        ));
    }

    let address_err = |e: crate::usps::address::AddressError| BarcodeError {
        field: format!("addresses.{recipient_key}.{}", e.field()),
        message: e.to_string(),
    };
    let Some(zip) = routing_zip(&recipient.country, &recipient.postal_code).map_err(address_err)?
    else {
        if env.delivery_point.is_some() {
            return Err(err(
                "delivery_point",
                "a delivery point goes with a US ZIP+4, and the recipient is abroad".into(),
            ));
        }
        return Ok(Barcode::Omitted(
            "No Intelligent Mail barcode: the recipient is abroad, and the IMb routes US \
             domestic mail only"
                .to_string(),
        ));
    };
    let routing_code = match &env.delivery_point {
        None => zip,
        Some(point) => {
            if zip.len() != 9 {
                return Err(err(
                    "delivery_point",
                    format!(
                        "a delivery point needs the recipient's ZIP+4 (an 11-digit routing \
                         code), but addresses.{recipient_key}.postal_code is the 5-digit ZIP \
                         {zip}"
                    ),
                ));
            }
            if point.chars().count() != 2 || !point.chars().all(|c| c.is_ascii_digit()) {
                return Err(err(
                    "delivery_point",
                    format!("delivery_point must be 2 digits, found {point:?}"),
                ));
            }
            format!("{zip}{point}")
        }
    };
    let bars = imb::encode(&tracking_code, &routing_code).map_err(|e| match e.field() {
        "routing" => err("delivery_point", e.to_string()),
        _ => err("serial", e.to_string()),
    })?;
    Ok(Barcode::Printed(Imb {
        barcode_id,
        service_type,
        mailer_id,
        serial,
        routing_code,
        tracking_code,
        bars,
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
        charges: inv
            .charges
            .iter()
            .map(|c| ChargeInput {
                reason: c.reason.clone(),
                amount: c.amount.0,
                tax_category: c.tax.clone(),
            })
            .collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn address(postal_code: &str, country: &str) -> Address {
        Address {
            name: "Chris Example".into(),
            organization: None,
            lines: vec!["12 Elm St".into()],
            city: if country == "US" {
                "Pittsfield"
            } else {
                "Ottawa"
            }
            .into(),
            region: if country == "US" { "MA" } else { "ON" }.into(),
            postal_code: postal_code.into(),
            country: country.into(),
        }
    }

    fn envelope(fields: &[(&str, &str)]) -> Envelope {
        let get = |k: &str| {
            fields
                .iter()
                .find(|(f, _)| *f == k)
                .map(|(_, v)| v.to_string())
        };
        Envelope {
            key: None,
            id: None,
            date: None,
            sender: "s".into(),
            recipient: "r".into(),
            contents: TBD.into(),
            scope: None,
            prepared_by: None,
            mailer_id: get("mailer_id"),
            service_type: get("service_type"),
            barcode_id: get("barcode_id"),
            serial: get("serial"),
            delivery_point: get("delivery_point"),
        }
    }

    const APPENDIX: [(&str, &str); 4] = [
        ("barcode_id", "01"),
        ("service_type", "234"),
        ("mailer_id", "567094"),
        ("serial", "987654321"),
    ];

    #[test]
    fn appendix_example_from_envelope_data() {
        let mut fields = APPENDIX.to_vec();
        fields.push(("delivery_point", "91"));
        let Barcode::Printed(imb) =
            envelope_barcode(&envelope(&fields), "r", &address("01234-5678", "US")).unwrap()
        else {
            panic!("a barcode")
        };
        assert_eq!(imb.tracking_code, "01234567094987654321");
        assert_eq!(imb.routing_code, "01234567891");
        assert_eq!(
            imb.bars,
            "AADTFFDFTDADTAADAATFDTDDAAADDTDTTDAFADADDDTFFFDDTTTADFAAADFTDAADA"
        );
        let Barcode::Printed(imb) =
            envelope_barcode(&envelope(&APPENDIX), "r", &address("01234", "US")).unwrap()
        else {
            panic!("a barcode")
        };
        assert_eq!(imb.routing_code, "01234");
    }

    #[test]
    fn barcode_id_defaults_to_00() {
        let fields = [
            ("service_type", "040"),
            ("mailer_id", "912345678"),
            ("serial", "000001"),
        ];
        let Barcode::Printed(imb) =
            envelope_barcode(&envelope(&fields), "r", &address("98101", "US")).unwrap()
        else {
            panic!("a barcode")
        };
        assert_eq!(imb.tracking_code, "00040912345678000001");
    }

    #[test]
    fn no_barcode_without_fields_with_tbd_or_abroad() {
        let us = address("98101", "US");
        let omitted = |b: Barcode| match b {
            Barcode::Omitted(why) => why,
            Barcode::Printed(_) => panic!("no barcode expected"),
        };
        let why = omitted(envelope_barcode(&envelope(&[]), "r", &us).unwrap());
        assert!(why.contains("no mailer_id and service_type"), "{why}");
        let mut fields = APPENDIX.to_vec();
        fields[2] = ("mailer_id", "TBD");
        fields[1] = ("service_type", "TBD");
        let why = omitted(envelope_barcode(&envelope(&fields), "r", &us).unwrap());
        assert_eq!(
            why,
            "No Intelligent Mail barcode until envelope.mailer_id and envelope.service_type \
             are known"
        );
        let why = omitted(
            envelope_barcode(&envelope(&APPENDIX), "r", &address("K1A 0B1", "CA")).unwrap(),
        );
        assert!(why.contains("abroad"), "{why}");
    }

    #[test]
    fn errors_name_the_field() {
        let us = address("98101", "US");
        let field = |fields: &[(&str, &str)], a: &Address| {
            envelope_barcode(&envelope(fields), "r", a)
                .unwrap_err()
                .field
        };
        assert_eq!(
            field(&[("mailer_id", "123456")], &us),
            "envelope.service_type"
        );
        assert_eq!(field(&[("serial", "1")], &us), "envelope.mailer_id");
        let mut f = APPENDIX.to_vec();
        f.push(("delivery_point", "12"));
        assert_eq!(field(&f, &us), "envelope.delivery_point");
        assert_eq!(
            field(&f, &address("K1A 0B1", "CA")),
            "envelope.delivery_point"
        );
        f[3] = ("serial", "98765432");
        assert_eq!(field(&f, &us), "envelope.serial");
        assert_eq!(
            field(&APPENDIX, &address("9810", "US")),
            "addresses.r.postal_code"
        );
    }
}
