//! Running the real binary: the tests drive `docket` as a user does, from the crate root
//! (so `data/`, `templates/` and `fonts/` resolve), on private copies of the fixtures
//! (builds append to the ledger kept with the data, so no test builds a folder of the
//! repository in place), and build with one helper whose options say what differs.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

/// A billing approval with approver, actions and evidence, to append to an approvals.toml:
/// it clears invoices and credit notes.
pub const BILLING: &str = r#"
[[approval]]
gate = "billing"
status = "approved"
approver = { name = "Ada Park (example)", role = "Accounts payable lead" }
actions = ["issue-invoice", "issue-credit-note"]
evidence = "Billing approval email (example)"
"#;

/// Approvals that let Northwind's email sequence and envelopes be final: external send,
/// verified recipient, and the security review of external sends.
pub const SEND: &str = r#"
[[approval]]
gate = "external_send"
status = "approved"
approver = { name = "Dana Whitfield (example)", role = "Client sponsor" }
actions = ["send-email", "send-mail"]
evidence = "Sponsor approved the mailing, 2026-11-30 (example)"

[[approval]]
gate = "security"
status = "approved"
approver = { name = "Sam Okafor (example)", role = "CompleteTech security reviewer" }
actions = ["external-send"]
evidence = "SEC-2026-0091: mailing and email reviewed (example)"

[[approval]]
gate = "recipient"
status = "approved"
approver = { name = "Dana Whitfield (example)", role = "Client sponsor" }
actions = ["verify-recipient"]
evidence = "Recipient and address confirmed by the sponsor (example)"
"#;

/// The crate root (tests run the binary from here so `data/`, `templates/`, `fonts/` resolve).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `docket ARGS` from the crate root.
pub fn docket(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_docket"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run docket")
}

/// Runs docket and insists on success.
pub fn docket_ok(args: &[&str]) -> Output {
    let out = docket(args);
    assert!(
        out.status.success(),
        "docket {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    out
}

/// Builds only one artifact kind of `data` into `out` and insists on success.
pub fn build_only(data: &Path, out: &Path, kind: &str) -> Output {
    docket_ok(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--only",
        kind,
    ])
}

/// Replaces the first `from` in a file with `to`, insisting it is there.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Appends text to a file.
pub fn append(path: &Path, more: &str) {
    let mut text = std::fs::read_to_string(path).unwrap();
    text.push_str(more);
    std::fs::write(path, text).unwrap();
}

/// Builds `data` into `out`.
pub fn build(data: &Path, out: &Path) -> Output {
    docket(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

/// Builds `data` into `out` and insists on success.
pub fn build_ok(data: &Path, out: &Path) {
    let run = build(data, out);
    assert!(
        run.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// A fresh temporary folder that lives as long as the test process.
pub fn temp_dir(name: &str) -> PathBuf {
    tempfile::Builder::new()
        .prefix(&format!("docket-{name}-"))
        .tempdir()
        .expect("temp dir")
        .keep()
}

/// The Northwind engagement as it was before an engagement could hold many documents of a
/// kind (one `[invoice]`, one of each): the folder most tests build, and the proof that a
/// folder written then builds unchanged. `data/northwind` is its whole life since.
pub const NORTHWIND: &str = "tests/fixtures/before-instances/northwind";

/// The data folder holding [`NORTHWIND`] (the built-in rules apply: it has no rules.toml).
pub const BEFORE_INSTANCES: &str = "tests/fixtures/before-instances";

/// A private copy of a data folder holding the rules and the Northwind of [`NORTHWIND`]:
/// builds append to the ledger kept with the data, so tests never build the repository's
/// own `data/`.
pub fn data_copy(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    evidence_rules(&dir);
    copy_dir(&root().join(NORTHWIND), &dir.join("northwind"));
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.expect("walk");
        // The record belongs to whoever built the repository's data (a developer's
        // `cargo run -- build`): a copy starts with none.
        let name = entry.file_name();
        if name == "ledger.jsonl" || name == "ledger.head" || name == ".docket-record.lock" {
            std::fs::remove_file(entry.path()).expect("remove the record");
        }
    }
    dir
}

/// Writes the built-in rules into `dir` with `trust = "evidence"`: the folder was written
/// before signed approvals (its approvals name people but carry no signatures), so it opts
/// out, as an existing folder does (`signing.rs` tests the signed example).
pub fn evidence_rules(dir: &Path) {
    let rules = std::fs::read_to_string(root().join("data/rules.toml")).expect("rules");
    assert!(rules.contains("trust = \"signed\""));
    std::fs::write(
        dir.join("rules.toml"),
        rules.replace("trust = \"signed\"", "trust = \"evidence\""),
    )
    .expect("write rules");
}

/// Builds `data` into a new output folder named after `name`; returns the folder.
pub fn build_new(data: &Path, name: &str) -> PathBuf {
    let out = temp_dir(name);
    docket_ok(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    out
}

/// The Northwind example built once per test binary; returns the output folder.
pub fn northwind_build() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| build_new(&data_copy("northwind-data"), "northwind"))
}

/// Parses a JSON file.
pub fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

/// Copies a folder tree (fixtures are edited in a copy, never in place).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
