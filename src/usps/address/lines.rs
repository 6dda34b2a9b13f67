//! The last lines of an address: city, state and ZIP for the US (and its territories and
//! military addresses), Canada's province and postal code, and the country line abroad.

use super::*;

/// How the last lines of an address abroad are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// `CITY REGION POSTCODE` (UK, Ireland, Australia, most of Asia and the Americas).
    CityFirst,
    /// `POSTCODE CITY REGION` (continental Europe and others).
    PostcodeFirst,
}

/// A destination country: ISO alpha-2 code, English name as printed, last-line order.
pub(super) struct Country {
    code: &'static str,
    name: &'static str,
    order: Order,
}

pub(super) const fn country(code: &'static str, name: &'static str, order: Order) -> Country {
    Country { code, name, order }
}

use Order::{CityFirst as C, PostcodeFirst as P};

/// Countries docket can address. Names are the common English short names, in capitals, as the
/// IMM asks for the last line.
pub(super) static COUNTRIES: &[Country] = &[
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
pub(super) const DOMESTIC_AREAS: &[&str] = &["PR", "GU", "VI", "AS", "MP", "FM", "MH", "PW"];

/// Two-letter codes valid on a domestic last line: 50 states, DC, territories, freely
/// associated states and the military "states" (Pub 28 Appendix B).
pub(super) const US_REGIONS: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI", "FM", "MH", "PW", "AA", "AE", "AP",
];

/// The names of the states, DC and possessions (Appendix B-1) and of the military "states"
/// (B-2), as USPS Publication 28 Appendix B lists them, with their codes. Names are matched
/// in any case and spacing ([`region_name`]); the printed last line always has the code.
pub(super) const US_REGION_NAMES: &[(&str, &str)] = &[
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
pub(super) fn region_name(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.replace('.', "").to_uppercase())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The code of a US state, DC, possession or military "state" given by its name.
pub(super) fn us_region_by_name(region: &str) -> Option<&'static str> {
    let name = region_name(region);
    US_REGION_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, code)| *code)
}

/// The name (and code) an unknown region is a likely typo of: the nearest name by edit
/// distance, within a third of its length. A two-letter region is a code, not a name, and
/// gets no suggestion: every code is one letter away from several others.
pub(super) fn us_region_suggestion(region: &str) -> Option<(&'static str, &'static str)> {
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
pub(super) const MILITARY_REGIONS: &[&str] = &["AA", "AE", "AP"];
/// Military post offices: Army/Air Force, Fleet, Diplomatic.
pub(super) const MILITARY_CITIES: &[&str] = &["APO", "FPO", "DPO"];

/// Canadian provinces and territories (Canada Post).
pub(super) const CA_PROVINCES: &[&str] = &[
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];

/// Where the mail goes, which decides the rules.
#[derive(Clone, Copy)]
pub(super) enum Destination {
    /// US domestic mail; `territory` is set when the country code was a territory's.
    Domestic {
        territory: Option<&'static str>,
    },
    Canada,
    Abroad(&'static Country),
}

pub(super) fn destination(country_field: &str) -> Result<Destination, AddressError> {
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
pub(super) fn city(addr: &AddressInput, word_hyphens: bool) -> Result<String, AddressError> {
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
pub(super) fn us_last_line(
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
pub(super) fn zip(raw: &str) -> Result<String, AddressError> {
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
pub(super) fn canada_last_lines(
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
pub(super) fn foreign_last_lines(
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
pub(super) fn plain_delivery_lines(lines: &[String]) -> Vec<(Cow<'static, str>, String)> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| (Cow::Owned(format!("lines[{i}]")), clean(line, true)))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// The locality line of an address as a document (not an envelope) prints it, in the case it
/// was written: `Seattle, WA 98101` and `Ottawa, ON K1A 0B1` in North America, then the
/// destination's own order elsewhere, `10115 Berlin` and `75008 Paris` where the postal code
/// comes first, `London SW1A 1AA` where it follows (countries docket does not list: city
/// first).
pub fn locality_line(country: &str, city: &str, region: &str, postal_code: &str) -> String {
    let code = country.trim().to_ascii_uppercase();
    let order = COUNTRIES
        .iter()
        .find(|c| c.code == code)
        .map_or(Order::CityFirst, |c| c.order);
    let (city, region, postal) = (city.trim(), region.trim(), postal_code.trim());
    if matches!(code.as_str(), "US" | "CA" | "") {
        let mut line = city.to_string();
        if !region.is_empty() {
            line.push_str(", ");
            line.push_str(region);
        }
        if !postal.is_empty() {
            line.push(' ');
            line.push_str(postal);
        }
        return line;
    }
    let parts = match order {
        Order::CityFirst => [city, region, postal],
        Order::PostcodeFirst => [postal, city, region],
    };
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
