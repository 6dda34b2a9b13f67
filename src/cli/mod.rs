//! The `docket` command line, a front end over [`crate::commands`] like the MCP server:
//! the grammar ([`args`], clap types), the progress bar ([`progress`]), how a verb's result
//! is shown (text beside each result type, or the JSON the MCP tool returns) and how a run
//! ends (error, exit status). `src/main.rs` only parses and dispatches.
//!
//! Nothing here decides anything: each command is a call into the command layer.

pub mod args;
pub mod progress;
pub mod reference;
mod verbs;

use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use serde_json::Value;

pub use args::{ArchiveCommand, Cli, Command};
pub use verbs::{
    approvers, build, completions, gen_fixtures, init, man, mcp, receivables, schema, watch,
};

use crate::commands::{self, Context, Reply, Workspace};
use crate::error::{Error, Result};
use crate::report::{json_line, to_json};

/// How a command ended: the JSON it prints (with `--json`), and the error that fails it
/// even so (verify's findings, a `--keep-going` build's invalid engagements).
#[derive(Debug, Default)]
pub struct Exit {
    /// The result as JSON, printed on stdout when the run asked for `--json`.
    pub json: Option<Value>,
    /// The error that makes the run fail.
    pub error: Option<Error>,
}

/// Runs one verb of the command layer over `workspace` and shows its result: as text for
/// people, or kept as JSON (`--json`) for [`finish`] to print.
pub fn verb<R, T: Reply>(
    workspace: Workspace,
    request: R,
    json: bool,
    run: fn(&Workspace, R) -> Result<T>,
) -> Result<Exit> {
    let started = Instant::now();
    let reply = run(&workspace, request)?;
    show(&reply, &workspace, started, json)
}

/// Shows a result: its [`Reply::text`] (stdout, then stderr), or its JSON kept for
/// [`finish`].
pub fn show<T: Reply>(
    reply: &T,
    workspace: &Workspace,
    started: Instant,
    json: bool,
) -> Result<Exit> {
    let json = if json {
        Some(commands::to_value(reply)?)
    } else {
        let text = reply.text(&Context {
            workspace,
            elapsed: started.elapsed(),
        });
        print!("{}", text.out);
        eprint!("{}", text.err);
        None
    };
    Ok(Exit {
        json,
        error: reply.failure(),
    })
}

/// Whether the command line asks for JSON, decided before parsing so that a usage error
/// is JSON too.
pub fn wants_json() -> bool {
    std::env::args_os().skip(1).any(|a| a == "--json")
}

/// Parses the command line. A usage error is clap's message (exit 2), or under `--json` an
/// error object on stdout.
pub fn parse() -> std::result::Result<Cli, ExitCode> {
    match Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(e) if wants_json() && e.use_stderr() => {
            let err = Error::Usage(e.kind().to_string());
            let mut object = err.object();
            object.error.message = e.to_string().trim().to_string();
            print!("{}", String::from_utf8_lossy(&to_json(&object)));
            Err(ExitCode::from(2))
        }
        Err(e) => e.exit(),
    }
}

/// Prints how the run ended (the JSON result, or the error on stderr and, under `--json`,
/// as an error object carrying the result) and returns the exit status. `lines`: the
/// command prints JSON Lines (`watch --json`), so the error is one line too.
pub fn finish(ran: Result<Exit>, lines: bool) -> ExitCode {
    let (output, error) = match ran {
        Ok(exit) => (exit.json, exit.error),
        Err(error) => (None, Some(error)),
    };
    let Some(err) = error else {
        if let Some(value) = output {
            print!("{}", String::from_utf8_lossy(&to_json(&value)));
        }
        return ExitCode::SUCCESS;
    };
    eprintln!("error: {err}");
    if wants_json() {
        let mut object = err.object();
        object.result = output;
        if lines {
            println!("{}", json_line(&object));
        } else {
            print!("{}", String::from_utf8_lossy(&to_json(&object)));
        }
    }
    ExitCode::from(err.exit_code())
}
