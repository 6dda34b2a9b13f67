//! Documents in the engagement's language: Northwind copied with `locale = "de-DE"` and a
//! German seller (`tests/fixtures/locales/de`), and with `locale = "fr-FR"` and a French
//! seller (`.../fr`), produce every document in that language with its dates and amounts
//! written by CLDR's rules; a gap in the translations is a located error, never an English
//! word in a German document.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::*;

/// A private copy of a localized Northwind fixture (builds write the ledger beside it).
fn fixture(lang: &str) -> PathBuf {
    let dir = temp_dir(&format!("locale-{lang}"));
    copy_dir(&root().join("tests/fixtures/locales").join(lang), &dir);
    dir
}

/// Every message of a locale's files (`id -> text`, variables as `{ $name }`).
fn messages(tag: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let folder = root().join("templates/locales").join(tag);
    for entry in std::fs::read_dir(folder).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if line.starts_with(|c: char| c.is_ascii_alphabetic())
                && let Some((id, value)) = line.split_once(" = ")
            {
                out.insert(id.to_string(), value.trim().to_string());
            }
        }
    }
    out
}

/// The English labels a document in `tag` must not show: every en-US message of four letters
/// or more that the locale translates differently, cut at its variables (each piece of at
/// least four letters), and the sentences docket itself writes around figures.
fn english_labels(tag: &str) -> Vec<String> {
    let theirs = messages(tag);
    let mut labels: Vec<String> = messages("en-US")
        .into_iter()
        .filter(|(id, text)| theirs.get(id) != Some(text))
        .flat_map(|(_, text)| {
            text.split(['{', '}'])
                .enumerate()
                .filter(|(i, _)| i % 2 == 0)
                .map(|(_, piece)| {
                    piece
                        .trim()
                        .trim_end_matches([':', '.', ','])
                        .trim()
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .filter(|piece| piece.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    // A word the language shares with English ("Client", "Date", "Total" in French) is the
    // locale's own word when its translations use it.
    let own: String = theirs.values().cloned().collect::<Vec<_>>().join(" ");
    labels.retain(|label| !has_words(&own, label));
    labels.extend(
        [
            "Billed under",
            "This invoice",
            "Remaining after",
            "approval to",
            "is TBD",
            "Page 1 of",
        ]
        .map(String::from),
    );
    labels.sort();
    labels.dedup();
    labels
}

/// Whether `text` holds `label` as whole words. A word joined by `-` or `_` is a rule
/// identifier (the `send-reminder` action, the `draft-only` status as data), not a label.
fn has_words(text: &str, label: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(label).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + label.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// Builds a localized fixture; returns every document's text (Markdown as read, PDF as
/// extracted, page furniture included), by file name.
fn documents(lang: &str) -> BTreeMap<String, String> {
    let data = fixture(lang);
    let out = temp_dir(&format!("locale-{lang}-out"));
    Build::new(&data).out(&out).run_ok();
    let mut texts = BTreeMap::new();
    for entry in std::fs::read_dir(out.join("northwind")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match path.extension().and_then(|x| x.to_str()) {
            Some("md") if !name.starts_with("handoff") => {
                let md = std::fs::read_to_string(&path).unwrap();
                texts.insert(name, markdown_text(&md));
            }
            Some("pdf") => {
                texts.insert(name, pdf_pages(&path).join("\n"));
            }
            _ => {}
        }
    }
    texts
}

fn assert_no_english(lang: &str, tag: &str, texts: &BTreeMap<String, String>) {
    let labels = english_labels(tag);
    assert!(
        labels.len() > 100,
        "the list is the templates' labels: {}",
        labels.len()
    );
    let mut found = Vec::new();
    for (name, text) in texts {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for label in &labels {
            if has_words(&text, label) {
                found.push(format!("{name}: {label:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{lang}: English labels in documents: {found:#?}"
    );
}

#[test]
fn northwind_in_german_is_german_throughout() {
    let texts = documents("de");
    assert!(
        texts.len() >= 20,
        "every rendered document: {:?}",
        texts.keys()
    );
    assert_no_english("de", "de-DE", &texts);
    let invoice = &texts["invoice.milestone-2.pdf"];
    for wanted in [
        "RECHNUNG",
        "Rechnungsdatum",
        "24. November 2026",
        "USt. 19",
        "Zahlbetrag",
    ] {
        // The title block sets its labels in capitals (RECHNUNGSDATUM).
        assert!(
            invoice.to_lowercase().contains(&wanted.to_lowercase()),
            "{wanted:?} in {invoice}"
        );
    }
    assert!(invoice.contains("8.400,00"), "German amounts: {invoice}");
    assert!(
        invoice.contains("€"),
        "the euro as German writes money: {invoice}"
    );
}

#[test]
fn northwind_in_french_is_french_throughout() {
    let texts = documents("fr");
    assert!(
        texts.len() >= 20,
        "every rendered document: {:?}",
        texts.keys()
    );
    assert_no_english("fr", "fr-FR", &texts);
    let invoice = &texts["invoice.milestone-2.pdf"];
    for wanted in [
        "FACTURE",
        "Date de facture",
        "24 novembre 2026",
        "TVA 20",
        "Net à payer",
    ] {
        // The title block sets its labels in capitals (RECHNUNGSDATUM).
        assert!(
            invoice.to_lowercase().contains(&wanted.to_lowercase()),
            "{wanted:?} in {invoice}"
        );
    }
    assert!(
        invoice.contains("8\u{202f}400,00") || invoice.contains("8 400,00"),
        "French amounts: {invoice}"
    );
}

#[test]
fn markdown_front_matter_carries_the_language() {
    let data = fixture("de");
    let out = temp_dir("locale-lang-out");
    Build::new(&data).out(&out).only("agreement").run_ok();
    let md = std::fs::read_to_string(out.join("northwind/agreement.md")).unwrap();
    assert_eq!(front_matter(&md)["lang"].as_str(), Some("de-DE"));
}

/// A templates folder whose German invoice file lacks one message.
fn templates_missing_a_message(dir: &Path) -> PathBuf {
    let templates = dir.join("templates");
    copy_dir(&root().join("templates"), &templates);
    let file = templates.join("locales/de-DE/invoice.ftl");
    let text = std::fs::read_to_string(&file).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("invoice_amount_due ="))
        .collect();
    std::fs::write(&file, kept.join("\n")).unwrap();
    templates
}

#[test]
fn a_missing_translation_is_a_located_error_in_check_and_build() {
    let dir = temp_dir("locale-missing");
    let templates = templates_missing_a_message(&dir);
    let data = fixture("de");
    let templates = templates.to_str().unwrap();
    refused_by_check_and_build(&data, &["--templates", templates], |verb, stderr| {
        assert!(
            stderr.contains("locales/de-DE/invoice.ftl")
                && stderr.contains("`invoice_amount_due` is not translated into de-DE")
                && stderr.contains("en-US/invoice.ftl:"),
            "{verb}: names the file, the message and where the reference has it: {stderr}"
        );
    });
}

/// `docket check` and `docket build` on `data` (with `extra` arguments) both fail, render
/// nothing, and say on standard error what `says` expects.
fn refused_by_check_and_build(data: &Path, extra: &[&str], says: impl Fn(&str, &str)) {
    for verb in ["check", "build"] {
        let out = temp_dir(&format!("locale-refused-{verb}"));
        let mut args = vec![
            verb,
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let run = docket(&args);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{verb} fails: {stderr}");
        says(verb, &stderr);
        assert!(!out.join("northwind").exists(), "{verb}: nothing rendered");
    }
}

#[test]
fn an_unknown_locale_is_an_error_at_its_line() {
    let data = fixture("de");
    let file = data.join("northwind/engagement.toml");
    edit(&file, "locale = \"de-DE\"", "locale = \"pt-BR\"");
    let run = docket(&["check", "--data", data.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        stderr.contains("engagement.toml:")
            && stderr.contains("locale")
            && stderr.contains("pt-BR")
            && stderr.contains("de-DE"),
        "{stderr}"
    );
    edit(&file, "locale = \"pt-BR\"", "locale = \"de_DE\"");
    let run = docket(&["check", "--data", data.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        !run.status.success() && stderr.contains("BCP 47"),
        "{stderr}"
    );
}

/// The board of a German engagement, in the board's language (`board` appended to the
/// fixture's rules as `[board] locale = "..."`, or none): the engagement's page and the
/// portfolio.
fn german_board(board: Option<&str>, name: &str) -> (String, String) {
    let data = fixture("de");
    if let Some(tag) = board {
        let rules = data.join("rules.toml");
        let mut text = std::fs::read_to_string(&rules).unwrap();
        text.push_str(&format!("\n[board]\nlocale = \"{tag}\"\n"));
        std::fs::write(&rules, text).unwrap();
    }
    let out = temp_dir(name);
    Build::new(&data).out(&out).run_ok();
    (
        std::fs::read_to_string(out.join("northwind/index.html")).unwrap(),
        std::fs::read_to_string(out.join("index.html")).unwrap(),
    )
}

#[test]
fn the_board_stays_in_its_readers_language_and_shows_documents_in_theirs() {
    // No `[board]`: an English board listing German documents, each title as the document
    // says it and marked with its language.
    let (page, index) = german_board(None, "locale-board-en");
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"en-US\">"),
        "{page}"
    );
    for english in [
        "Blockers",
        "Invoices",
        "Documents",
        "Approvals",
        "Open questions",
    ] {
        assert!(page.contains(&format!(">{english}</h2>")), "{english}");
    }
    assert!(
        page.contains("<span lang=\"de-DE\" dir=\"auto\">Rechnung · milestone-2</span>"),
        "the invoice's own title, marked German: {page}"
    );
    assert!(
        page.contains("Documents in German (Germany) · <span lang=\"de-DE\">de-DE</span>"),
        "the documents' language, named in the board's: {page}"
    );
    assert!(index.contains("<html lang=\"en-US\">") && index.contains("<h1>Engagements</h1>"));
    assert!(
        index.contains("\"l\":\"de-DE\""),
        "the row names its documents' language"
    );

    // `[board] locale = "de-DE"`: the board in German, its dates and amounts as German
    // writes them; nothing to mark, the documents are in the board's language.
    let (page, index) = german_board(Some("de-DE"), "locale-board-de");
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"de-DE\">"),
        "{page}"
    );
    for german in [
        "Hindernisse",
        "Rechnungen",
        "Dokumente",
        "Freigaben",
        "Offene Fragen",
    ] {
        assert!(
            page.contains(&format!(">{german}</h2>")),
            "{german}: {page}"
        );
    }
    for english in [
        ">Blockers<",
        ">Invoices<",
        ">Open<",
        "All engagements",
        "Documents in",
    ] {
        assert!(!page.contains(english), "{english} on a German board");
    }
    assert!(
        page.contains("Dokumentsprache: Deutsch (Deutschland)"),
        "{page}"
    );
    assert!(page.contains("9.996,00\u{a0}€"), "German amounts: {page}");
    assert!(page.contains("November 2026"), "German dates: {page}");
    assert!(index.contains("<html lang=\"de-DE\">") && index.contains("<h1>Projekte</h1>"));
    assert!(!index.contains("\"l\":"), "{index}");
    assert!(!index.contains(">Waiting on<") && index.contains(">Ausstehend</h2>"));
}

#[test]
fn a_board_locale_without_translations_is_an_error_at_its_line() {
    let data = fixture("de");
    let rules = data.join("rules.toml");
    let mut text = std::fs::read_to_string(&rules).unwrap();
    text.push_str("\n[board]\nlocale = \"pt-BR\"\n");
    std::fs::write(&rules, &text).unwrap();
    let line = text.lines().count();
    refused_by_check_and_build(&data, &[], |verb, stderr| {
        assert!(
            stderr.contains(&format!("rules.toml:{line}"))
                && stderr.contains("pt-BR")
                && stderr.contains("de-DE"),
            "{verb}: the file, line, value and what there is: {stderr}"
        );
    });
}
