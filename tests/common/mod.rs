//! Shared helpers of the integration tests: run the real binary, read its outputs.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

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

/// A fresh temporary folder that lives as long as the test process.
pub fn temp_dir(name: &str) -> PathBuf {
    tempfile::Builder::new()
        .prefix(&format!("docket-{name}-"))
        .tempdir()
        .expect("temp dir")
        .keep()
}

/// A private copy of the example data folder: builds append to the ledger kept with the
/// data, so tests never build the repository's own `data/`.
pub fn data_copy(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    copy_dir(&root().join("data"), &dir);
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.expect("walk");
        if entry.file_name() == "ledger.jsonl" {
            std::fs::remove_file(entry.path()).expect("remove ledger");
        }
    }
    dir
}

/// The Northwind example built once per test binary; returns the output folder.
pub fn northwind_build() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let data = data_copy("northwind-data");
        let out = temp_dir("northwind");
        docket_ok(&[
            "build",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        out
    })
}

/// Parses a JSON file.
pub fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

/// The text of each page of a PDF, extracted from the file itself.
pub fn pdf_pages(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("extract PDF text")
}

/// Width and height in points of every page of a PDF (its MediaBox).
pub fn pdf_page_sizes(path: &Path) -> Vec<(f32, f32)> {
    let doc = lopdf::Document::load(path).expect("load PDF");
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_dictionary(id).expect("page dict");
            let mb = page
                .get(b"MediaBox")
                .expect("MediaBox")
                .as_array()
                .expect("array");
            let n = |o: &lopdf::Object| {
                o.as_float()
                    .or_else(|_| o.as_i64().map(|i| i as f32))
                    .expect("number")
            };
            (n(&mb[2]) - n(&mb[0]), n(&mb[3]) - n(&mb[1]))
        })
        .collect()
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

/// The text a Markdown reader shows (all text events joined).
pub fn markdown_text(md: &str) -> String {
    pulldown_cmark::Parser::new_ext(
        md,
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH,
    )
    .filter_map(|e| match e {
        pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => Some(t.to_string()),
        pulldown_cmark::Event::SoftBreak => Some(" ".to_string()),
        _ => None,
    })
    .collect()
}
