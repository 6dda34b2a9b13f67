//! The Typst sandbox: documents read nothing but the templates and fonts docket loaded,
//! download nothing, and `today()` is fixed.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::*;

/// A copy of the templates folder, with the house style's (`_house.typ`) body edited by `edit`.
fn templates(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = temp_dir(name);
    copy_dir(&root().join("templates"), &dir);
    let path = dir.join("_house.typ");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    dir
}

/// The brief of a private copy of the data, built with `templates` and extra env into a new
/// output folder: the build's output (success or not) and the folder.
fn build_brief(templates: &Path, env: &[(&str, &str)]) -> (Output, PathBuf) {
    let out = temp_dir("sandbox-out");
    // A private copy of the data: builds append to the ledger kept with it.
    let data = data_copy("sandbox-data");
    let run = Build::new(&data)
        .only("brief")
        .templates(templates)
        .out(&out)
        .env_remove("SOURCE_DATE_EPOCH")
        .envs(env)
        .run();
    (run, out)
}

/// Puts `code` at the start of every document's body.
fn with_body_code(code: &str) -> impl Fn(String) -> String + '_ {
    move |t: String| t.replacen("  body\n}", &format!("  [{code}]\n  body\n}}"), 1)
}

#[test]
fn a_template_cannot_read_files_outside_the_sandbox() {
    for code in [
        "#read(\"/etc/passwd\")",
        "#read(\"../../../../etc/passwd\")",
        "#read(\"/../Cargo.toml\")",
        "#image(\"/fonts/Inter-Regular.otf\")",
    ] {
        let dir = templates("read", with_body_code(code));
        let (run, out) = build_brief(&dir, &[]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{code}: {err}");
        assert!(
            err.contains("typesetting northwind/brief failed"),
            "{code}: {err}"
        );
        assert!(!out.join("northwind/brief.pdf").exists());
    }
}

#[test]
fn packages_are_never_downloaded() {
    let dir = templates("package", |t| {
        format!("#import \"@preview/cetz:0.3.0\": canvas\n{t}")
    });
    let (run, _) = build_brief(&dir, &[]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("packages are disabled"), "{err}");
}

#[test]
fn a_symlink_out_of_the_templates_folder_is_refused() {
    let dir = temp_dir("symlink");
    copy_dir(&root().join("templates"), &dir);
    std::os::unix::fs::symlink("/etc/passwd", dir.join("passwd.typ")).unwrap();
    let (run, out) = build_brief(&dir, &[]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(3), "{err}");
    assert!(
        err.contains("passwd.typ leads to /etc/passwd, outside"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);

    // A symlink that stays inside the folder is followed.
    let dir = temp_dir("symlink-inside");
    copy_dir(&root().join("templates"), &dir);
    std::fs::rename(dir.join("brief.md"), dir.join("brief-real.md")).unwrap();
    std::os::unix::fs::symlink(dir.join("brief-real.md"), dir.join("brief.md")).unwrap();
    let (run, _) = build_brief(&dir, &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn today_is_the_document_date_or_source_date_epoch() {
    let dir = templates(
        "today",
        with_body_code("TODAY-#datetime.today().display()-TODAY"),
    );
    let (run, out) = build_brief(&dir, &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = pdf_body_text(&out.join("northwind/brief.pdf"));
    assert!(
        text.contains("TODAY-2026-01-20-TODAY"),
        "the brief's date: {text}"
    );

    let (run, out) = build_brief(&dir, &[("SOURCE_DATE_EPOCH", "1767225600")]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = pdf_body_text(&out.join("northwind/brief.pdf"));
    assert!(
        text.contains("TODAY-2026-01-01-TODAY"),
        "SOURCE_DATE_EPOCH: {text}"
    );
}
