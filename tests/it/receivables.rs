//! Money owed (the receivables issue): payments applied to issued invoices, each invoice's
//! state, the statement of account, reminders and `docket receivables`, on the Northwind of
//! `data/northwind` (deposit paid, milestone 1 open and past due, milestone 2 a draft).

use std::path::{Path, PathBuf};

use crate::common::*;
use serde_json::Value;

fn report(out: &Path) -> Value {
    read_json(&out.join("northwind/build-report.json"))
}

/// The receivable of an invoice number in the build report.
fn invoice(out: &Path, number: &str) -> Value {
    report(out)["receivables"]["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["number"] == number)
        .cloned()
        .unwrap_or_else(|| panic!("no receivable {number}"))
}

/// Every artifact of a kind in the build report.
fn artifacts(out: &Path, kind: &str) -> Vec<Value> {
    report(out)["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == kind)
        .cloned()
        .collect()
}

fn engagement(data: &Path) -> PathBuf {
    data.join("northwind/engagement.toml")
}

fn payment(date: &str, amount: &str, currency: &str, invoice: &str) -> String {
    format!(
        r#"
[[payments]]
date = "{date}"
amount = "{amount}"
currency = "{currency}"
method = "ACH"
reference = "test payment"
applied_to = [{{ invoice = "{invoice}", amount = "{amount}" }}]
"#
    )
}

/// The error object of a failed `docket check --json`.
fn check_error(data: &Path) -> Value {
    let run = docket(&["check", "--json", "--data", data.to_str().unwrap()]);
    assert!(!run.status.success(), "check should fail");
    serde_json::from_slice::<Value>(&run.stdout).unwrap()["error"].clone()
}

/// The CSV of `docket receivables --csv`, parsed with the csv crate as a spreadsheet would.
fn receivables_csv(data: &Path) -> Vec<csv::StringRecord> {
    let run = docket_ok(&["receivables", "--csv", "--data", data.to_str().unwrap()]);
    let mut reader = csv::Reader::from_reader(run.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        [
            "client",
            "currency",
            "engagements",
            "invoices",
            "open",
            "overdue",
            "due_now",
            "current",
            "1-30",
            "31-60",
            "61-90",
            "over-90",
            "oldest_due",
            "days_overdue"
        ]
    );
    reader.records().map(Result::unwrap).collect()
}

#[test]
fn northwind_states_the_deposit_paid_and_milestone_1_open() {
    let data = example_copy("statement");
    let out = Build::new(&data).run_into("statement-out");
    let deposit = invoice(&out, "INV-2026-0459");
    assert_eq!(deposit["state"], "paid");
    assert_eq!(deposit["open"], "0.00");
    let m1 = invoice(&out, "INV-2026-0460");
    assert_eq!(m1["state"], "overdue");
    assert_eq!(m1["open"], "8400.00");
    assert_eq!(m1["days_overdue"], 13);
    assert_eq!(m1["bucket"], "1-30");
    // Milestone 2 is a draft: not issued, so nothing is owed on it.
    assert!(
        report(&out)["receivables"]["invoices"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["number"] != "INV-2026-0461")
    );
    // The statement: final (billing approved it), every movement with a running balance.
    let statement = &artifacts(&out, "statement")[0];
    assert_eq!(statement["decision"], "final", "{statement}");
    let md = std::fs::read_to_string(out.join("northwind/statement.md")).unwrap();
    for line in [
        "| February 17, 2026 | INV-2026-0459 | Invoice, due March 19, 2026 | 7,200.00 |  | 7,200.00 |",
        "| February 20, 2026 | NW-ACH-0220 (example) | Payment (ACH): INV-2026-0459 |  | 7,200.00 | 0.00 |",
        "| October 12, 2026 | INV-2026-0460 | Invoice, due November 11, 2026 | 8,400.00 |  | 8,400.00 |",
        "| | | **Closing balance** | | | **8,400.00** |",
        "**Amount due now: \\$8,400.00**",
        "| INV-2026-0460 | October 12, 2026 | November 11, 2026 | 8,400.00 | 8,400.00 | overdue, 13 days |",
        "| 0.00 | 8,400.00 | 0.00 | 0.00 | 0.00 | ",
    ] {
        assert!(md.contains(line), "statement.md lacks {line:?}:\n{md}");
    }
    let fm = front_matter(&md);
    assert_eq!(fm["kind"].as_str(), Some("statement"));
    let text = pdf_body_text(&out.join("northwind/statement.pdf"));
    for words in [
        "STATEMENT",
        "Amount due now",
        "$8,400.00",
        "INV-2026-0459",
        "Closing balance",
    ] {
        assert!(
            text.contains(words),
            "statement.pdf lacks {words:?}:\n{text}"
        );
    }
    // `docket next` says what the overdue invoice waits on.
    let next = docket_ok(&["next", "--data", data.to_str().unwrap()]);
    let next = String::from_utf8_lossy(&next.stdout);
    assert!(
        next.contains(
            "invoice INV-2026-0460 is 13 days overdue (USD 8,400.00 open): reminder 1 (friendly) is waiting on billing approval to send-reminder and security approval to external-send"
        ),
        "{next}"
    );
}

#[test]
fn a_partial_then_a_full_payment_change_the_state_and_not_the_issued_pdf() {
    let data = example_copy("partial");
    // Before milestone 1 falls due (2026-11-11).
    edit(
        &engagement(&data),
        "as_of = \"2026-11-24\"",
        "as_of = \"2026-11-05\"",
    );
    let out = temp_dir("partial-out");
    Build::new(&data).out(&out).run_ok();
    let pdf = out.join("northwind/invoice.milestone-1.pdf");
    let issued = std::fs::read(&pdf).unwrap();
    assert_eq!(invoice(&out, "INV-2026-0460")["state"], "issued");

    append(
        &engagement(&data),
        &payment("2026-11-01", "4000.00", "USD", "INV-2026-0460"),
    );
    Build::new(&data).out(&out).run_ok();
    let m1 = invoice(&out, "INV-2026-0460");
    assert_eq!(m1["state"], "partly-paid", "{m1}");
    assert_eq!(m1["paid"], "4000.00");
    assert_eq!(m1["open"], "4400.00");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        issued,
        "the issued PDF changed"
    );

    append(
        &engagement(&data),
        &payment("2026-11-04", "4400.00", "USD", "invoice:milestone-1"),
    );
    Build::new(&data).out(&out).run_ok();
    let m1 = invoice(&out, "INV-2026-0460");
    assert_eq!(m1["state"], "paid", "{m1}");
    assert_eq!(m1["open"], "0.00");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        issued,
        "the issued PDF changed"
    );
    // Time passes (as_of moves on): the issued invoices stay as they are, and a paid
    // invoice gets no reminder.
    edit(
        &engagement(&data),
        "as_of = \"2026-11-05\"",
        "as_of = \"2027-01-31\"",
    );
    Build::new(&data).out(&out).run_ok();
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        issued,
        "the issued PDF changed"
    );
    assert_eq!(invoice(&out, "INV-2026-0460")["state"], "paid");
    assert!(artifacts(&out, "reminder").is_empty());
}

#[test]
fn payments_that_cannot_apply_are_located_errors() {
    // More than the invoice has open.
    let data = example_copy("over");
    append(
        &engagement(&data),
        &payment("2026-11-20", "9000.00", "USD", "INV-2026-0460"),
    );
    let e = check_error(&data);
    assert_eq!(e["field"], "payments[1].applied_to[0].amount", "{e}");
    assert!(e["line"].as_u64().is_some(), "{e}");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("applies 9,000.00 USD to invoice INV-2026-0460, which has 8,400.00 USD open"),
        "{e}"
    );
    // In another currency.
    let data = example_copy("currency");
    append(
        &engagement(&data),
        &payment("2026-11-20", "100.00", "EUR", "INV-2026-0460"),
    );
    let e = check_error(&data);
    assert_eq!(e["field"], "payments[1].applied_to[0].invoice", "{e}");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("the payment is in EUR, but invoice INV-2026-0460 is in USD"),
        "{e}"
    );
    // An invoice not issued (milestone 2 is a draft): the payment is held and reported on
    // the engagement, which stays checkable (a decision that flips never stops the folder).
    let data = example_copy("unissued");
    append(
        &engagement(&data),
        &payment("2026-11-20", "100.00", "USD", "INV-2026-0461"),
    );
    let run = docket_ok(&["check", "--json", "--data", data.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&run.stdout).unwrap();
    let held = v["engagements"][0]["receivables"]["held"].to_string();
    assert!(
        held.contains("payments[1]")
            && held.contains("INV-2026-0461 (invoice:milestone-2), which is not issued"),
        "{held}"
    );
    // One that does not exist is still a located error.
    let data = example_copy("unknown");
    append(
        &engagement(&data),
        &payment("2026-11-20", "100.00", "USD", "INV-1999-0001"),
    );
    let e = check_error(&data);
    assert!(
        e["message"].as_str().unwrap().contains(
            "no invoice `INV-1999-0001` in this engagement; expected one of its issued invoices (INV-2026-0459, INV-2026-0460)"
        ),
        "{e}"
    );
    // Applications that do not add up to the payment.
    let data = example_copy("sum");
    append(
        &engagement(&data),
        r#"
[[payments]]
date = "2026-11-20"
amount = "500.00"
currency = "USD"
applied_to = [{ invoice = "INV-2026-0460", amount = "400.00" }]
"#,
    );
    let e = check_error(&data);
    assert_eq!(e["field"], "payments[1].applied_to", "{e}");
}

/// Approvals that clear the milestone-1 reminder: billing's, and the security review of
/// external sends.
const REMINDER_BILLING: &str = r#"
[[approval]]
gate = "billing"
status = "approved"
approver = { name = "Priya Raman (example)", role = "CompleteTech billing lead" }
actions = ["send-reminder"]
evidence = "Reminder approved by email (example)"
artifact = "reminder:inv-2026-0460-friendly"
"#;

const REMINDER_SECURITY: &str = r#"
[[approval]]
gate = "security"
status = "approved"
approver = { name = "Sam Okafor (example)", role = "CompleteTech security reviewer" }
actions = ["external-send"]
evidence = "SEC-2026-0091: payment reminders reviewed (example)"
"#;

#[test]
fn a_reminder_needs_both_approvals_and_is_sent_once_per_stage() {
    let data = example_copy("reminder");
    let approvals = data.join("northwind/approvals.toml");
    let out = temp_dir("reminder-out");
    // Without either approval: a draft, no email draft.
    Build::new(&data).out(&out).run_ok();
    let reminders = artifacts(&out, "reminder");
    assert_eq!(reminders.len(), 1, "{reminders:?}");
    assert_eq!(reminders[0]["key"], "inv-2026-0460-friendly");
    assert_eq!(reminders[0]["decision"], "draft");
    assert!(
        out.join("northwind/reminder.inv-2026-0460-friendly.pdf")
            .exists()
    );
    assert!(
        !out.join("northwind/reminder.inv-2026-0460-friendly-1.eml")
            .exists()
    );
    // Billing alone: still a draft (the security review of external sends is missing).
    append(&approvals, REMINDER_BILLING);
    Build::new(&data).out(&out).run_ok();
    let r = &artifacts(&out, "reminder")[0];
    assert_eq!(r["decision"], "draft", "{r}");
    assert!(
        r["missing_approvals"].to_string().contains("external-send"),
        "{r}"
    );
    // Both: final, with its email draft, recorded in the ledger.
    append(&approvals, REMINDER_SECURITY);
    Build::new(&data).out(&out).run_ok();
    let r = &artifacts(&out, "reminder")[0];
    assert_eq!(r["decision"], "final", "{r}");
    let eml = std::fs::read_to_string(out.join("northwind/reminder.inv-2026-0460-friendly-1.eml"))
        .unwrap();
    assert!(
        eml.contains("Subject: Friendly reminder: invoice INV-2026-0460"),
        "{eml}"
    );
    assert!(eml.contains("ap@northwind.example"), "{eml}");
    let md =
        std::fs::read_to_string(out.join("northwind/reminder.inv-2026-0460-friendly.md")).unwrap();
    assert!(md.contains("| INV-2026-0460 | October 12, 2026 | November 11, 2026 | 13 | 8,400.00 | 0.00 | 0.00 | **8,400.00** |"), "{md}");
    let sent = |data: &Path| {
        std::fs::read_to_string(data.join("northwind/ledger.jsonl"))
            .unwrap()
            .lines()
            .filter(|l| l.contains("\"kind\":\"reminder\""))
            .count()
    };
    assert_eq!(sent(&data), 1);
    // The next build sends nothing again: the stage was sent; the firm one is not due yet.
    // (--force: a build with nothing changed is skipped as a whole.)
    docket_ok(&[
        "build",
        "--force",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(sent(&data), 1);
    assert!(artifacts(&out, "reminder").is_empty());
    assert_eq!(
        invoice(&out, "INV-2026-0460")["reminders_sent"],
        serde_json::json!(["friendly"])
    );
    assert!(
        out.join("northwind/reminder.inv-2026-0460-friendly.pdf")
            .exists(),
        "a sent reminder stays"
    );
    // Three weeks past due: the second stage, a new document needing its own approval.
    edit(
        &engagement(&data),
        "as_of = \"2026-11-24\"",
        "as_of = \"2026-12-03\"",
    );
    Build::new(&data).out(&out).run_ok();
    let r = artifacts(&out, "reminder");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["key"], "inv-2026-0460-firm");
    assert_eq!(r[0]["decision"], "draft", "{:?}", r[0]);
    // Paid: its unsent draft goes, the sent one stays, and no reminder is due.
    append(
        &engagement(&data),
        &payment("2026-12-01", "8400.00", "USD", "INV-2026-0460"),
    );
    Build::new(&data).out(&out).run_ok();
    assert!(artifacts(&out, "reminder").is_empty());
    assert!(
        !out.join("northwind/reminder.inv-2026-0460-firm.pdf")
            .exists(),
        "a paid invoice's draft reminder stayed"
    );
    assert!(
        out.join("northwind/reminder.inv-2026-0460-friendly.pdf")
            .exists()
    );
    assert_eq!(sent(&data), 1);
}

#[test]
fn two_currencies_are_never_summed() {
    let data = example_copy("currencies");
    // A second client engagement in EUR: a copy of Northwind with its invoices in euros.
    let toml = std::fs::read_to_string(engagement(&data)).unwrap();
    let mut euro = toml
        .replace("id = \"northwind\"", "id = \"northwind-eu\"")
        .replace("currency = \"USD\"", "currency = \"EUR\"")
        .replace("INV-2026-04", "INV-2026-EU04");
    for id in [
        "DISC-2026-0117",
        "PRO-2026-0188",
        "ADSA-2026-0142",
        "SEC-2026-0090",
    ] {
        euro = euro.replace(id, &format!("{id}-EU"));
    }
    let eu = data.join("northwind-eu");
    std::fs::create_dir_all(&eu).unwrap();
    std::fs::write(eu.join("engagement.toml"), euro).unwrap();
    std::fs::copy(
        data.join("northwind/approvals.toml"),
        eu.join("approvals.toml"),
    )
    .unwrap();
    let run = docket_ok(&["receivables", "--json", "--data", data.to_str().unwrap()]);
    let owed: Value = serde_json::from_slice(&run.stdout).unwrap();
    let totals = owed["totals"].as_array().unwrap();
    assert_eq!(totals.len(), 2, "{owed}");
    assert_eq!(totals[0]["currency"], "EUR");
    assert_eq!(totals[0]["open"], "8400.00");
    assert_eq!(totals[1]["currency"], "USD");
    assert_eq!(totals[1]["open"], "8400.00");
    let rows = receivables_csv(&data);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| &r[4] == "8400.00"));
    let currencies: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert!(currencies.contains(&"EUR") && currencies.contains(&"USD"));
    // The text table says so too: one total line per currency.
    let text = docket_ok(&["receivables", "--data", data.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("TOTAL")).count(),
        2,
        "{text}"
    );
}

#[test]
fn the_receivables_csv_quotes_as_rfc_4180_and_matches_the_statement() {
    let data = example_copy("csv");
    // A client name a spreadsheet must not split: a comma, quotes and a line break.
    edit(
        &engagement(&data),
        "client = \"Northwind Trading Co.\"",
        "client = \"Northwind, \\\"Trading\\\"\\nCo.\"",
    );
    let run = docket_ok(&["receivables", "--csv", "--data", data.to_str().unwrap()]);
    let raw = String::from_utf8(run.stdout.clone()).unwrap();
    assert!(raw.contains("\"Northwind, \"\"Trading\"\"\nCo.\""), "{raw}");
    assert!(raw.ends_with("\r\n"), "{raw:?}");
    let rows = receivables_csv(&data);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(&row[0], "Northwind, \"Trading\"\nCo.");
    assert_eq!(&row[1], "USD");
    assert_eq!(&row[2], "northwind");
    // The same figures as the statement: open, past due, due now and aging.
    let out = Build::new(&data).run_into("csv-out");
    let md = std::fs::read_to_string(out.join("northwind/statement.md")).unwrap();
    assert_eq!(&row[4], "8400.00");
    assert!(
        md.contains("**Closing balance** | | | **8,400.00**"),
        "{md}"
    );
    assert_eq!(&row[6], "8400.00");
    assert!(md.contains("**Amount due now: \\$8,400.00**"), "{md}");
    let aging: Vec<&str> = (7..12).map(|i| &row[i]).collect();
    assert_eq!(aging, ["0.00", "8400.00", "0.00", "0.00", "0.00"]);
    assert!(
        md.contains("| 0.00 | 8,400.00 | 0.00 | 0.00 | 0.00 | "),
        "{md}"
    );
    assert_eq!(&row[12], "2026-11-11");
    assert_eq!(&row[13], "13");
}

/// Data is never code: hostile values in a payment's reference and method, the statement's
/// notes and the billing contact appear literally in the statement and the reminder,
/// Markdown and PDF, and in the reminder's email draft.
#[test]
fn hostile_payment_and_contact_values_stay_text() {
    let data = example_copy("hostile");
    let hostile = [
        "#read(\"/etc/passwd\")",
        "{{ x }} {% raw %}",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
    ];
    let toml_str = |s: &str| toml::Value::String(s.to_string()).to_string();
    let path = engagement(&data);
    edit(
        &path,
        "method = \"ACH\"\nreference = \"NW-ACH-0220 (example)\"",
        &format!(
            "method = {}\nreference = {}",
            toml_str(hostile[0]),
            toml_str(hostile[1])
        ),
    );
    edit(
        &path,
        "notes = [\"Thank you for the deposit payment of 2026-02-20.\"]",
        &format!("notes = [{}]", toml_str(hostile[2])),
    );
    edit(
        &path,
        "billing_contact = { name = \"Northwind Accounts Payable (example)\"",
        &format!("billing_contact = {{ name = {}", toml_str(hostile[3])),
    );
    append(&data.join("northwind/approvals.toml"), REMINDER_BILLING);
    append(&data.join("northwind/approvals.toml"), REMINDER_SECURITY);
    let out = Build::new(&data).run_into("hostile-out");
    let dir = out.join("northwind");
    let statement_md = markdown_text(&std::fs::read_to_string(dir.join("statement.md")).unwrap());
    let statement_pdf = pdf_body_text(&dir.join("statement.pdf")).replace(char::is_whitespace, "");
    for text in &hostile[..3] {
        assert!(
            statement_md.contains(text),
            "statement.md lacks {text:?}:\n{statement_md}"
        );
        let squashed = text.replace(char::is_whitespace, "");
        assert!(
            statement_pdf.contains(&squashed),
            "statement.pdf lacks {text:?}:\n{statement_pdf}"
        );
    }
    assert!(!statement_pdf.contains("root:"), "a file was read");
    let eml = std::fs::read_to_string(dir.join("reminder.inv-2026-0460-friendly-1.eml")).unwrap();
    // The name is a display name of the To header, quoted or encoded, never a header of its own.
    assert!(eml.contains("ap@northwind.example"), "{eml}");
    assert!(eml.contains("javascript:alert(1)"), "{eml}");
    assert_eq!(
        eml.matches("\nTo:").count() + usize::from(eml.starts_with("To:")),
        1,
        "{eml}"
    );
}

/// A credit note for the whole of milestone 1: the invoice is credited, owes nothing and
/// gets no reminder; the statement lists the credit note under the number the series gave
/// it in the same build (never `TBD`).
#[test]
fn a_full_credit_note_credits_the_invoice() {
    let data = example_copy("credited");
    append(
        &engagement(&data),
        r#"
[credit_note]
number = "TBD"
references = "invoice:milestone-1"
reason = "Milestone 1 credited in full (example)"
issue_date = "2026-11-20"
due_date = "2026-11-20"
payment_terms = "On receipt"
milestone = "Credit of milestone 1"
agreement = "ADSA-2026-0142"
currency = "USD"
seller = "completetech"
buyer = "northwind-ap"
lines = [{ description = "Credit of milestone 1 (example)", quantity = "-1", unit_price = "8400.00", tax = "exempt" }]
taxes = [{ category = "exempt", rate = "0", note = "Professional services: no sales tax (example)" }]
remittance = "Credited to your account (example)"
"#,
    );
    append(
        &data.join("northwind/approvals.toml"),
        r#"
[[approval]]
gate = "billing"
status = "approved"
approver = { name = "Priya Raman (example)", role = "CompleteTech billing lead" }
actions = ["issue-credit-note"]
evidence = "Credit note approved by email (example)"
artifact = "credit-note"
"#,
    );
    let out = Build::new(&data).run_into("credited-out");
    let m1 = invoice(&out, "INV-2026-0460");
    assert_eq!(m1["state"], "credited", "{m1}");
    assert_eq!(m1["credited"], "8400.00");
    assert_eq!(m1["open"], "0.00");
    assert!(artifacts(&out, "reminder").is_empty());
    let md = std::fs::read_to_string(out.join("northwind/statement.md")).unwrap();
    assert!(
        md.contains(
            "| November 20, 2026 | CN-2026-0001 | Credit note for INV-2026-0460 |  | 8,400.00 | 0.00 |"
        ),
        "{md}"
    );
    assert!(!md.contains("| TBD |"), "{md}");
}
