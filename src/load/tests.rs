//! Unit tests of `load`.

use super::*;

#[test]
fn locating_in_invalid_toml_does_not_panic() {
    // Fuzz finding (fuzz/seeds/load/regression-toml-edit-span): toml_edit panicked with
    // "all items have spans" on this text.
    let source = SourceFile {
        path: PathBuf::from("engagement.toml"),
        text: "=={\n.".to_string(),
    };
    let at = locate(&source, "invoice.lines[1].quantity");
    assert_eq!((at.line, at.column), (None, None));
    assert!(parse::<Engagement>(&source).is_err());
}
