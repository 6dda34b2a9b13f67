//! Errors of the library. Each names the thing that failed and where, so that a user (or an
//! agent reading `--json`) can fix the input without reading docket's code.

use std::path::PathBuf;

/// Where in an input file something is: file, 1-based line and column, and the field path.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
    /// The request itself makes no sense (an unknown engagement or kind).
    #[error("{0}")]
    Usage(String),
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

/// Result with docket's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
