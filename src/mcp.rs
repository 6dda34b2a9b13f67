//! `docket mcp`: docket as a deterministic tool for agent hosts, over the Model Context
//! Protocol (stdio).
//!
//! The engagement orchestration overview is run by an orchestrator agent that passes a
//! `project_state` between skills. Agent hosts attach tools over MCP, so this module serves
//! the same library calls as the CLI (`check`, `next`, `handoff`, `build`, `approve`,
//! `verify`, `schema`, `new`), each returning the JSON the CLI prints with `--json` as the
//! tool's structured content, and each failure as the CLI's `{"error": {...}}` object with a
//! stable code. Built documents come back as resource links to their files, never inline (a
//! PDF would flood the agent's context); build reports and handoffs are readable resources.
//!
//! The data and output folders are fixed when the server starts: tools take engagement ids
//! and kinds, never paths, an id that is not a plain folder name is refused, and a resource
//! outside the two folders cannot be read. The server writes only MCP messages to stdout;
//! docket itself logs nothing (rmcp's own diagnostics go through `tracing`, which has no
//! subscriber here), so stdout stays a clean protocol channel.

use std::path::{Path, PathBuf};

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    JsonObject, ListResourcesResult, ListToolsResult, PaginatedRequestParams,
    ReadResourceRequestParams, ReadResourceResponse, ReadResourceResult, Resource,
    ResourceContents, ServerCapabilities, ServerConfig, Tool, ToolAnnotations,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler, ServiceExt};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::{Options, report};

/// The folders a server works in, fixed at start.
#[derive(Debug, Clone)]
pub struct Server {
    options: Options,
}

/// Runs the server on stdin/stdout until the client closes the connection.
pub fn serve(options: Options) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the MCP server: {e}")))?;
    runtime.block_on(async {
        let server = Server { options };
        let running = server
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| Error::Usage(format!("MCP handshake failed: {e}")))?;
        running
            .waiting()
            .await
            .map_err(|e| Error::Usage(format!("MCP server stopped: {e}")))?;
        Ok(())
    })
}

// Tool arguments. Each denies unknown fields: a misspelt argument is an error, not ignored.

/// Arguments of `check`, `handoff`, `receivables` and `verify`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct Select {
    /// Only these engagements (ids = folder names under the data folder); all when absent.
    #[serde(default)]
    engagements: Vec<String>,
}

/// Arguments of `next`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct NextArgs {
    /// Only these engagements; all when absent.
    #[serde(default)]
    engagements: Vec<String>,
    /// Route to this artifact kind instead of the earliest missing lifecycle artifact.
    want: Option<String>,
}

/// Arguments of `build`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct BuildArgs {
    /// Only these engagements; all when absent.
    #[serde(default)]
    engagements: Vec<String>,
    /// Only these artifacts: kinds (`invoice`: every invoice) or instances
    /// (`invoice:milestone-2`); all when absent.
    #[serde(default)]
    kinds: Vec<String>,
    /// Render everything, even what has not changed.
    #[serde(default)]
    force: bool,
}

/// Arguments of `approve`: every field is required, because an approval counts only when
/// it names the approver, the permitted action and the evidence. docket never invents one.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ApproveArgs {
    /// The engagement id.
    engagement: String,
    /// The artifact approved: a kind (`invoice`) or one instance of a kind with many
    /// (`invoice:milestone-2`).
    kind: String,
    /// The approver's name, as the evidence shows it.
    by: String,
    /// The approver's role.
    role: String,
    /// The action permitted (e.g. `issue-invoice`).
    action: String,
    /// What shows the approval was given (an email, a signed document).
    evidence: String,
    /// The gate, when the action alone does not say.
    gate: Option<String>,
    /// The approval's date (YYYY-MM-DD); today when absent.
    date: Option<String>,
}

/// Arguments of `schema`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct SchemaArgs {
    /// One of engagement, approvals, rules, build-report, handoff, receivables, error,
    /// watch; all when absent.
    name: Option<String>,
}

/// Arguments of `new`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct NewArgs {
    /// The new engagement's id (its folder name: lowercase letters, digits, `-`, `_`).
    engagement: String,
    /// Write engagement.json and approvals.json instead of TOML.
    #[serde(default)]
    json_data: bool,
}

/// The tools, described once (their argument schemas are generated, not rebuilt per call).
fn tools() -> &'static [Tool] {
    static TOOLS: std::sync::LazyLock<Vec<Tool>> = std::sync::LazyLock::new(describe_tools);
    &TOOLS
}

/// What each tool is: name, description, argument schema, hints.
fn describe_tools() -> Vec<Tool> {
    let tool = |name: &'static str, description: &'static str, read_only: bool| {
        Tool::new(name, description, JsonObject::new()).annotate(
            ToolAnnotations::new()
                .read_only(read_only)
                .destructive(false)
                .idempotent(true)
                .open_world(false),
        )
    };
    vec![
        tool(
            "check",
            "Validate the engagement data and decide every artifact (final, draft or blocked) \
             with its reasons; writes nothing. Returns the same JSON as `docket check --json`.",
            true,
        )
        .with_input_schema::<Select>(),
        tool(
            "next",
            "Where each engagement goes next: lifecycle stage, next skill (security-review first \
             where the rules say), next action and owner, and the blockers with whom to ask.",
            true,
        )
        .with_input_schema::<NextArgs>(),
        tool(
            "handoff",
            "The handoff package of each engagement: blockers, next skill, action and owner, \
             stages, artifact paths, decisions, open questions, approvals, tracks.",
            true,
        )
        .with_input_schema::<Select>(),
        tool(
            "build",
            "Render every cleared artifact that changed to Markdown and PDF in the output \
             folder, with build reports, handoffs and ledger records. Returns the build summary \
             and a resource link to every document file; rebuilding unchanged data changes \
             nothing. Issued documents are never replaced.",
            false,
        )
        .with_input_schema::<BuildArgs>(),
        tool(
            "approve",
            "Record an approval of one artifact's current content in the engagement's \
             approvals.toml, bound to the digest of its inputs. Refused unless it names the \
             approver, role, permitted action and evidence: docket never invents an approver.",
            false,
        )
        .with_input_schema::<ApproveArgs>()
        .annotate(
            ToolAnnotations::new()
                .read_only(false)
                .destructive(false)
                .idempotent(false)
                .open_world(false),
        ),
        tool(
            "receivables",
            "What clients owe: per client and currency, the amount open, past due and due now, \
             aging (current, 1-30, 31-60, 61-90, over 90 days) and the oldest due date, the \
             longest overdue first, with totals per currency (never summed across currencies). \
             Payments are recorded as [[payments]] in engagement.toml. Same JSON as \
             `docket receivables --json`.",
            true,
        )
        .with_input_schema::<Select>(),
        tool(
            "verify",
            "Check every ledger both ways: the hash chain and its head, that each recorded \
             output still matches its digest, and that each final output has its record.",
            true,
        )
        .with_input_schema::<Select>(),
        tool(
            "schema",
            "JSON Schemas (draft 2020-12) of the engagement file, the approval manifest, the \
             rules, the build report, the handoff and the error object.",
            true,
        )
        .with_input_schema::<SchemaArgs>(),
        tool(
            "new",
            "Create a new engagement folder in the data folder with the required fields, every \
             fact TBD and every approval unknown; `check` accepts it.",
            false,
        )
        .with_input_schema::<NewArgs>()
        .annotate(
            ToolAnnotations::new()
                .read_only(false)
                .destructive(false)
                .idempotent(false)
                .open_world(false),
        ),
    ]
}

impl Server {
    /// Options for one call: the server's folders, these engagements.
    fn options(&self, engagements: &[String]) -> Result<Options> {
        for id in engagements {
            self.engagement_dir(id)?;
        }
        Ok(Options {
            engagements: engagements.to_vec(),
            ..self.options.clone()
        })
    }

    /// An engagement's data folder; an id that is not a plain folder name is refused.
    fn engagement_dir(&self, id: &str) -> Result<PathBuf> {
        if crate::load::safe_name(id) {
            Ok(self.options.data.join(id))
        } else {
            Err(Error::Outside {
                path: self.options.data.join(id),
                what: "data",
            })
        }
    }

    /// Runs one tool: its JSON (the CLI's `--json` output) and the files to link.
    fn run(
        &self,
        name: &str,
        args: Value,
    ) -> std::result::Result<(Value, Vec<PathBuf>), Box<Failed>> {
        fn parse<T: serde::de::DeserializeOwned>(name: &str, args: Value) -> Result<T> {
            serde_json::from_value(args)
                .map_err(|e| Error::Usage(format!("invalid arguments for `{name}`: {e}")))
        }
        fn value<T: serde::Serialize>(v: &T) -> Value {
            serde_json::to_value(v).unwrap_or_default()
        }
        match name {
            "check" => {
                let a: Select = parse(name, args)?;
                let summary = crate::check(&self.options(&a.engagements)?)?;
                Ok((value(&summary), Vec::new()))
            }
            "next" => {
                let a: NextArgs = parse(name, args)?;
                let mut options = self.options(&a.engagements)?;
                options.want = a.want;
                Ok((report::next_json(&crate::check(&options)?), Vec::new()))
            }
            "handoff" => {
                let a: Select = parse(name, args)?;
                let summary = crate::check(&self.options(&a.engagements)?)?;
                let handoffs: Vec<report::Handoff> =
                    summary.engagements.iter().map(report::handoff).collect();
                Ok((json!({ "handoffs": handoffs }), Vec::new()))
            }
            "receivables" => {
                let a: Select = parse(name, args)?;
                let owed = crate::receivables(&self.options(&a.engagements)?)?;
                Ok((value(&owed), Vec::new()))
            }
            "build" => {
                let a: BuildArgs = parse(name, args)?;
                let mut options = self.options(&a.engagements)?;
                options.only = a.kinds;
                options.force = a.force;
                let summary = crate::build(&options, &|_, _, _| {})?;
                let files = summary
                    .engagements
                    .iter()
                    .flat_map(|e| &e.artifacts)
                    .flat_map(|a| &a.outputs)
                    .map(|p| self.options.out.join(p))
                    .filter(|p| p.is_file())
                    .collect();
                Ok((value(&summary), files))
            }
            "approve" => {
                let a: ApproveArgs = parse(name, args)?;
                let options = self.options(std::slice::from_ref(&a.engagement))?;
                let outcome = crate::approve::approve(
                    &options,
                    &crate::approve::Request {
                        engagement: a.engagement,
                        kind: a.kind,
                        by: a.by,
                        role: a.role,
                        action: a.action,
                        evidence: a.evidence,
                        gate: a.gate,
                        date: a.date,
                    },
                )?;
                Ok((value(&outcome), Vec::new()))
            }
            "verify" => {
                let a: Select = parse(name, args)?;
                let results = crate::verify(&self.options(&a.engagements)?)?;
                let problems: usize = results.iter().map(|v| v.problems.len()).sum();
                let result = json!({ "engagements": results });
                if problems > 0 {
                    return Err(Box::new(Failed {
                        error: Error::Verify(format!("verify found {problems} problem(s)")),
                        result: Some(result),
                    }));
                }
                Ok((result, Vec::new()))
            }
            "schema" => {
                let a: SchemaArgs = parse(name, args)?;
                let schema = match a.name {
                    Some(n) => crate::schema::schema(&n)?,
                    None => crate::schema::all()?,
                };
                Ok((schema, Vec::new()))
            }
            "new" => {
                let a: NewArgs = parse(name, args)?;
                self.engagement_dir(&a.engagement)?;
                let format = if a.json_data {
                    crate::init::DataFormat::Json
                } else {
                    crate::init::DataFormat::Toml
                };
                let today = crate::model::Date(time::OffsetDateTime::now_utc().date());
                let files =
                    crate::init::new_engagement(&self.options.data, &a.engagement, format, today)?;
                let shown: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
                Ok((json!({ "engagement": a.engagement, "files": shown }), files))
            }
            other => Err(Error::Usage(format!("no tool `{other}`")).into()),
        }
    }

    /// A file under the data or output folder, from a `file://` URI; anything else is
    /// refused.
    fn served_file(&self, uri: &str) -> Result<PathBuf> {
        let path = PathBuf::from(uri.strip_prefix("file://").unwrap_or(uri));
        let outside = || Error::Outside {
            path: path.clone(),
            what: "data or output",
        };
        let canonical = path.canonicalize().map_err(|_| outside())?;
        let inside = [&self.options.data, &self.options.out]
            .iter()
            .filter_map(|root| root.canonicalize().ok())
            .any(|root| canonical.starts_with(root));
        if inside && canonical.is_file() {
            Ok(canonical)
        } else {
            Err(outside())
        }
    }
}

/// A file as an MCP resource: its `file://` URI, name relative to the output folder, type.
fn resource(path: &Path, root: &Path) -> Resource {
    let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let name = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    let mut r =
        Resource::new(format!("file://{}", absolute.display()), name).with_mime_type(mime(path));
    if let Ok(meta) = std::fs::metadata(path) {
        r = r.with_size(meta.len());
    }
    r
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => "application/pdf",
        Some("md") => "text/markdown",
        Some("json") => "application/json",
        Some("eml") => "message/rfc822",
        Some("toml") => "application/toml",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    }
}

/// A failed tool call: the error, and what the tool produced before it (verify's findings).
struct Failed {
    error: Error,
    result: Option<Value>,
}

impl From<Error> for Box<Failed> {
    fn from(error: Error) -> Box<Failed> {
        Box::new(Failed {
            error,
            result: None,
        })
    }
}

/// A failed call as the CLI prints it with `--json`, flagged as a tool error.
fn error_result(failed: Failed) -> CallToolResult {
    let err = &failed.error;
    let mut object = err.object();
    object.result = failed.result;
    let value = serde_json::to_value(&object).unwrap_or_default();
    let mut result = CallToolResult::structured_error(value);
    result.content = vec![ContentBlock::text(format!(
        "error [{}]: {err}",
        object.error.code
    ))];
    result
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_resources()
                .build(),
        )
        .with_server_info(Implementation::new("docket", env!("CARGO_PKG_VERSION")))
        .with_instructions(format!(
            "docket decides and renders a consultancy's engagement documents from the data \
             folder {} into the output folder {}. Start with `check` or `next`; `schema` \
             describes the data; `approve` records an approval only with approver, role, \
             action and evidence; `build` renders and returns links to the files.",
            self.options.data.display(),
            self.options.out.display()
        ))
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<ListToolsResult, McpError> {
        Ok(ListToolsResult::with_all_items(tools().to_vec()))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        tools().iter().find(|t| t.name == name).cloned()
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<CallToolResponse, McpError> {
        if !tools().iter().any(|t| t.name == request.name) {
            return Err(McpError::invalid_params(
                format!("no tool `{}`", request.name),
                None,
            ));
        }
        let args = Value::Object(request.arguments.unwrap_or_default());
        let result = match self.run(&request.name, args) {
            Ok((value, files)) => {
                let value = match value {
                    Value::Object(_) => value,
                    other => json!({ "result": other }),
                };
                let mut result = CallToolResult::structured(value);
                for file in files {
                    result.content.push(ContentBlock::resource_link(resource(
                        &file,
                        &self.options.out,
                    )));
                }
                result
            }
            Err(failed) => error_result(*failed),
        };
        Ok(result.into())
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<ListResourcesResult, McpError> {
        // Every engagement's build report and handoff in the output folder.
        let mut resources = Vec::new();
        if let Ok(entries) = std::fs::read_dir(&self.options.out) {
            let mut dirs: Vec<PathBuf> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect();
            dirs.sort();
            for dir in dirs {
                for name in ["build-report.json", "handoff.json", "handoff.md"] {
                    let path = dir.join(name);
                    if path.is_file() {
                        resources.push(resource(&path, &self.options.out));
                    }
                }
            }
        }
        Ok(ListResourcesResult::with_all_items(resources))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<ReadResourceResponse, McpError> {
        let refuse = |err: Error| {
            let data = serde_json::to_value(err.object()).ok();
            McpError::invalid_params(err.to_string(), data)
        };
        let path = self.served_file(&request.uri).map_err(refuse)?;
        let mime_type = mime(&path);
        if !(mime_type.starts_with("text/")
            || mime_type == "application/json"
            || mime_type == "application/toml")
        {
            return Err(McpError::invalid_params(
                format!(
                    "{} is a binary document: open the file itself (its resource link names it)",
                    path.display()
                ),
                None,
            ));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            refuse(Error::Read {
                path: path.clone(),
                source: e,
            })
        })?;
        Ok(
            ReadResourceResult::new(vec![ResourceContents::TextResourceContents {
                uri: request.uri,
                mime_type: Some(mime_type.to_string()),
                text,
                meta: None,
            }])
            .into(),
        )
    }
}
