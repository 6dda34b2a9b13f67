//! The record under concurrent builds (issue: a record that holds).
//!
//! Regression: two `docket build --shard K/2` processes on one data folder, each into its own
//! output folder, handed out the same invoice numbers (40 invoices, 25 distinct numbers):
//! the lock was per output folder and numbering read the ledgers with no lock. Now every
//! process that allocates a number holds the data folder's record lock from counting the
//! series to appending its ledger records.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::*;

/// `n` copies of Northwind with an approved invoice and no number (`TBD`).
fn engagements(name: &str, n: usize) -> std::path::PathBuf {
    let data = temp_dir(name);
    evidence_rules(&data);
    let toml = std::fs::read_to_string(root().join(NORTHWIND).join("engagement.toml")).unwrap();
    let manifest = std::fs::read_to_string(root().join(NORTHWIND).join("approvals.toml")).unwrap();
    for i in 0..n {
        let id = format!("e{i:02}");
        let dir = data.join(&id);
        std::fs::create_dir_all(&dir).unwrap();
        // Document ids are unique across the data folder.
        let mut text = toml
            .replace("id = \"northwind\"", &format!("id = \"{id}\""))
            .replace("number = \"INV-2026-0461\"", "number = \"TBD\"");
        for old in [
            "DISC-2026-0117",
            "PRO-2026-0188",
            "ADSA-2026-0142",
            "SEC-2026-0090",
        ] {
            text = text.replace(old, &format!("{old}-{i:02}"));
        }
        std::fs::write(dir.join("engagement.toml"), text).unwrap();
        std::fs::write(dir.join("approvals.toml"), format!("{manifest}{BILLING}")).unwrap();
    }
    data
}

/// `docket build --only invoice` of `data` into `out` (as shard `k/n` when given), ready to
/// spawn: stdout dropped, stderr kept for a failure's message.
fn invoice_build(data: &Path, out: &Path, shard: Option<(usize, usize)>) -> Command {
    let mut build = Build::new(data).only("invoice").out(out);
    if let Some((k, n)) = shard {
        build = build.arg("--shard").arg(format!("{k}/{n}"));
    }
    let mut cmd = build.command();
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    cmd
}

/// The invoice numbers the ledgers record as issued, one per engagement.
fn issued_numbers(data: &Path, n: usize) -> Vec<String> {
    (0..n)
        .flat_map(|i| {
            let ledger = std::fs::read_to_string(data.join(format!("e{i:02}/ledger.jsonl")))
                .unwrap_or_default();
            let numbers: BTreeSet<String> = ledger
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
                .filter(|r| r["kind"] == "invoice" && r["issued"] == true)
                .map(|r| r["document_id"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(numbers.len(), 1, "e{i:02}: {numbers:?}");
            numbers
        })
        .collect()
}

#[test]
fn concurrent_shards_and_a_second_build_issue_unique_gapless_numbers() {
    const N: usize = 8;
    for round in 0..20 {
        let data = engagements(&format!("record-data-{round}"), N);
        let base = temp_dir(&format!("record-out-{round}"));
        // Four shard processes and a whole build into another output folder, all at once.
        let mut children: Vec<_> = (0..4)
            .map(|k| invoice_build(&data, &base.join(format!("shard-{k}")), Some((k, 4))))
            .chain(std::iter::once(invoice_build(
                &data,
                &base.join("whole"),
                None,
            )))
            .map(|mut c| c.spawn().unwrap())
            .collect();
        for child in children.iter_mut() {
            let status = child.wait().unwrap();
            let mut err = String::new();
            use std::io::Read;
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            assert!(status.success(), "round {round}: {err}");
        }
        let numbers = issued_numbers(&data, N);
        let distinct: BTreeSet<&String> = numbers.iter().collect();
        assert_eq!(
            distinct.len(),
            N,
            "round {round}: duplicates in {numbers:?}"
        );
        let expected: BTreeSet<String> = (1..=N).map(|s| format!("INV-2026-{s:04}")).collect();
        let got: BTreeSet<String> = numbers.into_iter().collect();
        assert_eq!(got, expected, "round {round}: the series has a gap");
        // Every ledger's chain is intact and the whole build's outputs match the records.
        let verify = docket(&[
            "verify",
            "--data",
            data.to_str().unwrap(),
            "--out",
            base.join("whole").to_str().unwrap(),
        ]);
        assert!(
            verify.status.success(),
            "round {round}: {}{}",
            String::from_utf8_lossy(&verify.stdout),
            String::from_utf8_lossy(&verify.stderr)
        );
    }
}

/// Builds killed at random moments while they allocate numbers and append ledger records,
/// then one build to completion: no duplicate, no gap, every ledger chain intact and every
/// issued file matching its record (a killed build's unrecorded files are replaced).
#[test]
fn builds_killed_while_numbering_leave_no_duplicate_gap_or_orphan() {
    const N: usize = 8;
    let data = engagements("record-kill-data", N);
    let base = temp_dir("record-kill-out");
    let mut rng = docket::commands::fixtures::Rng::new(7);
    let mut killed = 0;
    for round in 0..12 {
        // Two shards at once, one of them killed after a random delay.
        let mut a = invoice_build(&data, &base.join("a"), Some((0, 2)))
            .spawn()
            .unwrap();
        let mut b = invoice_build(&data, &base.join("b"), Some((1, 2)))
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(rng.below(400)));
        let victim = if round % 2 == 0 { &mut a } else { &mut b };
        if victim.try_wait().unwrap().is_none() {
            victim.kill().unwrap();
            killed += 1;
        }
        a.wait().unwrap();
        b.wait().unwrap();
        // At the moment of the kill: no file without its record, no record without its
        // files (published, or staged for the next build to publish).
        assert_record_and_files_agree(&data, &[base.join("a"), base.join("b")], N);
    }
    // Finish: each shard once more, then the whole set into one folder.
    for (out, shard) in [("a", Some((0, 2))), ("b", Some((1, 2))), ("whole", None)] {
        let run = invoice_build(&data, &base.join(out), shard)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let numbers = issued_numbers(&data, N);
    let got: BTreeSet<String> = numbers.iter().cloned().collect();
    let expected: BTreeSet<String> = (1..=N).map(|s| format!("INV-2026-{s:04}")).collect();
    assert_eq!(got, expected, "after {killed} kills: {numbers:?}");
    let verify = docket(&[
        "verify",
        "--data",
        data.to_str().unwrap(),
        "--out",
        base.join("whole").to_str().unwrap(),
    ]);
    assert!(
        verify.status.success(),
        "{}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
    eprintln!("{killed} builds killed");
}

/// The crash invariant of the record, checked on disk: every final invoice in the output
/// folders has a ledger record with its digest, and every recorded invoice file is in one of
/// them, either in place or staged (`.docket-<name>.*.tmp`) with the recorded bytes.
fn assert_record_and_files_agree(data: &Path, outs: &[std::path::PathBuf], n: usize) {
    use sha2::Digest;
    let digest = |bytes: &[u8]| format!("sha256:{}", hex::encode(sha2::Sha256::digest(bytes)));
    for i in 0..n {
        let id = format!("e{i:02}");
        let ledger =
            std::fs::read_to_string(data.join(&id).join("ledger.jsonl")).unwrap_or_default();
        let records: Vec<serde_json::Value> = ledger
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let recorded: BTreeSet<String> = records
            .iter()
            .flat_map(|r| {
                r["outputs"]
                    .as_object()
                    .unwrap()
                    .values()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut on_disk = BTreeSet::new();
        for out in outs {
            let dir = out.join(&id);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let entry = entry.unwrap();
                if entry.file_type().unwrap().is_dir() {
                    continue; // thumbs/
                }
                let name = entry.file_name().to_string_lossy().into_owned();
                let bytes = std::fs::read(entry.path()).unwrap();
                if name == "invoice.pdf" || name == "invoice.md" {
                    assert!(
                        recorded.contains(&digest(&bytes)),
                        "{id}/{name} is on disk without its record"
                    );
                }
                if name.starts_with(".docket-invoice.") || name.starts_with("invoice.") {
                    on_disk.insert(digest(&bytes));
                }
            }
        }
        for r in &records {
            for (name, d) in r["outputs"].as_object().unwrap() {
                assert!(
                    on_disk.contains(d.as_str().unwrap()),
                    "{id}: record {} names {name}, which is neither in place nor staged",
                    r["seq"]
                );
            }
        }
    }
}

/// A build killed after recording its documents but before putting them in place leaves
/// them staged: `verify` names the staged file, and the next build puts it in place. One
/// killed before recording leaves temporary files the next build removes, unpublished.
#[test]
fn a_build_killed_between_recording_and_publishing_is_finished_by_the_next() {
    let data = engagements("record-publish-data", 1);
    let out = temp_dir("record-publish-out");
    let run = invoice_build(&data, &out, None).output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let dir = out.join("e00");
    let pdf = std::fs::read(dir.join("invoice.pdf")).unwrap();
    // As a build killed after its ledger append leaves it: the record is there, the PDF is
    // still staged under its temporary name (and the folder has a stale unrecorded one).
    let staged = dir.join(".docket-invoice.pdf.Ab12Cd.tmp");
    std::fs::rename(dir.join("invoice.pdf"), &staged).unwrap();
    let stale = dir.join(".docket-invoice.md.Zz99Yy.tmp");
    std::fs::write(&stale, "a draft that was never recorded").unwrap();
    let verify = |expect_ok: bool| {
        let run = docket(&[
            "verify",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(run.status.success(), expect_ok, "{text}");
        text
    };
    let text = verify(false);
    assert!(text.contains("not published yet"), "{text}");
    assert!(text.contains(".docket-invoice.pdf.Ab12Cd.tmp"), "{text}");
    // The next build publishes the staged bytes, although it does not render the invoice
    // again: its billing approval is gone, so the issued invoice is kept as issued.
    std::fs::write(
        data.join("e00/approvals.toml"),
        std::fs::read_to_string(root().join(NORTHWIND).join("approvals.toml")).unwrap(),
    )
    .unwrap();
    let run = invoice_build(&data, &out, None).output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(std::fs::read(dir.join("invoice.pdf")).unwrap(), pdf);
    assert!(!staged.exists() && !stale.exists());
    assert_ne!(
        std::fs::read_to_string(dir.join("invoice.md")).unwrap(),
        "a draft that was never recorded"
    );
    let report = std::fs::read_to_string(dir.join("build-report.json")).unwrap();
    assert!(report.contains("kept_as_issued"), "{report}");
    verify(true);
}

/// Regression: a ledger written by a docket from before ledger heads (no `ledger.head`) made
/// every later build refuse. A build adopts it; verify reports the missing head until then.
#[test]
fn a_ledger_from_before_heads_is_adopted_by_the_next_build() {
    let data = data_copy("legacy-ledger");
    let out = temp_dir("legacy-ledger-out");
    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());
    docket_ok(&["build", "--data", d, "--out", o]);
    let head = data.join("northwind/ledger.head");
    assert!(head.exists());
    std::fs::remove_file(&head).unwrap();
    assert_eq!(
        docket(&["verify", "--data", d, "--out", o]).status.code(),
        Some(1)
    );
    // Something to record: the invoice's billing approval.
    let manifest = data.join("northwind/approvals.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, format!("{text}{BILLING}")).unwrap();
    docket_ok(&["build", "--data", d, "--out", o]);
    assert!(head.exists(), "the build wrote the head");
    let verify = docket(&["verify", "--data", d, "--out", o]);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
}
