//! Errors of the library. Each names the thing that failed and where, so that a user (or an
//! agent reading `--json`) can fix the input without reading docket's code.

use std::path::PathBuf;

/// Where in an input file something is: file, 1-based line and column, and the field path.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Location {
    /// The file.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// Dotted field path (`invoice.lines[1].quantity`), when known.
    pub field: Option<String>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        Ok(())
    }
}

/// Everything that can stop a docket run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Input data is invalid: syntax, types, unknown or missing fields, broken references.
    #[error("invalid data at {location}: {message}")]
    Data {
        /// Where.
        location: Location,
        /// What was expected.
        message: String,
    },
    /// A template failed to load or render.
    #[error("template `{template}` failed: {message}")]
    Template {
        /// The template file name.
        template: String,
        /// The cause chain, flattened.
        message: String,
    },
    /// Typst could not typeset a document.
    #[error("typesetting {document} failed: {message}")]
    Typeset {
        /// `engagement/kind`.
        document: String,
        /// The diagnostics.
        message: String,
    },
    /// An output could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// docket refuses to do something that would break a rule (overwriting an issued
    /// document, approving one's own work); the message says how to proceed.
    #[error("{0}")]
    Refused(String),
    /// `docket verify` found tampering or a broken ledger (details already reported).
    #[error("{0}")]
    Verify(String),
    /// Another build is writing the same output folder.
    #[error(
        "output folder is locked by another docket build ({}): {} holds it; wait for \
         that build to finish or use another --out",
        holder.as_ref().map_or_else(|| "pid unknown".to_string(), |p| format!("pid {p}")),
        path.display()
    )]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// The pid recorded by the build holding it, when readable.
        holder: Option<String>,
    },
    /// `build --keep-going` built every valid engagement and left these out (the summary
    /// lists each with its error).
    #[error(
        "{count} invalid engagement(s) not built (listed with their errors); every valid \
         engagement was built"
    )]
    NotBuilt {
        /// How many were left out.
        count: usize,
    },
    /// The request itself makes no sense (an unknown engagement or kind, a bad flag).
    #[error("{0}")]
    Usage(String),
    /// docket's surroundings are not usable: a missing or empty fonts or templates folder,
    /// a logo that is not there, a terminal or transport that cannot be set up. Nothing is
    /// wrong with the request or the data; the message names what to install or fix.
    #[error("{0}")]
    Setup(String),
    /// A bug in docket (a value it made itself could not be serialized, say): nothing the
    /// user did. The message says what failed; please report it.
    #[error("internal error (a bug in docket, please report it): {0}")]
    Internal(String),
    /// A path given to the MCP server lies outside the folders it serves.
    #[error("{} is outside the {what} folder this server was started with", path.display())]
    Outside {
        /// The path asked for.
        path: PathBuf,
        /// Which folder (data or output).
        what: &'static str,
    },
    /// An e-invoice (XML, PDF/A metadata) could not be made for a document.
    #[error("e-invoice {document}: {message}")]
    EInvoice {
        /// `<engagement>/<kind>`.
        document: String,
        /// What went wrong.
        message: String,
    },
}

impl Error {
    /// A data error at a location.
    pub fn data(location: Location, message: impl Into<String>) -> Error {
        Error::Data {
            location,
            message: message.into(),
        }
    }
}

/// The JSON bytes of a value docket made itself (a ledger record, a head, a manifest line,
/// a document's data). serde_json fails only on a map with keys that are not strings or a
/// failing `Serialize`, which docket's types do not have; if it ever did, that is a bug and
/// is reported as one, never swallowed into empty bytes that would be hashed or written.
pub fn json_bytes<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| Error::Internal(format!("cannot serialize: {e}")))
}

/// Result with docket's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error object `--json` prints on stdout when a command fails:
/// `{"error": {"code", "message", "file", "line", "column", "field", "expected", "hint"}}`.
/// The codes are stable (see [`Error::code`]); the exit status is the same as without
/// `--json`.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct ErrorObject {
    /// The error.
    pub error: ErrorReport,
    /// What the command produced before it failed (verify's findings, the summary of a
    /// `build --keep-going`), when it produced anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<serde_json::Value>,
}

/// One error, as data.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct ErrorReport {
    /// Stable code: `usage`, `invalid-data`, `read-failed`, `write-failed`, `template`,
    /// `typeset`, `refused`, `verify-failed`, `locked`, `not-built`, `outside-folder`,
    /// `einvoice`, `setup`, `internal`.
    pub code: String,
    /// The message docket prints without `--json`.
    pub message: String,
    /// The file concerned, when there is one.
    pub file: Option<String>,
    /// 1-based line in it, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// Dotted field path, when known.
    pub field: Option<String>,
    /// What was expected there, when docket knows.
    pub expected: Option<String>,
    /// What to do about it.
    pub hint: Option<String>,
}

/// One stable error code: what `--json` prints as `error.code`, the exit status it gives,
/// and what it means. `docs/reference/errors.md` is generated from this table (a test
/// fails when they differ), and a test checks every [`Error`] against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// The code.
    pub code: &'static str,
    /// The exit status.
    pub exit: u8,
    /// What it means and what to do.
    pub meaning: &'static str,
}

/// Every error code, in the order a user meets them.
pub const CODES: &[Code] = &[
    Code {
        code: "usage",
        exit: 2,
        meaning: "The request itself makes no sense: an unknown engagement or kind, a bad flag or argument. Fix the command line.",
    },
    Code {
        code: "setup",
        exit: 3,
        meaning: "docket's surroundings are not usable: a missing or empty fonts or templates folder, a logo that is not there, a terminal or transport that cannot be set up. The message names what to install or fix.",
    },
    Code {
        code: "read-failed",
        exit: 1,
        meaning: "An input file could not be read (`file` names it).",
    },
    Code {
        code: "invalid-data",
        exit: 1,
        meaning: "Input data is invalid: syntax, types, unknown or missing fields, broken references. `file`, `line`, `column` and `field` locate it; `expected` says what would be valid.",
    },
    Code {
        code: "template",
        exit: 1,
        meaning: "A Tera template failed to load or render.",
    },
    Code {
        code: "typeset",
        exit: 1,
        meaning: "Typst could not typeset a document (a layout error); the message carries Typst's diagnostics.",
    },
    Code {
        code: "einvoice",
        exit: 1,
        meaning: "An e-invoice (XML, PDF/A metadata) could not be made for a document.",
    },
    Code {
        code: "write-failed",
        exit: 1,
        meaning: "An output could not be written (`file` names it); outputs already there are left as they were.",
    },
    Code {
        code: "refused",
        exit: 1,
        meaning: "docket refuses to do something that would break a rule (overwriting an issued document, approving one's own work); the message says how to proceed.",
    },
    Code {
        code: "verify-failed",
        exit: 1,
        meaning: "`docket verify` found tampering or a broken ledger; the result lists each problem.",
    },
    Code {
        code: "locked",
        exit: 1,
        meaning: "Another build is writing the same output folder (or the record); wait for it, or remove a stale lock the message names.",
    },
    Code {
        code: "not-built",
        exit: 1,
        meaning: "`build --keep-going` built every valid engagement and left the invalid ones out; the result lists each with its error.",
    },
    Code {
        code: "outside-folder",
        exit: 1,
        meaning: "A path given to the MCP server lies outside the folders it serves.",
    },
    Code {
        code: "internal",
        exit: 4,
        meaning: "A bug in docket, nothing the user did. The message says what failed; please report it.",
    },
];

impl Error {
    /// The stable code of this error (listed in [`CODES`], the table docs/reference/errors.md is generated from).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Read { .. } => "read-failed",
            Error::Data { .. } => "invalid-data",
            Error::Template { .. } => "template",
            Error::Typeset { .. } => "typeset",
            Error::Write { .. } => "write-failed",
            Error::Refused(_) => "refused",
            Error::Verify(_) => "verify-failed",
            Error::Locked { .. } => "locked",
            Error::NotBuilt { .. } => "not-built",
            Error::Usage(_) => "usage",
            Error::Setup(_) => "setup",
            Error::Internal(_) => "internal",
            Error::Outside { .. } => "outside-folder",
            Error::EInvoice { .. } => "einvoice",
        }
    }

    /// The exit status this error gives: 2 for a usage error, 3 for a setup error, 4 for an
    /// internal error (a bug), 1 for everything else (invalid data, a template error, a
    /// refusal, tampering found).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Setup(_) => 3,
            Error::Internal(_) => 4,
            _ => 1,
        }
    }

    /// The object `--json` prints for this error.
    pub fn object(&self) -> ErrorObject {
        ErrorObject {
            error: self.report(),
            result: None,
        }
    }

    /// This error as data.
    pub fn report(&self) -> ErrorReport {
        let mut report = ErrorReport {
            code: self.code().to_string(),
            message: self.to_string(),
            file: None,
            line: None,
            column: None,
            field: None,
            expected: None,
            hint: None,
        };
        match self {
            Error::Read { path, .. } | Error::Write { path, .. } => {
                report.file = Some(path.display().to_string());
            }
            Error::Data { location, message } => {
                report.file = Some(location.file.display().to_string());
                report.line = location.line;
                report.column = location.column;
                report.field = location.field.clone();
                report.expected = Some(message.clone());
                report.hint = Some("fix the field named, then run `docket check`".into());
            }
            Error::Template { template, .. } => {
                report.file = Some(template.clone());
            }
            Error::Locked { path, .. } => {
                report.file = Some(path.display().to_string());
                report.hint =
                    Some("wait for that build to finish, or build into another --out".into());
            }
            Error::Verify(_) => {
                report.hint = Some("the result lists each problem with its file".into());
            }
            Error::NotBuilt { .. } => {
                report.hint =
                    Some("the result lists each engagement left out with its located error".into());
            }
            Error::Usage(_) => {
                report.hint = Some("see `docket --help` or `docket COMMAND --help`".into());
            }
            Error::Setup(_) => {
                report.hint = Some(
                    "run docket in a project folder (`docket init DIR` makes one), or name the \
                     folders with --data, --templates and --fonts"
                        .into(),
                );
            }
            Error::Internal(_) => {
                report.hint =
                    Some("this is a bug in docket: please report it with the message".into());
            }
            Error::Outside { path, .. } => {
                report.file = Some(path.display().to_string());
            }
            Error::Typeset { .. } | Error::Refused(_) | Error::EInvoice { .. } => {}
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::{CODES, Error, Location};

    /// Every error, once: each one's code is in [`CODES`] with the exit status it gives, so
    /// the generated reference (docs/reference/errors.md) lists every code there is.
    #[test]
    fn every_error_has_its_code_in_the_table() {
        let io = || std::io::Error::other("x");
        let errors = [
            Error::Read {
                path: "f".into(),
                source: io(),
            },
            Error::Data {
                location: Location {
                    file: "f".into(),
                    line: None,
                    column: None,
                    field: None,
                },
                message: "m".into(),
            },
            Error::Template {
                template: "t".into(),
                message: "m".into(),
            },
            Error::Typeset {
                document: "d".into(),
                message: "m".into(),
            },
            Error::Write {
                path: "f".into(),
                source: io(),
            },
            Error::Refused("r".into()),
            Error::Verify("v".into()),
            Error::Locked {
                path: "l".into(),
                holder: None,
            },
            Error::NotBuilt { count: 1 },
            Error::Usage("u".into()),
            Error::Setup("s".into()),
            Error::Internal("i".into()),
            Error::Outside {
                path: "p".into(),
                what: "data",
            },
            Error::EInvoice {
                document: "d".into(),
                message: "m".into(),
            },
        ];
        for e in &errors {
            let code = CODES.iter().find(|c| c.code == e.code());
            assert_eq!(
                code.map(|c| c.exit),
                Some(e.exit_code()),
                "{}: not in CODES, or with another exit status",
                e.code()
            );
        }
        assert_eq!(
            CODES.len(),
            errors.len(),
            "a code in CODES that no error has"
        );
    }
}
