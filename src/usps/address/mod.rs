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

mod clean;
mod delivery;
mod lines;

use clean::*;
use delivery::*;
pub use lines::locality_line;
use lines::*;

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

#[cfg(test)]
mod tests;
