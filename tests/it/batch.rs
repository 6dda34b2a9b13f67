//! Batch builds (the batch-at-scale issue): incremental rebuilds render exactly what
//! changed, touched outputs are rebuilt, and shards add up to the full build.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;
use serde_json::Value;

fn build_json(args: &[&str]) -> Value {
    let mut all = vec!["build", "--json"];
    all.extend_from_slice(args);
    serde_json::from_slice(&docket_ok(&all).stdout).expect("JSON summary")
}

fn rendered(summary: &Value) -> Vec<String> {
    let mut kinds: Vec<String> = summary["rendered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    kinds.sort();
    kinds
}

/// Every file under `dir` (relative path to bytes), build manifests left out.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_type().is_file()
                && !docket::output::is_bookkeeping(&e.file_name().to_string_lossy())
        })
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn incremental_rebuild_renders_exactly_what_changed() {
    let data = data_copy("incr");
    let out = temp_dir("incr-out");
    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());
    let first = build_json(&["--data", d, "--out", o]);
    assert_eq!(first["timings"]["documents"], 9);

    // Nothing changed: nothing parsed beyond the fast path, nothing rendered.
    let noop = build_json(&["--data", d, "--out", o]);
    assert_eq!(noop["timings"]["documents"], 0);
    assert_eq!(noop["unchanged"], 1);
    assert_eq!(noop["counts"]["final_"], first["counts"]["final_"]);

    // One invoice field: only the invoice is rendered again.
    let path = data.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("ACH to CompleteTech LLC", "Wire to CompleteTech LLC"),
    )
    .unwrap();
    let one = build_json(&["--data", d, "--out", o]);
    assert_eq!(rendered(&one), ["northwind/invoice"]);
    assert!(
        std::fs::read_to_string(out.join("northwind/invoice.md"))
            .unwrap()
            .contains("Wire to CompleteTech")
    );

    // A deleted output and a modified output are noticed and rebuilt.
    std::fs::remove_file(out.join("northwind/brief.pdf")).unwrap();
    std::fs::write(out.join("northwind/proposal.md"), "tampered").unwrap();
    let repaired = build_json(&["--data", d, "--out", o]);
    assert_eq!(
        rendered(&repaired),
        ["northwind/brief", "northwind/proposal"]
    );
    assert!(out.join("northwind/brief.pdf").exists());
    assert!(
        std::fs::read_to_string(out.join("northwind/proposal.md"))
            .unwrap()
            .contains("PRO-2026-0188")
    );

    // --force renders everything.
    let forced = build_json(&["--data", d, "--out", o, "--force"]);
    assert_eq!(forced["timings"]["documents"], 9);
}

/// Regression: the fingerprint hashed all 13 MB of fonts on every build, no-op included.
/// Now a font's digest is kept with its file's size and time in the output folder's fonts
/// cache: an unchanged font is not read again, and a changed one is hashed and rebuilds all.
#[test]
fn a_font_is_hashed_again_only_when_its_file_changes() {
    let data = data_copy("fonts-cache");
    let fonts = temp_dir("fonts-cache-fonts");
    copy_dir(&root().join("fonts"), &fonts);
    let out = temp_dir("fonts-cache-out");
    let (d, f, o) = (
        data.to_str().unwrap(),
        fonts.to_str().unwrap(),
        out.to_str().unwrap(),
    );
    let first = build_json(&["--data", d, "--fonts", f, "--out", o]);
    assert_eq!(first["timings"]["documents"], 9);
    let parsed = tree(&out);
    let cache = out.join(docket::output::FONTS_CACHE);
    let text = std::fs::read_to_string(&cache).expect("the fonts cache");
    assert!(
        text.lines()
            .any(|l| l.starts_with("LiberationSans-Regular.ttf\t")),
        "{text}"
    );
    assert!(docket::output::is_bookkeeping(docket::output::FONTS_CACHE));
    // Font files carry their faces' infos for the next run's font book, so a run that
    // does not need a font does not read it.
    let regular = text
        .lines()
        .find(|l| l.starts_with("LiberationSans-Regular.ttf\t"))
        .unwrap();
    assert!(
        regular
            .split('\t')
            .nth(4)
            .is_some_and(|j| j.contains("Liberation Sans")),
        "{regular}"
    );

    // The cache is what the fingerprint reads while a file's size and time stay: a digest
    // changed in it is a different fingerprint, so everything is rendered again.
    let lied: String = text
        .lines()
        .map(|l| {
            let mut fields: Vec<String> = l.split('\t').map(String::from).collect();
            if fields[0] == "LiberationMono-Regular.ttf" {
                fields[3] = "0".repeat(64);
            }
            fields.join("\t") + "\n"
        })
        .collect();
    assert_ne!(lied, text);
    std::fs::write(&cache, lied).unwrap();
    let again = build_json(&["--data", d, "--fonts", f, "--out", o]);
    assert_eq!(again["timings"]["documents"], 9);
    // Typeset from the cached infos, every output is the same to the byte.
    assert!(
        tree(&out) == parsed,
        "outputs differ with cached font infos"
    );
    let noop = build_json(&["--data", d, "--fonts", f, "--out", o]);
    assert_eq!(noop["timings"]["documents"], 0);

    // A font file that changes is read and hashed again: every document is rendered.
    let mono = fonts.join("LiberationMono-Regular.ttf");
    let mut bytes = std::fs::read(&mono).unwrap();
    bytes.extend_from_slice(&[0; 4]);
    std::fs::write(&mono, bytes).unwrap();
    let changed = build_json(&["--data", d, "--fonts", f, "--out", o]);
    assert_eq!(changed["timings"]["documents"], 9);
    assert_ne!(std::fs::read_to_string(&cache).unwrap(), text);
}

#[test]
fn shards_add_up_to_the_full_build() {
    let data = temp_dir("shard-data");
    docket_ok(&[
        "gen-fixtures",
        "24",
        "--out",
        data.to_str().unwrap(),
        "--seed",
        "7",
    ]);
    let d = data.to_str().unwrap();
    let full = temp_dir("shard-full");
    docket_ok(&["build", "--data", d, "--out", full.to_str().unwrap()]);
    let sharded = temp_dir("shard-union");
    let mut counts = Vec::new();
    for shard in ["0/3", "1/3", "2/3"] {
        let part = temp_dir("shard-part");
        let summary = build_json(&[
            "--data",
            d,
            "--out",
            part.to_str().unwrap(),
            "--shard",
            shard,
        ]);
        counts.push(summary["engagements"].as_array().unwrap().len());
        copy_dir(&part, &sharded);
    }
    assert_eq!(
        counts.iter().sum::<usize>(),
        24,
        "every engagement in exactly one shard: {counts:?}"
    );
    assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
    // The status board of each shard lists that shard's engagements: the merged folders
    // hold the last shard's; every engagement's own page is the same.
    let without_board = |mut t: std::collections::BTreeMap<String, Vec<u8>>| {
        t.remove("index.html");
        t
    };
    let (a, b) = (without_board(tree(&full)), without_board(tree(&sharded)));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            b[name] == *bytes,
            "{name} differs between the full and the sharded build"
        );
    }
}

#[test]
fn bad_shard_is_a_usage_error() {
    assert_eq!(docket(&["build", "--shard", "3/3"]).status.code(), Some(2));
    assert_eq!(docket(&["build", "--shard", "x"]).status.code(), Some(2));
}

/// Regression (the speed issue, memory at 10,000 engagements): a build keeps only one chunk
/// of engagements loaded and loads the later chunks again when their turn comes. A build in
/// chunks of 3 writes exactly what one chunk of all writes, numbers included.
#[test]
fn chunks_loaded_in_turn_build_what_one_chunk_builds() {
    let fixtures = temp_dir("chunk-fixtures");
    docket_ok(&[
        "gen-fixtures",
        "8",
        "--out",
        fixtures.to_str().unwrap(),
        "--seed",
        "3",
    ]);
    let mut trees = Vec::new();
    for chunk in [usize::MAX, 3] {
        let data = temp_dir("chunk-data");
        copy_dir(&fixtures, &data);
        let out = temp_dir("chunk-out");
        let options = docket::Options {
            data: data.clone(),
            out: out.clone(),
            templates: root().join("templates"),
            fonts: root().join("fonts"),
            chunk,
            ..Default::default()
        };
        let summary = docket::build(&options, &|_, _, _| {}).expect("build");
        assert_eq!(summary.rendered_engagements, 8);
        trees.push(tree(&out));
    }
    let (one, chunked) = (&trees[0], &trees[1]);
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        chunked.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in one {
        assert!(
            chunked[name] == *bytes,
            "{name} differs when built in chunks of 3"
        );
    }
}
