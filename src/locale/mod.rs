//! Locales: every fixed word a document prints, and how it writes dates, numbers, percentages
//! and money, in the language of the engagement (`locale = "de-DE"`, BCP 47; `en-US` when the
//! engagement names none).
//!
//! Why two sources: the *words* are the consultancy's own (its labels, its sentences), so they
//! live in translation files beside the templates, `templates/locales/<tag>/*.ftl`, in Project
//! Fluent's format (the one Firefox and Thunderbird ship, read by the `fluent-bundle` crate),
//! where a translator can edit them without touching a template. The *conventions* are not
//! anyone's to invent: "30. November 2026", "9.967,38 €" and "19 %" come from CLDR through
//! ICU4X's compiled data (`icu_decimal`, `icu_datetime`, `icu_experimental`), never from a
//! table written here.
//!
//! `en-US` is the reference: every other locale must have every message it has, in the file
//! of the same name, and no message it lacks. A gap is an error located at the file and line
//! ([`Locales::problems`], reported by `docket check` and before any build renders), never an
//! English word in a German document. Templates read the messages as `tr.<id>` (Markdown) and
//! `tr.<id>` from `/meta.json` (Typst); a message with a variable keeps it as `{$name}`, which
//! the template fills with `replace`.

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fixed_decimal::Decimal as FixedDecimal;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_experimental::displaynames::multi::RegionDisplayNames;
use rust_decimal::Decimal;
use writeable::Writeable;

use crate::error::{Error, Location, Result};

/// The locale of an engagement that names none, and the reference every other is checked
/// against.
pub const DEFAULT: &str = "en-US";

/// The folder of the translation files, inside the templates folder.
pub const FOLDER: &str = "locales";

/// A translation file that is not what the reference says it must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: the locale's file (and line, when the problem is on one).
    pub location: Location,
    /// What is wrong, and what was expected.
    pub message: String,
}

/// Every locale of the templates folder, loaded once per run.
#[derive(Debug)]
pub struct Locales {
    by_tag: BTreeMap<String, Locale>,
    problems: Vec<Problem>,
}

/// One locale: its messages and its CLDR formatters.
pub struct Locale {
    tag: String,
    bundle: FluentBundle<FluentResource>,
    labels: BTreeMap<String, String>,
    decimal: DecimalFormatter,
    percent: PercentFormatter<DecimalFormatter>,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    regions: RegionDisplayNames,
    icu: icu_locale_core::Locale,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("tag", &self.tag).finish()
    }
}

/// One `.ftl` file as read: its messages in order with their 1-based lines.
struct FileMessages {
    path: PathBuf,
    ids: Vec<(String, usize)>,
}

impl Locales {
    /// Reads `<templates>/locales/<tag>/*.ftl`. Files that do not parse, or a locale that
    /// lacks or adds messages against `en-US`, are [`Locales::problems`].
    ///
    /// # Errors
    /// [`Error::Read`] when a file cannot be read; [`Error::Setup`] when there is no `en-US`.
    pub fn load(templates: &Path) -> Result<Locales> {
        let root = templates.join(FOLDER);
        let mut folders: Vec<PathBuf> = match std::fs::read_dir(&root) {
            Ok(entries) => entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect(),
            Err(_) => Vec::new(),
        };
        folders.sort();
        let mut problems = Vec::new();
        let mut read = BTreeMap::new();
        for folder in folders {
            let Some(tag) = folder.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let canonical = match canonical_tag(tag) {
                Ok(t) if t == tag => t,
                Ok(t) => {
                    problems.push(Problem {
                        location: file_location(&folder, None),
                        message: format!("a locale folder is named by its BCP 47 tag: `{t}`"),
                    });
                    continue;
                }
                Err(e) => {
                    problems.push(Problem {
                        location: file_location(&folder, None),
                        message: e,
                    });
                    continue;
                }
            };
            let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
                .map_err(|source| Error::Read {
                    path: folder.clone(),
                    source,
                })?
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect();
            files.sort();
            let mut sources = Vec::new();
            for path in files {
                let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })?;
                sources.push((path, text));
            }
            read.insert(canonical, sources);
        }
        if !read.contains_key(DEFAULT) {
            return Err(Error::Setup(format!(
                "{}: no `{DEFAULT}` translation files (every label of every document comes \
                 from there; `docket init` writes them)",
                root.join(DEFAULT).display()
            )));
        }
        let mut by_tag = BTreeMap::new();
        let mut messages: BTreeMap<String, Vec<FileMessages>> = BTreeMap::new();
        for (tag, sources) in read {
            let mut bundle = FluentBundle::new_concurrent(vec![
                tag.parse::<unic_langid::LanguageIdentifier>()
                    .map_err(|e| Error::Internal(format!("locale {tag}: {e}")))?,
            ]);
            // No Unicode isolation marks around placeables: a document's text is laid out by
            // Typst, which runs the bidi algorithm itself, and the marks would reach the
            // Markdown and every extracted text.
            bundle.set_use_isolating(false);
            let mut files = Vec::new();
            for (path, text) in sources {
                let ids = message_lines(&text);
                let resource = match FluentResource::try_new(text.clone()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            problems.push(Problem {
                                location: file_location(&path, Some(line_of(&text, e.pos.start))),
                                message: format!("not Fluent syntax: {e}"),
                            });
                        }
                        r
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    for e in errors {
                        if let fluent_bundle::FluentError::Overriding { id, .. } = &e {
                            let line = ids.iter().rev().find(|(i, _)| i == id).map(|(_, l)| *l);
                            problems.push(Problem {
                                location: file_location(&path, line),
                                message: format!("message `{id}` is defined twice in locale {tag}"),
                            });
                        }
                    }
                }
                files.push(FileMessages { path, ids });
            }
            let ids: Vec<String> = files
                .iter()
                .flat_map(|f: &FileMessages| f.ids.iter().map(|(id, _)| id.clone()))
                .collect();
            let locale = Locale::new(tag.clone(), bundle, ids)?;
            messages.insert(tag.clone(), files);
            by_tag.insert(tag, locale);
        }
        problems.extend(compare_with_reference(&messages));
        Ok(Locales { by_tag, problems })
    }

    /// What is wrong with the translation files (nothing, when each locale has exactly the
    /// reference's messages).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The problems as one error, for a build that must not render with them.
    ///
    /// # Errors
    /// [`Error::Data`] at the first problem, naming how many there are.
    pub fn check(&self) -> Result<()> {
        match self.problems.first() {
            None => Ok(()),
            Some(first) => {
                let more = match self.problems.len() {
                    1 => String::new(),
                    n => format!(" ({} more: `docket check` lists them)", n - 1),
                };
                Err(Error::data(
                    first.location.clone(),
                    format!("{}{more}", first.message),
                ))
            }
        }
    }

    /// The locale of this tag, if the templates have it.
    pub fn get(&self, tag: &str) -> Option<&Locale> {
        self.by_tag.get(tag)
    }

    /// The tags there are translations for, in order.
    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.by_tag.keys().map(String::as_str)
    }

    /// The locale an engagement asks for (`None`: [`DEFAULT`]).
    ///
    /// # Errors
    /// What to write instead, when the templates have no such locale (the caller locates
    /// it at the engagement's `locale` field).
    pub fn for_engagement(&self, tag: Option<&str>) -> std::result::Result<&Locale, String> {
        let tag = tag.unwrap_or(DEFAULT);
        self.by_tag.get(tag).ok_or_else(|| {
            format!(
                "no translations for locale `{tag}` in templates/{FOLDER}/; expected one of {}",
                self.tags().collect::<Vec<_>>().join(", ")
            )
        })
    }
}

impl Locale {
    fn new(
        tag: String,
        bundle: FluentBundle<FluentResource>,
        ids: impl IntoIterator<Item = String>,
    ) -> Result<Locale> {
        let icu: icu_locale_core::Locale = tag
            .parse()
            .map_err(|e| Error::Internal(format!("locale {tag}: {e}")))?;
        let cldr = |e: &dyn std::fmt::Display| {
            Error::Setup(format!("locale {tag}: no CLDR data in this build: {e}"))
        };
        let decimal =
            DecimalFormatter::try_new((&icu).into(), Default::default()).map_err(|e| cldr(&e))?;
        let percent =
            PercentFormatter::try_new((&icu).into(), Default::default()).map_err(|e| cldr(&e))?;
        let date = FixedCalendarDateTimeFormatter::try_new((&icu).into(), YMD::long())
            .map_err(|e| cldr(&e))?;
        let regions =
            RegionDisplayNames::try_new((&icu).into(), Default::default()).map_err(|e| cldr(&e))?;
        let mut labels = BTreeMap::new();
        for id in ids {
            if let Some(text) = format_message(&bundle, &id, None) {
                labels.insert(id, text);
            }
        }
        Ok(Locale {
            tag,
            bundle,
            labels,
            decimal,
            percent,
            date,
            regions,
            icu,
        })
    }

    /// The BCP 47 tag (`de-DE`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The language subtag (`de`), what documents declare as their `lang`.
    pub fn language(&self) -> &str {
        self.tag.split('-').next().unwrap_or(&self.tag)
    }

    /// The region subtag (`DE`), if the tag has one.
    pub fn region(&self) -> Option<&str> {
        self.tag.split('-').nth(1)
    }

    /// Whether the language is written right to left.
    pub fn rtl(&self) -> bool {
        matches!(self.language(), "ar" | "he" | "fa" | "ur")
    }

    /// Every message, formatted without arguments (a variable shows as `{$name}`): what
    /// templates read as `tr`.
    pub fn labels(&self) -> &BTreeMap<String, String> {
        &self.labels
    }

    /// A message with its arguments. A message the locale lacks is docket's bug (the
    /// reference check makes every locale have every message docket asks for), so it is an
    /// internal error.
    ///
    /// # Errors
    /// [`Error::Internal`] for an unknown message id.
    pub fn message(&self, id: &str, args: &[(&str, &str)]) -> Result<String> {
        let mut fluent = FluentArgs::new();
        for (k, v) in args {
            fluent.set(*k, FluentValue::from(*v));
        }
        format_message(&self.bundle, id, Some(&fluent))
            .ok_or_else(|| Error::Internal(format!("locale {}: no message `{id}`", self.tag)))
    }

    /// A message whose wording depends on a count (`{ $count -> [one] ... *[other] ... }`):
    /// `count` is passed as a number under its name, so the locale's plural rules choose.
    ///
    /// # Errors
    /// [`Error::Internal`] for an unknown message id.
    pub fn counted(&self, id: &str, count: (&str, u64), args: &[(&str, &str)]) -> Result<String> {
        let mut fluent = FluentArgs::new();
        fluent.set(count.0, FluentValue::from(count.1));
        for (k, v) in args {
            fluent.set(*k, FluentValue::from(*v));
        }
        format_message(&self.bundle, id, Some(&fluent))
            .ok_or_else(|| Error::Internal(format!("locale {}: no message `{id}`", self.tag)))
    }

    /// A number in the locale's digits and separators, with at least `min_decimals`
    /// decimals and exactly those it has beyond: `1.234,5` (de), `1 234,5` (fr).
    pub fn number(&self, value: Decimal, min_decimals: u32) -> String {
        let mut fixed = fixed(value);
        pad_decimals(&mut fixed, min_decimals);
        self.decimal.format(&fixed).write_to_string().into_owned()
    }

    /// An amount of money with the currency's symbol as the locale places it: `$9,967.38`,
    /// `9.967,38 €`, `9 967,38 €`. `value` is already rounded to the currency's minor unit.
    pub fn money(&self, value: Decimal, currency: &str, minor_units: u32) -> String {
        let mut fixed = fixed(value);
        pad_decimals(&mut fixed, minor_units);
        let formatter = CurrencyType::try_from_str(&currency.to_ascii_lowercase())
            .ok()
            .and_then(|code| {
                CurrencyFormatter::try_new_symbol((&self.icu).into(), code, Default::default()).ok()
            });
        let number = self.number(value, minor_units);
        // CLDR's digits for a currency can differ from ISO 4217's minor units docket rounds
        // to (HUF, say); the symbol form is used only when it shows the very same digits.
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        match formatter.map(|f| {
            f.format_fixed_decimal(&fixed)
                .write_to_string()
                .into_owned()
        }) {
            Some(text) if digits(&text) == digits(&number) => text,
            _ => format!("{currency}\u{a0}{number}"),
        }
    }

    /// A percentage of `value` percent (19 -> `19%`, `19 %` in German, `19 %` in French with
    /// a narrow no-break space).
    pub fn percent(&self, value: Decimal) -> String {
        self.percent
            .format(&fixed(value))
            .write_to_string()
            .into_owned()
    }

    /// A `YYYY-MM-DD` date written out: `November 30, 2026`, `30. November 2026`,
    /// `30 novembre 2026`. Anything else (`TBD`, a malformed date) is returned as it is.
    pub fn date(&self, iso: &str) -> String {
        match iso_date(iso) {
            Some(d) => self.date.format(&d).write_to_string().into_owned(),
            None => iso.to_string(),
        }
    }

    /// A locale's name in this locale's language (`de-DE` -> `German (Germany)` in English,
    /// `Deutsch (Deutschland)` in German), from CLDR; the tag itself when it is not one.
    pub fn name_of(&self, tag: &str) -> String {
        use icu_experimental::displaynames::multi::LocaleDisplayNamesFormatter;
        let Ok(locale) = tag.parse::<icu_locale_core::Locale>() else {
            return tag.to_string();
        };
        match LocaleDisplayNamesFormatter::try_new((&self.icu).into(), Default::default()) {
            Ok(names) => names.of(&locale).into_owned(),
            Err(_) => tag.to_string(),
        }
    }

    /// A country's name in the locale's language (`DE` -> `Deutschland` in German,
    /// `Allemagne` in French); the code itself when CLDR has no name for it.
    pub fn country(&self, code: &str) -> String {
        code.parse::<icu_locale_core::subtags::Region>()
            .ok()
            .and_then(|r| self.regions.of(r))
            .map_or_else(|| code.to_string(), str::to_string)
    }
}

/// The canonical form of a BCP 47 tag (`de-de` -> `de-DE`), or why it is not one.
///
/// # Errors
/// A message saying what a tag looks like.
pub fn canonical_tag(tag: &str) -> std::result::Result<String, String> {
    tag.parse::<icu_locale_core::Locale>()
        .map(|l| l.to_string())
        .map_err(|e| format!("`{tag}` is not a BCP 47 locale tag ({e}); expected e.g. de-DE"))
}

fn format_message(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: Option<&FluentArgs<'_>>,
) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    // A missing variable is written `{$name}` (what the templates fill in); the errors
    // Fluent reports for it are expected.
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

fn fixed(value: Decimal) -> FixedDecimal {
    // `Decimal`'s text is a plain decimal (no exponent), which FixedDecimal always parses.
    value
        .to_string()
        .parse()
        .unwrap_or_else(|_| FixedDecimal::from(0))
}

fn pad_decimals(fixed: &mut FixedDecimal, min_decimals: u32) {
    let min = -i16::try_from(min_decimals).unwrap_or(i16::MAX);
    if fixed.absolute.nonzero_magnitude_end() > min {
        fixed.absolute.pad_end(min);
    }
}

fn iso_date(iso: &str) -> Option<Date<Gregorian>> {
    let bytes = iso.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i32 = iso[..4].parse().ok()?;
    let month: u8 = iso[5..7].parse().ok()?;
    let day: u8 = iso[8..].parse().ok()?;
    Date::try_new_gregorian(year, month, day).ok()
}

fn file_location(path: &Path, line: Option<usize>) -> Location {
    Location {
        file: path.to_path_buf(),
        line,
        column: None,
        field: None,
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The message ids of a file with their lines: entries start at the beginning of a line with
/// an identifier and `=` (terms, `-name`, and comments are not messages).
fn message_lines(text: &str) -> Vec<(String, usize)> {
    text.lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let first = id.chars().next()?;
            (first.is_ascii_alphabetic()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .then(|| (id.to_string(), n + 1))
        })
        .collect()
}

/// Every locale against `en-US`: the same files, each with the same messages.
fn compare_with_reference(messages: &BTreeMap<String, Vec<FileMessages>>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let Some(reference) = messages.get(DEFAULT) else {
        return problems;
    };
    let name = |f: &FileMessages| {
        f.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    for (tag, files) in messages {
        if tag == DEFAULT {
            continue;
        }
        for wanted in reference {
            let file_name = name(wanted);
            let Some(have) = files.iter().find(|f| name(f) == file_name) else {
                let folder = wanted
                    .path
                    .parent()
                    .and_then(Path::parent)
                    .map(|p| p.join(tag))
                    .unwrap_or_default();
                problems.push(Problem {
                    location: file_location(&folder.join(&file_name), None),
                    message: format!(
                        "locale {tag} has no {file_name}: its {} messages (from {}) are not \
                         translated",
                        wanted.ids.len(),
                        wanted.path.display()
                    ),
                });
                continue;
            };
            for (id, line) in &wanted.ids {
                if !have.ids.iter().any(|(i, _)| i == id) {
                    problems.push(Problem {
                        location: file_location(&have.path, None),
                        message: format!(
                            "message `{id}` is not translated into {tag} (it is at {}:{line})",
                            wanted.path.display()
                        ),
                    });
                }
            }
            for (id, line) in &have.ids {
                if !wanted.ids.iter().any(|(i, _)| i == id) {
                    problems.push(Problem {
                        location: file_location(&have.path, Some(*line)),
                        message: format!(
                            "message `{id}` is not in {} (a typo, or a message docket no \
                             longer uses)",
                            wanted.path.display()
                        ),
                    });
                }
            }
        }
        for extra in files {
            let file_name = name(extra);
            if !reference.iter().any(|f| name(f) == file_name) {
                problems.push(Problem {
                    location: file_location(&extra.path, None),
                    message: format!("{file_name} has no {DEFAULT} counterpart"),
                });
            }
        }
    }
    problems
}
