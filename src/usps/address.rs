//! Postal address standardization for the delivery address block of an envelope, after USPS
//! Publication 28 ("Postal Addressing Standards") and, for mail abroad, the International Mail
//! Manual (IMM 122).
//!
//! Why this exists: docket prints #10 envelopes from engagement data, where addresses are typed
//! free-form ("1200 Harbor Boulevard", "Suite 400", "Seattle, Wa", "98101"). The USPS optical
//! character readers sort letter mail by reading the bottom lines of the address block, and they
//! read best what Publication 28 prescribes: capitals, no punctuation except the hyphen in
//! numbers and ZIP+4, the secondary unit at the end of the delivery line, the standard suffix
//! and directional abbreviations, and a last line `CITY ST  ZIP+4`. Mail abroad ends with the
//! destination country's name alone on the last line. [`standardize`] turns an
//! [`AddressInput`] into exactly the lines to print, or says which field is wrong; it never
//! shortens or drops anything to make an address fit (see [`MAX_LINE_CHARS`], [`MAX_LINES`]).
//!
//! What is applied where:
//! - Every line: uppercase (Unicode-aware, so `Zürich` prints `ZÜRICH` and `ß` becomes `SS`);
//!   punctuation such as `. , ' " ; : ! ? ( )` removed; whitespace collapsed. Kept: the hyphen
//!   when a digit is on either side of it (`98101-2345`, `123-45`, `4-B`), the slash between
//!   digits (fractional addresses such as `123 1/2 MAIN ST`, which Publication 28 prints with
//!   the slash) and in a standalone `C/O` (care of); a period between digits (a decimal is a
//!   number, not punctuation); `&`; and `#` where it stands for an unknown unit designator
//!   (`# 5`, as Publication 28 prints it).
//! - US (and territory) delivery lines: Publication 28 rules. Street suffixes (Appendix C1
//!   subset) and directionals (N, E, S, W, NE, NW, SE, SW) are abbreviated only in their
//!   positions (the suffix and post-directional at the end of the street, the pre-directional
//!   after the house number), so `100 COURT ST` and `100 NORTH ST` keep their names. Secondary
//!   unit designators (Appendix C2) are abbreviated and moved to the end of the delivery line; a
//!   delivery line that holds only a unit (`Suite 400`) is joined to the street line. PO boxes,
//!   rural routes (`RR`), highway contract routes (`HC`) and military `UNIT`/`PSC`/`CMR ... BOX`
//!   lines are normalized and otherwise kept as they are. A hyphen between two letters becomes a
//!   space (`WINSTON SALEM`), as USPS writes its city names.
//! - Other countries: Publication 28's abbreviations are domestic, and each postal
//!   administration has its own, so delivery lines are only uppercased and cleaned; hyphens
//!   between letters are kept (`SAINT-ÉTIENNE`). Names and organizations keep them everywhere.

use std::borrow::Cow;

/// Longest line, in characters (Unicode scalar values), that [`standardize`] will return.
///
/// Why 40: the OCR read area of a #10 envelope is the 8.5 in between the 1/2 in side margins
/// (x 0.5 in to 9.0 in). In the envelope layout (11 pt Liberation Sans), uppercase capitals
/// and digits average about 0.67 em, so 40 characters take about 4.1 in; even 40 of the
/// widest common Latin capitals (W, Æ, about 1.0 em) take 6.1 in, which the layout's left
/// margin of 2.75 in keeps before x = 9.0 in. Rarer, wider letters (such as Cyrillic `Ѿ` or
/// the digraph `Ǆ`, 1.33 em) are caught by the layout itself, which measures each block and
/// stops with an error. A longer line is an error naming its field; it is never shrunk,
/// condensed or cut.
pub const MAX_LINE_CHARS: usize = 40;

/// Most lines in the address block: the USPS OCR looks for 2 to 6 contiguous address lines.
pub const MAX_LINES: usize = 6;

/// A postal address as it appears in engagement data (free-form, mixed case).
#[derive(Debug, Clone, Default)]
pub struct AddressInput<'a> {
    /// Recipient line, e.g. `"Dana Whitfield"` or `"Accounts Payable"`. Required.
    pub name: &'a str,
    /// Organization line printed under the recipient, e.g. `"Northwind Trading Co."`.
    pub organization: Option<&'a str>,
    /// Delivery lines, e.g. `["1200 Harbor Boulevard", "Suite 400"]`, `["PO Box 123"]` or
    /// `["Unit 2050 Box 4190"]`. Blank entries are skipped; at least one must have text.
    pub lines: &'a [String],
    /// City, e.g. `"Seattle"`, `"APO"`, `"Ottawa"`, `"London"`. Required.
    pub city: &'a str,
    /// State / province code, e.g. `"WA"`, `"AE"`, `"ON"`; may be `""` for countries without one.
    pub region: &'a str,
    /// Postal code: `"98101"`, `"98101-2345"`, `"K1A 0B1"`, `"SW1A 1AA"`. Required for the US
    /// and Canada; optional elsewhere.
    pub postal_code: &'a str,
    /// ISO 3166 alpha-2 country code; `"US"` when empty. US territories (`PR`, `GU`, `VI`,
    /// `AS`, `MP`) and the freely associated states (`FM`, `MH`, `PW`) are addressed as
    /// domestic mail, as Publication 28 does. `UK` is taken for `GB`.
    pub country: &'a str,
}

/// Why an address cannot be printed as given. Every variant names the field (see
/// [`AddressError::field`]) and what was expected of it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    /// A required field is empty, or holds only punctuation and spaces.
    #[error("{field} is empty: expected {expected}")]
    Missing {
        /// `"name"`, `"lines"`, `"city"`, `"region"` or `"postal_code"`.
        field: &'static str,
        /// What the field should hold.
        expected: &'static str,
    },
    /// `country` is not an ISO 3166 alpha-2 code in the country table.
    #[error(
        "country {found:?} is not a known ISO 3166 alpha-2 code: expected a code such as US, \
         CA, GB or DE"
    )]
    UnknownCountry {
        /// The code as given.
        found: String,
    },
    /// `region` is not a valid state / province code (or US state name) for the country.
    #[error(
        "region {found:?} is not valid for {country}: expected {expected}{}",
        did_you_mean(.suggestion)
    )]
    InvalidRegion {
        /// The region as given.
        found: String,
        /// The country's alpha-2 code.
        country: &'static str,
        /// What would have been valid.
        expected: &'static str,
        /// The state name (and its code) the region is a likely typo of, if any.
        suggestion: Option<(&'static str, &'static str)>,
    },
    /// `postal_code` does not have the country's form.
    #[error("postal_code {found:?} is not valid for {country}: expected {expected}")]
    InvalidPostalCode {
        /// The postal code as given.
        found: String,
        /// The country's alpha-2 code.
        country: &'static str,
        /// The expected form.
        expected: &'static str,
    },
    /// A military state code (AA, AE, AP) with a city other than APO, FPO or DPO.
    #[error("city {found:?} cannot go with military region {region}: expected APO, FPO or DPO")]
    MilitaryCity {
        /// The city as given.
        found: String,
        /// The military region code.
        region: &'static str,
    },
    /// A military post office city (APO, FPO, DPO) with a region other than AA, AE or AP.
    #[error("region {found:?} cannot go with military post office {city}: expected AA, AE or AP")]
    MilitaryRegion {
        /// The region as given.
        found: String,
        /// The military post office.
        city: &'static str,
    },
    /// A printed line would be longer than [`MAX_LINE_CHARS`].
    #[error("{field} prints as {len} characters ({line:?}): at most {max} fit the OCR read area")]
    LineTooLong {
        /// `"name"`, `"organization"`, `"lines[i]"` (the input line, 0-based), `"city"` (the
        /// last line) or `"country"`.
        field: String,
        /// The line as it would have been printed.
        line: String,
        /// Its length in characters.
        len: usize,
        /// [`MAX_LINE_CHARS`].
        max: usize,
    },
    /// The block would be longer than [`MAX_LINES`].
    #[error(
        "lines: the address block would have {count} lines: the OCR reads at most {max}; \
         drop the organization or merge delivery lines"
    )]
    TooManyLines {
        /// How many lines the block would have.
        count: usize,
        /// [`MAX_LINES`].
        max: usize,
    },
    /// A letter or digit outside the Latin, Greek and Cyrillic scripts.
    #[error(
        "{field}: expected Latin letters and Arabic numerals (USPS and the UPU ask for Roman \
         script on mail; Greek and Cyrillic are printed too), found `{found}` (U+{code:04X})"
    )]
    Script {
        /// The field.
        field: String,
        /// The character.
        found: char,
        /// Its code point.
        code: u32,
    },
}

/// `; did you mean WASHINGTON (WA)?`, or nothing.
fn did_you_mean(suggestion: &Option<(&'static str, &'static str)>) -> String {
    suggestion.map_or_else(String::new, |(name, code)| {
        format!("; did you mean {name} ({code})?")
    })
}

/// Whether a letter or digit is one docket prints on an envelope: Latin (with its
/// extensions), Greek or Cyrillic, which the bundled sans-serif covers. Right-to-left and
/// other scripts are refused: mail is addressed in Roman script, and Typst 0.15.1 can panic
/// shaping right-to-left text the font lacks.
fn printable_script(c: char) -> bool {
    if !(c.is_alphabetic() || c.is_numeric()) {
        return true;
    }
    matches!(u32::from(c),
        0x0000..=0x024F // Basic Latin, Latin-1, Latin Extended-A and -B
        | 0x0250..=0x02AF // IPA extensions (Latin)
        | 0x0370..=0x03FF // Greek
        | 0x0400..=0x04FF // Cyrillic
        | 0x1E00..=0x1EFF // Latin Extended Additional
        | 0x2160..=0x2188 // Roman numerals
    )
}

/// The first field holding a letter or digit outside [`printable_script`].
fn check_script(addr: &AddressInput) -> Result<(), AddressError> {
    let mut fields: Vec<(String, &str)> = vec![("name".into(), addr.name)];
    if let Some(org) = addr.organization {
        fields.push(("organization".into(), org));
    }
    for (i, line) in addr.lines.iter().enumerate() {
        fields.push((format!("lines[{i}]"), line.as_str()));
    }
    fields.push(("city".into(), addr.city));
    fields.push(("region".into(), addr.region));
    fields.push(("postal_code".into(), addr.postal_code));
    for (field, text) in fields {
        if let Some(c) = text.chars().find(|&c| !printable_script(c)) {
            return Err(AddressError::Script {
                field,
                found: c,
                code: u32::from(c),
            });
        }
    }
    Ok(())
}

impl AddressError {
    /// The name of the input field at fault: `"name"`, `"organization"`, `"lines"`,
    /// `"lines[1]"`, `"city"`, `"region"`, `"postal_code"` or `"country"`.
    pub fn field(&self) -> &str {
        match self {
            Self::Missing { field, .. } => field,
            Self::UnknownCountry { .. } => "country",
            Self::InvalidRegion { .. } | Self::MilitaryRegion { .. } => "region",
            Self::InvalidPostalCode { .. } => "postal_code",
            Self::MilitaryCity { .. } => "city",
            Self::LineTooLong { field, .. } => field,
            Self::TooManyLines { .. } => "lines",
            Self::Script { field, .. } => field,
        }
    }
}

/// Returns the lines exactly as they are to be printed, top to bottom: the recipient, the
/// organization if any, the delivery lines, the last line, and for mail abroad the country
/// name. See the module documentation for the rules applied.
///
/// Domestic last line: `CITY ST  ZIP` with two spaces before the ZIP (also for APO/FPO/DPO with
/// AA/AE/AP). Canada: `OTTAWA ON  K1A 0B1` then `CANADA`. Other countries: the destination's
/// order (`LONDON SW1A 1AA`, `10115 BERLIN`, `SYDNEY NSW 2000`) then the country's English
/// name alone in capitals. No country line is printed for domestic mail.
///
/// # Errors
/// An [`AddressError`] naming the field: unknown country, empty name / delivery lines / city,
/// invalid state / province / ZIP / Canadian postal code, military city and region that do not
/// go together, a line longer than [`MAX_LINE_CHARS`], or more than [`MAX_LINES`] lines.
pub fn standardize(addr: &AddressInput) -> Result<Vec<String>, AddressError> {
    check_script(addr)?;
    let destination = destination(addr.country)?;
    let mut block: Vec<(Cow<'static, str>, String)> = Vec::new();

    let name = clean(addr.name, true);
    if name.is_empty() {
        return Err(AddressError::Missing {
            field: "name",
            expected: "a recipient name or department",
        });
    }
    block.push(("name".into(), name));
    if let Some(org) = addr.organization {
        let org = clean(org, true);
        if !org.is_empty() {
            block.push(("organization".into(), org));
        }
    }

    // The last line(s) are built first so that a military address is known before its
    // delivery lines are read.
    let (last, military) = match destination {
        Destination::Domestic { territory } => {
            let (line, military) = us_last_line(addr, territory)?;
            (vec![("city".into(), line)], military)
        }
        Destination::Canada => (canada_last_lines(addr)?, false),
        Destination::Abroad(country) => (foreign_last_lines(addr, country)?, false),
    };

    let delivery = match destination {
        Destination::Domestic { .. } => us_delivery_lines(addr.lines, military),
        Destination::Canada | Destination::Abroad(_) => plain_delivery_lines(addr.lines),
    };
    if delivery.is_empty() {
        return Err(AddressError::Missing {
            field: "lines",
            expected: "at least one delivery line (street address, PO box or unit and box)",
        });
    }
    block.extend(delivery);
    block.extend(last);

    for (field, line) in &block {
        let len = line.chars().count();
        if len > MAX_LINE_CHARS {
            return Err(AddressError::LineTooLong {
                field: field.to_string(),
                line: line.clone(),
                len,
                max: MAX_LINE_CHARS,
            });
        }
    }
    if block.len() > MAX_LINES {
        return Err(AddressError::TooManyLines {
            count: block.len(),
            max: MAX_LINES,
        });
    }
    Ok(block.into_iter().map(|(_, line)| line).collect())
}

/// The ZIP Code of a domestic address as digits only (5, or 9 for a ZIP+4): the routing code
/// of an Intelligent Mail barcode. `None` for mail abroad (Canada included): the IMb routes US
/// domestic mail only, so such a piece carries no routing code of its own.
///
/// Why here: only this module knows which country codes are domestic (territories, freely
/// associated states, military) and what a valid ZIP looks like.
///
/// # Errors
/// [`AddressError::UnknownCountry`] for an unknown country; the ZIP errors of [`standardize`]
/// (`Missing` or `InvalidPostalCode` on `postal_code`) for a domestic one.
pub fn routing_zip(country: &str, postal_code: &str) -> Result<Option<String>, AddressError> {
    match destination(country)? {
        Destination::Domestic { .. } => Ok(Some(
            zip(postal_code)?
                .chars()
                .filter(char::is_ascii_digit)
                .collect(),
        )),
        Destination::Canada | Destination::Abroad(_) => Ok(None),
    }
}

// ---------------------------------------------------------------------------------------------
// Character cleaning
// ---------------------------------------------------------------------------------------------

/// Characters dropped outright (apostrophes, so `O'Brien` prints `OBRIEN`; invisible ones).
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{02BC}'
            | '\u{00B4}'
            | '\u{00AD}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

/// Hyphen-like characters, treated as `-`.
fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}'
    )
}

/// Combining marks (so a decomposed `é` keeps its accent).
fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Uppercases `s` and removes punctuation as described in the module documentation; returns
/// single-space-separated words. `word_hyphens` keeps a hyphen between two letters (otherwise it
/// becomes a space). Linear in the length of `s`; never panics.
fn clean(s: &str, word_hyphens: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    // Length of the word being built, for the period rule.
    let mut word_len = 0usize;
    let space = |out: &mut String, word_len: &mut usize| {
        out.push(' ');
        *word_len = 0;
    };
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let digit_prev = prev.is_some_and(|p| p.is_ascii_digit());
        let digit_next = next.is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || is_combining(c) {
            for u in c.to_uppercase() {
                out.push(u);
                word_len += 1;
            }
        } else if is_dropped(c) {
            // nothing
        } else if is_hyphen(c) {
            let between =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            if between && (word_hyphens || digit_prev || digit_next) {
                out.push('-');
                word_len += 1;
            } else {
                space(&mut out, &mut word_len);
            }
        } else if c == '/' && ((digit_prev && digit_next) || is_care_of(&chars, i)) {
            out.push('/');
            word_len += 1;
        } else if c == '.' {
            if digit_prev && digit_next {
                out.push('.');
                word_len += 1;
            } else if word_len >= 2 && next.is_some_and(char::is_alphanumeric) {
                // "BLVD.SUITE" is two words; "P.O." and "U.S." are initials and close up.
                space(&mut out, &mut word_len);
            }
        } else if c == '#' || c == '&' {
            out.push(c);
            word_len += 1;
        } else {
            space(&mut out, &mut word_len);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the `/` at `i` is the one in a standalone `c/o` ("care of"), which is kept.
fn is_care_of(chars: &[char], i: usize) -> bool {
    let at = |j: Option<usize>| j.and_then(|j| chars.get(j)).copied();
    let before = at(i.checked_sub(2));
    let after = at(i.checked_add(2));
    at(i.checked_sub(1)).is_some_and(|c| c.eq_ignore_ascii_case(&'c'))
        && at(i.checked_add(1)).is_some_and(|c| c.eq_ignore_ascii_case(&'o'))
        && !before.is_some_and(char::is_alphanumeric)
        && !after.is_some_and(char::is_alphanumeric)
}

/// A code field (country, region): trimmed, ASCII-uppercased, with spaces and periods removed.
fn code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Shortens user input quoted in an error message.
fn quoted(s: &str) -> String {
    const KEEP: usize = 60;
    let s = s.trim();
    if s.chars().count() <= KEEP {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(KEEP).collect();
        t.push('…');
        t
    }
}

// ---------------------------------------------------------------------------------------------
// Destinations
// ---------------------------------------------------------------------------------------------

/// How the last lines of an address abroad are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// `CITY REGION POSTCODE` (UK, Ireland, Australia, most of Asia and the Americas).
    CityFirst,
    /// `POSTCODE CITY REGION` (continental Europe and others).
    PostcodeFirst,
}

/// A destination country: ISO alpha-2 code, English name as printed, last-line order.
struct Country {
    code: &'static str,
    name: &'static str,
    order: Order,
}

const fn country(code: &'static str, name: &'static str, order: Order) -> Country {
    Country { code, name, order }
}

use Order::{CityFirst as C, PostcodeFirst as P};

/// Countries docket can address. Names are the common English short names, in capitals, as the
/// IMM asks for the last line.
static COUNTRIES: &[Country] = &[
    country("US", "UNITED STATES", C),
    country("CA", "CANADA", C),
    country("MX", "MEXICO", P),
    country("GB", "UNITED KINGDOM", C),
    country("IE", "IRELAND", C),
    country("FR", "FRANCE", P),
    country("DE", "GERMANY", P),
    country("IT", "ITALY", P),
    country("ES", "SPAIN", P),
    country("PT", "PORTUGAL", P),
    country("NL", "NETHERLANDS", P),
    country("BE", "BELGIUM", P),
    country("LU", "LUXEMBOURG", P),
    country("CH", "SWITZERLAND", P),
    country("AT", "AUSTRIA", P),
    country("LI", "LIECHTENSTEIN", P),
    country("MC", "MONACO", P),
    country("DK", "DENMARK", P),
    country("SE", "SWEDEN", P),
    country("NO", "NORWAY", P),
    country("FI", "FINLAND", P),
    country("IS", "ICELAND", P),
    country("PL", "POLAND", P),
    country("CZ", "CZECH REPUBLIC", P),
    country("SK", "SLOVAKIA", P),
    country("HU", "HUNGARY", C),
    country("RO", "ROMANIA", C),
    country("BG", "BULGARIA", C),
    country("GR", "GREECE", P),
    country("HR", "CROATIA", P),
    country("SI", "SLOVENIA", P),
    country("EE", "ESTONIA", C),
    country("LV", "LATVIA", C),
    country("LT", "LITHUANIA", P),
    country("UA", "UKRAINE", C),
    country("CY", "CYPRUS", P),
    country("MT", "MALTA", C),
    country("TR", "TURKEY", P),
    country("IL", "ISRAEL", C),
    country("AE", "UNITED ARAB EMIRATES", C),
    country("SA", "SAUDI ARABIA", C),
    country("QA", "QATAR", C),
    country("KW", "KUWAIT", P),
    country("JO", "JORDAN", C),
    country("EG", "EGYPT", C),
    country("MA", "MOROCCO", P),
    country("ZA", "SOUTH AFRICA", C),
    country("NG", "NIGERIA", C),
    country("KE", "KENYA", C),
    country("IN", "INDIA", C),
    country("PK", "PAKISTAN", C),
    country("BD", "BANGLADESH", C),
    country("CN", "CHINA", C),
    country("HK", "HONG KONG", C),
    country("TW", "TAIWAN", C),
    country("JP", "JAPAN", C),
    country("KR", "SOUTH KOREA", C),
    country("SG", "SINGAPORE", C),
    country("MY", "MALAYSIA", P),
    country("TH", "THAILAND", C),
    country("VN", "VIETNAM", C),
    country("PH", "PHILIPPINES", C),
    country("ID", "INDONESIA", C),
    country("AU", "AUSTRALIA", C),
    country("NZ", "NEW ZEALAND", C),
    country("BR", "BRAZIL", C),
    country("AR", "ARGENTINA", P),
    country("CL", "CHILE", P),
    country("CO", "COLOMBIA", C),
    country("PE", "PERU", C),
    country("UY", "URUGUAY", P),
    country("CR", "COSTA RICA", C),
    country("PA", "PANAMA", C),
    country("DO", "DOMINICAN REPUBLIC", P),
    country("JM", "JAMAICA", C),
    country("BS", "BAHAMAS", C),
    country("BM", "BERMUDA", C),
];

/// US territories and freely associated states addressed as domestic mail (Pub 28 Appendix B).
const DOMESTIC_AREAS: &[&str] = &["PR", "GU", "VI", "AS", "MP", "FM", "MH", "PW"];

/// Two-letter codes valid on a domestic last line: 50 states, DC, territories, freely
/// associated states and the military "states" (Pub 28 Appendix B).
const US_REGIONS: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI", "FM", "MH", "PW", "AA", "AE", "AP",
];

/// The names of the states, DC and possessions (Appendix B-1) and of the military "states"
/// (B-2), as USPS Publication 28 Appendix B lists them, with their codes. Names are matched
/// in any case and spacing ([`region_name`]); the printed last line always has the code.
const US_REGION_NAMES: &[(&str, &str)] = &[
    ("ALABAMA", "AL"),
    ("ALASKA", "AK"),
    ("AMERICAN SAMOA", "AS"),
    ("ARIZONA", "AZ"),
    ("ARKANSAS", "AR"),
    ("CALIFORNIA", "CA"),
    ("COLORADO", "CO"),
    ("CONNECTICUT", "CT"),
    ("DELAWARE", "DE"),
    ("DISTRICT OF COLUMBIA", "DC"),
    ("FEDERATED STATES OF MICRONESIA", "FM"),
    ("FLORIDA", "FL"),
    ("GEORGIA", "GA"),
    ("GUAM", "GU"),
    ("HAWAII", "HI"),
    ("IDAHO", "ID"),
    ("ILLINOIS", "IL"),
    ("INDIANA", "IN"),
    ("IOWA", "IA"),
    ("KANSAS", "KS"),
    ("KENTUCKY", "KY"),
    ("LOUISIANA", "LA"),
    ("MAINE", "ME"),
    ("MARSHALL ISLANDS", "MH"),
    ("MARYLAND", "MD"),
    ("MASSACHUSETTS", "MA"),
    ("MICHIGAN", "MI"),
    ("MINNESOTA", "MN"),
    ("MISSISSIPPI", "MS"),
    ("MISSOURI", "MO"),
    ("MONTANA", "MT"),
    ("NEBRASKA", "NE"),
    ("NEVADA", "NV"),
    ("NEW HAMPSHIRE", "NH"),
    ("NEW JERSEY", "NJ"),
    ("NEW MEXICO", "NM"),
    ("NEW YORK", "NY"),
    ("NORTH CAROLINA", "NC"),
    ("NORTH DAKOTA", "ND"),
    ("NORTHERN MARIANA ISLANDS", "MP"),
    ("OHIO", "OH"),
    ("OKLAHOMA", "OK"),
    ("OREGON", "OR"),
    ("PALAU", "PW"),
    ("PENNSYLVANIA", "PA"),
    ("PUERTO RICO", "PR"),
    ("RHODE ISLAND", "RI"),
    ("SOUTH CAROLINA", "SC"),
    ("SOUTH DAKOTA", "SD"),
    ("TENNESSEE", "TN"),
    ("TEXAS", "TX"),
    ("UTAH", "UT"),
    ("VERMONT", "VT"),
    ("VIRGIN ISLANDS", "VI"),
    ("VIRGINIA", "VA"),
    ("WASHINGTON", "WA"),
    ("WEST VIRGINIA", "WV"),
    ("WISCONSIN", "WI"),
    ("WYOMING", "WY"),
    ("ARMED FORCES AMERICAS", "AA"),
    ("ARMED FORCES AFRICA", "AE"),
    ("ARMED FORCES CANADA", "AE"),
    ("ARMED FORCES EUROPE", "AE"),
    ("ARMED FORCES MIDDLE EAST", "AE"),
    ("ARMED FORCES PACIFIC", "AP"),
];

/// A region as a name to look up: uppercase, periods dropped, words separated by one space
/// (`"  new   york "` is `NEW YORK`).
fn region_name(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.replace('.', "").to_uppercase())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The code of a US state, DC, possession or military "state" given by its name.
fn us_region_by_name(region: &str) -> Option<&'static str> {
    let name = region_name(region);
    US_REGION_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, code)| *code)
}

/// The name (and code) an unknown region is a likely typo of: the nearest name by edit
/// distance, within a third of its length. A two-letter region is a code, not a name, and
/// gets no suggestion: every code is one letter away from several others.
fn us_region_suggestion(region: &str) -> Option<(&'static str, &'static str)> {
    let name = region_name(region);
    if name.chars().count() <= 2 {
        return None;
    }
    US_REGION_NAMES
        .iter()
        // Optimal string alignment: a swapped pair of letters (`NEW YROK`) is one edit.
        .map(|&(n, code)| (strsim::osa_distance(&name, n), n, code))
        .filter(|&(d, n, _)| d <= (n.len().max(name.len()) / 3).max(1))
        .min()
        .map(|(_, n, code)| (n, code))
}

/// Military "states": Armed Forces Americas, Europe, Pacific.
const MILITARY_REGIONS: &[&str] = &["AA", "AE", "AP"];
/// Military post offices: Army/Air Force, Fleet, Diplomatic.
const MILITARY_CITIES: &[&str] = &["APO", "FPO", "DPO"];

/// Canadian provinces and territories (Canada Post).
const CA_PROVINCES: &[&str] = &[
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];

/// Where the mail goes, which decides the rules.
#[derive(Clone, Copy)]
enum Destination {
    /// US domestic mail; `territory` is set when the country code was a territory's.
    Domestic {
        territory: Option<&'static str>,
    },
    Canada,
    Abroad(&'static Country),
}

fn destination(country_field: &str) -> Result<Destination, AddressError> {
    let code = code(country_field);
    let code = match code.as_str() {
        "" => "US",
        "UK" => "GB",
        other => other,
    };
    if code == "US" {
        return Ok(Destination::Domestic { territory: None });
    }
    if let Some(t) = DOMESTIC_AREAS.iter().find(|t| **t == code) {
        return Ok(Destination::Domestic { territory: Some(t) });
    }
    if code == "CA" {
        return Ok(Destination::Canada);
    }
    COUNTRIES
        .iter()
        .find(|c| c.code == code)
        .map(Destination::Abroad)
        .ok_or_else(|| AddressError::UnknownCountry {
            found: quoted(country_field),
        })
}

/// A city, required everywhere.
fn city(addr: &AddressInput, word_hyphens: bool) -> Result<String, AddressError> {
    let city = clean(addr.city, word_hyphens);
    if city.is_empty() {
        return Err(AddressError::Missing {
            field: "city",
            expected: "the city or town name",
        });
    }
    Ok(city)
}

/// `CITY ST  ZIP`, and whether the address is military.
fn us_last_line(
    addr: &AddressInput,
    territory: Option<&'static str>,
) -> Result<(String, bool), AddressError> {
    const REGION_EXPECTED: &str = "a two-letter US state, DC, territory or military (AA, AE, \
         AP) code, or a state's name as USPS Publication 28 lists it";
    // People type the state's name ("Washington", "new york"); the OCR reads its code.
    let given = us_region_by_name(addr.region).map_or_else(|| code(addr.region), str::to_string);
    let region: &'static str = match (given.as_str(), territory) {
        ("", Some(t)) => t,
        ("", None) => {
            return Err(AddressError::Missing {
                field: "region",
                expected: REGION_EXPECTED,
            });
        }
        (r, Some(t)) if r != t => {
            return Err(AddressError::InvalidRegion {
                found: quoted(addr.region),
                country: t,
                expected: "the territory's own code, the same as country",
                suggestion: None,
            });
        }
        (r, _) => US_REGIONS
            .iter()
            .find(|s| **s == r)
            .copied()
            .ok_or_else(|| AddressError::InvalidRegion {
                found: quoted(addr.region),
                country: "US",
                expected: REGION_EXPECTED,
                suggestion: us_region_suggestion(addr.region),
            })?,
    };
    let city = city(addr, false)?;
    let military_city = MILITARY_CITIES.iter().find(|m| **m == city).copied();
    let military_region = MILITARY_REGIONS.contains(&region);
    match military_city {
        Some(post_office) if !military_region => {
            return Err(AddressError::MilitaryRegion {
                found: quoted(addr.region),
                city: post_office,
            });
        }
        None if military_region => {
            return Err(AddressError::MilitaryCity {
                found: quoted(addr.city),
                region,
            });
        }
        _ => {}
    }
    let zip = zip(addr.postal_code)?;
    Ok((format!("{city} {region}  {zip}"), military_region))
}

/// A ZIP Code: 5 digits, or ZIP+4 given as `12345-6789` or `123456789` (printed with the hyphen).
fn zip(raw: &str) -> Result<String, AddressError> {
    const EXPECTED: &str = "a 5-digit ZIP Code or a ZIP+4 as 12345-6789";
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_hyphen(c) { '-' } else { c })
        .collect();
    if compact.is_empty() {
        return Err(AddressError::Missing {
            field: "postal_code",
            expected: EXPECTED,
        });
    }
    let digits: String = compact.chars().filter(char::is_ascii_digit).collect();
    let shape_ok = match compact.len() {
        5 | 9 => digits.len() == compact.len(),
        10 => digits.len() == 9 && compact.find('-') == Some(5),
        _ => false,
    };
    if !shape_ok {
        return Err(AddressError::InvalidPostalCode {
            found: quoted(raw),
            country: "US",
            expected: EXPECTED,
        });
    }
    Ok(match digits.split_at_checked(5) {
        Some((five, four)) if !four.is_empty() => format!("{five}-{four}"),
        _ => digits,
    })
}

/// `OTTAWA ON  K1A 0B1` and `CANADA`.
fn canada_last_lines(
    addr: &AddressInput,
) -> Result<Vec<(Cow<'static, str>, String)>, AddressError> {
    const REGION_EXPECTED: &str =
        "a Canadian province or territory code (AB BC MB NB NL NS NT NU ON PE QC SK YT)";
    const POSTAL_EXPECTED: &str = "a Canadian postal code A1A 1A1";
    let given = code(addr.region);
    if given.is_empty() {
        return Err(AddressError::Missing {
            field: "region",
            expected: REGION_EXPECTED,
        });
    }
    let Some(province) = CA_PROVINCES.iter().find(|p| **p == given) else {
        return Err(AddressError::InvalidRegion {
            found: quoted(addr.region),
            country: "CA",
            expected: REGION_EXPECTED,
            suggestion: None,
        });
    };
    let city = city(addr, true)?;
    let compact: Vec<char> = addr
        .postal_code
        .chars()
        .filter(|c| !c.is_whitespace() && !is_hyphen(*c))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.is_empty() {
        return Err(AddressError::Missing {
            field: "postal_code",
            expected: POSTAL_EXPECTED,
        });
    }
    // Letters D, F, I, O, Q, U are never used; W and Z never first (Canada Post).
    let letter_ok = |c: char, first: bool| {
        c.is_ascii_uppercase()
            && !matches!(c, 'D' | 'F' | 'I' | 'O' | 'Q' | 'U')
            && !(first && matches!(c, 'W' | 'Z'))
    };
    let valid = compact.len() == 6
        && compact.iter().enumerate().all(|(i, &c)| {
            if i % 2 == 0 {
                letter_ok(c, i == 0)
            } else {
                c.is_ascii_digit()
            }
        });
    if !valid {
        return Err(AddressError::InvalidPostalCode {
            found: quoted(addr.postal_code),
            country: "CA",
            expected: POSTAL_EXPECTED,
        });
    }
    let fsa: String = compact.iter().take(3).collect();
    let ldu: String = compact.iter().skip(3).collect();
    Ok(vec![
        ("city".into(), format!("{city} {province}  {fsa} {ldu}")),
        ("country".into(), "CANADA".to_string()),
    ])
}

/// The destination's city line, then the country name alone.
fn foreign_last_lines(
    addr: &AddressInput,
    country: &'static Country,
) -> Result<Vec<(Cow<'static, str>, String)>, AddressError> {
    let city = city(addr, true)?;
    let region = clean(addr.region, true);
    let postcode = clean(addr.postal_code, true);
    let parts: Vec<&str> = match country.order {
        Order::CityFirst => vec![&city, &region, &postcode],
        Order::PostcodeFirst => vec![&postcode, &city, &region],
    };
    let line = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(vec![
        ("city".into(), line),
        ("country".into(), country.name.to_string()),
    ])
}

// ---------------------------------------------------------------------------------------------
// Delivery lines
// ---------------------------------------------------------------------------------------------

/// Outside the US: each non-blank line uppercased and cleaned, nothing moved.
fn plain_delivery_lines(lines: &[String]) -> Vec<(Cow<'static, str>, String)> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| (Cow::Owned(format!("lines[{i}]")), clean(line, true)))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// Secondary unit designators (Pub 28 Appendix C2): spelling, abbreviation, and whether the
/// designator needs a number after it.
const DESIGNATORS: &[(&str, &str, bool)] = &[
    ("APARTMENT", "APT", true),
    ("APT", "APT", true),
    ("BASEMENT", "BSMT", false),
    ("BSMT", "BSMT", false),
    ("BUILDING", "BLDG", true),
    ("BLDG", "BLDG", true),
    ("DEPARTMENT", "DEPT", true),
    ("DEPT", "DEPT", true),
    ("FLOOR", "FL", true),
    ("FLR", "FL", true),
    ("FL", "FL", true),
    ("FRONT", "FRNT", false),
    ("FRNT", "FRNT", false),
    ("HANGAR", "HNGR", true),
    ("HNGR", "HNGR", true),
    ("KEY", "KEY", true),
    ("LOBBY", "LBBY", false),
    ("LBBY", "LBBY", false),
    ("LOT", "LOT", true),
    ("LOWER", "LOWR", false),
    ("LOWR", "LOWR", false),
    ("OFFICE", "OFC", false),
    ("OFC", "OFC", false),
    ("PENTHOUSE", "PH", false),
    ("PH", "PH", false),
    ("PIER", "PIER", true),
    ("REAR", "REAR", false),
    ("ROOM", "RM", true),
    ("RM", "RM", true),
    ("SIDE", "SIDE", false),
    ("SLIP", "SLIP", true),
    ("SPACE", "SPC", true),
    ("SPC", "SPC", true),
    ("STOP", "STOP", true),
    ("SUITE", "STE", true),
    ("STE", "STE", true),
    ("TRAILER", "TRLR", true),
    ("TRLR", "TRLR", true),
    ("UNIT", "UNIT", true),
    ("UPPER", "UPPR", false),
    ("UPPR", "UPPR", false),
];

/// Street suffixes (a subset of Pub 28 Appendix C1): common spellings -> standard abbreviation.
/// A standard abbreviation is also recognized as itself.
const SUFFIXES: &[(&str, &str)] = &[
    ("ALLEY", "ALY"),
    ("ANNEX", "ANX"),
    ("ARCADE", "ARC"),
    ("AVENUE", "AVE"),
    ("AV", "AVE"),
    ("AVEN", "AVE"),
    ("AVENU", "AVE"),
    ("AVN", "AVE"),
    ("AVNUE", "AVE"),
    ("BAYOU", "BYU"),
    ("BEACH", "BCH"),
    ("BEND", "BND"),
    ("BLUFF", "BLF"),
    ("BOTTOM", "BTM"),
    ("BOULEVARD", "BLVD"),
    ("BOUL", "BLVD"),
    ("BOULV", "BLVD"),
    ("BRANCH", "BR"),
    ("BRIDGE", "BRG"),
    ("BROOK", "BRK"),
    ("BYPASS", "BYP"),
    ("CAMP", "CP"),
    ("CANYON", "CYN"),
    ("CAPE", "CPE"),
    ("CAUSEWAY", "CSWY"),
    ("CENTER", "CTR"),
    ("CENTRE", "CTR"),
    ("CENTR", "CTR"),
    ("CNTR", "CTR"),
    ("CIRCLE", "CIR"),
    ("CIRC", "CIR"),
    ("CIRCL", "CIR"),
    ("CRCL", "CIR"),
    ("CLIFF", "CLF"),
    ("CLUB", "CLB"),
    ("COMMON", "CMN"),
    ("CORNER", "COR"),
    ("CORNERS", "CORS"),
    ("COURSE", "CRSE"),
    ("COURT", "CT"),
    ("CRT", "CT"),
    ("COURTS", "CTS"),
    ("COVE", "CV"),
    ("CREEK", "CRK"),
    ("CRESCENT", "CRES"),
    ("CREST", "CRST"),
    ("CROSSING", "XING"),
    ("CROSSROAD", "XRD"),
    ("CURVE", "CURV"),
    ("DALE", "DL"),
    ("DAM", "DM"),
    ("DIVIDE", "DV"),
    ("DRIVE", "DR"),
    ("DRIV", "DR"),
    ("DRV", "DR"),
    ("ESTATE", "EST"),
    ("ESTATES", "ESTS"),
    ("EXPRESSWAY", "EXPY"),
    ("EXPRESS", "EXPY"),
    ("EXPW", "EXPY"),
    ("EXTENSION", "EXT"),
    ("FALLS", "FLS"),
    ("FERRY", "FRY"),
    ("FIELD", "FLD"),
    ("FIELDS", "FLDS"),
    ("FLAT", "FLT"),
    ("FORD", "FRD"),
    ("FOREST", "FRST"),
    ("FORGE", "FRG"),
    ("FORK", "FRK"),
    ("FORT", "FT"),
    ("FREEWAY", "FWY"),
    ("FRWY", "FWY"),
    ("GARDEN", "GDN"),
    ("GARDENS", "GDNS"),
    ("GATEWAY", "GTWY"),
    ("GLEN", "GLN"),
    ("GREEN", "GRN"),
    ("GROVE", "GRV"),
    ("HARBOR", "HBR"),
    ("HAVEN", "HVN"),
    ("HEIGHTS", "HTS"),
    ("HIGHWAY", "HWY"),
    ("HIGHWY", "HWY"),
    ("HIWAY", "HWY"),
    ("HIWY", "HWY"),
    ("HILL", "HL"),
    ("HILLS", "HLS"),
    ("HOLLOW", "HOLW"),
    ("ISLAND", "IS"),
    ("JUNCTION", "JCT"),
    ("KNOLL", "KNL"),
    ("LAKE", "LK"),
    ("LAKES", "LKS"),
    ("LANDING", "LNDG"),
    ("LANE", "LN"),
    ("LOOP", "LOOP"),
    ("MALL", "MALL"),
    ("MANOR", "MNR"),
    ("MEADOW", "MDW"),
    ("MEADOWS", "MDWS"),
    ("MILL", "ML"),
    ("MISSION", "MSN"),
    ("MOTORWAY", "MTWY"),
    ("MOUNT", "MT"),
    ("MOUNTAIN", "MTN"),
    ("ORCHARD", "ORCH"),
    ("OVAL", "OVAL"),
    ("OVERPASS", "OPAS"),
    ("PARK", "PARK"),
    ("PARKWAY", "PKWY"),
    ("PARKWY", "PKWY"),
    ("PKY", "PKWY"),
    ("PASS", "PASS"),
    ("PASSAGE", "PSGE"),
    ("PATH", "PATH"),
    ("PIKE", "PIKE"),
    ("PINE", "PNE"),
    ("PINES", "PNES"),
    ("PLACE", "PL"),
    ("PLAIN", "PLN"),
    ("PLAINS", "PLNS"),
    ("PLAZA", "PLZ"),
    ("POINT", "PT"),
    ("PORT", "PRT"),
    ("PRAIRIE", "PR"),
    ("RANCH", "RNCH"),
    ("RAPIDS", "RPDS"),
    ("RIDGE", "RDG"),
    ("RIVER", "RIV"),
    ("ROAD", "RD"),
    ("ROUTE", "RTE"),
    ("ROW", "ROW"),
    ("RUN", "RUN"),
    ("SHORE", "SHR"),
    ("SKYWAY", "SKWY"),
    ("SPRING", "SPG"),
    ("SPRINGS", "SPGS"),
    ("SQUARE", "SQ"),
    ("SQR", "SQ"),
    ("STATION", "STA"),
    ("STREET", "ST"),
    ("STR", "ST"),
    ("STRT", "ST"),
    ("SUMMIT", "SMT"),
    ("TERRACE", "TER"),
    ("TERR", "TER"),
    ("TRACE", "TRCE"),
    ("TRACK", "TRAK"),
    ("TRAIL", "TRL"),
    ("TUNNEL", "TUNL"),
    ("TURNPIKE", "TPKE"),
    ("UNDERPASS", "UPAS"),
    ("VALLEY", "VLY"),
    ("VIADUCT", "VIA"),
    ("VIEW", "VW"),
    ("VILLAGE", "VLG"),
    ("VILLE", "VL"),
    ("VISTA", "VIS"),
    ("WALK", "WALK"),
    ("WAY", "WAY"),
    ("WELLS", "WLS"),
];

/// Directionals (Pub 28 section 233).
const DIRECTIONALS: &[(&str, &str)] = &[
    ("NORTH", "N"),
    ("SOUTH", "S"),
    ("EAST", "E"),
    ("WEST", "W"),
    ("NORTHEAST", "NE"),
    ("NORTHWEST", "NW"),
    ("SOUTHEAST", "SE"),
    ("SOUTHWEST", "SW"),
];

/// Looks a word up in a (spelling, abbreviation) table, accepting the abbreviation itself.
fn lookup(table: &'static [(&'static str, &'static str)], word: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(full, abbr)| *full == word || *abbr == word)
        .map(|(_, abbr)| *abbr)
}

fn designator(word: &str) -> Option<(&'static str, bool)> {
    DESIGNATORS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|(_, abbr, range)| (*abbr, *range))
}

/// A secondary unit number: has a digit, or is a single letter (`APT B`).
fn is_unit_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

/// A fraction such as `1/2` after a house number.
fn is_fraction(word: &str) -> bool {
    word.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    })
}

/// Splits `#` off the words it is attached to: `APT#5` -> `APT # 5`.
fn split_pound(cleaned: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in cleaned.split(' ') {
        for (i, part) in word.split('#').enumerate() {
            if i > 0 {
                words.push("#".to_string());
            }
            if !part.is_empty() {
                words.push(part.to_string());
            }
        }
    }
    words
}

/// A delivery line read into its parts.
struct Delivery {
    /// Input index, for error field names.
    index: usize,
    /// The line without its secondary units (street, PO box, ...), possibly empty.
    primary: String,
    /// Secondary units, formatted (`STE 400`), to go at the end of the street line, each with
    /// the input index of the line it came from.
    units: Vec<(usize, String)>,
    /// Whether `primary` is a street line that can take secondary units.
    street: bool,
}

/// A PO box, rural route, highway contract route or military unit/box line, normalized, or
/// `None` for any other line.
fn fixed_line(words: &[String]) -> Option<String> {
    let w: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "#")
        .collect();
    let rest = |n: usize| w.get(n..).unwrap_or_default().join(" ");
    let with = |head: &str, n: usize| {
        let tail = rest(n);
        Some(if tail.is_empty() {
            head.to_string()
        } else {
            format!("{head} {tail}")
        })
    };
    match w.as_slice() {
        ["PO", "BOX", ..] | ["POB", "BOX", ..] => with("PO BOX", 2),
        ["P", "O", "BOX", ..] | ["POST", "OFFICE", "BOX", ..] => with("PO BOX", 3),
        ["POBOX", ..] | ["POB", ..] => with("PO BOX", 1),
        ["RURAL", "ROUTE" | "RTE" | "RT", ..] => with("RR", 2),
        ["RR" | "RFD", ..] => with("RR", 1),
        ["HIGHWAY" | "HWY", "CONTRACT", ..] | ["STAR", "ROUTE", ..] => with("HC", 2),
        ["HC", ..] => with("HC", 1),
        ["UNIT" | "PSC" | "CMR", ..] if w.contains(&"BOX") => Some(w.join(" ")),
        _ => None,
    }
}

/// Takes the secondary units out of a street line's words: returns the remaining words and the
/// units, formatted (`STE 400`, `# 5`, `BSMT`).
fn take_units(words: &[String]) -> (Vec<String>, Vec<String>) {
    let mut primary = Vec::new();
    let mut units = Vec::new();
    let n = words.len();
    let mut i = 0;
    while let Some(word) = words.get(i) {
        // The unit number after a designator or '#', skipping a '#' or "NO" in between.
        let number_at = |from: usize| {
            let mut j = from;
            while words
                .get(j)
                .is_some_and(|w| w == "#" || w == "NO" || w == "NUMBER")
            {
                j += 1;
            }
            words
                .get(j)
                .filter(|w| is_unit_number(w))
                .map(|w| (j, w.clone()))
        };
        if word == "#" {
            if let Some((j, number)) = number_at(i + 1) {
                units.push(format!("# {number}"));
                i = j + 1;
            } else {
                i += 1; // a stray '#' is punctuation
            }
            continue;
        }
        if let Some((abbr, needs_number)) = designator(word) {
            if let Some((j, number)) = number_at(i + 1) {
                units.push(format!("{abbr} {number}"));
                i = j + 1;
                continue;
            }
            // BSMT, FRNT, REAR, ... without a number: only alone on the line, or last after
            // the street's suffix or directional (so "100 FRONT ST" keeps its street name).
            let alone = n == 1;
            let after_street = i + 1 == n
                && i >= 2
                && words.get(i - 1).is_some_and(|p| {
                    lookup(SUFFIXES, p).is_some() || lookup(DIRECTIONALS, p).is_some()
                });
            if !needs_number && (alone || after_street) {
                units.push(abbr.to_string());
                i += 1;
                continue;
            }
        }
        primary.push(word.clone());
        i += 1;
    }
    (primary, units)
}

/// Abbreviates the suffix, post-directional and pre-directional of a street line in place,
/// each only in its own position and only when a street name remains beside it.
fn abbreviate_street(words: &mut [String]) {
    let n = words.len();
    let mut start = 0;
    if words
        .first()
        .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        start = 1;
        if words.get(1).is_some_and(|w| is_fraction(w)) {
            start = 2;
        }
    }
    if start >= n {
        return;
    }
    let mut end = n;
    // Post-directional: "MAIN ST WEST" -> "MAIN ST W" (but "100 WEST" stays).
    if end - start >= 2
        && let Some(abbr) = lookup(DIRECTIONALS, &words[end - 1])
    {
        words[end - 1] = abbr.to_string();
        end -= 1;
    }
    // Suffix: the last word of the street, when a name word precedes it.
    let mut name_end = end;
    if end - start >= 2
        && let Some(abbr) = lookup(SUFFIXES, &words[end - 1])
    {
        words[end - 1] = abbr.to_string();
        name_end = end - 1;
    }
    // Pre-directional: "NORTH MAIN ST" -> "N MAIN ST" (but "NORTH ST" stays).
    if name_end - start >= 2
        && let Some(abbr) = lookup(DIRECTIONALS, &words[start])
    {
        words[start] = abbr.to_string();
    }
}

/// US delivery lines per Publication 28. `military` keeps every line as written (cleaned).
fn us_delivery_lines(lines: &[String], military: bool) -> Vec<(Cow<'static, str>, String)> {
    let mut entries: Vec<Delivery> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let words = split_pound(&clean(line, false));
        if words.is_empty() {
            continue;
        }
        if military {
            let kept: Vec<&str> = words
                .iter()
                .map(String::as_str)
                .filter(|w| *w != "#")
                .collect();
            if !kept.is_empty() {
                entries.push(Delivery {
                    index,
                    primary: kept.join(" "),
                    units: Vec::new(),
                    street: false,
                });
            }
            continue;
        }
        if let Some(primary) = fixed_line(&words) {
            entries.push(Delivery {
                index,
                primary,
                units: Vec::new(),
                street: false,
            });
            continue;
        }
        let (mut primary, units) = take_units(&words);
        abbreviate_street(&mut primary);
        if primary.is_empty() && units.is_empty() {
            continue;
        }
        let units = units.into_iter().map(|u| (index, u)).collect();
        entries.push(Delivery {
            index,
            primary: primary.join(" "),
            units,
            street: true,
        });
    }

    // A line holding only units joins the street line before it (or, failing that, after it).
    let mut consumed = vec![false; entries.len()];
    for k in 0..entries.len() {
        let unit_only = entries[k].street && entries[k].primary.is_empty();
        if !unit_only {
            continue;
        }
        let is_target = |e: &Delivery| e.street && !e.primary.is_empty();
        let target = (0..k)
            .rev()
            .find(|&t| is_target(&entries[t]))
            .or_else(|| (k + 1..entries.len()).find(|&t| is_target(&entries[t])));
        if let Some(t) = target {
            let moved = std::mem::take(&mut entries[k].units);
            entries[t].units.extend(moved);
            consumed[k] = true;
        }
    }

    let mut out = Vec::new();
    for (entry, gone) in entries.into_iter().zip(consumed) {
        if gone {
            continue;
        }
        let field: Cow<'static, str> = Cow::Owned(format!("lines[{}]", entry.index));
        let units_field: Cow<'static, str> = match entry.units.first() {
            Some((i, _)) => Cow::Owned(format!("lines[{i}]")),
            None => field.clone(),
        };
        let units = entry
            .units
            .iter()
            .map(|(_, u)| u.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let joined = match (entry.primary.is_empty(), units.is_empty()) {
            (_, true) => entry.primary.clone(),
            (true, false) => units.clone(),
            (false, false) => format!("{} {units}", entry.primary),
        };
        // Pub 28: secondary information that does not fit on the delivery line goes on the
        // line directly above it. Nothing is cut.
        if joined.chars().count() > MAX_LINE_CHARS && !entry.primary.is_empty() && !units.is_empty()
        {
            out.push((units_field, units));
            out.push((field, entry.primary));
        } else {
            out.push((field, joined));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn us<'a>(delivery: &'a [String]) -> AddressInput<'a> {
        AddressInput {
            name: "Dana Whitfield",
            organization: None,
            lines: delivery,
            city: "Seattle",
            region: "WA",
            postal_code: "98101",
            country: "",
        }
    }

    fn delivery_line(v: &[&str]) -> String {
        let l = lines(v);
        let out = standardize(&us(&l)).unwrap();
        assert_eq!(out.len(), 3, "{out:?}");
        out[1].clone()
    }

    #[test]
    fn suite_on_its_own_line_joins_the_street_line() {
        let l = lines(&["1200 Harbor Boulevard", "Suite 400"]);
        let a = AddressInput {
            organization: Some("Northwind Trading Co."),
            postal_code: "98101-2345",
            ..us(&l)
        };
        assert_eq!(
            standardize(&a).unwrap(),
            [
                "DANA WHITFIELD",
                "NORTHWIND TRADING CO",
                "1200 HARBOR BLVD STE 400",
                "SEATTLE WA  98101-2345"
            ]
        );
    }

    #[test]
    fn suite_before_the_street_moves_to_the_end() {
        assert_eq!(
            delivery_line(&["Suite 400", "1200 Harbor Blvd."]),
            "1200 HARBOR BLVD STE 400"
        );
        assert_eq!(
            delivery_line(&["Ste. 400, 1200 Harbor Blvd"]),
            "1200 HARBOR BLVD STE 400"
        );
        assert_eq!(
            delivery_line(&["1200 Harbor Blvd.,Suite 400"]),
            "1200 HARBOR BLVD STE 400"
        );
    }

    #[test]
    fn po_box() {
        assert_eq!(delivery_line(&["P.O. Box 123"]), "PO BOX 123");
        assert_eq!(delivery_line(&["Post Office Box 123"]), "PO BOX 123");
        assert_eq!(delivery_line(&["po box #123"]), "PO BOX 123");
    }

    #[test]
    fn apartment_with_pound_sign() {
        assert_eq!(
            delivery_line(&["42 West Elm Street, Apt #5B"]),
            "42 W ELM ST APT 5B"
        );
        assert_eq!(
            delivery_line(&["42 Elm St", "Apartment 5"]),
            "42 ELM ST APT 5"
        );
        // Designator unknown: the pound sign stays, spaced as Pub 28 prints it.
        assert_eq!(
            delivery_line(&["425 Flower Blvd #72"]),
            "425 FLOWER BLVD # 72"
        );
        assert_eq!(
            delivery_line(&["#72 425 Flower Blvd"]),
            "425 FLOWER BLVD # 72"
        );
    }

    #[test]
    fn other_designators_and_directionals() {
        assert_eq!(
            delivery_line(&["100 North Main Street West", "Floor 3"]),
            "100 N MAIN ST W FL 3"
        );
        assert_eq!(
            delivery_line(&["1 Commerce Pkwy", "Building C", "Room 12"]),
            "1 COMMERCE PKWY BLDG C RM 12"
        );
        assert_eq!(
            delivery_line(&["300 Southeast Lake Road Basement"]),
            "300 SE LAKE RD BSMT"
        );
        assert_eq!(
            delivery_line(&["300 Lake Drive", "Rear"]),
            "300 LAKE DR REAR"
        );
        assert_eq!(
            delivery_line(&["9 Ocean Ave Department 7"]),
            "9 OCEAN AVE DEPT 7"
        );
    }

    #[test]
    fn street_names_that_look_like_suffixes_stay() {
        assert_eq!(delivery_line(&["100 Court Street"]), "100 COURT ST");
        assert_eq!(delivery_line(&["100 North Street"]), "100 NORTH ST");
        assert_eq!(delivery_line(&["100 Front Street"]), "100 FRONT ST");
        assert_eq!(
            delivery_line(&["500 Avenue of the Americas"]),
            "500 AVENUE OF THE AMERICAS"
        );
        assert_eq!(delivery_line(&["100 Avenue N"]), "100 AVENUE N");
        assert_eq!(delivery_line(&["One Microsoft Way"]), "ONE MICROSOFT WAY");
    }

    #[test]
    fn punctuation_numbers_and_fractions() {
        assert_eq!(delivery_line(&["123 1/2 Main St."]), "123 1/2 MAIN ST");
        assert_eq!(delivery_line(&["123-45 Queens Blvd"]), "123-45 QUEENS BLVD");
        assert_eq!(
            delivery_line(&["(12) O'Brien's Lane; rear!"]),
            "12 OBRIENS LN REAR"
        );
        assert_eq!(delivery_line(&["Rural Route 2, Box 40"]), "RR 2 BOX 40");
    }

    #[test]
    fn long_unit_goes_on_the_line_above() {
        let l = lines(&["12345 Northwest Evergreen Mountain Parkway", "Suite 1400"]);
        let out = standardize(&us(&l)).unwrap();
        assert_eq!(out[1], "STE 1400");
        assert_eq!(out[2], "12345 NW EVERGREEN MOUNTAIN PKWY");
    }

    #[test]
    fn military_apo_ae() {
        let l = lines(&["Unit 2050 Box 4190"]);
        let a = AddressInput {
            name: "SGT Pat Rivera",
            city: "apo",
            region: "ae",
            postal_code: "09096",
            ..us(&l)
        };
        assert_eq!(
            standardize(&a).unwrap(),
            ["SGT PAT RIVERA", "UNIT 2050 BOX 4190", "APO AE  09096"]
        );
        let l = lines(&["PSC 1234, Box 5678"]);
        let a = AddressInput {
            city: "FPO",
            region: "AP",
            postal_code: "96349",
            ..us(&l)
        };
        assert_eq!(standardize(&a).unwrap()[1], "PSC 1234 BOX 5678");
    }

    #[test]
    fn zip_plus_four() {
        let l = lines(&["1200 Harbor Blvd"]);
        for zip in ["98101-2345", "981012345", " 98101 - 2345 ", "98101–2345"] {
            let a = AddressInput {
                postal_code: zip,
                ..us(&l)
            };
            assert_eq!(
                standardize(&a).unwrap()[2],
                "SEATTLE WA  98101-2345",
                "{zip}"
            );
        }
    }

    #[test]
    fn territory_as_country() {
        let l = lines(&["1250 Ponce de Leon Avenue"]);
        let a = AddressInput {
            city: "San Juan",
            region: "",
            postal_code: "00907",
            country: "PR",
            ..us(&l)
        };
        assert_eq!(standardize(&a).unwrap()[2], "SAN JUAN PR  00907");
    }

    #[test]
    fn canadian() {
        let l = lines(&["111 Wellington Street"]);
        let a = AddressInput {
            name: "Jean Tremblay",
            lines: &l,
            city: "Ottawa",
            region: "on",
            postal_code: "k1a0b1",
            country: "CA",
            ..Default::default()
        };
        assert_eq!(
            standardize(&a).unwrap(),
            [
                "JEAN TREMBLAY",
                "111 WELLINGTON STREET",
                "OTTAWA ON  K1A 0B1",
                "CANADA"
            ]
        );
    }

    #[test]
    fn united_kingdom() {
        let l = lines(&["10 Downing Street"]);
        let a = AddressInput {
            name: "Alex Morgan",
            lines: &l,
            city: "London",
            postal_code: "SW1A 2AA",
            country: "gb",
            ..Default::default()
        };
        assert_eq!(
            standardize(&a).unwrap(),
            [
                "ALEX MORGAN",
                "10 DOWNING STREET",
                "LONDON SW1A 2AA",
                "UNITED KINGDOM"
            ]
        );
        let a = AddressInput { country: "UK", ..a };
        assert_eq!(standardize(&a).unwrap()[3], "UNITED KINGDOM");
    }

    #[test]
    fn german_keeps_non_ascii_letters() {
        let l = lines(&["Hauptstraße 5", "c/o Müller-Lüdenscheidt"]);
        let a = AddressInput {
            name: "Jürgen Groß",
            organization: Some("Bäckerei & Söhne GmbH"),
            lines: &l,
            city: "Köln",
            postal_code: "50667",
            country: "DE",
            ..Default::default()
        };
        assert_eq!(
            standardize(&a).unwrap(),
            [
                "JÜRGEN GROSS",
                "BÄCKEREI & SÖHNE GMBH",
                "HAUPTSTRASSE 5",
                "C/O MÜLLER-LÜDENSCHEIDT",
                "50667 KÖLN",
                "GERMANY"
            ]
        );
    }

    #[test]
    fn decomposed_accents_survive() {
        assert_eq!(clean("Saint-E\u{301}tienne", true), "SAINT-E\u{301}TIENNE");
        assert_eq!(clean("Winston-Salem", false), "WINSTON SALEM");
        assert_eq!(
            clean("c/o Jane; and/or Disco/Owl", false),
            "C/O JANE AND OR DISCO OWL"
        );
    }

    #[test]
    fn error_unknown_country() {
        let l = lines(&["1 Main St"]);
        let e = standardize(&AddressInput {
            country: "XZ",
            ..us(&l)
        })
        .unwrap_err();
        assert_eq!(e, AddressError::UnknownCountry { found: "XZ".into() });
        assert_eq!(e.field(), "country");
    }

    #[test]
    fn error_empty_name_and_no_delivery_line() {
        let l = lines(&["1 Main St"]);
        let e = standardize(&AddressInput {
            name: " .,; ",
            ..us(&l)
        })
        .unwrap_err();
        assert_eq!(e.field(), "name");
        let empty = lines(&["", "  ", ","]);
        let e = standardize(&us(&empty)).unwrap_err();
        assert!(matches!(e, AddressError::Missing { field: "lines", .. }));
        let none: Vec<String> = Vec::new();
        assert_eq!(standardize(&us(&none)).unwrap_err().field(), "lines");
    }

    #[test]
    fn error_us_zip() {
        let l = lines(&["1 Main St"]);
        for bad in ["9810", "98101-234", "ABCDE", "98101-23456", "981-012345"] {
            let e = standardize(&AddressInput {
                postal_code: bad,
                ..us(&l)
            })
            .unwrap_err();
            assert!(
                matches!(e, AddressError::InvalidPostalCode { country: "US", .. }),
                "{bad}"
            );
            assert_eq!(e.field(), "postal_code");
        }
        let e = standardize(&AddressInput {
            postal_code: "",
            ..us(&l)
        })
        .unwrap_err();
        assert!(matches!(
            e,
            AddressError::Missing {
                field: "postal_code",
                ..
            }
        ));
    }

    #[test]
    fn error_us_state() {
        let l = lines(&["1 Main St"]);
        let e = standardize(&AddressInput {
            region: "XX",
            ..us(&l)
        })
        .unwrap_err();
        assert!(matches!(
            e,
            AddressError::InvalidRegion { country: "US", .. }
        ));
        // A misspelt name is still an error, with the name it is nearest to.
        let e = standardize(&AddressInput {
            region: "Wahsington",
            ..us(&l)
        })
        .unwrap_err();
        assert_eq!(e.field(), "region");
        assert!(
            e.to_string().ends_with("; did you mean WASHINGTON (WA)?"),
            "{e}"
        );
        // A two-letter code that is no code gets no guess.
        let e = standardize(&AddressInput {
            region: "XX",
            ..us(&l)
        })
        .unwrap_err();
        assert!(!e.to_string().contains("did you mean"), "{e}");
        let e = standardize(&AddressInput {
            region: "",
            ..us(&l)
        })
        .unwrap_err();
        assert!(matches!(
            e,
            AddressError::Missing {
                field: "region",
                ..
            }
        ));
        let e = standardize(&AddressInput {
            country: "PR",
            region: "NY",
            ..us(&l)
        })
        .unwrap_err();
        assert_eq!(e.field(), "region");
    }

    #[test]
    fn state_names_standardize_to_their_codes() {
        // Issue 11: "Washington" and "new york" were refused; Publication 28 Appendix B
        // gives their codes.
        let l = lines(&["1 Main St"]);
        for (given, last) in [
            ("Washington", "SEATTLE WA  98101"),
            ("new york", "SEATTLE NY  98101"),
            ("  NEW   York ", "SEATTLE NY  98101"),
            ("District of Columbia", "SEATTLE DC  98101"),
            ("wa", "SEATTLE WA  98101"),
        ] {
            let printed = standardize(&AddressInput {
                region: given,
                ..us(&l)
            })
            .unwrap();
            assert_eq!(printed.last().map(String::as_str), Some(last), "{given:?}");
        }
        // A territory's name agrees with the territory given as country.
        let printed = standardize(&AddressInput {
            country: "PR",
            region: "Puerto Rico",
            city: "San Juan",
            postal_code: "00901",
            ..us(&l)
        })
        .unwrap();
        assert_eq!(printed.last().unwrap(), "SAN JUAN PR  00901");
        // The military "states" by name go with their post offices.
        let printed = standardize(&AddressInput {
            region: "Armed Forces Europe",
            city: "APO",
            postal_code: "09096",
            ..us(&l)
        })
        .unwrap();
        assert_eq!(printed.last().unwrap(), "APO AE  09096");
    }

    #[test]
    fn every_appendix_b_name_has_a_valid_code_and_every_code_a_name() {
        for (name, code) in US_REGION_NAMES {
            assert!(US_REGIONS.contains(code), "{name} {code}");
        }
        for code in US_REGIONS {
            assert!(
                US_REGION_NAMES.iter().any(|(_, c)| c == code),
                "{code} has no name"
            );
        }
    }

    #[test]
    fn error_empty_city() {
        let l = lines(&["1 Main St"]);
        let e = standardize(&AddressInput { city: "", ..us(&l) }).unwrap_err();
        assert!(matches!(e, AddressError::Missing { field: "city", .. }));
    }

    #[test]
    fn error_military_mismatch() {
        let l = lines(&["Unit 2050 Box 4190"]);
        let e = standardize(&AddressInput {
            region: "AE",
            ..us(&l)
        })
        .unwrap_err();
        assert_eq!(
            e,
            AddressError::MilitaryCity {
                found: "Seattle".into(),
                region: "AE"
            }
        );
        assert_eq!(e.field(), "city");
        let e = standardize(&AddressInput {
            city: "APO",
            region: "NY",
            ..us(&l)
        })
        .unwrap_err();
        assert_eq!(
            e,
            AddressError::MilitaryRegion {
                found: "NY".into(),
                city: "APO"
            }
        );
        assert_eq!(e.field(), "region");
    }

    #[test]
    fn error_canadian_province_and_postal_code() {
        let l = lines(&["111 Wellington St"]);
        let base = AddressInput {
            name: "Jean Tremblay",
            lines: &l,
            city: "Ottawa",
            region: "ON",
            postal_code: "K1A 0B1",
            country: "CA",
            ..Default::default()
        };
        let e = standardize(&AddressInput {
            region: "ONT",
            ..base.clone()
        })
        .unwrap_err();
        assert!(matches!(
            e,
            AddressError::InvalidRegion { country: "CA", .. }
        ));
        let e = standardize(&AddressInput {
            region: "",
            ..base.clone()
        })
        .unwrap_err();
        assert_eq!(e.field(), "region");
        for bad in ["K1A 0B", "12345", "KIA 0B1", "W1A 0B1", "K1A 0D1"] {
            let e = standardize(&AddressInput {
                postal_code: bad,
                ..base.clone()
            })
            .unwrap_err();
            assert!(
                matches!(e, AddressError::InvalidPostalCode { country: "CA", .. }),
                "{bad}"
            );
        }
        let e = standardize(&AddressInput {
            postal_code: "",
            ..base
        })
        .unwrap_err();
        assert_eq!(e.field(), "postal_code");
    }

    #[test]
    fn error_line_too_long_names_the_field() {
        let l = lines(&[
            "1 Main St",
            "Building 1234567890123456789012345678901234567",
        ]);
        let e = standardize(&us(&l)).unwrap_err();
        assert!(matches!(&e, AddressError::LineTooLong { field, .. } if field == "lines[1]"));
        // 41 characters after abbreviation: an error, not a squeeze.
        let l = lines(&[
            "Suite 2",
            "123456 Northwest Evergreen Mountain Meadows Parkway",
        ]);
        let e = standardize(&us(&l)).unwrap_err();
        assert!(
            matches!(&e, AddressError::LineTooLong { field, len: 41, .. } if field == "lines[1]")
        );
        let long_name = "N".repeat(MAX_LINE_CHARS + 1);
        let l = lines(&["1 Main St"]);
        let e = standardize(&AddressInput {
            name: &long_name,
            ..us(&l)
        })
        .unwrap_err();
        assert_eq!(e.field(), "name");
        assert!(e.to_string().contains("41 characters"));
        // Exactly the limit is fine.
        let name = "N".repeat(MAX_LINE_CHARS);
        assert!(
            standardize(&AddressInput {
                name: &name,
                ..us(&l)
            })
            .is_ok()
        );
        let city = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
        let e = standardize(&AddressInput { city, ..us(&l) }).unwrap_err();
        assert_eq!(e.field(), "city");
    }

    #[test]
    fn error_right_to_left_and_other_scripts() {
        let lines = vec!["1 Main St".to_string()];
        let a = AddressInput {
            name: "مرحبا",
            lines: &lines,
            city: "Seattle",
            region: "WA",
            postal_code: "98101",
            country: "US",
            ..Default::default()
        };
        let err = standardize(&a).unwrap_err();
        assert_eq!(err.field(), "name");
        let b = AddressInput {
            name: "Ada 漢字",
            ..a.clone()
        };
        assert_eq!(standardize(&b).unwrap_err().field(), "name");
        let c = AddressInput {
            name: "Ωμέγα Жук Ädå",
            ..a
        };
        assert!(standardize(&c).is_ok());
    }

    #[test]
    fn error_too_many_lines() {
        let l = lines(&["Attn Receiving", "Dock 4", "1 Main St", "Mail Code 7"]);
        let a = AddressInput {
            organization: Some("Northwind"),
            ..us(&l)
        };
        assert_eq!(
            standardize(&a).unwrap_err(),
            AddressError::TooManyLines {
                count: 7,
                max: MAX_LINES
            }
        );
    }

    #[test]
    fn routing_zip_is_domestic_digits_only() {
        assert_eq!(
            routing_zip("US", "98101-2345").unwrap().as_deref(),
            Some("981012345")
        );
        assert_eq!(routing_zip("", "98101").unwrap().as_deref(), Some("98101"));
        assert_eq!(
            routing_zip("pr", "00907").unwrap().as_deref(),
            Some("00907")
        );
        assert_eq!(routing_zip("CA", "K1A 0B1").unwrap(), None);
        assert_eq!(routing_zip("GB", "SW1A 2AA").unwrap(), None);
        assert_eq!(
            routing_zip("US", "9810").unwrap_err().field(),
            "postal_code"
        );
        assert_eq!(routing_zip("US", "").unwrap_err().field(), "postal_code");
        assert_eq!(routing_zip("XZ", "98101").unwrap_err().field(), "country");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let huge = "é.#-/'".repeat(10_000);
        let odd = lines(&[
            "#",
            "-",
            "/",
            "1/",
            "/2",
            "#-#",
            "\u{0}\u{7f}",
            "🏠 12 Main",
            &huge,
            "ß",
            "\u{301}",
        ]);
        for country in ["", "US", "CA", "GB", "DE", "JP", "??", "ééé", &huge] {
            let a = AddressInput {
                name: &huge,
                organization: Some(&huge),
                lines: &odd,
                city: &huge,
                region: &huge,
                postal_code: &huge,
                country,
            };
            assert!(standardize(&a).is_err());
            assert!(
                standardize(&AddressInput {
                    country,
                    ..Default::default()
                })
                .is_err()
            );
            let _ = standardize(&AddressInput {
                name: "x",
                lines: &odd,
                country,
                ..Default::default()
            });
        }
        for s in [
            "#", "# #", "APT", "APT #", "SUITE NO", "REAR", "1", "1/2", "N", "PO", "UNIT BOX",
        ] {
            let l = lines(&[s]);
            let _ = standardize(&us(&l));
        }
    }
}
