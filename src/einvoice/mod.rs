//! Structured e-invoices: Factur-X / ZUGFeRD at the EN 16931 profile.
//!
//! Why this exists: buyers across the EU (Germany for B2B from 2025/2027, France and
//! Belgium from 2026, public buyers already) must receive invoices as data, not only as a
//! picture of one. The hybrid form, Factur-X (= ZUGFeRD 2.x), is an archival PDF/A-3b whose
//! embedded `factur-x.xml` (UN/CEFACT Cross Industry Invoice) carries the same invoice as
//! data. docket already computes the EN 16931 figures for its PDFs ([`crate::derive`],
//! [`crate::money`]); this module writes those very figures as CII XML ([`cii`]), so the
//! PDF and the XML come from one computation and cannot disagree, and adds the Factur-X
//! XMP metadata to the PDF Typst made ([`xmp`]).
//!
//! It is opt-in (`einvoice = "factur-x"` on a `[[series]]` of the rules, or in an
//! engagement's `[client_details]`). When it is on, the facts an EN 16931 invoice needs and
//! the engagement lacks (the seller's VAT id, country codes, unit codes, VAT category codes)
//! make the invoice a draft that lists them ([`missing_facts`], called by the gate): docket
//! never guesses them.

pub mod cii;
pub mod xmp;

use crate::model::{EInvoice, Engagement, Invoice, KindRule, Rules};
use crate::text::is_tbd;

/// The name of the embedded XML inside a Factur-X PDF (fixed by the specification).
pub const FACTUR_X_NAME: &str = "factur-x.xml";

/// The EN 16931 VAT category codes (UNCL 5305 subset EN 16931 allows).
pub const VAT_CATEGORY_CODES: &[&str] = &["S", "Z", "E", "AE", "K", "G", "O", "L", "M"];

/// The e-invoice format an engagement's `rule` is rendered with, if any: the client's own
/// setting (`client_details.einvoice`) first, then that of the series that numbers the
/// kind for this provider. Only invoices and credit notes have one.
pub fn setting(rules: &Rules, rule: &KindRule, engagement: &Engagement) -> Option<EInvoice> {
    if !is_invoice_kind(&rule.kind) {
        return None;
    }
    engagement.client_details.einvoice.or_else(|| {
        rules
            .series
            .iter()
            .find(|s| {
                s.kind == rule.kind
                    && s.seller
                        .as_ref()
                        .is_none_or(|x| x == &engagement.provider.name)
            })
            .and_then(|s| s.einvoice)
    })
}

/// Whether a kind is an invoice or credit note (the kinds e-invoices exist for).
pub fn is_invoice_kind(kind: &str) -> bool {
    kind == "invoice" || kind == "credit-note"
}

/// The invoice data of an invoice kind, and whether it is a credit note.
pub fn invoice_of<'a>(kind: &str, engagement: &'a Engagement) -> Option<(&'a Invoice, bool)> {
    match kind {
        "invoice" => engagement.invoice.one().map(|i| (i, false)),
        "credit-note" => engagement.credit_note.one().map(|i| (i, true)),
        _ => None,
    }
}

/// Whether `code` looks like a UN/ECE Recommendation 20 unit code: 2 or 3 upper-case
/// letters or digits (`C62`, `HUR`, `DAY`, `MON`, `H87`). The full list (about 2,000 codes)
/// is the receiver's to check; docket checks the form.
pub fn is_unit_code(code: &str) -> bool {
    (2..=3).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// The EN 16931 VAT category code of a tax category: its `code`, or its key when the key
/// is itself a code.
pub fn category_code(tax: &crate::model::InvoiceTax) -> Option<&str> {
    match &tax.code {
        Some(code) => VAT_CATEGORY_CODES.contains(&code.as_str()).then_some(code),
        None => VAT_CATEGORY_CODES
            .contains(&tax.category.as_str())
            .then_some(tax.category.as_str()),
    }
}

/// What an EN 16931 invoice needs that this engagement's invoice (section `section`, kind
/// `kind`) lacks, one sentence each naming the field: empty when the e-invoice can be made.
pub fn missing_facts(kind: &str, section: &str, engagement: &Engagement) -> Vec<String> {
    let Some((inv, _)) = invoice_of(kind, engagement) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let provider = &engagement.provider;
    let client = &engagement.client_details;
    if is_tbd(&provider.legal_name) {
        out.push("provider.legal_name (the seller's legal name, BT-27)".to_string());
    }
    if is_tbd(&provider.tax_id) {
        out.push("provider.tax_id (the seller's VAT identifier, BT-31)".to_string());
    }
    if is_tbd(&client.legal_name) {
        out.push("client_details.legal_name (the buyer's name, BT-44)".to_string());
    }
    for (key, field, who) in [
        (&inv.seller, "seller", "seller"),
        (&inv.buyer, "buyer", "buyer"),
    ] {
        match engagement.addresses.get(key) {
            None => out.push(format!(
                "{section}.{field}: no address `{key}` (the {who}'s postal address)"
            )),
            Some(a) => {
                let c = a.country.as_str();
                if c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_uppercase()) {
                    out.push(format!(
                        "addresses.{key}.country (the {who}'s ISO 3166 alpha-2 country code)"
                    ));
                }
            }
        }
    }
    let mut pairs: Vec<(String, rust_decimal::Decimal)> = Vec::new();
    let mut buyer_vat_needed = false;
    for (i, tax) in inv.taxes.iter().enumerate() {
        let Some(code) = category_code(tax) else {
            out.push(format!(
                "{section}.taxes[{i}].code (the EN 16931 VAT category code of `{}`: one of {})",
                tax.category,
                VAT_CATEGORY_CODES.join(", ")
            ));
            continue;
        };
        let rate = tax.rate.0;
        match code {
            "S" if rate.is_zero() => out.push(format!(
                "{section}.taxes[{i}].rate (category S needs a rate above 0; use Z for zero rated)"
            )),
            "Z" | "E" | "AE" | "K" | "G" | "O" if !rate.is_zero() => out.push(format!(
                "{section}.taxes[{i}].rate (category {code} has a rate of 0)"
            )),
            _ => {}
        }
        if matches!(code, "E" | "AE" | "K" | "G" | "O") && tax.note.as_deref().is_none_or(is_tbd) {
            out.push(format!(
                "{section}.taxes[{i}].note (the VAT exemption reason category {code} needs)"
            ));
        }
        if matches!(code, "AE" | "K") {
            buyer_vat_needed = true;
        }
        let pair = (code.to_string(), rate.normalize());
        if pairs.contains(&pair) {
            out.push(format!(
                "{section}.taxes[{i}].code (category {code} at {}% twice: EN 16931 has one VAT \
                 breakdown per category and rate)",
                pair.1
            ));
        }
        pairs.push(pair);
    }
    if buyer_vat_needed && is_tbd(&client.tax_id) {
        out.push(
            "client_details.tax_id (the buyer's VAT identifier, BT-48, for reverse charge or \
             intra-community supply)"
                .to_string(),
        );
    }
    for (i, line) in inv.lines.iter().enumerate() {
        if line.unit.as_deref().is_none_or(is_tbd) {
            out.push(format!(
                "{section}.lines[{i}].unit (a UN/ECE Rec 20 unit code: C62 one, HUR hour, DAY day)"
            ));
        }
    }
    out
}
