//! The adversarial corpus: hostile strings in every free-text field of every artifact kind.
//!
//! One build renders one engagement per corpus string (TOML and JSON alternately), each with
//! that string in every free-text field and every artifact cleared by its approvals, plus a
//! control engagement whose fields all hold the marker `Zq`. Each Markdown and PDF output must
//! show the string literally, at least as often as the control shows its marker (PDF text is
//! extracted from the file). Nothing else may happen: the build succeeds, no file outside the
//! templates and fonts is read, no output appears but the expected ones.
//!
//! "Literally" means after docket's one documented normalisation (`render::markup::text_char`):
//! control characters (C0 except whitespace, DEL, C1, NUL) and the bidi embedding, override
//! and isolate controls (U+202A..U+202E, U+2066..U+2069) are dropped; tab, LF, VT, FF, CR,
//! NEL, U+2028 and U+2029 become spaces. Whitespace is compared collapsed (both Markdown and
//! Typst collapse runs of spaces, and PDF text has no spaces of its own, only positions).
//!
//! Fields with a format are not free text and are checked elsewhere: ids and document ids,
//! dates, amounts, currency codes, address keys, scopes and gates, track statuses, and the
//! postal addresses an envelope prints (USPS form: uppercase, limited lines).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::*;
use docket::render::markup::text_char;
use serde_json::{Value, json};
use unicode_bidi::{BidiInfo, Level};
use unicode_normalization::UnicodeNormalization;

/// The corpus (more than 50 strings). Each is put into every free-text field of an engagement.
fn corpus() -> Vec<String> {
    let mut c: Vec<String> = [
        // Typst code and markup
        "#read(\"/etc/passwd\")",
        "#import \"@preview/cetz:0.3.0\": *",
        "#include \"/document.typ\"",
        "#let x = read(\"/etc/passwd\"); #x",
        "#{ panic(\"boom\") }",
        "#eval(\"1 + 1\")",
        "#image(\"/etc/passwd\")",
        "#json(\"/meta.json\").client",
        "#plugin(\"/x.wasm\")",
        "#set page(width: 1pt)",
        "#show: none",
        "$ sum_(i=0)^oo x $ and $x$",
        "@label <label>",
        "// line comment /* block comment */",
        "= Heading\n== Sub-heading",
        "- list\n+ enum\n/ term: description",
        "\\u{41} \\ \\# \\",
        "*strong* _emph_ ~nbsp -- --- ... -? 'single' \"double\"",
        "https://typst.example/x?y=1&z=2",
        // Tera
        "{{ e.client }}",
        "{% include \"brief.md\" %}",
        "{# comment #}{% raw %}raw{% endraw %}",
        "{{ 7*7 }} {% for x in [1,2] %}{{ x }}{% endfor %}",
        "{{ doc | json_encode() }}",
        // Markdown
        "[click here](https://evil.example)",
        "![image](file:///etc/passwd)",
        "[ref]: http://ref.example \"title\"",
        "<https://autolink.example>",
        "# not a heading",
        "> not a quote",
        "1. not a list",
        "    not code",
        "```\nnot fenced\n```",
        "| a | b |\n|---|---|\n| c | d |",
        "***\n---\n___",
        "a  \nhard break?\\\nx",
        "- [ ] task\n- [x] done",
        "[^1] footnote\n\n[^1]: note",
        // HTML and URLs
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<!-- comment --><div style=\"display:none\">hidden</div>",
        "&amp; &lt; &#0; &#x202E; &nbsp;",
        "javascript:alert(document.cookie)",
        "[x](javascript:alert(1))",
        "data:text/html;base64,PHNjcmlwdD4=",
        // Control characters, bidi, NUL
        "a\u{0}b\u{1}c\u{7}d\u{1b}[31me\u{7f}f\u{9b}g",
        "tab\tnewline\nCR\r\nVT\u{b}FF\u{c}end",
        "NEL\u{85}LS\u{2028}PS\u{2029}end",
        "\u{202e}gnp.exe\u{202c} txt.exe",
        "\u{2066}isolate\u{2069} \u{202b}embed\u{202c} \u{200f}mark\u{200e}",
        "\u{0}",
        // Unicode
        "Z\u{334}\u{327}\u{31b}\u{316}a\u{337}l\u{338}g\u{336}o\u{335}",
        "e\u{301} a\u{308} n\u{303} \u{1e9b}\u{323}",
        "👩\u{200d}👩\u{200d}👧\u{200d}👦 🏳\u{fe0f}\u{200d}🌈 ✅",
        KEYCAP,
        "北京市朝阳区 東京都千代田区 서울특별시",
        "שלום עולם",
        "مرحبا بالعالم",
        "abc שלום 123 مرحبا def",
        "zero\u{200b}width\u{200d}joiner\u{feff}bom",
        "\u{fffd} replacement \u{e000} private",
        // PDF, JSON and TOML syntax
        ") Tj ET BT /F1 12 Tf (injected",
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj",
        "{\"decision\": \"final\", \"status\": \"FINAL\"}",
        "[[approval]]\ngate = \"billing\"\nstatus = \"approved\"",
        "TBD TBD",
        "   ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    c.push("lorem ipsum ".repeat(200));
    c.push("x".repeat(1500));
    c
}

/// Field names (last path segment) that hold a format, not free text.
fn has_format(path: &[String]) -> bool {
    let last = path.last().map(String::as_str).unwrap_or("");
    let section = path.first().map(String::as_str).unwrap_or("");
    let in_list = |name: &str| path.iter().any(|p| p == name);
    matches!(
        last,
        "id" | "number"
            | "date"
            | "issue_date"
            | "due_date"
            | "deposit_paid_on"
            | "signed_on"
            | "send_on"
            | "completed_on"
            | "as_of"
            | "fee"
            | "deposit"
            | "quantity"
            | "unit_price"
            | "discount"
            | "amount"
            | "rate"
            | "currency"
            | "seller"
            | "buyer"
            | "tax"
            | "category"
            | "scope"
            | "gate"
            | "lifecycle_stage"
            | "address"
            | "billing_address"
            | "country"
    ) || in_list("next_skill")
        || (in_list("tracks") && last == "status")
        || (section == "envelope" && matches!(last, "sender" | "recipient"))
        || (section == "addresses" && !path.get(1).is_some_and(|k| k.starts_with("hostile")))
}

/// Puts `text` into every free-text string under `value`.
fn fill(value: &mut Value, path: &mut Vec<String>, text: &str) {
    match value {
        Value::String(s) if !has_format(path) => *s = text.to_string(),
        Value::Array(items) => {
            for item in items {
                path.push("[]".into());
                fill(item, path, text);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                path.push(k.clone());
                fill(v, path, text);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The Northwind engagement with every artifact kind present and cleared, ids made unique by
/// `n`, and `text` in every free-text field.
fn engagement(n: usize, id: &str, text: &str) -> Value {
    let base = std::fs::read_to_string(root().join(NORTHWIND).join("engagement.toml")).unwrap();
    let mut e: Value = toml::from_str::<toml::Value>(&base)
        .map(|v| serde_json::to_value(v).unwrap())
        .unwrap();
    e["id"] = json!(id);
    let hostile_address = json!({
        "name": "n", "organization": "o", "lines": ["l1", "l2"], "city": "c",
        "region": "r", "postal_code": "p", "country": "US"
    });
    e["addresses"]["hostile-seller"] = hostile_address.clone();
    e["addresses"]["hostile-buyer"] = hostile_address;
    e["invoice"]["seller"] = json!("hostile-seller");
    e["invoice"]["buyer"] = json!("hostile-buyer");
    e["health_scorecard"]["metrics"] = json!([{ "name": "m", "value": "v", "target": "t" }]);
    e["certificate"] = json!({
        "recipient": "r", "course": "c", "completed_on": "2026-11-20"
    });
    e["launch_checklist"]["items"][1]["note"] = json!("note");
    for section in ["brief", "proposal", "agreement", "security_memo"] {
        let old = e[section]["id"].as_str().unwrap().to_string();
        e[section]["id"] = json!(format!("{old}-{n}"));
    }
    e["invoice"]["number"] = json!(format!("INV-2026-{n:04}"));
    fill(&mut e, &mut Vec::new(), text);
    e
}

/// Approvals that clear every kind: final where the gate allows, the invoice and change
/// order drafts (so their DRAFT box, with hostile conditions and track blockers, renders too).
fn approvals(text: &str) -> Value {
    let ok = |gate: &str, actions: &[&str], scope: Option<&str>| {
        let mut a = json!({
            "gate": gate, "status": "approved",
            "approver": { "name": "Approver", "role": text },
            "actions": actions, "evidence": "evidence",
        });
        if let Some(scope) = scope {
            a["scope"] = json!(scope);
        }
        a
    };
    let mut security = ok("security", &["record-signoff"], None);
    security["status"] = json!("conditional");
    security["conditions"] = json!([text]);
    json!({ "approval": [
        ok("facts", &["verify-facts"], None),
        ok("commercial", &["accept-proposal", "sign-agreement"], None),
        ok("contract", &["start-delivery"], None),
        security,
        ok("security", &["launch", "public-proof", "billing", "external-send"], None),
        ok("renewal", &["share-qbr"], None),
        ok("public_use", &["publish-case-study"], None),
        ok("external_send", &["send-email", "send-mail"], None),
        ok("recipient", &["verify-recipient", "issue-certificate"], None),
        ok("security", &["review-scope"], Some("refund-recommendations")),
    ]})
}

/// Writes one engagement folder, as TOML or JSON.
fn write_engagement(data: &Path, id: &str, e: &Value, a: &Value, as_toml: bool) {
    let dir = data.join(id);
    std::fs::create_dir_all(&dir).unwrap();
    if as_toml {
        let to_toml = |v: &Value| {
            toml::to_string(&serde_json::from_value::<toml::Value>(v.clone()).unwrap()).unwrap()
        };
        std::fs::write(dir.join("engagement.toml"), to_toml(e)).unwrap();
        std::fs::write(dir.join("approvals.toml"), to_toml(a)).unwrap();
    } else {
        std::fs::write(
            dir.join("engagement.json"),
            serde_json::to_vec_pretty(e).unwrap(),
        )
        .unwrap();
        std::fs::write(
            dir.join("approvals.json"),
            serde_json::to_vec_pretty(a).unwrap(),
        )
        .unwrap();
    }
}

/// What a Markdown reader must see of `text`: the normalisation, then no whitespace.
fn shown(text: &str) -> String {
    text.chars()
        .filter_map(text_char)
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Invisible format characters (zero-width space and joiners, LRM/RLM, word joiner, BOM,
/// soft hyphen): they have no glyph, so where a PDF puts their text relative to the
/// visible glyphs is the shaper's choice. The PDF comparison leaves them out; the Markdown
/// comparison keeps them.
fn invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Text as compared with a PDF's: canonical decomposition (the shaper may store combining
/// marks in canonical order), no whitespace, no invisible characters.
fn pdf_form(text: &str) -> String {
    text.nfd()
        .filter(|c| !c.is_whitespace() && !invisible(*c))
        .collect()
}

/// The forms in which a PDF may hold `text`: reading order, or display order (a PDF stores
/// right-to-left runs as drawn, left to right, and readers reorder them when copying).
fn pdf_needles(text: &str) -> Vec<String> {
    let normal: String = text.chars().filter_map(text_char).collect();
    let info = BidiInfo::new(&normal, Some(Level::ltr()));
    let visual: String = info
        .paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect();
    // Line by line (a wrapped cell is reordered per line), right-to-left words come out
    // reversed one by one.
    let per_word: String = normal
        .split(' ')
        .map(|word| {
            let rtl = word.chars().any(|c| {
                matches!(
                    unicode_bidi::bidi_class(c),
                    unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
                )
            });
            if rtl {
                word.chars().rev().collect()
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut needles = vec![pdf_form(&normal), pdf_form(&visual), pdf_form(&per_word)];
    needles.dedup();
    needles
}

const MARKER: &str = "Zq";

/// The headers of every mail draft, in order.
const EML_HEADERS: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "X-Unsent",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
];

/// An emoji keycap (digit, VS16, U+20E3). Known gap, checked in Markdown only: Typst shapes
/// it with Inter, which has the digit but not U+20E3, and the PDF writer (krilla, typst
/// 0.15.1) records no text for the cluster's missing glyphs, so no extractor (pdf-extract,
/// poppler's pdftotext, ours) recovers it from the PDF. The Markdown shows it literally.
const KEYCAP: &str = "keycap 1\u{fe0f}\u{20e3}";
const KINDS: &[&str] = &[
    "brief",
    "proposal",
    "agreement",
    "launch-checklist",
    "security-memo",
    "health-scorecard",
    "case-study",
    "invoice",
    "email-sequence",
    "envelope",
    "certificate",
    "change-order",
];

/// Markdown text and, except for the envelope (it prints standardized addresses only), PDF
/// text of every kind of one engagement.
fn texts(out: &Path, id: &str) -> BTreeMap<String, (String, Option<String>)> {
    KINDS
        .iter()
        .map(|kind| {
            let md_path = out.join(id).join(format!("{kind}.md"));
            let md = std::fs::read_to_string(&md_path)
                .unwrap_or_else(|e| panic!("{}: {e}", md_path.display()));
            let pdf = (*kind != "envelope")
                .then(|| pdf_body_text(&out.join(id).join(format!("{kind}.pdf"))));
            (
                kind.to_string(),
                (squash(&markdown_text(&md)), pdf.map(|p| pdf_form(&p))),
            )
        })
        .collect()
}

#[test]
fn hostile_strings_show_literally_in_every_field_of_every_kind() {
    let corpus = corpus();
    assert!(
        corpus.len() >= 50,
        "the corpus has {} strings",
        corpus.len()
    );
    let data = temp_dir("corpus-data");
    evidence_rules(&data);
    write_engagement(
        &data,
        "control",
        &engagement(999, "control", MARKER),
        &approvals(MARKER),
        true,
    );
    let ids: Vec<String> = (0..corpus.len()).map(|i| format!("h{i:02}")).collect();
    for (i, text) in corpus.iter().enumerate() {
        write_engagement(
            &data,
            &ids[i],
            &engagement(i, &ids[i], text),
            &approvals(text),
            i % 2 == 0,
        );
    }
    let out = temp_dir("corpus-out");
    let started = std::time::Instant::now();
    let run = docket(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    eprintln!("corpus build: {:.1}s", started.elapsed().as_secs_f64());

    // Every kind rendered for every engagement, and nothing else written.
    let control = texts(&out, "control");
    let mut expected: Vec<String> = KINDS
        .iter()
        .flat_map(|k| [format!("{k}.md"), format!("{k}.pdf")])
        .chain(["build-report.json", "handoff.json", "handoff.md"].map(String::from))
        // The final email sequence's two messages as mail drafts.
        .chain(["email-sequence-1.eml", "email-sequence-2.eml"].map(String::from))
        .collect();
    expected.sort();
    let started = std::time::Instant::now();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let chunks: Vec<Vec<(usize, &String)>> = {
            let mut chunks = vec![Vec::new(), Vec::new()];
            for (i, text) in corpus.iter().enumerate() {
                chunks[i % 2].push((i, text));
            }
            chunks
        };
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let (out, ids, control, expected) = (&out, &ids, &control, &expected);
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    for (i, text) in chunk {
                        let id = &ids[i];
                        let mut files: Vec<String> = std::fs::read_dir(out.join(id))
                            .unwrap()
                            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                            // Build bookkeeping and the status board, not outputs.
                            .filter(|n| {
                                n != docket::output::MANIFEST
                                    && n != "index.html"
                                    && n != "thumbs"
                            })
                            .collect();
                        files.sort();
                        if text.trim().is_empty() {
                            // A blank value is no fact: the certificate's required facts are
                            // missing, so the gate blocks it (and nothing shows anyway).
                            let blocked = ["certificate.md", "certificate.pdf"];
                            let rest: Vec<&String> =
                                expected.iter().filter(|f| !blocked.contains(&f.as_str())).collect();
                            assert_eq!(files.iter().collect::<Vec<_>>(), rest, "{id}");
                            continue;
                        }
                        if &files != expected {
                            failures.push(format!("{id}: files {files:?}"));
                            continue;
                        }
                        // A mail draft carries its headers and nothing else: no value starts
                        // a header of its own.
                        for n in [1, 2] {
                            let eml = std::fs::read_to_string(
                                out.join(id).join(format!("email-sequence-{n}.eml")),
                            )
                            .unwrap();
                            let head = eml.split("\r\n\r\n").next().unwrap_or("");
                            let names: Vec<&str> = head
                                .split("\r\n")
                                .filter(|l| !l.starts_with([' ', '\t']))
                                .map(|l| l.split(':').next().unwrap_or(""))
                                .collect();
                            if names != EML_HEADERS {
                                failures.push(format!("{id} email {n}: headers {names:?}"));
                            }
                        }
                        let needle = shown(text);
                        for (kind, (md, pdf)) in texts(out, id) {
                            let (control_md, control_pdf) = &control[&kind];
                            if pdf.as_deref().is_some_and(|p| p.contains("root:x:0")) {
                                failures.push(format!("{id} {kind}: /etc/passwd in the PDF"));
                            }
                            if needle.is_empty() {
                                continue;
                            }
                            let want = control_md.matches(MARKER).count();
                            let got = md.matches(&needle).count();
                            if got < want || want == 0 {
                                failures.push(format!(
                                    "{id} {kind}.md shows {text:?} {got} times, the control {want}"
                                ));
                            }
                            if text == KEYCAP {
                                continue;
                            }
                            if let (Some(pdf), Some(control_pdf)) = (pdf, control_pdf) {
                                let want = control_pdf.matches(MARKER).count();
                                // Each occurrence may be in any of the forms: count one
                                // form, take its occurrences out, count the next.
                                let mut rest = pdf.clone();
                                let mut got = 0;
                                for n in pdf_needles(text) {
                                    got += rest.matches(n.as_str()).count();
                                    rest = rest.replace(n.as_str(), "\u{1}");
                                }
                                // Count words instead where whole-value matching cannot
                                // work: a long text runs over pages, and a table repeats its
                                // header row on each (Typst does not hyphenate unjustified
                                // text, so words stay whole); right-to-left values placed side
                                // by side with only commas between (the invoice's address
                                // cell) form one right-to-left run, as the Unicode bidi
                                // algorithm says, so each word is drawn whole but the values'
                                // order on the line is the run's.
                                let rtl = |w: &str| {
                                    w.chars().any(|c| {
                                        matches!(
                                            unicode_bidi::bidi_class(c),
                                            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
                                        )
                                    })
                                };
                                let words: Vec<String> =
                                    text.split_whitespace().map(pdf_form).collect();
                                let words_ok = (text.len() > 1000 || rtl(text))
                                    && words.len() > 1
                                    && words.iter().all(|w| {
                                        let reversed: String = w.chars().rev().collect();
                                        let mut found = pdf.matches(w.as_str()).count();
                                        if rtl(w) && &reversed != w {
                                            found += pdf.matches(reversed.as_str()).count();
                                        }
                                        found >= want * words.iter().filter(|x| x == &w).count()
                                    });
                                // A single word longer than any line (1,500 x's) wraps, and where
                                // its column shares a page break with the column beside it, the
                                // two columns' pieces alternate in the content stream: count its
                                // characters instead, each at least as often as the control
                                // shows the marker times its count in the word.
                                let long_word = text.len() > 1000 && !text.contains(char::is_whitespace);
                                let chars_ok = long_word
                                    && pdf_form(text).chars().all(|c| {
                                        let need = pdf_form(text).chars().filter(|&d| d == c).count();
                                        pdf.chars().filter(|&d| d == c).count() >= want * need
                                    });
                                if (got < want && !words_ok && !chars_ok) || want == 0 {
                                    failures.push(format!(
                                        "{id} {kind}.pdf shows {text:?} {got} times, the control {want}"
                                    ));
                                }
                            }
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    eprintln!("corpus checks: {:.1}s", started.elapsed().as_secs_f64());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // The status board, in a browser: the corpus in every field of every engagement's page
    // and on the portfolio, and not one element or script made from it.
    let Some(browser) = chromium() else { return };
    let file_url = |p: &Path| format!("file://{}", p.canonicalize().unwrap().display());
    let board = browse(
        &browser,
        &file_url(&out.join("index.html")),
        &["--dump-dom"],
    );
    assert_eq!(
        board.matches("<script").count(),
        2,
        "only the board's own scripts"
    );
    assert!(board.contains("<title>docket: engagements</title>"));
    // An element made from data would show as a raw tag (text shows as `&lt;img ...`).
    for tag in [
        "<img",
        "<iframe",
        "<svg",
        "<object",
        "<a href=\"javascript:",
    ] {
        assert!(!board.contains(tag), "the board made {tag} from data");
    }
    let n = std::fs::read_dir(&out)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_dir())
        .count();
    assert!(
        board.contains(&format!("{n} of {n} engagements")),
        "the script ran"
    );
    let pages: Vec<String> = ids
        .chunks(4)
        .flat_map(|chunk| {
            std::thread::scope(|scope| {
                let handles: Vec<_> = chunk
                    .iter()
                    .map(|id| {
                        let url = file_url(&out.join(id).join("index.html"));
                        let browser = &browser;
                        scope.spawn(move || browse(browser, &url, &["--dump-dom"]))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for (id, dom) in ids.iter().zip(&pages) {
        assert!(
            !dom.contains("<script"),
            "{id}: a script element in the engagement page"
        );
        // An element made from data would show as a raw tag (text shows as `&lt;...`).
        assert!(!dom.contains("<iframe") && !dom.contains("<svg"), "{id}");
        assert!(!dom.contains("href=\"javascript:"), "{id}");
        let images = dom.matches("<img").count();
        let thumbnails = dom.matches("<img src=\"thumbs/").count();
        assert_eq!(images, thumbnails, "{id}: an image made from data");
    }
}

#[test]
fn a_megabyte_string_is_a_located_size_error() {
    let data = temp_dir("mega-data");
    evidence_rules(&data);
    let mut e = engagement(0, "mega", "ok");
    e["brief"]["problem"] = json!("#".repeat(1024 * 1024));
    write_engagement(&data, "mega", &e, &approvals("ok"), true);
    let out = temp_dir("mega-out");
    let run = docket(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    let line = std::fs::read_to_string(data.join("mega/engagement.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("problem"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("mega/engagement.toml:{line}:"))
            && err.contains("brief.problem")
            && err.contains("1048576 bytes")
            && err.contains("at most 65536 bytes"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn a_field_at_the_size_limit_renders() {
    let data = temp_dir("limit-data");
    evidence_rules(&data);
    let mut e = engagement(0, "limit", "ok");
    let words = "typeset ".repeat(docket::load::MAX_FIELD_BYTES / 8);
    assert_eq!(words.len(), docket::load::MAX_FIELD_BYTES);
    e["brief"]["problem"] = json!(words);
    write_engagement(&data, "limit", &e, &approvals("ok"), false);
    let out = temp_dir("limit-out");
    let started = std::time::Instant::now();
    Build::new(&data).out(&out).only("brief").run_ok();
    eprintln!(
        "brief with a 64 KiB field: {:.1}s",
        started.elapsed().as_secs_f64()
    );
    let pdf = squash(&pdf_pages(&out.join("limit/brief.pdf")).concat());
    assert_eq!(
        pdf.matches("typeset").count(),
        docket::load::MAX_FIELD_BYTES / 8
    );
}

#[test]
fn envelope_addresses_print_or_fail_with_a_located_error() {
    // Envelope addresses have a format (USPS Publication 28): a hostile one either prints in
    // that form or is refused with the field named, never a panic or a broken PDF.
    for (i, text) in corpus().iter().enumerate().step_by(3) {
        let data = temp_dir("env-data");
        evidence_rules(&data);
        let mut e = engagement(i, "env", "ok");
        e["addresses"]["northwind-sponsor"]["name"] = json!(text);
        e["addresses"]["northwind-sponsor"]["lines"] = json!([text]);
        write_engagement(&data, "env", &e, &approvals("ok"), true);
        let out = temp_dir("env-out");
        let run = docket(&[
            "build",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--only",
            "envelope",
        ]);
        let err = String::from_utf8_lossy(&run.stderr);
        match run.status.code() {
            Some(0) => {
                let pdf: PathBuf = out.join("env/envelope.pdf");
                assert!(!pdf_pages(&pdf).concat().is_empty(), "{text:?}");
            }
            Some(1) => assert!(
                err.contains("env/engagement.toml:")
                    && err.contains("addresses.northwind-sponsor."),
                "{text:?}: {err}"
            ),
            other => panic!("{text:?}: exit {other:?}: {err}"),
        }
    }
}
