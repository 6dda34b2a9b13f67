//! Templates to Markdown (Tera), with every value escaped for Markdown.
//!
//! Templates are trusted; data is not. Tera's autoescape is switched on for `.md` templates
//! with a Markdown escape function in place of Tera's HTML one, so a value such as
//! `[x](javascript:alert(1))` or `<script>` reaches the Markdown as literal text (what a
//! Markdown reader shows is exactly the value), and `{{ x }}` inside a value is never
//! evaluated (Tera does not re-render output).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::locale::Locales;

/// Escapes a value for CommonMark/GFM so that it renders as exactly its text.
///
/// Inline markup characters are backslash-escaped everywhere; characters that only matter
/// at the start of a line (headings, lists, block quotes, setext underlines, ordered list
/// numbers) are escaped at the start of the value, since a template may put a value at a
/// line start. Line breaks become spaces: a value never starts a new block. Leading and
/// trailing spaces are dropped (four leading spaces would start a code block, two trailing
/// ones a hard line break). Control and bidi characters follow
/// [`text_char`](crate::render::markup::text_char): dropped, or a space for line breaks.
pub fn escape_markdown(value: &str) -> String {
    let mapped: Vec<char> = value
        .chars()
        .filter_map(crate::render::markup::text_char)
        .collect();
    let first = mapped
        .iter()
        .position(|&c| c != ' ')
        .unwrap_or(mapped.len());
    let last = mapped
        .iter()
        .rposition(|&c| c != ' ')
        .map_or(first, |i| i + 1);
    let chars = &mapped[first..last];
    let mut out = String::with_capacity(value.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // A list marker needs a space after it; a thematic break or setext underline
            // is a line of only `-` or `=`.
            '-' | '+' | '='
                if at_start
                    && (chars.get(1).is_none_or(|n| n.is_whitespace())
                        || chars.iter().all(|d| matches!(d, '-' | '=' | ' ' | '\t'))) =>
            {
                out.push('\\');
                out.push(c);
            }
            c if at_start && c.is_ascii_digit() => {
                // `1.` or `1)` followed by a space (or nothing) at a line start would begin
                // an ordered list; `0.00` would not.
                let digits = chars.iter().take_while(|d| d.is_ascii_digit()).count();
                out.extend(&chars[..digits]);
                i = digits;
                if let Some(&p) = chars.get(i)
                    && (p == '.' || p == ')')
                    && chars.get(i + 1).is_none_or(|n| n.is_whitespace())
                {
                    out.push('\\');
                }
                continue;
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// A value as a YAML double-quoted scalar, for the front matter (`{{ doc.client | yaml |
/// safe }}`): quotes and backslashes escaped, every character YAML does not allow in a
/// document (and the byte-order mark) written as `\uXXXX`, after the [`text_char`]
/// normalisation every output shares. Whatever the value, the front matter stays one
/// well-formed mapping a YAML reader parses back to the value's text.
///
/// [`text_char`]: crate::render::markup::text_char
pub fn yaml_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars().filter_map(crate::render::markup::text_char) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~'
            | '\u{a0}'..='\u{d7ff}'
            | '\u{e000}'..='\u{fefe}'
            | '\u{ff00}'..='\u{fffd}' => {
                out.push(c);
            }
            c if u32::from(c) >= 0x10000 => out.push(c),
            c => out.push_str(&format!("\\u{:04X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

fn yaml_filter(value: &tera::Value, _: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        tera::Value::Null => String::new(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(yaml_quoted(&text)))
}

/// Loads the Markdown templates (`*.md`, and partials starting with `_`) from a folder, with
/// docket's filters: `yaml` (a front matter value) and `date(locale=locale)` (a `YYYY-MM-DD`
/// date written out in the document's locale, `TBD` left as it is).
pub fn load_templates(dir: &Path, locales: Arc<Locales>) -> Result<tera::Tera> {
    let mut tera = tera::Tera::default();
    let files: Vec<(std::path::PathBuf, Option<String>)> =
        crate::render::files::served_files(dir, &["md"])?
            .into_iter()
            .filter_map(|path| {
                let name = path.file_name()?.to_str()?.to_string();
                Some((path, Some(name)))
            })
            .collect();
    tera.add_template_files(files)
        .map_err(|e| Error::Template {
            template: dir.display().to_string(),
            message: chain(&e),
        })?;
    tera.autoescape_on(vec![".md"]);
    tera.set_escape_fn(escape_markdown);
    tera.register_filter("yaml", yaml_filter);
    tera.register_filter(
        "date",
        move |value: &tera::Value, args: &HashMap<String, tera::Value>| {
            let tag = args
                .get("locale")
                .and_then(tera::Value::as_str)
                .ok_or_else(|| tera::Error::msg("date: expects `locale=locale`"))?;
            let locale = locales
                .get(tag)
                .ok_or_else(|| tera::Error::msg(format!("date: no locale `{tag}`")))?;
            Ok(match value {
                tera::Value::String(s) => tera::Value::String(locale.date(s)),
                other => other.clone(),
            })
        },
    );
    Ok(tera)
}

/// Renders one template with a context.
pub fn render(tera: &tera::Tera, template: &str, context: &tera::Context) -> Result<String> {
    tera.render(template, context).map_err(|e| Error::Template {
        template: template.to_string(),
        message: chain(&e),
    })
}

/// An error and its causes on one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::escape_markdown;

    fn rendered_text(md: &str) -> String {
        pulldown_cmark::Parser::new_ext(
            md,
            pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH,
        )
        .filter_map(|e| match e {
            pulldown_cmark::Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect()
    }

    #[test]
    fn hostile_values_render_literally() {
        for value in [
            "#read(\"/etc/passwd\")",
            "{{ x }}",
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "![img](http://x/y.png)",
            "- list",
            "1. one",
            "1.",
            "0.00",
            "2026-01-20",
            "-300.00",
            "---",
            "===",
            "- x",
            "+",
            "# heading",
            "a | b",
            "*bold* _em_ `code`",
            "&amp; &#x41;",
            "\\",
        ] {
            let md = escape_markdown(value);
            assert_eq!(rendered_text(&md), value, "{value} -> {md}");
        }
    }

    #[test]
    fn leading_spaces_make_no_code_block_and_trailing_ones_no_hard_break() {
        // Four leading spaces at a line start would be an indented code block; two trailing
        // spaces before a newline a hard line break. Both are dropped with the value's edges.
        for (value, shown) in [
            ("    not code", "not code"),
            ("x  ", "x"),
            ("\t- y\n", "\\- y"),
        ] {
            assert_eq!(escape_markdown(value), shown);
        }
        let md = format!("Intro\n\n{}\n", escape_markdown("    not code"));
        assert!(!md.contains("    "), "{md}");
    }

    #[test]
    fn bidi_controls_and_nul_are_dropped_line_separators_become_spaces() {
        // Trojan Source (CVE-2021-42574): an unterminated override would reorder the
        // template's own text after the value.
        assert_eq!(escape_markdown("a\u{202e}b\u{2066}c\u{0}d"), "abcd");
        assert_eq!(escape_markdown("a\u{2028}b\u{85}c"), "a b c");
    }
}
