//! Issued means issued: once a document that leaves the building is issued final, no later
//! build replaces its files, whatever the gate now decides and whatever number or id the
//! new rendering would carry. Changed inputs are refused with the way forward, an approval
//! gone stale is reported against the issued document, and a document whose gate no longer
//! clears it is kept and reported as issued.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::*;
use serde_json::Value;

/// Approvals that let the case study be final too (with [`BILLING`] and [`SEND`]).
const PUBLISH: &str = r#"
[[approval]]
gate = "public_use"
status = "approved"
approver = { name = "Dana Whitfield (example)", role = "Client sponsor" }
actions = ["publish-case-study"]
evidence = "Signed case study release (example)"

[[approval]]
gate = "security"
status = "approved"
approver = { name = "Sam Okafor (example)", role = "CompleteTech security reviewer" }
actions = ["public-proof"]
evidence = "SEC-2026-0090 addendum (example)"
"#;

const CREDIT_NOTE: &str = r#"
[credit_note]
number = "TBD"
references = "INV-2026-0001"
reason = "Additional queue configuration billed twice (example)"
issue_date = "2026-12-01"
payment_terms = "Immediate"
milestone = "Correction of INV-2026-0001"
agreement = "ADSA-2026-0142"
currency = "USD"
seller = "completetech"
buyer = "northwind-ap"
lines = [{ description = "Additional queue configuration (example), credited", quantity = "-2", unit_price = "150.00", tax = "exempt" }]
taxes = [{ category = "exempt", rate = "0" }]
"#;

/// The issued kinds of the example rules, each with an edit of one of its inputs.
const ISSUED: &[(&str, &str, &str)] = &[
    (
        "case-study",
        "challenge = \"TBD\"",
        "challenge = \"Slow triage\"",
    ),
    ("invoice", "quantity = \"6\"", "quantity = \"7\""),
    (
        "credit-note",
        "billed twice (example)",
        "billed three times (example)",
    ),
    (
        "email-sequence",
        "acceptance demo\", send_on",
        "acceptance demo (rescheduled)\", send_on",
    ),
    (
        "envelope",
        "contents = \"Milestone invoice INV-2026-0461\"",
        "contents = \"Milestone invoice and credit note\"",
    ),
];

fn engagement_toml(data: &Path) -> PathBuf {
    data.join("northwind/engagement.toml")
}

/// A copy of the example whose invoice number comes from the series (`number = "TBD"`).
fn tbd_invoice(name: &str) -> (PathBuf, PathBuf) {
    let data = data_copy(name);
    edit(
        &engagement_toml(&data),
        "number = \"INV-2026-0461\"",
        "number = \"TBD\"",
    );
    (data, temp_dir(&format!("{name}-out")))
}

/// The build is refused (exit 1); returns its error text.
fn refused(data: &Path, out: &Path) -> String {
    let run = Build::new(data).out(out).run();
    let err = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(1), "not refused: {err}");
    err
}

/// `docket verify` of a data folder and its output folder.
fn verify(data: &Path, out: &Path) -> std::process::Output {
    docket(&[
        "verify",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

fn verify_clean(data: &Path, out: &Path) {
    let run = verify(data, out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
}

/// Every file of an engagement's output folder whose name starts with `kind.` or `kind-`.
fn files_of(out: &Path, kind: &str) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(out.join("northwind"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!("{kind}.")) || n.starts_with(&format!("{kind}-")))
        .map(|n| {
            let bytes = std::fs::read(out.join("northwind").join(&n)).unwrap();
            (n, bytes)
        })
        .collect()
}

fn ledger_len(data: &Path) -> usize {
    std::fs::read_to_string(data.join("northwind/ledger.jsonl"))
        .unwrap_or_default()
        .lines()
        .count()
}

/// Ledger records of issued documents.
fn issued_records(data: &Path) -> usize {
    std::fs::read_to_string(data.join("northwind/ledger.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter(|l| serde_json::from_str::<Value>(l).unwrap()["issued"] == true)
        .count()
}

fn artifact(out: &Path, kind: &str) -> Value {
    let report = read_json(&out.join("northwind/build-report.json"));
    report["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == kind)
        .cloned()
        .unwrap()
}

/// The case the issue reports: an invoice numbered from the series, approved with
/// `docket approve` and issued as INV-2026-0001; one line edited. The billing approval is
/// bound to the inputs it approved, so it goes stale, the gate says draft, the draft is
/// numbered TBD, and the guard used to see "a new document" and write the DRAFT over the
/// issued invoice (exit 0; `verify` then called the issued files tampered).
#[test]
fn an_issued_invoice_is_never_replaced_by_a_draft() {
    let (data, out) = tbd_invoice("issued-draft");
    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());
    docket_ok(&[
        "approve",
        "invoice",
        "-e",
        "northwind",
        "--by",
        "Ada Park (example)",
        "--role",
        "Northwind accounts payable lead",
        "--action",
        "issue-invoice",
        "--evidence",
        "Email from Ada Park approving the milestone invoice, 2026-11-30 (example)",
        "--date",
        "2026-11-30",
        "--data",
        d,
    ]);
    Build::new(&data).out(&out).run_ok();
    let issued = files_of(&out, "invoice");
    let md = String::from_utf8_lossy(&issued["invoice.md"]).into_owned();
    assert!(md.contains("- Invoice number: INV-2026-0001"), "{md}");
    assert_eq!(artifact(&out, "invoice")["decision"], "final");
    let records = ledger_len(&data);

    edit(
        &engagement_toml(&data),
        "quantity = \"6\"",
        "quantity = \"7\"",
    );
    let err = refused(&data, &out);
    assert!(
        err.contains("invoice INV-2026-0001 was issued") && err.contains("invoice.lines"),
        "{err}"
    );
    assert!(err.contains("credit note"), "the way forward: {err}");
    // The approval that issued it went stale with the edit: said against the issued invoice.
    assert!(
        err.contains("approvals it was issued under no longer count")
            && err.contains("stale")
            && err.contains("billing"),
        "{err}"
    );
    assert_eq!(files_of(&out, "invoice"), issued, "the issued files stay");
    assert_eq!(ledger_len(&data), records, "nothing recorded");
    verify_clean(&data, &out);
    let _ = o;
}

/// The same edit with an approval that does not go stale: the gate says final, the series
/// would hand out INV-2026-0002, and that new number used to let it replace the issued
/// INV-2026-0001. A number written in the data is no way round it either.
#[test]
fn an_issued_invoice_is_never_replaced_by_one_with_another_number() {
    let (data, out) = tbd_invoice("issued-renumber");
    append(&data.join("northwind/approvals.toml"), BILLING);
    Build::new(&data).out(&out).run_ok();
    let issued = files_of(&out, "invoice");
    assert!(String::from_utf8_lossy(&issued["invoice.md"]).contains("INV-2026-0001"));
    let records = ledger_len(&data);

    let path = engagement_toml(&data);
    edit(&path, "quantity = \"6\"", "quantity = \"7\"");
    let err = refused(&data, &out);
    assert!(
        err.contains("invoice INV-2026-0001 was issued") && err.contains("credit note"),
        "{err}"
    );
    assert_eq!(files_of(&out, "invoice"), issued);
    edit(&path, "quantity = \"7\"", "quantity = \"6\"");

    // Same content, another number written in the data.
    edit(&path, "number = \"TBD\"", "number = \"INV-2026-0099\"");
    let err = refused(&data, &out);
    assert!(
        err.contains("INV-2026-0001") && err.contains("now numbers it INV-2026-0099"),
        "{err}"
    );
    assert_eq!(files_of(&out, "invoice"), issued);
    assert_eq!(
        ledger_len(&data),
        records,
        "nothing recorded, no number used up"
    );

    // Back to the inputs it was issued with: the same bytes, nothing new recorded.
    edit(&path, "number = \"INV-2026-0099\"", "number = \"TBD\"");
    Build::new(&data).out(&out).run_ok();
    assert_eq!(files_of(&out, "invoice"), issued);
    assert_eq!(ledger_len(&data), records);
    verify_clean(&data, &out);
}

/// Every issued kind of the rules (the test fails if one is added without an edit here):
/// issued final, then each one's inputs edited in turn is refused with the way forward and
/// leaves every issued file as it was; then, the approvals withdrawn, the build keeps every
/// issued document and reports it as issued, under its issued number, with its files.
#[test]
fn every_issued_kind_stays_as_issued() {
    let rules: toml::Value =
        toml::from_str(&std::fs::read_to_string(root().join("data/rules.toml")).unwrap()).unwrap();
    let mut issued_kinds: Vec<&str> = rules["kind"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k.get("issued").and_then(|i| i.as_bool()) == Some(true))
        // Reminders are derived, sent once per stage and never planned again (their data
        // cannot be edited): tests/it/receivables.rs sends one and checks it is never re-sent.
        .filter(|k| k["kind"].as_str() != Some("reminder"))
        .map(|k| k["kind"].as_str().unwrap())
        .collect();
    issued_kinds.sort();
    let mut covered: Vec<&str> = ISSUED.iter().map(|(k, _, _)| *k).collect();
    covered.sort();
    assert_eq!(covered, issued_kinds, "every issued kind is exercised");

    let (data, out) = tbd_invoice("issued-all");
    let path = engagement_toml(&data);
    append(&path, CREDIT_NOTE);
    edit(
        &path,
        "email = \"TBD\"",
        "email = \"dana@northwind.example\"",
    );
    let approvals = data.join("northwind/approvals.toml");
    let before_approvals = std::fs::read_to_string(&approvals).unwrap();
    append(&approvals, &format!("{BILLING}{SEND}{PUBLISH}"));
    Build::new(&data).out(&out).run_ok();
    assert_eq!(issued_records(&data), ISSUED.len());
    let mut issued = BTreeMap::new();
    for (kind, _, _) in ISSUED {
        let a = artifact(&out, kind);
        assert_eq!(a["decision"], "final", "{kind}: {a}");
        issued.insert(*kind, (a["document_id"].clone(), files_of(&out, kind)));
    }
    let records = ledger_len(&data);

    for (kind, from, to) in ISSUED {
        edit(&path, from, to);
        let err = refused(&data, &out);
        assert!(
            err.contains(&format!("{kind} ")) && err.contains("was issued"),
            "{kind}: {err}"
        );
        assert!(
            err.contains("restore the inputs it was issued with"),
            "{kind}: {err}"
        );
        for (k, (_, files)) in &issued {
            assert_eq!(
                &files_of(&out, k),
                files,
                "{kind} edited: {k}'s files changed"
            );
        }
        assert_eq!(ledger_len(&data), records, "{kind}: nothing recorded");
        edit(&path, to, from);
    }

    // The approvals withdrawn: every gate now says draft or blocked, nothing changes on
    // disk, and the report shows what the client holds.
    std::fs::write(&approvals, before_approvals).unwrap();
    Build::new(&data).out(&out).run_ok();
    let handoff = read_json(&out.join("northwind/handoff.json"));
    for (kind, (id, files)) in &issued {
        assert_eq!(&files_of(&out, kind), files, "{kind}: issued files kept");
        let a = artifact(&out, kind);
        assert_eq!(a["decision"], "final", "{kind}: {a}");
        assert_eq!(&a["document_id"], id, "{kind}");
        assert_ne!(a["kept_as_issued"]["gate_now"], "final", "{kind}: {a}");
        assert!(
            a["reasons"][0]
                .as_str()
                .unwrap()
                .starts_with(&format!("issued as {}", id.as_str().unwrap())),
            "{kind}: {a}"
        );
        let outputs: Vec<String> = files.keys().map(|n| format!("northwind/{n}")).collect();
        assert_eq!(a["outputs"], serde_json::json!(outputs), "{kind}");
        let decision = handoff["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["kind"] == *kind)
            .unwrap();
        assert_eq!(decision["decision"], "final", "{kind}");
    }
    // (Documents that are not issued may be recorded again: their approvals changed.)
    assert_eq!(
        issued_records(&data),
        ISSUED.len(),
        "no issued document recorded again"
    );
    verify_clean(&data, &out);
    // And again, the engagement read but nothing to render (the kept documents are fresh
    // in this output folder): still issued.
    append(&approvals, "\n# Read again, nothing changed.\n");
    Build::new(&data).out(&out).run_ok();
    for (kind, (id, files)) in &issued {
        assert_eq!(&files_of(&out, kind), files, "{kind}");
        assert_eq!(&artifact(&out, kind)["document_id"], id, "{kind}");
    }
    verify_clean(&data, &out);
}

/// A copy of the templates, for a test that changes a layout as a docket upgrade would.
fn templates_copy(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    copy_dir(&root().join("templates"), &dir);
    dir
}

/// The archive of issued documents (the record issue): a layout change, as a docket upgrade
/// brings, used to make every issued invoice refuse to build ("rendering it again gives
/// different bytes"), and a lost output folder lost the only copy. Now the build writes the
/// issued bytes from the archive instead: what the client received never changes.
#[test]
fn an_issued_invoice_survives_a_layout_change_and_a_lost_output_folder() {
    let data = example_copy("archive-layout");
    let templates = templates_copy("archive-layout-templates");
    let out = temp_dir("archive-layout-out");
    let build = || Build::new(&data).out(&out).templates(&templates).run_ok();
    build();
    let issued = files_of(&out, "invoice.deposit");
    let issued_too = files_of(&out, "invoice.milestone-1");
    let draft = files_of(&out, "invoice.milestone-2");
    assert!(
        issued.contains_key("invoice.deposit.pdf"),
        "{:?}",
        issued.keys()
    );
    let archived = std::fs::read_dir(data.join("northwind/archive"))
        .unwrap()
        .count();
    assert!(
        archived >= 4,
        "the two issued invoices' Markdown and PDF: {archived}"
    );
    let records = ledger_len(&data);

    // The invoice layout changes: the draft shows it, the issued invoices do not.
    edit(&templates.join("invoice.typ"), "  v(14pt)\n", "  v(20pt)\n");
    build();
    assert_eq!(
        files_of(&out, "invoice.deposit"),
        issued,
        "an issued invoice changed"
    );
    assert_ne!(
        files_of(&out, "invoice.milestone-2")["invoice.milestone-2.pdf"],
        draft["invoice.milestone-2.pdf"],
        "the draft did not take the new layout"
    );
    assert_eq!(
        ledger_len(&data),
        records,
        "restoring is not issuing: no new record"
    );

    // The output folder is lost: the rebuild restores every issued document.
    std::fs::remove_dir_all(&out).unwrap();
    build();
    assert_eq!(files_of(&out, "invoice.deposit"), issued);
    assert_eq!(files_of(&out, "invoice.milestone-1"), issued_too);
    verify_clean(&data, &out);
}

#[test]
fn verify_names_an_altered_or_missing_archived_document() {
    let data = example_copy("archive-verify");
    let out = Build::new(&data).run_into("archive-verify-out");
    verify_clean(&data, &out);
    let archive = data.join("northwind/archive");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&archive)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut altered = std::fs::read(&files[0]).unwrap();
    altered.push(b'x');
    std::fs::write(&files[0], altered).unwrap();
    std::fs::remove_file(&files[1]).unwrap();
    let run = verify(&data, &out);
    let said = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{said}");
    assert!(said.contains("was altered in the archive"), "{said}");
    assert!(said.contains("is missing from the archive"), "{said}");
}

/// `docket archive export --from FROM --to TO --into INTO --data DATA --json`.
fn export(data: &Path, from: &str, to: &str, into: &Path) -> std::process::Output {
    docket(&[
        "archive",
        "export",
        "--from",
        from,
        "--to",
        to,
        "--into",
        into.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--json",
    ])
}

#[test]
fn archive_export_copies_a_periods_issued_documents_with_a_manifest() {
    let data = example_copy("archive-export");
    let out = Build::new(&data).run_into("archive-export-out");
    let into = temp_dir("archive-export-into").join("audit");
    let run = export(&data, "2000-01-01", "2999-12-31", &into);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let exported: Value = serde_json::from_slice(&run.stdout).unwrap();
    let numbers: Vec<&str> = exported["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|doc| doc["document_id"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["INV-2026-0459", "INV-2026-0460"], "{exported}");
    // Each file exactly as issued, its digest in the manifest; the CSV says the same.
    let csv = std::fs::read_to_string(into.join("manifest.csv")).unwrap();
    for doc in exported["documents"].as_array().unwrap() {
        for f in doc["files"].as_array().unwrap() {
            let path = f["path"].as_str().unwrap();
            let bytes = std::fs::read(into.join(path)).unwrap();
            assert_eq!(bytes, std::fs::read(out.join(path)).unwrap(), "{path}");
            assert!(csv.contains(f["sha256"].as_str().unwrap()), "{csv}");
        }
    }
    assert!(into.join("manifest.json").is_file());
    // Not into a folder that holds something.
    let again = export(&data, "2000-01-01", "2999-12-31", &into);
    assert_eq!(again.status.code(), Some(1));
    // A period with nothing issued exports nothing.
    let empty = temp_dir("archive-export-empty").join("audit");
    let run = export(&data, "2000-01-01", "2000-12-31", &empty);
    let exported: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(exported["documents"], serde_json::json!([]));
    // A period that ends before it starts is a usage error.
    let bad = export(
        &data,
        "2026-02-01",
        "2026-01-01",
        &temp_dir("archive-export-bad").join("x"),
    );
    assert_eq!(bad.status.code(), Some(2));
}
