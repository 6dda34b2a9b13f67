//! Standardizing delivery lines (Publication 28): street suffixes, directionals and
//! secondary unit designators abbreviated, units and fractions placed as USPS prints them.

use super::*;

/// Secondary unit designators (Pub 28 Appendix C2): spelling, abbreviation, and whether the
/// designator needs a number after it.
pub(super) const DESIGNATORS: &[(&str, &str, bool)] = &[
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
pub(super) const SUFFIXES: &[(&str, &str)] = &[
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
pub(super) const DIRECTIONALS: &[(&str, &str)] = &[
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
pub(super) fn lookup(
    table: &'static [(&'static str, &'static str)],
    word: &str,
) -> Option<&'static str> {
    table
        .iter()
        .find(|(full, abbr)| *full == word || *abbr == word)
        .map(|(_, abbr)| *abbr)
}

pub(super) fn designator(word: &str) -> Option<(&'static str, bool)> {
    DESIGNATORS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|(_, abbr, range)| (*abbr, *range))
}

/// A secondary unit number: has a digit, or is a single letter (`APT B`).
pub(super) fn is_unit_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

/// A fraction such as `1/2` after a house number.
pub(super) fn is_fraction(word: &str) -> bool {
    word.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    })
}

/// Splits `#` off the words it is attached to: `APT#5` -> `APT # 5`.
pub(super) fn split_pound(cleaned: &str) -> Vec<String> {
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
pub(super) struct Delivery {
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
pub(super) fn fixed_line(words: &[String]) -> Option<String> {
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
pub(super) fn take_units(words: &[String]) -> (Vec<String>, Vec<String>) {
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
pub(super) fn abbreviate_street(words: &mut [String]) {
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
pub(super) fn us_delivery_lines(
    lines: &[String],
    military: bool,
) -> Vec<(Cow<'static, str>, String)> {
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
