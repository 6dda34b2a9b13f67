//! docket: gated document generation for consultancy engagements.
//!
//! Structured engagement data flows through a staged pipeline. The stages, in the order a
//! build runs them (the same list as `docs/dev/architecture.md`):
//!
//! 1. [`load`]: find and parse every engagement under the data folder, validate it;
//! 2. [`gate`]: decide per artifact, from the approval manifest, final, draft or blocked,
//!    with its reasons ([`trust`] proves signed approvals first);
//! 3. [`route`]: from the gate's evaluations, pick the next skill and build the handoff;
//! 4. [`record`]: number final documents from their series, guard issued ones, keep the
//!    hash-chained ledger that records every final rendering;
//! 5. [`render`]: Tera templates to Markdown, Markdown to Typst, Typst to PDF in-process;
//! 6. write ([`build`]'s last stage, on [`output`]): everything atomically, with a build
//!    report ([`report`]) and a handoff.
//!
//! [`plan()`] runs stages 1 to 3 for every engagement (a [`Plan`] is the unit of work);
//! [`build()`] runs all six over chunks of engagements, one module per step (`src/build/`).
//!
//! [`commands`] is every verb once, as a typed request and a typed result, with the verbs
//! that are more than the stages (approve, envelopes, init, watch, schema, gen-fixtures)
//! beside it: the CLI ([`cli`], `src/main.rs`) and the MCP server ([`mcp`]) are thin shells
//! over it. Other programs can call the verbs, or [`check`] and [`build()`] over
//! [`Options`], directly.
//!
//! Which module may use which is written down in `docs/dev/architecture.md` ("Layers")
//! and checked by a test (`tests/it/layering.rs`).

pub mod billing;
pub mod board;
pub mod build;
pub mod cli;
pub mod commands;
pub mod derive;
pub mod digest;
pub mod einvoice;
pub mod error;
pub mod gate;
pub mod instances;
pub mod load;
pub mod locale;
pub mod mcp;
pub mod model;
pub mod money;
pub mod options;
pub mod output;
pub mod plan;
pub mod receivables;
pub mod record;
pub mod render;
pub mod report;
pub mod route;
pub mod text;
pub mod trust;
pub mod usps;

pub use build::build;
pub use commands::read::decide as check;
pub use error::{Error, Result};
pub use options::Options;
pub use plan::{Artifact, Plan, plan};
