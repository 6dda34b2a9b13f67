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
pub mod document;
pub mod ubl;
mod xml;
pub mod xmp;

use crate::error::Result;
use crate::model::{EInvoice, Engagement, Invoice, KindRule, Rules};
use crate::text::is_tbd;

/// The XML of an engagement's invoice (`kind` `invoice`) or credit note (`credit-note`),
/// numbered `number`, in `format`: CII for Factur-X and XRechnung, UBL for Peppol.
///
/// # Errors
/// As [`document::Document::of`].
pub fn invoice_xml(
    engagement: &Engagement,
    kind: &str,
    number: &str,
    format: EInvoice,
) -> Result<Vec<u8>> {
    let doc = document::Document::of(engagement, kind, number, format)?;
    match format {
        EInvoice::FacturX | EInvoice::XRechnung => cii::write(&doc),
        EInvoice::Peppol => ubl::write(&doc),
    }
}

/// The name of the embedded XML inside a Factur-X PDF (fixed by the specification).
pub const FACTUR_X_NAME: &str = "factur-x.xml";

/// The EN 16931 VAT category codes (UNCL 5305 subset EN 16931 allows).
pub const VAT_CATEGORY_CODES: &[&str] = &["S", "Z", "E", "AE", "K", "G", "O", "L", "M"];

/// The country prefixes EN 16931 accepts on a VAT identifier: ISO 3166-1 alpha-2, with `EL`
/// for Greece, `XI` for Northern Ireland and `1A` for Kosovo. Copied from rule BR-CO-09 of
/// the EN 16931 Schematron v1.3.16 (`tests/fixtures/en16931/`), which is what receivers run:
/// this is the rule's own code list, not a country table of docket's.
const VAT_PREFIXES: &str = " 1A AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE \
    BF BG BH BI BL BJ BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU \
    CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG \
    GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM \
    JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH \
    MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE \
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN \
    SO SR ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC \
    VE VG VI VN VU WF WS XI YE YT ZA ZM ZW ";

/// Whether a tax id is a VAT identifier: a country prefix EN 16931 accepts (rule BR-CO-09),
/// then 2 to 13 capital letters, digits, `+` or `*` (`DE811111111`, `FRXX999999999`,
/// `IE1234567FA`, `NL123456789B01`). A US EIN (`93-1234567`) or another national tax
/// number is not one: e-invoices carry it as a tax registration (BT-32) instead.
pub fn is_vat_id(tax_id: &str) -> bool {
    let (Some(prefix), Some(rest)) = (tax_id.get(..2), tax_id.get(2..)) else {
        return false;
    };
    VAT_PREFIXES.contains(&format!(" {prefix} "))
        && (2..=13).contains(&rest.len())
        && rest
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'+' || b == b'*')
}

/// The first and last day of an invoice's `period` when it is written as two dates,
/// `2026-04-06 to 2026-09-14` (or the ISO 8601 interval `2026-04-06/2026-09-14`): the
/// invoicing period (EN 16931 BG-14). Other wording ("October 2026") stays text only.
pub fn period_dates(period: &str) -> Option<(time::Date, time::Date)> {
    let (start, end) = period
        .split_once(" to ")
        .or_else(|| period.split_once('/'))?;
    let start = crate::model::Date::parse(start.trim()).ok()?.0;
    let end = crate::model::Date::parse(end.trim()).ok()?.0;
    (start <= end).then_some((start, end))
}

/// Whether an invoice has a category not subject to VAT (`O`): then it names no VAT
/// identifier of either party (rule BR-O-02).
pub fn not_subject_to_vat(inv: &Invoice) -> bool {
    inv.taxes.iter().any(|t| category_code(t) == Some("O"))
}

/// A registration identifier given (not absent, not TBD).
pub fn known_registration(id: &Option<String>) -> Option<&str> {
    id.as_deref().filter(|r| !is_tbd(r))
}

/// The e-invoice format an engagement's `rule` is rendered with, if any: the client's own
/// setting (`client_details.einvoice`) first, then that of the series that numbers the
/// kind for this provider. Only invoices and credit notes have one.
pub fn setting(rules: &Rules, rule: &KindRule, engagement: &Engagement) -> Option<EInvoice> {
    if !rule.special().is_some_and(crate::model::Special::bills) {
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

/// What an EN 16931 invoice in `format` needs that this engagement's invoice (section
/// `section`, kind `kind`) lacks, one sentence each naming the field: empty when the
/// e-invoice can be made.
pub fn missing_facts(
    format: EInvoice,
    kind: &str,
    section: &str,
    engagement: &Engagement,
) -> Vec<String> {
    let Some((inv, _)) = invoice_of(kind, engagement) else {
        return Vec::new();
    };
    let mut out = en16931_facts(inv, section, engagement);
    match format {
        EInvoice::FacturX => {}
        EInvoice::Peppol => out.extend(peppol_facts(inv, section, engagement)),
        EInvoice::XRechnung => out.extend(xrechnung_facts(inv, section, engagement)),
    }
    out
}

/// Whether an electronic address is `SCHEME:ID` with a scheme of the EAS code list's form
/// (four digits) and, for a GLN (`0088`), a valid GS1 check digit (rule
/// PEPPOL-COMMON-R040): a sentence saying what is wrong otherwise.
pub fn endpoint_problem(endpoint: &str) -> Option<String> {
    let Some((scheme, id)) = document::endpoint_parts(endpoint) else {
        return Some(format!(
            "`{endpoint}` is not SCHEME:ID (an EAS scheme code, a colon, the identifier: \
             `0088:4035811991014`)"
        ));
    };
    if !(scheme.len() == 4 && scheme.bytes().all(|b| b.is_ascii_digit())) {
        return Some(format!(
            "the scheme `{scheme}` is not an EAS code of four digits (0088 GLN, 0192 Norway, \
             0208 Belgium, 9930 German VAT...)"
        ));
    }
    if scheme == "0088" && !gs1_check_digit_ok(id) {
        return Some(format!(
            "`{id}` is not a GLN: 13 digits whose last is the GS1 check digit (rule \
             PEPPOL-COMMON-R040)"
        ));
    }
    None
}

/// The GS1 check digit (GLN, GTIN): weights 3 and 1 from the right, the total a multiple
/// of ten.
fn gs1_check_digit_ok(id: &str) -> bool {
    if id.len() != 13 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = id
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 1 { 3 } else { 1 })
        .sum();
    sum.is_multiple_of(10)
}

/// An electronic address a format needs (`needed`) or that is given, checked.
fn endpoint_fact(field: &str, bt: &str, value: &Option<String>, needed: &str) -> Option<String> {
    match known_registration(value) {
        None if needed.is_empty() => None,
        None => Some(format!(
            "{field} (the electronic address, {bt}, as SCHEME:ID: `0088:4035811991014`; {needed})"
        )),
        Some(endpoint) => {
            endpoint_problem(endpoint).map(|problem| format!("{field} ({bt}: {problem})"))
        }
    }
}

/// Both parties' electronic addresses (BT-34, BT-49), which Peppol and XRechnung need for
/// the reasons given.
fn endpoint_facts(engagement: &Engagement, seller_why: &str, buyer_why: &str) -> Vec<String> {
    [
        endpoint_fact(
            "provider.endpoint",
            "BT-34",
            &engagement.provider.endpoint,
            seller_why,
        ),
        endpoint_fact(
            "client_details.endpoint",
            "BT-49",
            &engagement.client_details.endpoint,
            buyer_why,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What Peppol BIS Billing 3.0 needs beyond EN 16931.
fn peppol_facts(inv: &Invoice, section: &str, engagement: &Engagement) -> Vec<String> {
    let client = &engagement.client_details;
    let mut out = endpoint_facts(
        engagement,
        "Peppol delivers to and from it, rule PEPPOL-EN16931-R020",
        "rule PEPPOL-EN16931-R010",
    );
    out.extend(line_products(inv, section));
    if known_registration(&client.buyer_reference).is_none() && is_tbd(&inv.purchase_order) {
        out.push(format!(
            "client_details.buyer_reference (BT-10) or {section}.purchase_order (BT-13): a \
             Peppol invoice carries one of them, rule PEPPOL-EN16931-R003"
        ));
    }
    out
}

/// Peppol's rule PEPPOL-EN16931-R120, which XRechnung takes too: each line's net equals
/// quantity x price within 0.02, whatever the currency. A product that is not within 0.02
/// of an amount at the minor unit (12.5 x 18333 JPY) cannot pass, however it is rounded.
fn line_products(inv: &Invoice, section: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(currency) = crate::money::Currency::from_code(&inv.currency) else {
        return out;
    };
    let slack = rust_decimal::Decimal::new(2, 2);
    for (i, line) in inv.lines.iter().enumerate() {
        let Some(product) = line.quantity.0.checked_mul(line.unit_price.0) else {
            continue;
        };
        let rounded = crate::money::round_amount(product, currency);
        if (rounded - product).abs() > slack {
            out.push(format!(
                "{section}.lines[{i}] (quantity x unit price is {}, which {} amounts cannot \
                 show within 0.02, and the line amount is checked against it: rule \
                 PEPPOL-EN16931-R120; a unit price that gives a whole amount passes)",
                product.normalize(),
                currency.code()
            ));
        }
    }
    out
}

/// What XRechnung 3.0 needs beyond EN 16931 (the BR-DE rules, and the Peppol rules it
/// takes).
fn xrechnung_facts(inv: &Invoice, section: &str, engagement: &Engagement) -> Vec<String> {
    let (provider, client) = (&engagement.provider, &engagement.client_details);
    let mut out = endpoint_facts(
        engagement,
        "XRechnung takes rule PEPPOL-EN16931-R020 from Peppol",
        "XRechnung takes rule PEPPOL-EN16931-R010 from Peppol",
    );
    out.extend(line_products(inv, section));
    if known_registration(&client.buyer_reference).is_none() {
        out.push(
            "client_details.buyer_reference (the buyer's Leitweg-ID, BT-10, rule BR-DE-15)"
                .to_string(),
        );
    }
    if known_registration(&provider.contact).is_none() {
        out.push(
            "provider.contact (who answers questions about the invoice, BT-41, rule BR-DE-5)"
                .to_string(),
        );
    }
    if known_registration(&provider.phone).is_none() {
        out.push("provider.phone (the seller contact's telephone, BT-42, rule BR-DE-6)".into());
    }
    if is_tbd(&provider.email) {
        out.push("provider.email (the seller contact's email, BT-43, rule BR-DE-7)".into());
    }
    for (key, who, rules) in [
        (&inv.seller, "seller", ("BR-DE-3", "BR-DE-4")),
        (&inv.buyer, "buyer", ("BR-DE-8", "BR-DE-9")),
    ] {
        if let Some(a) = engagement.addresses.get(key) {
            if is_tbd(&a.city) {
                out.push(format!(
                    "addresses.{key}.city (the {who}'s city, rule {})",
                    rules.0
                ));
            }
            if is_tbd(&a.postal_code) {
                out.push(format!(
                    "addresses.{key}.postal_code (the {who}'s post code, rule {})",
                    rules.1
                ));
            }
        }
    }
    if is_tbd(&inv.remittance) {
        out.push(format!(
            "{section}.remittance (the payment instructions, BG-16, rule BR-DE-1)"
        ));
    }
    out
}

/// What every EN 16931 invoice needs.
fn en16931_facts(inv: &Invoice, section: &str, engagement: &Engagement) -> Vec<String> {
    let mut out = Vec::new();
    let provider = &engagement.provider;
    let client = &engagement.client_details;
    if is_tbd(&provider.legal_name) {
        out.push("provider.legal_name (the seller's legal name, BT-27)".to_string());
    }
    // Who the seller is (BR-CO-26): a VAT identifier or a legal registration. An invoice
    // not subject to VAT carries no VAT identifier at all (BR-O-02), so it needs the latter.
    let out_of_scope = not_subject_to_vat(inv);
    let seller_vat = is_vat_id(&provider.tax_id) && !out_of_scope;
    let seller_tax = !is_tbd(&provider.tax_id);
    if !seller_vat && known_registration(&provider.registration_id).is_none() {
        out.push(if out_of_scope {
            "provider.registration_id (the seller's legal registration, BT-30: an invoice not \
             subject to VAT carries no VAT identifier, so the seller needs it; rules BR-O-02, \
             BR-CO-26)"
                .to_string()
        } else if seller_tax {
            format!(
                "provider.registration_id (the seller's legal registration, BT-30, which an \
                 e-invoice needs when provider.tax_id `{}` is not a VAT identifier with its \
                 country prefix; rule BR-CO-26)",
                provider.tax_id
            )
        } else {
            "provider.tax_id (the seller's VAT identifier, BT-31, with its country prefix) or \
             provider.registration_id (its legal registration, BT-30)"
                .to_string()
        });
    }
    if out_of_scope && inv.taxes.iter().any(|t| category_code(t) != Some("O")) {
        out.push(format!(
            "{section}.taxes (category O, not subject to VAT, cannot be combined with other \
             categories in one invoice; rule BR-O-11)"
        ));
    }
    for (who, scheme) in [
        ("provider", &provider.registration_scheme),
        ("client_details", &client.registration_scheme),
    ] {
        if let Some(scheme) = scheme.as_deref().filter(|s| !is_tbd(s))
            && !(scheme.len() == 4 && scheme.bytes().all(|b| b.is_ascii_digit()))
        {
            out.push(format!(
                "{who}.registration_scheme (an ISO/IEC 6523 code of four digits, such as 0002 \
                 SIRENE, 0060 DUNS or 0088 GLN; found `{scheme}`)"
            ));
        }
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
    let (mut buyer_vat_needed, mut buyer_id_needed) = (false, false);
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
        // The seller's tax identity each category needs (BR-S-02, BR-Z-02, BR-E-02,
        // BR-AE-02: a VAT id or a tax registration; BR-IC-02, BR-G-02: a VAT id).
        let seller_needs = match code {
            "K" | "G" if !seller_vat => Some("a VAT identifier with its country prefix, BT-31"),
            "S" | "Z" | "E" | "AE" | "L" | "M" if !seller_tax => {
                Some("a VAT identifier, BT-31, or tax registration number, BT-32")
            }
            _ => None,
        };
        if let Some(what) = seller_needs {
            let fact = format!("provider.tax_id ({what}, for VAT category {code})");
            if !out.contains(&fact) {
                out.push(fact);
            }
        }
        if code == "K" && period_dates(&inv.period).is_none() {
            let fact = format!(
                "{section}.period (the supply period as `2026-04-06 to 2026-09-14`, BG-14, which \
                 an intra-community supply needs; rule BR-IC-11)"
            );
            if !out.contains(&fact) {
                out.push(fact);
            }
        }
        match code {
            "K" => buyer_vat_needed = true,
            "AE" => buyer_id_needed = true,
            _ => {}
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
    // The buyer's (BR-IC-02: its VAT identifier; BR-AE-02: that or its legal registration).
    let buyer_vat = is_vat_id(&client.tax_id);
    if buyer_vat_needed && !buyer_vat {
        out.push(
            "client_details.tax_id (the buyer's VAT identifier with its country prefix, BT-48, \
             for an intra-community supply)"
                .to_string(),
        );
    } else if buyer_id_needed && !buyer_vat && known_registration(&client.registration_id).is_none()
    {
        out.push(
            "client_details.tax_id (the buyer's VAT identifier with its country prefix, BT-48) \
             or client_details.registration_id (its legal registration, BT-47), for reverse \
             charge"
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_ids_have_a_country_prefix_eins_do_not() {
        for vat in [
            "DE811111111",
            "FRXX999999999",
            "ELS12345678",
            "IE1234567FA",
            "NL123456789B01",
            "ATU12345678",
        ] {
            assert!(is_vat_id(vat), "{vat}");
        }
        for other in [
            "93-1234567",
            "931234567",
            "TBD",
            "",
            "D",
            "DE",
            "QQ123456789",
            "de811111111",
            "DE 811111111",
        ] {
            assert!(!is_vat_id(other), "{other}");
        }
    }

    #[test]
    fn a_period_of_two_dates_is_an_invoicing_period() {
        let d = |s: &str| crate::model::Date::parse(s).unwrap().0;
        assert_eq!(
            period_dates("2026-04-06 to 2026-09-14"),
            Some((d("2026-04-06"), d("2026-09-14")))
        );
        assert_eq!(
            period_dates("2026-04-06/2026-04-06"),
            Some((d("2026-04-06"), d("2026-04-06")))
        );
        for text in [
            "October 2026",
            "2026-09-14 to 2026-04-06",
            "2026-04-06 to",
            "TBD",
        ] {
            assert_eq!(period_dates(text), None, "{text}");
        }
    }
}
