//! The status board in a real headless browser (Debian's `chromium`; `.ci/run` installs
//! it), opened from `file://` with the network off: the Northwind row shows the seed's
//! decisions, "waiting on" lists the billing approval for the invoice and external send for
//! email and envelope, a filter narrows the rows, the engagement page's links resolve, and
//! hostile strings in every field stay text. A screenshot is kept in `target/board/`.
//!
//! On a machine without chromium the browser half is skipped with a warning (CI, where
//! `CI` is set, requires it); the checks on the HTML files run either way.

use std::path::Path;

use crate::common::*;

fn url(path: &Path, fragment: &str) -> String {
    format!(
        "file://{}{fragment}",
        path.canonicalize().unwrap().display()
    )
}

/// The rows of a table in a dumped DOM that are not hidden (by the `<tr` tags).
fn visible_rows(dom: &str, table_id: &str) -> usize {
    let start = dom.find(&format!("id=\"{table_id}\"")).unwrap();
    let table = &dom[start..start + dom[start..].find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..];
    body.matches("<tr").count() - body.matches("<tr hidden").count()
}

#[test]
fn the_board_shows_northwind_as_the_seed_decides() {
    let data = data_copy("board-data");
    // A second engagement, so that a filter has something to narrow.
    copy_dir(&data.join("northwind"), &data.join("contoso"));
    let toml = data.join("contoso/engagement.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let mut text = text
        .replace("id = \"northwind\"", "id = \"contoso\"")
        .replace(
            "client = \"Northwind Trading Co.\"",
            "client = \"Contoso Ltd.\"",
        );
    for id in [
        "DISC-2026-0117",
        "PRO-2026-0188",
        "ADSA-2026-0142",
        "SEC-2026-0090",
        "INV-2026-0461",
    ] {
        text = text.replace(id, &format!("{id}-C"));
    }
    std::fs::write(&toml, text).unwrap();
    let out = Build::new(&data).run_into("board-out");
    let index = out.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    assert!(html.contains("Content-Security-Policy"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no network reference"
    );

    // The engagement page's links resolve to files that exist.
    let page = std::fs::read_to_string(out.join("northwind/index.html")).unwrap();
    let mut links = 0;
    for part in page.split("href=\"").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        let target = target.replace("&#x2F;", "/");
        let path = out.join("northwind").join(&target);
        assert!(path.is_file(), "{target} does not resolve");
        links += 1;
    }
    assert!(links > 10, "{links} links");
    for src in page.split("src=\"").skip(1) {
        let target = src[..src.find('"').unwrap()].replace("&#x2F;", "/");
        assert!(out.join("northwind").join(&target).is_file(), "{target}");
    }

    let Some(browser) = chromium() else { return };
    let dom = browse(&browser, &url(&index, ""), &["--dump-dom"]);
    // The Northwind row: the seed's decisions, stage by stage.
    let row_start = dom.find("northwind/index.html").unwrap();
    let row = &dom[row_start..row_start + dom[row_start..].find("</tr>").unwrap()];
    let cells: Vec<&str> = row
        .split("class=\"cell s-")
        .skip(1)
        .map(|c| &c[..1])
        .collect();
    // discovery, proposal, contract final; delivery draft; support, proof not started;
    // billing, comms, packaging draft; the security overlay's memo final.
    assert_eq!(cells.join(""), "fffdnndddf", "{row}");
    // Waiting on: billing for the invoice, external send for email and envelope.
    let waiting = &dom[dom.find("id=\"waiting\"").unwrap()..];
    for expected in [
        "billing approval to issue-invoice",
        "external_send approval to send-email",
        "external_send approval to send-mail",
    ] {
        assert!(waiting.contains(expected), "waiting on lacks {expected}");
    }
    assert_eq!(visible_rows(&dom, "grid"), 2);
    // A filter narrows the rows (the page reads its filters from the address).
    let filtered = browse(
        &browser,
        &url(&index, "#client=Contoso%20Ltd."),
        &["--dump-dom"],
    );
    assert_eq!(visible_rows(&filtered, "grid"), 1);
    assert!(filtered.contains("1 of 2 engagements"));
    let searched = browse(
        &browser,
        &url(&index, "#q=nothing-matches-this"),
        &["--dump-dom"],
    );
    assert_eq!(visible_rows(&searched, "grid"), 0);

    // A screenshot, kept for a person to look at.
    let shots = root().join("target/board");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join("index.png");
    browse(
        &browser,
        &url(&index, ""),
        &[&format!("--screenshot={}", shot.display())],
    );
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
    browse(
        &browser,
        &url(&out.join("northwind/index.html"), ""),
        &[&format!(
            "--screenshot={}",
            shots.join("northwind.png").display()
        )],
    );
}

#[test]
fn hostile_strings_stay_text_in_the_board() {
    let data = data_copy("board-hostile");
    let hostile = [
        "<script>document.title='pwned'</script>",
        "<img src=x onerror=\"document.title='pwned'\">",
        "{{ x }} {% raw %}",
        "[x](javascript:alert(1))",
        "</script><script>document.title='pwned'</script>",
        "\u{2028}#read(\"/etc/passwd\")",
    ];
    let path = data.join("northwind/engagement.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let toml_str = |s: &str| toml::Value::String(s.to_string()).to_string();
    text = text
        .replace(
            "client = \"Northwind Trading Co.\"",
            &format!("client = {}", toml_str(hostile[0])),
        )
        .replace(
            "owner = \"CompleteTech delivery lead\"\nblocker = \"Launch waits on retention policy\"",
            &format!(
                "owner = {}\nblocker = {}",
                toml_str(hostile[1]),
                toml_str(hostile[4])
            ),
        )
        .replace(
            "next_owner = \"CompleteTech delivery lead\"",
            &format!("next_owner = {}", toml_str(hostile[2])),
        )
        .replace(
            "next_action = \"Close R-03, then run acceptance demo\"",
            &format!("next_action = {}", toml_str(hostile[3])),
        )
        .replace(
            "workflow = \"Support email triage agent\"",
            &format!("workflow = {}", toml_str(hostile[5])),
        );
    std::fs::write(&path, text).unwrap();
    let out = Build::new(&data).run_into("board-out");
    let index = out.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    // In the file: the data never closes its script element.
    let data_start = html.find("id=\"data\">").unwrap();
    let data_end = data_start + html[data_start..].find("</script>").unwrap();
    assert!(!html[data_start..data_end].contains('<'));
    let page = std::fs::read_to_string(out.join("northwind/index.html")).unwrap();
    assert!(!page.contains("<script") && !page.contains("<img src=x"));

    let Some(browser) = chromium() else { return };
    for (url, what) in [
        (url(&index, ""), "board"),
        (
            url(&out.join("northwind/index.html"), ""),
            "engagement page",
        ),
    ] {
        let dom = browse(&browser, &url, &["--dump-dom"]);
        // No script ran (the title is the page's own), no element was made from data...
        assert!(!dom.contains("<title>pwned"), "{what}: a script ran");
        assert!(
            !dom.contains("<img src=\"x\""),
            "{what}: markup was interpreted"
        );
        assert!(!dom.contains("href=\"javascript:"), "{what}");
        // ...and the strings are there, as text.
        assert!(
            dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
            "{what}: the client's name is not shown as text"
        );
        assert!(dom.contains("{{ x }} {% raw %}"), "{what}");
        if what == "engagement page" {
            // The fields only the engagement page shows (tracks, next action, workflow).
            assert!(dom.contains("&lt;img src=x onerror="), "{what}");
            assert!(dom.contains("[x](javascript:alert(1))"), "{what}");
            assert!(
                dom.contains("&lt;/script&gt;&lt;script&gt;document.title="),
                "{what}"
            );
            assert!(dom.contains("#read(\"/etc/passwd\")"), "{what}");
        }
    }
}

/// The board follows the data: a no-op rebuild leaves it alone, an engagement skipped as
/// unchanged is still listed when another one changes.
#[test]
fn the_board_lists_unchanged_engagements_too() {
    let data = data_copy("board-incremental");
    copy_dir(&data.join("northwind"), &data.join("second"));
    let toml = data.join("second/engagement.toml");
    let text = std::fs::read_to_string(&toml)
        .unwrap()
        .replace("id = \"northwind\"", "id = \"second\"");
    let mut text = text;
    for id in [
        "DISC-2026-0117",
        "PRO-2026-0188",
        "ADSA-2026-0142",
        "SEC-2026-0090",
        "INV-2026-0461",
    ] {
        text = text.replace(id, &format!("{id}-2"));
    }
    std::fs::write(&toml, &text).unwrap();
    let out = Build::new(&data).run_into("board-out");
    let index = out.join("index.html");
    let before = std::fs::read_to_string(&index).unwrap();
    assert!(before.contains("\"id\":\"second\"") && before.contains("\"id\":\"northwind\""));
    // Change one engagement: the other is skipped as unchanged, and still on the board.
    std::fs::write(
        &toml,
        text.replace("as_of = \"2026-11-24\"", "as_of = \"2026-11-25\""),
    )
    .unwrap();
    let run = docket_ok(&[
        "build",
        "--json",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let summary: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(summary["unchanged"], 1);
    assert!(summary["timings"]["board_bytes"].as_u64().unwrap() > 1000);
    let after = std::fs::read_to_string(&index).unwrap();
    assert!(after.contains("\"id\":\"second\"") && after.contains("\"id\":\"northwind\""));

    // The rows cache (.docket-board.tsv) only saves reading manifests: a damaged cache, or
    // one whose row is older than the engagement's manifest, never puts a wrong row on the
    // board.
    let cache = out.join(docket::output::ROWS_CACHE);
    let cached = std::fs::read_to_string(&cache).unwrap();
    assert!(cached.contains("\"second\""), "{cached}");
    std::fs::write(
        &cache,
        cached.replace("Northwind Trading Co.", "Stale Name Inc."),
    )
    .unwrap();
    // Another build rewrote northwind's manifest since the cache saw it (same bytes, a new
    // modification time); this build changes `second` only.
    let manifest = out.join("northwind/.docket-build.json");
    let bytes = std::fs::read(&manifest).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&manifest, bytes).unwrap();
    std::fs::write(
        &toml,
        text.replace("as_of = \"2026-11-24\"", "as_of = \"2026-11-26\""),
    )
    .unwrap();
    docket_ok(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-e",
        "second",
    ]);
    let board = std::fs::read_to_string(&index).unwrap();
    assert!(
        !board.contains("Stale Name Inc."),
        "a stale cached row was shown"
    );
    std::fs::write(&cache, "{ not json").unwrap();
    std::fs::write(&toml, &text).unwrap();
    Build::new(&data).out(&out).run_ok();
    let board = std::fs::read_to_string(&index).unwrap();
    assert!(board.contains("\"id\":\"second\"") && board.contains("\"id\":\"northwind\""));
    assert!(board.contains("Northwind Trading Co."));
}

/// The receivables issue: the board's "owed" column and its aging chart per currency, with
/// a client name that is markup, in a real browser; the engagement page lists its invoices
/// with state, due date and days overdue.
#[test]
fn the_board_shows_what_is_owed_with_hostile_client_names() {
    let data = example_copy("board-owed");
    let hostile = "<img src=x onerror=\"document.title='pwned'\"> & {{ x }}";
    let toml_str = |s: &str| toml::Value::String(s.to_string()).to_string();
    let path = data.join("northwind/engagement.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "client = \"Northwind Trading Co.\"",
        &format!("client = {}", toml_str(hostile)),
    );
    std::fs::write(&path, text).unwrap();
    let out = Build::new(&data).run_into("board-out");
    let index = out.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    // The chart is drawn by docket, in the file: one bar per aging bucket.
    let chart = &html[html
        .find("<figure class=\"owed\" data-currency=\"USD\"")
        .expect("a USD chart")..];
    let chart = &chart[..chart.find("</figure>").unwrap()];
    assert!(
        chart.contains("<strong>$8,400.00</strong> open, $8,400.00 past due, over one engagement"),
        "{chart}"
    );
    assert_eq!(chart.matches("<g data-bucket=").count(), 5);
    assert!(chart.contains("data-bucket=\"1-30\""));
    assert!(!chart.contains("<img"));

    let Some(browser) = chromium() else { return };
    let dom = browse(&browser, &url(&index, ""), &["--dump-dom"]);
    assert!(!dom.contains("<title>pwned"), "a script ran");
    assert!(!dom.contains("<img src=\"x\""), "markup was interpreted");
    let row_start = dom.find("northwind/index.html").unwrap();
    let row = &dom[row_start..row_start + dom[row_start..].find("</tr>").unwrap()];
    assert!(
        row.contains("&lt;img src=x onerror="),
        "the client is not text: {row}"
    );
    assert!(row.contains("{{ x }}"), "{row}");
    assert!(
        row.contains("$8,400.00 ($8,400.00 past due, 13 days)"),
        "the owed column: {row}"
    );
    // The chart in the page, as the browser parsed it: an SVG image with its five bars.
    let owed = &dom[dom.find("id=\"owed-heading\"").unwrap()..];
    let owed = &owed[..owed.find("</section>").unwrap()];
    assert!(owed.contains("<svg"), "{owed}");
    assert_eq!(owed.matches("<rect").count(), 5, "{owed}");

    let page = browse(
        &browser,
        &url(&out.join("northwind/index.html"), ""),
        &["--dump-dom"],
    );
    assert!(!page.contains("<img src=\"x\""));
    let invoices = &page[page.find("id=\"invoices\"").unwrap()..];
    let invoices = &invoices[..invoices.find("</section>").unwrap()];
    for expected in [
        "INV-2026-0459",
        "paid",
        "INV-2026-0460",
        "overdue",
        "November 11, 2026",
        ">13<",
        "8,400.00",
    ] {
        assert!(
            invoices.contains(expected),
            "the invoices lack {expected}: {invoices}"
        );
    }
    assert!(
        invoices.contains("invoice INV-2026-0460 is 13 days overdue"),
        "{invoices}"
    );

    let shots = root().join("target/board");
    std::fs::create_dir_all(&shots).unwrap();
    for (page, name) in [
        (index.clone(), "owed.png"),
        (out.join("northwind/index.html"), "owed-engagement.png"),
    ] {
        browse(
            &browser,
            &url(&page, ""),
            &[&format!("--screenshot={}", shots.join(name).display())],
        );
    }
}

/// Regression (found while wording the signed approvals on the board): every document's
/// input digest covered its locale's `board.ftl`, so rewording the status board made every
/// approval bound by digest stale and every issued document refuse to rebuild.
#[test]
fn rewording_the_board_changes_no_documents_inputs() {
    let data = data_copy("board-words");
    let templates = temp_dir("board-words-templates");
    copy_dir(&root().join("templates"), &templates);
    let digests = |t: &Path| -> Vec<String> {
        let run = docket_ok(&[
            "check",
            "--json",
            "--data",
            data.to_str().unwrap(),
            "--templates",
            t.to_str().unwrap(),
        ]);
        let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        v["engagements"][0]["artifacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["input_digest"].to_string())
            .collect()
    };
    let before = digests(&templates);
    edit(
        &templates.join("locales/en-US/board.ftl"),
        "board_warning = Warning:",
        "board_warning = Careful:",
    );
    assert_eq!(before, digests(&templates));
}
