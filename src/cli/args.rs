//! The command line's grammar: every subcommand, its flags and its help, as clap types.
//!
//! Kept in the library, apart from `main.rs` which only dispatches, so that the same
//! definitions give the help, the shell completions (`docket completions`), the man page
//! (`docket man`) and the generated command reference (`docs/reference/commands.md`),
//! and a test can parse every command line the docs show.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands::{self, Workspace, read, write};

/// Shown after the help: the commands a new user needs first, and the exit status.
pub const QUICK_START: &str = "Quick start:
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
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Example: docket new acme-pilot --client "Acme Corp" && $EDITOR data/acme-pilot/engagement.toml
    New(NewArgs),
    /// Serve docket to an agent host over the Model Context Protocol (stdio).
    ///
    /// Tools: check, next, handoff, build, approve, receivables, verify, envelopes, kinds,
    /// schema, new; each returns the JSON the CLI prints with --json. The data and output folders
    /// are fixed here: no tool reads or writes outside them. Logs go to stderr only; stdout
    /// carries the protocol.
    Mcp(FolderArgs),
    /// The archive of issued documents, kept in the record: every issued document's exact
    /// bytes, checked by `docket verify`.
    ///
    /// Example: docket archive export --from 2026-01-01 --to 2026-12-31 --into audit-2026
    Archive {
        #[command(subcommand)]
        action: ArchiveCommand,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// Example: docket completions bash > ~/.local/share/bash-completion/completions/docket
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print docket's man page (roff), made from the same definitions as --help.
    ///
    /// Example: docket man > ~/.local/share/man/man1/docket.1 && man docket
    Man,
}

/// What `docket archive` does.
#[derive(Debug, Subcommand)]
pub enum ArchiveCommand {
    /// Copy every document issued in a period, exactly as issued, into a new folder with a
    /// manifest (manifest.json and manifest.csv: engagement, kind, number, when it was
    /// issued, its ledger record and each file's SHA-256), for an auditor.
    Export(ArchiveExportArgs),
}

/// `docket archive export`.
#[derive(Debug, Args)]
pub struct ArchiveExportArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub request: crate::commands::archive::ExportRequest,
    #[command(flatten)]
    pub json: JsonArg,
}

// Flag groups, flattened into the commands that take them (typst-cli's `WorldArgs`).

/// `--data`.
#[derive(Debug, Clone, Args)]
pub struct DataArg {
    /// The data folder: one sub-folder per engagement, plus an optional rules.toml.
    #[arg(long, value_name = "DIR", default_value = commands::DATA)]
    pub data: PathBuf,
}

/// `--templates` and `--fonts`.
#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// The templates folder (Tera *.md and Typst *.typ).
    #[arg(long, value_name = "DIR", default_value = commands::TEMPLATES)]
    pub templates: PathBuf,
    /// The fonts folder; only these fonts are used.
    #[arg(long, value_name = "DIR", default_value = commands::FONTS)]
    pub fonts: PathBuf,
}

/// Every folder a run works in.
#[derive(Debug, Clone, Args)]
pub struct FolderArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// The output folder (reports name output paths under it).
    #[arg(long, value_name = "DIR", default_value = commands::OUT)]
    pub out: PathBuf,
    #[command(flatten)]
    pub render: RenderArgs,
}

impl DataArg {
    /// The workspace of a command that reads only the data folder: the other folders at
    /// their defaults.
    pub fn workspace(&self) -> Workspace {
        Workspace {
            data: self.data.clone(),
            ..Workspace::default()
        }
    }
}

impl EnvelopesArgs {
    /// The data, templates and fonts folders (the print run names its own PDF).
    pub fn workspace(&self) -> Workspace {
        Workspace {
            data: self.data.data.clone(),
            templates: self.render.templates.clone(),
            fonts: self.render.fonts.clone(),
            ..Workspace::default()
        }
    }
}

impl FolderArgs {
    /// The four folders a run works in.
    pub fn workspace(&self) -> Workspace {
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
pub struct JsonArg {
    /// Print the result as JSON on stdout (for scripts and agents): the JSON the MCP tool
    /// of the same name returns.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SelectArgs {
    #[command(flatten)]
    pub folders: FolderArgs,
    #[command(flatten)]
    pub request: read::Select,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct NextArgs {
    #[command(flatten)]
    pub folders: FolderArgs,
    #[command(flatten)]
    pub request: read::NextRequest,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub folders: FolderArgs,
    #[command(flatten)]
    pub request: write::BuildRequest,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub folders: FolderArgs,
    // What each rebuild builds, as for `docket build` (`--force` applies to the first).
    #[command(flatten)]
    pub request: write::BuildRequest,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct ApproveArgs {
    #[command(flatten)]
    pub request: write::ApproveRequest,
    #[command(flatten)]
    pub folders: FolderArgs,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct ReceivablesArgs {
    #[command(flatten)]
    pub folders: FolderArgs,
    #[command(flatten)]
    pub request: read::ReceivablesRequest,
    /// Print CSV (RFC 4180, one row per client and currency, plain decimal amounts) for a
    /// spreadsheet or an accounting import.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct EnvelopesArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub render: RenderArgs,
    #[command(flatten)]
    pub request: write::EnvelopesRequest,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct KindsArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub request: read::KindsRequest,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    #[command(flatten)]
    pub request: read::SchemaRequest,
    /// Print every schema, as one JSON object keyed by name.
    #[arg(long)]
    pub all: bool,
    /// Accepted for symmetry with the other commands (schemas are JSON anyway); errors
    /// are then JSON too.
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(flatten)]
    pub request: write::NewRequest,
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct GenArgs {
    /// How many engagements.
    pub count: usize,
    /// Where to write them (a data folder).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Seed: the same count and seed give the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Sign every approval with this unencrypted OpenSSH private key (an example key of
    /// tests/fixtures/keys), list it in a generated approvers.toml and set trust = "signed";
    /// without it the rules say trust = "evidence".
    #[arg(long, value_name = "KEY")]
    pub sign_with: Option<PathBuf>,
}
