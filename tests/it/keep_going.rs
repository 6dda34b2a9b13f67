//! `docket build --keep-going`, so that one bad engagement no longer stops the batch: in a
//! batch with invalid engagements among valid ones, the valid ones are built, each invalid
//! one is listed with its located error and keeps its previous outputs byte for byte, and
//! the exit status is 1. Without the flag nothing at all is written, as before.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;
use serde_json::Value;

/// Every file under `dir` (relative path to bytes), build manifests and ledgers included:
/// "untouched" means every byte docket keeps for an engagement.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    let mut all: Vec<String> = v
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    all.sort();
    all
}

/// Edits one engagement's file in place, insisting the text to replace is there.
fn edit(data: &Path, id: &str, from: &str, to: &str) {
    let path = data.join(id).join("engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{id}: no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The line (1-based) of the first line of an engagement's file that contains `needle`.
fn line_of(data: &Path, id: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(data.join(id).join("engagement.toml")).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn keep_going_builds_the_valid_engagements_and_lists_the_invalid_ones() {
    let data = temp_dir("keep-going-data");
    let out = temp_dir("keep-going-out");
    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());
    docket_ok(&["gen-fixtures", "5", "--out", d]);
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "--data", d, "--out", o, "--only", "invoice"];
        args.extend_from_slice(extra);
        docket(&args)
    };

    // An earlier build of valid data: every engagement has outputs. With nothing invalid,
    // --keep-going is an ordinary build (exit 0, nothing failed).
    let first = build(&["--keep-going", "--json"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let first: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(first["failed"], Value::Array(Vec::new()));
    let all_rendered = strings(&first["rendered"]);
    let (bad_date, bad_address) = ("client-00001", "client-00003");
    let valid_rendered: Vec<String> = all_rendered
        .iter()
        .filter(|r| !r.starts_with(bad_date) && !r.starts_with(bad_address))
        .cloned()
        .collect();
    assert!(valid_rendered.len() >= 2, "{all_rendered:?}");
    let before_bad = [bad_date, bad_address].map(|id| (tree(&out.join(id)), tree(&data.join(id))));
    assert!(before_bad.iter().all(|(o, _)| !o.is_empty()));

    // Two engagements go bad: a date that does not exist, and an envelope address that
    // cannot be printed (its sender's state is no state).
    edit(
        &data,
        bad_date,
        "as_of = \"2026-11-24\"",
        "as_of = \"2026-11-31\"",
    );
    edit(
        &data,
        bad_address,
        "\"Suite 210\"]\ncity = \"Portland\"\nregion = \"OR\"",
        "\"Suite 210\"]\ncity = \"Portland\"\nregion = \"XX\"",
    );
    let date_line = line_of(&data, bad_date, "as_of =");
    let region_line = line_of(&data, bad_address, "region = \"XX\"");

    // Without --keep-going: exit 1 on the first invalid engagement, nothing written at all.
    let everything = tree(&out);
    let strict = build(&["--force"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    assert!(
        stderr(&strict).contains("invalid data at"),
        "{}",
        stderr(&strict)
    );
    assert!(
        tree(&out) == everything,
        "a failed build without --keep-going wrote files"
    );

    // With it: every valid engagement rendered, the two invalid ones listed with their
    // located errors, their outputs (and ledgers) untouched, exit 1.
    let run = build(&["--force", "--keep-going", "--json"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("2 invalid engagement(s) not built"),
        "{}",
        stderr(&run)
    );
    // With --json, stdout is one object: the error (code not-built) and, beside it, the
    // summary of what was built.
    let printed: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(printed["error"]["code"], "not-built");
    let summary = &printed["result"];
    assert_eq!(strings(&summary["rendered"]), valid_rendered);
    let failed = summary["failed"].as_array().unwrap();
    let ids: Vec<&str> = failed
        .iter()
        .map(|f| f["engagement"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [bad_date, bad_address]);
    let expect = [
        (bad_date, date_line, "as_of", "2026-11-31"),
        (
            bad_address,
            region_line,
            "addresses.provider.region",
            "\"XX\" is not valid for US",
        ),
    ];
    for (f, (id, line, field, says)) in failed.iter().zip(expect) {
        let error = f["error"].as_str().unwrap();
        let file = format!("{id}/engagement.toml:{line}:");
        assert!(error.contains(&file), "{id}: expected {file} in {error}");
        assert!(error.contains(field), "{id}: expected {field} in {error}");
        assert!(error.contains(says), "{id}: expected {says:?} in {error}");
        assert_eq!(f["location"]["line"], line, "{f}");
        assert_eq!(f["location"]["field"], field, "{f}");
    }
    for (id, (out_before, data_before)) in [bad_date, bad_address].iter().zip(&before_bad) {
        assert!(&tree(&out.join(id)) == out_before, "{id}: outputs changed");
        let mut data_now = tree(&data.join(id));
        data_now.remove("engagement.toml");
        let mut data_then = data_before.clone();
        data_then.remove("engagement.toml");
        assert!(data_now == data_then, "{id}: ledger or approvals changed");
    }

    // The human summary says the same on stderr: each invalid engagement with its error.
    let human = build(&["--keep-going"]);
    assert_eq!(human.status.code(), Some(1));
    let err = stderr(&human);
    for id in [bad_date, bad_address] {
        assert!(
            err.contains(&format!("not built: {id}: invalid data at ")),
            "{err}"
        );
    }
    assert!(err.contains("2 invalid engagement(s) not built"), "{err}");
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
