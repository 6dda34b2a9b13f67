//! Headless Chromium for the status board: the board is static HTML opened from `file://`,
//! so only a real browser shows what its script and Content-Security-Policy do. Without a
//! Chromium the browser checks skip with a warning, except in CI (`CI` set).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::run::temp_dir;

/// Debian's chromium (or another Chromium build) for the browser tests; `None` with a
/// warning on a machine without one, except in CI (`CI` set), which requires it.
pub fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let ok = Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success());
            ok.then(|| PathBuf::from(name))
        })
        .or_else(|| {
            assert!(
                std::env::var_os("CI").is_none(),
                "chromium is required in CI (.ci/run installs it)"
            );
            eprintln!("warning: no chromium found: the board's browser checks are skipped");
            None
        })
}

/// Chromium with no network: every host resolves to nothing, no proxy, no background
/// services; `extra` adds e.g. `--dump-dom` or `--screenshot=...`.
pub fn browse(browser: &Path, url: &str, extra: &[&str]) -> String {
    let profile = temp_dir("board-profile");
    let out = Command::new(browser)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--virtual-time-budget=5000",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
