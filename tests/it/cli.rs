//! The command line as users meet it: errors that name file, line, field and what was
//! expected; exit codes; nothing written on failure; JSON data; hostile values shown
//! literally in every output.

use std::path::Path;

use crate::common::*;

/// A copy of the example data folder, with `engagement.toml` edited by `edit`.
fn fixture(name: &str, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let dir = data_copy(name);
    let path = dir.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
    dir
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn unknown_field_names_file_line_field_and_suggests() {
    let data = fixture("typo", |t| t.replace("workflow = ", "workflw = "));
    let out = temp_dir("typo-out");
    let run = Build::new(&data).out(&out).run();
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("northwind/engagement.toml:"), "{err}");
    assert!(err.contains("unknown field `workflw`"), "{err}");
    assert!(err.contains("did you mean `workflow`"), "{err}");
    let line = std::fs::read_to_string(data.join("northwind/engagement.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("workflw"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("engagement.toml:{line}:")),
        "line {line}: {err}"
    );
}

#[test]
fn wrong_type_and_bad_date_name_the_field_path() {
    let data = fixture("baddate", |t| {
        t.replacen("date = \"2026-02-03\"", "date = \"2026-02-30\"", 1)
    });
    let run = docket(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("proposal.date"), "{err}");
    assert!(err.contains("YYYY-MM-DD"), "{err}");

    let data = fixture("badtype", |t| {
        t.replace("lifecycle_stage = \"delivery\"", "lifecycle_stage = 3")
    });
    let err = stderr(&docket(&["check", "--data", data.to_str().unwrap()]));
    assert!(
        err.contains("lifecycle_stage") && err.contains("expected a string"),
        "{err}"
    );

    let data = fixture("float", |t| t.replace("quantity = \"6\"", "quantity = 6.5"));
    let err = stderr(&docket(&["check", "--data", data.to_str().unwrap()]));
    assert!(err.contains("invoice.lines[1].quantity"), "{err}");
    assert!(err.contains("floating-point"), "{err}");
}

#[test]
fn missing_required_field_and_broken_reference() {
    let data = fixture("missing", |t| {
        t.replace("client = \"Northwind Trading Co.\"\n", "")
    });
    let run = docket(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("missing field `client`"),
        "{}",
        stderr(&run)
    );

    let data = fixture("ref", |t| {
        t.replace("buyer = \"northwind-ap\"", "buyer = \"northwind-apx\"")
    });
    let err = stderr(&docket(&["check", "--data", data.to_str().unwrap()]));
    assert!(err.contains("invoice.buyer"), "{err}");
    assert!(err.contains("did you mean `northwind-ap`"), "{err}");

    let data = fixture("stage", |t| {
        t.replace(
            "lifecycle_stage = \"delivery\"",
            "lifecycle_stage = \"delivry\"",
        )
    });
    let err = stderr(&docket(&["check", "--data", data.to_str().unwrap()]));
    assert!(
        err.contains("engagement.toml:") && err.contains("did you mean `delivery`"),
        "{err}"
    );
}

#[test]
fn invoice_errors_name_the_field() {
    let data = fixture("due", |t| {
        t.replace("due_date = \"2026-12-24\"", "due_date = \"2026-11-01\"")
    });
    let err = stderr(&docket(&["check", "--data", data.to_str().unwrap()]));
    assert!(
        err.contains("invoice.due_date") && err.contains("before the issue date"),
        "{err}"
    );

    let data = fixture("currency", |t| {
        t.replace("currency = \"USD\"\nseller", "currency = \"USX\"\nseller")
    });
    let err = stderr(&docket(&["check", "--data", data.to_str().unwrap()]));
    assert!(
        err.contains("invoice.currency") && err.contains("unknown currency code `USX`"),
        "{err}"
    );

    let data = fixture("negative", |t| {
        t.replace("quantity = \"6\"", "quantity = \"-6\"")
    });
    let err = stderr(&docket(&["check", "--data", data.to_str().unwrap()]));
    assert!(err.contains("invoice.lines[1].quantity"), "{err}");
}

#[test]
fn failed_build_writes_nothing_and_keeps_previous_outputs() {
    let out = temp_dir("keep");
    let good = Build::new(data_copy("keep-data")).out(&out).run();
    assert!(good.status.success());
    let before = std::fs::read(out.join("northwind/invoice.pdf")).unwrap();
    let data = fixture("broken", |t| t.replace("workflow = ", "workflw = "));
    let run = Build::new(&data).out(&out).run();
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        std::fs::read(out.join("northwind/invoice.pdf")).unwrap(),
        before
    );
    let leftovers: Vec<_> = std::fs::read_dir(out.join("northwind"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let run = docket(&["build", "--only", "invoic"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("unknown artifact kind `invoic`"));
    let run = docket(&["next", "--engagement", "nope"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("no engagement `nope`"));
    assert_eq!(docket(&["frobnicate"]).status.code(), Some(2));
}

/// Exit codes: what is wrong with docket's surroundings (no data folder, no fonts) is a setup
/// error, exit 3, not a usage error sending the user to `--help`.
#[test]
fn setup_errors_exit_3() {
    let run = docket(&["build", "--data", "/nonexistent/docket"]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    assert!(stderr(&run).contains("data folder /nonexistent/docket does not exist"));
    let fonts = temp_dir("no-fonts");
    let out = temp_dir("no-fonts-out");
    let run = docket(&[
        "build",
        "--data",
        BEFORE_INSTANCES,
        "--out",
        out.to_str().unwrap(),
        "--fonts",
        fonts.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    assert!(stderr(&run).contains("no fonts in"), "{}", stderr(&run));
    let json = docket(&["check", "--json", "--data", "/nonexistent/docket"]);
    let object: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(object["error"]["code"], "setup");
}

#[test]
fn help_teaches() {
    let out = docket_ok(&["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for word in ["build", "check", "next", "handoff", "Quick start"] {
        assert!(text.contains(word), "{word} not in --help");
    }
    let out = docket_ok(&["build", "--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("--only") && text.contains("Exit status"),
        "{text}"
    );
}

#[test]
fn json_engagements_load_like_toml() {
    let dir = data_copy("json");
    let toml_path = dir.join("northwind/engagement.toml");
    let value: toml::Value = toml::from_str(&std::fs::read_to_string(&toml_path).unwrap()).unwrap();
    std::fs::write(
        dir.join("northwind/engagement.json"),
        serde_json::to_string_pretty(&value).unwrap(),
    )
    .unwrap();
    std::fs::remove_file(&toml_path).unwrap();
    let json_run = docket_ok(&["check", "--data", dir.to_str().unwrap(), "--json"]);
    let toml_dir = data_copy("json-toml");
    let toml_run = docket_ok(&["check", "--data", toml_dir.to_str().unwrap(), "--json"]);
    let decisions = |out: &std::process::Output| {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["engagements"][0]["artifacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| (a["kind"].to_string(), a["decision"].to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(decisions(&json_run), decisions(&toml_run));

    // A JSON error names line and column too.
    let path = dir.join("northwind/engagement.json");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"workflow\"", "\"workflw\"");
    std::fs::write(&path, text).unwrap();
    let err = stderr(&docket(&["check", "--data", dir.to_str().unwrap()]));
    assert!(
        err.contains("engagement.json:") && err.contains("workflw"),
        "{err}"
    );
}

const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "{{ x }}",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "$x^2$ @ref <label> // not a comment",
    "*bold* _em_ `code` \\ #let x = 1",
];

#[test]
fn hostile_values_appear_literally_in_markdown_and_pdf() {
    let out = temp_dir("hostile-out");
    let data = fixture("hostile", |t| {
        t.replace(
            "client = \"Northwind Trading Co.\"",
            &format!("client = {:?}", HOSTILE[0]),
        )
        .replace(
            "goal = \"Pilot an agent",
            &format!(
                "goal = {:?}\ngoal_note = \"Pilot an agent",
                HOSTILE[1..].join(" ")
            ),
        )
    });
    // `goal_note` is not a field: keep the goal only.
    let path = data.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("goal_note"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, text).unwrap();
    let run = Build::new(&data).out(&out).run();
    assert!(run.status.success(), "{}", stderr(&run));

    let md = std::fs::read_to_string(out.join("northwind/brief.md")).unwrap();
    let shown = markdown_text(&md);
    for value in HOSTILE {
        assert!(
            shown.contains(value),
            "Markdown does not show {value:?}:\n{shown}"
        );
    }
    let pdf = pdf_pages(&out.join("northwind/brief.pdf")).concat();
    let squashed: String = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    for value in HOSTILE {
        let v: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            squashed.contains(&v),
            "PDF does not show {value:?}:\n{squashed}"
        );
    }
    assert!(
        !pdf.contains("root:x:0"),
        "the PDF must not contain /etc/passwd"
    );
}

#[test]
fn init_creates_a_project_that_builds() {
    let dir = temp_dir("init").join("project");
    docket_ok(&["init", dir.to_str().unwrap()]);
    let run = Build::default_data().current_dir(&dir).run();
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        dir.join("output/northwind/invoice.milestone-2.pdf")
            .exists()
    );
    // A second init refuses to overwrite.
    assert_eq!(
        docket(&["init", dir.to_str().unwrap()]).status.code(),
        Some(1)
    );
}

/// `docket init` embeds every template (translations included) and font: the list cannot
/// drift from the folders.
#[test]
fn init_embeds_every_template_and_font() {
    // Templates with their subfolders (locales/<tag>/*.ftl); the fonts' own files (not
    // fonts/tools, the script that made them).
    for (folder, depth) in [("templates", usize::MAX), ("fonts", 1)] {
        for entry in walkdir::WalkDir::new(root().join(folder)).max_depth(depth) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(root()).unwrap();
            let name = rel.to_string_lossy().replace('\\', "/");
            assert!(
                docket::commands::init::FILES
                    .iter()
                    .any(|(n, _)| *n == name),
                "{name} is not embedded by init"
            );
        }
    }
}

/// Files docket writes follow the umask, as any other tool's outputs do (a regression: every
/// file was 0600, the temporary file's mode surviving the rename, so a print server, a web
/// server or a colleague in the same group could not open the PDFs). Checked for both
/// the usual 022 and a stricter 027, so the mode comes from the umask, not a constant.
#[cfg(unix)]
#[test]
fn written_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    for (umask, expected) in [("022", 0o644), ("027", 0o640)] {
        let data = data_copy(&format!("umask-{umask}"));
        let out = temp_dir(&format!("umask-{umask}-out"));
        let run = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_docket"))
            .args(["build", "--data", data.to_str().unwrap()])
            .args(["--out", out.to_str().unwrap()])
            .current_dir(root())
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", stderr(&run));
        let engagement = out.join("northwind");
        let files = [
            engagement.join("brief.pdf"),
            engagement.join("brief.md"),
            engagement.join("invoice.pdf"),
            engagement.join("build-report.json"),
            engagement.join("handoff.json"),
            engagement.join("handoff.md"),
            engagement.join(docket::output::MANIFEST),
            out.join(docket::output::LOCK_FILE),
            data.join("northwind")
                .join(docket::record::ledger::FILE_NAME),
            data.join("northwind")
                .join(docket::record::ledger::HEAD_FILE),
        ];
        for file in files {
            let mode = std::fs::metadata(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(
                mode,
                expected,
                "{} is {mode:o} under umask {umask}",
                file.display()
            );
        }
    }
}

#[test]
fn timings_writes_one_line_per_typeset_document() {
    let data = data_copy("timings");
    let out = temp_dir("timings-out");
    let file = out.with_extension("jsonl");
    let run = docket(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--only",
        "invoice",
        "--timings",
        file.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pdfs = pdfs_written(&out);
    assert_eq!(lines.len(), pdfs, "one line per PDF written");
    for line in &lines {
        assert_eq!(line["kind"], "invoice", "{line}");
        assert!(
            line["document"]
                .as_str()
                .unwrap()
                .starts_with("northwind/invoice")
        );
        assert!(line["pages"].as_u64().unwrap() >= 1);
        for key in ["layout_ms", "pdf_ms", "thumbnail_ms"] {
            assert!(line[key].as_f64().unwrap() >= 0.0, "{key}: {line}");
        }
    }
}

/// PDFs in the Northwind output folder.
fn pdfs_written(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("northwind"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .count()
}
