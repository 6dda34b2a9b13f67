//! Running the real binary: the tests drive `docket` as a user does, from the crate root
//! (so `data/`, `templates/` and `fonts/` resolve), on private copies of the fixtures
//! (builds append to the ledger kept with the data, so no test builds a folder of the
//! repository in place), and build with one helper whose options say what differs.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

// ---- Running docket ------------------------------------------------------------------------

/// The crate root (tests run the binary from here so `data/`, `templates/`, `fonts/` resolve).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `docket ARGS` from the crate root.
pub fn docket(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_docket"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run docket")
}

/// Runs docket and insists on success.
pub fn docket_ok(args: &[&str]) -> Output {
    let out = docket(args);
    assert!(
        out.status.success(),
        "docket {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    out
}

/// A fresh temporary folder that lives as long as the test process.
pub fn temp_dir(name: &str) -> PathBuf {
    tempfile::Builder::new()
        .prefix(&format!("docket-{name}-"))
        .tempdir()
        .expect("temp dir")
        .keep()
}

/// Parses a JSON file.
pub fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

// ---- Building ------------------------------------------------------------------------------

/// `docket build`, the one way the tests build. `Build::new(&data)` is `docket build --data
/// DATA` run from the crate root; each option adds to that command line, in the order the
/// test calls it, or changes how the process runs (environment, working folder). A test
/// then runs it and reads the output, insists on success, builds into a new folder, or
/// takes the command to spawn, race and kill:
///
/// ```text
/// Build::new(&data).out(&out).only("invoice").run_ok();      // insists on success
/// let out = Build::new(&data).run_into("board-out");         // into a new output folder
/// let run = Build::new(&data).out(&out).run();               // a refusal, to read
/// let child = Build::new(&data).out(&out).command().spawn(); // to kill or race
/// ```
#[must_use = "a Build does nothing until it runs"]
pub struct Build {
    command: Command,
}

impl Build {
    /// `docket build --data DATA`, from the crate root.
    pub fn new(data: impl AsRef<Path>) -> Build {
        Build::default_data().arg("--data").arg(data.as_ref())
    }

    /// `docket build` without `--data`: the data folder docket finds where it runs. Only for
    /// a build that fails before it reads one, or that runs in a folder of its own
    /// ([`Build::current_dir`]): the repository's own `data/` is never built.
    pub fn default_data() -> Build {
        let mut command = Command::new(env!("CARGO_BIN_EXE_docket"));
        command.arg("build").current_dir(root());
        Build { command }
    }

    /// `--out OUT`.
    pub fn out(self, out: impl AsRef<Path>) -> Build {
        self.arg("--out").arg(out.as_ref())
    }

    /// `--only KIND` (a kind, or an instance such as `invoice:deposit`).
    pub fn only(self, kind: &str) -> Build {
        self.arg("--only").arg(kind)
    }

    /// `--templates DIR`.
    pub fn templates(self, dir: impl AsRef<Path>) -> Build {
        self.arg("--templates").arg(dir.as_ref())
    }

    /// `--fonts DIR`.
    pub fn fonts(self, dir: impl AsRef<Path>) -> Build {
        self.arg("--fonts").arg(dir.as_ref())
    }

    /// Any other argument (`--force`, `--jobs`, `--shard`, ...).
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Build {
        self.command.arg(arg);
        self
    }

    /// Several other arguments.
    pub fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Build {
        self.command.args(args);
        self
    }

    /// An environment variable for the build (the test process's own are inherited).
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Build {
        self.command.env(key, value);
        self
    }

    /// Several environment variables.
    pub fn envs(mut self, vars: &[(&str, &str)]) -> Build {
        self.command.envs(vars.iter().copied());
        self
    }

    /// Leaves an inherited environment variable out (`SOURCE_DATE_EPOCH`, say).
    pub fn env_remove(mut self, key: &str) -> Build {
        self.command.env_remove(key);
        self
    }

    /// Runs in `dir` instead of the crate root (relative paths then resolve in `dir`).
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Build {
        self.command.current_dir(dir);
        self
    }

    /// The command itself, to spawn (and kill, or race against another).
    pub fn command(self) -> Command {
        self.command
    }

    /// Runs the build to its end; success or not, returns its output.
    pub fn run(mut self) -> Output {
        self.command.output().expect("run docket build")
    }

    /// Runs the build and insists on success.
    pub fn run_ok(mut self) -> Output {
        let out = self.command.output().expect("run docket build");
        assert!(
            out.status.success(),
            "{:?} failed: {}\n{}",
            self.command,
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        out
    }

    /// Builds into a new output folder named after `name` and insists on success; returns
    /// the folder.
    pub fn run_into(self, name: &str) -> PathBuf {
        let out = temp_dir(name);
        self.out(&out).run_ok();
        out
    }
}

/// The Northwind example built once per test binary; returns the output folder.
pub fn northwind_build() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| Build::new(data_copy("northwind-data")).run_into("northwind"))
}

// ---- Fixtures, copied ----------------------------------------------------------------------

/// The Northwind engagement as it was before an engagement could hold many documents of a
/// kind (one `[invoice]`, one of each): the folder most tests build, and the proof that a
/// folder written then builds unchanged. `data/northwind` is its whole life since.
pub const NORTHWIND: &str = "tests/fixtures/before-instances/northwind";

/// The data folder holding [`NORTHWIND`] (the built-in rules apply: it has no rules.toml).
pub const BEFORE_INSTANCES: &str = "tests/fixtures/before-instances";

/// A private copy of a data folder holding the rules and the Northwind of [`NORTHWIND`]:
/// builds append to the ledger kept with the data, so tests never build the repository's
/// own `data/`.
pub fn data_copy(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    evidence_rules(&dir);
    copy_dir(&root().join(NORTHWIND), &dir.join("northwind"));
    drop_record(&dir);
    dir
}

/// A private data folder holding the rules (with [`evidence_rules`]) and today's example,
/// `data/northwind`: the deposit and milestone 1 issued, milestone 2 a draft, a scorecard per
/// quarter, payments. Tests of many documents of a kind and of money owed start here.
pub fn example_copy(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    evidence_rules(&dir);
    copy_dir(&root().join("data/northwind"), &dir.join("northwind"));
    drop_record(&dir);
    dir
}

/// A private copy of the repository's `data/` as it ships (rules with `trust = "signed"`, the
/// roster, Northwind with its signed approvals), without its record: what the tests of
/// signed approvals, and of the MCP server that asks for them, start from.
pub fn signed_copy(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for file in ["rules.toml", "approvers.toml"] {
        std::fs::copy(root().join("data").join(file), dir.join(file)).expect("copy");
    }
    copy_dir(&root().join("data/northwind"), &dir.join("northwind"));
    drop_record(&dir);
    dir
}

/// Removes the record a copy brought along (ledgers, ledger heads, the record lock) anywhere
/// under `dir`: the record belongs to whoever built the original (a developer's `cargo run
/// -- build`), and a copy starts with none.
pub fn drop_record(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("walk");
        let name = entry.file_name();
        if name == "ledger.jsonl" || name == "ledger.head" || name == ".docket-record.lock" {
            std::fs::remove_file(entry.path()).expect("remove the record");
        }
    }
}

/// An example key of `tests/fixtures/keys` (`priya`, `sam`, `lead`, `mallory`, ...): the
/// private half; the public half is beside it with `.pub` added.
pub fn example_key(name: &str) -> PathBuf {
    root().join(format!("tests/fixtures/keys/{name}.example-key"))
}

/// Writes the built-in rules into `dir` with `trust = "evidence"`: the folder was written
/// before signed approvals (its approvals name people but carry no signatures), so it opts
/// out, as an existing folder does (`signing.rs` tests the signed example).
pub fn evidence_rules(dir: &Path) {
    let rules = std::fs::read_to_string(root().join("data/rules.toml")).expect("rules");
    assert!(rules.contains("trust = \"signed\""));
    std::fs::write(
        dir.join("rules.toml"),
        rules.replace("trust = \"signed\"", "trust = \"evidence\""),
    )
    .expect("write rules");
}

/// Copies a folder tree (fixtures are edited in a copy, never in place).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

// ---- Editing a copy ------------------------------------------------------------------------

/// Replaces the first `from` in a file with `to`, insisting it is there.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Appends text to a file.
pub fn append(path: &Path, more: &str) {
    let mut text = std::fs::read_to_string(path).unwrap();
    text.push_str(more);
    std::fs::write(path, text).unwrap();
}

/// A billing approval with approver, actions and evidence, to append to an approvals.toml:
/// it clears invoices and credit notes.
pub const BILLING: &str = r#"
[[approval]]
gate = "billing"
status = "approved"
approver = { name = "Ada Park (example)", role = "Accounts payable lead" }
actions = ["issue-invoice", "issue-credit-note"]
evidence = "Billing approval email (example)"
"#;

/// Approvals that let Northwind's email sequence and envelopes be final: external send,
/// verified recipient, and the security review of external sends.
pub const SEND: &str = r#"
[[approval]]
gate = "external_send"
status = "approved"
approver = { name = "Dana Whitfield (example)", role = "Client sponsor" }
actions = ["send-email", "send-mail"]
evidence = "Sponsor approved the mailing, 2026-11-30 (example)"

[[approval]]
gate = "security"
status = "approved"
approver = { name = "Sam Okafor (example)", role = "CompleteTech security reviewer" }
actions = ["external-send"]
evidence = "SEC-2026-0091: mailing and email reviewed (example)"

[[approval]]
gate = "recipient"
status = "approved"
approver = { name = "Dana Whitfield (example)", role = "Client sponsor" }
actions = ["verify-recipient"]
evidence = "Recipient and address confirmed by the sponsor (example)"
"#;
