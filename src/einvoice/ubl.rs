//! The UBL syntax (OASIS UBL 2.1) of an EN 16931 document, as Peppol BIS Billing 3.0
//! profiles it: an `Invoice` or `CreditNote`.
//!
//! Why a module of its own: it only writes out what [`super::document::Document`] says,
//! in UBL's element names and the order the UBL 2.1 schemas fix (a sequence per aggregate:
//! the order below is the schema's, not a choice). Where the two documents differ, the
//! credit note is followed: its root, type code and line element names, and no `DueDate`
//! at the root (UBL 2.1 has none on a credit note: the due date goes in the payment means,
//! as the EN 16931 UBL binding says).

use rust_decimal::Decimal;

use super::document::{Category, Document, Party};
use super::xml::{Xml, XmlResult, decimal_text};
use crate::error::Result;

/// The Peppol BIS Billing 3.0 customization (BT-24).
pub const CUSTOMIZATION_PEPPOL: &str =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

/// The Peppol business process (BT-23): billing.
pub const PROFILE_PEPPOL: &str = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

const INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
const CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/// The UBL XML of a document.
pub fn write(d: &Document<'_>) -> Result<Vec<u8>> {
    let cur = d.currency.code();
    let money = |x: &mut Xml, name: &str, v: Decimal| {
        x.leaf_with(name, &[("currencyID", cur)], &d.amount(v))
    };
    let (root, namespace, line_name, quantity_name) = if d.credit_note {
        (
            "CreditNote",
            CREDIT_NOTE,
            "cac:CreditNoteLine",
            "cbc:CreditedQuantity",
        )
    } else {
        (
            "Invoice",
            INVOICE,
            "cac:InvoiceLine",
            "cbc:InvoicedQuantity",
        )
    };
    let mut x = Xml::new()?;
    x.open_with(
        root,
        &[("xmlns", namespace), ("xmlns:cac", CAC), ("xmlns:cbc", CBC)],
    )?;
    x.leaf("cbc:CustomizationID", CUSTOMIZATION_PEPPOL)?;
    x.leaf("cbc:ProfileID", PROFILE_PEPPOL)?;
    x.leaf("cbc:ID", d.number)?;
    x.leaf("cbc:IssueDate", &date(d.issue_date))?;
    if d.credit_note {
        x.leaf("cbc:CreditNoteTypeCode", "381")?;
    } else {
        if let Some(due) = d.due_date {
            x.leaf("cbc:DueDate", &date(due))?;
        }
        x.leaf("cbc:InvoiceTypeCode", "380")?;
    }
    // Peppol allows one note unless both parties are German (PEPPOL-EN16931-R002): the
    // notes are then one, separated by semicolons (XML text here carries no line breaks).
    let german = d.seller.address.country == "DE" && d.buyer.address.country == "DE";
    if german || d.notes.len() < 2 {
        for note in &d.notes {
            x.leaf("cbc:Note", note)?;
        }
    } else {
        x.leaf("cbc:Note", &d.notes.join("; "))?;
    }
    x.leaf("cbc:DocumentCurrencyCode", cur)?;
    if let Some(reference) = d.buyer_reference {
        x.leaf("cbc:BuyerReference", reference)?;
    }
    if let Some((start, end)) = d.period {
        x.open("cac:InvoicePeriod")?;
        x.leaf("cbc:StartDate", &date(start))?;
        x.leaf("cbc:EndDate", &date(end))?;
        x.close("cac:InvoicePeriod")?;
    }
    if let Some(order) = d.purchase_order {
        x.open("cac:OrderReference")?;
        x.leaf("cbc:ID", order)?;
        x.close("cac:OrderReference")?;
    }
    if let Some(invoice) = d.preceding_invoice {
        x.open("cac:BillingReference")?;
        x.open("cac:InvoiceDocumentReference")?;
        x.leaf("cbc:ID", invoice)?;
        x.close("cac:InvoiceDocumentReference")?;
        x.close("cac:BillingReference")?;
    }
    if let Some(contract) = d.contract {
        x.open("cac:ContractDocumentReference")?;
        x.leaf("cbc:ID", contract)?;
        x.close("cac:ContractDocumentReference")?;
    }
    x.open("cac:AccountingSupplierParty")?;
    party(&mut x, &d.seller, true)?;
    x.close("cac:AccountingSupplierParty")?;
    x.open("cac:AccountingCustomerParty")?;
    party(&mut x, &d.buyer, false)?;
    x.close("cac:AccountingCustomerParty")?;
    if let Some(to) = &d.delivery {
        x.open("cac:Delivery")?;
        x.open("cac:DeliveryLocation")?;
        x.open("cac:Address")?;
        if let Some(city) = to.city {
            x.leaf("cbc:CityName", city)?;
        }
        if let Some(code) = to.postal_code {
            x.leaf("cbc:PostalZone", code)?;
        }
        x.open("cac:Country")?;
        x.leaf("cbc:IdentificationCode", to.country)?;
        x.close("cac:Country")?;
        x.close("cac:Address")?;
        x.close("cac:DeliveryLocation")?;
        x.close("cac:Delivery")?;
    }
    let due_in_means = if d.credit_note { d.due_date } else { None };
    if d.payment_text.is_some() || due_in_means.is_some() {
        x.open("cac:PaymentMeans")?;
        // UNCL 4461 code 1, "instrument not defined"; the remittance text is its name
        // (BT-82).
        match d.payment_text {
            Some(text) => x.leaf_with("cbc:PaymentMeansCode", &[("name", text)], "1")?,
            None => x.leaf("cbc:PaymentMeansCode", "1")?,
        }
        if let Some(due) = due_in_means {
            x.leaf("cbc:PaymentDueDate", &date(due))?;
        }
        x.leaf("cbc:PaymentID", d.number)?;
        x.close("cac:PaymentMeans")?;
    }
    if let Some(terms) = d.payment_terms {
        x.open("cac:PaymentTerms")?;
        x.leaf("cbc:Note", terms)?;
        x.close("cac:PaymentTerms")?;
    }
    for a in &d.allowances {
        x.open("cac:AllowanceCharge")?;
        x.leaf(
            "cbc:ChargeIndicator",
            if a.charge { "true" } else { "false" },
        )?;
        if !a.charge {
            // UNCL 5189 code 95: discount. A charge is named by its reason alone (BR-38).
            x.leaf("cbc:AllowanceChargeReasonCode", "95")?;
        }
        x.leaf("cbc:AllowanceChargeReason", a.reason)?;
        money(&mut x, "cbc:Amount", a.amount)?;
        tax_category(&mut x, "cac:TaxCategory", &a.category, None)?;
        x.close("cac:AllowanceCharge")?;
    }
    x.open("cac:TaxTotal")?;
    money(&mut x, "cbc:TaxAmount", d.totals.tax_total)?;
    for b in &d.vat {
        x.open("cac:TaxSubtotal")?;
        money(&mut x, "cbc:TaxableAmount", b.base)?;
        money(&mut x, "cbc:TaxAmount", b.tax)?;
        tax_category(&mut x, "cac:TaxCategory", &b.category, b.exemption_reason)?;
        x.close("cac:TaxSubtotal")?;
    }
    x.close("cac:TaxTotal")?;
    let t = &d.totals;
    x.open("cac:LegalMonetaryTotal")?;
    money(&mut x, "cbc:LineExtensionAmount", t.line_total)?;
    money(&mut x, "cbc:TaxExclusiveAmount", t.tax_basis)?;
    money(&mut x, "cbc:TaxInclusiveAmount", t.grand_total)?;
    if !t.allowance_total.is_zero() {
        money(&mut x, "cbc:AllowanceTotalAmount", t.allowance_total)?;
    }
    if !t.charge_total.is_zero() {
        money(&mut x, "cbc:ChargeTotalAmount", t.charge_total)?;
    }
    if !t.prepaid.is_zero() {
        money(&mut x, "cbc:PrepaidAmount", t.prepaid)?;
    }
    money(&mut x, "cbc:PayableAmount", t.due)?;
    x.close("cac:LegalMonetaryTotal")?;
    for line in &d.lines {
        x.open(line_name)?;
        x.leaf("cbc:ID", &line.id)?;
        x.leaf_with(
            quantity_name,
            &[("unitCode", line.unit)],
            &decimal_text(line.quantity),
        )?;
        money(&mut x, "cbc:LineExtensionAmount", line.net)?;
        if !line.discount.is_zero() {
            x.open("cac:AllowanceCharge")?;
            x.leaf("cbc:ChargeIndicator", "false")?;
            x.leaf("cbc:AllowanceChargeReasonCode", "95")?;
            x.leaf("cbc:AllowanceChargeReason", "Line discount")?;
            money(&mut x, "cbc:Amount", line.discount)?;
            x.close("cac:AllowanceCharge")?;
        }
        x.open("cac:Item")?;
        x.leaf("cbc:Name", line.name)?;
        tax_category(&mut x, "cac:ClassifiedTaxCategory", &line.category, None)?;
        x.close("cac:Item")?;
        x.open("cac:Price")?;
        x.leaf_with(
            "cbc:PriceAmount",
            &[("currencyID", cur)],
            &decimal_text(line.price),
        )?;
        x.close("cac:Price")?;
        x.close(line_name)?;
    }
    x.close(root)?;
    Ok(x.finish())
}

/// A date as UBL writes it (`2026-04-06`).
fn date(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A VAT category (`cac:TaxCategory`, `cac:ClassifiedTaxCategory`): code, rate (none for
/// `O`), the exemption reason in a breakdown, the VAT scheme.
fn tax_category(
    x: &mut Xml,
    element: &str,
    category: &Category,
    exemption: Option<&str>,
) -> XmlResult {
    x.open(element)?;
    x.leaf("cbc:ID", &category.code)?;
    if let Some(rate) = category.rate() {
        x.leaf("cbc:Percent", &decimal_text(rate))?;
    }
    if let Some(reason) = exemption {
        x.leaf("cbc:TaxExemptionReason", reason)?;
    }
    vat_scheme(x)?;
    x.close(element)
}

fn vat_scheme(x: &mut Xml) -> XmlResult {
    x.open("cac:TaxScheme")?;
    x.leaf("cbc:ID", "VAT")?;
    x.close("cac:TaxScheme")
}

/// A party (`cac:Party`): electronic address, postal address, tax identifiers, legal
/// entity, contact, in the schema's order.
fn party(x: &mut Xml, p: &Party<'_>, seller: bool) -> XmlResult {
    x.open("cac:Party")?;
    if let Some((scheme, id)) = p.endpoint {
        x.leaf_with("cbc:EndpointID", &[("schemeID", scheme)], id)?;
    }
    let a = &p.address;
    x.open("cac:PostalAddress")?;
    if let Some(line) = a.lines.first() {
        x.leaf("cbc:StreetName", line)?;
    }
    if let Some(line) = a.lines.get(1) {
        x.leaf("cbc:AdditionalStreetName", line)?;
    }
    if let Some(city) = a.city {
        x.leaf("cbc:CityName", city)?;
    }
    if let Some(code) = a.postal_code {
        x.leaf("cbc:PostalZone", code)?;
    }
    if let Some(region) = a.region {
        x.leaf("cbc:CountrySubentity", region)?;
    }
    if let Some(line) = a.lines.get(2) {
        x.open("cac:AddressLine")?;
        x.leaf("cbc:Line", line)?;
        x.close("cac:AddressLine")?;
    }
    x.open("cac:Country")?;
    x.leaf("cbc:IdentificationCode", a.country)?;
    x.close("cac:Country")?;
    x.close("cac:PostalAddress")?;
    if let Some(vat) = p.vat_id {
        x.open("cac:PartyTaxScheme")?;
        x.leaf("cbc:CompanyID", vat)?;
        vat_scheme(x)?;
        x.close("cac:PartyTaxScheme")?;
    }
    if let Some(number) = p.tax_registration.filter(|_| seller) {
        // BT-32: a tax scheme other than VAT.
        x.open("cac:PartyTaxScheme")?;
        x.leaf("cbc:CompanyID", number)?;
        x.open("cac:TaxScheme")?;
        x.leaf("cbc:ID", "TAX")?;
        x.close("cac:TaxScheme")?;
        x.close("cac:PartyTaxScheme")?;
    }
    x.open("cac:PartyLegalEntity")?;
    x.leaf("cbc:RegistrationName", p.name)?;
    if let Some((id, scheme)) = p.registration {
        match scheme {
            Some(scheme) => x.leaf_with("cbc:CompanyID", &[("schemeID", scheme)], id)?,
            None => x.leaf("cbc:CompanyID", id)?,
        }
    }
    x.close("cac:PartyLegalEntity")?;
    if let Some(contact) = &p.contact {
        x.open("cac:Contact")?;
        x.leaf("cbc:Name", contact.name)?;
        if let Some(phone) = contact.phone {
            x.leaf("cbc:Telephone", phone)?;
        }
        if let Some(email) = contact.email {
            x.leaf("cbc:ElectronicMail", email)?;
        }
        x.close("cac:Contact")?;
    }
    x.close("cac:Party")
}
