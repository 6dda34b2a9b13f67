//! The layering `docs/dev/architecture.md` writes down ("Layers"), checked against the code:
//! a module uses only modules on lines below its own in that table, and modules
//! on one line do not use each other, so no module uses a module above it and no two modules
//! use each other. Every module of `src/` must have its line.
//!
//! "Uses" means a `crate::NAME` path anywhere in the module's code outside comments
//! (`use crate::{a, b::c}` groups included), in any file under the module's folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::root;

/// The table of `docs/dev/architecture.md`, top line first: each line's modules (a line is
/// its modules, then after two spaces what they are).
fn layers() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(root().join("docs/dev/architecture.md")).unwrap();
    let start = readme
        .find("<!-- layers -->")
        .expect("docs/dev/architecture.md has a <!-- layers --> table");
    let end = readme[start..]
        .find("<!-- /layers -->")
        .expect("the layers table ends with <!-- /layers -->")
        + start;
    readme[start..end]
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("```") && !l.trim().is_empty())
        .map(|l| {
            // The modules, then (after two spaces) what the line is.
            l.split("  ")
                .next()
                .unwrap_or_default()
                .split_whitespace()
                .map(|m| m.trim_end_matches(',').to_string())
                .filter(|m| !m.ends_with(".rs") && !m.starts_with('('))
                .collect()
        })
        .filter(|l: &Vec<String>| !l.is_empty())
        .collect()
}

/// The modules each module of `src/` uses. A module is a top-level module, or a module
/// one level down that the table lists on a line of its own (`record::numbering`): its
/// files, and the paths that name it, count as that module, not its parent.
fn uses(listed: &BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("src");
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let own = module_of_file(relative, listed);
        if own == "lib" || own == "main" {
            continue; // the facade and the CLI's entry point sit above everything
        }
        let code: String = std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let used = uses.entry(own.clone()).or_default();
        for (first, second) in crate_paths(&code) {
            let name = module_named(&first, second.as_deref(), listed);
            if name != own {
                used.insert(name);
            }
        }
    }
    uses
}

/// The module a file belongs to: `a` for `a.rs` and `a/...`, `a::b` for `a/b.rs` and
/// `a/b/...` when the table lists `a::b`.
fn module_of_file(relative: &Path, listed: &BTreeSet<String>) -> String {
    let mut parts = relative.components().map(|c| {
        c.as_os_str()
            .to_str()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string()
    });
    let first = parts.next().unwrap();
    let second = parts.next();
    module_named(&first, second.as_deref(), listed)
}

/// The module a path `crate::first::second::...` names.
fn module_named(first: &str, second: Option<&str>, listed: &BTreeSet<String>) -> String {
    match second {
        Some(second) if listed.contains(&format!("{first}::{second}")) => {
            format!("{first}::{second}")
        }
        _ => first.to_string(),
    }
}

/// The first two segments of every `crate::` path in code (`use crate::{a, b::{c, d}}`
/// groups flattened: `a`, `b::c`, `b::d`).
fn crate_paths(code: &str) -> Vec<(String, Option<String>)> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let mut paths = Vec::new();
        flatten(&mut rest.chars().peekable(), Vec::new(), &mut paths);
        for path in paths {
            let mut segments = path.into_iter();
            let Some(first) = segments.next() else {
                continue;
            };
            if first == "self" {
                continue;
            }
            // Items of the crate root (`crate::Options`) count as the root.
            if first.starts_with(char::is_uppercase) {
                found.push(("lib".to_string(), None));
            } else {
                found.push((first, segments.next()));
            }
        }
    }
    found
}

/// Reads one use tree (`a::b`, `a::{b, c::d}`) after `prefix`, pushing each path.
fn flatten(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    prefix: Vec<String>,
    paths: &mut Vec<Vec<String>>,
) {
    let mut path = prefix;
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            loop {
                flatten(chars, path.clone(), paths);
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
                match chars.next() {
                    Some(',') => {
                        while chars.peek().is_some_and(|c| c.is_whitespace()) {
                            chars.next();
                        }
                        if chars.peek() == Some(&'}') {
                            chars.next();
                            return;
                        }
                    }
                    _ => return, // `}` or the end
                }
            }
        }
        let ident: String =
            std::iter::from_fn(|| chars.next_if(|c| c.is_alphanumeric() || *c == '_')).collect();
        if ident.is_empty() {
            break;
        }
        path.push(ident);
        let mut lookahead = chars.clone();
        if lookahead.next() == Some(':') && lookahead.next() == Some(':') {
            chars.next();
            chars.next();
            continue;
        }
        break;
    }
    if !path.is_empty() {
        paths.push(path);
    }
}

#[test]
fn the_group_parser_reads_nested_use_lists() {
    let paths = crate_paths("use crate::{a, b::{c, d}, e::F};\nlet x = crate::g::h();");
    let paths: Vec<String> = paths
        .into_iter()
        .map(|(a, b)| b.map_or(a.clone(), |b| format!("{a}::{b}")))
        .collect();
    assert_eq!(paths, ["a", "b::c", "b::d", "e::F", "g::h"]);
}

#[test]
fn no_module_uses_a_module_above_it_or_one_beside_it() {
    let layers = layers();
    let mut line_of = BTreeMap::new();
    for (i, line) in layers.iter().enumerate() {
        for m in line {
            assert!(
                line_of.insert(m.clone(), i).is_none(),
                "docs/dev/architecture.md layers: `{m}` appears twice"
            );
        }
    }
    let listed: BTreeSet<String> = layers.iter().flatten().cloned().collect();
    let uses = uses(&listed);
    let mut wrong = Vec::new();
    for (module, used) in &uses {
        let Some(&own) = line_of.get(module) else {
            wrong.push(format!(
                "src/{module} has no line in docs/dev/architecture.md (Layers): add it where it belongs"
            ));
            continue;
        };
        for u in used {
            match line_of.get(u) {
                Some(&line) if line > own => {}
                Some(&line) if line == own => wrong.push(format!(
                    "{module} uses {u}, which is on its own line of the layers table"
                )),
                Some(_) => wrong.push(format!("{module} uses {u}, which is above it")),
                None => wrong.push(format!("{module} uses crate::{u}, which is not a layer")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
