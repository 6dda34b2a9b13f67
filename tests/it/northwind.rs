//! The Northwind worked example (shared seed), end to end through the real binary: the
//! decisions the seed implies, routing, the handoff, golden Markdown, and the PDFs' own text
//! and page geometry.

use crate::common::*;
use serde_json::Value;

const EXPECTED: &[(&str, &str)] = &[
    ("brief", "final"),
    ("proposal", "final"),
    ("agreement", "final"),
    ("launch-checklist", "draft"),
    ("security-memo", "final"),
    ("health-scorecard", "blocked"),
    ("case-study", "blocked"),
    ("invoice", "draft"),
    ("credit-note", "blocked"),
    ("email-sequence", "draft"),
    ("envelope", "draft"),
    ("certificate", "blocked"),
    ("change-order", "draft"),
];

fn report() -> Value {
    read_json(&northwind_build().join("northwind/build-report.json"))
}

fn artifact<'a>(report: &'a Value, kind: &str) -> &'a Value {
    report["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == kind)
        .unwrap_or_else(|| panic!("no artifact {kind}"))
}

#[test]
fn decisions_are_those_the_seed_implies() {
    let report = report();
    for (kind, decision) in EXPECTED {
        assert_eq!(artifact(&report, kind)["decision"], *decision, "{kind}");
    }
}

#[test]
fn document_ids_come_from_the_seed() {
    let report = report();
    for (kind, id) in [
        ("brief", "DISC-2026-0117"),
        ("proposal", "PRO-2026-0188"),
        ("agreement", "ADSA-2026-0142"),
        ("security-memo", "SEC-2026-0090"),
        ("invoice", "INV-2026-0461"),
    ] {
        assert_eq!(artifact(&report, kind)["document_id"], id);
    }
}

#[test]
fn reasons_name_the_missing_approvals() {
    let report = report();
    let reasons = |kind: &str| artifact(&report, kind)["reasons"].to_string();
    assert!(reasons("launch-checklist").contains("conditional (R-03 open)"));
    assert!(reasons("invoice").contains("billing approval to issue-invoice"));
    assert!(reasons("case-study").contains("public_use"));
    assert!(reasons("health-scorecard").contains("security approval to launch"));
    assert!(reasons("email-sequence").contains("external_send"));
    assert!(reasons("envelope").contains("external_send"));
    let co = reasons("change-order");
    assert!(
        co.contains(
            "commercial approval to approve-change-order (scope refund-recommendations): requested"
        ),
        "{co}"
    );
    assert!(co.contains("track Security review is blocked"), "{co}");
    // The final memo records which approval and evidence made it final.
    let memo = artifact(&report, "security-memo");
    assert_eq!(memo["approvals_used"][0]["evidence"], "SEC-2026-0090");
    assert_eq!(memo["approvals_used"][0]["effective"], "conditional");
}

#[test]
fn blocked_artifacts_are_not_rendered() {
    let out = northwind_build().join("northwind");
    for (kind, decision) in EXPECTED {
        let exists =
            out.join(format!("{kind}.pdf")).exists() && out.join(format!("{kind}.md")).exists();
        assert_eq!(exists, *decision != "blocked", "{kind}");
    }
}

#[test]
fn open_questions_list_every_tbd() {
    let report = report();
    let questions: Vec<&str> = report["open_questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q.as_str().unwrap())
        .collect();
    for q in [
        "client_details.tax_id",
        "brief.current_process",
        "invoice.purchase_order",
        "change_order.id",
        "tracks[1].owner",
    ] {
        assert!(questions.contains(&q), "{q} missing from {questions:?}");
    }
}

#[test]
fn next_routes_to_security_review_then_delivery() {
    let out = docket_ok(&["next", "--engagement", "northwind", "--json"]);
    let route: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(route["lifecycle_stage"], "delivery");
    assert_eq!(
        route["next_skill"],
        serde_json::json!(["security-review", "delivery"])
    );
    assert_eq!(route["next_action"], "Close R-03, then run acceptance demo");
    assert_eq!(
        route["warnings"],
        serde_json::json!([]),
        "recorded next_skill agrees with routing"
    );
    assert_eq!(route["tracks"].as_array().unwrap().len(), 3);
}

#[test]
fn next_with_want_routes_to_the_requested_output() {
    let out = docket_ok(&["next", "-e", "northwind", "--want", "case-study", "--json"]);
    let route: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(route["target"], "case-study");
    assert_eq!(route["next_skill"], serde_json::json!(["case-study"]));
    let out = docket_ok(&["next", "-e", "northwind", "--want", "invoice", "--json"]);
    let route: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(route["next_skill"], serde_json::json!(["invoice"]));
}

#[test]
fn handoff_package_is_complete() {
    let h = read_json(&northwind_build().join("northwind/handoff.json"));
    assert_eq!(h["client"], "Northwind Trading Co.");
    assert_eq!(h["workflow"], "Support email triage agent");
    assert_eq!(h["lifecycle_stage"], "delivery");
    assert_eq!(
        h["next_skill"],
        serde_json::json!(["security-review", "delivery"])
    );
    assert_eq!(h["next_owner"], "CompleteTech delivery lead");
    let paths = h["artifact_paths"].to_string();
    assert!(paths.contains("northwind/invoice.pdf"));
    assert!(!paths.contains("case-study"));
    let approvals = h["approvals"].as_array().unwrap();
    let status = |gate: &str| {
        approvals
            .iter()
            .find(|a| a["gate"] == gate)
            .map(|a| a["effective"].clone())
    };
    assert_eq!(status("commercial").unwrap(), "approved");
    assert_eq!(status("security").unwrap(), "conditional");
    assert_eq!(status("external_send").unwrap(), "unknown");
    assert!(
        h["blockers"]
            .to_string()
            .contains("Security contact and refund-policy risk unknown")
    );
    assert!(!h["open_questions"].as_array().unwrap().is_empty());
    // `docket handoff --json` prints the same package without building.
    let copy = data_copy("handoff-printed");
    let printed: Value = serde_json::from_slice(
        &docket_ok(&[
            "handoff",
            "--data",
            copy.to_str().unwrap(),
            "-e",
            "northwind",
            "--json",
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(printed["decisions"], h["decisions"]);
    let md = std::fs::read_to_string(northwind_build().join("northwind/handoff.md")).unwrap();
    assert!(
        md.contains("| next_action | Close R-03, then run acceptance demo |"),
        "{md}"
    );
}

/// Golden Markdown: the reviewed files in tests/golden/northwind (every artifact and the
/// handoff). Regenerate with
/// `UPDATE_GOLDEN=1 cargo test --test it northwind::` and review the diff (the
/// before-instances golden has its own variable, `UPDATE_BEFORE_INSTANCES`).
#[test]
fn markdown_matches_golden_files() {
    let out = northwind_build().join("northwind");
    let golden = root().join("tests/golden/northwind");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let actual = std::fs::read_to_string(out.join(&name)).unwrap();
        let path = golden.join(&name);
        if update {
            std::fs::create_dir_all(&golden).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!(
                "missing golden {}; run with UPDATE_GOLDEN=1",
                path.display()
            )
        });
        assert_eq!(actual, expected, "{name} differs from its golden file");
    }
}

#[test]
fn every_pdf_has_its_page_size_and_draft_marks() {
    let out = northwind_build().join("northwind");
    let report = report();
    for (kind, decision) in EXPECTED.iter().filter(|(_, d)| *d != "blocked") {
        let pdf = out.join(format!("{kind}.pdf"));
        let sizes = pdf_page_sizes(&pdf);
        assert!(!sizes.is_empty(), "{kind} has pages");
        let expected = if *kind == "envelope" {
            (684.0, 297.0)
        } else {
            (612.0, 792.0)
        };
        for (w, h) in &sizes {
            assert!(
                (w - expected.0).abs() < 0.5 && (h - expected.1).abs() < 0.5,
                "{kind}: page {w}x{h}"
            );
        }
        let pages = pdf_pages(&pdf);
        assert_eq!(pages.len(), sizes.len());
        for (i, text) in pages.iter().enumerate() {
            assert_eq!(
                text.contains("DRAFT"),
                *decision == "draft",
                "{kind} page {}: {text}",
                i + 1
            );
        }
        let id = artifact(&report, kind)["document_id"]
            .as_str()
            .unwrap()
            .to_string();
        let all = pages.concat();
        if *kind == "envelope" {
            assert!(
                all.contains("SEATTLE WA  98101-2345") || all.contains("SEATTLE WA 98101-2345"),
                "{all}"
            );
            assert!(all.contains("1200 HARBOR BLVD FL 4"), "{all}");
        } else {
            // The header repeats the document id and client on every page.
            for text in &pages {
                assert!(text.contains(&id), "{kind}: {id} not in {text}");
                assert!(text.contains("Northwind Trading Co."), "{kind}");
            }
        }
    }
}

#[test]
fn pdf_text_carries_the_facts() {
    let out = northwind_build().join("northwind");
    let text = |kind: &str| pdf_pages(&out.join(format!("{kind}.pdf"))).concat();
    let invoice = text("invoice");
    for needle in [
        "INV-2026-0461",
        "ADSA-2026-0142",
        "24,900.00",
        "7,200.00",
        "17,700.00",
        "billing approval to issue-invoice",
    ] {
        assert!(invoice.contains(needle), "invoice PDF lacks {needle}");
    }
    let memo = text("security-memo");
    assert!(memo.contains("Conditional GO") && memo.contains("R-03"));
    let co = text("change-order");
    assert!(co.contains("refund-recommendations") && co.contains("TBD"));
}

#[test]
fn rebuilds_are_byte_identical() {
    // Two runs into the same folder, with different thread counts: every output the same.
    let out = temp_dir("northwind-twice");
    let snapshot = |dir: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(|e| e.ok())
            // Build manifests and the rows cache record file times: bookkeeping, not output.
            .filter(|e| {
                e.file_type().is_file()
                    && !docket::output::is_bookkeeping(&e.file_name().to_string_lossy())
            })
            .map(|e| {
                (
                    e.path().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let data = data_copy("twice-data");
    let data = data.to_str().unwrap();
    docket_ok(&[
        "build",
        "--data",
        data,
        "--out",
        out.to_str().unwrap(),
        "--jobs",
        "2",
    ]);
    let first = snapshot(&out);
    std::fs::remove_dir_all(&out).unwrap();
    docket_ok(&[
        "build",
        "--data",
        data,
        "--out",
        out.to_str().unwrap(),
        "--jobs",
        "1",
    ]);
    let second = snapshot(&out);
    assert_eq!(first.len(), second.len());
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        assert!(a == b, "{name} differs between builds");
    }
}

#[test]
fn check_writes_nothing() {
    let out = temp_dir("check");
    let run = docket_ok(&["check", "--out", out.to_str().unwrap(), "--json"]);
    let summary: Value = serde_json::from_slice(&run.stdout).unwrap();
    // data/northwind: case study, credit note, certificate and a scorecard per quarter.
    assert_eq!(summary["counts"]["blocked"], 5);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
}
