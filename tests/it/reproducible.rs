//! Reproducible output: the same inputs give the same bytes, whatever the folder, the thread
//! count or the process, and `SOURCE_DATE_EPOCH` pins the only date a PDF may record.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;
use sha2::{Digest, Sha256};

/// SHA-256 of every file under `out`, by relative path.
fn digests(out: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(|e| e.ok())
        // Build manifests and the rows cache record file times: bookkeeping, not output.
        .filter(|e| {
            e.file_type().is_file()
                && !docket::output::is_bookkeeping(&e.file_name().to_string_lossy())
        })
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap().display().to_string();
            (
                rel,
                hex::encode(Sha256::digest(std::fs::read(e.path()).unwrap())),
            )
        })
        .collect()
}

/// Builds the example into `<dir>/out` from `dir`, with `jobs` threads and extra env;
/// returns the digests of what it wrote.
fn build_digests(dir: &Path, jobs: &str, env: &[(&str, &str)]) -> BTreeMap<String, String> {
    std::fs::create_dir_all(dir).unwrap();
    // A private copy: builds append to the ledger kept with the data.
    Build::new(data_copy("repro-data"))
        .templates(root().join("templates"))
        .fonts(root().join("fonts"))
        .args(["--out", "out", "--jobs", jobs])
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .envs(env)
        .run_ok();
    digests(&dir.join("out"))
}

#[test]
fn two_builds_in_separate_processes_and_folders_have_the_same_digests() {
    let base = temp_dir("digests");
    let first = build_digests(&base.join("one"), "1", &[]);
    let second = build_digests(&base.join("two"), "2", &[]);
    assert!(first.keys().any(|k| k.ends_with(".pdf")));
    assert_eq!(first, second);
    for (name, digest) in &first {
        eprintln!("{digest}  {name}");
    }
}

#[test]
fn source_date_epoch_pins_the_pdf_date_reproducibly() {
    let base = temp_dir("epoch");
    let env = [("SOURCE_DATE_EPOCH", "1767225600")]; // 2026-01-01T00:00:00Z
    let first = build_digests(&base.join("one"), "2", &env);
    let second = build_digests(&base.join("two"), "1", &env);
    assert_eq!(first, second);
    let plain = build_digests(&base.join("plain"), "2", &[]);
    for name in first.keys() {
        // Only the PDFs record a date; Markdown and reports do not change.
        assert_eq!(first[name] != plain[name], name.ends_with(".pdf"), "{name}");
    }
    let pdf = std::fs::read(base.join("one/out/northwind/brief.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("20260101000000"),
        "the PDF records SOURCE_DATE_EPOCH"
    );
    let plain_pdf = std::fs::read(base.join("plain/out/northwind/brief.pdf")).unwrap();
    assert!(!String::from_utf8_lossy(&plain_pdf).contains("CreationDate"));

    let run = Build::default_data()
        .out(base.join("bad"))
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .run();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("SOURCE_DATE_EPOCH"));
}
