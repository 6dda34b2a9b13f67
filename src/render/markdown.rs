//! Templates to Markdown (Tera), with every value escaped for Markdown.
//!
//! Templates are trusted; data is not. Tera's autoescape is switched on for `.md` templates
//! with a Markdown escape function in place of Tera's HTML one, so a value such as
//! `[x](javascript:alert(1))` or `<script>` reaches the Markdown as literal text (what a
//! Markdown reader shows is exactly the value), and `{{ x }}` inside a value is never
//! evaluated (Tera does not re-render output).

use std::path::Path;

use crate::error::{Error, Result};

/// Escapes a value for CommonMark/GFM so that it renders as exactly its text.
///
/// Inline markup characters are backslash-escaped everywhere; characters that only matter
/// at the start of a line (headings, lists, block quotes, setext underlines, ordered list
/// numbers) are escaped at the start of the value, since a template may put a value at a
/// line start. Line breaks become spaces: a value never starts a new block.
pub fn escape_markdown(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at_start = i == 0;
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
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
            c if c.is_control() => {}
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Loads the Markdown templates (`*.md`, and partials starting with `_`) from a folder.
pub fn load_templates(dir: &Path) -> Result<tera::Tera> {
    let mut tera = tera::Tera::default();
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) == Some("md")
            && let Some(name) = path.file_name().and_then(|n| n.to_str())
        {
            files.push((path.clone(), Some(name.to_string())));
        }
    }
    files.sort();
    tera.add_template_files(files)
        .map_err(|e| Error::Template {
            template: dir.display().to_string(),
            message: chain(&e),
        })?;
    tera.autoescape_on(vec![".md"]);
    tera.set_escape_fn(escape_markdown);
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
}
