//! The CII XML (UN/CEFACT Cross Industry Invoice D16B, Factur-X 1.0 EN 16931 profile) of
//! an invoice or credit note.
//!
//! Why a module of its own: the XML is a second rendering of the same computed invoice the
//! PDF shows, so every amount here comes from [`crate::derive::invoice_totals`] (exact
//! `rust_decimal`, rounded half away from zero to the currency's minor unit), never from a
//! computation of its own. Text goes through `quick-xml`'s writer, which escapes it (`<`,
//! `&`, `]]>` come out as text), after [`text_char`] drops the control characters XML 1.0
//! cannot carry. Nothing here reads a clock or a map in hash order: the same invoice gives
//! the same bytes.
//!
//! A credit note is type code 381 with positive amounts (EN 16931 credits by the type code,
//! not by negative amounts): docket's negative credit-note figures are written negated, and
//! its negative quantities as positive ones.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use rust_decimal::Decimal;

use super::{category_code, invoice_of};
use crate::error::{Error, Result};
use crate::model::{Address, Engagement};
use crate::money::{self, Currency};
use crate::text::is_tbd;
use crate::text::text_char;

/// The EN 16931 specification identifier (BT-24).
pub const GUIDELINE_EN16931: &str = "urn:cen.eu:en16931:2017";

const RSM: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
const RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
const QDT: &str = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
const UDT: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

/// The CII XML of an engagement's invoice (`kind` `invoice`) or credit note
/// (`credit-note`), numbered `number` (the number it is issued with).
///
/// # Errors
/// [`Error::EInvoice`] when a fact the XML needs is missing (the gate keeps such an invoice
/// a draft, so this only reaches callers that skip the gate) or the totals cannot be
/// computed.
pub fn invoice_xml(engagement: &Engagement, kind: &str, number: &str) -> Result<Vec<u8>> {
    let document = format!("{}/{kind}", engagement.id);
    let fail = |message: String| Error::EInvoice {
        document: document.clone(),
        message,
    };
    let Some((inv, credit_note)) = invoice_of(kind, engagement) else {
        return Err(fail(format!("no invoice data for `{kind}`")));
    };
    let section = if credit_note {
        "credit_note"
    } else {
        "invoice"
    };
    let missing = super::missing_facts(kind, section, engagement);
    if !missing.is_empty() {
        return Err(fail(format!("missing {}", missing.join("; "))));
    }
    let (currency, totals) =
        crate::derive::invoice_totals(inv, credit_note).map_err(|e| fail(e.to_string()))?;
    if !totals.rounding.is_zero() {
        return Err(fail("a non-zero rounding amount is not supported".into()));
    }
    // Credit notes: EN 16931 amounts are positive under type code 381.
    let sign = |d: Decimal| if credit_note { -d } else { d };
    let amount = |d: Decimal| amount_text(sign(d), currency);
    let issue_date = inv
        .issue_date
        .known()
        .ok_or_else(|| fail(format!("{section}.issue_date is TBD")))?;
    let address = |key: &str| {
        engagement
            .addresses
            .get(key)
            .ok_or_else(|| fail(format!("no address `{key}`")))
    };
    let seller_address = address(&inv.seller)?;
    let buyer_address = address(&inv.buyer)?;
    let tax_of = |category: &str| inv.taxes.iter().find(|t| t.category == category);
    let code_of = |category: &str| -> Result<(String, Decimal, Option<String>)> {
        let tax = tax_of(category).ok_or_else(|| fail(format!("no tax category {category}")))?;
        let code = category_code(tax)
            .ok_or_else(|| fail(format!("no VAT category code for {category}")))?;
        Ok((code.to_string(), tax.rate.0.normalize(), tax.note.clone()))
    };

    let mut x = Xml::new();
    x.decl()?;
    x.open_with(
        "rsm:CrossIndustryInvoice",
        &[
            ("xmlns:rsm", RSM),
            ("xmlns:ram", RAM),
            ("xmlns:qdt", QDT),
            ("xmlns:udt", UDT),
        ],
    )?;
    x.open("rsm:ExchangedDocumentContext")?;
    x.open("ram:GuidelineSpecifiedDocumentContextParameter")?;
    x.leaf("ram:ID", GUIDELINE_EN16931)?;
    x.close("ram:GuidelineSpecifiedDocumentContextParameter")?;
    x.close("rsm:ExchangedDocumentContext")?;

    x.open("rsm:ExchangedDocument")?;
    x.leaf("ram:ID", number)?;
    x.leaf("ram:TypeCode", if credit_note { "381" } else { "380" })?;
    x.open("ram:IssueDateTime")?;
    x.date("udt:DateTimeString", issue_date.0)?;
    x.close("ram:IssueDateTime")?;
    let mut notes: Vec<String> = Vec::new();
    if !is_tbd(&inv.milestone) {
        notes.push(inv.milestone.clone());
    }
    if let Some(reason) = inv.reason.as_deref().filter(|r| !is_tbd(r)) {
        notes.push(reason.to_string());
    }
    if !is_tbd(&inv.period) {
        notes.push(format!("Period: {}", inv.period));
    }
    notes.extend(inv.notes.iter().filter(|n| !is_tbd(n)).cloned());
    for note in &notes {
        x.open("ram:IncludedNote")?;
        x.leaf("ram:Content", note)?;
        x.close("ram:IncludedNote")?;
    }
    x.close("rsm:ExchangedDocument")?;

    x.open("rsm:SupplyChainTradeTransaction")?;
    for (i, (line, computed)) in inv.lines.iter().zip(&totals.lines).enumerate() {
        let (code, rate, _) = code_of(&line.tax)?;
        let unit = line
            .unit
            .as_deref()
            .ok_or_else(|| fail(format!("{section}.lines[{i}].unit is missing")))?;
        x.open("ram:IncludedSupplyChainTradeLineItem")?;
        x.open("ram:AssociatedDocumentLineDocument")?;
        x.leaf("ram:LineID", &(i + 1).to_string())?;
        x.close("ram:AssociatedDocumentLineDocument")?;
        x.open("ram:SpecifiedTradeProduct")?;
        x.leaf("ram:Name", &line.description)?;
        x.close("ram:SpecifiedTradeProduct")?;
        x.open("ram:SpecifiedLineTradeAgreement")?;
        x.open("ram:NetPriceProductTradePrice")?;
        x.leaf("ram:ChargeAmount", &decimal_text(computed.unit_price.abs()))?;
        x.close("ram:NetPriceProductTradePrice")?;
        x.close("ram:SpecifiedLineTradeAgreement")?;
        x.open("ram:SpecifiedLineTradeDelivery")?;
        x.leaf_with(
            "ram:BilledQuantity",
            &[("unitCode", unit)],
            &decimal_text(computed.quantity.abs()),
        )?;
        x.close("ram:SpecifiedLineTradeDelivery")?;
        x.open("ram:SpecifiedLineTradeSettlement")?;
        x.trade_tax(None, &code, &rate, None, None)?;
        if !computed.discount.is_zero() {
            x.allowance(&amount(computed.discount), "Line discount", None)?;
        }
        x.open("ram:SpecifiedTradeSettlementLineMonetarySummation")?;
        x.leaf("ram:LineTotalAmount", &amount(computed.net))?;
        x.close("ram:SpecifiedTradeSettlementLineMonetarySummation")?;
        x.close("ram:SpecifiedLineTradeSettlement")?;
        x.close("ram:IncludedSupplyChainTradeLineItem")?;
    }

    x.open("ram:ApplicableHeaderTradeAgreement")?;
    let (provider, client) = (&engagement.provider, &engagement.client_details);
    let out_of_scope = super::not_subject_to_vat(inv);
    x.party(
        "ram:SellerTradeParty",
        &provider.legal_name,
        seller_address,
        Identity::of(
            &provider.tax_id,
            &provider.registration_id,
            &provider.registration_scheme,
            Role::Seller { vat: !out_of_scope },
        ),
    )?;
    x.party(
        "ram:BuyerTradeParty",
        &client.legal_name,
        buyer_address,
        Identity::of(
            &client.tax_id,
            &client.registration_id,
            &client.registration_scheme,
            Role::Buyer { vat: !out_of_scope },
        ),
    )?;
    if !is_tbd(&inv.purchase_order) {
        x.open("ram:BuyerOrderReferencedDocument")?;
        x.leaf("ram:IssuerAssignedID", &inv.purchase_order)?;
        x.close("ram:BuyerOrderReferencedDocument")?;
    }
    if !is_tbd(&inv.agreement) {
        x.open("ram:ContractReferencedDocument")?;
        x.leaf("ram:IssuerAssignedID", &inv.agreement)?;
        x.close("ram:ContractReferencedDocument")?;
    }
    x.close("ram:ApplicableHeaderTradeAgreement")?;
    // An intra-community supply names the country it is delivered to (BR-IC-12): the
    // buyer's, whose address the services are supplied to.
    let intra_community = inv.taxes.iter().any(|t| category_code(t) == Some("K"));
    if intra_community {
        x.open("ram:ApplicableHeaderTradeDelivery")?;
        x.open("ram:ShipToTradeParty")?;
        x.open("ram:PostalTradeAddress")?;
        x.leaf("ram:CountryID", &buyer_address.country)?;
        x.close("ram:PostalTradeAddress")?;
        x.close("ram:ShipToTradeParty")?;
        x.close("ram:ApplicableHeaderTradeDelivery")?;
    } else {
        x.empty("ram:ApplicableHeaderTradeDelivery")?;
    }

    x.open("ram:ApplicableHeaderTradeSettlement")?;
    x.leaf("ram:PaymentReference", number)?;
    x.leaf("ram:InvoiceCurrencyCode", currency.code())?;
    if !is_tbd(&inv.remittance) {
        // UNCL 4461 code 1, "instrument not defined": docket keeps remittance as free text
        // and does not guess the means (or parse an IBAN) out of it.
        x.open("ram:SpecifiedTradeSettlementPaymentMeans")?;
        x.leaf("ram:TypeCode", "1")?;
        x.leaf("ram:Information", &inv.remittance)?;
        x.close("ram:SpecifiedTradeSettlementPaymentMeans")?;
    }
    for tax in &totals.taxes {
        let (code, rate, note) = code_of(&tax.category)?;
        let reason =
            note.filter(|n| !is_tbd(n) && matches!(code.as_str(), "E" | "AE" | "K" | "G" | "O"));
        x.trade_tax(
            Some(&amount(tax.tax)),
            &code,
            &rate,
            Some(&amount(tax.base)),
            reason.as_deref(),
        )?;
    }
    if let Some((start, end)) = super::period_dates(&inv.period) {
        x.open("ram:BillingSpecifiedPeriod")?;
        x.open("ram:StartDateTime")?;
        x.date("udt:DateTimeString", start)?;
        x.close("ram:StartDateTime")?;
        x.open("ram:EndDateTime")?;
        x.date("udt:DateTimeString", end)?;
        x.close("ram:EndDateTime")?;
        x.close("ram:BillingSpecifiedPeriod")?;
    }
    // The invoice discount, as docket allocates it: one allowance per VAT category, its
    // share being the category's line nets less its taxable amount.
    for tax in &totals.taxes {
        let lines: Decimal = totals
            .lines
            .iter()
            .filter(|l| l.tax_category == tax.category)
            .map(|l| l.net)
            .sum();
        let share = lines - tax.base;
        if share.is_zero() {
            continue;
        }
        let (code, rate, _) = code_of(&tax.category)?;
        x.allowance(&amount(share), "Invoice discount", Some((&code, &rate)))?;
    }
    if !is_tbd(&inv.payment_terms) || inv.due_date.known().is_some() {
        x.open("ram:SpecifiedTradePaymentTerms")?;
        if !is_tbd(&inv.payment_terms) {
            x.leaf("ram:Description", &inv.payment_terms)?;
        }
        if let Some(due) = inv.due_date.known() {
            x.open("ram:DueDateDateTime")?;
            x.date("udt:DateTimeString", due.0)?;
            x.close("ram:DueDateDateTime")?;
        }
        x.close("ram:SpecifiedTradePaymentTerms")?;
    }
    x.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation")?;
    x.leaf("ram:LineTotalAmount", &amount(totals.line_total))?;
    if !totals.invoice_discount.is_zero() {
        x.leaf("ram:AllowanceTotalAmount", &amount(totals.invoice_discount))?;
    }
    x.leaf(
        "ram:TaxBasisTotalAmount",
        &amount(totals.line_total - totals.invoice_discount),
    )?;
    x.leaf_with(
        "ram:TaxTotalAmount",
        &[("currencyID", currency.code())],
        &amount(totals.tax_total),
    )?;
    x.leaf("ram:GrandTotalAmount", &amount(totals.total))?;
    if !totals.paid.is_zero() {
        x.leaf("ram:TotalPrepaidAmount", &amount(totals.paid))?;
    }
    x.leaf("ram:DuePayableAmount", &amount(totals.due))?;
    x.close("ram:SpecifiedTradeSettlementHeaderMonetarySummation")?;
    if credit_note && let Some(reference) = inv.references.as_deref().filter(|r| !is_tbd(r)) {
        x.open("ram:InvoiceReferencedDocument")?;
        x.leaf("ram:IssuerAssignedID", reference)?;
        x.close("ram:InvoiceReferencedDocument")?;
    }
    x.close("ram:ApplicableHeaderTradeSettlement")?;
    x.close("rsm:SupplyChainTradeTransaction")?;
    x.close("rsm:CrossIndustryInvoice")?;
    let mut bytes = x.finish();
    bytes.push(b'\n');
    Ok(bytes)
}

/// Who a party is, as EN 16931 names it: a VAT identifier (BT-31, BT-48) only where the tax id
/// is one ([`super::is_vat_id`]) and the invoice is subject to VAT (BR-O-02); the seller's
/// other tax number as its tax registration (BT-32, scheme `FC`; EN 16931 has no such field
/// for the buyer); the legal registration (BT-30, BT-47) with its ISO/IEC 6523 scheme when
/// given.
struct Identity<'a> {
    vat: Option<&'a str>,
    tax_registration: Option<&'a str>,
    registration: Option<(&'a str, Option<&'a str>)>,
}

/// Which party, and whether the invoice may name its VAT identifier.
enum Role {
    Seller { vat: bool },
    Buyer { vat: bool },
}

impl<'a> Identity<'a> {
    fn of(
        tax_id: &'a str,
        registration_id: &'a Option<String>,
        registration_scheme: &'a Option<String>,
        role: Role,
    ) -> Identity<'a> {
        let known = !is_tbd(tax_id);
        let is_vat = known && super::is_vat_id(tax_id);
        let (seller, vat_allowed) = match role {
            Role::Seller { vat } => (true, vat),
            Role::Buyer { vat } => (false, vat),
        };
        Identity {
            vat: (is_vat && vat_allowed).then_some(tax_id),
            // A seller's VAT id an out-of-scope invoice may not name is not a tax
            // registration either: it is left out.
            tax_registration: (known && !is_vat && seller).then_some(tax_id),
            registration: super::known_registration(registration_id)
                .map(|id| (id, registration_scheme.as_deref().filter(|s| !is_tbd(s)))),
        }
    }
}

/// An amount at the currency's minor unit (`1234.50`, JPY `1235`), no sign for zero.
pub fn amount_text(value: Decimal, currency: Currency) -> String {
    let mut v = money::round_amount(value, currency);
    if v.is_zero() {
        v = Decimal::ZERO;
    }
    v.rescale(currency.minor_units());
    v.to_string()
}

/// A quantity, price or rate as a plain decimal without trailing zeros (`0.5`, `62.25`).
fn decimal_text(value: Decimal) -> String {
    let v = value.normalize();
    if v.is_zero() {
        "0".to_string()
    } else {
        v.to_string()
    }
}

/// Text as XML 1.0 may carry it: what every output shows ([`text_char`]) less the two
/// non-characters XML forbids.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(text_char)
        .filter(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// A small layer over quick-xml's writer: every element and text through it, escaped.
struct Xml {
    writer: Writer<Vec<u8>>,
}

type XmlResult = std::result::Result<(), Error>;

impl Xml {
    fn new() -> Xml {
        Xml {
            writer: Writer::new_with_indent(Vec::new(), b' ', 2),
        }
    }

    fn event(&mut self, event: Event<'_>) -> XmlResult {
        self.writer.write_event(event).map_err(|e| Error::EInvoice {
            document: String::new(),
            message: e.to_string(),
        })
    }

    fn decl(&mut self) -> XmlResult {
        self.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
    }

    fn open(&mut self, name: &str) -> XmlResult {
        self.event(Event::Start(BytesStart::new(name)))
    }

    fn open_with(&mut self, name: &str, attributes: &[(&str, &str)]) -> XmlResult {
        let attrs: Vec<(&str, String)> = attributes.iter().map(|(k, v)| (*k, clean(v))).collect();
        let start =
            BytesStart::new(name).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())));
        self.event(Event::Start(start))
    }

    fn close(&mut self, name: &str) -> XmlResult {
        self.event(Event::End(BytesEnd::new(name)))
    }

    fn empty(&mut self, name: &str) -> XmlResult {
        self.event(Event::Empty(BytesStart::new(name)))
    }

    fn leaf(&mut self, name: &str, text: &str) -> XmlResult {
        self.leaf_with(name, &[], text)
    }

    fn leaf_with(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) -> XmlResult {
        self.open_with(name, attributes)?;
        let text = clean(text);
        self.event(Event::Text(BytesText::new(&text)))?;
        self.close(name)
    }

    fn date(&mut self, name: &str, date: time::Date) -> XmlResult {
        let text = format!(
            "{:04}{:02}{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        );
        self.leaf_with(name, &[("format", "102")], &text)
    }

    /// A VAT category (`ram:ApplicableTradeTax`): with the calculated amount and basis in
    /// the breakdown, without them on a line.
    fn trade_tax(
        &mut self,
        calculated: Option<&str>,
        code: &str,
        rate: &Decimal,
        basis: Option<&str>,
        exemption: Option<&str>,
    ) -> XmlResult {
        self.open("ram:ApplicableTradeTax")?;
        if let Some(c) = calculated {
            self.leaf("ram:CalculatedAmount", c)?;
        }
        self.leaf("ram:TypeCode", "VAT")?;
        if let Some(e) = exemption {
            self.leaf("ram:ExemptionReason", e)?;
        }
        if let Some(b) = basis {
            self.leaf("ram:BasisAmount", b)?;
        }
        self.leaf("ram:CategoryCode", code)?;
        // Not subject to VAT (O) carries no rate (BR-O-05, BR-O-10).
        if code != "O" {
            self.leaf("ram:RateApplicablePercent", &decimal_text(*rate))?;
        }
        self.close("ram:ApplicableTradeTax")
    }

    /// An allowance (a discount): on a line, or at document level with its VAT category.
    fn allowance(
        &mut self,
        actual: &str,
        reason: &str,
        category: Option<(&str, &Decimal)>,
    ) -> XmlResult {
        self.open("ram:SpecifiedTradeAllowanceCharge")?;
        self.open("ram:ChargeIndicator")?;
        self.leaf("udt:Indicator", "false")?;
        self.close("ram:ChargeIndicator")?;
        self.leaf("ram:ActualAmount", actual)?;
        // UNCL 5189 code 95: discount.
        self.leaf("ram:ReasonCode", "95")?;
        self.leaf("ram:Reason", reason)?;
        if let Some((code, rate)) = category {
            self.open("ram:CategoryTradeTax")?;
            self.leaf("ram:TypeCode", "VAT")?;
            self.leaf("ram:CategoryCode", code)?;
            if code != "O" {
                self.leaf("ram:RateApplicablePercent", &decimal_text(*rate))?;
            }
            self.close("ram:CategoryTradeTax")?;
        }
        self.close("ram:SpecifiedTradeAllowanceCharge")
    }

    /// A trade party: name, legal registration, postal address, tax identifiers (those
    /// known).
    fn party(
        &mut self,
        element: &str,
        name: &str,
        address: &Address,
        identity: Identity<'_>,
    ) -> XmlResult {
        self.open(element)?;
        self.leaf("ram:Name", name)?;
        if let Some((id, scheme)) = identity.registration {
            self.open("ram:SpecifiedLegalOrganization")?;
            match scheme {
                Some(scheme) => self.leaf_with("ram:ID", &[("schemeID", scheme)], id)?,
                None => self.leaf("ram:ID", id)?,
            }
            self.close("ram:SpecifiedLegalOrganization")?;
        }
        self.open("ram:PostalTradeAddress")?;
        if !is_tbd(&address.postal_code) {
            self.leaf("ram:PostcodeCode", &address.postal_code)?;
        }
        // The party's name is its legal name: the address's own name line (a department,
        // a person) follows unless it repeats that name or the organization line.
        let mut lines: Vec<String> = Vec::new();
        if address.name != name && Some(address.name.as_str()) != address.organization.as_deref() {
            lines.push(address.name.clone());
        }
        lines.extend(address.lines.iter().cloned());
        let lines: Vec<String> = lines.into_iter().filter(|l| !is_tbd(l)).collect();
        // Three address lines at most: further ones join the third.
        for (i, tag) in ["ram:LineOne", "ram:LineTwo", "ram:LineThree"]
            .iter()
            .enumerate()
        {
            let text = if i == 2 {
                lines
                    .get(2..)
                    .map(|rest| rest.join(", "))
                    .unwrap_or_default()
            } else {
                lines.get(i).cloned().unwrap_or_default()
            };
            if !text.is_empty() {
                self.leaf(tag, &text)?;
            }
        }
        if !is_tbd(&address.city) {
            self.leaf("ram:CityName", &address.city)?;
        }
        self.leaf("ram:CountryID", &address.country)?;
        if !is_tbd(&address.region) {
            self.leaf("ram:CountrySubDivisionName", &address.region)?;
        }
        self.close("ram:PostalTradeAddress")?;
        for (scheme, id) in [("VA", identity.vat), ("FC", identity.tax_registration)] {
            if let Some(id) = id {
                self.open("ram:SpecifiedTaxRegistration")?;
                self.leaf_with("ram:ID", &[("schemeID", scheme)], id)?;
                self.close("ram:SpecifiedTaxRegistration")?;
            }
        }
        self.close(element)
    }

    fn finish(self) -> Vec<u8> {
        self.writer.into_inner()
    }
}
