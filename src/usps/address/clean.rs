//! Parsing what people type into what Publication 28 prints: characters dropped or kept,
//! hyphens, accents folded, care-of lines, codes and quoted values for messages.

/// Characters dropped outright (apostrophes, so `O'Brien` prints `OBRIEN`; invisible ones).
pub(super) fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{02BC}'
            | '\u{00B4}'
            | '\u{00AD}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

/// Hyphen-like characters, treated as `-`.
pub(super) fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}'
    )
}

/// Combining marks (so a decomposed `é` keeps its accent).
pub(super) fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Uppercases `s` and removes punctuation as described in the module documentation; returns
/// single-space-separated words. `word_hyphens` keeps a hyphen between two letters (otherwise it
/// becomes a space). Linear in the length of `s`; never panics.
pub(super) fn clean(s: &str, word_hyphens: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    // Length of the word being built, for the period rule.
    let mut word_len = 0usize;
    let space = |out: &mut String, word_len: &mut usize| {
        out.push(' ');
        *word_len = 0;
    };
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let digit_prev = prev.is_some_and(|p| p.is_ascii_digit());
        let digit_next = next.is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || is_combining(c) {
            for u in c.to_uppercase() {
                out.push(u);
                word_len += 1;
            }
        } else if is_dropped(c) {
            // nothing
        } else if is_hyphen(c) {
            let between =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            if between && (word_hyphens || digit_prev || digit_next) {
                out.push('-');
                word_len += 1;
            } else {
                space(&mut out, &mut word_len);
            }
        } else if c == '/' && ((digit_prev && digit_next) || is_care_of(&chars, i)) {
            out.push('/');
            word_len += 1;
        } else if c == '.' {
            if digit_prev && digit_next {
                out.push('.');
                word_len += 1;
            } else if word_len >= 2 && next.is_some_and(char::is_alphanumeric) {
                // "BLVD.SUITE" is two words; "P.O." and "U.S." are initials and close up.
                space(&mut out, &mut word_len);
            }
        } else if c == '#' || c == '&' {
            out.push(c);
            word_len += 1;
        } else {
            space(&mut out, &mut word_len);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the `/` at `i` is the one in a standalone `c/o` ("care of"), which is kept.
pub(super) fn is_care_of(chars: &[char], i: usize) -> bool {
    let at = |j: Option<usize>| j.and_then(|j| chars.get(j)).copied();
    let before = at(i.checked_sub(2));
    let after = at(i.checked_add(2));
    at(i.checked_sub(1)).is_some_and(|c| c.eq_ignore_ascii_case(&'c'))
        && at(i.checked_add(1)).is_some_and(|c| c.eq_ignore_ascii_case(&'o'))
        && !before.is_some_and(char::is_alphanumeric)
        && !after.is_some_and(char::is_alphanumeric)
}

/// A code field (country, region): trimmed, ASCII-uppercased, with spaces and periods removed.
pub(super) fn code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Shortens user input quoted in an error message.
pub(super) fn quoted(s: &str) -> String {
    const KEEP: usize = 60;
    let s = s.trim();
    if s.chars().count() <= KEEP {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(KEEP).collect();
        t.push('…');
        t
    }
}

// ---------------------------------------------------------------------------------------------
// Destinations
// ---------------------------------------------------------------------------------------------
