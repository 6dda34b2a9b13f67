//! The command layer: every verb docket offers, written once, for every front end.
//!
//! A verb is a typed request (its arguments), a function over the [`Workspace`] (the four
//! folders a run works in), and a typed, `Serialize` result. The request types derive
//! clap's `Args` *and* serde's `Deserialize` with a JSON Schema, so one doc comment per
//! argument is both the CLI's `--help` and the MCP tool's schema; an argument a front end
//! must not set (MCP never names paths) is skipped by serde. The CLI ([`crate::cli`]) parses,
//! calls and prints text or the result as JSON; the MCP server ([`crate::mcp`]) calls the
//! same function through [`VERBS`] and returns the same JSON, so the two cannot drift.
//!
//! Defaults are resolved here and nowhere else: [`Workspace::default`] names the folders,
//! each verb turns its request into [`Options`] for the stages below.
//!
//! To add a verb: a request type and a function in [`read`] or [`write`], a row in
//! [`VERBS`] (which the MCP server lists), and one variant in the CLI's `Command`.

pub mod read;
pub mod write;

// The verbs whose work is more than a call into the stages below, one module each.
pub mod approve;
pub mod archive;
pub mod envelopes;
pub mod fixtures;
pub mod init;
pub mod schema;
pub mod watch;

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::options::Options;

/// The folders a run reads and writes: fixed once by the front end (the CLI's flags, the
/// MCP server's start), never by a request of an agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    /// The data folder (engagements, approvals, rules).
    pub data: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// The templates folder (`*.md` Tera templates, `*.typ` Typst layouts).
    pub templates: PathBuf,
    /// The fonts folder: the only fonts a document uses.
    pub fonts: PathBuf,
}

impl Default for Workspace {
    fn default() -> Workspace {
        Workspace {
            data: DATA.into(),
            out: OUT.into(),
            templates: TEMPLATES.into(),
            fonts: FONTS.into(),
        }
    }
}

/// The default folders, relative to where docket runs.
pub const DATA: &str = "data";
/// See [`DATA`].
pub const OUT: &str = "output";
/// See [`DATA`].
pub const TEMPLATES: &str = "templates";
/// See [`DATA`].
pub const FONTS: &str = "fonts";

impl Workspace {
    /// Options for the stages: these folders, these engagements, everything else default.
    pub fn options(&self, engagements: &[String]) -> Options {
        Options {
            data: self.data.clone(),
            out: self.out.clone(),
            templates: self.templates.clone(),
            fonts: self.fonts.clone(),
            engagements: engagements.to_vec(),
            ..Options::default()
        }
    }

    /// An engagement's data folder; an id that is not a plain folder name is refused (a
    /// request never names a path outside the data folder).
    pub fn engagement_dir(&self, id: &str) -> Result<PathBuf> {
        if crate::load::safe_name(id) {
            Ok(self.data.join(id))
        } else {
            Err(Error::Outside {
                path: self.data.join(id),
                what: "data",
            })
        }
    }

    /// Refuses any id that is not a plain folder name.
    pub fn check_ids(&self, ids: &[String]) -> Result<()> {
        ids.iter()
            .try_for_each(|id| self.engagement_dir(id).map(|_| ()))
    }
}

/// What a verb returns: its result as JSON, and whether the run fails despite it (verify
/// found tampering; a `--keep-going` build left engagements out). A failing run still shows
/// its result, beside the error.
pub trait Reply: Serialize {
    /// The error that makes the run fail, if any.
    fn failure(&self) -> Option<Error> {
        None
    }

    /// Files the result names that a client may want to open (MCP resource links).
    fn files(&self, _workspace: &Workspace) -> Vec<PathBuf> {
        Vec::new()
    }

    /// The result as text for people (the CLI without `--json`), written beside the result
    /// type so that a verb's text and its JSON are read in one place.
    fn text(&self, _context: &Context) -> Text {
        Text::default()
    }
}

/// A result as text for people: `out` goes to stdout (what a script might still read: the
/// table, the handoff), then `err` to stderr (counts, time, warnings, what to do next).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Text {
    /// For stdout.
    pub out: String,
    /// For stderr.
    pub err: String,
}

/// What a result's text may mention besides the result: the folders and the time it took.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The folders the verb ran in.
    pub workspace: &'a Workspace,
    /// How long the verb took.
    pub elapsed: std::time::Duration,
}

/// A result as JSON, the one serialization both front ends print.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value> {
    serde_json::to_value(value)
        .map_err(|e| Error::Internal(format!("cannot serialize a result: {e}")))
}

/// A verb that ran: its JSON, the files it names, and the error that fails the run.
#[derive(Debug)]
pub struct Ran {
    /// The result, as the CLI prints it with `--json`.
    pub value: Value,
    /// Files for MCP resource links.
    pub files: Vec<PathBuf>,
    /// Set when the run fails despite the result.
    pub failure: Option<Error>,
}

/// One verb as a front end without types sees it (MCP): name, description, hints, argument
/// schema, and a function from JSON arguments to [`Ran`].
pub struct Verb {
    /// The verb's name (the CLI subcommand, the MCP tool).
    pub name: &'static str,
    /// What it does, for an agent choosing a tool.
    pub description: &'static str,
    /// Whether it writes nothing.
    pub read_only: bool,
    /// Whether repeating it changes nothing more.
    pub idempotent: bool,
    /// The JSON Schema of its arguments.
    pub schema: fn() -> serde_json::Map<String, Value>,
    /// Parses the arguments and runs the verb.
    pub run: fn(&Workspace, Value) -> Result<Ran>,
}

impl std::fmt::Debug for Verb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verb").field("name", &self.name).finish()
    }
}

/// The JSON Schema of a request type, as an object.
fn schema_of<R: JsonSchema>() -> serde_json::Map<String, Value> {
    match serde_json::to_value(schemars::schema_for!(R)) {
        Ok(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    }
}

/// Parses JSON arguments into a request, runs the verb, returns its JSON.
fn run_json<R, T>(
    name: &str,
    workspace: &Workspace,
    args: Value,
    verb: fn(&Workspace, R) -> Result<T>,
) -> Result<Ran>
where
    R: DeserializeOwned,
    T: Reply,
{
    let request: R = serde_json::from_value(args)
        .map_err(|e| Error::Usage(format!("invalid arguments for `{name}`: {e}")))?;
    let reply = verb(workspace, request)?;
    Ok(Ran {
        value: to_value(&reply)?,
        files: reply.files(workspace),
        failure: reply.failure(),
    })
}

macro_rules! verb {
    ($name:literal, $module:ident :: $function:ident, $request:ty, read_only: $ro:literal,
     idempotent: $idem:literal, $description:literal) => {
        Verb {
            name: $name,
            description: $description,
            read_only: $ro,
            idempotent: $idem,
            schema: schema_of::<$request>,
            run: |workspace, args| run_json($name, workspace, args, $module::$function),
        }
    };
}

/// Every verb an agent may call, in the order a host lists them. (The CLI has these and
/// `init`, `watch`, `gen-fixtures` and `mcp`, which make no sense as a tool call.)
pub static VERBS: &[Verb] = &[
    verb!("check", read::check, read::Select, read_only: true, idempotent: true,
        "Validate the engagement data and decide every artifact (final, draft or blocked) \
         with its reasons; writes nothing. Returns the same JSON as `docket check --json`."),
    verb!("next", read::next, read::NextRequest, read_only: true, idempotent: true,
        "Where each engagement goes next: lifecycle stage, next skill (security-review first \
         where the rules say), next action and owner, and the blockers with whom to ask."),
    verb!("handoff", read::handoff, read::Select, read_only: true, idempotent: true,
        "The handoff package of each engagement: blockers, next skill, action and owner, \
         stages, artifact paths, decisions, open questions, approvals, tracks."),
    verb!("build", write::build, write::BuildRequest, read_only: false, idempotent: true,
        "Render every cleared artifact that changed to Markdown and PDF in the output \
         folder, with build reports, handoffs and ledger records. Returns the build summary \
         and a resource link to every document file; rebuilding unchanged data changes \
         nothing. Issued documents are never replaced."),
    verb!("approve", write::approve, write::ApproveRequest, read_only: false, idempotent: false,
        "Ask for an approval of one artifact's current content: records a REQUEST (never an \
         approval) in the engagement's approvals.toml, bound to the digest of its inputs, \
         naming the action and why (`evidence`), and returns who in the roster can grant it \
         and the command they run to sign it. Agents ask; only people approve, with their \
         own key."),
    verb!("receivables", read::receivables, read::ReceivablesRequest, read_only: true,
        idempotent: true,
        "What clients owe: per client and currency, the amount open, past due and due now, \
         aging (current, 1-30, 31-60, 61-90, over 90 days) and the oldest due date, the \
         longest overdue first, with totals per currency (never summed across currencies). \
         Payments are recorded as [[payments]] in engagement.toml. Same JSON as \
         `docket receivables --json`."),
    verb!("verify", read::verify, read::Select, read_only: true, idempotent: true,
        "Check every ledger both ways: the hash chain and its head, that each recorded \
         output still matches its digest, and that each final output has its record."),
    verb!("envelopes", write::envelopes, write::EnvelopesRequest, read_only: false,
        idempotent: true,
        "Print run: every #10 envelope approved to send with a verified recipient, as one \
         PDF (envelopes.pdf in the output folder, one page each), with a manifest (JSON and \
         CSV) listing every envelope printed and every one skipped, with the reason."),
    verb!("kinds", read::kinds, read::KindsRequest, read_only: true, idempotent: true,
        "The artifact kinds the rules define: each kind's data section, template and layout, \
         the approvals it is blocked without and those a final document requires (gate, \
         action, scope), its required facts and whether it is issued. Use it to know what \
         `approve` must name."),
    verb!("schema", read::schema, read::SchemaRequest, read_only: true, idempotent: true,
        "JSON Schemas (draft 2020-12) of the engagement file, the approval manifest, the \
         rules, the build report, the handoff, receivables, the error object and watch."),
    verb!("new", write::new, write::NewRequest, read_only: false, idempotent: false,
        "Create a new engagement folder in the data folder with the required fields, every \
         fact TBD and every approval unknown; `check` accepts it."),
];

/// The verb of this name.
pub fn verb(name: &str) -> Option<&'static Verb> {
    VERBS.iter().find(|v| v.name == name)
}
