//! The CII syntax (UN/CEFACT Cross Industry Invoice D16B) of an EN 16931 document: the
//! XML of Factur-X 1.0 (EN 16931 profile) and of XRechnung 3.0 in its CII form.
//!
//! Why a module of its own: it only writes out what [`super::document::Document`] says,
//! in CII's element names and order (the Factur-X XSD's sequence); the two formats differ
//! in their specification identifier (BT-24) alone. Nothing here reads a clock or a map in
//! hash order: the same invoice gives the same bytes.

use rust_decimal::Decimal;

use super::document::{Category, Document, Party};
use super::xml::{Xml, XmlResult, decimal_text};
use crate::error::Result;
use crate::model::EInvoice;

/// The EN 16931 specification identifier (BT-24).
pub const GUIDELINE_EN16931: &str = "urn:cen.eu:en16931:2017";

/// The XRechnung 3.0 specification identifier (BT-24).
pub const GUIDELINE_XRECHNUNG: &str =
    "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";

const RSM: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
const RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
const QDT: &str = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
const UDT: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

/// The CII XML of a document.
pub fn write(d: &Document<'_>) -> Result<Vec<u8>> {
    let amount = |v: Decimal| d.amount(v);
    let mut x = Xml::new()?;
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
    if d.format == EInvoice::XRechnung {
        // BT-23, which XRechnung takes from Peppol (PEPPOL-EN16931-R001).
        x.open("ram:BusinessProcessSpecifiedDocumentContextParameter")?;
        x.leaf("ram:ID", super::ubl::PROFILE_PEPPOL)?;
        x.close("ram:BusinessProcessSpecifiedDocumentContextParameter")?;
    }
    x.open("ram:GuidelineSpecifiedDocumentContextParameter")?;
    let guideline = match d.format {
        EInvoice::XRechnung => GUIDELINE_XRECHNUNG,
        _ => GUIDELINE_EN16931,
    };
    x.leaf("ram:ID", guideline)?;
    x.close("ram:GuidelineSpecifiedDocumentContextParameter")?;
    x.close("rsm:ExchangedDocumentContext")?;

    x.open("rsm:ExchangedDocument")?;
    x.leaf("ram:ID", d.number)?;
    x.leaf("ram:TypeCode", if d.credit_note { "381" } else { "380" })?;
    x.open("ram:IssueDateTime")?;
    date(&mut x, "udt:DateTimeString", d.issue_date)?;
    x.close("ram:IssueDateTime")?;
    for note in &d.notes {
        x.open("ram:IncludedNote")?;
        x.leaf("ram:Content", note)?;
        x.close("ram:IncludedNote")?;
    }
    x.close("rsm:ExchangedDocument")?;

    x.open("rsm:SupplyChainTradeTransaction")?;
    for line in &d.lines {
        x.open("ram:IncludedSupplyChainTradeLineItem")?;
        x.open("ram:AssociatedDocumentLineDocument")?;
        x.leaf("ram:LineID", &line.id)?;
        x.close("ram:AssociatedDocumentLineDocument")?;
        x.open("ram:SpecifiedTradeProduct")?;
        x.leaf("ram:Name", line.name)?;
        x.close("ram:SpecifiedTradeProduct")?;
        x.open("ram:SpecifiedLineTradeAgreement")?;
        x.open("ram:NetPriceProductTradePrice")?;
        x.leaf("ram:ChargeAmount", &decimal_text(line.price))?;
        x.close("ram:NetPriceProductTradePrice")?;
        x.close("ram:SpecifiedLineTradeAgreement")?;
        x.open("ram:SpecifiedLineTradeDelivery")?;
        x.leaf_with(
            "ram:BilledQuantity",
            &[("unitCode", line.unit)],
            &decimal_text(line.quantity),
        )?;
        x.close("ram:SpecifiedLineTradeDelivery")?;
        x.open("ram:SpecifiedLineTradeSettlement")?;
        trade_tax(
            &mut x,
            None,
            &line.category,
            line.category.rate(),
            None,
            None,
        )?;
        if !line.discount.is_zero() {
            allowance(&mut x, false, &amount(line.discount), "Line discount", None)?;
        }
        x.open("ram:SpecifiedTradeSettlementLineMonetarySummation")?;
        x.leaf("ram:LineTotalAmount", &amount(line.net))?;
        x.close("ram:SpecifiedTradeSettlementLineMonetarySummation")?;
        x.close("ram:SpecifiedLineTradeSettlement")?;
        x.close("ram:IncludedSupplyChainTradeLineItem")?;
    }

    x.open("ram:ApplicableHeaderTradeAgreement")?;
    if let Some(reference) = d.buyer_reference {
        x.leaf("ram:BuyerReference", reference)?;
    }
    party(&mut x, "ram:SellerTradeParty", &d.seller)?;
    party(&mut x, "ram:BuyerTradeParty", &d.buyer)?;
    if let Some(order) = d.purchase_order {
        x.open("ram:BuyerOrderReferencedDocument")?;
        x.leaf("ram:IssuerAssignedID", order)?;
        x.close("ram:BuyerOrderReferencedDocument")?;
    }
    if let Some(contract) = d.contract {
        x.open("ram:ContractReferencedDocument")?;
        x.leaf("ram:IssuerAssignedID", contract)?;
        x.close("ram:ContractReferencedDocument")?;
    }
    x.close("ram:ApplicableHeaderTradeAgreement")?;
    if let Some(to) = &d.delivery {
        x.open("ram:ApplicableHeaderTradeDelivery")?;
        x.open("ram:ShipToTradeParty")?;
        x.open("ram:PostalTradeAddress")?;
        if let Some(code) = to.postal_code {
            x.leaf("ram:PostcodeCode", code)?;
        }
        if let Some(city) = to.city {
            x.leaf("ram:CityName", city)?;
        }
        x.leaf("ram:CountryID", to.country)?;
        x.close("ram:PostalTradeAddress")?;
        x.close("ram:ShipToTradeParty")?;
        x.close("ram:ApplicableHeaderTradeDelivery")?;
    } else {
        x.empty("ram:ApplicableHeaderTradeDelivery")?;
    }

    x.open("ram:ApplicableHeaderTradeSettlement")?;
    x.leaf("ram:PaymentReference", d.number)?;
    x.leaf("ram:InvoiceCurrencyCode", d.currency.code())?;
    if let Some(text) = d.payment_text {
        x.open("ram:SpecifiedTradeSettlementPaymentMeans")?;
        x.leaf("ram:TypeCode", "1")?;
        x.leaf("ram:Information", text)?;
        x.close("ram:SpecifiedTradeSettlementPaymentMeans")?;
    }
    for b in &d.vat {
        // XRechnung wants a rate in every breakdown (BR-DE-14), `O` too: 0.
        let rate = match d.format {
            EInvoice::XRechnung => Some(b.category.rate),
            _ => b.category.rate(),
        };
        trade_tax(
            &mut x,
            Some(&amount(b.tax)),
            &b.category,
            rate,
            Some(&amount(b.base)),
            b.exemption_reason,
        )?;
    }
    if let Some((start, end)) = d.period {
        x.open("ram:BillingSpecifiedPeriod")?;
        x.open("ram:StartDateTime")?;
        date(&mut x, "udt:DateTimeString", start)?;
        x.close("ram:StartDateTime")?;
        x.open("ram:EndDateTime")?;
        date(&mut x, "udt:DateTimeString", end)?;
        x.close("ram:EndDateTime")?;
        x.close("ram:BillingSpecifiedPeriod")?;
    }
    for a in &d.allowances {
        allowance(
            &mut x,
            a.charge,
            &amount(a.amount),
            a.reason,
            Some(&a.category),
        )?;
    }
    if d.payment_terms.is_some() || d.due_date.is_some() {
        x.open("ram:SpecifiedTradePaymentTerms")?;
        if let Some(terms) = d.payment_terms {
            x.leaf("ram:Description", terms)?;
        }
        if let Some(due) = d.due_date {
            x.open("ram:DueDateDateTime")?;
            date(&mut x, "udt:DateTimeString", due)?;
            x.close("ram:DueDateDateTime")?;
        }
        x.close("ram:SpecifiedTradePaymentTerms")?;
    }
    let t = &d.totals;
    x.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation")?;
    x.leaf("ram:LineTotalAmount", &amount(t.line_total))?;
    if !t.charge_total.is_zero() {
        x.leaf("ram:ChargeTotalAmount", &amount(t.charge_total))?;
    }
    if !t.allowance_total.is_zero() {
        x.leaf("ram:AllowanceTotalAmount", &amount(t.allowance_total))?;
    }
    x.leaf("ram:TaxBasisTotalAmount", &amount(t.tax_basis))?;
    x.leaf_with(
        "ram:TaxTotalAmount",
        &[("currencyID", d.currency.code())],
        &amount(t.tax_total),
    )?;
    x.leaf("ram:GrandTotalAmount", &amount(t.grand_total))?;
    if !t.prepaid.is_zero() {
        x.leaf("ram:TotalPrepaidAmount", &amount(t.prepaid))?;
    }
    x.leaf("ram:DuePayableAmount", &amount(t.due))?;
    x.close("ram:SpecifiedTradeSettlementHeaderMonetarySummation")?;
    if let Some(reference) = d.preceding_invoice {
        x.open("ram:InvoiceReferencedDocument")?;
        x.leaf("ram:IssuerAssignedID", reference)?;
        x.close("ram:InvoiceReferencedDocument")?;
    }
    x.close("ram:ApplicableHeaderTradeSettlement")?;
    x.close("rsm:SupplyChainTradeTransaction")?;
    x.close("rsm:CrossIndustryInvoice")?;
    Ok(x.finish())
}

/// A date in CII's format 102 (`20260406`).
fn date(x: &mut Xml, name: &str, date: time::Date) -> XmlResult {
    let text = format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    );
    x.leaf_with(name, &[("format", "102")], &text)
}

/// A VAT category (`ram:ApplicableTradeTax`): with the calculated amount and basis in the
/// breakdown, without them on a line.
fn trade_tax(
    x: &mut Xml,
    calculated: Option<&str>,
    category: &Category,
    rate: Option<Decimal>,
    basis: Option<&str>,
    exemption: Option<&str>,
) -> XmlResult {
    x.open("ram:ApplicableTradeTax")?;
    if let Some(c) = calculated {
        x.leaf("ram:CalculatedAmount", c)?;
    }
    x.leaf("ram:TypeCode", "VAT")?;
    if let Some(e) = exemption {
        x.leaf("ram:ExemptionReason", e)?;
    }
    if let Some(b) = basis {
        x.leaf("ram:BasisAmount", b)?;
    }
    x.leaf("ram:CategoryCode", &category.code)?;
    if let Some(rate) = rate {
        x.leaf("ram:RateApplicablePercent", &decimal_text(rate))?;
    }
    x.close("ram:ApplicableTradeTax")
}

/// An allowance (a discount) or a charge: on a line, or at document level with its VAT
/// category.
fn allowance(
    x: &mut Xml,
    charge: bool,
    actual: &str,
    reason: &str,
    category: Option<&Category>,
) -> XmlResult {
    x.open("ram:SpecifiedTradeAllowanceCharge")?;
    x.open("ram:ChargeIndicator")?;
    x.leaf("udt:Indicator", if charge { "true" } else { "false" })?;
    x.close("ram:ChargeIndicator")?;
    x.leaf("ram:ActualAmount", actual)?;
    if !charge {
        // UNCL 5189 code 95: discount. A charge is named by its reason alone (BR-38).
        x.leaf("ram:ReasonCode", "95")?;
    }
    x.leaf("ram:Reason", reason)?;
    if let Some(category) = category {
        x.open("ram:CategoryTradeTax")?;
        x.leaf("ram:TypeCode", "VAT")?;
        x.leaf("ram:CategoryCode", &category.code)?;
        if let Some(rate) = category.rate() {
            x.leaf("ram:RateApplicablePercent", &decimal_text(rate))?;
        }
        x.close("ram:CategoryTradeTax")?;
    }
    x.close("ram:SpecifiedTradeAllowanceCharge")
}

/// A trade party: name, legal registration, contact, postal address, electronic address,
/// tax identifiers (those known), in the XSD's order.
fn party(x: &mut Xml, element: &str, p: &Party<'_>) -> XmlResult {
    x.open(element)?;
    x.leaf("ram:Name", p.name)?;
    if let Some((id, scheme)) = p.registration {
        x.open("ram:SpecifiedLegalOrganization")?;
        match scheme {
            Some(scheme) => x.leaf_with("ram:ID", &[("schemeID", scheme)], id)?,
            None => x.leaf("ram:ID", id)?,
        }
        x.close("ram:SpecifiedLegalOrganization")?;
    }
    if let Some(contact) = &p.contact {
        x.open("ram:DefinedTradeContact")?;
        x.leaf("ram:PersonName", contact.name)?;
        if let Some(phone) = contact.phone {
            x.open("ram:TelephoneUniversalCommunication")?;
            x.leaf("ram:CompleteNumber", phone)?;
            x.close("ram:TelephoneUniversalCommunication")?;
        }
        if let Some(email) = contact.email {
            x.open("ram:EmailURIUniversalCommunication")?;
            x.leaf("ram:URIID", email)?;
            x.close("ram:EmailURIUniversalCommunication")?;
        }
        x.close("ram:DefinedTradeContact")?;
    }
    let a = &p.address;
    x.open("ram:PostalTradeAddress")?;
    if let Some(code) = a.postal_code {
        x.leaf("ram:PostcodeCode", code)?;
    }
    for (line, tag) in a
        .lines
        .iter()
        .zip(["ram:LineOne", "ram:LineTwo", "ram:LineThree"])
    {
        x.leaf(tag, line)?;
    }
    if let Some(city) = a.city {
        x.leaf("ram:CityName", city)?;
    }
    x.leaf("ram:CountryID", a.country)?;
    if let Some(region) = a.region {
        x.leaf("ram:CountrySubDivisionName", region)?;
    }
    x.close("ram:PostalTradeAddress")?;
    if let Some((scheme, id)) = p.endpoint {
        x.open("ram:URIUniversalCommunication")?;
        x.leaf_with("ram:URIID", &[("schemeID", scheme)], id)?;
        x.close("ram:URIUniversalCommunication")?;
    }
    for (scheme, id) in [("VA", p.vat_id), ("FC", p.tax_registration)] {
        if let Some(id) = id {
            x.open("ram:SpecifiedTaxRegistration")?;
            x.leaf_with("ram:ID", &[("schemeID", scheme)], id)?;
            x.close("ram:SpecifiedTaxRegistration")?;
        }
    }
    x.close(element)
}
