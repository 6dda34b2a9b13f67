//! Characters no served font can draw.
//!
//! Why this exists: docket typesets with the fonts in `fonts/` only, and Typst draws a
//! character none of them has with the last-resort box font (`DocketFallback`). The PDF's
//! text layer still holds the character, so nothing fails and a test that extracts text
//! sees the right words, but the reader sees a box. This module finds such characters in
//! the data a document prints, so the build names the document, the field and the
//! characters in a warning instead of printing a silent box.

use serde_json::Value;

/// A field whose text has characters no served font has.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct GlyphWarning {
    /// The document, as `engagement/kind` (`engagement/kind:key` for one of many).
    pub document: String,
    /// The field, as a path in the engagement file (`client_details.legal_name`).
    pub field: String,
    /// The characters, each once, in the order they appear.
    pub characters: String,
    /// The warning in words.
    pub message: String,
}

impl GlyphWarning {
    /// The warning for `document`'s `field`, whose text has `characters` that no font has.
    pub fn new(document: &str, field: &str, characters: &[char]) -> GlyphWarning {
        let listed: Vec<String> = characters
            .iter()
            .take(8)
            .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
            .collect();
        let more = characters.len().saturating_sub(listed.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        GlyphWarning {
            document: document.to_string(),
            field: field.to_string(),
            characters: characters.iter().collect(),
            message: format!(
                "{document}: {field} has {}{more}, which no font in the fonts folder has: \
                 {} as a box in the PDF (add a font that has {} to the fonts folder)",
                listed.join(", "),
                if characters.len() == 1 {
                    "it prints"
                } else {
                    "they print"
                },
                if characters.len() == 1 { "it" } else { "them" },
            ),
        }
    }
}

/// The fields under `value` (a path prefix `prefix`, empty at the top) whose strings have
/// characters `covered` says no font has, each with those characters (each once).
pub fn uncovered_fields(
    value: &Value,
    prefix: &str,
    covered: &dyn Fn(char) -> bool,
    out: &mut Vec<(String, Vec<char>)>,
) {
    match value {
        Value::String(text) => {
            let mut missing: Vec<char> = Vec::new();
            for c in text.chars() {
                if !c.is_whitespace() && !c.is_control() && !covered(c) && !missing.contains(&c) {
                    missing.push(c);
                }
            }
            if !missing.is_empty() {
                out.push((prefix.to_string(), missing));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                uncovered_fields(item, &format!("{prefix}[{i}]"), covered, out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                uncovered_fields(item, &path, covered, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_field_and_its_characters_once() {
        let data = serde_json::json!({
            "client_details": { "legal_name": "株式会社 Example 株式", "tax_id": "JP1" },
            "addresses": { "tokyo": { "lines": ["1-1 Chiyoda", "東京"] } },
        });
        let latin = |c: char| c.is_ascii();
        let mut out = Vec::new();
        uncovered_fields(&data, "", &latin, &mut out);
        assert_eq!(
            out,
            [
                ("addresses.tokyo.lines[1]".to_string(), vec!['東', '京']),
                (
                    "client_details.legal_name".to_string(),
                    vec!['株', '式', '会', '社']
                ),
            ]
        );
        let w = GlyphWarning::new("acme/invoice", &out[1].0, &out[1].1);
        assert!(
            w.message.starts_with(
                "acme/invoice: client_details.legal_name has 株 (U+682A), 式 (U+5F0F)"
            ),
            "{}",
            w.message
        );
    }
}
