//! `docket watch`: the real binary runs as a child on a private copy of the data while the
//! test edits it; each expected report is waited for (bounded), and the watch is stopped
//! with SIGINT, which must let a running build finish and exit 0.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::Value;

/// How long to wait for each expected report.
const WAIT: Duration = Duration::from_secs(30);

/// A running `docket watch`, killed if the test fails before stopping it.
struct Watch {
    child: Child,
    /// Lines of the stream the test reads (stdout with --json, stderr without).
    lines: Receiver<String>,
    /// Everything read so far, for failure messages.
    seen: Vec<String>,
}

impl Watch {
    fn start(data: &Path, out: &Path, json: bool) -> Watch {
        let mut command = Command::new(env!("CARGO_BIN_EXE_docket"));
        command
            .args(["watch", "--data", data.to_str().unwrap()])
            .args(["--out", out.to_str().unwrap()])
            .current_dir(root())
            .stdin(Stdio::null());
        if json {
            command
                .arg("--json")
                .stdout(Stdio::piped())
                .stderr(Stdio::null());
        } else {
            command.stdout(Stdio::null()).stderr(Stdio::piped());
        }
        let mut child = command.spawn().expect("start docket watch");
        let stream: Box<dyn std::io::Read + Send> = if json {
            Box::new(child.stdout.take().unwrap())
        } else {
            Box::new(child.stderr.take().unwrap())
        };
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watch {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// The next line that `want` accepts, waiting up to [`WAIT`].
    fn until(&mut self, what: &str, want: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if want(&line) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no {what} within {WAIT:?}; read:\n{}", self.seen.join("\n"))
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "docket watch ended before {what}; read:\n{}",
                        self.seen.join("\n")
                    )
                }
            }
        }
    }

    /// The next JSON report (a rebuild or an error object).
    fn report(&mut self) -> Value {
        let line = self.until("JSON report", |_| true);
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not one JSON line ({e}): {line}"))
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }

    /// Sends SIGINT (Ctrl-C) and returns the exit status, waiting up to [`WAIT`].
    fn interrupt(&mut self) -> std::process::ExitStatus {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "docket watch did not exit within {WAIT:?} of SIGINT"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// Appends the billing approval, which clears the invoice.
fn approve_billing(data: &Path) {
    let path = data.join("northwind/approvals.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(BILLING);
    write_as_an_editor(&path, &text);
}

/// Saves the way many editors do: write a temporary file beside it, then rename it over.
fn write_as_an_editor(path: &Path, text: &str) {
    let temp: PathBuf = path.with_file_name(".editor-save.tmp-swap");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

/// `docket verify` finds every ledger intact and every final output unchanged.
fn verify_clean(data: &Path, out: &Path) {
    docket_ok(&[
        "verify",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
}

#[test]
fn an_invoice_line_rebuilds_only_the_invoice_and_an_approval_names_the_flip() {
    let data = data_copy("watch");
    let out = temp_dir("watch-out");
    let mut watch = Watch::start(&data, &out, true);

    let first = watch.report();
    assert_eq!(first["rebuild"], 0, "{first}");
    assert_eq!(strings(&first["changed"]).len(), 0);
    assert_eq!(strings(&first["rendered"]).len(), 9, "{first}");
    assert_eq!(strings(&first["flips"]).len(), 0);

    let invoice_before = std::fs::read(out.join("northwind/invoice.md")).unwrap();
    let brief_before = std::fs::read(out.join("northwind/brief.md")).unwrap();
    // One invoice line: only the invoice is rendered again, and the reports rewritten.
    let path = data.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace(
        r#"{ description = "Additional queue configuration (example)", quantity = "6","#,
        r#"{ description = "Additional queue configuration (example)", quantity = "7","#,
    );
    assert_ne!(edited, text);
    write_as_an_editor(&path, &edited);
    let line = watch.report();
    assert_eq!(line["rebuild"], 1, "one save, one rebuild: {line}");
    assert_eq!(
        strings(&line["changed"]),
        [format!("{}/northwind/engagement.toml", data.display())],
        "the editor's temporary file is not a change: {line}"
    );
    assert_eq!(strings(&line["rendered"]), ["northwind/invoice"], "{line}");
    assert_eq!(
        strings(&line["reports"]),
        [
            "northwind/build-report.json",
            "northwind/handoff.json",
            "northwind/handoff.md",
            "northwind/index.html"
        ]
    );
    assert_eq!(line["flips"], serde_json::json!([]), "{line}");
    assert_ne!(
        std::fs::read(out.join("northwind/invoice.md")).unwrap(),
        invoice_before,
        "the invoice was rewritten"
    );
    assert_eq!(
        std::fs::read(out.join("northwind/brief.md")).unwrap(),
        brief_before,
        "the brief was not"
    );

    // The billing approval flips the invoice from draft to final.
    approve_billing(&data);
    let line = watch.report();
    assert_eq!(line["rebuild"], 2, "{line}");
    assert_eq!(
        line["flips"],
        serde_json::json!([
            { "engagement": "northwind", "kind": "invoice", "from": "draft", "to": "final" }
        ]),
        "{line}"
    );
    assert_eq!(strings(&line["rendered"]), ["northwind/invoice"], "{line}");
    assert!(out.join("northwind/invoice.pdf").exists());

    // docket's own writes (ledger, head, record lock, outputs) did not trigger a rebuild.
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        watch.lines.try_recv().is_err(),
        "a build retriggered itself: {:?}",
        watch.seen
    );

    // A change that concerns no output: reported, nothing rebuilt.
    std::fs::write(data.join("notes.txt"), "call Dana on Monday\n").unwrap();
    let line = watch.report();
    assert_eq!(line["rebuild"], 3, "{line}");
    assert_eq!(
        strings(&line["changed"]),
        [format!("{}/notes.txt", data.display())]
    );
    for empty in ["flips", "rendered", "reports"] {
        assert_eq!(line[empty], serde_json::json!([]), "{empty}: {line}");
    }

    let status = watch.interrupt();
    assert!(status.success(), "SIGINT exits 0: {status:?}");
    verify_clean(&data, &out);
}

#[test]
fn an_invalid_edit_is_reported_and_the_watch_goes_on() {
    let data = data_copy("watch-invalid");
    let out = temp_dir("watch-invalid-out");
    let mut watch = Watch::start(&data, &out, true);
    assert_eq!(watch.report()["rebuild"], 0);

    let path = data.join("northwind/approvals.toml");
    let good = std::fs::read_to_string(&path).unwrap();
    write_as_an_editor(&path, &format!("{good}\n[[approval]\ngate = \"billing\"\n"));
    let error = watch.report();
    assert_eq!(error["error"]["code"], "invalid-data", "{error}");
    assert!(
        error["error"]["file"]
            .as_str()
            .unwrap()
            .ends_with("northwind/approvals.toml"),
        "{error}"
    );
    assert!(
        error["error"]["line"].as_u64().is_some(),
        "located: {error}"
    );
    assert_eq!(
        strings(&error["result"]["changed"]),
        [format!("{}/northwind/approvals.toml", data.display())]
    );
    assert!(watch.alive(), "an invalid edit must not end the watch");

    // The fix rebuilds, and the flip is against the last good build.
    write_as_an_editor(&path, &format!("{good}{BILLING}"));
    let line = watch.report();
    assert!(line.get("error").is_none(), "{line}");
    assert_eq!(
        line["flips"][0]["kind"], "invoice",
        "the fix flips the invoice: {line}"
    );
    assert_eq!(line["flips"][0]["to"], "final", "{line}");

    assert!(watch.interrupt().success());
    verify_clean(&data, &out);
}

#[test]
fn sigint_during_a_build_lets_it_finish_and_exits_0() {
    let data = data_copy("watch-sigint");
    let out = temp_dir("watch-sigint-out");
    let mut watch = Watch::start(&data, &out, false);
    // Printed once Ctrl-C is handled, just before the first build (about a second of
    // typesetting in a debug build) starts: interrupt it.
    watch.until("the watching line", |l| l.starts_with("watching "));
    let status = watch.interrupt();
    assert!(status.success(), "SIGINT exits 0: {status:?}");
    let rest: Vec<String> = watch.lines.iter().collect();
    assert!(
        rest.iter().any(|l| l.starts_with("built in ")),
        "the build under way finished and reported: {rest:?}"
    );
    assert!(rest.iter().any(|l| l.starts_with("stopped")), "{rest:?}");
    for file in [
        "invoice.md",
        "invoice.pdf",
        "build-report.json",
        "handoff.md",
    ] {
        assert!(out.join("northwind").join(file).exists(), "{file}");
    }
    verify_clean(&data, &out);
}

#[test]
fn people_read_the_flip_on_stderr() {
    let data = data_copy("watch-human");
    let out = temp_dir("watch-human-out");
    let mut watch = Watch::start(&data, &out, false);
    watch.until("the first build", |l| l.starts_with("built in "));
    approve_billing(&data);
    watch.until("the flip", |l| {
        l == "flipped   northwind/invoice: draft -> final"
    });
    watch.until("the rendered invoice", |l| {
        l == "rendered  northwind/invoice"
    });
    watch.until("the rebuild's summary", |l| {
        l.starts_with("rebuild 1 in ") && l.contains("1 document(s) rendered")
    });
    assert!(watch.interrupt().success());
}
