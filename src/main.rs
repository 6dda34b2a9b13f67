//! The `docket` command: parses arguments, calls the command layer, prints. Nothing else.
//!
//! Every verb is a function of `docket::commands` over a typed request; this file adds the
//! flags that only a terminal needs (`--json`, `--csv`, the data folders as flags, a
//! progress bar) and prints each result as text for people or as the JSON the MCP server
//! returns too.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use docket::Error;
use docket::commands::{self, Reply, Workspace, read, write};
use docket::gate::Decision;
use docket::report::{Summary, to_json};
use serde_json::Value;

/// mimalloc rather than glibc's allocator: Typst allocates and frees millions of small
/// objects per build, and glibc's malloc/free were 14% of a build's samples. Chosen by
/// measurement (README, "Where the time goes").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Shown after the help: the commands a new user needs first, and the exit status.
const QUICK_START: &str = "Quick start:
  docket build                 render data/ into output/
  docket check                 validate and decide, write nothing
  docket next -e northwind     where the engagement goes next
  docket approve invoice -e northwind --action issue-invoice --evidence REF --key ~/.ssh/id_ed25519
  docket verify                check the ledgers and every final output

Exit status: 0 done (blocked artifacts are a normal outcome); 1 invalid data, a template error,
a refusal or tampering found (nothing written; build --keep-going writes the valid engagements
and lists the invalid ones); 2 usage error; 3 setup error (a missing data, templates or fonts
folder, a logo that is not there); 4 internal error (a bug in docket: please report it).";

/// Gated document generation for consultancy engagements.
///
/// docket reads each engagement under the data folder (engagement.toml or .json, with its
/// approvals.toml manifest), decides for every artifact whether it is final, a draft or
/// blocked, and renders the cleared ones to Markdown and PDF under the output folder.
#[derive(Debug, Parser)]
#[command(
    name = "docket",
    version,
    about,
    long_about,
    max_term_width = 100,
    after_help = QUICK_START,
    after_long_help = QUICK_START
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new project folder: data (rules and the Northwind example), templates,
    /// fonts. Then `cd DIR && docket build`.
    Init {
        /// The folder to create.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Render every cleared artifact to Markdown and PDF, with build report and handoff.
    ///
    /// Each PDF is laid out by its kind's layout (templates/<kind>.typ) on the house style
    /// (templates/_house.typ: letterhead, colour and logo from [provider.brand]); each
    /// Markdown file opens with YAML front matter. A final email sequence also gets one
    /// .eml draft per message.
    ///
    /// Exit status: 0 when the run completed (blocked artifacts are a normal outcome),
    /// 1 on invalid data or a template error (nothing is written; with --keep-going, every
    /// valid engagement is written and the invalid ones are listed), 2 on a usage error,
    /// 3 on a setup error (no fonts, no templates).
    Build(BuildArgs),
    /// Validate the data and evaluate every gate; write nothing.
    Check(SelectArgs),
    /// Show where an engagement goes next: lifecycle stage, next skill, next action.
    Next(NextArgs),
    /// Print the handoff package: artifact paths, decisions, open questions, blockers,
    /// approvals, tracks, next owner.
    Handoff(SelectArgs),
    /// Sign an approval of one artifact's current content into approvals.toml (or ask).
    ///
    /// With --key, the approver's own key signs the approval's statement (SSHSIG); the
    /// roster (approvers.toml) names whose key it is and what they may approve. The record
    /// is bound to the digest of the artifact's inputs: if they change later, the approval
    /// goes stale and the artifact falls back to draft. Without a key (and always through
    /// MCP) docket records a request and says who can grant it.
    ///
    /// Example: docket approve invoice:milestone-2 -e northwind --action issue-invoice
    ///          --evidence "approved by email 2026-11-30" --key ~/.ssh/id_ed25519
    Approve(ApproveArgs),
    /// Write N generated, varied engagements (for benchmarks and tests).
    GenFixtures(GenArgs),
    /// Build, then rebuild incrementally whenever the data, templates, rules or fonts change.
    ///
    /// After each rebuild, prints the paths that changed, every gate decision that flipped
    /// (northwind/invoice: draft -> final), the artifacts rendered and report files
    /// rewritten, counts and time; with --json, one JSON object per rebuild per line on
    /// stdout. Changes are debounced (250 ms of quiet); docket's own writes (ledgers, the
    /// record lock, temporary files, the output folder) are ignored. An invalid edit is
    /// reported and the watch goes on. Ctrl-C lets a running rebuild finish, then exits 0.
    Watch(WatchArgs),
    /// What clients owe: per client and currency, what is open, past due and its aging
    /// (current, 1-30, 31-60, 61-90, over 90 days), the longest overdue first, then the
    /// total per currency (currencies are never added together).
    ///
    /// Figures come from the issued invoices and credit notes (the ledger) and each
    /// engagement's [[payments]], counted to its as_of date. Record a payment by adding a
    /// [[payments]] table to engagement.toml (date, amount, currency, method, reference,
    /// applied_to = [{ invoice = "INV-2026-0459", amount = "7200.00" }]).
    ///
    /// Example: docket receivables --csv > receivables.csv
    Receivables(ReceivablesArgs),
    /// Check the ledgers: the hash chain, and that every final output on disk still
    /// matches its recorded digest. Exit status 1 if anything was tampered with.
    Verify(SelectArgs),
    /// Print run: every #10 envelope approved to send with a verified recipient, across all
    /// engagements, as one PDF (one page each), with a manifest (JSON and CSV) beside it that
    /// lists every envelope printed and every one skipped, with the reason.
    ///
    /// Print the PDF at 100% ("actual size"): scaling moves the USPS zones and the barcode.
    Envelopes(EnvelopesArgs),
    /// List the artifact kinds the rules define, with what each kind's gate asks for: the
    /// approvals it is blocked without and those a final document requires (gate, action,
    /// scope), and its required facts.
    ///
    /// Example: docket kinds --json | jq '.kinds[] | {kind, final_requires}'
    Kinds(KindsArgs),
    /// Print a JSON Schema (draft 2020-12) of what docket reads or writes: engagement,
    /// approvals, rules, build-report, handoff, receivables, error, watch. Without a name,
    /// list them.
    ///
    /// Example: docket schema engagement > engagement.schema.json
    Schema(SchemaArgs),
    /// List who may approve what (the roster, approvers.toml): each person, their keys with
    /// fingerprints and windows, and their authority; or, with --allowed-signers, the roster
    /// as OpenSSH's allowed_signers file, for `ssh-keygen -Y verify`.
    ///
    /// Example: docket approvers --allowed-signers > allowed_signers
    Approvers {
        #[command(flatten)]
        data: DataArg,
        /// Print OpenSSH's allowed_signers file (docket's namespace, each key's window).
        #[arg(long)]
        allowed_signers: bool,
    },
    /// Start a new engagement folder under the data folder: the required fields, every fact
    /// TBD, every approval the rules use recorded as unknown. `docket check` accepts it.
    ///
    /// Example: docket new acme-pilot && $EDITOR data/acme-pilot/engagement.toml
    New(NewArgs),
    /// Serve docket to an agent host over the Model Context Protocol (stdio).
    ///
    /// Tools: check, next, handoff, build, approve, receivables, verify, envelopes, kinds,
    /// schema, new; each returns the JSON the CLI prints with --json. The data and output folders
    /// are fixed here: no tool reads or writes outside them. Logs go to stderr only; stdout
    /// carries the protocol.
    Mcp(FolderArgs),
}

// Flag groups, flattened into the commands that take them (typst-cli's `WorldArgs`).

/// `--data`.
#[derive(Debug, Clone, Args)]
struct DataArg {
    /// The data folder: one sub-folder per engagement, plus an optional rules.toml.
    #[arg(long, value_name = "DIR", default_value = commands::DATA)]
    data: PathBuf,
}

/// `--templates` and `--fonts`.
#[derive(Debug, Clone, Args)]
struct RenderArgs {
    /// The templates folder (Tera *.md and Typst *.typ).
    #[arg(long, value_name = "DIR", default_value = commands::TEMPLATES)]
    templates: PathBuf,
    /// The fonts folder; only these fonts are used.
    #[arg(long, value_name = "DIR", default_value = commands::FONTS)]
    fonts: PathBuf,
}

/// Every folder a run works in.
#[derive(Debug, Clone, Args)]
struct FolderArgs {
    #[command(flatten)]
    data: DataArg,
    /// The output folder (reports name output paths under it).
    #[arg(long, value_name = "DIR", default_value = commands::OUT)]
    out: PathBuf,
    #[command(flatten)]
    render: RenderArgs,
}

impl FolderArgs {
    fn workspace(&self) -> Workspace {
        Workspace {
            data: self.data.data.clone(),
            out: self.out.clone(),
            templates: self.render.templates.clone(),
            fonts: self.render.fonts.clone(),
        }
    }
}

/// `--json`.
#[derive(Debug, Clone, Copy, Args)]
struct JsonArg {
    /// Print the result as JSON on stdout (for scripts and agents): the JSON the MCP tool
    /// of the same name returns.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct SelectArgs {
    #[command(flatten)]
    folders: FolderArgs,
    #[command(flatten)]
    request: read::Select,
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct NextArgs {
    #[command(flatten)]
    folders: FolderArgs,
    #[command(flatten)]
    request: read::NextRequest,
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[command(flatten)]
    folders: FolderArgs,
    #[command(flatten)]
    request: write::BuildRequest,
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct WatchArgs {
    #[command(flatten)]
    folders: FolderArgs,
    // What each rebuild builds, as for `docket build` (`--force` applies to the first).
    #[command(flatten)]
    request: write::BuildRequest,
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct ApproveArgs {
    #[command(flatten)]
    request: write::ApproveRequest,
    #[command(flatten)]
    folders: FolderArgs,
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct ReceivablesArgs {
    #[command(flatten)]
    folders: FolderArgs,
    #[command(flatten)]
    request: read::ReceivablesRequest,
    /// Print CSV (RFC 4180, one row per client and currency, plain decimal amounts) for a
    /// spreadsheet or an accounting import.
    #[arg(long, conflicts_with = "json")]
    csv: bool,
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct EnvelopesArgs {
    #[command(flatten)]
    data: DataArg,
    #[command(flatten)]
    render: RenderArgs,
    #[command(flatten)]
    request: write::EnvelopesRequest,
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct KindsArgs {
    #[command(flatten)]
    data: DataArg,
    #[command(flatten)]
    request: read::KindsRequest,
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct SchemaArgs {
    #[command(flatten)]
    request: read::SchemaRequest,
    /// Print every schema, as one JSON object keyed by name.
    #[arg(long)]
    all: bool,
    /// Accepted for symmetry with the other commands (schemas are JSON anyway); errors
    /// are then JSON too.
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct NewArgs {
    #[command(flatten)]
    request: write::NewRequest,
    #[command(flatten)]
    data: DataArg,
    #[command(flatten)]
    json: JsonArg,
}

#[derive(Debug, Args)]
struct GenArgs {
    /// How many engagements.
    count: usize,
    /// Where to write them (a data folder).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Seed: the same count and seed give the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Sign every approval with this unencrypted OpenSSH private key (an example key of
    /// tests/fixtures/keys), list it in a generated approvers.toml and set trust = "signed";
    /// without it the rules say trust = "evidence".
    #[arg(long, value_name = "KEY")]
    sign_with: Option<PathBuf>,
}

/// How a command ended: the JSON it prints (with `--json`), and the error that fails it
/// even so (verify's findings, a `--keep-going` build's invalid engagements).
#[derive(Default)]
struct Exit {
    json: Option<Value>,
    error: Option<Error>,
}

/// Prints a verb's result as text (`text`), or keeps it as JSON for `main` to print.
fn finish<T: Reply>(reply: &T, json: JsonArg, text: impl FnOnce(&T)) -> Result<Exit, Error> {
    let value = if json.json {
        Some(commands::to_value(reply)?)
    } else {
        text(reply);
        None
    };
    Ok(Exit {
        json: value,
        error: reply.failure(),
    })
}

/// One JSON line (JSON Lines, for `watch --json`).
fn json_line<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| {
        format!(r#"{{"error":{{"code":"internal","message":"cannot serialize: {e}"}}}}"#)
    })
}

fn main() -> ExitCode {
    // Decided before parsing, so that a usage error is JSON too when --json was asked for.
    let json = std::env::args_os().skip(1).any(|a| a == "--json");
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if json && e.use_stderr() => {
            let err = Error::Usage(e.kind().to_string());
            let mut object = err.object();
            object.error.message = e.to_string().trim().to_string();
            print!("{}", String::from_utf8_lossy(&to_json(&object)));
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    // `watch --json` prints JSON Lines, so a final error is one line too.
    let lines = matches!(&cli.command, Command::Watch(a) if a.json.json);
    let (output, error) = match run(cli) {
        Ok(exit) => (exit.json, exit.error),
        Err(error) => (None, Some(error)),
    };
    match error {
        None => {
            if let Some(value) = output {
                print!("{}", String::from_utf8_lossy(&to_json(&value)));
            }
            ExitCode::SUCCESS
        }
        Some(err) => {
            eprintln!("error: {err}");
            if json {
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
    }
}

fn run(cli: Cli) -> Result<Exit, Error> {
    match cli.command {
        Command::Build(args) => {
            let started = std::time::Instant::now();
            let workspace = args.folders.workspace();
            let progress = Progress::new(!args.json.json);
            // A table of every artifact helps for a few engagements; a batch prints counts.
            let reports = if args.json.json { usize::MAX } else { 50 };
            let built =
                write::build_with(&workspace, args.request, reports, &|done, total, name| {
                    progress.tick(done, total, name)
                })?;
            progress.finish();
            finish(&built, args.json, |built| {
                let summary = &built.0;
                if summary.engagements.len() == summary.rendered_engagements {
                    print_table(summary);
                }
                for failed in &summary.failed {
                    eprintln!("not built: {}: {}", failed.engagement, failed.error);
                }
                for warning in &summary.warnings {
                    eprintln!("warning: {}", warning.message);
                }
                let typeset = summary.timings.map_or(0, |t| t.documents);
                let failed = if summary.failed.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; {} invalid engagement(s) not built, their outputs left as they were",
                        summary.failed.len()
                    )
                };
                eprintln!(
                    "built {} engagement(s) into {} in {:.2}s: {} final, {} draft, {} blocked; \
                     {typeset} document(s) rendered, {} engagement(s) unchanged{failed}",
                    summary.rendered_engagements + summary.unchanged,
                    workspace.out.display(),
                    started.elapsed().as_secs_f64(),
                    summary.counts.final_,
                    summary.counts.draft,
                    summary.counts.blocked,
                    summary.unchanged
                );
            })
        }
        Command::Watch(args) => {
            let workspace = args.folders.workspace();
            let opts = args.request.options(&workspace, usize::MAX)?;
            let json = args.json.json;
            // Ctrl-C (or SIGTERM) only asks the watch to stop: a rebuild under way finishes.
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
            docket::watch::watch(&opts, &stop, &mut |report| print_rebuild(&report, json))?;
            if !json {
                eprintln!("stopped; outputs are complete");
            }
            Ok(Exit::default())
        }
        Command::Check(args) => {
            let summary = read::check(&args.folders.workspace(), args.request)?;
            finish(&summary, args.json, |summary| {
                print_table(summary);
                eprintln!(
                    "checked {} engagement(s): {} final, {} draft, {} blocked; nothing written",
                    summary.engagements.len(),
                    summary.counts.final_,
                    summary.counts.draft,
                    summary.counts.blocked
                );
            })
        }
        Command::Next(args) => {
            let next = read::next(&args.folders.workspace(), args.request)?;
            finish(&next, args.json, |next| {
                for e in &next.summary.engagements {
                    let r = &e.route;
                    println!("{} ({})", e.engagement, e.client);
                    println!("  lifecycle stage  {}", r.lifecycle_stage);
                    println!("  next skill       {}", r.next_skill.join(" -> "));
                    println!("  next action      {}", r.next_action);
                    println!("  next owner       {}", r.next_owner);
                    println!("  because          {}", r.reason);
                    for b in docket::report::blockers(e) {
                        println!(
                            "  blocker          {}: {} (ask {})",
                            b.blocks, b.blocker, b.owner
                        );
                    }
                    for w in &r.warnings {
                        println!("  warning          {w}");
                    }
                    for o in &e.overdue {
                        println!("  overdue          {o}");
                    }
                    for h in e.receivables.iter().flat_map(|a| &a.held) {
                        println!("  payment held     {h}");
                    }
                    for q in &e.requests {
                        println!(
                            "  request          {} {} ({}), asked by {}: {}",
                            q.artifact,
                            q.gate,
                            q.actions.join(", "),
                            q.requested_by,
                            q.reason
                        );
                        println!(
                            "                   can grant: {}",
                            if q.can_grant.is_empty() {
                                "nobody in the roster (approvers.toml)".to_string()
                            } else {
                                q.can_grant.join("; ")
                            }
                        );
                        println!("                   they run: {}", q.command);
                    }
                    if let Some(u) = &e.unverified {
                        println!("  unverified       {u}");
                    }
                }
            })
        }
        Command::Receivables(args) => {
            let owed = read::receivables(&args.folders.workspace(), args.request)?;
            if args.csv {
                use std::io::Write;
                std::io::stdout()
                    .write_all(&docket::receivables::to_csv(&owed))
                    .map_err(|source| Error::Write {
                        path: "<stdout>".into(),
                        source,
                    })?;
                return Ok(Exit::default());
            }
            finish(&owed, args.json, print_receivables)
        }
        Command::Approve(args) => {
            let engagement = args.request.engagement.clone();
            let outcome = write::approve(&args.folders.workspace(), args.request)?;
            finish(&outcome, args.json, |o| print_approval(o, &engagement))
        }
        Command::Init { dir } => {
            let written = docket::init::init(&dir)?;
            eprintln!(
                "created {} files in {}; next: cd {} && docket build",
                written.len(),
                dir.display(),
                dir.display()
            );
            Ok(Exit::default())
        }
        Command::Approvers {
            data,
            allowed_signers,
        } => {
            let roster = docket::load::roster(&data.data)?;
            if allowed_signers {
                print!("{}", roster.allowed_signers());
            } else {
                print_roster(&roster);
            }
            Ok(Exit::default())
        }
        Command::GenFixtures(args) => {
            docket::fixtures::generate(
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
        Command::Verify(args) => {
            let found = read::verify(&args.folders.workspace(), args.request)?;
            finish(&found, args.json, |found| {
                for v in &found.engagements {
                    if v.problems.is_empty() {
                        println!(
                            "{}: ledger intact ({} records), every recorded output unchanged",
                            v.engagement, v.records
                        );
                    }
                    for p in &v.problems {
                        println!("{}: {}: {}", v.engagement, p.file, p.message);
                    }
                }
            })
        }
        Command::Kinds(args) => {
            let workspace = Workspace {
                data: args.data.data,
                ..Workspace::default()
            };
            let kinds = read::kinds(&workspace, args.request)?;
            finish(&kinds, args.json, print_kinds)
        }
        Command::Schema(args) => {
            if args.all && args.request.name.is_some() {
                return Err(Error::Usage(
                    "give a schema name or --all, not both".to_string(),
                ));
            }
            if !args.all && args.request.name.is_none() && !args.json.json {
                println!("Schemas (docket schema NAME prints one; --all prints them all):");
                for (name, what) in docket::schema::NAMES {
                    println!("  {name:<13} {what}");
                }
                return Ok(Exit::default());
            }
            // Schemas are JSON, with or without --json.
            let schema = read::schema(&Workspace::default(), args.request)?;
            finish(&schema, JsonArg { json: true }, |_| {})
        }
        Command::New(args) => {
            let workspace = Workspace {
                data: args.data.data,
                ..Workspace::default()
            };
            let engagement = args.request.engagement.clone();
            let created = write::new(&workspace, args.request)?;
            finish(&created, args.json, |created| {
                for f in &created.files {
                    println!("wrote {f}");
                }
                eprintln!(
                    "every fact is TBD and every approval unknown: fill in what is known, then \
                     `docket check -e {engagement}`"
                );
            })
        }
        Command::Mcp(folders) => {
            docket::mcp::serve(folders.workspace())?;
            Ok(Exit::default())
        }
        Command::Envelopes(args) => {
            let started = std::time::Instant::now();
            let workspace = Workspace {
                data: args.data.data,
                templates: args.render.templates,
                fonts: args.render.fonts,
                ..Workspace::default()
            };
            let run = write::envelopes(&workspace, args.request)?;
            finish(&run, args.json, |run| {
                for e in &run.envelopes {
                    match e.page {
                        Some(page) => println!("  page {page:<5} {}", e.engagement),
                        None => println!(
                            "  skipped    {} ({}): {}",
                            e.engagement,
                            e.decision.as_str(),
                            e.reasons.first().map(String::as_str).unwrap_or("")
                        ),
                    }
                }
                let pdf = run.pdf.as_ref().map_or_else(
                    || "no PDF (nothing approved to send)".to_string(),
                    |p| format!("{} (print at 100%, actual size)", p.display()),
                );
                eprintln!(
                    "printed {} envelope(s), skipped {}, in {:.2}s: {pdf}; manifest {} and {}",
                    run.counts.printed,
                    run.counts.skipped,
                    started.elapsed().as_secs_f64(),
                    run.manifest_json.display(),
                    run.manifest_csv.display()
                );
            })
        }
        Command::Handoff(args) => {
            let handoffs = read::handoff(&args.folders.workspace(), args.request)?;
            finish(&handoffs, args.json, |handoffs| {
                for h in handoffs.iter() {
                    println!("{}", docket::report::handoff_markdown(h));
                }
            })
        }
    }
}

/// Progress of a build: a bar on a terminal, a plain line every tenth when not, nothing
/// with --json (stdout is for the report; progress goes to stderr either way).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    plain: bool,
    /// The last tenth printed in plain mode.
    printed: std::sync::atomic::AtomicUsize,
}

impl Progress {
    fn new(enabled: bool) -> Progress {
        let tty = std::io::stderr().is_terminal();
        let bar = (enabled && tty).then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} building [{bar:30}] {pos}/{len} engagements, eta {eta} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar
        });
        Progress {
            bar,
            plain: enabled && !tty,
            printed: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn tick(&self, done: usize, total: usize, name: &str) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            bar.set_message(name.to_string());
        } else if self.plain && total >= 100 {
            let tenth = done * 10 / total;
            let before = self
                .printed
                .fetch_max(tenth, std::sync::atomic::Ordering::Relaxed);
            if tenth > before {
                eprintln!("built {done}/{total} engagements");
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// One rebuild of `docket watch`: for people on stderr, or one JSON line on stdout.
fn print_rebuild(report: &docket::watch::Report, json: bool) {
    use docket::watch::Report;
    use std::io::Write;
    match (report, json) {
        (Report::Rebuilt(rebuild), false) => eprintln!("{rebuild}\n"),
        (Report::Rebuilt(rebuild), true) => {
            println!("{}", json_line(rebuild));
        }
        (Report::Failed { changed, error, .. }, false) => {
            for path in changed {
                eprintln!("changed   {path}");
            }
            eprintln!("error: {error}\nstill watching: the next save rebuilds\n");
        }
        (
            Report::Failed {
                rebuild,
                changed,
                error,
            },
            true,
        ) => {
            let mut object = error.object();
            object.result = Some(serde_json::json!({ "rebuild": rebuild, "changed": changed }));
            println!("{}", json_line(&object));
        }
    }
    let _ = std::io::stdout().flush();
}

fn print_table(summary: &Summary) {
    let kind_width = summary
        .engagements
        .iter()
        .flat_map(|e| &e.artifacts)
        .map(|a| a.name().len())
        .max()
        .unwrap_or(0);
    let id_width = summary
        .engagements
        .iter()
        .flat_map(|e| &e.artifacts)
        .map(|a| a.document_id.len())
        .max()
        .unwrap_or(0);
    for e in &summary.engagements {
        println!(
            "{} ({}): lifecycle stage {}",
            e.engagement, e.client, e.lifecycle_stage
        );
        if let Some(u) = &e.unverified {
            println!("  warning: {u}");
        }
        for a in &e.artifacts {
            let mark = match a.decision {
                Decision::Final => "final  ",
                Decision::Draft => "draft  ",
                Decision::Blocked => "blocked",
            };
            println!(
                "  {mark}  {:<kind_width$}  {:<id_width$}  {}",
                a.name(),
                a.document_id,
                a.reasons.first().map(String::as_str).unwrap_or("")
            );
        }
    }
}

/// `docket kinds` as text: each kind, then what blocks it and what makes it final.
fn print_kinds(kinds: &read::Kinds) {
    let needs = |reqs: &[docket::model::Requirement]| {
        let list: Vec<String> = reqs
            .iter()
            .map(|r| format!("{} approval to {}", r.gate, r.action))
            .collect();
        if list.is_empty() {
            "nothing".to_string()
        } else {
            list.join(", ")
        }
    };
    for k in &kinds.kinds {
        println!(
            "{} ({}, [{}], skill {})",
            k.kind, k.title, k.section, k.skill
        );
        println!("  blocked without  {}", needs(&k.blocked_unless));
        println!("  final needs      {}", needs(&k.final_requires));
        if !k.required_facts.is_empty() {
            println!("  required facts   {}", k.required_facts.join(", "));
        }
    }
}

/// `docket receivables` as a table: per client and currency, then per currency.
fn print_receivables(owed: &docket::receivables::Receivables) {
    use docket::money::{Currency, format_amount};
    use docket::receivables::Bucket;
    let fmt = |code: &str, d: rust_decimal::Decimal| {
        Currency::from_code(code).map_or_else(|| d.to_string(), |c| format_amount(d, c))
    };
    if owed.rows.is_empty() {
        println!("nothing is owed: every issued invoice is paid or credited");
        return;
    }
    let mut table = vec![{
        let mut h = vec![
            "CLIENT".to_string(),
            "CUR".into(),
            "OPEN".into(),
            "PAST DUE".into(),
        ];
        h.extend(Bucket::ALL.iter().map(|b| b.id().to_uppercase()));
        h.extend(["OLDEST DUE".into(), "DAYS".into()]);
        h
    }];
    for r in &owed.rows {
        let mut row = vec![
            r.client.clone(),
            r.currency.clone(),
            fmt(&r.currency, r.open),
            fmt(&r.currency, r.overdue),
        ];
        row.extend(r.aging.iter().map(|a| fmt(&r.currency, *a)));
        row.push(r.oldest_due.map(|d| d.to_string()).unwrap_or_default());
        row.push(r.days_overdue.to_string());
        table.push(row);
    }
    for t in &owed.totals {
        let mut row = vec![
            "TOTAL".to_string(),
            t.currency.clone(),
            fmt(&t.currency, t.open),
            fmt(&t.currency, t.overdue),
        ];
        row.extend(t.buckets.iter().map(|a| fmt(&t.currency, *a)));
        row.push(t.oldest_due.map(|d| d.to_string()).unwrap_or_default());
        row.push(t.max_days_overdue.to_string());
        table.push(row);
    }
    let widths: Vec<usize> = (0..table[0].len())
        .map(|i| {
            table
                .iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &table {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i] - c.chars().count();
                // Names and codes left, figures right.
                if i < 2 {
                    format!("{c}{}", " ".repeat(pad))
                } else {
                    format!("{}{c}", " ".repeat(pad))
                }
            })
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
}

/// `docket approve`'s text: what was recorded and what comes next.
fn print_approval(o: &docket::approve::Outcome, engagement: &str) {
    if o.manifest.is_none() {
        // --statement: the bytes to sign, nothing else on stdout.
        print!("{}", o.statement.as_deref().unwrap_or_default());
        return;
    }
    let manifest = o
        .manifest
        .as_deref()
        .map(|m| m.display().to_string())
        .unwrap_or_default();
    if o.recorded == docket::model::Status::Requested {
        println!(
            "recorded a request for {} approval of {} {} (scope {}) in {manifest}: a request is not an approval",
            o.gate, o.kind, o.document_id, o.scope
        );
        if o.can_grant.is_empty() {
            println!("nobody in the roster (approvers.toml) may grant it yet");
        } else {
            println!("can grant it: {}", o.can_grant.join("; "));
        }
        if let Some(cmd) = &o.grant_command {
            println!("to grant it, they run: {cmd}");
        }
        return;
    }
    println!(
        "recorded {} approval of {} {} (scope {}) in {manifest}\nbound to inputs {}",
        o.gate, o.kind, o.document_id, o.scope, o.digest
    );
    if let Some(by) = &o.signed_by {
        println!("signed by {by}");
    }
    if let Some(w) = &o.warning {
        println!("warning: {w}");
    }
    println!("next: docket build --only {} -e {engagement}", o.kind);
}

/// `docket approvers`: each person, their keys and what they may approve or attest.
fn print_roster(roster: &docket::trust::Roster) {
    if roster.people.is_empty() {
        println!(
            "no approvers in the roster (approvers.toml): no approval counts under trust = \"signed\""
        );
    }
    let list = |v: &[String]| {
        if v.is_empty() {
            "any".to_string()
        } else {
            v.join(", ")
        }
    };
    for (i, p) in roster.people.iter().enumerate() {
        println!("{} <{}>, {}", p.name, p.principal, p.role);
        for k in roster.keys.iter().filter(|k| k.person == i) {
            let from = k
                .valid_after
                .map_or_else(|| "always".to_string(), |d| format!("from {d}"));
            let to = k
                .valid_before
                .map_or_else(String::new, |d| format!(" until {d}"));
            println!("  key {} ({from}{to})", k.fingerprint);
        }
        for (what, grants) in [("may approve", &p.may), ("may attest", &p.attest)] {
            for g in grants {
                println!(
                    "  {what} gates {}, actions {}, clients {}, scopes {}{}",
                    list(&g.gates),
                    list(&g.actions),
                    list(&g.clients),
                    list(&g.scopes),
                    g.up_to
                        .as_ref()
                        .map_or_else(String::new, |u| format!(", up to {u}"))
                );
            }
        }
    }
}
