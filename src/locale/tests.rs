use super::*;

fn locales() -> Locales {
    Locales::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"))
        .expect("the shipped locales load")
}

fn d(s: &str) -> Decimal {
    s.parse().expect("a decimal")
}

#[test]
fn shipped_locales_have_every_message_of_the_reference() {
    let l = locales();
    assert_eq!(l.problems(), &[] as &[Problem]);
    for tag in [
        "en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "nl-NL", "it-IT",
    ] {
        assert!(l.get(tag).is_some(), "{tag}");
    }
}

#[test]
fn cldr_dates_numbers_percentages_and_money() {
    let l = locales();
    let de = l.get("de-DE").unwrap();
    let fr = l.get("fr-FR").unwrap();
    let us = l.get("en-US").unwrap();
    assert_eq!(de.date("2026-11-30"), "30. November 2026");
    assert_eq!(fr.date("2026-11-30"), "30 novembre 2026");
    assert_eq!(us.date("2026-11-30"), "November 30, 2026");
    assert_eq!(de.date("TBD"), "TBD");
    assert_eq!(de.number(d("9967.38"), 2), "9.967,38");
    assert_eq!(fr.number(d("9967.38"), 2), "9\u{202f}967,38");
    assert_eq!(us.number(d("9967.3"), 2), "9,967.30");
    assert_eq!(us.number(d("-1234.5"), 2), "-1,234.50");
    assert_eq!(de.money(d("9967.38"), "EUR", 2), "9.967,38\u{a0}€");
    assert_eq!(fr.money(d("9967.38"), "EUR", 2), "9\u{202f}967,38\u{a0}€");
    assert_eq!(us.money(d("9967.38"), "USD", 2), "$9,967.38");
    assert_eq!(de.percent(d("19")), "19\u{a0}%");
    assert_eq!(us.percent(d("7.7")), "7.7%");
    assert_eq!(de.country("FR"), "Frankreich");
    assert_eq!(fr.country("DE"), "Allemagne");
}

#[test]
fn a_missing_translation_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(FOLDER);
    std::fs::create_dir_all(root.join("en-US")).unwrap();
    std::fs::create_dir_all(root.join("de-DE")).unwrap();
    std::fs::write(root.join("en-US/a.ftl"), "hello = Hello\nbye = Bye\n").unwrap();
    std::fs::write(root.join("de-DE/a.ftl"), "hello = Hallo\nextra = Mehr\n").unwrap();
    let l = Locales::load(dir.path()).unwrap();
    let messages: Vec<String> = l
        .problems()
        .iter()
        .map(|p| format!("{}: {}", p.location, p.message))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("de-DE/a.ftl")
            && messages[0].contains("`bye` is not translated into de-DE"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("de-DE/a.ftl:2") && messages[1].contains("`extra`"),
        "{messages:?}"
    );
    assert!(l.check().is_err());
}

#[test]
fn messages_keep_variables_for_templates_and_take_arguments_in_rust() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(FOLDER).join("en-US");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("a.ftl"), "due = due { $date }\n").unwrap();
    let l = Locales::load(dir.path()).unwrap();
    let us = l.get("en-US").unwrap();
    assert_eq!(us.labels()["due"], "due {$date}");
    assert_eq!(
        us.message("due", &[("date", "today")]).unwrap(),
        "due today"
    );
}

#[test]
fn locale_names_and_counted_messages_in_the_readers_language() {
    let l = locales();
    let us = l.get("en-US").unwrap();
    let de = l.get("de-DE").unwrap();
    assert_eq!(us.name_of("de-DE"), "German (Germany)");
    assert_eq!(de.name_of("fr-FR"), "Französisch (Frankreich)");
    assert_eq!(us.name_of("not a tag"), "not a tag");
    // The locale's plural rules choose the wording: one engagement, 2 engagements.
    let one = us.counted(
        "board_owed_caption",
        ("count", 1),
        &[("open", "$1"), ("overdue", "$0")],
    );
    let two = us.counted(
        "board_owed_caption",
        ("count", 2),
        &[("open", "$1"), ("overdue", "$0")],
    );
    assert_eq!(one.unwrap(), "$1 open, $0 past due, over one engagement");
    assert_eq!(two.unwrap(), "$1 open, $0 past due, over 2 engagements");
}
