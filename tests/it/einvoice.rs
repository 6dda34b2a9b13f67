//! E-invoices in every format docket writes: Factur-X (CII inside a PDF/A-3b), Peppol BIS
//! Billing 3.0 (UBL 2.1) and XRechnung 3.0 (CII). Several invoices (two VAT rates, line and
//! invoice discounts, document-level charges, a paid deposit, hostile text, a credit note,
//! JPY, a US seller with an EIN, every VAT case) are made in each format and checked
//! against the official XSDs (`xmllint`) and rule sets (compiled Schematron run with
//! Saxon-HE: EN 16931 in CII and UBL, OpenPeppol's, KoSIT's; all vendored in
//! `tests/fixtures/` with their origins), the EN 16931 totals rules in code, and the PDF
//! read back: for Factur-X the PDF/A-3b identification and the Factur-X extension schema in
//! the XMP, `factur-x.xml` attached through the catalog's `/AF`; for every format the XML's
//! totals printed in the PDF. The formats of one invoice carry the same figures; two builds
//! give the same bytes; with e-invoicing off nothing changes.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::common::*;
use docket::money::{Currency, format_amount};
use rust_decimal::Decimal;

const RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
const CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
const CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const UBL_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const UBL_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

/// A copy of the rich fixture (`atlas`: taxes at 19% and 7%, line discounts, an invoice
/// discount, a paid deposit) with what EN 16931 needs and `edit` applied to its engagement.
fn fixture(name: &str, edit: &dyn Fn(String) -> String) -> PathBuf {
    let data = temp_dir(name);
    copy_dir(&root().join("tests/fixtures/rich"), &data);
    evidence_rules(&data);
    drop_record(&data);
    let path = data.join("atlas/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
    data
}

/// Units on every invoice line and the VAT category code of the reduced rate.
fn en16931(text: String) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("  { description = ") && line.contains("tax = ") {
            out.push_str(&line.replacen(" }", ", unit = \"HUR\" }", 1));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out.replace(
        "{ category = \"R\", rate = \"7\" }",
        "{ category = \"R\", rate = \"7\", code = \"S\" }",
    )
}

/// E-invoicing on for the client.
fn for_client(text: String) -> String {
    in_format(text, "factur-x")
}

/// The formats, each with what it needs beyond EN 16931: Factur-X nothing; Peppol the
/// electronic addresses of both parties (a GLN, a German VAT number); XRechnung those (the
/// buyer's a Leitweg-ID), the Leitweg-ID as buyer reference and the seller's contact.
const FORMATS: [&str; 3] = ["factur-x", "peppol", "xrechnung"];

/// E-invoicing on for the client in `format`, with what that format needs.
fn in_format(text: String, format: &str) -> String {
    let (seller, buyer) = match format {
        "factur-x" => ("", ""),
        "peppol" => (
            "\nendpoint = \"0088:4035811991014\"",
            "\nendpoint = \"9930:DE811111111\"\nbuyer_reference = \"Cost centre 4711\"",
        ),
        _ => (
            "\nendpoint = \"0088:4035811991014\"\ncontact = \"Billing office\"",
            "\nendpoint = \"0204:991-12345-67\"\nbuyer_reference = \"991-12345-67\"",
        ),
    };
    text.replacen(
        "address = \"meridian\"",
        &format!("address = \"meridian\"{seller}"),
        1,
    )
    .replace(
        "billing_address = \"atlas-ap\"",
        &format!("billing_address = \"atlas-ap\"\neinvoice = \"{format}\"{buyer}"),
    )
}

/// Validates an XML file against its XSD with xmllint: the Factur-X EN 16931 XSD for CII,
/// the OASIS UBL 2.1 Invoice or CreditNote schema for UBL. CI (`CI` set, as
/// `.ci/run` runs) installs xmllint and requires it; on a developer machine without it the
/// XSD step is skipped with a warning, so `cargo test` still passes on a fresh machine (the
/// business rules and the PDF checks below run either way).
fn xsd_valid(xml: &Path) {
    let text = std::fs::read_to_string(xml).unwrap();
    let schema = root().join(if text.contains(UBL_INVOICE) {
        "tests/fixtures/ubl/maindoc/UBL-Invoice-2.1.xsd"
    } else if text.contains(UBL_CREDIT_NOTE) {
        "tests/fixtures/ubl/maindoc/UBL-CreditNote-2.1.xsd"
    } else {
        "tests/fixtures/factur-x/Factur-X_EN16931.xsd"
    });
    let run = std::process::Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(&schema)
        .arg(xml)
        .output();
    let out = match run {
        Ok(out) => out,
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!(
                "warning: xmllint not found (Debian: apt-get install libxml2-utils): {} not \
                 validated against the EN 16931 XSD",
                xml.display()
            );
            return;
        }
        Err(e) => panic!(
            "xmllint (Debian: apt-get install libxml2-utils; .ci/run installs it) validates \
             the XML against the Factur-X XSD: {e}"
        ),
    };
    assert!(
        out.status.success(),
        "{} does not validate against its XSD:\n{}",
        xml.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The official rule sets (compiled Schematron, vendored in `tests/fixtures/`) an
/// e-invoice of each format must pass, and its XSD: EN 16931 in the format's syntax, then
/// the format's own rules.
fn rule_sets(format: &str) -> &'static [&'static str] {
    match format {
        "factur-x" => &["en16931/EN16931-CII-validation.xslt"],
        "peppol" => &[
            "en16931/EN16931-UBL-validation.xslt",
            "peppol/PEPPOL-EN16931-UBL.xslt",
        ],
        "xrechnung" => &[
            "en16931/EN16931-CII-validation.xslt",
            "xrechnung/XRechnung-CII-validation.xslt",
        ],
        other => panic!("no rules for {other}"),
    }
}

/// Runs each rule set of `format` on XML files with Saxon-HE (`saxonche`) and fails on any
/// fatal finding (`fatal` or `error`), naming each rule; warnings are printed. CI installs
/// saxonche and requires it; on a developer machine without it (or without python3) the
/// step is skipped with a warning, like the XSD step.
fn schematron_valid(format: &str, xmls: &[&Path]) {
    for rules in rule_sets(format) {
        let findings = schematron(rules, xmls);
        let fatal: Vec<&String> = findings
            .iter()
            .filter(|f| matches!(f.split('\t').nth(2), Some("fatal" | "error")))
            .collect();
        for warning in findings.iter().filter(|f| !fatal.contains(f)) {
            eprintln!("{rules}, not fatal: {warning}");
        }
        assert!(
            fatal.is_empty(),
            "{format}: fails {rules}:\n{}",
            fatal
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// The findings of a compiled Schematron on XML files: one tab-separated line each (file,
/// rule, flag, location, text); empty when it is not installed outside CI.
fn schematron(rules: &str, xmls: &[&Path]) -> Vec<String> {
    let fixtures = root().join("tests/fixtures");
    let run = std::process::Command::new("python3")
        .arg(fixtures.join("en16931/schematron.py"))
        .arg(fixtures.join(rules))
        .args(xmls)
        .output();
    let missing = match &run {
        Err(_) => true,
        Ok(out) => out.status.code() == Some(3),
    };
    if missing && std::env::var_os("CI").is_none() {
        eprintln!(
            "warning: python3 with saxonche not found (pip install saxonche): {xmls:?} not \
             checked against {rules}"
        );
        return Vec::new();
    }
    let out = run.unwrap_or_else(|e| {
        panic!("python3 (with saxonche; .ci/run installs it) runs the Schematron: {e}")
    });
    assert!(
        out.status.success(),
        "{rules} did not run on {xmls:?}:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text.trim()).unwrap_or_else(|_| panic!("not a decimal: {text:?}"))
}

fn ram<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    node.children()
        .filter(|c| c.has_tag_name((RAM, name)))
        .collect()
}

fn one<'a>(node: roxmltree::Node<'a, 'a>, path: &[&str]) -> roxmltree::Node<'a, 'a> {
    let mut n = node;
    for name in path {
        n = *ram(n, name)
            .first()
            .unwrap_or_else(|| panic!("no {name} in {:?}", n.tag_name()));
    }
    n
}

fn amount_at(node: roxmltree::Node<'_, '_>, path: &[&str]) -> Decimal {
    dec(one(node, path).text().unwrap_or(""))
}

fn opt_amount(node: roxmltree::Node<'_, '_>, name: &str) -> Decimal {
    ram(node, name)
        .first()
        .map_or(Decimal::ZERO, |n| dec(n.text().unwrap_or("")))
}

/// What the tests compare between the XML and the PDF (and between two syntaxes).
#[derive(Debug, PartialEq)]
struct Summary {
    type_code: String,
    currency: Currency,
    line_total: Decimal,
    tax_total: Decimal,
    grand_total: Decimal,
    due: Decimal,
    prepaid: Decimal,
    allowances: Decimal,
    /// Each document-level charge.
    charges: Vec<Decimal>,
    /// The tax of each VAT breakdown.
    category_taxes: Vec<Decimal>,
}

/// Checks the EN 16931 rules that govern the totals (BR-CO-10 to BR-CO-16, BR-S-08,
/// BR-CO-17 per VAT breakdown) and returns the totals.
fn business_rules(xml: &str) -> Summary {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let root = doc.root_element();
    let tx = root
        .children()
        .find(|c| c.tag_name().name() == "SupplyChainTradeTransaction")
        .expect("transaction");
    let type_code = root
        .descendants()
        .find(|n| n.has_tag_name((RAM, "TypeCode")))
        .and_then(|n| n.text())
        .unwrap()
        .to_string();
    let settlement = one(tx, &["ApplicableHeaderTradeSettlement"]);
    let code = one(settlement, &["InvoiceCurrencyCode"]).text().unwrap();
    let currency = Currency::from_code(code).expect("currency");
    let minor = currency.minor_units();
    let round = |d: Decimal| {
        d.round_dp_with_strategy(minor, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    };
    let sums = one(
        settlement,
        &["SpecifiedTradeSettlementHeaderMonetarySummation"],
    );
    let line_total = amount_at(sums, &["LineTotalAmount"]);
    let allowances = opt_amount(sums, "AllowanceTotalAmount");
    let charges = opt_amount(sums, "ChargeTotalAmount");
    let basis = amount_at(sums, &["TaxBasisTotalAmount"]);
    let tax_total = amount_at(sums, &["TaxTotalAmount"]);
    let grand_total = amount_at(sums, &["GrandTotalAmount"]);
    let prepaid = opt_amount(sums, "TotalPrepaidAmount");
    let rounding = opt_amount(sums, "RoundingAmount");
    let due = amount_at(sums, &["DuePayableAmount"]);

    // Lines: (category, rate, net).
    let key = |tax: roxmltree::Node<'_, '_>| {
        let cat = one(tax, &["CategoryCode"]).text().unwrap().to_string();
        let rate = ram(tax, "RateApplicablePercent")
            .first()
            .map_or(Decimal::ZERO, |n| dec(n.text().unwrap()));
        (cat, rate.normalize())
    };
    let lines: Vec<((String, Decimal), Decimal)> = ram(tx, "IncludedSupplyChainTradeLineItem")
        .into_iter()
        .map(|item| {
            let s = one(item, &["SpecifiedLineTradeSettlement"]);
            let net = amount_at(
                s,
                &[
                    "SpecifiedTradeSettlementLineMonetarySummation",
                    "LineTotalAmount",
                ],
            );
            (key(one(s, &["ApplicableTradeTax"])), net)
        })
        .collect();
    assert!(!lines.is_empty(), "BR-16: at least one line");
    // BR-CO-10: sum of line net amounts.
    let nets: Decimal = lines.iter().map(|(_, n)| *n).sum();
    assert_eq!(line_total, nets, "BR-CO-10");
    // BR-CO-11 / BR-CO-12: document-level allowances and charges.
    let header_ac = ram(settlement, "SpecifiedTradeAllowanceCharge");
    let is_charge = |n: roxmltree::Node<'_, '_>| {
        one(n, &["ChargeIndicator"])
            .children()
            .find(|c| c.tag_name().name() == "Indicator")
            .and_then(|c| c.text())
            == Some("true")
    };
    let allowance_list: Vec<_> = header_ac.iter().filter(|n| !is_charge(**n)).collect();
    let sum_allow: Decimal = allowance_list
        .iter()
        .map(|n| amount_at(**n, &["ActualAmount"]))
        .sum();
    assert_eq!(allowances, sum_allow, "BR-CO-11");
    let sum_charge: Decimal = header_ac
        .iter()
        .filter(|n| is_charge(**n))
        .map(|n| amount_at(*n, &["ActualAmount"]))
        .sum();
    assert_eq!(charges, sum_charge, "BR-CO-12");
    // BR-CO-13: tax basis = lines - allowances + charges.
    assert_eq!(basis, line_total - allowances + charges, "BR-CO-13");
    // VAT breakdown: BR-S-08 (per category and rate basis), BR-CO-17 (tax = basis x rate).
    let breakdown = ram(settlement, "ApplicableTradeTax");
    let mut tax_sum = Decimal::ZERO;
    let mut category_taxes = Vec::new();
    for tax in &breakdown {
        let k = key(*tax);
        let basis_k = amount_at(*tax, &["BasisAmount"]);
        let calc = amount_at(*tax, &["CalculatedAmount"]);
        let line_sum: Decimal = lines.iter().filter(|(l, _)| *l == k).map(|(_, n)| *n).sum();
        let allow_k: Decimal = allowance_list
            .iter()
            .filter(|n| key(one(***n, &["CategoryTradeTax"])) == k)
            .map(|n| amount_at(**n, &["ActualAmount"]))
            .sum();
        let charge_k: Decimal = header_ac
            .iter()
            .filter(|n| is_charge(**n) && key(one(**n, &["CategoryTradeTax"])) == k)
            .map(|n| amount_at(*n, &["ActualAmount"]))
            .sum();
        assert_eq!(basis_k, line_sum - allow_k + charge_k, "BR-S-08 for {k:?}");
        assert_eq!(
            calc,
            round(basis_k * k.1 / Decimal::from(100)),
            "BR-CO-17 for {k:?}"
        );
        tax_sum += calc;
        category_taxes.push(calc);
    }
    let keys: Vec<_> = breakdown.iter().map(|t| key(*t)).collect();
    for (k, _) in &lines {
        assert!(
            keys.contains(k),
            "BR-CO-18: a breakdown for every line category {k:?}"
        );
    }
    // BR-CO-14: tax total = sum of category taxes.
    assert_eq!(tax_total, tax_sum, "BR-CO-14");
    // BR-CO-15: grand total = basis + tax.
    assert_eq!(grand_total, basis + tax_total, "BR-CO-15");
    // BR-CO-16: amount due = grand total - paid + rounding.
    assert_eq!(due, grand_total - prepaid + rounding, "BR-CO-16");
    // BR-DEC: amounts at most 2 decimals (0 for JPY as docket rounds).
    for n in root.descendants().filter(|n| {
        n.is_element()
            && ["Amount", "LineTotalAmount"]
                .iter()
                .any(|s| n.tag_name().name().ends_with(s))
            && n.tag_name().name() != "ChargeAmount"
    }) {
        let d = dec(n.text().unwrap());
        assert!(d.scale() <= 2, "BR-DEC: {} = {d}", n.tag_name().name());
    }
    Summary {
        type_code,
        currency,
        line_total,
        tax_total,
        grand_total,
        due,
        prepaid,
        allowances,
        charges: header_ac
            .iter()
            .filter(|n| is_charge(**n))
            .map(|n| amount_at(*n, &["ActualAmount"]))
            .collect(),
        category_taxes,
    }
}

/// The totals of a UBL invoice or credit note, as [`business_rules`] reads them from CII
/// (the arithmetic itself is the EN 16931 UBL Schematron's to check).
fn ubl_summary(xml: &str) -> Summary {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let root = doc.root_element();
    let child = |n: roxmltree::Node<'_, '_>, ns: &str, name: &str| {
        n.children()
            .find(|c| c.has_tag_name((ns, name)))
            .map(|c| c.text().unwrap_or("").to_string())
    };
    let totals = root
        .children()
        .find(|c| c.has_tag_name((CAC, "LegalMonetaryTotal")))
        .expect("LegalMonetaryTotal");
    let tax = root
        .children()
        .find(|c| c.has_tag_name((CAC, "TaxTotal")))
        .expect("TaxTotal");
    let amount = |n, name| dec(&child(n, CBC, name).unwrap_or_else(|| panic!("no {name}")));
    let opt = |n, name| child(n, CBC, name).map_or(Decimal::ZERO, |t| dec(&t));
    Summary {
        type_code: child(root, CBC, "InvoiceTypeCode")
            .or_else(|| child(root, CBC, "CreditNoteTypeCode"))
            .expect("type code"),
        currency: Currency::from_code(&child(root, CBC, "DocumentCurrencyCode").unwrap()).unwrap(),
        line_total: amount(totals, "LineExtensionAmount"),
        tax_total: amount(tax, "TaxAmount"),
        grand_total: amount(totals, "TaxInclusiveAmount"),
        due: amount(totals, "PayableAmount"),
        prepaid: opt(totals, "PrepaidAmount"),
        allowances: opt(totals, "AllowanceTotalAmount"),
        charges: root
            .children()
            .filter(|c| {
                c.has_tag_name((CAC, "AllowanceCharge"))
                    && child(*c, CBC, "ChargeIndicator").as_deref() == Some("true")
            })
            .map(|c| amount(c, "Amount"))
            .collect(),
        category_taxes: tax
            .children()
            .filter(|c| c.has_tag_name((CAC, "TaxSubtotal")))
            .map(|c| amount(c, "TaxAmount"))
            .collect(),
    }
}

/// The PDF read back: PDF/A-3b and Factur-X in the XMP, `factur-x.xml` in `/AF` with its
/// relationship, equal to the XML beside the PDF; returns the XMP.
fn pdf_checks(pdf: &Path, xml: &[u8]) -> String {
    let doc = lopdf::Document::load(pdf).expect("load PDF");
    let catalog = doc.catalog().expect("catalog");
    let meta = catalog
        .get(b"Metadata")
        .and_then(lopdf::Object::as_reference)
        .expect("/Metadata");
    let stream = doc.get_object(meta).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8(stream.content.clone()).expect("UTF-8 XMP");
    let start = xmp.find("<x:xmpmeta").unwrap();
    let end = xmp.find("</x:xmpmeta>").unwrap() + "</x:xmpmeta>".len();
    roxmltree::Document::parse(&xmp[start..end]).expect("the XMP stays well-formed XML");
    for needle in [
        "<pdfaid:part>3</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<fx:DocumentType>INVOICE</fx:DocumentType>",
        "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
        "<fx:Version>1.0</fx:Version>",
        "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
        "<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>",
        "<pdfaSchema:prefix>fx</pdfaSchema:prefix>",
        "<pdfaProperty:name>ConformanceLevel</pdfaProperty:name>",
    ] {
        assert!(xmp.contains(needle), "XMP lacks {needle}");
    }
    assert_eq!(xmp.matches("<pdfaExtension:schemas>").count(), 1);
    let af = catalog.get(b"AF").expect("catalog /AF");
    let (_, af) = doc.dereference(af).unwrap();
    let af = af.as_array().expect("/AF array");
    assert_eq!(af.len(), 1, "one associated file");
    let (_, spec) = doc.dereference(&af[0]).unwrap();
    let spec = spec.as_dict().expect("file specification");
    assert_eq!(
        spec.get(b"AFRelationship").unwrap().as_name().unwrap(),
        b"Alternative"
    );
    let name = spec
        .get(b"UF")
        .or_else(|_| spec.get(b"F"))
        .unwrap()
        .as_str()
        .unwrap();
    assert_eq!(name, b"factur-x.xml");
    let ef = spec.get(b"EF").unwrap().as_dict().unwrap();
    let (_, file) = doc.dereference(ef.get(b"F").unwrap()).unwrap();
    let file = file.as_stream().unwrap();
    assert_eq!(
        file.dict.get(b"Subtype").unwrap().as_name().unwrap(),
        b"text/xml"
    );
    let content = file
        .decompressed_content()
        .unwrap_or_else(|_| file.content.clone());
    assert_eq!(content, xml, "the attached XML is invoice.xml");
    xmp
}

/// The XML's totals are the ones the PDF prints (same figures, the PDF's format; a credit
/// note prints them negative).
fn totals_printed(pdf: &Path, s: &Summary) {
    let text = pdf_pages(pdf).concat();
    let sign = if s.type_code == "381" { -1 } else { 1 };
    // The PDF prints the tax of each category (the tax total is their sum, BR-CO-14).
    let taxes = s
        .category_taxes
        .iter()
        .map(|t| ("category tax", *t))
        .chain(s.charges.iter().map(|c| ("charge", *c)));
    for (what, value) in [
        ("line total", s.line_total),
        ("grand total", s.grand_total),
        ("amount due", s.due),
        ("paid", s.prepaid),
        ("invoice discount", s.allowances),
    ]
    .into_iter()
    .chain(taxes)
    {
        if value.is_zero() && what != "grand total" {
            continue;
        }
        let shown = format_amount(value * Decimal::from(sign), s.currency);
        let paid_or_discount = matches!(what, "paid" | "invoice discount");
        assert!(
            text.contains(&shown) || (paid_or_discount && text.contains(&format!("-{shown}"))),
            "the PDF does not print the XML's {what} {shown}"
        );
    }
}

/// Every check of a Factur-X invoice: XSD, Schematron, totals rules, the PDF/A-3 with
/// the XML attached, the totals printed.
fn check_all(dir: &Path, kind: &str) -> Summary {
    check_format(dir, kind, "factur-x")
}

/// Every check of an e-invoice in `format`: its XSD, the rule sets of [`rule_sets`], its
/// totals, the PDF (PDF/A-3 with the XML attached for Factur-X; an ordinary PDF with
/// nothing attached for the formats sent as XML alone), the totals printed.
fn check_format(dir: &Path, kind: &str, format: &str) -> Summary {
    assert!(
        dir.join(format!("{kind}.xml")).exists(),
        "{format}: a final e-invoice: {}",
        std::fs::read_to_string(dir.join(format!("{kind}.md"))).unwrap_or_default()
    );
    schematron_valid(format, &[&dir.join(format!("{kind}.xml"))]);
    check_but_schematron(dir, kind, format)
}

/// [`check_format`] but the rule sets, for a test that runs them once on many files.
fn check_but_schematron(dir: &Path, kind: &str, format: &str) -> Summary {
    let xml_path = dir.join(format!("{kind}.xml"));
    let xml = std::fs::read(&xml_path).expect("the XML beside the PDF");
    xsd_valid(&xml_path);
    let text = std::str::from_utf8(&xml).unwrap();
    let summary = if format == "peppol" {
        ubl_summary(text)
    } else {
        business_rules(text)
    };
    let pdf = dir.join(format!("{kind}.pdf"));
    if format == "factur-x" {
        pdf_checks(&pdf, &xml);
    } else {
        let bytes = std::fs::read(&pdf).unwrap();
        let has = |n: &[u8]| bytes.windows(n.len()).any(|w| w == n);
        assert!(
            !has(b"/AF") && !has(b"factur-x"),
            "{format}: the PDF is a copy to read, with nothing attached"
        );
    }
    totals_printed(&pdf, &summary);
    summary
}

#[test]
fn two_rates_discount_and_deposit_validate_and_are_printed() {
    let data = fixture("ei-atlas", &|t| {
        for_client(en16931(t)).replace(
            "{ description = \"Discovery workshop facilitation — batch 1\"",
            "{ description = \"Hostile <script>alert(1)</script> & ]]> \\\"q\\\" \\u0007\", quantity = \"1\", unit_price = \"10.00\", tax = \"S\", unit = \"C62\" },\n  { description = \"Discovery workshop facilitation — batch 1\"",
        )
    });
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-atlas-out")
        .join("atlas");
    let s = check_all(&dir, "invoice");
    assert_eq!(s.type_code, "380");
    assert_eq!(s.currency.code(), "EUR");
    assert_eq!(s.allowances, dec("100.00"), "the invoice discount");
    assert_eq!(s.prepaid, dec("1000.00"), "the deposit");
    let xml = std::fs::read_to_string(dir.join("invoice.xml")).unwrap();
    assert!(xml.contains("<ram:RateApplicablePercent>19</ram:RateApplicablePercent>"));
    assert!(xml.contains("<ram:RateApplicablePercent>7</ram:RateApplicablePercent>"));
    assert!(
        xml.contains(
            "Hostile &lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; &quot;q&quot;</ram:Name>"
        ),
        "hostile text comes out as escaped text, the control character dropped"
    );
    assert!(xml.contains("<ram:ID schemeID=\"VA\">GB123456789</ram:ID>"));
    assert!(xml.contains("<ram:IssuerAssignedID>PO-88-2026</ram:IssuerAssignedID>"));
    assert!(xml.contains("<ram:IssuerAssignedID>ADSA-2026-0377</ram:IssuerAssignedID>"));
    // The ledger records the XML and `docket verify` checks it.
    let ledger = std::fs::read_to_string(data.join("atlas/ledger.jsonl")).unwrap();
    assert!(ledger.contains("\"invoice.xml\""), "{ledger}");
    let out = dir.parent().unwrap();
    docket_ok(&[
        "verify",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    std::fs::write(dir.join("invoice.xml"), xml.replace("61525", "61526")).unwrap();
    let tampered = docket(&[
        "verify",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!tampered.status.success(), "verify notices a changed XML");
}

#[test]
fn a_credit_note_is_type_381_with_positive_amounts_and_the_invoice_referenced() {
    for format in FORMATS {
        credit_note_in(format);
    }
}

fn credit_note_in(format: &str) {
    let data = fixture(&format!("ei-credit-{format}"), &|t| {
        let mut t = in_format(en16931(t), format);
        t.push_str(
            r#"
[credit_note]
number = "TBD"
references = "INV-2026-0001"
reason = "Sandbox hosting billed twice (example)"
issue_date = "2026-12-01"
payment_terms = "Immediate"
milestone = "Correction of INV-2026-0001"
agreement = "ADSA-2026-0377"
currency = "EUR"
seller = "meridian"
buyer = "atlas-ap"
discount = "10.00"
charges = [{ reason = "Setup fee, credited", amount = "15.00", tax = "S" }]
remittance = "Refunded by SEPA transfer to the account INV-2026-0001 was paid from (example)"
lines = [
  { description = "Sandbox hosting (monthly), credited", quantity = "-2", unit_price = "150.00", tax = "S", unit = "MON" },
  { description = "Accuracy report, credited", quantity = "-1", unit_price = "240.00", tax = "R", unit = "C62", discount = "20.00" },
]
taxes = [{ category = "S", rate = "19" }, { category = "R", rate = "7", code = "S" }]
"#,
        );
        t
    });
    let manifest = data.join("atlas/approvals.toml");
    let mut m = std::fs::read_to_string(&manifest).unwrap();
    m.push_str(BILLING);
    std::fs::write(&manifest, m).unwrap();
    let dir = Build::new(&data)
        .only("credit-note")
        .run_into(&format!("ei-credit-{format}-out"))
        .join("atlas");
    let s = check_format(&dir, "credit-note", format);
    assert_eq!(s.type_code, "381");
    assert!(s.grand_total > Decimal::ZERO, "credit amounts are positive");
    let xml = std::fs::read_to_string(dir.join("credit-note.xml")).unwrap();
    if format == "peppol" {
        assert!(xml.contains(
            "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""
        ));
        assert!(
            xml.contains("<cbc:ID>INV-2026-0001</cbc:ID>"),
            "the corrected invoice (BT-25)"
        );
        assert!(xml.contains("<cbc:CreditedQuantity unitCode=\"MON\">2</cbc:CreditedQuantity>"));
        return;
    }
    assert!(xml.contains(
        "<ram:InvoiceReferencedDocument>\n        <ram:IssuerAssignedID>INV-2026-0001</ram:IssuerAssignedID>"
    ));
    assert!(xml.contains("<ram:BilledQuantity unitCode=\"MON\">2</ram:BilledQuantity>"));
}

#[test]
fn a_jpy_invoice_has_no_minor_unit() {
    for format in FORMATS {
        jpy_in(format);
    }
}

/// Peppol and XRechnung check each line amount against quantity x price within 0.02
/// (PEPPOL-EN16931-R120) in every currency: 12.5 x 18333 JPY = 229162.5 cannot pass, so
/// the invoice stays a draft naming the line and the rule; unit prices whose products are
/// whole yen (or within 0.02 of it: 3 x 2777.67) pass.
#[test]
fn peppol_and_xrechnung_want_line_amounts_the_currency_can_show() {
    for format in ["peppol", "xrechnung"] {
        let data = fixture(&format!("ei-jpy-draft-{format}"), &|t| {
            jpy(in_format(t, format), "")
        });
        let dir = Build::new(&data)
            .only("invoice")
            .run_into(&format!("ei-jpy-draft-{format}-out"))
            .join("atlas");
        assert!(!dir.join("invoice.xml").exists(), "{format}: a draft");
        let md = std::fs::read_to_string(dir.join("invoice.md")).unwrap();
        for needle in [
            "invoice.lines[0]",
            "229162.5",
            "PEPPOL-EN16931-R120",
            "invoice.lines[1]",
        ] {
            assert!(md.contains(needle), "{format}: {needle} in {md}");
        }
    }
}

/// The JPY invoice: a half-yen line product (12.5 x 18333, unless `exact`) and a price of
/// four decimals, an invoice discount and a deposit.
fn jpy(t: String, exact: &str) -> String {
    let (consulting, catering) = if exact.is_empty() {
        ("18333", "2777.7777")
    } else {
        ("18334", "2777.67")
    };
    let start = t.find("[invoice]").unwrap();
    let end = t.find("[email_sequence]").unwrap();
    let invoice = format!(
        r#"[invoice]
number = "TBD"
issue_date = "2026-11-30"
payment_terms = "Net 30"
milestone = "Milestone 2"
agreement = "ADSA-2026-0377"
currency = "JPY"
seller = "meridian"
buyer = "atlas-ap"
discount = "500"
lines = [
  {{ description = "Consulting", quantity = "12.5", unit_price = "{consulting}", tax = "S", unit = "HUR" }},
  {{ description = "Workshop catering", quantity = "3", unit_price = "{catering}", tax = "R", unit = "C62", discount = "33" }},
]
taxes = [{{ category = "S", rate = "10" }}, {{ category = "R", rate = "8", code = "S" }}]
paid = [{{ description = "Deposit", amount = "50000" }}]
remittance = "Bank transfer (example)"
"#
    );
    format!("{}{invoice}\n{}", &t[..start], &t[end..])
}

fn jpy_in(format: &str) {
    // Factur-X has no rule like R120: the half-yen product is rounded (and tested) there.
    let exact = if format == "factur-x" { "" } else { "exact" };
    let data = fixture(&format!("ei-jpy-{format}"), &|t| {
        jpy(in_format(t, format), exact)
    });
    let dir = Build::new(&data)
        .only("invoice")
        .run_into(&format!("ei-jpy-{format}-out"))
        .join("atlas");
    let s = check_format(&dir, "invoice", format);
    assert_eq!(s.currency.code(), "JPY");
    for d in [s.line_total, s.tax_total, s.grand_total, s.due] {
        assert_eq!(d.scale(), 0, "JPY amounts are whole yen: {d}");
    }
}

#[test]
fn on_per_series_in_the_rules_and_off_by_default() {
    // Off: no XML, an ordinary PDF (no PDF/A, nothing attached).
    let data = fixture("ei-off", &|t| en16931(t));
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-off-out")
        .join("atlas");
    assert!(!dir.join("invoice.xml").exists());
    let pdf = std::fs::read(dir.join("invoice.pdf")).unwrap();
    let has = |n: &[u8]| pdf.windows(n.len()).any(|w| w == n);
    assert!(!has(b"pdfaid") && !has(b"/AF") && !has(b"factur-x"));

    // On for the invoice series.
    let data = fixture("ei-series", &|t| en16931(t));
    let rules = std::fs::read_to_string(data.join("rules.toml")).unwrap();
    let rules = rules.replace(
        "format = \"INV-{year}-{seq:04}\"",
        "format = \"INV-{year}-{seq:04}\"\neinvoice = \"factur-x\"",
    );
    std::fs::write(data.join("rules.toml"), rules).unwrap();
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-series-out")
        .join("atlas");
    check_all(&dir, "invoice");
    let report = read_json(&dir.join("build-report.json"));
    let outputs = report.to_string();
    assert!(
        outputs.contains("atlas/invoice.xml"),
        "the report lists the XML"
    );
}

#[test]
fn missing_en16931_facts_keep_the_invoice_a_draft_listing_them() {
    // No unit codes, the reduced rate without its VAT category code, no seller VAT id.
    let data = fixture("ei-missing", &|t| {
        for_client(t).replace("tax_id = \"GB123456789\"", "tax_id = \"TBD\"")
    });
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-missing-out")
        .join("atlas");
    assert!(!dir.join("invoice.xml").exists(), "no XML for a draft");
    let md = std::fs::read_to_string(dir.join("invoice.md")).unwrap();
    for needle in [
        "invoice.lines[0].unit",
        "invoice.taxes[1].code",
        "provider.tax_id",
    ] {
        assert!(md.contains(needle), "the draft lists {needle}: {md}");
    }
    let report = read_json(&dir.join("build-report.json"));
    let invoice = report["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "invoice")
        .unwrap();
    assert_eq!(invoice["decision"], "draft");

    // A malformed unit code is a located error.
    let data = fixture("ei-bad-unit", &|t| {
        en16931(t).replacen("unit = \"HUR\"", "unit = \"hour\"", 1)
    });
    let out = docket(&["check", "--data", data.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invoice.lines[0].unit"), "{err}");
}

/// Regression: a US seller's EIN was written as its VAT identifier (BT-31) and
/// the EN 16931 Schematron rejected the invoice (BR-CO-09: a VAT identifier starts with a
/// country prefix). Now an EIN is the seller's tax registration (BT-32, scheme FC); without
/// a VAT identifier the seller needs its legal registration (BT-30, BR-CO-26), and the
/// invoice stays a draft naming it until it is given.
#[test]
fn a_us_sellers_ein_is_its_tax_registration_not_a_vat_id() {
    let us = |t: String| {
        for_client(en16931(t))
            .replace("tax_id = \"GB123456789\"", "tax_id = \"93-1234567\"")
            .replace(
                "lines = [\"12 Example Street\"]\ncity = \"London\"\nregion = \"\"\npostal_code = \"EC1A 1BB\"\ncountry = \"GB\"",
                "lines = [\"100 Example Avenue\"]\ncity = \"Boston\"\nregion = \"MA\"\npostal_code = \"02110\"\ncountry = \"US\"",
            )
    };
    // Without a legal registration: a draft that says what is missing, and no XML.
    let data = fixture("ei-ein-draft", &us);
    let text = std::fs::read_to_string(data.join("atlas/engagement.toml")).unwrap();
    assert!(text.contains("country = \"US\""), "the seller is in the US");
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-ein-draft-out")
        .join("atlas");
    assert!(!dir.join("invoice.xml").exists(), "no XML for a draft");
    let md = std::fs::read_to_string(dir.join("invoice.md")).unwrap();
    assert!(
        md.contains("provider.registration_id") && md.contains("BR-CO-26"),
        "the draft names the seller's legal registration: {md}"
    );

    // With it (a DUNS number): final, and the Schematron and the XSD accept it.
    let data = fixture("ei-ein", &|t| {
        us(t).replace(
            "tax_id = \"93-1234567\"",
            "tax_id = \"93-1234567\"\nregistration_id = \"081466849\"\nregistration_scheme = \"0060\"",
        )
    });
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-ein-out")
        .join("atlas");
    check_all(&dir, "invoice");
    let xml = std::fs::read_to_string(dir.join("invoice.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let seller = doc
        .descendants()
        .find(|n| n.has_tag_name((RAM, "SellerTradeParty")))
        .unwrap();
    let ids: Vec<(Option<&str>, Option<&str>)> = seller
        .descendants()
        .filter(|n| n.has_tag_name((RAM, "ID")))
        .map(|n| (n.attribute("schemeID"), n.text()))
        .collect();
    assert_eq!(
        ids,
        [
            (Some("0060"), Some("081466849")),
            (Some("FC"), Some("93-1234567"))
        ],
        "legal registration (BT-30) and tax registration (BT-32), no VAT id"
    );
    assert!(!xml.contains("schemeID=\"VA\">93-"), "{xml}");

    // The same in UBL: the EIN under a tax scheme other than VAT, the DUNS number as the
    // legal registration, no VAT identifier of the seller's.
    let data = fixture("ei-ein-peppol", &|t| {
        in_format(
            us(t).replace(
                "tax_id = \"93-1234567\"",
                "tax_id = \"93-1234567\"\nregistration_id = \"081466849\"\nregistration_scheme = \"0060\"",
            ),
            "peppol",
        )
        .replace("einvoice = \"factur-x\"\n", "")
    });
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-ein-peppol-out")
        .join("atlas");
    check_format(&dir, "invoice", "peppol");
    let xml = std::fs::read_to_string(dir.join("invoice.xml")).unwrap();
    for needle in [
        "<cbc:CompanyID>93-1234567</cbc:CompanyID>\n        <cac:TaxScheme>\n          <cbc:ID>TAX</cbc:ID>",
        "<cbc:CompanyID schemeID=\"0060\">081466849</cbc:CompanyID>",
    ] {
        assert!(xml.contains(needle), "{needle} in {xml}");
    }

    // And in XRechnung, which a US seller invoicing a German public buyer sends.
    let data = fixture("ei-ein-xrechnung", &|t| {
        in_format(
            us(t).replace(
                "tax_id = \"93-1234567\"",
                "tax_id = \"93-1234567\"\nregistration_id = \"081466849\"\nregistration_scheme = \"0060\"",
            ),
            "xrechnung",
        )
        .replace("einvoice = \"factur-x\"\n", "")
    });
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-ein-xrechnung-out")
        .join("atlas");
    check_format(&dir, "invoice", "xrechnung");
    let xml = std::fs::read_to_string(dir.join("invoice.xml")).unwrap();
    assert!(
        xml.contains("<ram:ID schemeID=\"FC\">93-1234567</ram:ID>"),
        "{xml}"
    );
}

/// The seller in the EU (France, a VAT identifier with its prefix) instead of London: what
/// the intra-community cases are about.
fn eu_seller(text: String) -> String {
    text.replace("tax_id = \"GB123456789\"", "tax_id = \"FR40303265045\"")
        .replace(
            "lines = [\"12 Example Street\"]\ncity = \"London\"\nregion = \"\"\npostal_code = \"EC1A 1BB\"\ncountry = \"GB\"",
            "lines = [\"12 rue de l'Exemple\"]\ncity = \"Lyon\"\nregion = \"\"\npostal_code = \"69002\"\ncountry = \"FR\"",
        )
}

/// The taxes of the atlas invoice replaced: `R` lines (the reduced rate) get `reduced`, or
/// every line gets one category when `only` is given.
fn taxes(text: String, only: Option<&str>, block: &str) -> String {
    let mut text = text.replace(
        "taxes = [\n  { category = \"S\", rate = \"19\" },\n  { category = \"R\", rate = \"7\", code = \"S\" },\n]",
        &format!("taxes = [\n{block}\n]"),
    );
    if let Some(key) = only {
        text = text
            .replace("tax = \"R\"", &format!("tax = \"{key}\""))
            .replace("tax = \"S\"", &format!("tax = \"{key}\""));
    }
    text
}

/// Every VAT case the data can express, each a final invoice of a French seller to
/// a German buyer, in every format, whose XML passes its XSD, its rule sets and docket's
/// totals checks: standard with a reduced rate (the other tests), zero rated, exempt with
/// its reason, reverse charge, intra-community supply (with its period and the buyer's
/// address as where it is delivered), export, and not subject to VAT.
#[test]
fn every_vat_case_validates() {
    let cases: [(&str, Option<&str>, &str); 5] = [
        (
            "zero",
            None,
            "  { category = \"S\", rate = \"19\" },\n  { category = \"R\", rate = \"0\", code = \"Z\" },",
        ),
        (
            "exempt",
            None,
            "  { category = \"S\", rate = \"19\" },\n  { category = \"R\", rate = \"0\", code = \"E\", note = \"Exempt: Article 132(1)(i) of Directive 2006/112/EC\" },",
        ),
        (
            "reverse",
            Some("RC"),
            "  { category = \"RC\", rate = \"0\", code = \"AE\", note = \"Reverse charge\" },",
        ),
        (
            "intra",
            Some("IC"),
            "  { category = \"IC\", rate = \"0\", code = \"K\", note = \"Intra-community supply\" },",
        ),
        (
            "export",
            Some("EX"),
            "  { category = \"EX\", rate = \"0\", code = \"G\", note = \"Export outside the EU\" },",
        ),
    ];
    for format in FORMATS {
        let mut xmls = Vec::new();
        for (name, only, block) in cases {
            let data = fixture(&format!("ei-vat-{format}-{name}"), &|t| {
                taxes(in_format(en16931(eu_seller(t)), format), only, block)
            });
            let text = std::fs::read_to_string(data.join("atlas/engagement.toml")).unwrap();
            assert!(text.contains(block), "{name}: the case is in the data");
            assert!(text.contains("country = \"FR\""), "an EU seller");
            let dir = Build::new(&data)
                .only("invoice")
                .run_into(&format!("ei-vat-{format}-{name}-out"))
                .join("atlas");
            assert!(
                dir.join("invoice.xml").exists(),
                "{format} {name}: a final e-invoice: {}",
                std::fs::read_to_string(dir.join("invoice.md")).unwrap_or_default()
            );
            check_but_schematron(&dir, "invoice", format);
            let xml = std::fs::read_to_string(dir.join("invoice.xml")).unwrap();
            let code = block
                .split("code = \"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let written = [
                format!("<ram:CategoryCode>{code}</ram:CategoryCode>"),
                format!("<cbc:ID>{code}</cbc:ID>"),
            ];
            assert!(
                written.iter().any(|w| xml.contains(w)),
                "{format} {name}: category {code} in the XML"
            );
            xmls.push(dir.join("invoice.xml"));
        }
        schematron_valid(
            format,
            &xmls.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
        );
    }

    // Not subject to VAT (a US seller's services to a US client, say): no VAT identifier of
    // either party (BR-O-02), so the seller is named by its legal registration.
    let block =
        "  { category = \"NS\", rate = \"0\", code = \"O\", note = \"Not subject to VAT\" },";
    let data = fixture("ei-vat-outside", &|t| {
        taxes(for_client(en16931(t)), Some("NS"), block)
    });
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-vat-outside-draft")
        .join("atlas");
    let md = std::fs::read_to_string(dir.join("invoice.md")).unwrap();
    assert!(
        md.contains("BR-O-02"),
        "without a registration, a draft: {md}"
    );
    for format in FORMATS {
        let data = fixture(&format!("ei-vat-outside-reg-{format}"), &|t| {
            taxes(in_format(en16931(t), format), Some("NS"), block).replace(
                "tax_id = \"GB123456789\"",
                "tax_id = \"GB123456789\"\nregistration_id = \"01234567\"",
            )
        });
        let dir = Build::new(&data)
            .only("invoice")
            .run_into(&format!("ei-vat-outside-{format}-out"))
            .join("atlas");
        check_format(&dir, "invoice", format);
        let xml = std::fs::read_to_string(dir.join("invoice.xml")).unwrap();
        assert!(
            !xml.contains("schemeID=\"VA\"") && !xml.contains("GB123456789"),
            "{format}: no VAT identifier: {xml}"
        );
    }

    // An intra-community supply without a period of two dates stays a draft naming it.
    let data = fixture("ei-vat-intra-no-period", &|t| {
        taxes(for_client(en16931(t)), Some("IC"), cases[3].2).replace(
            "period = \"2026-04-06 to 2026-09-14\"",
            "period = \"Spring 2026\"",
        )
    });
    let dir = Build::new(&data)
        .only("invoice")
        .run_into("ei-vat-intra-no-period-out")
        .join("atlas");
    assert!(!dir.join("invoice.xml").exists(), "no XML for a draft");
    let md = std::fs::read_to_string(dir.join("invoice.md")).unwrap();
    assert!(
        md.contains("invoice.period") && md.contains("BR-IC-11"),
        "{md}"
    );
}

#[test]
fn two_builds_give_identical_pdf_and_xml() {
    let mut outputs = Vec::new();
    for run in 0..2 {
        let data = fixture(&format!("ei-repro-{run}"), &|t| for_client(en16931(t)));
        let dir = Build::new(&data)
            .only("invoice")
            .run_into(&format!("ei-repro-out-{run}"))
            .join("atlas");
        outputs.push((
            std::fs::read(dir.join("invoice.pdf")).unwrap(),
            std::fs::read(dir.join("invoice.xml")).unwrap(),
        ));
    }
    assert!(
        outputs[0].0 == outputs[1].0,
        "PDF bytes differ between builds"
    );
    assert!(
        outputs[0].1 == outputs[1].1,
        "XML bytes differ between builds"
    );
}

/// The same invoice (two rates, line and invoice discounts, a deposit, hostile text) in
/// each format: Peppol as a UBL 2.1 Invoice with both electronic addresses, XRechnung as
/// CII with its specification identifier and the Leitweg-ID; each passes its XSD and
/// rule sets, and all say the same figures (one EN 16931 model, two syntaxes).
#[test]
fn every_format_says_the_same_invoice_and_passes_its_rules() {
    let mut summaries = Vec::new();
    for format in FORMATS {
        let data = fixture(&format!("ei-same-{format}"), &|t| {
            in_format(en16931(t), format).replace(
                "discount = \"100.00\"",
                "discount = \"100.00\"\ncharges = [\n  { reason = \"Travel to Hamburg <b>on site</b>\", amount = \"240.00\", tax = \"S\" },\n  { reason = \"Workshop materials\", amount = \"35.50\", tax = \"R\" },\n]",
            ).replace(
                "{ description = \"Discovery workshop facilitation — batch 1\"",
                "{ description = \"Hostile <script>alert(1)</script> & ]]> #read(\\\"/etc/passwd\\\") {{ x }}\", quantity = \"1\", unit_price = \"10.00\", tax = \"S\", unit = \"C62\" },\n  { description = \"Discovery workshop facilitation — batch 1\"",
            )
        });
        let dir = Build::new(&data)
            .only("invoice")
            .run_into(&format!("ei-same-{format}-out"))
            .join("atlas");
        let summary = check_format(&dir, "invoice", format);
        let xml = std::fs::read_to_string(dir.join("invoice.xml")).unwrap();
        assert!(
            xml.contains("Hostile &lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; #read(&quot;/etc/passwd&quot;) {{ x }}"),
            "{format}: hostile text is text: {xml}"
        );
        match format {
            "peppol" => {
                for needle in [
                    "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"",
                    "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>",
                    "<cbc:EndpointID schemeID=\"0088\">4035811991014</cbc:EndpointID>",
                    "<cbc:EndpointID schemeID=\"9930\">DE811111111</cbc:EndpointID>",
                    "<cbc:CompanyID>GB123456789</cbc:CompanyID>",
                ] {
                    assert!(xml.contains(needle), "peppol: {needle} in {xml}");
                }
            }
            "xrechnung" => {
                for needle in [
                    "<ram:ID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</ram:ID>",
                    "<ram:BuyerReference>991-12345-67</ram:BuyerReference>",
                    "<ram:URIID schemeID=\"0204\">991-12345-67</ram:URIID>",
                    "<ram:PersonName>Billing office</ram:PersonName>",
                ] {
                    assert!(xml.contains(needle), "xrechnung: {needle} in {xml}");
                }
            }
            _ => {}
        }
        assert_eq!(
            summary.charges,
            [dec("240.00"), dec("35.50")],
            "{format}: the document-level charges"
        );
        assert!(
            xml.contains("Travel to Hamburg &lt;b&gt;on site&lt;/b&gt;"),
            "{format}"
        );
        summaries.push(summary);
    }
    assert_eq!(
        summaries[0], summaries[1],
        "Factur-X and Peppol say the same"
    );
    assert_eq!(
        summaries[0], summaries[2],
        "Factur-X and XRechnung say the same"
    );
}

/// What each format needs beyond EN 16931 keeps the invoice a draft naming the field and
/// the rule: Peppol's electronic addresses (a GLN with a wrong check digit is not one), its
/// buyer reference or order; XRechnung's Leitweg-ID and seller contact.
#[test]
fn each_format_names_what_it_lacks() {
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a dyn Fn(String) -> String,
        &'a [&'a str],
    );
    let cases: [Case<'_>; 4] = [
        (
            "peppol",
            "no-endpoints",
            &|t: String| {
                t.replace("\nendpoint = \"0088:4035811991014\"", "")
                    .replace("\nendpoint = \"9930:DE811111111\"", "")
            },
            &[
                "provider.endpoint",
                "PEPPOL-EN16931-R020",
                "client_details.endpoint",
                "PEPPOL-EN16931-R010",
            ],
        ),
        (
            "peppol",
            "bad-gln",
            &|t: String| t.replace("0088:4035811991014", "0088:4035811991015"),
            &["provider.endpoint", "PEPPOL-COMMON-R040"],
        ),
        (
            "peppol",
            "no-reference",
            &|t: String| {
                t.replace(
                    "purchase_order = \"PO-88-2026\"",
                    "purchase_order = \"TBD\"",
                )
                .replace("\nbuyer_reference = \"Cost centre 4711\"", "")
            },
            &[
                "client_details.buyer_reference",
                "invoice.purchase_order",
                "PEPPOL-EN16931-R003",
            ],
        ),
        (
            "xrechnung",
            "no-leitweg-id",
            &|t: String| {
                t.replace("\nbuyer_reference = \"991-12345-67\"", "")
                    .replace("\ncontact = \"Billing office\"", "")
            },
            &[
                "client_details.buyer_reference",
                "BR-DE-15",
                "provider.contact",
                "BR-DE-5",
            ],
        ),
    ];
    for (format, name, edit, needles) in cases {
        let data = fixture(&format!("ei-lacks-{name}"), &|t| {
            edit(in_format(en16931(t), format))
        });
        let dir = Build::new(&data)
            .only("invoice")
            .run_into(&format!("ei-lacks-{name}-out"))
            .join("atlas");
        assert!(
            !dir.join("invoice.xml").exists(),
            "{name}: no XML for a draft"
        );
        let md = std::fs::read_to_string(dir.join("invoice.md")).unwrap();
        for needle in needles {
            assert!(
                md.contains(needle),
                "{name}: the draft names {needle}: {md}"
            );
        }
    }
}
