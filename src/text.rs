//! Small text rules every layer shares: the `TBD` that marks an unknown fact, English lists
//! ("a, b and c") for reasons, and the one rule for characters data text may carry.
//!
//! They sit at the bottom of the crate so that loading, gating, derivation, rendering and
//! the reports all say these things the same way, from one definition each.

/// What an unknown fact is written as: in the data, and in every output. docket never
/// invents a value in its place.
pub const TBD: &str = "TBD";

/// Whether a text value is unknown: `TBD`, or nothing at all (blank).
pub fn is_tbd(value: &str) -> bool {
    let value = value.trim();
    value.is_empty() || value == TBD
}

/// `a`, `a and b`, `a, b and c`: reasons and lists in sentences.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// The one rule for characters of data text that have no business in a document, shared by
/// the Markdown escaper and the Typst converter so both outputs show the same text:
///
/// - line and paragraph breaks and other whitespace controls (tab, LF, VT, FF, CR, NEL,
///   U+2028, U+2029) become a space: a value never starts a line of markup, where Typst and
///   Markdown give characters meaning;
/// - every other control character (C0, DEL, C1, including NUL) is dropped: none has a glyph,
///   and NUL or ESC in a PDF text string only confuses readers;
/// - the bidi embedding, override and isolate controls (U+202A to U+202E, U+2066 to U+2069)
///   are dropped: an unterminated right-to-left override in a client name would reorder the
///   template's own text after it on the page ("Trojan Source", CVE-2021-42574). Right-to-left
///   letters themselves are kept and laid out by the Unicode bidi algorithm.
///
/// Everything else (letters of any script, combining marks, emoji, zero-width joiners) is kept.
pub fn text_char(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// One CSV cell: quoted when it holds a comma, quote or line break (quotes doubled). A cell
/// that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) gets a leading `'`, since data is untrusted (OWASP, "CSV injection").
pub fn csv_cell(value: &str) -> String {
    let mut v = String::with_capacity(value.len() + 2);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(value);
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::{and_list, is_tbd};

    #[test]
    fn lists_read_as_english() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b"]), "a and b");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn blank_and_tbd_are_unknown() {
        assert!(is_tbd("TBD") && is_tbd(" TBD ") && is_tbd("") && is_tbd("  "));
        assert!(!is_tbd("tbd later") && !is_tbd("Ada"));
    }
}
