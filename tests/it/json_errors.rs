//! With `--json`, every failure is one JSON object on stdout, `{"error": {"code", "message",
//! "file", "line", "column", "field", "expected", "hint"}}`, with the exit status as without
//! it: what a program calling docket acts on instead of English on stderr.

use std::process::Output;

use crate::common::*;
use serde_json::Value;

/// The error object of a failed run, checked for shape and exit status.
fn error_of(out: &Output, status: i32) -> Value {
    assert_eq!(
        out.status.code(),
        Some(status),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON document ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    let error = &value["error"];
    for key in [
        "code", "message", "file", "line", "column", "field", "expected", "hint",
    ] {
        assert!(error.get(key).is_some(), "no `{key}` in {value}");
    }
    value
}

#[test]
fn invalid_data_is_a_located_error_object() {
    let data = data_copy("json-invalid");
    let path = data.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("as_of = \"2026-11-24\"", "as_of = \"24 Nov 2026\""),
    )
    .unwrap();
    for command in ["check", "build", "next", "handoff"] {
        let out = docket(&[
            command,
            "--json",
            "--data",
            data.to_str().unwrap(),
            "--out",
            temp_dir("json-invalid-out").to_str().unwrap(),
        ]);
        let value = error_of(&out, 1);
        let e = &value["error"];
        assert_eq!(e["code"], "invalid-data", "{command}: {value}");
        assert!(e["file"].as_str().unwrap().ends_with("engagement.toml"));
        assert!(e["line"].as_u64().is_some(), "{value}");
        assert_eq!(e["field"], "as_of");
        assert!(
            e["expected"].as_str().unwrap().contains("YYYY-MM-DD"),
            "{value}"
        );
    }
}

#[test]
fn usage_errors_are_error_objects_with_exit_2() {
    // One clap rejects, one docket rejects.
    let value = error_of(&docket(&["build", "--json", "--shard", "9/2"]), 2);
    assert_eq!(value["error"]["code"], "usage");
    let value = error_of(&docket(&["check", "--json", "-e", "nowhere"]), 2);
    assert_eq!(value["error"]["code"], "usage");
    assert!(
        value["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nowhere")
    );
}

#[test]
fn a_refusal_is_an_error_object() {
    let data = data_copy("json-refused");
    let value = error_of(
        &docket(&[
            "new",
            "northwind",
            "--json",
            "--data",
            data.to_str().unwrap(),
        ]),
        1,
    );
    assert_eq!(value["error"]["code"], "refused");
}

#[test]
fn a_lock_held_by_another_build_is_an_error_object() {
    let out = temp_dir("json-locked");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(out.join(".docket.lock"))
        .unwrap();
    lock.lock().unwrap();
    let data = data_copy("json-locked-data");
    let value = error_of(
        &docket(&[
            "build",
            "--json",
            "--force",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]),
        1,
    );
    assert_eq!(value["error"]["code"], "locked");
    assert!(
        value["error"]["file"]
            .as_str()
            .unwrap()
            .ends_with(".docket.lock")
    );
    drop(lock);
}

#[test]
fn verify_failures_keep_their_findings_beside_the_error() {
    let data = data_copy("json-verify");
    let out = temp_dir("json-verify-out");
    let d = data.to_str().unwrap();
    let o = out.to_str().unwrap();
    let approvals = data.join("northwind/approvals.toml");
    let text = std::fs::read_to_string(&approvals).unwrap();
    std::fs::write(&approvals, format!("{text}{BILLING}")).unwrap();
    docket_ok(&["build", "--data", d, "--out", o]);
    let pdf = out.join("northwind/invoice.pdf");
    let mut bytes = std::fs::read(&pdf).unwrap();
    bytes.push(b'\n');
    std::fs::write(&pdf, bytes).unwrap();
    let value = error_of(&docket(&["verify", "--json", "--data", d, "--out", o]), 1);
    assert_eq!(value["error"]["code"], "verify-failed");
    assert!(
        value["result"].to_string().contains("invoice.pdf"),
        "{value}"
    );
}

#[test]
fn new_writes_an_engagement_that_check_accepts() {
    for json_data in [false, true] {
        let data = temp_dir("new-engagement");
        evidence_rules(&data);
        let d = data.to_str().unwrap();
        let mut args = vec!["new", "acme-pilot", "--data", d, "--json"];
        if json_data {
            args.push("--json-data");
        }
        let out = docket_ok(&args);
        let written: Value = serde_json::from_slice(&out.stdout).unwrap();
        // The engagement and its manifest, and (the folder had none) an empty roster.
        let files = written["files"].to_string();
        assert_eq!(written["files"].as_array().unwrap().len(), 3, "{files}");
        assert!(files.contains("approvers.toml"), "{files}");
        let ext = if json_data { "json" } else { "toml" };
        assert!(data.join(format!("acme-pilot/engagement.{ext}")).is_file());
        let check = docket_ok(&["check", "--json", "--data", d]);
        let summary: Value = serde_json::from_slice(&check.stdout).unwrap();
        let report = &summary["engagements"][0];
        assert_eq!(report["engagement"], "acme-pilot");
        // Nothing invented: every fact TBD, every approval unknown, nothing final.
        assert!(report["open_questions"].as_array().unwrap().len() >= 10);
        assert_eq!(summary["counts"]["final_"], 0);
        assert!(
            report["approvals"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| a["recorded"] == "unknown")
        );
    }
    // An id that cannot be a folder name is a usage error.
    let data = temp_dir("new-bad-id");
    let value = error_of(
        &docket(&[
            "new",
            "../escape",
            "--json",
            "--data",
            data.to_str().unwrap(),
        ]),
        2,
    );
    assert_eq!(value["error"]["code"], "usage");
}

#[test]
fn new_fills_in_the_client_it_is_told() {
    let data = temp_dir("new-client");
    evidence_rules(&data);
    let d = data.to_str().unwrap();
    docket_ok(&["new", "acme", "--client", "Acme Corp", "--data", d]);
    let text = std::fs::read_to_string(data.join("acme/engagement.toml")).unwrap();
    assert!(text.contains("client = \"Acme Corp\""), "{text}");
    let check = docket_ok(&["check", "--json", "--data", d]);
    let summary: Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(summary["engagements"][0]["client"], "Acme Corp");
    // Data is never code: a hostile name is written as a string, read back literally.
    let hostile = "Acme \"}}{{ x }} #read(\"/etc/passwd\")";
    docket_ok(&["new", "evil", "--client", hostile, "--data", d]);
    let check = docket_ok(&["check", "--json", "-e", "evil", "--data", d]);
    let summary: Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(summary["engagements"][0]["client"], hostile);
}
