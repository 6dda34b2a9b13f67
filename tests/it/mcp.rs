//! `docket mcp` driven through a real MCP client: rmcp's own client over the child's stdio
//! (the agents' issue). Lists the tools, then takes Northwind from an invoice draft to a
//! final invoice: check, approve, build (links to the files), verify; and checks that a
//! path outside the data folder and an approval without evidence are refused with
//! structured errors.

use rmcp::ServiceExt;
use rmcp::model::{CallToolRequestParams, CallToolResult, ReadResourceRequestParams};
use rmcp::transport::{ConfigureCommandExt, TokioChildProcess};
use serde_json::{Value, json};

use crate::common::*;

/// Calls a tool with JSON arguments.
async fn call(
    client: &rmcp::service::RunningService<rmcp::RoleClient, ()>,
    name: &'static str,
    args: Value,
) -> CallToolResult {
    let Value::Object(args) = args else {
        panic!("arguments are an object")
    };
    client
        .call_tool(CallToolRequestParams::new(name).with_arguments(args))
        .await
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn structured(result: &CallToolResult) -> &Value {
    result
        .structured_content
        .as_ref()
        .expect("structured content")
}

#[test]
fn an_agent_asks_a_person_approves_and_the_invoice_goes_final_over_mcp() {
    let data = signed_copy("mcp-data");
    let out = temp_dir("mcp-out");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let transport = TokioChildProcess::new(
            tokio::process::Command::new(env!("CARGO_BIN_EXE_docket")).configure(|cmd| {
                cmd.arg("mcp")
                    .arg("--data")
                    .arg(&data)
                    .arg("--out")
                    .arg(&out)
                    .current_dir(root());
            }),
        )
        .unwrap();
        let client = ().serve(transport).await.unwrap();

        // The tools, with their hints.
        let tools = client.list_all_tools().await.unwrap();
        let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
        for name in [
            "check",
            "next",
            "handoff",
            "build",
            "approve",
            "receivables",
            "verify",
            "schema",
            "new",
        ] {
            assert!(names.contains(&name), "{names:?}");
        }
        let hint = |name: &str| {
            let t = tools.iter().find(|t| t.name == name).unwrap();
            t.annotations.as_ref().unwrap().read_only_hint
        };
        assert_eq!(hint("check"), Some(true));
        assert_eq!(hint("build"), Some(false));

        // check: milestone 2's invoice is a draft, waiting on billing.
        let checked = call(&client, "check", json!({ "engagements": ["northwind"] })).await;
        assert_ne!(checked.is_error, Some(true));
        let invoice = |v: &Value| {
            v["engagements"][0]["artifacts"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["kind"] == "invoice" && a["key"] == "milestone-2")
                .cloned()
                .unwrap()
        };
        assert_eq!(invoice(structured(&checked))["decision"], "draft");

        // A request without evidence (why it is asked) is refused, as data.
        let refused = call(
            &client,
            "approve",
            json!({
                "engagement": "northwind", "kind": "invoice:milestone-2",
                "by": "Priya Raman (example)", "role": "CompleteTech billing lead",
                "action": "issue-invoice", "evidence": ""
            }),
        )
        .await;
        assert_eq!(refused.is_error, Some(true));
        assert_eq!(structured(&refused)["error"]["code"], "usage");
        // So is one that leaves the evidence out altogether.
        let refused = call(
            &client,
            "approve",
            json!({
                "engagement": "northwind", "kind": "invoice:milestone-2",
                "action": "issue-invoice"
            }),
        )
        .await;
        assert_eq!(refused.is_error, Some(true));
        assert!(
            structured(&refused)["error"]["message"]
                .as_str()
                .unwrap()
                .contains("evidence"),
            "{:?}",
            structured(&refused)
        );
        // An agent cannot hand docket a key: the tool has no such argument.
        let refused = call(
            &client,
            "approve",
            json!({
                "engagement": "northwind", "kind": "invoice:milestone-2",
                "action": "issue-invoice", "evidence": "approved by email",
                "key": "tests/fixtures/keys/priya.example-key"
            }),
        )
        .await;
        assert_eq!(refused.is_error, Some(true));

        // Regression (the signed-approvals issue): the forge, through the MCP tool. The agent
        // names the billing lead; docket records a request and the invoice stays a draft.
        let asked = call(
            &client,
            "approve",
            json!({
                "engagement": "northwind", "kind": "invoice:milestone-2",
                "by": "Priya Raman (example)", "role": "CompleteTech billing lead",
                "action": "issue-invoice", "evidence": "approved by email", "gate": "billing"
            }),
        )
        .await;
        assert_ne!(asked.is_error, Some(true), "{asked:?}");
        let asked = structured(&asked);
        assert_eq!(asked["recorded"], "requested", "{asked}");
        assert!(
            asked["can_grant"]
                .to_string()
                .contains("priya.raman@completetech.example"),
            "{asked}"
        );
        assert!(
            asked["grant_command"].as_str().unwrap().contains("--key"),
            "{asked}"
        );
        let checked = call(&client, "check", json!({ "engagements": ["northwind"] })).await;
        let milestone = invoice(structured(&checked));
        assert_eq!(milestone["decision"], "draft");
        assert!(
            milestone["reasons"].to_string().contains("not signed"),
            "{milestone}"
        );
        // next lists the request with who can grant it and the command.
        let next = call(&client, "next", json!({})).await;
        assert!(
            structured(&next)["requests"]
                .to_string()
                .contains("an agent (MCP)")
        );

        // A person grants it, with their own key.
        docket_ok(&[
            "approve",
            "invoice:milestone-2",
            "-e",
            "northwind",
            "--data",
            data.to_str().unwrap(),
            "--action",
            "issue-invoice",
            "--evidence",
            "Milestone 2 invoice approved by email (example)",
            "--key",
            example_key("priya").to_str().unwrap(),
        ]);

        // build: the invoice is final, and comes back as links to its files.
        let built = call(&client, "build", json!({ "engagements": ["northwind"] })).await;
        assert_ne!(built.is_error, Some(true), "{built:?}");
        assert_eq!(
            invoice(structured(&built))["decision"],
            "final",
            "{built:?}"
        );
        let links: Vec<String> = built
            .content
            .iter()
            .filter_map(|c| c.as_resource_link())
            .map(|r| r.uri.clone())
            .collect();
        let pdf = links
            .iter()
            .find(|u| u.ends_with("/northwind/invoice.milestone-2.pdf"))
            .unwrap_or_else(|| panic!("{links:?}"));
        let path = pdf.strip_prefix("file://").unwrap();
        assert!(std::fs::read(path).unwrap().starts_with(b"%PDF"));
        // No document inline: links only.
        assert!(built.content.iter().all(|c| c.as_resource().is_none()));

        // The build report is a resource.
        let resources = client.list_all_resources().await.unwrap();
        let report = resources
            .iter()
            .find(|r| r.uri.ends_with("/northwind/build-report.json"))
            .unwrap();
        let read = client
            .read_resource(ReadResourceRequestParams::new(report.uri.clone()))
            .await
            .unwrap();
        assert!(format!("{read:?}").contains("INV-2026-0461"));

        // What the client owes now that the invoice is issued: the same JSON as the CLI's.
        let owed = call(&client, "receivables", json!({})).await;
        assert_ne!(owed.is_error, Some(true), "{owed:?}");
        let cli = docket_ok(&["receivables", "--json", "--data", data.to_str().unwrap()]);
        let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
        assert_eq!(structured(&owed), &cli);

        // verify is clean.
        let verified = call(&client, "verify", json!({})).await;
        assert_ne!(verified.is_error, Some(true), "{verified:?}");

        // Outside the folders: an engagement id that is a path, and a resource elsewhere.
        let outside = call(&client, "check", json!({ "engagements": ["../../etc"] })).await;
        assert_eq!(outside.is_error, Some(true));
        assert_eq!(structured(&outside)["error"]["code"], "outside-folder");
        let elsewhere = client
            .read_resource(ReadResourceRequestParams::new("file:///etc/passwd"))
            .await;
        assert!(elsewhere.is_err(), "{elsewhere:?}");

        client.cancel().await.unwrap();
    });
}

/// What may differ between two runs on two identical folders: the folders' own paths, and
/// the build's stage timings. Everything else must be the same bytes.
fn normalized(value: &Value, data: &std::path::Path, out: &std::path::Path) -> Value {
    let mut text = serde_json::to_string(value).unwrap();
    for (path, name) in [(out, "OUT"), (data, "DATA")] {
        text = text.replace(path.to_str().unwrap(), name);
    }
    let mut value: Value = serde_json::from_str(&text).unwrap();
    if let Some(map) = value.as_object_mut() {
        map.remove("timings");
    }
    value
}

/// The command layer's promise (one layer of commands under both the CLI and MCP): for
/// every verb, `docket VERB --json` and the MCP tool of that name return the same JSON,
/// results and errors alike. Each side works on its own copy of the same data; the verbs
/// run in the same order on both. A verb added to `commands::VERBS` without a case here
/// fails the test.
#[test]
fn cli_and_mcp_return_identical_json_for_every_verb() {
    // Signed folders: without a key the CLI records a request, as the MCP tool always does.
    let signed = signed_copy;
    let (data_cli, out_cli) = (signed("same-cli-data"), temp_dir("same-cli-out"));
    let (data_mcp, out_mcp) = (signed("same-mcp-data"), temp_dir("same-mcp-out"));
    let approve = json!({
        "engagement": "northwind", "kind": "invoice:milestone-2", "by": "Ada Park (example)",
        "role": "Accounts payable lead", "action": "issue-invoice",
        "evidence": "Billing approval email of 2026-11-30 (example)", "gate": "billing",
        "date": "2026-11-30"
    });
    // (verb, CLI arguments after the verb, MCP arguments), in the order they run.
    let mut cases: Vec<(&str, Vec<String>, Value)> = Vec::new();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    for verb in docket::commands::VERBS {
        let case: Vec<(Vec<String>, Value)> = match verb.name {
            "check" => vec![
                (
                    s(&["-e", "northwind"]),
                    json!({ "engagements": ["northwind"] }),
                ),
                // An error is the same object too.
                (s(&["-e", "nowhere"]), json!({ "engagements": ["nowhere"] })),
            ],
            "next" => vec![(s(&["--want", "invoice"]), json!({ "want": "invoice" }))],
            "handoff" => vec![(s(&[]), json!({}))],
            "receivables" => vec![(s(&[]), json!({}))],
            "verify" => vec![(s(&[]), json!({}))],
            "schema" => vec![(s(&["approvals"]), json!({ "name": "approvals" }))],
            "build" => vec![(s(&["--only", "invoice"]), json!({ "only": ["invoice"] }))],
            "approve" => vec![(
                s(&[
                    "invoice:milestone-2",
                    "-e",
                    "northwind",
                    "--by",
                    "Ada Park (example)",
                    "--role",
                    "Accounts payable lead",
                    "--action",
                    "issue-invoice",
                    "--evidence",
                    "Billing approval email of 2026-11-30 (example)",
                    "--gate",
                    "billing",
                    "--date",
                    "2026-11-30",
                ]),
                approve.clone(),
            )],
            "new" => vec![(s(&["acme-pilot"]), json!({ "engagement": "acme-pilot" }))],
            "kinds" => vec![(s(&[]), json!({}))],
            "envelopes" => vec![(s(&[]), json!({}))],
            other => panic!("no CLI/MCP comparison for the verb `{other}`: add one"),
        };
        cases.extend(case.into_iter().map(|(cli, mcp)| (verb.name, cli, mcp)));
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let transport = TokioChildProcess::new(
            tokio::process::Command::new(env!("CARGO_BIN_EXE_docket")).configure(|cmd| {
                cmd.arg("mcp")
                    .arg("--data")
                    .arg(&data_mcp)
                    .arg("--out")
                    .arg(&out_mcp)
                    .current_dir(root());
            }),
        )
        .unwrap();
        let client = ().serve(transport).await.unwrap();
        for (verb, cli_args, mcp_args) in &cases {
            let mut args: Vec<String> = vec![verb.to_string(), "--json".into()];
            args.extend(cli_args.iter().cloned());
            args.extend(["--data".into(), data_cli.to_str().unwrap().into()]);
            match *verb {
                "schema" => args.truncate(args.len() - 2),
                "new" | "kinds" => {}
                "envelopes" => args.extend([
                    "--out".into(),
                    out_cli.join("envelopes.pdf").to_str().unwrap().into(),
                ]),
                _ => args.extend(["--out".into(), out_cli.to_str().unwrap().into()]),
            }
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            let cli = docket(&argv);
            let cli_json: Value = serde_json::from_slice(&cli.stdout).unwrap_or_else(|e| {
                panic!(
                    "docket {argv:?}: {e}: {}",
                    String::from_utf8_lossy(&cli.stderr)
                )
            });
            let mcp = call(&client, verb, mcp_args.clone()).await;
            assert_eq!(
                mcp.is_error == Some(true),
                !cli.status.success(),
                "{verb} {mcp_args}: CLI and MCP disagree on failure"
            );
            assert_eq!(
                normalized(structured(&mcp), &data_mcp, &out_mcp),
                normalized(&cli_json, &data_cli, &out_cli),
                "{verb} {mcp_args}"
            );
        }
        client.cancel().await.unwrap();
    });
}
