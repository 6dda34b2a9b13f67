//! Names in the world's writing systems (Unicode's scripts: Latin, Arabic, Hebrew, Han):
//! what the fonts in `fonts/` have prints with real glyphs (the PDF uses no box font for it
//! and its text extracts as written); what they lack is a warning that names the document,
//! the field and the characters, on the terminal and in `--json`, never a silent box.

use std::path::PathBuf;

use crate::common::*;

/// Northwind with the client's legal name replaced by `name`.
fn northwind_named(dir: &str, name: &str) -> PathBuf {
    let data = data_copy(dir);
    let path = data.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "legal_name = \"Northwind Trading Co.\"",
        &format!("legal_name = \"{name}\""),
    );
    assert!(text.contains(name), "the name is in the data");
    std::fs::write(&path, text).unwrap();
    data
}

/// The scripts the shipped fonts cover, each as a client's legal name: Latin with
/// diacritics, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Thai, and Chinese (simplified
/// and traditional), Japanese (kanji, hiragana, katakana) and Korean (Hangul), which
/// Noto Sans CJK JP prints, split over `fonts/NotoSansCJKjp-Regular-*.otf`.
const COVERED: [(&str, &str); 11] = [
    ("latin", "Œuvre Société Łódź"),
    ("greek", "Ελληνική Εταιρεία"),
    ("cyrillic", "Северный Торговый Дом"),
    ("arabic", "شركة الشمال التجارية"),
    ("hebrew", "חברת הצפון"),
    ("devanagari", "उत्तरी व्यापार कंपनी"),
    ("thai", "บริษัท การค้าภาคเหนือ"),
    ("chinese-simplified", "北方贸易有限公司"),
    ("chinese-traditional", "北方貿易股份有限公司（臺灣）"),
    ("japanese", "株式会社ノース・ウィンド ほっぽう貿易"),
    ("korean", "북방무역 주식회사"),
];

#[test]
fn names_in_the_shipped_scripts_print_with_real_glyphs() {
    for (script, name) in COVERED {
        let data = northwind_named(&format!("script-{script}"), name);
        let out = temp_dir(&format!("script-{script}-out"));
        let run = Build::new(&data).out(&out).only("agreement").run_ok();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(
            !stderr.contains("warning:"),
            "{script}: no glyph is missing: {stderr}"
        );
        let pdf = out.join("northwind/agreement.pdf");
        let fonts = pdf_font_names(&pdf);
        assert!(
            !fonts.iter().any(|f| f.contains("DocketFallback")),
            "{script}: no character needed the box font: {fonts:?}"
        );
        if matches!(
            script,
            "chinese-simplified" | "chinese-traditional" | "japanese" | "korean"
        ) {
            assert!(
                fonts.iter().any(|f| f.contains("NotoSansCJKjp")),
                "{script}: printed with Noto Sans CJK: {fonts:?}"
            );
        }
        let text = pdf_body_text(&pdf);
        let squeezed: String = text.split_whitespace().collect();
        let wanted: String = name.split_whitespace().collect();
        if !matches!(script, "arabic" | "hebrew" | "devanagari" | "thai") {
            assert!(squeezed.contains(&wanted), "{script}: {name} in {text}");
        }
    }
}

#[test]
fn a_character_no_font_has_is_a_warning_naming_document_field_and_character() {
    // Two CJK Extension B ideographs (used in Japanese names; beyond the BMP, which is all
    // the shipped CJK font covers) among ideographs it has: only the two are named.
    let data = northwind_named("script-cjk", "𠀋𠂉商事株式会社");
    let out = temp_dir("script-cjk-out");
    let run = Build::new(&data).out(&out).only("agreement").run_ok();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains(
            "warning: northwind/agreement: client_details.legal_name has 𠀋 (U+2000B), \
             𠂉 (U+20089), which no font in the fonts folder has"
        ),
        "{stderr}"
    );
    // The same in --json, for programs.
    let out = temp_dir("script-cjk-json");
    let run = docket_ok(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--only",
        "agreement",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let warning = &json["warnings"][0];
    assert_eq!(warning["document"], "northwind/agreement");
    assert_eq!(warning["field"], "client_details.legal_name");
    assert_eq!(warning["characters"], "𠀋𠂉");
}

/// Whether a character is of a right-to-left script (Hebrew, Arabic and their forms).
fn rtl_char(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// The logical text of a right-to-left line as a reader copies it: the glyphs are drawn in
/// visual order (left to right), so they are read right to left; each glyph's own text
/// (a ligature such as lam-alef maps to two letters) is already in logical order.
fn rtl_line_text(line: &[Glyph]) -> String {
    line.iter().rev().map(|g| g.ch.as_str()).collect()
}

#[test]
fn arabic_and_hebrew_paragraphs_are_right_aligned_and_read_in_logical_order() {
    let arabic = "شركة الشمال التجارية تدفع خلال ثلاثين يوما";
    let hebrew = "חברת הצפון משלמת תוך שלושים יום";
    let data = data_copy("script-rtl");
    edit(
        &data.join("northwind/engagement.toml"),
        r#"notes = ["Reference INV-2026-0461 with your payment."]"#,
        &format!(
            r#"notes = ["Reference INV-2026-0461 with your payment.", "{arabic}", "{hebrew}"]"#
        ),
    );
    let out = temp_dir("script-rtl-out");
    let run = Build::new(&data).out(&out).only("invoice").run_ok();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = out.join("northwind/invoice.pdf");
    let page = &pdf_layout(&pdf)[0];
    let lines = glyph_lines(&page.glyphs);
    // US letter, 0.8 in side margins: the text column ends at 612 - 57.6 pt.
    let right_edge = 612.0 - 57.6;
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    for paragraph in [arabic, hebrew] {
        let line = lines
            .iter()
            .find(|l| {
                l.iter().any(|g| g.ch.chars().any(rtl_char))
                    && squeeze(&rtl_line_text(l)) == squeeze(paragraph)
            })
            .unwrap_or_else(|| {
                let found: Vec<String> = lines
                    .iter()
                    .filter(|l| l.iter().any(|g| g.ch.chars().any(rtl_char)))
                    .map(|l| rtl_line_text(l))
                    .collect();
                panic!("{paragraph} is one line, read in logical order; found {found:?}")
            });
        let first = line.first().unwrap();
        let last = line.last().unwrap();
        let end = last.x + last.advance;
        assert!(
            (end - right_edge).abs() < 1.5,
            "{paragraph}: right-aligned, ends at {end:.1} (column edge {right_edge:.1})"
        );
        assert!(
            first.x > 306.0,
            "{paragraph}: starts right of the middle, at {:.1}",
            first.x
        );
    }
    // The English note beside them stays left-aligned.
    let english = lines
        .iter()
        .find(|l| {
            line_text(l).contains("ReferenceINV-2026-0461")
                || line_text(l).contains("Reference INV-2026-0461")
        })
        .expect("the English note");
    // The notes have a column of their own beside the payment instructions: the English
    // note starts where its heading does.
    // (The headings share a baseline: PAYMENT on the left half, NOTES on the right.)
    let column = lines
        .iter()
        .find(|l| line_text(l).contains("NOTES"))
        .and_then(|l| l.iter().find(|g| g.x > 306.0))
        .expect("the notes' heading, right of the middle")
        .x;
    assert!(
        (english[0].x - column).abs() < 1.5,
        "left-aligned in its column: starts at {:.1}, the column at {column:.1}",
        english[0].x
    );
}
