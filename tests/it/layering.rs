//! The layering the README writes down ("Layers"), checked against the code (issue 24): a
//! module uses only modules on lines below its own in the README's table, and modules on
//! one line do not use each other, so no module uses a module above it and no two modules
//! use each other. Every module of `src/` must have its line.
//!
//! "Uses" means a `crate::NAME` path anywhere in the module's code outside comments
//! (`use crate::{a, b::c}` groups included), in any file under the module's folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::root;

/// The README's table, top line first: each line's modules (a line is its modules, then
/// after two spaces what they are).
fn layers() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- layers -->")
        .expect("README has a <!-- layers --> table");
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

/// The modules each top-level module of `src/` uses.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("src");
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let top = top_module(relative);
        if top == "lib" || top == "main" {
            continue; // the facade and the CLI sit above everything
        }
        let code: String = std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let used = uses.entry(top.clone()).or_default();
        for name in crate_paths(&code) {
            if name != top {
                used.insert(name);
            }
        }
    }
    uses
}

fn top_module(relative: &Path) -> String {
    let first = relative.components().next().unwrap();
    let first = first.as_os_str().to_str().unwrap();
    first.strip_suffix(".rs").unwrap_or(first).to_string()
}

/// The first segment of every `crate::` path in code.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::{c, d}, e}`: the first segment of each item at depth 1.
            let (mut depth, mut expect, mut ident) = (1, true, String::new());
            for c in group.chars() {
                if depth == 1 && expect && (c.is_alphanumeric() || c == '_') {
                    ident.push(c);
                    continue;
                }
                if !ident.is_empty() {
                    found.push(std::mem::take(&mut ident));
                    expect = false;
                }
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => expect = true,
                    _ => {}
                }
            }
        } else {
            let ident: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !ident.is_empty() {
                found.push(ident);
            }
        }
    }
    // Items of the crate root (`crate::Options`) count as the root: capitalized names.
    found
        .into_iter()
        .filter(|n| n != "self")
        .map(|n| {
            if n.starts_with(char::is_uppercase) {
                "lib".to_string()
            } else {
                n
            }
        })
        .collect()
}

#[test]
fn the_group_parser_reads_nested_use_lists() {
    assert_eq!(
        crate_paths("use crate::{a, b::{c, d}, e::F};\nlet x = crate::g::h();"),
        ["a", "b", "e", "g"]
    );
}

#[test]
fn no_module_uses_a_module_above_it_or_one_beside_it() {
    let layers = layers();
    let mut line_of = BTreeMap::new();
    for (i, line) in layers.iter().enumerate() {
        for m in line {
            assert!(
                line_of.insert(m.clone(), i).is_none(),
                "README layers: `{m}` appears twice"
            );
        }
    }
    let uses = uses();
    let mut wrong = Vec::new();
    for (module, used) in &uses {
        let Some(&own) = line_of.get(module) else {
            wrong.push(format!(
                "src/{module} has no line in the README's layers table: add it where it belongs"
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
