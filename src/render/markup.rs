//! Markdown to Typst markup: the second half of rendering, and a security boundary.
//!
//! In: Markdown produced by the templates (data already Markdown-escaped). Out: Typst markup
//! in which every piece of text is escaped, so a client called `#read("/etc/passwd")` is
//! typeset as those characters and never evaluated. Structure (headings, lists, tables,
//! emphasis) maps to Typst markup; raw HTML and images become plain text; links keep their
//! text and show a web or mail address only, never a live `javascript:` link.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub use crate::text::text_char;

/// Characters the Typst 0.15 markup lexer gives meaning to, escaped with a backslash
/// (list from the Typst embedding notes: covers comments, labels, references, math,
/// shorthands such as `--` and `...`, and list or heading markers at line starts).
const SPECIAL: &[char] = &[
    '\\', '#', '[', ']', '*', '_', '`', '$', '<', '>', '@', '=', '-', '+', '/', '~', '\'', '"',
    ':', '.', '{', '}', '(', ')', ';', ',', '!', '?', '&', '|', '^', '%',
];

/// Escapes text for Typst markup: every special character backslash-escaped, and control
/// characters handled by [`text_char`].
pub fn escape_text(text: &str, out: &mut String) {
    for c in text.chars().filter_map(text_char) {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A Typst string literal (for `#raw(...)` and `#link(...)`), with quotes and backslashes
/// escaped and control characters handled by [`text_char`].
pub fn string_literal(text: &str) -> String {
    literal(text, false)
}

/// A Typst string literal; `keep_lines` keeps line breaks (as `\n`) and turns tabs into two
/// spaces (for code blocks); other characters follow [`text_char`].
fn literal(text: &str, keep_lines: bool) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        let c = match c {
            '\n' if keep_lines => {
                s.push_str("\\n");
                continue;
            }
            '\t' if keep_lines => {
                s.push_str("  ");
                continue;
            }
            c => match text_char(c) {
                Some(c) => c,
                None => continue,
            },
        };
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// The deepest nesting of the wrappers the converter writes (block quotes, emphasis, strong,
/// strike, links, list levels). Typst's parser gives up at depth 256 ("maximum parsing depth
/// exceeded", found by fuzzing: 150 nested `>` made 150 nested `#quote[...]`), and each
/// wrapper costs it several levels. Deeper Markdown keeps its text, unwrapped.
const MAX_NESTING: usize = 16;

/// Addresses safe to make clickable in a PDF.
fn safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

/// Converts Markdown to Typst markup.
pub fn to_typst(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::with_capacity(markdown.len() * 2);
    // Stack of list kinds: `None` bullet, `Some(n)` ordered.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut table_cells = 0usize;
    let mut link_stack: Vec<Option<String>> = Vec::new();
    // One entry per open quote, emphasis, strong, strike or link: the text that closes it,
    // or `None` when it was too deep to open (see MAX_NESTING).
    let mut wrappers: Vec<Option<&'static str>> = Vec::new();
    let open = |wrappers: &mut Vec<Option<&'static str>>, out: &mut String, start: &str, end| {
        if wrappers.iter().flatten().count() < MAX_NESTING {
            out.push_str(start);
            wrappers.push(Some(end));
        } else {
            wrappers.push(None);
        }
    };
    let mut in_code_block = false;
    let mut code = String::new();
    let mut image_depth = 0usize;

    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {}
                Tag::Heading { level, .. } => {
                    let depth = match level {
                        HeadingLevel::H1 => 1,
                        HeadingLevel::H2 => 2,
                        HeadingLevel::H3 => 3,
                        HeadingLevel::H4 => 4,
                        HeadingLevel::H5 => 5,
                        HeadingLevel::H6 => 6,
                    };
                    out.push_str(&"=".repeat(depth));
                    out.push(' ');
                }
                Tag::BlockQuote(_) => {
                    open(&mut wrappers, &mut out, "#quote(block: true)[", "]\n\n")
                }
                Tag::CodeBlock(kind) => {
                    in_code_block = true;
                    code.clear();
                    if let CodeBlockKind::Fenced(_) = kind {}
                }
                Tag::List(start) => {
                    lists.push(start);
                    out.push('\n');
                }
                Tag::Item => {
                    let level = lists.len().saturating_sub(1).min(MAX_NESTING);
                    out.push_str(&"  ".repeat(level));
                    match lists.last_mut() {
                        Some(Some(n)) => {
                            out.push_str(&format!("{n}. "));
                            *n += 1;
                        }
                        _ => out.push_str("- "),
                    }
                }
                Tag::Table(alignments) => {
                    table_cells = 0;
                    let columns: Vec<&str> = alignments
                        .iter()
                        .map(|a| match a {
                            Alignment::Right => "right",
                            Alignment::Center => "center",
                            _ => "left",
                        })
                        .collect();
                    out.push_str(&format!(
                        "#table(columns: {}, align: ({}), stroke: 0.5pt + luma(180), inset: 5pt,\n",
                        alignments.len().max(1),
                        columns.join(", ") + if columns.len() == 1 { "," } else { "" }
                    ));
                }
                Tag::TableHead => out.push_str("table.header("),
                Tag::TableRow => {}
                Tag::TableCell => {
                    table_cells += 1;
                    out.push('[');
                }
                Tag::Emphasis => open(&mut wrappers, &mut out, "#emph[", "]"),
                Tag::Strong => open(&mut wrappers, &mut out, "#strong[", "]"),
                Tag::Strikethrough => open(&mut wrappers, &mut out, "#strike[", "]"),
                Tag::Link { dest_url, .. } => {
                    let url = dest_url.to_string();
                    if safe_url(&url) {
                        let start = format!("#link({})[", string_literal(&url));
                        open(&mut wrappers, &mut out, &start, "]");
                        link_stack.push(None);
                    } else {
                        link_stack.push(Some(url));
                    }
                }
                Tag::Image { .. } => image_depth += 1,
                Tag::HtmlBlock
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::MetadataBlock(_)
                | Tag::Superscript
                | Tag::Subscript => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => {
                    out.push_str(if lists.is_empty() { "\n\n" } else { "\n" });
                }
                TagEnd::Heading(_) => out.push_str("\n\n"),
                TagEnd::BlockQuote(_) => {
                    if let Some(Some(end)) = wrappers.pop() {
                        out.push_str(end);
                    } else {
                        out.push_str("\n\n");
                    }
                }
                TagEnd::CodeBlock => {
                    in_code_block = false;
                    out.push_str(&format!("#raw(block: true, {})\n\n", literal(&code, true)));
                }
                TagEnd::List(_) => {
                    lists.pop();
                    if lists.is_empty() {
                        out.push('\n');
                    }
                }
                TagEnd::Item if !out.ends_with('\n') => out.push('\n'),
                TagEnd::Table => out.push_str(")\n\n"),
                TagEnd::TableHead => out.push_str("),\n"),
                TagEnd::TableRow => out.push('\n'),
                TagEnd::TableCell => out.push_str("], "),
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                    if let Some(Some(end)) = wrappers.pop() {
                        out.push_str(end);
                    }
                }
                TagEnd::Link => match link_stack.pop() {
                    Some(None) => {
                        if let Some(Some(end)) = wrappers.pop() {
                            out.push_str(end);
                        }
                    }
                    Some(Some(url)) => {
                        // Not a web or mail address: show it, do not link it.
                        out.push_str(" \\(");
                        escape_text(&url, &mut out);
                        out.push_str("\\)");
                    }
                    None => {}
                },
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(text) => {
                if in_code_block {
                    code.push_str(&text);
                } else {
                    escape_text(&text, &mut out);
                }
            }
            Event::Code(text) => {
                out.push_str(&format!("#raw({})", string_literal(&text)));
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => escape_text(&text, &mut out),
            Event::Html(text) | Event::InlineHtml(text) => {
                // Raw HTML is shown as text, never interpreted.
                if in_code_block {
                    code.push_str(&text);
                } else {
                    escape_text(&text, &mut out);
                }
            }
            Event::FootnoteReference(text) => escape_text(&text, &mut out),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str(" \\\n"),
            Event::Rule => out.push_str("#line(length: 100%, stroke: 0.5pt + luma(160))\n\n"),
            Event::TaskListMarker(done) => out.push_str(if done { "☑ " } else { "☐ " }),
        }
    }
    let _ = table_cells;
    let _ = image_depth;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_typst_code_in_text() {
        let t = to_typst("Client \\#read\\(\"/etc/passwd\"\\)");
        assert!(t.contains("\\#read\\(\\\"\\/etc\\/passwd\\\"\\)"), "{t}");
    }

    #[test]
    fn comment_markers_are_escaped() {
        let mut s = String::new();
        escape_text("// x /* y */", &mut s);
        assert_eq!(s, "\\/\\/ x \\/\\* y \\*\\/");
    }

    #[test]
    fn javascript_links_are_not_links() {
        let t = to_typst("[x](javascript:alert(1))");
        assert!(!t.contains("#link"), "{t}");
        assert!(t.contains("javascript"), "{t}");
    }

    /// Typst's parser: no syntax errors in `markup`.
    fn parses(markup: &str) -> bool {
        !typst::syntax::parse(markup).diagnosis().errors
    }

    #[test]
    fn deep_nesting_stays_within_typst_parse_depth() {
        // Fuzzing found 150 nested block quotes giving "maximum parsing depth exceeded"
        // (fuzz/artifacts/markup/crash-39dd7992...).
        for markdown in [
            format!("{}deep\n", ">".repeat(300)),
            format!("{}deep{}\n", "*_".repeat(200), "_*".repeat(200)),
            format!(
                "{}deep{}\n",
                "[".repeat(100),
                "](https://x.example)".repeat(100)
            ),
            (0..200)
                .map(|i| format!("{}- item\n", "  ".repeat(i)))
                .collect(),
        ] {
            let t = to_typst(&markdown);
            assert!(parses(&t), "{t}");
            assert!(t.contains("deep") || t.contains("item"));
        }
    }

    #[test]
    fn html_is_text() {
        let t = to_typst("<script>alert(1)</script>");
        assert!(t.contains("\\<script\\>"), "{t}");
    }
}
