//! docket: gated document generation for consultancy engagements.
//!
//! Structured engagement data flows through a staged pipeline, one module per stage:
//!
//! 1. [`load`]: find and parse every engagement under the data folder, validate it;
//! 2. [`route`]: pick the next skill and build the handoff package;
//! 3. [`gate`]: decide per artifact, from the approval manifest, final, draft or blocked;
//! 4. [`record`]: number final documents from their series, guard issued ones, keep the
//!    hash-chained ledger that records every final rendering;
//! 5. [`render`]: Tera templates to Markdown, Markdown to Typst, Typst to PDF in-process;
//! 6. [`output`]: write everything atomically, with a build report and a handoff.
//!
//! [`build()`] runs them in that order over chunks of engagements, one module per step
//! (`src/build/`).
//!
//! [`envelopes::print_run`] reuses the same stages for a mail room: every envelope the gate
//! lets through, across engagements, as one multi-page PDF with a manifest.
//!
//! [`watch::watch`] rebuilds incrementally as the data, templates or rules are edited,
//! reporting the decisions that flipped and the files rewritten.
//!
//! [`commands`] is every verb once, as a typed request and a typed result: the CLI
//! (`src/main.rs`) and the MCP server ([`mcp`]) are thin shells over it. Other programs can
//! call the verbs, or [`check`] and [`build()`] over [`Options`], directly.
//!
//! Which module may use which is written down in the README ("Layers") and checked by a
//! test (`tests/it/layering.rs`).

pub mod approval;
pub mod approve;
pub mod billing;
pub mod board;
pub mod build;
pub mod commands;
pub mod derive;
pub mod digest;
pub mod einvoice;
pub mod envelopes;
pub mod error;
pub mod fixtures;
pub mod gate;
pub mod incremental;
pub mod init;
pub mod instances;
pub mod load;
pub mod locale;
pub mod mcp;
pub mod model;
pub mod money;
pub mod numbering;
pub mod options;
pub mod output;
pub mod plan;
pub mod receivables;
pub mod record;
pub mod render;
pub mod report;
pub mod route;
pub mod schema;
pub mod text;
pub mod trust;
pub mod usps;
pub mod watch;

pub use build::build;
pub use commands::read::decide as check;
pub use error::{Error, Result};
pub use options::Options;
pub use plan::{Artifact, Plan, plan};
