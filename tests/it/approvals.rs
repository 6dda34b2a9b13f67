//! The approval lifecycle end to end (the approvals issue): Northwind's invoice goes from
//! draft to issued through `docket approve`, is then immutable, and `docket verify`
//! catches tampering with any final output.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;
use serde_json::Value;

fn decision(out: &Path, kind: &str) -> String {
    let report = read_json(&out.join("northwind/build-report.json"));
    report["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == kind)
        .map(|a| a["decision"].as_str().unwrap().to_string())
        .unwrap()
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn ledger(data: &Path) -> Vec<Value> {
    std::fs::read_to_string(data.join("northwind/ledger.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const APPROVE_BILLING: &[&str] = &[
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
    "Email from Ada Park approving INV-2026-0461, 2026-11-30 (example)",
    "--date",
    "2026-11-30",
];

#[test]
fn invoice_from_draft_to_issued_then_immutable_and_verified() {
    let data = data_copy("walk-data");
    let out = temp_dir("walk-out");
    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());
    docket_ok(&["build", "--data", d, "--out", o]);
    assert_eq!(decision(&out, "invoice"), "draft");
    let before = files(&out.join("northwind"));
    let draft_pages = pdf_pages(&out.join("northwind/invoice.pdf"));
    let records_before = ledger(&data).len();
    assert!(records_before > 0, "final renders are recorded");

    // Record the billing approval: comments in the manifest survive the edit.
    let mut args = APPROVE_BILLING.to_vec();
    args.extend(["--data", d]);
    docket_ok(&args);
    let manifest = std::fs::read_to_string(data.join("northwind/approvals.toml")).unwrap();
    assert!(manifest.contains("# Approval manifest for the Northwind pilot."));
    assert!(manifest.contains("artifact = \"invoice\"") && manifest.contains("digest = \"sha256:"));

    // Regenerate just the invoice: final, same amounts, everything else byte-identical.
    docket_ok(&["build", "--data", d, "--out", o, "--only", "invoice"]);
    assert_eq!(decision(&out, "invoice"), "final");
    let after = files(&out.join("northwind"));
    for (name, bytes) in &before {
        if name.starts_with("invoice.")
            || name.starts_with("build-report")
            || name.starts_with("handoff")
            || name == ".docket-build.json"
            || name == "index.html"
        {
            continue;
        }
        assert!(after.get(name) == Some(bytes), "{name} changed");
    }
    let final_pages = pdf_pages(&out.join("northwind/invoice.pdf"));
    let final_text = final_pages.concat();
    assert!(!final_text.contains("DRAFT"));
    for amount in ["24,900.00", "7,200.00", "17,700.00"] {
        assert!(final_text.contains(amount) && draft_pages.concat().contains(amount));
    }
    let records = ledger(&data);
    let issued = records.last().unwrap();
    assert_eq!(issued["kind"], "invoice");
    assert_eq!(issued["document_id"], "INV-2026-0461");
    assert_eq!(issued["issued"], true);
    assert!(
        issued["approvals_used"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["approver"] == "Ada Park (example)" && a["gate"] == "billing")
    );
    assert_eq!(issued["prev"], records[records.len() - 2]["hash"]);

    // Unchanged inputs: a rebuild reproduces the issued bytes and records nothing new.
    docket_ok(&["build", "--data", d, "--out", o]);
    assert_eq!(ledger(&data).len(), records.len());
    assert_eq!(
        files(&out.join("northwind"))["invoice.pdf"],
        after["invoice.pdf"]
    );

    // Edit the issued invoice's data: the build refuses and says how to proceed.
    let path = data.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("quantity = \"6\"", "quantity = \"7\"");
    std::fs::write(&path, text).unwrap();
    let run = docket(&["build", "--data", d, "--out", o]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("INV-2026-0461 was issued") && err.contains("invoice.lines"),
        "{err}"
    );
    assert!(err.contains("credit note"), "{err}");
    assert_eq!(
        files(&out.join("northwind"))["invoice.pdf"],
        after["invoice.pdf"]
    );
    // `check` shows the billing approval went stale, naming who gave it and what changed.
    let check = docket_ok(&["check", "--data", d, "--json"]);
    let summary: Value = serde_json::from_slice(&check.stdout).unwrap();
    let approvals = summary["engagements"][0]["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "invoice")
        .unwrap()["missing_approvals"]
        .to_string();
    assert!(
        approvals.contains("stale") && approvals.contains("invoice.lines"),
        "{approvals}"
    );

    // verify: the chain holds and every final output matches.
    let ok = docket(&["verify", "--data", d, "--out", o]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );

    // Change one byte of a final PDF: verify fails and names that file.
    let brief = out.join("northwind/brief.pdf");
    let mut bytes = std::fs::read(&brief).unwrap();
    let i = bytes.len() / 2;
    bytes[i] ^= 0x01;
    std::fs::write(&brief, bytes).unwrap();
    let bad = docket(&["verify", "--data", d, "--out", o]);
    assert_eq!(bad.status.code(), Some(1));
    let report = String::from_utf8_lossy(&bad.stdout);
    assert!(
        report.contains("brief.pdf") && report.contains("differs from ledger record"),
        "{report}"
    );
}

#[test]
fn verify_detects_an_edited_ledger() {
    let data = data_copy("ledger-data");
    let out = temp_dir("ledger-out");
    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());
    docket_ok(&["build", "--data", d, "--out", o]);
    let path = data.join("northwind/ledger.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("DISC-2026-0117", "DISC-2026-9999", 1)).unwrap();
    let bad = docket(&["verify", "--data", d, "--out", o, "--json"]);
    assert_eq!(bad.status.code(), Some(1));
    let found: Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert!(
        found.to_string().contains("does not match its hash"),
        "{found}"
    );
}

/// Northwind built, with its ledger's last record cut off (a regression: deleting the
/// envelope's record left `verify` reporting "ledger intact"). Returns data, out and the
/// removed record.
fn build_and_cut_the_last_record(name: &str) -> (std::path::PathBuf, std::path::PathBuf, Value) {
    let data = data_copy(name);
    let out = temp_dir(&format!("{name}-out"));
    docket_ok(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let path = data.join("northwind/ledger.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let last: Value = serde_json::from_str(lines.pop().unwrap()).unwrap();
    std::fs::write(
        &path,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .unwrap();
    (data, out, last)
}

fn verify_report(data: &Path, out: &Path) -> String {
    let run = docket(&[
        "verify",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        run.status.code(),
        Some(1),
        "verify passed: {}",
        String::from_utf8_lossy(&run.stdout)
    );
    String::from_utf8_lossy(&run.stdout).into_owned()
}

/// A hash chain cannot see its own tail cut off; the head kept beside the ledger can. The
/// build then refuses to go on recording in the cut ledger (its numbers could be handed out
/// again), before it writes anything.
#[test]
fn verify_detects_a_removed_last_record() {
    let (data, out, _) = build_and_cut_the_last_record("cut-tail");
    let report = verify_report(&data, &out);
    assert!(
        report.lines().any(|l| l.starts_with("northwind: ")
            && l.contains("ledger.jsonl")
            && l.contains("the last 1 record(s) were removed")),
        "{report}"
    );

    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());
    let before = files(&out.join("northwind"));
    let run = docket(&["build", "--data", d, "--out", o, "--force"]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("ledger.head") && err.contains("were removed"),
        "{err}"
    );
    assert_eq!(files(&out.join("northwind")), before, "nothing written");

    // The whole ledger removed: the head still says how long it was.
    std::fs::remove_file(data.join("northwind/ledger.jsonl")).unwrap();
    let report = verify_report(&data, &out);
    assert!(
        report.contains("the ledger has 0 records but its head"),
        "{report}"
    );
}

/// The other direction: with the last record cut and the head rewritten to match (so the
/// chain and its head hold), the final files that record named are still on disk with no
/// record, and `verify` names them and their engagement.
#[test]
fn verify_detects_a_final_output_without_a_record() {
    let (data, out, removed) = build_and_cut_the_last_record("unrecorded");
    let records = ledger(&data);
    let head = serde_json::json!({
        "records": records.len(),
        "hash": records.last().unwrap()["hash"],
    });
    std::fs::write(data.join("northwind/ledger.head"), format!("{head}\n")).unwrap();
    let report = verify_report(&data, &out);
    assert!(
        !report.contains("ledger.jsonl"),
        "the chain and head hold: {report}"
    );
    let names = removed["outputs"].as_object().unwrap();
    assert!(!names.is_empty());
    for name in names.keys() {
        assert!(
            report.lines().any(|l| l.starts_with("northwind: ")
                && l.contains(&format!("northwind/{name}"))
                && l.contains("no ledger record names")),
            "{name}: {report}"
        );
    }
}

#[test]
fn approve_refuses_the_preparer_and_unknown_actions() {
    let data = data_copy("preparer-data");
    let path = data.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "number = \"INV-2026-0461\"",
        "number = \"INV-2026-0461\"\nprepared_by = \"Ada Park (example)\"",
    );
    std::fs::write(&path, text).unwrap();
    let d = data.to_str().unwrap();
    let mut args = APPROVE_BILLING.to_vec();
    args.extend(["--data", d]);
    let run = docket(&args);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&run.stderr)
            .contains("prepared this invoice and may not approve it")
    );

    // With a recorded exception the approval goes through, and the report shows it.
    let manifest = data.join("northwind/approvals.toml");
    let mut m = std::fs::read_to_string(&manifest).unwrap();
    m.push_str("\n[[exception]]\nartifact = \"invoice\"\nperson = \"Ada Park (example)\"\nreason = \"Sole billing clerk (example)\"\ngranted_by = \"Dana Whitfield (example)\"\n");
    std::fs::write(&manifest, m).unwrap();
    docket_ok(&args);
    let check = docket_ok(&["check", "--data", d, "--json"]);
    let summary: Value = serde_json::from_slice(&check.stdout).unwrap();
    assert!(summary.to_string().contains("Sole billing clerk (example)"));

    let mut wrong = APPROVE_BILLING.to_vec();
    wrong[9] = "launch";
    wrong.extend(["--data", d]);
    let run = docket(&wrong);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("issue-invoice (gate billing)"));
}
