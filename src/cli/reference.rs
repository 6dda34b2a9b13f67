//! The generated pages of `docs/reference/`: every command with its full help, from the
//! same clap definitions as `--help`, the completions and the man page; and every error
//! code from [`crate::error::CODES`]. Generated, never written by hand, so they cannot
//! drift: a test compares the files with what this module makes
//! (`UPDATE_DOCS=1 cargo test --test it docs::` rewrites them).

use std::fmt::Write;

use clap::CommandFactory;

use super::Cli;

/// The width the reference wraps help at (clap's own wrapping, fixed so the page is the
/// same on every machine).
const WIDTH: usize = 100;

/// `docs/reference/commands.md`.
pub fn commands() -> String {
    let mut cli = Cli::command().term_width(WIDTH);
    cli.build();
    let mut page = String::from(
        "<!-- generated: docket reference commands; do not edit (UPDATE_DOCS=1 cargo test --test it docs::) -->\n\
         # Commands\n\n\
         Every command and flag, as `docket help COMMAND` prints it. Generated from the CLI's\n\
         definitions (`src/cli/args.rs`), like `docket completions` and `docket man`. For how\n\
         the commands fit together, see [Using the commands](../guide/commands.md).\n\n",
    );
    let names: Vec<String> = cli
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| c.get_name().to_string())
        .collect();
    for name in &names {
        let about = cli
            .find_subcommand(name)
            .and_then(|c| c.get_about())
            .map(|a| a.to_string())
            .unwrap_or_default();
        let _ = writeln!(page, "- [`docket {name}`](#docket-{name}): {about}");
    }
    let _ = write!(page, "\n## `docket`\n\n```text\n{}```\n", help(&mut cli));
    for name in &names {
        if let Some(sub) = cli.find_subcommand_mut(name) {
            let mut sub = sub.clone().bin_name(format!("docket {name}"));
            let _ = write!(
                page,
                "\n## `docket {name}`\n\n```text\n{}```\n",
                help(&mut sub)
            );
            // Nested commands (`docket archive export`), each with its own help.
            let nested: Vec<String> = sub
                .get_subcommands()
                .filter(|c| !c.is_hide_set() && c.get_name() != "help")
                .map(|c| c.get_name().to_string())
                .collect();
            for inner in nested {
                if let Some(cmd) = sub.find_subcommand_mut(&inner) {
                    let full = format!("docket {name} {inner}");
                    let mut cmd = cmd.clone().bin_name(&full);
                    let _ = write!(page, "\n### `{full}`\n\n```text\n{}```\n", help(&mut cmd));
                }
            }
        }
    }
    page
}

/// A command's long help as plain text, each line without trailing spaces.
fn help(command: &mut clap::Command) -> String {
    command
        .render_long_help()
        .to_string()
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

/// `docs/reference/errors.md`.
pub fn errors() -> String {
    let mut page = String::from(
        "<!-- generated: docket reference errors; do not edit (UPDATE_DOCS=1 cargo test --test it docs::) -->\n\
         # Errors\n\n\
         Every error docket reports has a stable code. Without `--json` the message goes to\n\
         stderr as `error: ...`; with `--json`, stdout carries one object\n\
         `{\"error\": {\"code\", \"message\", \"file\", \"line\", \"column\", \"field\", \"expected\", \"hint\"}}`\n\
         (and, when the command produced something before it failed, `\"result\"`). The exit\n\
         status says what kind of failure it was: 0 done (blocked artifacts are a normal\n\
         outcome), 1 the data, a template or a rule stopped it, 2 usage, 3 setup, 4 a bug in\n\
         docket. Generated from `src/error.rs` (`CODES`).\n\n\
         | code | exit | meaning |\n|---|---|---|\n",
    );
    for c in crate::error::CODES {
        let _ = writeln!(page, "| `{}` | {} | {} |", c.code, c.exit, c.meaning);
    }
    page
}
