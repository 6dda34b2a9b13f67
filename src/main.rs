//! The `docket` command: parses arguments, calls the library, prints. Nothing else.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use docket::gate::Decision;
use docket::report::{Summary, handoff, to_json};
use docket::{Error, Options};

/// Gated document generation for consultancy engagements.
///
/// docket reads each engagement under the data folder (engagement.toml or .json, with its
/// approvals.toml manifest), decides for every artifact whether it is final, a draft or
/// blocked, and renders the cleared ones to Markdown and PDF under the output folder.
///
/// Quick start:  docket build            render data/ into output/
///               docket check            validate and decide, write nothing
///               docket next -e northwind    what should happen next
#[derive(Debug, Parser)]
#[command(name = "docket", version, about, long_about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render every cleared artifact to Markdown and PDF, with build report and handoff.
    ///
    /// Exit status: 0 when the run completed (blocked artifacts are a normal outcome),
    /// 1 on invalid data or a template error (nothing is written), 2 on a usage error.
    Build(BuildArgs),
    /// Validate the data and evaluate every gate; write nothing.
    Check(CommonArgs),
    /// Show where an engagement goes next: lifecycle stage, next skill, next action.
    Next(NextArgs),
    /// Print the handoff package: artifact paths, decisions, open questions, blockers,
    /// approvals, tracks, next owner.
    Handoff(CommonArgs),
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
    /// Only this artifact kind (repeatable), e.g. --only invoice.
    #[arg(long, value_name = "KIND")]
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            match err {
                Error::Usage(_) => ExitCode::from(2),
                _ => ExitCode::from(1),
            }
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
            opts.source_date_epoch = source_date_epoch()?;
            let started = std::time::Instant::now();
            let tty = std::io::stderr().is_terminal() && !args.common.json;
            let progress = move |done: usize, total: usize, name: &str| {
                if tty {
                    eprint!("\r\x1b[2K[{done}/{total}] typeset {name}");
                    if done == total {
                        eprintln!();
                    }
                }
            };
            let summary = docket::build(&opts, &progress)?;
            if args.common.json {
                print_json(&summary);
            } else {
                print_table(&summary);
                eprintln!(
                    "built {} engagement(s) into {} in {:.2}s: {} final, {} draft, {} blocked",
                    summary.engagements.len(),
                    opts.out.display(),
                    started.elapsed().as_secs_f64(),
                    summary.counts.final_,
                    summary.counts.draft,
                    summary.counts.blocked
                );
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
                let routes: Vec<_> = summary
                    .engagements
                    .iter()
                    .map(|e| serde_json::json!({ "engagement": e.engagement, "route": e.route }))
                    .collect();
                let value = if routes.len() == 1 {
                    let mut one = routes[0]["route"].clone();
                    one["engagement"] = routes[0]["engagement"].clone();
                    one
                } else {
                    serde_json::Value::Array(routes)
                };
                print_json(&value);
            } else {
                for e in &summary.engagements {
                    let r = &e.route;
                    println!("{} ({})", e.engagement, e.client);
                    println!("  lifecycle stage  {}", r.lifecycle_stage);
                    println!("  next skill       {}", r.next_skill.join(" -> "));
                    println!("  next action      {}", r.next_action);
                    println!("  next owner       {}", r.next_owner);
                    println!("  because          {}", r.reason);
                    for t in &r.tracks {
                        println!(
                            "  track            {} [{:?}] owner {}{}",
                            t.name,
                            t.status,
                            t.owner,
                            t.blocker
                                .as_ref()
                                .map(|b| format!(", blocker: {b}"))
                                .unwrap_or_default()
                        );
                    }
                    for w in &r.warnings {
                        println!("  warning          {w}");
                    }
                }
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

fn print_json<T: serde::Serialize>(value: &T) {
    print!("{}", String::from_utf8_lossy(&to_json(value)));
}

fn print_table(summary: &Summary) {
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
                "  {mark}  {:<17} {:<16} {}",
                a.kind,
                a.document_id,
                a.reasons.first().map(String::as_str).unwrap_or("")
            );
        }
    }
}
