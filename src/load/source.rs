//! Reading and parsing input files, with locations: every error names the file, line,
//! column and field, and says what was expected (with a "did you mean" where one is close).

use super::*;

/// Reads a file as UTF-8, refusing huge and non-UTF-8 files with a located error.
///
/// At most [`MAX_INPUT_BYTES`] + 1 bytes are read, whatever the file's size, so a 100 MB
/// (or endless) file costs no more than a file at the limit.
pub fn read(path: &Path) -> Result<SourceFile> {
    use std::io::Read;
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let size = file.metadata().map(|m| m.len()).ok();
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        let limit = usize::try_from(MAX_INPUT_BYTES).unwrap_or(usize::MAX);
        let prefix = String::from_utf8_lossy(&bytes[..limit.min(bytes.len())]);
        let (line, column) = line_col(&prefix, prefix.len());
        let size = size.map_or_else(
            || "more than the limit".to_string(),
            |n| format!("{n} bytes"),
        );
        return Err(Error::data(
            Location {
                file: path.to_path_buf(),
                line: Some(line),
                column: Some(column),
                field: None,
            },
            format!(
                "file is {size}; docket reads input files of at most {MAX_INPUT_BYTES} bytes \
                 (the limit is passed at this line and column)"
            ),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, column) = line_col(&prefix, prefix.len());
        Error::data(
            Location {
                file: path.to_path_buf(),
                line: Some(line),
                column: Some(column),
                field: None,
            },
            format!(
                "file is not valid UTF-8 text: byte {valid} (0x{:02x}) starts no UTF-8 character",
                e.as_bytes().get(valid).copied().unwrap_or(0)
            ),
        )
    })?;
    Ok(SourceFile {
        path: path.to_path_buf(),
        text,
    })
}

/// Parses TOML or JSON (by extension) into `T`, with file, line, column and field path on error.
pub fn parse<T: DeserializeOwned>(source: &SourceFile) -> Result<T> {
    if source.text.trim().is_empty() {
        return Err(Error::data(
            at_start(&source.path),
            "file is empty; expected an engagement, approvals or rules document",
        ));
    }
    let is_json = source.path.extension().and_then(|e| e.to_str()) == Some("json");
    if is_json {
        let mut de = serde_json::Deserializer::from_str(&source.text);
        let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let field = field_path(e.path());
            let inner = e.into_inner();
            let field = with_missing_field(field, &inner.to_string());
            Error::data(
                Location {
                    file: source.path.clone(),
                    line: Some(inner.line()),
                    column: Some(inner.column()),
                    field,
                },
                strip_position(&inner.to_string()),
            )
        })?;
        de.end().map_err(|e| {
            Error::data(
                Location {
                    file: source.path.clone(),
                    line: Some(e.line()),
                    column: Some(e.column()),
                    field: None,
                },
                strip_position(&e.to_string()),
            )
        })?;
        Ok(value)
    } else {
        let de =
            toml::Deserializer::parse(&source.text).map_err(|e| toml_error(source, None, &e))?;
        serde_path_to_error::deserialize(de).map_err(|e| {
            let field = field_path(e.path());
            let field = with_missing_field(field, e.inner().message());
            toml_error(source, field, e.inner())
        })
    }
}

pub(super) fn toml_error(source: &SourceFile, field: Option<String>, e: &toml::de::Error) -> Error {
    let (line, column) = match e.span() {
        Some(span) => line_col(&source.text, span.start),
        // No span (e.g. a missing field of the top-level table): the table holding the
        // field, else the start of the file.
        None => field
            .as_deref()
            .and_then(|f| f.rsplit_once('.').map(|(parent, _)| parent))
            .and_then(|parent| {
                locate(source, parent)
                    .line
                    .zip(locate(source, parent).column)
            })
            .unwrap_or((1, 1)),
    };
    let (line, column) = (Some(line), Some(column));
    let mut message = did_you_mean(e.message().trim());
    // toml says "duplicate key" without the key: the span covers it.
    if message == "duplicate key"
        && let Some(key) = e.span().and_then(|span| source.text.get(span))
    {
        message = format!("duplicate key `{}`", key.trim());
    }
    Error::data(
        Location {
            file: source.path.clone(),
            line,
            column,
            field,
        },
        message,
    )
}

/// serde reports a missing field at the table that lacks it; name the field itself
/// (`brief.goal`, not `brief`), which is what a user has to add.
pub(super) fn with_missing_field(field: Option<String>, message: &str) -> Option<String> {
    let Some(rest) = message.trim().strip_prefix("missing field `") else {
        return field;
    };
    let Some(name) = rest.split('`').next() else {
        return field;
    };
    Some(match field {
        Some(parent) => format!("{parent}.{name}"),
        None => name.to_string(),
    })
}

/// serde_path_to_error's path as `a.b[2].c`, or `None` at the top level.
pub(super) fn field_path(path: &serde_path_to_error::Path) -> Option<String> {
    let text = path.to_string();
    (text != ".").then_some(text)
}

/// serde_json appends " at line L column C"; the location already says it.
pub(super) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Adds "did you mean" to serde's "unknown field `x`, expected one of `a`, `b`".
pub(super) fn did_you_mean(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some(end) = rest.find('`') else {
        return message.to_string();
    };
    let unknown = &rest[..end];
    let candidates: Vec<&str> = rest[end..].split('`').skip(2).step_by(2).collect();
    match closest(unknown, &candidates) {
        Some(best) => format!("{message}; did you mean `{best}`?"),
        None => message.to_string(),
    }
}

/// The candidate nearest to `word` by edit distance, if it is near enough to be a typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        // Optimal string alignment: a swapped pair of letters (`gaol`) is one edit.
        .map(|c| (strsim::osa_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Line 1, column 1 of a file: for errors about the file as a whole (empty, both TOML and
/// JSON present), so every data error still carries a line and column.
pub(super) fn at_start(path: &Path) -> Location {
    Location {
        file: path.to_path_buf(),
        line: Some(1),
        column: Some(1),
        field: None,
    }
}

/// The location of a dotted field path (`invoice.seller`, `tracks[1].status`) in a source
/// file, found after parsing for errors serde cannot see.
pub fn locate(source: &SourceFile, field: &str) -> Location {
    let offset = if source.path.extension().and_then(|e| e.to_str()) == Some("json") {
        locate_json(&source.text, field)
    } else {
        locate_toml(&source.text, field)
    };
    let (line, column) = match offset {
        Some(o) => {
            let (l, c) = line_col(&source.text, o);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    Location {
        file: source.path.clone(),
        line,
        column,
        field: Some(field.to_string()),
    }
}

/// Splits `a.b[2].c` into keys and indices.
pub(super) fn segments(field: &str) -> Vec<Result<&str, usize>> {
    let mut out = Vec::new();
    for part in field.split('.') {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            out.push(Ok(&rest[..i]));
            rest = &rest[i..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let Some(end) = stripped.find(']') else { break };
                if let Ok(n) = stripped[..end].parse() {
                    out.push(Err(n));
                }
                rest = &stripped[end + 1..];
            }
        } else {
            out.push(Ok(rest));
        }
    }
    out
}

pub(super) fn locate_toml(text: &str, field: &str) -> Option<usize> {
    // toml_edit 0.23 (and 0.25) panics ("all items have spans") while recovering from some
    // invalid documents, e.g. `=={` + newline + `.` (found by fuzzing). Only valid TOML is
    // worth locating in: check it with the parser docket reads data with, which does not.
    toml::from_str::<toml::Table>(text).ok()?;
    let doc = toml_edit::Document::parse(text).ok()?;
    let mut item: &toml_edit::Item = doc.as_item();
    let mut best = None;
    for seg in segments(field) {
        let next = match seg {
            Ok(key) => item.get(key),
            Err(index) => match item {
                toml_edit::Item::ArrayOfTables(a) => a.get(index).map(|_| &item[index]),
                _ => item.get(index),
            },
        };
        match next {
            Some(n) => {
                item = n;
                if let Some(span) = item.span() {
                    best = Some(span.start);
                } else if let Some(t) = item.as_table_like()
                    && let Some(span) = t.iter().next().and_then(|(_, v)| v.span())
                {
                    best = Some(span.start);
                }
            }
            None => break,
        }
    }
    best
}

pub(super) fn locate_json(text: &str, field: &str) -> Option<usize> {
    // A heuristic good enough to point at the right line: find each key in turn after the
    // previous one.
    let mut from = 0;
    let mut found = None;
    for key in segments(field).into_iter().flatten() {
        let needle = format!("\"{key}\"");
        let at = text.get(from..)?.find(&needle)? + from;
        found = Some(at);
        from = at + needle.len();
    }
    found
}
