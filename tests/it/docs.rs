//! The docs against the code, so that what a reader is told is what docket does: the
//! generated references (`docs/reference/commands.md`, `errors.md`) are current, every
//! docket command line the docs show parses with the real CLI definitions, and every link
//! inside the repository leads to a file (and heading) that exists.
//!
//! `UPDATE_DOCS=1 cargo test --test it docs::` rewrites the generated references.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::Parser;
use docket::cli::Cli;
use pulldown_cmark::{Event, Parser as Markdown, Tag, TagEnd};

use crate::common::root;

/// Every Markdown file a reader of the repository meets: the README, the docs, the tests'
/// and the benchmark's pages, and the READMEs beside fonts, keys and vendored rule sets.
fn markdown_files() -> Vec<PathBuf> {
    let root = root();
    let mut files = vec![root.join("README.md")];
    for folder in ["docs", "tests", "bench", "fonts", "data", "templates"] {
        for entry in walkdir::WalkDir::new(root.join(folder))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            let generated = path.components().any(|c| c.as_os_str() == "golden");
            if path.extension().is_some_and(|e| e == "md") && !generated && path.is_file() {
                files.push(path.to_path_buf());
            }
        }
    }
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn generated_references_are_current() {
    let pages = [
        (
            "docs/reference/commands.md",
            docket::cli::reference::commands(),
        ),
        ("docs/reference/errors.md", docket::cli::reference::errors()),
    ];
    for (path, page) in pages {
        let path = root().join(path);
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &page).unwrap();
            continue;
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == page,
            "{} is stale: the CLI definitions or the error table changed; \
             regenerate it with UPDATE_DOCS=1 cargo test --test it docs::",
            relative(&path)
        );
    }
}

/// The docket command lines of a piece of shell: each `docket ...` (or `cargo run
/// --release -- ...`) of a pipeline or list, without redirections and comments.
fn command_lines(shell: &str) -> Vec<Vec<String>> {
    let Some(words) = shlex::split(shell) else {
        return Vec::new();
    };
    let mut commands = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        if word.starts_with('#') {
            break;
        }
        if ["|", "||", "&&", ";", "&"].contains(&word.as_str()) {
            commands.push(std::mem::take(&mut current));
            continue;
        }
        if [">", ">>", "<", "2>", "2>&1", "&>"].contains(&word.as_str()) {
            words.next(); // the file redirected to
            continue;
        }
        if word.starts_with('>') || word.starts_with("2>") {
            continue;
        }
        current.push(word);
    }
    commands.push(current);
    commands
        .into_iter()
        .filter_map(|words| {
            // Skip `VAR=value` prefixes, then find docket.
            let start = words.iter().position(|w| !w.contains('='))?;
            let words = &words[start..];
            let args = match words.first()?.as_str() {
                "docket" | "target/release/docket" | "./target/release/docket" => &words[1..],
                "cargo" if words.get(1).is_some_and(|w| w == "run") => {
                    let dashes = words.iter().position(|w| w == "--")?;
                    &words[dashes + 1..]
                }
                _ => return None,
            };
            Some(args.to_vec())
        })
        .collect()
}

/// A placeholder of a synopsis (`ID`, `K/N`, `[--data DIR]`) rather than a value.
fn placeholder(word: &str) -> bool {
    word.starts_with('[')
        || word.starts_with('<')
        || word == "..."
        || (word.chars().any(|c| c.is_ascii_uppercase())
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "_/".contains(c)))
}

/// Checks a mention of a command that is not a whole command line (a synopsis with
/// placeholders, `docket approve --statement` in prose): the command exists, and every
/// flag it names is one of that command's.
fn names_known_flags(args: &[String]) -> Result<(), String> {
    let mut cli = <Cli as clap::CommandFactory>::command();
    cli.build();
    let Some(name) = args.first() else {
        return Ok(());
    };
    if placeholder(name) || name.starts_with('-') {
        return Ok(());
    }
    let Some(mut sub) = cli.find_subcommand(name) else {
        return Err(format!("no command `{name}`"));
    };
    // Down through nested commands (`docket archive export`).
    let mut rest = &args[1..];
    while let Some(next) = rest.first().and_then(|w| sub.find_subcommand(w)) {
        sub = next;
        rest = &rest[1..];
    }
    for word in rest {
        let word = word.trim_start_matches('[').trim_end_matches([']', '.']);
        let known = if let Some(long) = word.strip_prefix("--") {
            let long = long.split('=').next().unwrap_or_default();
            long == "help" || sub.get_arguments().any(|a| a.get_long() == Some(long))
        } else if let Some(short) = word.strip_prefix('-').filter(|s| s.len() == 1) {
            let short = short.chars().next();
            short == Some('h') || sub.get_arguments().any(|a| a.get_short() == short)
        } else {
            true
        };
        if !known {
            return Err(format!("`docket {name}` has no flag `{word}`"));
        }
    }
    Ok(())
}

#[test]
fn every_documented_command_line_parses() {
    let (mut parsed, mut mentioned) = (0, 0);
    let mut failures = Vec::new();
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut in_shell = false;
        // (the text, whether it is meant as a whole command line)
        let mut snippets: Vec<(String, bool)> = Vec::new();
        for event in Markdown::new(&text) {
            match event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    let lang = match kind {
                        pulldown_cmark::CodeBlockKind::Fenced(lang) => lang.to_string(),
                        pulldown_cmark::CodeBlockKind::Indented => String::new(),
                    };
                    in_shell = ["", "sh", "bash", "console", "shell"].contains(&lang.as_str());
                }
                Event::End(TagEnd::CodeBlock) => in_shell = false,
                Event::Text(code) if in_shell => {
                    // Continued lines join; a `$ ` prompt is not part of the command.
                    let joined = code.replace("\\\n", " ");
                    snippets.extend(
                        joined
                            .lines()
                            .map(|l| (l.trim().trim_start_matches("$ ").to_string(), true)),
                    );
                }
                Event::Code(code) if code.starts_with("docket ") => {
                    snippets.push((code.to_string(), false));
                }
                _ => {}
            }
        }
        for (snippet, whole) in snippets {
            for args in command_lines(&snippet) {
                let result = if whole && !args.iter().any(|a| placeholder(a)) {
                    parsed += 1;
                    let argv = std::iter::once("docket".to_string()).chain(args.iter().cloned());
                    match Cli::try_parse_from(argv) {
                        Ok(_) => Ok(()),
                        // `--help` and `--version` "fail" by printing; they parse.
                        Err(e)
                            if matches!(
                                e.kind(),
                                clap::error::ErrorKind::DisplayHelp
                                    | clap::error::ErrorKind::DisplayVersion
                            ) =>
                        {
                            Ok(())
                        }
                        Err(e) => Err(e.to_string().lines().next().unwrap_or_default().to_string()),
                    }
                } else {
                    mentioned += 1;
                    names_known_flags(&args)
                };
                if let Err(e) = result {
                    failures.push(format!(
                        "{}: `docket {}`: {e}",
                        relative(&file),
                        args.join(" ")
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "documented command lines that docket does not accept:\n{}",
        failures.join("\n")
    );
    assert!(
        parsed >= 10 && mentioned > 50,
        "only {parsed} command lines and {mentioned} mentions found in the docs"
    );
}

/// GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a Markdown file's headings (a repeated heading gets `-1`, `-2`, ...).
fn anchors(text: &str) -> BTreeSet<String> {
    let mut anchors = BTreeSet::new();
    let mut heading: Option<String> = None;
    for event in Markdown::new(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&heading.take().unwrap_or_default());
                let mut anchor = base.clone();
                let mut n = 0;
                while anchors.contains(&anchor) {
                    n += 1;
                    anchor = format!("{base}-{n}");
                }
                anchors.insert(anchor);
            }
            _ => {}
        }
    }
    anchors
}

#[test]
fn links_inside_the_repository_resolve() {
    let mut checked = 0;
    let mut broken = Vec::new();
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        for event in Markdown::new(&text) {
            let target = match event {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    dest_url.to_string()
                }
                _ => continue,
            };
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (path, anchor) = match target.split_once('#') {
                Some((path, anchor)) => (path, Some(anchor)),
                None => (target.as_str(), None),
            };
            let resolved = if path.is_empty() {
                file.clone()
            } else {
                file.parent().unwrap().join(path)
            };
            if !resolved.exists() {
                broken.push(format!("{}: {target}: no such file", relative(&file)));
                continue;
            }
            if let Some(anchor) = anchor
                && resolved.extension().is_some_and(|e| e == "md")
            {
                let there = std::fs::read_to_string(&resolved).unwrap_or_default();
                if !anchors(&there).contains(anchor) {
                    broken.push(format!("{}: {target}: no such heading", relative(&file)));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "broken links inside the repository:\n{}",
        broken.join("\n")
    );
    assert!(checked > 50, "only {checked} links found");
}

#[test]
fn the_readme_stays_a_front_door() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let lines = readme.lines().count();
    assert!(
        lines < 200,
        "README.md has {lines} lines: keep it the front door (what docket is, the two \
         commands, a tour, links) and put the rest under docs/"
    );
    for command in ["cargo run --release -- build", "cargo test"] {
        assert!(readme.contains(command), "README.md must show `{command}`");
    }
}

/// The subcommands a user can type (`help` aside).
fn subcommands() -> Vec<String> {
    <Cli as clap::CommandFactory>::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

#[test]
fn completions_come_from_the_same_definitions() {
    let out = crate::common::docket_ok(&["completions", "bash"]);
    let script = String::from_utf8(out.stdout).unwrap();
    for name in subcommands() {
        assert!(script.contains(&name), "bash completion lacks `{name}`");
    }
    assert!(script.contains("--allowed-signers") && script.contains("--keep-going"));
    // A shell that loads it can complete docket.
    if let Ok(bash) = std::process::Command::new("bash")
        .args(["-c", "source /dev/stdin && complete -p docket"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        let mut bash = bash;
        bash.stdin
            .take()
            .unwrap()
            .write_all(script.as_bytes())
            .unwrap();
        let done = bash.wait_with_output().unwrap();
        let said = String::from_utf8_lossy(&done.stdout);
        assert!(done.status.success() && said.contains("docket"), "{said}");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = crate::common::docket_ok(&["completions", shell]);
        assert!(String::from_utf8_lossy(&out.stdout).contains("approvers"));
    }
    let bad = crate::common::docket(&["completions", "tcsh"]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn the_man_page_comes_from_the_same_definitions() {
    let out = crate::common::docket_ok(&["man"]);
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH docket 1"),
        "{page:.200}"
    );
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH SUBCOMMANDS",
    ] {
        assert!(page.contains(section), "the man page lacks {section}");
    }
    for name in subcommands() {
        // roff writes a hyphen as `\-`.
        let roff = name.replace('-', "\\-");
        assert!(
            page.contains(&format!("docket\\-{roff}")),
            "the man page lacks {name}"
        );
    }
    // The quick start and the exit statuses are on it too.
    assert!(page.contains("Exit status"));
}
