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

/// The Northwind example built once per test binary; returns the output folder.
pub fn northwind_build() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = temp_dir("northwind");
        docket_ok(&["build", "--data", "data", "--out", out.to_str().unwrap()]);
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

/// The body text of a PDF (every page, in content order), decoded the way a PDF reader
/// copies text: each font's ToUnicode map, and the `/ActualText` of marked-content spans
/// (Typst writes one for every glyph whose text the font map cannot hold, such as each
/// character drawn with the missing-glyph box). Page furniture (header, footer, the DRAFT
/// watermark: content marked `/Artifact`) is left out, so a paragraph that runs onto the next
/// page reads as one. pdf-extract knows neither ActualText nor artifacts, hence this.
pub fn pdf_body_text(path: &Path) -> String {
    use lopdf::Object;
    let doc = lopdf::Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    for (_, page) in doc.get_pages() {
        let mut maps: std::collections::BTreeMap<Vec<u8>, std::collections::BTreeMap<u32, String>> =
            Default::default();
        for (name, font) in doc.get_page_fonts(page).expect("fonts") {
            let map = font
                .get(b"ToUnicode")
                .and_then(Object::as_reference)
                .and_then(|id| doc.get_object(id))
                .and_then(Object::as_stream)
                .ok()
                .and_then(|s| {
                    s.decompressed_content()
                        .ok()
                        .or_else(|| Some(s.content.clone()))
                })
                .map(|cmap| parse_to_unicode(&String::from_utf8_lossy(&cmap)))
                .unwrap_or_default();
            maps.insert(name, map);
        }
        let content = doc.get_page_content(page).expect("content");
        let ops = lopdf::content::Content::decode(&content)
            .expect("decode content")
            .operations;
        let mut font: Vec<u8> = Vec::new();
        // Marked content: (is an artifact, has ActualText).
        let mut marks: Vec<(bool, bool)> = Vec::new();
        let hidden = |marks: &[(bool, bool)]| marks.iter().any(|&(a, t)| a || t);
        let show = |bytes: &[u8], font: &[u8], out: &mut String| {
            let map = maps.get(font);
            for code in bytes.chunks(2) {
                let code = code.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
                if let Some(t) = map.and_then(|m| m.get(&code)) {
                    out.push_str(t);
                }
            }
        };
        for op in ops {
            match op.operator.as_str() {
                "Tf" => {
                    if let Some(Ok(name)) = op.operands.first().map(Object::as_name) {
                        font = name.to_vec();
                    }
                }
                "BMC" => marks.push((
                    op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact"),
                    false,
                )),
                "BDC" => {
                    let artifact =
                        op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact");
                    let actual = op
                        .operands
                        .get(1)
                        .and_then(|o| o.as_dict().ok())
                        .and_then(|d| d.get(b"ActualText").ok())
                        .and_then(|o| o.as_str().ok())
                        .map(utf16_text);
                    if let Some(actual) = &actual
                        && !artifact
                        && !hidden(&marks)
                    {
                        text.push_str(actual);
                    }
                    marks.push((artifact, actual.is_some()));
                }
                "EMC" => {
                    marks.pop();
                }
                "Tj" | "'" | "\"" if !hidden(&marks) => {
                    if let Some(Object::String(bytes, _)) = op.operands.last() {
                        show(bytes, &font, &mut text);
                    }
                }
                "TJ" if !hidden(&marks) => {
                    if let Some(Ok(items)) = op.operands.first().map(Object::as_array) {
                        for item in items {
                            if let Object::String(bytes, _) = item {
                                show(bytes, &font, &mut text);
                            }
                        }
                    }
                }
                "ET" => text.push(' '),
                _ => {}
            }
        }
        text.push('\n');
    }
    text
}

/// A PDF text string: UTF-16BE after a byte-order mark, else bytes as Latin-1.
fn utf16_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// The `bfchar` and `bfrange` entries of a ToUnicode CMap.
fn parse_to_unicode(cmap: &str) -> std::collections::BTreeMap<u32, String> {
    let hex = |s: &str| -> Vec<u8> {
        let s = s.trim().trim_start_matches('<').trim_end_matches('>');
        (0..s.len() / 2)
            .filter_map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok())
            .collect()
    };
    let code = |s: &str| {
        hex(s)
            .iter()
            .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
    };
    let mut map = std::collections::BTreeMap::new();
    let mut section = "";
    for line in cmap.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            section = "char";
            continue;
        }
        if line.ends_with("beginbfrange") {
            section = "range";
            continue;
        }
        if line.starts_with("end") {
            section = "";
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        match (section, parts.as_slice()) {
            ("char", [src, dst]) => {
                map.insert(
                    code(src),
                    utf16_text(&[&[0xFE, 0xFF][..], &hex(dst)].concat()),
                );
            }
            ("range", [lo, hi, dst]) if dst.starts_with('<') => {
                let (lo, hi) = (code(lo), code(hi));
                let start = hex(dst);
                let base = start.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
                for (i, c) in (lo..=hi).enumerate() {
                    if let Some(ch) = char::from_u32(base + i as u32) {
                        map.insert(c, ch.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    map
}
