//! Fuzz target: the data loader never panics, whatever the bytes.
//!
//! The first byte picks what the rest is parsed as (engagement, approvals or rules; TOML or
//! JSON), exactly as `docket build` parses and validates it (`load::from_sources`). Errors
//! are expected; they are formatted (which locates them) and dropped. A panic, an abort, a
//! stack overflow or a timeout is a finding.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use docket_fuzz::load::{self, SourceFile};
use docket_fuzz::model::{Manifest, Rules};
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let source = SourceFile {
            path: PathBuf::from("rules.toml"),
            text: load::DEFAULT_RULES.to_string(),
        };
        load::parse(&source).expect("built-in rules parse")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let ext = if selector & 1 == 0 { "toml" } else { "json" };
    let source = |stem: &str| SourceFile {
        path: PathBuf::from(format!("{stem}.{ext}")),
        text: text.to_string(),
    };
    let message = match (selector >> 1) % 3 {
        0 => load::from_sources(Path::new("e"), source("engagement"), None, rules())
            .err()
            .map(|e| e.to_string()),
        1 => load::parse::<Manifest>(&source("approvals"))
            .err()
            .map(|e| e.to_string()),
        _ => load::parse::<Rules>(&source("rules"))
            .err()
            .map(|e| e.to_string()),
    };
    let _ = message;
    // Locating fields in arbitrary text must not panic either.
    for field in [
        "id",
        "invoice.lines[1].quantity",
        "tracks[0].status",
        "a..b[x][",
    ] {
        let _ = load::locate(&source("engagement"), field);
    }
});
