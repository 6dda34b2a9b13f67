//! The `docket` command: parses the command line, dispatches each command to the library,
//! and ends with its exit status. Nothing else.
//!
//! The grammar is `docket::cli::args` (clap), each result's text sits beside its type in
//! the library, and every verb is a function of `docket::commands` shared with the MCP
//! server: this file is one line per command.

use std::process::ExitCode;

use docket::cli::{self, ArchiveCommand, Command, Exit};
use docket::commands::{archive, read, write};

/// mimalloc rather than glibc's allocator: Typst allocates and frees millions of small
/// objects per build, and glibc's malloc/free were 14% of a build's samples. Chosen by
/// measurement (docs/dev/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    // `watch --json` prints JSON Lines, so a final error is one line too.
    let lines = matches!(&cli.command, Command::Watch(a) if a.json.json);
    cli::finish(dispatch(cli.command), lines)
}

/// One line per command: the command layer's verb (through `cli::verb`, which prints its
/// text or keeps its JSON), or the CLI's own handling where a terminal needs more.
fn dispatch(command: Command) -> docket::Result<Exit> {
    match command {
        Command::Build(a) => cli::build(a),
        Command::Check(a) => cli::verb(a.folders.workspace(), a.request, a.json.json, read::check),
        Command::Next(a) => cli::verb(a.folders.workspace(), a.request, a.json.json, read::next),
        Command::Handoff(a) => {
            cli::verb(a.folders.workspace(), a.request, a.json.json, read::handoff)
        }
        Command::Verify(a) => {
            cli::verb(a.folders.workspace(), a.request, a.json.json, read::verify)
        }
        Command::Approve(a) => cli::verb(
            a.folders.workspace(),
            a.request,
            a.json.json,
            write::approve,
        ),
        Command::Kinds(a) => cli::verb(a.data.workspace(), a.request, a.json.json, read::kinds),
        Command::New(a) => cli::verb(a.data.workspace(), a.request, a.json.json, write::new),
        Command::Envelopes(a) => cli::verb(a.workspace(), a.request, a.json.json, write::envelopes),
        Command::Archive {
            action: ArchiveCommand::Export(a),
        } => cli::verb(a.data.workspace(), a.request, a.json.json, archive::export),
        Command::Receivables(a) => cli::receivables(a),
        Command::Schema(a) => cli::schema(a),
        Command::Watch(a) => cli::watch(a),
        Command::Init { dir } => cli::init(&dir),
        Command::Approvers {
            data,
            allowed_signers,
        } => cli::approvers(&data, allowed_signers),
        Command::GenFixtures(a) => cli::gen_fixtures(&a),
        Command::Mcp(folders) => cli::mcp(&folders),
        Command::Completions { shell } => cli::completions(shell),
        Command::Man => cli::man(),
    }
}
