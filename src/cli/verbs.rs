//! The commands that need more of the terminal than [`super::verb`] gives: a progress bar
//! (build), a stream of rebuilds until Ctrl-C (watch), CSV (receivables), a list when no
//! name is given (schema), and the commands that are not verbs of the command layer (init,
//! approvers, gen-fixtures, mcp, completions, man).

use std::io::Write;
use std::time::Instant;

use clap::CommandFactory;

use super::args::{
    BuildArgs, Cli, DataArg, FolderArgs, GenArgs, ReceivablesArgs, SchemaArgs, WatchArgs,
};
use super::progress::Progress;
use super::{Exit, show, verb};
use crate::commands::{Workspace, read, write};
use crate::error::{Error, Result};

/// `docket build`: progress on stderr while it runs; a table of every decision for a few
/// engagements, counts for a batch.
pub fn build(args: BuildArgs) -> Result<Exit> {
    let started = Instant::now();
    let workspace = args.folders.workspace();
    let json = args.json.json;
    let progress = Progress::new(!json);
    let reports = if json { usize::MAX } else { 50 };
    let built = write::build_with(&workspace, args.request, reports, &|done, total, name| {
        progress.tick(done, total, name)
    })?;
    progress.finish();
    show(&built, &workspace, started, json)
}

/// `docket watch`: rebuilds until Ctrl-C or SIGTERM, which let a rebuild under way finish.
pub fn watch(args: WatchArgs) -> Result<Exit> {
    let workspace = args.folders.workspace();
    let opts = args.request.options(&workspace, usize::MAX)?;
    let json = args.json.json;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, stop.clone())
            .map_err(|e| Error::Setup(format!("cannot handle signal {signal}: {e}")))?;
    }
    if !json {
        eprintln!(
            "watching {}, {} and {} (Ctrl-C to stop)",
            opts.data.display(),
            opts.templates.display(),
            opts.fonts.display()
        );
    }
    crate::commands::watch::watch(&opts, &stop, &mut |report| {
        if json {
            println!("{}", report.json_line());
        } else {
            eprintln!("{}", report.text());
        }
        let _ = std::io::stdout().flush();
    })?;
    if !json {
        eprintln!("stopped; outputs are complete");
    }
    Ok(Exit::default())
}

/// `docket receivables`, as a table, JSON, or CSV (RFC 4180) for a spreadsheet.
pub fn receivables(args: ReceivablesArgs) -> Result<Exit> {
    let workspace = args.folders.workspace();
    if !args.csv {
        return verb(workspace, args.request, args.json.json, read::receivables);
    }
    let owed = read::receivables(&workspace, args.request)?;
    std::io::stdout()
        .write_all(&crate::receivables::to_csv(&owed))
        .map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })?;
    Ok(Exit::default())
}

/// `docket schema`: one schema, all of them, or (no name) the list of names.
pub fn schema(args: SchemaArgs) -> Result<Exit> {
    if args.all && args.request.name.is_some() {
        return Err(Error::Usage(
            "give a schema name or --all, not both".to_string(),
        ));
    }
    if !args.all && args.request.name.is_none() && !args.json.json {
        println!("Schemas (docket schema NAME prints one; --all prints them all):");
        for (name, what) in crate::commands::schema::NAMES {
            println!("  {name:<13} {what}");
        }
        return Ok(Exit::default());
    }
    // Schemas are JSON, with or without --json.
    verb(Workspace::default(), args.request, true, read::schema)
}

/// `docket init DIR`.
pub fn init(dir: &std::path::Path) -> Result<Exit> {
    let written = crate::commands::init::init(dir)?;
    eprintln!(
        "created {} files in {}; next: cd {} && docket build",
        written.len(),
        dir.display(),
        dir.display()
    );
    Ok(Exit::default())
}

/// `docket approvers`: the roster as text, or as OpenSSH's allowed_signers.
pub fn approvers(data: &DataArg, allowed_signers: bool) -> Result<Exit> {
    let roster = crate::load::roster(&data.data)?;
    if allowed_signers {
        print!("{}", roster.allowed_signers());
    } else {
        print!("{roster}");
    }
    Ok(Exit::default())
}

/// `docket gen-fixtures N --out DIR`.
pub fn gen_fixtures(args: &GenArgs) -> Result<Exit> {
    crate::commands::fixtures::generate(
        args.count,
        &args.out,
        args.seed,
        args.sign_with.as_deref(),
    )?;
    eprintln!(
        "wrote {} engagements into {}",
        args.count,
        args.out.display()
    );
    Ok(Exit::default())
}

/// `docket mcp`: serves until the client closes stdin.
pub fn mcp(folders: &FolderArgs) -> Result<Exit> {
    crate::mcp::serve(folders.workspace())?;
    Ok(Exit::default())
}

/// `docket completions SHELL`: the completion script, from the same definitions as `--help`.
pub fn completions(shell: clap_complete::Shell) -> Result<Exit> {
    clap_complete::generate(shell, &mut Cli::command(), "docket", &mut std::io::stdout());
    Ok(Exit::default())
}

/// `docket man`: the man page (roff), from the same definitions as `--help`.
pub fn man() -> Result<Exit> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Error::Internal(format!("cannot render the man page: {e}")))?;
    std::io::stdout()
        .write_all(&page)
        .map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })?;
    Ok(Exit::default())
}
