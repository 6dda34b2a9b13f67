//! The integration tests: one binary (one link of Typst instead of one per file), one module
//! per area. Each module runs the real `docket` binary on fixture folders, or the library
//! where a test needs its types. `cargo test --test it northwind::` runs one module.
//! `tests/README.md` says what each module covers, how to refresh what the tests compare
//! against, and which checks need a tool.

mod approvals;
mod batch;
mod board;
mod cli;
mod common;
mod crash;
mod docs;
mod einvoice;
mod envelope;
mod gate;
mod hostile;
mod invoices;
mod issued;
mod json_errors;
mod keep_going;
mod layering;
mod layouts;
mod lifecycle;
mod locales;
mod malformed;
mod mcp;
mod northwind;
mod receivables;
mod record;
mod reproducible;
mod rules;
mod sandbox;
mod schema;
mod signing;
#[cfg(unix)]
mod watch;
mod writing_systems;
