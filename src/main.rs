//! The `docket` command: parses arguments, calls the library, prints. Nothing else.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use docket::gate::Decision;
use docket::report::{Summary, handoff, to_json};
use docket::{Error, Options};

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
  docket approve invoice -e northwind --by NAME --role ROLE --action issue-invoice --evidence REF
  docket verify                check the ledgers and every final output

Exit status: 0 done (blocked artifacts are a normal outcome); 1 invalid data, a template error,
a refusal or tampering found (nothing written; build --keep-going writes the valid engagements
and lists the invalid ones); 2 usage error.";

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
    /// valid engagement is written and the invalid ones are listed), 2 on a usage error.
    Build(BuildArgs),
    /// Validate the data and evaluate every gate; write nothing.
    Check(CommonArgs),
    /// Show where an engagement goes next: lifecycle stage, next skill, next action.
    Next(NextArgs),
    /// Print the handoff package: artifact paths, decisions, open questions, blockers,
    /// approvals, tracks, next owner.
    Handoff(CommonArgs),
    /// Record an approval of one artifact's current content in approvals.toml.
    ///
    /// The record names approver, role, permitted action and evidence, and is bound to the
    /// digest of the artifact's inputs: if they change later, the approval goes stale and
    /// the artifact falls back to draft. Comments and formatting of the file are kept.
    ///
    /// Example: docket approve invoice -e northwind --by "Ada Park" --role "Billing lead"
    ///          --action issue-invoice --evidence "email 2026-11-30"
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
    Verify(CommonArgs),
    /// Print run: every #10 envelope approved to send with a verified recipient, across all
    /// engagements, as one PDF (one page each), with a manifest (JSON and CSV) beside it that
    /// lists every envelope printed and every one skipped, with the reason.
    ///
    /// Print the PDF at 100% ("actual size"): scaling moves the USPS zones and the barcode.
    Envelopes(EnvelopesArgs),
    /// Print a JSON Schema (draft 2020-12) of what docket reads or writes: engagement,
    /// approvals, rules, build-report, handoff, receivables, error, watch. Without a name,
    /// list them.
    ///
    /// Example: docket schema engagement > engagement.schema.json
    Schema {
        /// engagement, approvals, rules, build-report, handoff, receivables, error or watch;
        /// every one as one JSON object with --all.
        name: Option<String>,
        /// Print every schema, as one JSON object keyed by name.
        #[arg(long)]
        all: bool,
        /// Accepted for symmetry with the other commands (schemas are JSON anyway); errors
        /// are then JSON too.
        #[arg(long)]
        json: bool,
    },
    /// Start a new engagement folder under the data folder: the required fields, every fact
    /// TBD, every approval the rules use recorded as unknown. `docket check` accepts it.
    ///
    /// Example: docket new acme-pilot && $EDITOR data/acme-pilot/engagement.toml
    New {
        /// The engagement id, which names its folder (lowercase letters, digits, -, _).
        engagement: String,
        /// The data folder.
        #[arg(long, value_name = "DIR", default_value = "data")]
        data: PathBuf,
        /// Write engagement.json and approvals.json instead of TOML.
        #[arg(long)]
        json_data: bool,
        /// Print what was written as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Serve docket to an agent host over the Model Context Protocol (stdio).
    ///
    /// Tools: check, next, handoff, build, approve, receivables, verify, schema, new; each
    /// returns the JSON the CLI prints with --json. The data and output folders are fixed
    /// here: no tool reads or writes outside them. Logs go to stderr only; stdout carries the protocol.
    Mcp {
        /// The data folder the tools work on.
        #[arg(long, value_name = "DIR", default_value = "data")]
        data: PathBuf,
        /// The output folder builds write into.
        #[arg(long, value_name = "DIR", default_value = "output")]
        out: PathBuf,
        /// The templates folder.
        #[arg(long, value_name = "DIR", default_value = "templates")]
        templates: PathBuf,
        /// The fonts folder.
        #[arg(long, value_name = "DIR", default_value = "fonts")]
        fonts: PathBuf,
    },
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
}

#[derive(Debug, Args)]
struct ApproveArgs {
    /// The artifact to approve: a kind (`invoice`), or one of many documents of a kind
    /// (`invoice:milestone-2`, the kind and the instance's key).
    #[arg(value_name = "ARTIFACT")]
    kind: String,
    #[command(flatten)]
    common: CommonArgs,
    /// Approver's name.
    #[arg(long, value_name = "NAME")]
    by: String,
    /// Approver's role.
    #[arg(long, value_name = "ROLE")]
    role: String,
    /// The action permitted, e.g. issue-invoice (the artifact's rule lists them).
    #[arg(long, value_name = "ACTION")]
    action: String,
    /// What shows the approval was given (email, signed document).
    #[arg(long, value_name = "REF")]
    evidence: String,
    /// The gate, if the action alone does not say.
    #[arg(long, value_name = "GATE")]
    gate: Option<String>,
    /// Date of the approval (YYYY-MM-DD), default today.
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
}

#[derive(Debug, Args)]
struct EnvelopesArgs {
    /// The data folder: one sub-folder per engagement, plus an optional rules.toml.
    #[arg(long, value_name = "DIR", default_value = "data")]
    data: PathBuf,
    /// The PDF to write; the manifest goes beside it as <stem>.json and <stem>.csv.
    #[arg(long, value_name = "FILE", default_value = "output/envelopes.pdf")]
    out: PathBuf,
    /// Only this engagement (repeatable).
    #[arg(long, short = 'e', value_name = "ID")]
    engagement: Vec<String>,
    /// The templates folder (envelope.typ is the layout).
    #[arg(long, value_name = "DIR", default_value = "templates")]
    templates: PathBuf,
    /// The fonts folder; only these fonts are used.
    #[arg(long, value_name = "DIR", default_value = "fonts")]
    fonts: PathBuf,
    /// Print the manifest as JSON on stdout.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct CommonArgs {
    /// The data folder: one sub-folder per engagement, plus an optional rules.toml.
    #[arg(long, value_name = "DIR", default_value = "data")]
    data: PathBuf,
    /// The output folder (reports name output paths under it).
    #[arg(long, value_name = "DIR", default_value = "output")]
    out: PathBuf,
    /// Only this engagement (repeatable).
    #[arg(long, short = 'e', value_name = "ID")]
    engagement: Vec<String>,
    /// Print the report as JSON on stdout (for scripts and agents).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// Only this artifact (repeatable): a kind (--only invoice: every invoice) or one
    /// instance (--only invoice:milestone-2).
    #[arg(long, value_name = "ARTIFACT")]
    only: Vec<String>,
    /// The templates folder (Tera *.md and Typst *.typ).
    #[arg(long, value_name = "DIR", default_value = "templates")]
    templates: PathBuf,
    /// The fonts folder; only these fonts are used.
    #[arg(long, value_name = "DIR", default_value = "fonts")]
    fonts: PathBuf,
    /// Typst worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Render everything, even artifacts whose inputs have not changed.
    #[arg(long)]
    force: bool,
    /// Render only shard K of N (0-based), a stable partition of the engagements by id, so
    /// N machines can split one build with no coordination. Example: --shard 0/3.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<(u64, u64)>,
    /// Also write each typeset document's Typst sources into DIR/<id>/<kind>/ (main.typ,
    /// meta.json, layouts), to debug a template with `typst compile --root`.
    #[arg(long, value_name = "DIR")]
    emit_typst: Option<PathBuf>,
    /// Write one JSON line per typeset document into FILE: document, kind, pages, layout
    /// passes, layout_ms, pdf_ms, thumbnail_ms (thread time). Sort it to see which layouts
    /// cost most; README "Where the time goes" shows how.
    #[arg(long, value_name = "FILE")]
    timings: Option<PathBuf>,
    /// Build every valid engagement even if some are invalid: each invalid one is listed
    /// with its error (file, line, field, what was expected) and left as it was, its previous
    /// outputs untouched; the exit status is then 1. Use it for a large batch (a mail room's
    /// run) that must not wait for one bad record; without it, invalid data anywhere stops
    /// the build before anything is written, which is what you want while editing data.
    #[arg(long)]
    keep_going: bool,
}

fn parse_shard(text: &str) -> Result<(u64, u64), String> {
    let (k, n) = text
        .split_once('/')
        .ok_or_else(|| format!("expected K/N such as 0/3, found `{text}`"))?;
    let k: u64 = k
        .trim()
        .parse()
        .map_err(|_| format!("K in `{text}` is not a number"))?;
    let n: u64 = n
        .trim()
        .parse()
        .map_err(|_| format!("N in `{text}` is not a number"))?;
    if n == 0 || k >= n {
        return Err(format!("expected 0 <= K < N, found `{text}`"));
    }
    Ok((k, n))
}

#[derive(Debug, Args)]
struct WatchArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// The templates folder (Tera *.md and Typst *.typ).
    #[arg(long, value_name = "DIR", default_value = "templates")]
    templates: PathBuf,
    /// The fonts folder; only these fonts are used.
    #[arg(long, value_name = "DIR", default_value = "fonts")]
    fonts: PathBuf,
    /// Typst worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Rebuild every valid engagement even when some are invalid (each invalid one is
    /// reported with its error); without it, invalid data anywhere stops that rebuild.
    #[arg(long)]
    keep_going: bool,
}

#[derive(Debug, Args)]
struct ReceivablesArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// Print CSV (RFC 4180, one row per client and currency, plain decimal amounts) for a
    /// spreadsheet or an accounting import.
    #[arg(long, conflicts_with = "json")]
    csv: bool,
}

#[derive(Debug, Args)]
struct NextArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// Route to this output instead of the earliest missing lifecycle artifact.
    #[arg(long, value_name = "KIND")]
    want: Option<String>,
}

fn options(common: &CommonArgs) -> Options {
    Options {
        data: common.data.clone(),
        out: common.out.clone(),
        engagements: common.engagement.clone(),
        ..Options::default()
    }
}

/// `SOURCE_DATE_EPOCH` from the environment (reproducible-builds.org): unset or empty is
/// none; anything but a whole number of seconds a date can be made of is a usage error.
fn source_date_epoch() -> Result<Option<i64>, Error> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>()
        .ok()
        .filter(|&n| time::OffsetDateTime::from_unix_timestamp(n).is_ok() && n >= 0)
        .map(Some)
        .ok_or_else(|| {
            Error::Usage(format!(
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, \
                 found `{text}`"
            ))
        })
}

/// Set by `docket watch --json`: stdout is JSON Lines, so a final error is one line too.
static JSON_LINES: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// With `--json`, what the command produced: printed when it succeeds, and beside the error
/// (as `result`) when it fails, so stdout is always exactly one JSON document.
static JSON_OUTPUT: std::sync::Mutex<Option<serde_json::Value>> = std::sync::Mutex::new(None);

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
    let result = run(cli);
    let output = JSON_OUTPUT.lock().ok().and_then(|mut o| o.take());
    match result {
        Ok(()) => {
            if let Some(value) = output {
                print!("{}", String::from_utf8_lossy(&to_json(&value)));
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            if json {
                let mut object = err.object();
                object.result = output;
                if JSON_LINES.load(std::sync::atomic::Ordering::SeqCst) {
                    println!("{}", serde_json::to_string(&object).unwrap_or_default());
                } else {
                    print!("{}", String::from_utf8_lossy(&to_json(&object)));
                }
            }
            ExitCode::from(err.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Build(args) => {
            let mut opts = options(&args.common);
            opts.only = args.only;
            opts.templates = args.templates;
            opts.fonts = args.fonts;
            opts.jobs = args.jobs;
            opts.force = args.force;
            opts.shard = args.shard;
            opts.emit_typst = args.emit_typst;
            opts.timings = args.timings;
            opts.keep_going = args.keep_going;
            // A table of every artifact helps for a few engagements; a batch prints counts.
            opts.keep_reports = if args.common.json { usize::MAX } else { 50 };
            opts.source_date_epoch = source_date_epoch()?;
            let started = std::time::Instant::now();
            let progress = Progress::new(!args.common.json);
            let summary =
                docket::build(&opts, &|done, total, name| progress.tick(done, total, name))?;
            progress.finish();
            if args.common.json {
                print_json(&summary);
            } else {
                if summary.engagements.len() == summary.rendered_engagements {
                    print_table(&summary);
                }
                for failed in &summary.failed {
                    eprintln!("not built: {}: {}", failed.engagement, failed.error);
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
                    opts.out.display(),
                    started.elapsed().as_secs_f64(),
                    summary.counts.final_,
                    summary.counts.draft,
                    summary.counts.blocked,
                    summary.unchanged
                );
            }
            if !summary.failed.is_empty() {
                return Err(Error::NotBuilt {
                    count: summary.failed.len(),
                });
            }
        }
        Command::Watch(args) => {
            let mut opts = options(&args.common);
            opts.templates = args.templates;
            opts.fonts = args.fonts;
            opts.jobs = args.jobs;
            opts.keep_going = args.keep_going;
            opts.source_date_epoch = source_date_epoch()?;
            let json = args.common.json;
            JSON_LINES.store(json, std::sync::atomic::Ordering::SeqCst);
            // Ctrl-C (or SIGTERM) only asks the watch to stop: a rebuild under way finishes.
            let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
                signal_hook::flag::register(signal, stop.clone())
                    .map_err(|e| Error::Usage(format!("cannot handle signal {signal}: {e}")))?;
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
        }
        Command::Check(args) => {
            let summary = docket::check(&options(&args))?;
            if args.json {
                print_json(&summary);
            } else {
                print_table(&summary);
                eprintln!(
                    "checked {} engagement(s): {} final, {} draft, {} blocked; nothing written",
                    summary.engagements.len(),
                    summary.counts.final_,
                    summary.counts.draft,
                    summary.counts.blocked
                );
            }
        }
        Command::Next(args) => {
            let mut opts = options(&args.common);
            opts.want = args.want;
            let summary = docket::check(&opts)?;
            if args.common.json {
                print_json(&docket::report::next_json(&summary));
            } else {
                for e in &summary.engagements {
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
                }
            }
        }
        Command::Receivables(args) => {
            let owed = docket::receivables(&options(&args.common))?;
            if args.csv {
                use std::io::Write;
                std::io::stdout()
                    .write_all(&docket::receivables::to_csv(&owed))
                    .map_err(|e| Error::Usage(format!("cannot write to stdout: {e}")))?;
            } else if args.common.json {
                print_json(&owed);
            } else {
                print_receivables(&owed);
            }
        }
        Command::Approve(args) => {
            let [engagement] = args.common.engagement.as_slice() else {
                return Err(Error::Usage(
                    "approve needs exactly one --engagement ID".to_string(),
                ));
            };
            let request = docket::approve::Request {
                engagement: engagement.clone(),
                kind: args.kind,
                by: args.by,
                role: args.role,
                action: args.action,
                evidence: args.evidence,
                gate: args.gate,
                date: args.date,
            };
            let outcome = docket::approve::approve(&options(&args.common), &request)?;
            if args.common.json {
                print_json(&outcome);
            } else {
                println!(
                    "recorded {} approval of {} {} (scope {}) in {}\nbound to inputs {}\nnext: docket build --only {} -e {}",
                    outcome.gate,
                    outcome.kind,
                    outcome.document_id,
                    outcome.scope,
                    outcome.manifest.display(),
                    outcome.digest,
                    outcome.kind,
                    engagement
                );
            }
        }
        Command::Init { dir } => {
            let written = docket::init::init(&dir)?;
            eprintln!(
                "created {} files in {}; next: cd {} && docket build",
                written.len(),
                dir.display(),
                dir.display()
            );
        }
        Command::GenFixtures(args) => {
            docket::fixtures::generate(args.count, &args.out, args.seed)?;
            eprintln!(
                "wrote {} engagements into {}",
                args.count,
                args.out.display()
            );
        }
        Command::Verify(args) => {
            let results = docket::verify(&options(&args))?;
            if args.json {
                print_json(&results);
            } else {
                for v in &results {
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
            }
            let bad: usize = results.iter().map(|v| v.problems.len()).sum();
            if bad > 0 {
                return Err(Error::Verify(format!("verify found {bad} problem(s)")));
            }
        }
        Command::Schema { name, all, .. } => match (name, all) {
            (Some(name), false) => print_json(&docket::schema::schema(&name)?),
            (None, true) => print_json(&docket::schema::all()?),
            (Some(_), true) => {
                return Err(Error::Usage(
                    "give a schema name or --all, not both".to_string(),
                ));
            }
            (None, false) => {
                println!("Schemas (docket schema NAME prints one; --all prints them all):");
                for (name, what) in docket::schema::NAMES {
                    println!("  {name:<13} {what}");
                }
            }
        },
        Command::New {
            engagement,
            data,
            json_data,
            json,
        } => {
            let format = if json_data {
                docket::init::DataFormat::Json
            } else {
                docket::init::DataFormat::Toml
            };
            let today = docket::model::Date(time::OffsetDateTime::now_utc().date());
            let files = docket::init::new_engagement(&data, &engagement, format, today)?;
            if json {
                let files: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
                print_json(&serde_json::json!({ "engagement": engagement, "files": files }));
            } else {
                for f in &files {
                    println!("wrote {}", f.display());
                }
                eprintln!(
                    "every fact is TBD and every approval unknown: fill in what is known, then \
                     `docket check -e {engagement}`"
                );
            }
        }
        Command::Mcp {
            data,
            out,
            templates,
            fonts,
        } => {
            docket::mcp::serve(Options {
                data,
                out,
                templates,
                fonts,
                keep_reports: usize::MAX,
                ..Options::default()
            })?;
        }
        Command::Envelopes(args) => {
            let started = std::time::Instant::now();
            let run = docket::envelopes::print_run(&docket::envelopes::RunOptions {
                data: args.data,
                pdf: args.out,
                templates: args.templates,
                fonts: args.fonts,
                engagements: args.engagement,
            })?;
            if args.json {
                print_json(&run);
            } else {
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
            }
        }
        Command::Handoff(args) => {
            let summary = docket::check(&options(&args))?;
            let handoffs: Vec<_> = summary.engagements.iter().map(handoff).collect();
            if args.json {
                if handoffs.len() == 1 {
                    print_json(&handoffs[0]);
                } else {
                    print_json(&handoffs);
                }
            } else {
                for h in &handoffs {
                    println!("{}", docket::report::handoff_markdown(h));
                }
            }
        }
    }
    Ok(())
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
            println!("{}", serde_json::to_string(rebuild).unwrap_or_default());
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
            println!("{}", serde_json::to_string(&object).unwrap_or_default());
        }
    }
    let _ = std::io::stdout().flush();
}

/// Holds a command's `--json` output until the command ends (see [`JSON_OUTPUT`]).
fn print_json<T: serde::Serialize>(value: &T) {
    let value = serde_json::to_value(value).unwrap_or_default();
    if let Ok(mut output) = JSON_OUTPUT.lock() {
        *output = Some(value);
    }
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
