//! The malformed-input corpus: each broken input gives one error naming the file, line,
//! column and (where a field is involved) the field path; exit code 1; no panic; and the
//! output folder of an earlier complete build is left exactly as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::*;

/// One malformed input: how to break a copy of the example data, and what the error says.
struct Case {
    name: &'static str,
    /// Edits the copied data folder.
    edit: Box<dyn Fn(&Path)>,
    /// The file the error must name, relative to the data folder.
    file: &'static str,
    /// Text the message must contain (a field path, a hint).
    needles: &'static [&'static str],
}

fn edit_file(dir: &Path, rel: &str, f: impl Fn(String) -> String) {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = f(text.clone());
    assert_ne!(edited, text, "the edit of {rel} changed nothing");
    std::fs::write(&path, edited).unwrap();
}

const ENG: &str = "northwind/engagement.toml";
const APP: &str = "northwind/approvals.toml";

fn replace(rel: &'static str, from: &'static str, to: &'static str) -> Box<dyn Fn(&Path)> {
    Box::new(move |dir| edit_file(dir, rel, |t| t.replacen(from, to, 1)))
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "TOML syntax error",
            edit: replace(
                ENG,
                "client = \"Northwind Trading Co.\"",
                "client = \"Northwind",
            ),
            file: ENG,
            needles: &[],
        },
        Case {
            name: "TOML duplicate key",
            edit: replace(ENG, "workflow = ", "client = \"again\"\nworkflow = "),
            file: ENG,
            needles: &["duplicate key `client`"],
        },
        Case {
            name: "JSON syntax error",
            edit: Box::new(|dir| {
                to_json(dir);
                edit_file(dir, "northwind/engagement.json", |t| {
                    t.replacen("\"id\"", "\"id\" \"x\",", 1)
                });
            }),
            file: "northwind/engagement.json",
            needles: &[],
        },
        Case {
            name: "wrong type",
            edit: replace(ENG, "lifecycle_stage = \"delivery\"", "lifecycle_stage = 3"),
            file: ENG,
            needles: &["lifecycle_stage", "expected a string"],
        },
        Case {
            name: "wrong type, nested",
            edit: replace(ENG, "status = \"blocked\"", "status = \"paused\""),
            file: ENG,
            needles: &["tracks[1].status", "paused"],
        },
        Case {
            name: "wrong type in JSON",
            edit: Box::new(|dir| {
                to_json(dir);
                edit_file(dir, "northwind/engagement.json", |t| {
                    t.replacen("\"systems\": [", "\"systems\": [17, ", 1)
                });
            }),
            file: "northwind/engagement.json",
            needles: &["brief.systems[0]", "expected a string"],
        },
        Case {
            name: "float amount",
            edit: replace(ENG, "quantity = \"6\"", "quantity = 6.5"),
            file: ENG,
            needles: &["invoice.lines[1].quantity", "floating-point"],
        },
        Case {
            name: "unknown field",
            edit: replace(ENG, "workflow = ", "workflw = "),
            file: ENG,
            needles: &["unknown field `workflw`", "did you mean `workflow`"],
        },
        Case {
            name: "unknown nested field",
            edit: replace(ENG, "goal = ", "gaol = "),
            file: ENG,
            needles: &["brief", "unknown field `gaol`", "did you mean `goal`"],
        },
        Case {
            name: "unknown approval field",
            edit: replace(
                APP,
                "evidence = \"SEC-2026-0090\"",
                "evidance = \"SEC-2026-0090\"",
            ),
            file: APP,
            needles: &["approval[3]", "did you mean `evidence`"],
        },
        Case {
            name: "unknown status",
            edit: replace(APP, "status = \"conditional\"", "status = \"aproved\""),
            file: APP,
            needles: &["approval[3].status", "aproved"],
        },
        Case {
            name: "missing required field",
            edit: replace(ENG, "client = \"Northwind Trading Co.\"\n", ""),
            file: ENG,
            needles: &["client", "missing field `client`"],
        },
        Case {
            name: "missing required nested field",
            edit: replace(ENG, "goal = ", "# goal = "),
            file: ENG,
            needles: &["brief.goal", "missing field `goal`"],
        },
        Case {
            name: "duplicate document id in an engagement",
            edit: replace(ENG, "id = \"PRO-2026-0188\"", "id = \"DISC-2026-0117\""),
            file: ENG,
            needles: &[
                "proposal.id",
                "document id `DISC-2026-0117` is also used by brief.id",
            ],
        },
        Case {
            name: "duplicate document id across engagements",
            edit: Box::new(|dir| {
                copy_dir(&dir.join("northwind"), &dir.join("southwind"));
                edit_file(dir, "southwind/engagement.toml", |t| {
                    t.replacen("id = \"northwind\"", "id = \"southwind\"", 1)
                });
            }),
            file: "southwind/engagement.toml",
            needles: &["agreement.id", "also used by engagement `northwind`"],
        },
        Case {
            name: "duplicate engagement id",
            edit: Box::new(|dir| copy_dir(&dir.join("northwind"), &dir.join("northwind-copy"))),
            file: "northwind-copy/engagement.toml",
            // The id must be its folder's name, so a copied folder is caught there.
            needles: &[
                "id",
                "engagement id `northwind` differs from its folder name",
            ],
        },
        Case {
            name: "impossible date",
            edit: replace(ENG, "date = \"2026-02-03\"", "date = \"2026-02-30\""),
            file: ENG,
            needles: &["proposal.date", "YYYY-MM-DD"],
        },
        Case {
            name: "impossible TOML date",
            edit: replace(ENG, "as_of = \"2026-11-24\"", "as_of = 2026-13-01"),
            file: ENG,
            needles: &[],
        },
        Case {
            name: "engagement id with a path separator",
            edit: replace(ENG, "id = \"northwind\"", "id = \"../../etc\""),
            file: ENG,
            needles: &["id", "folder name"],
        },
        Case {
            name: "engagement id with a backslash",
            edit: replace(ENG, "id = \"northwind\"", "id = \"north\\\\wind\""),
            file: ENG,
            needles: &["id", "folder name"],
        },
        Case {
            name: "document id with ..",
            edit: replace(ENG, "id = \"DISC-2026-0117\"", "id = \"../DISC-2026-0117\""),
            file: ENG,
            needles: &["brief.id", "no path separators, no `..`"],
        },
        Case {
            name: "document id with a slash",
            edit: replace(
                ENG,
                "number = \"INV-2026-0461\"",
                "number = \"INV/2026/0461\"",
            ),
            file: ENG,
            needles: &["invoice.number", "no path separators"],
        },
        Case {
            name: "non-UTF-8 bytes",
            edit: Box::new(|dir| {
                let path = dir.join(ENG);
                let mut bytes = std::fs::read(&path).unwrap();
                let at = bytes.windows(9).position(|w| w == b"Northwind").unwrap() + 5;
                bytes.insert(at, 0xff);
                std::fs::write(&path, bytes).unwrap();
            }),
            file: ENG,
            needles: &["not valid UTF-8", "0xff"],
        },
        Case {
            name: "empty file",
            edit: Box::new(|dir| std::fs::write(dir.join(ENG), b"").unwrap()),
            file: ENG,
            needles: &["file is empty"],
        },
        Case {
            name: "blank file",
            edit: Box::new(|dir| std::fs::write(dir.join(APP), b"\n  \n\t\n").unwrap()),
            file: APP,
            needles: &["file is empty"],
        },
        Case {
            name: "100 MB file",
            edit: Box::new(|dir| {
                let line = "# a comment line that pads the file to a hundred megabytes........\n";
                let mut text = String::with_capacity(100 << 20);
                while text.len() < 100 << 20 {
                    text.push_str(line);
                }
                std::fs::write(dir.join(ENG), text).unwrap();
            }),
            file: ENG,
            needles: &["at most 8388608 bytes", "104857"],
        },
        Case {
            name: "NUL byte in the source",
            edit: replace(ENG, "workflow = ", "\0workflow = "),
            file: ENG,
            needles: &[],
        },
        Case {
            name: "deeply nested arrays",
            edit: Box::new(|dir| {
                let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
                edit_file(dir, ENG, |t| {
                    t.replacen("next_skill = [", &format!("next_skill = [{deep}, "), 1)
                });
            }),
            file: ENG,
            needles: &[],
        },
        Case {
            name: "deeply nested JSON",
            edit: Box::new(|dir| {
                to_json(dir);
                let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
                edit_file(dir, "northwind/engagement.json", |t| {
                    t.replacen(
                        "\"next_skill\": [",
                        &format!("\"next_skill\": [{deep}, "),
                        1,
                    )
                });
            }),
            file: "northwind/engagement.json",
            needles: &[],
        },
        Case {
            name: "unknown address key",
            edit: replace(ENG, "buyer = \"northwind-ap\"", "buyer = \"northwind-apx\""),
            file: ENG,
            needles: &["invoice.buyer", "did you mean `northwind-ap`"],
        },
        Case {
            name: "unknown gate",
            edit: replace(APP, "gate = \"facts\"", "gate = \"fatcs\""),
            file: APP,
            needles: &["approval[0].gate", "did you mean `facts`"],
        },
        Case {
            name: "a field over the size limit",
            edit: Box::new(|dir| {
                let big = "y".repeat(docket::load::MAX_FIELD_BYTES + 1);
                edit_file(dir, ENG, |t| {
                    t.replacen("problem = \"", &format!("problem = \"{big}"), 1)
                });
            }),
            file: ENG,
            needles: &["brief.problem", "at most 65536 bytes"],
        },
    ]
}

/// Rewrites the example engagement as JSON (agents write JSON).
fn to_json(dir: &Path) {
    let toml_path = dir.join(ENG);
    let value: toml::Value = toml::from_str(&std::fs::read_to_string(&toml_path).unwrap()).unwrap();
    std::fs::write(
        dir.join("northwind/engagement.json"),
        serde_json::to_string_pretty(&value).unwrap(),
    )
    .unwrap();
    std::fs::remove_file(&toml_path).unwrap();
}

fn snapshot(out: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let meta = e.metadata().unwrap();
            (
                e.path().to_path_buf(),
                (std::fs::read(e.path()).unwrap(), meta.modified().unwrap()),
            )
        })
        .collect()
}

#[test]
fn malformed_inputs_give_located_errors_and_change_nothing() {
    let out = temp_dir("malformed-out");
    let good = data_copy("malformed-good");
    docket_ok(&[
        "build",
        "--data",
        good.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let before = snapshot(&out);
    let cases = cases();
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for case in &cases {
        let data = data_copy("malformed");
        (case.edit)(&data);
        let run = docket(&[
            "build",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&run.stderr).into_owned();
        let located = format!("{}/{}:", data.display(), case.file);
        let mut problems = Vec::new();
        if run.status.code() != Some(1) {
            problems.push(format!("exit {:?}", run.status.code()));
        }
        if err.contains("panicked") || err.contains("overflow") {
            problems.push("panic".to_string());
        }
        // file:line:column
        let after = err.split(&located).nth(1).unwrap_or("");
        let mut numbers = after.splitn(3, ':');
        let line_ok = numbers.next().is_some_and(|n| n.parse::<usize>().is_ok());
        let col_ok = numbers.next().is_some_and(|n| n.parse::<usize>().is_ok());
        if !err.contains(&located) || !line_ok || !col_ok {
            problems.push(format!("no {located}LINE:COLUMN"));
        }
        for needle in case.needles {
            if !err.contains(needle) {
                problems.push(format!("no {needle:?}"));
            }
        }
        if err.lines().filter(|l| l.starts_with("error:")).count() != 1 {
            problems.push("not exactly one error line".to_string());
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {}\n    {}",
                case.name,
                problems.join(", "),
                err.trim()
            ));
        }
        std::fs::remove_dir_all(&data).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        snapshot(&out) == before,
        "a failed build changed the output folder"
    );
}
