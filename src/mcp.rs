//! `docket mcp`: docket as a deterministic tool for agent hosts, over the Model Context
//! Protocol (stdio).
//!
//! The engagement orchestration overview is run by an orchestrator agent that passes a
//! `project_state` between skills. Agent hosts attach tools over MCP, so this module serves
//! the command layer's verbs ([`crate::commands::VERBS`]: `check`, `next`, `handoff`,
//! `build`, `approve`, `receivables`, `verify`, `envelopes`, `schema`, `new`), the very
//! functions the CLI calls, each returning the JSON the CLI prints with `--json` as the
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
use serde_json::{Value, json};

use crate::commands::{self, Ran, VERBS, Workspace};
use crate::error::{Error, Result};

/// The folders a server works in, fixed at start.
#[derive(Debug, Clone)]
pub struct Server {
    workspace: Workspace,
}

/// Runs the server on stdin/stdout until the client closes the connection.
pub fn serve(workspace: Workspace) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| Error::Setup(format!("cannot start the MCP server: {e}")))?;
    runtime.block_on(async {
        let server = Server { workspace };
        let running = server
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| Error::Setup(format!("MCP handshake failed: {e}")))?;
        running
            .waiting()
            .await
            .map_err(|e| Error::Setup(format!("MCP server stopped: {e}")))?;
        Ok(())
    })
}

/// The tools, described once from the command layer's verbs (their argument schemas are
/// generated from the request types, not rebuilt per call).
fn tools() -> &'static [Tool] {
    static TOOLS: std::sync::LazyLock<Vec<Tool>> = std::sync::LazyLock::new(|| {
        VERBS
            .iter()
            .map(|verb| {
                let schema: JsonObject = (verb.schema)();
                Tool::new(verb.name, verb.description, schema).annotate(
                    ToolAnnotations::new()
                        .read_only(verb.read_only)
                        .destructive(false)
                        .idempotent(verb.idempotent)
                        .open_world(false),
                )
            })
            .collect()
    });
    &TOOLS
}

impl Server {
    /// A file under the data or output folder, from a `file://` URI; anything else is
    /// refused.
    fn served_file(&self, uri: &str) -> Result<PathBuf> {
        let path = PathBuf::from(uri.strip_prefix("file://").unwrap_or(uri));
        let outside = || Error::Outside {
            path: path.clone(),
            what: "data or output",
        };
        let canonical = path.canonicalize().map_err(|_| outside())?;
        let inside = [&self.workspace.data, &self.workspace.out]
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

/// A failed call as the CLI prints it with `--json` (the error object, with what the verb
/// produced before it failed as `result`), flagged as a tool error.
fn error_result(error: &Error, result: Option<Value>) -> CallToolResult {
    let mut object = error.object();
    object.result = result;
    let value = serde_json::to_value(&object)
        .unwrap_or_else(|e| json!({ "error": { "code": "internal", "message": e.to_string() } }));
    let mut result = CallToolResult::structured_error(value);
    result.content = vec![ContentBlock::text(format!(
        "error [{}]: {error}",
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
             describes the data; `approve` records a request for an approval (an agent asks, \
             only a person approves, by signing with their own key) and says who can grant \
             it; `build` renders and returns links to the files.",
            self.workspace.data.display(),
            self.workspace.out.display()
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
        let args = Value::Object(request.arguments.unwrap_or_default());
        let result = match commands::verb(&request.name).map(|v| (v.run)(&self.workspace, args)) {
            Some(Ok(Ran {
                value,
                files,
                failure: None,
            })) => {
                let value = match value {
                    Value::Object(_) => value,
                    other => json!({ "result": other }),
                };
                let mut result = CallToolResult::structured(value);
                for file in files {
                    result.content.push(ContentBlock::resource_link(resource(
                        &file,
                        &self.workspace.out,
                    )));
                }
                result
            }
            Some(Ok(Ran {
                value,
                failure: Some(error),
                ..
            })) => error_result(&error, Some(value)),
            Some(Err(error)) => error_result(&error, None),
            None => {
                return Err(McpError::invalid_params(
                    format!("no tool `{}`", request.name),
                    None,
                ));
            }
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
        if let Ok(entries) = std::fs::read_dir(&self.workspace.out) {
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
                        resources.push(resource(&path, &self.workspace.out));
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
