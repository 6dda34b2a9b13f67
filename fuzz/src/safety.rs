//! What "safe" means for the Typst markup docket produces, checked on the syntax tree
//! (`typst_syntax::parse`), without compiling anything.
//!
//! - Data text (a value escaped for Markdown, then converted) must parse to text only:
//!   `Text`, `Space`, `Escape`, `Parbreak`; and the characters it shows must be exactly the
//!   value's (after the documented control-character rule and whitespace collapsing).
//! - Any Markdown (templates are trusted, but the converter must still never emit code of
//!   its own invention) may produce markup structure and only the calls the converter
//!   writes: `#raw`, `#link`, `#emph`, `#strong`, `#strike`, `#table`, `#quote`, `#line`,
//!   with literal arguments; nothing else in code mode (no identifiers such as `read`,
//!   no `let`, `import`, `include`, closures, field access other than `table.header`).

use typst_syntax::{SyntaxKind as K, SyntaxNode};

const MARKUP_CALLS: &[&str] = &[
    "raw", "link", "emph", "strong", "strike", "table", "quote", "line",
];
const ARG_IDENTS: &[&str] = &["left", "right", "center"];
const ARG_CALLS: &[&str] = &["luma"];

/// Checks converter output for arbitrary Markdown.
pub fn check_markup(markup: &str) -> Result<(), String> {
    let root = typst_syntax::parse(markup);
    if root.diagnosis().errors {
        let (errors, _) = root.errors_and_warnings();
        return Err(format!("syntax errors {errors:?} in {markup:?}"));
    }
    markup_node(&root)
}

fn markup_node(node: &SyntaxNode) -> Result<(), String> {
    let children: Vec<&SyntaxNode> = node.children().collect();
    let mut i = 0;
    while i < children.len() {
        let child = children[i];
        match child.kind() {
            K::Hash => {
                let expr = children.get(i + 1).ok_or("dangling #")?;
                call(expr, MARKUP_CALLS)?;
                i += 2;
                continue;
            }
            K::Text
            | K::Space
            | K::Escape
            | K::Parbreak
            | K::Linebreak
            | K::HeadingMarker
            | K::ListMarker
            | K::EnumMarker => {}
            K::Markup | K::Heading | K::ListItem | K::EnumItem => markup_node(child)?,
            other => {
                return Err(format!("unexpected {other:?} {:?}", child.full_text()));
            }
        }
        i += 1;
    }
    Ok(())
}

fn callee_name(node: &SyntaxNode) -> String {
    node.full_text().to_string()
}

fn call(node: &SyntaxNode, allowed: &[&str]) -> Result<(), String> {
    if node.kind() != K::FuncCall {
        return Err(format!(
            "embedded {:?} {:?} is not a call",
            node.kind(),
            node.full_text()
        ));
    }
    let mut children = node.children();
    let callee = children.next().ok_or("call without callee")?;
    let name = callee_name(callee);
    let ok = match callee.kind() {
        K::Ident => allowed.contains(&name.as_str()),
        K::FieldAccess => name == "table.header" && allowed == ARG_CALLS,
        _ => false,
    };
    if !ok {
        return Err(format!("call of {name:?} is not one the converter writes"));
    }
    for rest in children {
        match rest.kind() {
            K::Args => args(rest)?,
            other => return Err(format!("unexpected {other:?} in a call")),
        }
    }
    Ok(())
}

fn args(node: &SyntaxNode) -> Result<(), String> {
    for child in node.children() {
        match child.kind() {
            K::LeftParen | K::RightParen | K::Comma | K::Space => {}
            K::Named => {
                // `name: value`: the name is an identifier, the value is checked.
                for part in child.children().skip(1) {
                    match part.kind() {
                        K::Colon | K::Space => {}
                        _ => code_expr(part)?,
                    }
                }
            }
            _ => code_expr(child)?,
        }
    }
    Ok(())
}

fn code_expr(node: &SyntaxNode) -> Result<(), String> {
    match node.kind() {
        K::Str | K::Int | K::Float | K::Numeric | K::Bool => Ok(()),
        K::Ident if ARG_IDENTS.contains(&node.full_text().as_str()) => Ok(()),
        K::ContentBlock => {
            for child in node.children() {
                match child.kind() {
                    K::LeftBracket | K::RightBracket => {}
                    K::Markup => markup_node(child)?,
                    other => return Err(format!("unexpected {other:?} in content block")),
                }
            }
            Ok(())
        }
        K::FuncCall => call(node, ARG_CALLS),
        K::Binary | K::Array | K::Parenthesized => {
            for child in node.children() {
                match child.kind() {
                    K::Plus | K::LeftParen | K::RightParen | K::Comma | K::Space => {}
                    _ => code_expr(child)?,
                }
            }
            Ok(())
        }
        other => Err(format!(
            "unexpected {other:?} {:?} in arguments",
            node.full_text()
        )),
    }
}

/// Checks converter output for one escaped data value: text only, showing exactly `value`.
pub fn check_data_text(value: &str, markup: &str) -> Result<(), String> {
    let root = typst_syntax::parse(markup);
    let mut shown = String::new();
    text_only(&root, &mut shown).map_err(|e| format!("{e} in {markup:?} (value {value:?})"))?;
    let expected: String = value.chars().filter_map(crate::markup::text_char).collect();
    let (want, got) = (collapse(&expected), collapse(&shown));
    if want != got {
        return Err(format!(
            "value {value:?} shows as {got:?}, expected {want:?} (markup {markup:?})"
        ));
    }
    Ok(())
}

fn text_only(node: &SyntaxNode, shown: &mut String) -> Result<(), String> {
    match node.kind() {
        K::Markup => node.children().try_for_each(|c| text_only(c, shown)),
        K::Text => {
            shown.push_str(node.full_text().as_str());
            Ok(())
        }
        K::Space | K::Parbreak => {
            shown.push(' ');
            Ok(())
        }
        K::Escape => {
            let text = node.full_text();
            let mut chars = text.chars();
            match (chars.next(), chars.next(), chars.next()) {
                (Some('\\'), Some(c), None) => {
                    shown.push(c);
                    Ok(())
                }
                _ => Err(format!(
                    "escape {text:?} is not a backslash and one character"
                )),
            }
        }
        other => Err(format!("unexpected {other:?} {:?}", node.full_text())),
    }
}

/// Whitespace runs to one space, trimmed: Markdown and Typst both collapse spaces.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
