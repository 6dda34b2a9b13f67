//! Invoices a billing office would send (the invoices issue): printed totals add up in the
//! Markdown and in the PDF text, numbers come from gapless series at issue, credit notes
//! reference the invoice they correct, and money never passes through a float.

use std::path::Path;

use crate::common::*;
use docket::commands::fixtures::Rng;

/// Replaces the `[invoice]` table of the Northwind copy with `invoice`, and adds `extra`
/// approvals.
fn set_invoice(data: &Path, invoice: &str, extra_approvals: &str) {
    let path = data.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("[invoice]").unwrap();
    let end = text.find("[email_sequence]").unwrap();
    std::fs::write(
        &path,
        format!("{}{invoice}\n{}", &text[..start], &text[end..]),
    )
    .unwrap();
    let manifest = data.join("northwind/approvals.toml");
    let mut m = std::fs::read_to_string(&manifest).unwrap();
    m.push_str(extra_approvals);
    std::fs::write(&manifest, m).unwrap();
}

/// Parses "1,234.50" / "-7" into minor units (i128), as a reader of the document would.
fn minor(text: &str, dp: u32) -> i128 {
    // The amount due carries its currency symbol (`\\$8,400.00` in Markdown): digits only.
    let clean: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect();
    let (int, frac) = clean.split_once('.').unwrap_or((&clean, ""));
    let negative = int.starts_with('-');
    let int: i128 = int.trim_start_matches('-').parse().unwrap();
    let mut frac = frac.to_string();
    while (frac.len() as u32) < dp {
        frac.push('0');
    }
    let frac: i128 = if frac.is_empty() {
        0
    } else {
        frac.parse().unwrap()
    };
    let v = int * 10i128.pow(dp) + frac;
    if negative { -v } else { v }
}

/// Cells of the Markdown table rows after a heading.
fn table_after(md: &str, heading: &str) -> Vec<Vec<String>> {
    let start = md.find(heading).unwrap();
    md[start..]
        .lines()
        .skip(1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().replace('\\', ""))
                .collect()
        })
        .collect()
}

#[test]
fn printed_totals_add_up_in_markdown_and_pdf() {
    let currencies = [("USD", 2), ("EUR", 2), ("JPY", 0), ("BHD", 3)];
    for case in 0..10u64 {
        let mut rng = Rng::new(case + 1);
        let (currency, dp) = currencies[(case % 4) as usize];
        let n = 1 + rng.below(6);
        let mut lines = String::new();
        for i in 0..n {
            let qty = format!("{}.{}", 1 + rng.below(40), rng.below(100));
            let price = format!("{}.{:04}", rng.below(5000), rng.below(10000));
            let tax = if rng.below(2) == 0 {
                "standard"
            } else {
                "reduced"
            };
            lines.push_str(&format!(
                "  {{ description = \"Line {i}\", quantity = \"{qty}\", unit_price = \"{price}\", tax = \"{tax}\" }},\n"
            ));
        }
        let invoice = format!(
            "[invoice]\nnumber = \"INV-2026-{:04}\"\nissue_date = \"2026-11-24\"\npayment_terms = \"Net 30\"\n\
             milestone = \"Milestone {case}\"\nagreement = \"ADSA-2026-0142\"\ncurrency = \"{currency}\"\n\
             seller = \"completetech\"\nbuyer = \"northwind-ap\"\ndiscount = \"{}\"\nlines = [\n{lines}]\n\
             taxes = [{{ category = \"standard\", rate = \"{}.{}\" }}, {{ category = \"reduced\", rate = \"{}\" }}]\n\
             paid = [{{ description = \"Deposit\", amount = \"{}\" }}]\nremittance = \"ACH (example)\"\n",
            500 + case,
            rng.below(10),
            rng.below(25),
            rng.below(10),
            rng.below(10),
            rng.below(100),
        );
        let data = data_copy(&format!("money-{case}"));
        set_invoice(&data, &invoice, BILLING);
        let out = temp_dir(&format!("money-out-{case}"));
        Build::new(&data).out(&out).only("invoice").run_ok();
        let md = std::fs::read_to_string(out.join("northwind/invoice.md")).unwrap();
        let nets: i128 = table_after(&md, "## Lines")
            .iter()
            .map(|r| minor(&r[r.len() - 1], dp))
            .sum();
        let totals = table_after(&md, "## Totals");
        let row = |name: &str| {
            totals
                .iter()
                .find(|r| r[0].trim_matches('*').starts_with(name))
                .map(|r| minor(&r[1], dp))
        };
        let sum = |prefix: &str| -> i128 {
            totals
                .iter()
                .filter(|r| r[0].trim_matches('*').starts_with(prefix))
                .map(|r| minor(&r[1], dp))
                .sum()
        };
        let must = |name: &str| row(name).unwrap_or_else(|| panic!("no {name} row: {md}"));
        // Optional rows (a discount, tax per category, rounding) are shown only when not zero.
        let taxes = sum("Tax ");
        assert_eq!(must("Subtotal"), nets, "case {case}: line total");
        assert_eq!(
            must("Total"),
            nets - row("Discount").unwrap_or(0) + taxes + row("Rounding").unwrap_or(0),
            "case {case}"
        );
        assert_eq!(
            must("Amount due"),
            must("Total") - sum("Paid"),
            "case {case}"
        );
        // The PDF shows the very same strings (extracted from the file).
        let pdf = pdf_pages(&out.join("northwind/invoice.pdf")).concat();
        for r in totals {
            let amount = r[1].trim_matches('*');
            assert!(pdf.contains(amount), "case {case}: PDF lacks {amount}");
        }
        assert!(!pdf.contains("TBD"), "a final invoice never shows TBD");
    }
}

#[test]
fn northwind_invoice_amounts_agree_between_markdown_and_pdf() {
    let out = northwind_build().join("northwind");
    let md = std::fs::read_to_string(out.join("invoice.md")).unwrap();
    let pdf = pdf_pages(&out.join("invoice.pdf")).concat();
    for heading in ["## Lines", "## Totals"] {
        for row in table_after(&md, heading) {
            for cell in row.iter().skip(1) {
                let cell = cell.trim_matches('*');
                if cell.chars().any(|c| c.is_ascii_digit())
                    && cell
                        .chars()
                        .all(|c| c.is_ascii_digit() || ",.-%".contains(c))
                {
                    assert!(pdf.contains(cell), "PDF lacks {cell}");
                }
            }
        }
    }
    assert!(md.contains("| **Amount due** | **\\$17,700.00** |"), "{md}");
}

#[test]
fn numbers_are_assigned_at_issue_gaplessly_and_kept() {
    let data = data_copy("numbering");
    // A second engagement with a TBD invoice number, issued after Northwind's 0461.
    let text = std::fs::read_to_string(data.join("northwind/engagement.toml")).unwrap();
    let text = text.replace("number = \"INV-2026-0461\"", "number = \"TBD\"");
    std::fs::create_dir_all(data.join("contoso")).unwrap();
    std::fs::write(
        data.join("contoso/engagement.toml"),
        text.replace("id = \"northwind\"", "id = \"contoso\"")
            .replace("DISC-2026-0117", "DISC-2026-0200")
            .replace("PRO-2026-0188", "PRO-2026-0288")
            .replace("ADSA-2026-0142", "ADSA-2026-0242")
            .replace("SEC-2026-0090", "SEC-2026-0190"),
    )
    .unwrap();
    let manifest = std::fs::read_to_string(data.join("northwind/approvals.toml")).unwrap();
    std::fs::write(
        data.join("contoso/approvals.toml"),
        format!("{manifest}{BILLING}"),
    )
    .unwrap();
    let out = temp_dir("numbering-out");
    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());

    // Draft first (no billing approval for contoso yet): no number is used up.
    std::fs::write(data.join("contoso/approvals.toml"), &manifest).unwrap();
    docket_ok(&["build", "--data", d, "--out", o]);
    let md = std::fs::read_to_string(out.join("contoso/invoice.md")).unwrap();
    assert!(md.contains("assigned when issued"), "{md}");

    // Approved: issued with the next number after the honoured INV-2026-0461.
    std::fs::write(
        data.join("contoso/approvals.toml"),
        format!("{manifest}{BILLING}"),
    )
    .unwrap();
    docket_ok(&["build", "--data", d, "--out", o]);
    let md = std::fs::read_to_string(out.join("contoso/invoice.md")).unwrap();
    assert!(md.contains("- Invoice number: INV-2026-0462"), "{md}");
    // A rebuild keeps the number (and the bytes).
    let pdf = std::fs::read(out.join("contoso/invoice.pdf")).unwrap();
    docket_ok(&["build", "--data", d, "--out", o]);
    assert_eq!(std::fs::read(out.join("contoso/invoice.pdf")).unwrap(), pdf);
    assert!(
        pdf_pages(&out.join("contoso/invoice.pdf"))
            .concat()
            .contains("INV-2026-0462")
    );
}

#[test]
fn a_credit_note_references_the_invoice_and_has_its_own_number() {
    let data = data_copy("credit");
    let path = data.join("northwind/engagement.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        r#"
[credit_note]
number = "TBD"
references = "INV-2026-0461"
reason = "Additional queue configuration billed twice (example)"
issue_date = "2026-12-01"
payment_terms = "Immediate"
milestone = "Correction of INV-2026-0461"
agreement = "ADSA-2026-0142"
currency = "USD"
seller = "completetech"
buyer = "northwind-ap"
lines = [{ description = "Additional queue configuration (example), credited", quantity = "-2", unit_price = "150.00", tax = "exempt" }]
taxes = [{ category = "exempt", rate = "0" }]
"#,
    );
    std::fs::write(&path, text).unwrap();
    let manifest = data.join("northwind/approvals.toml");
    let mut m = std::fs::read_to_string(&manifest).unwrap();
    m.push_str(BILLING);
    std::fs::write(&manifest, m).unwrap();
    let out = temp_dir("credit-out");
    docket_ok(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let md = std::fs::read_to_string(out.join("northwind/credit-note.md")).unwrap();
    assert!(md.contains("- Credit note number: CN-2026-0001"), "{md}");
    assert!(md.contains("- Corrects invoice: INV-2026-0461"), "{md}");
    assert!(md.contains("| **Total** | **-300.00** |"), "{md}");
    let pdf = pdf_pages(&out.join("northwind/credit-note.pdf")).concat();
    for needle in ["CN-2026-0001", "INV-2026-0461", "-300.00"] {
        assert!(pdf.contains(needle), "credit note PDF lacks {needle}");
    }
    // The credited invoice itself was issued too, with its own number.
    assert!(
        std::fs::read_to_string(out.join("northwind/invoice.md"))
            .unwrap()
            .contains("INV-2026-0461")
    );
}

/// Money never passes through a binary float: no f64/f32 in the money code paths.
#[test]
fn no_floats_in_money_code() {
    let money = walkdir::WalkDir::new(root().join("src/money"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"));
    let files: Vec<std::path::PathBuf> = money.chain([root().join("src/derive.rs")]).collect();
    assert!(files.len() > 3, "{files:?}");
    for file in files {
        let file = file.display().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            !code.contains("f64") && !code.contains("f32"),
            "{file} mentions a float type"
        );
    }
}
