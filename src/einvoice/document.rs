//! The invoice as EN 16931 describes it: business terms, not syntax.
//!
//! Why this exists: EN 16931 is one semantic model (BT-1 to BT-165) with two syntax
//! bindings, UN/CEFACT CII (Factur-X, XRechnung) and OASIS UBL 2.1 (Peppol BIS). docket
//! builds the model once per invoice here, from the engagement and the exact totals of
//! [`crate::derive::invoice_totals`] (the figures the PDF prints), and each syntax
//! ([`super::cii`], [`super::ubl`]) only writes it out. So what an invoice says cannot
//! differ between formats, and a rule about *what* to say (which identifier is a VAT id,
//! how the invoice discount is split by category, which notes go in) lives in one place.
//!
//! A credit note has positive amounts (EN 16931 credits by the type code, 381, not by
//! negative amounts): docket's negative credit-note figures are negated here, and its
//! negative quantities written as positive ones.

use rust_decimal::Decimal;

use super::{category_code, invoice_of};
use crate::error::{Error, Result};
use crate::model::{Address, EInvoice, Engagement};
use crate::money::Currency;
use crate::text::is_tbd;

/// One invoice or credit note in EN 16931 terms.
pub struct Document<'a> {
    /// The format it is written in.
    pub format: EInvoice,
    /// BT-1, the number it is issued with.
    pub number: &'a str,
    /// Type code 381 (credit note) rather than 380 (BT-3).
    pub credit_note: bool,
    /// BT-2.
    pub issue_date: time::Date,
    /// BT-9.
    pub due_date: Option<time::Date>,
    /// BT-5.
    pub currency: Currency,
    /// BT-22: the milestone, a credit note's reason, the period in words, the notes.
    pub notes: Vec<String>,
    /// BT-10.
    pub buyer_reference: Option<&'a str>,
    /// BT-13.
    pub purchase_order: Option<&'a str>,
    /// BT-12.
    pub contract: Option<&'a str>,
    /// BT-25: the invoice a credit note corrects.
    pub preceding_invoice: Option<&'a str>,
    /// BG-14, when the period is written as two dates.
    pub period: Option<(time::Date, time::Date)>,
    /// BG-4.
    pub seller: Party<'a>,
    /// BG-7.
    pub buyer: Party<'a>,
    /// BG-15: an intra-community supply names where it is delivered (BR-IC-12: the
    /// country, BT-80; XRechnung also wants the city and post code, BR-DE-10/11): the
    /// buyer's address, where the services are supplied. Its lines are not written.
    pub delivery: Option<PostalAddress<'a>>,
    /// BT-82: the remittance details as text. docket keeps them free-form and does not
    /// guess the means (or parse an IBAN) out of them, so the means code (BT-81) is UNCL
    /// 4461 code 1, "instrument not defined".
    pub payment_text: Option<&'a str>,
    /// BT-20.
    pub payment_terms: Option<&'a str>,
    /// BG-25.
    pub lines: Vec<Line<'a>>,
    /// BG-23, one per category and rate, in declaration order.
    pub vat: Vec<Breakdown<'a>>,
    /// BG-20: the invoice discount as docket allocates it, one allowance per VAT category
    /// (the category's line nets and charges less its taxable amount); then BG-21, the
    /// charges, in data order.
    pub allowances: Vec<Allowance<'a>>,
    /// BG-22.
    pub totals: Sums,
}

/// A VAT category and rate (BT-151/152, BT-118/119, BT-95/96).
#[derive(Clone)]
pub struct Category {
    /// UNCL 5305 code (`S`, `Z`, `E`, `AE`, `K`, `G`, `O`, `L`, `M`).
    pub code: String,
    /// Rate in percent.
    pub rate: Decimal,
}

impl Category {
    /// The rate as written: none for "not subject to VAT" (`O`, rules BR-O-05, BR-O-10).
    pub fn rate(&self) -> Option<Decimal> {
        (self.code != "O").then_some(self.rate)
    }
}

/// An invoice line (BG-25).
pub struct Line<'a> {
    /// BT-126.
    pub id: String,
    /// BT-153.
    pub name: &'a str,
    /// BT-129, positive.
    pub quantity: Decimal,
    /// BT-130, a UN/ECE Rec 20 code.
    pub unit: &'a str,
    /// BT-146, positive.
    pub price: Decimal,
    /// BT-136, the line discount (zero when none).
    pub discount: Decimal,
    /// BT-131.
    pub net: Decimal,
    /// BT-151, BT-152.
    pub category: Category,
}

/// One VAT breakdown (BG-23).
pub struct Breakdown<'a> {
    /// BT-118, BT-119.
    pub category: Category,
    /// BT-116.
    pub base: Decimal,
    /// BT-117.
    pub tax: Decimal,
    /// BT-120, for the categories that need one.
    pub exemption_reason: Option<&'a str>,
}

/// A document-level allowance (BG-20) or charge (BG-21).
pub struct Allowance<'a> {
    /// A charge (BG-21) rather than an allowance.
    pub charge: bool,
    /// BT-92, BT-99.
    pub amount: Decimal,
    /// BT-97, BT-104.
    pub reason: &'a str,
    /// BT-95/96, BT-102/103.
    pub category: Category,
}

/// The document totals (BG-22), positive on a credit note.
pub struct Sums {
    /// BT-106.
    pub line_total: Decimal,
    /// BT-107.
    pub allowance_total: Decimal,
    /// BT-108.
    pub charge_total: Decimal,
    /// BT-109.
    pub tax_basis: Decimal,
    /// BT-110.
    pub tax_total: Decimal,
    /// BT-112.
    pub grand_total: Decimal,
    /// BT-113.
    pub prepaid: Decimal,
    /// BT-115.
    pub due: Decimal,
}

/// A trade party (BG-4, BG-7).
pub struct Party<'a> {
    /// BT-27, BT-44: the legal name.
    pub name: &'a str,
    /// The postal address (BG-5, BG-8).
    pub address: PostalAddress<'a>,
    /// BT-31, BT-48: only where the tax id is one ([`super::is_vat_id`]) and the invoice
    /// is subject to VAT (BR-O-02).
    pub vat_id: Option<&'a str>,
    /// BT-32: the seller's other tax number (a US EIN), scheme `FC`; EN 16931 has no such
    /// field for the buyer. A seller's VAT id an out-of-scope invoice may not name is not
    /// a tax registration either: it is left out.
    pub tax_registration: Option<&'a str>,
    /// BT-30, BT-47, with the ISO/IEC 6523 scheme when given.
    pub registration: Option<(&'a str, Option<&'a str>)>,
    /// BT-34, BT-49: scheme (EAS) and identifier.
    pub endpoint: Option<(&'a str, &'a str)>,
    /// BG-6 (the seller's only): name, telephone, email.
    pub contact: Option<Contact<'a>>,
}

/// The seller's contact (BG-6).
pub struct Contact<'a> {
    /// BT-41.
    pub name: &'a str,
    /// BT-42.
    pub phone: Option<&'a str>,
    /// BT-43.
    pub email: Option<&'a str>,
}

/// A postal address as both syntaxes carry it.
pub struct PostalAddress<'a> {
    /// BT-35 to BT-37 (BT-50 to BT-52): three lines at most, further ones joined to the
    /// third. The party's name is its legal name: the address's own name line (a
    /// department, a person) comes first unless it repeats that name or the organization.
    pub lines: Vec<String>,
    /// BT-37, BT-52.
    pub city: Option<&'a str>,
    /// BT-38, BT-53.
    pub postal_code: Option<&'a str>,
    /// BT-39, BT-54.
    pub region: Option<&'a str>,
    /// BT-40, BT-55: ISO 3166-1 alpha-2.
    pub country: &'a str,
}

fn known(text: &str) -> Option<&str> {
    (!is_tbd(text)).then_some(text)
}

fn known_opt(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|t| !is_tbd(t))
}

/// `SCHEME:ID` split, when it has that form.
pub fn endpoint_parts(endpoint: &str) -> Option<(&str, &str)> {
    let (scheme, id) = endpoint.split_once(':')?;
    let (scheme, id) = (scheme.trim(), id.trim());
    (!scheme.is_empty() && !id.is_empty()).then_some((scheme, id))
}

impl<'a> PostalAddress<'a> {
    fn of(address: &'a Address, party_name: &str) -> PostalAddress<'a> {
        let mut lines: Vec<String> = Vec::new();
        if address.name != party_name
            && Some(address.name.as_str()) != address.organization.as_deref()
        {
            lines.push(address.name.clone());
        }
        lines.extend(address.lines.iter().cloned());
        let mut lines: Vec<String> = lines.into_iter().filter(|l| !is_tbd(l)).collect();
        if lines.len() > 3 {
            let rest = lines.split_off(2).join(", ");
            lines.push(rest);
        }
        lines.retain(|l| !l.trim().is_empty());
        PostalAddress {
            lines,
            city: known(&address.city),
            postal_code: known(&address.postal_code),
            region: known(&address.region),
            country: &address.country,
        }
    }
}

impl<'a> Document<'a> {
    /// The EN 16931 document of an engagement's invoice (`kind` `invoice`) or credit note
    /// (`credit-note`), numbered `number`, for `format`.
    ///
    /// # Errors
    /// [`Error::EInvoice`] when a fact the format needs is missing (the gate keeps such an
    /// invoice a draft, so this only reaches callers that skip the gate) or the totals
    /// cannot be computed.
    pub fn of(
        engagement: &'a Engagement,
        kind: &str,
        number: &'a str,
        format: EInvoice,
    ) -> Result<Document<'a>> {
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
        let missing = super::missing_facts(format, kind, section, engagement);
        if !missing.is_empty() {
            return Err(fail(format!("missing {}", missing.join("; "))));
        }
        let (currency, totals) =
            crate::derive::invoice_totals(inv, credit_note).map_err(|e| fail(e.to_string()))?;
        if !totals.rounding.is_zero() {
            return Err(fail("a non-zero rounding amount is not supported".into()));
        }
        let sign = |d: Decimal| if credit_note { -d } else { d };
        let issue_date = inv
            .issue_date
            .known()
            .ok_or_else(|| fail(format!("{section}.issue_date is TBD")))?
            .0;
        let address = |key: &str| {
            engagement
                .addresses
                .get(key)
                .ok_or_else(|| fail(format!("no address `{key}`")))
        };
        let category = |name: &str| -> Result<(Category, Option<&'a str>)> {
            let tax = inv
                .taxes
                .iter()
                .find(|t| t.category == name)
                .ok_or_else(|| fail(format!("no tax category {name}")))?;
            let code = category_code(tax)
                .ok_or_else(|| fail(format!("no VAT category code for {name}")))?;
            let reason = tax
                .note
                .as_deref()
                .filter(|n| !is_tbd(n) && matches!(code, "E" | "AE" | "K" | "G" | "O"));
            Ok((
                Category {
                    code: code.to_string(),
                    rate: tax.rate.0.normalize(),
                },
                reason,
            ))
        };

        let mut notes: Vec<String> = Vec::new();
        if !is_tbd(&inv.milestone) {
            notes.push(inv.milestone.clone());
        }
        if let Some(reason) = known_opt(&inv.reason) {
            notes.push(reason.to_string());
        }
        if !is_tbd(&inv.period) {
            notes.push(format!("Period: {}", inv.period));
        }
        notes.extend(inv.notes.iter().filter(|n| !is_tbd(n)).cloned());

        let mut lines = Vec::with_capacity(inv.lines.len());
        for (i, (line, computed)) in inv.lines.iter().zip(&totals.lines).enumerate() {
            let unit = line
                .unit
                .as_deref()
                .ok_or_else(|| fail(format!("{section}.lines[{i}].unit is missing")))?;
            lines.push(Line {
                id: (i + 1).to_string(),
                name: &line.description,
                quantity: computed.quantity.abs(),
                unit,
                price: computed.unit_price.abs(),
                discount: sign(computed.discount),
                net: sign(computed.net),
                category: category(&line.tax)?.0,
            });
        }
        let mut vat = Vec::with_capacity(totals.taxes.len());
        let mut allowances = Vec::new();
        for tax in &totals.taxes {
            let (category, exemption_reason) = category(&tax.category)?;
            let lines: Decimal = totals
                .lines
                .iter()
                .filter(|l| l.tax_category == tax.category)
                .map(|l| l.net)
                .sum();
            let charged: Decimal = totals
                .charges
                .iter()
                .filter(|c| c.tax_category == tax.category)
                .map(|c| c.amount)
                .sum();
            let share = lines + charged - tax.base;
            if !share.is_zero() {
                allowances.push(Allowance {
                    charge: false,
                    amount: sign(share),
                    reason: "Invoice discount",
                    category: category.clone(),
                });
            }
            vat.push(Breakdown {
                category,
                base: sign(tax.base),
                tax: sign(tax.tax),
                exemption_reason,
            });
        }

        for (charge, computed) in inv.charges.iter().zip(&totals.charges) {
            allowances.push(Allowance {
                charge: true,
                amount: sign(computed.amount),
                reason: &charge.reason,
                category: category(&charge.tax)?.0,
            });
        }

        let (provider, client) = (&engagement.provider, &engagement.client_details);
        let out_of_scope = super::not_subject_to_vat(inv);
        let seller_address = address(&inv.seller)?;
        let buyer_address = address(&inv.buyer)?;
        let seller = Party {
            name: &provider.legal_name,
            address: PostalAddress::of(seller_address, &provider.legal_name),
            vat_id: (super::is_vat_id(&provider.tax_id) && !out_of_scope)
                .then_some(provider.tax_id.as_str()),
            tax_registration: (!is_tbd(&provider.tax_id) && !super::is_vat_id(&provider.tax_id))
                .then_some(provider.tax_id.as_str()),
            registration: known_opt(&provider.registration_id)
                .map(|id| (id, known_opt(&provider.registration_scheme))),
            endpoint: known_opt(&provider.endpoint).and_then(endpoint_parts),
            contact: known_opt(&provider.contact).map(|name| Contact {
                name,
                phone: known_opt(&provider.phone),
                email: known(&provider.email),
            }),
        };
        let buyer = Party {
            name: &client.legal_name,
            address: PostalAddress::of(buyer_address, &client.legal_name),
            vat_id: (super::is_vat_id(&client.tax_id) && !out_of_scope)
                .then_some(client.tax_id.as_str()),
            tax_registration: None,
            registration: known_opt(&client.registration_id)
                .map(|id| (id, known_opt(&client.registration_scheme))),
            endpoint: known_opt(&client.endpoint).and_then(endpoint_parts),
            contact: None,
        };
        let intra_community = inv.taxes.iter().any(|t| category_code(t) == Some("K"));
        Ok(Document {
            format,
            number,
            credit_note,
            issue_date,
            due_date: inv.due_date.known().map(|d| d.0),
            currency,
            notes,
            buyer_reference: known_opt(&client.buyer_reference),
            purchase_order: known(&inv.purchase_order),
            contract: known(&inv.agreement),
            preceding_invoice: if credit_note {
                known_opt(&inv.references)
            } else {
                None
            },
            period: super::period_dates(&inv.period),
            seller,
            buyer,
            delivery: intra_community.then(|| PostalAddress::of(buyer_address, &client.legal_name)),
            payment_text: known(&inv.remittance),
            payment_terms: known(&inv.payment_terms),
            lines,
            vat,
            allowances,
            totals: Sums {
                line_total: sign(totals.line_total),
                allowance_total: sign(totals.invoice_discount),
                charge_total: sign(totals.charge_total),
                tax_basis: sign(totals.line_total - totals.invoice_discount + totals.charge_total),
                tax_total: sign(totals.tax_total),
                grand_total: sign(totals.total),
                prepaid: sign(totals.paid),
                due: sign(totals.due),
            },
        })
    }

    /// An amount at the currency's minor unit.
    pub fn amount(&self, value: Decimal) -> String {
        super::xml::amount_text(value, self.currency)
    }
}
