//! Intelligent Mail barcode (IMb) encoder, after USPS-B-3200 ("Intelligent Mail Barcode 4-State
//! Specification").
//!
//! Why this exists: automation-rate letter mail carries a 65-bar, four-state IMb in the barcode
//! clear zone of the envelope, and docket prints #10 envelopes itself. A wrong barcode is worse
//! than none (the piece is misrouted or rejected at automation rates), so the encoder is exact:
//! it follows the specification step by step and is checked against the specification's own
//! appendix examples.
//!
//! The steps (USPS-B-3200 section 2.2):
//! 1. the routing code (0, 5, 9 or 11 digits) becomes an integer, plus 0, 1, 100001 or
//!    1000100001 by its length, and the 20 tracking digits are folded in (x10 for the first
//!    digit, x5 for the second, which is 0-4, x10 for each of the other 18);
//! 2. an 11-bit CRC frame check sequence (generator 0xF35, preset 0x7FF) is taken over the
//!    102-bit value as 13 big-endian bytes, skipping the two top bits of the first byte;
//! 3. the value is split into ten codewords A..J (J modulo 636, then I..B modulo 1365, A the
//!    quotient left, 0..=658);
//! 4. J is doubled (orientation) and A gets 659 added when FCS bit 10 is set;
//! 5. each codeword picks a 13-bit character from the 5-of-13 table (codewords 0..1287) or
//!    the 2-of-13 table (1287..1365), both generated here as the specification describes;
//!    character *i* (A = 0) is inverted when FCS bit *i* is set;
//! 6. each of the 65 bars takes one bit of one character for its descender and one for its
//!    ascender, per the specification's bar-to-character table (a constant below).
//!
//! A bar is written as `F` (full: ascender and descender), `A` (ascender only), `D` (descender
//! only) or `T` (tracker: neither). Index 0 of the returned string is the leftmost bar.
//!
//! Arithmetic: the combined value is below 2^102, so `u128` holds it with no big-integer crate.

/// Why an input could not be encoded. Every variant names the offending field
/// (`tracking`, `routing`, `barcode_id`, `service_type`, `mailer_id` or `serial`) and what was
/// expected of it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImbError {
    /// The field has the wrong number of characters.
    #[error("{field} must be {expected}, got {found} characters")]
    WrongLength {
        /// The field's name.
        field: &'static str,
        /// The accepted length(s), in words, e.g. `"20 digits"` or `"0, 5, 9 or 11 digits"`.
        expected: &'static str,
        /// How many characters (Unicode scalar values) the field had.
        found: usize,
    },
    /// The field has a character other than an ASCII digit `0`-`9`.
    #[error("{field} must contain only the digits 0-9, found {found:?} at position {position}")]
    NotDigit {
        /// The field's name.
        field: &'static str,
        /// 0-based character position of the first offending character.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The second digit of the barcode identifier is 5-9; USPS-B-3200 allows only 0-4.
    #[error("{field}: the second digit of the barcode id must be 0-4, found {found:?}")]
    BarcodeIdSecondDigit {
        /// `"barcode_id"`, or `"tracking"` when the whole tracking code was given.
        field: &'static str,
        /// The offending digit.
        found: char,
    },
    /// A 6-digit mailer id starting with 9, or a 9-digit one not starting with 9.
    #[error("mailer_id {found:?}: expected 6 digits starting with 0-8 or 9 digits starting with 9")]
    MailerIdPrefix {
        /// The mailer id as given.
        found: String,
    },
}

impl ImbError {
    /// The input field at fault (`tracking`, `routing`, `barcode_id`, `service_type`,
    /// `mailer_id` or `serial`), so callers can point at the data that holds it.
    pub fn field(&self) -> &'static str {
        match self {
            Self::WrongLength { field, .. }
            | Self::NotDigit { field, .. }
            | Self::BarcodeIdSecondDigit { field, .. } => field,
            Self::MailerIdPrefix { .. } => "mailer_id",
        }
    }
}

/// Number of bars in an Intelligent Mail barcode.
pub const BAR_COUNT: usize = 65;

/// Size of the 5-of-13 character table: C(13,5).
const TABLE5_LEN: usize = 1287;
/// Size of the 2-of-13 character table: C(13,2).
const TABLE2_LEN: usize = 78;

/// Codewords 0..1287 index the 5-of-13 table; 1287..1365 the 2-of-13 table.
static TABLE_5_OF_13: [u16; TABLE5_LEN] = n_of_13_table::<TABLE5_LEN>(5);
static TABLE_2_OF_13: [u16; TABLE2_LEN] = n_of_13_table::<TABLE2_LEN>(2);

/// Reverses the low 13 bits of `x`.
const fn reverse13(x: u16) -> u16 {
    let mut r = 0u16;
    let mut i = 0;
    while i < 13 {
        r = (r << 1) | ((x >> i) & 1);
        i += 1;
    }
    r
}

/// Generates the N-of-13 character table as USPS-B-3200 describes it: walk the 13-bit values in
/// ascending order, keep those with exactly `n` bits set; a value whose bit-reversal is larger is
/// stored with its reversal at the next two free places from the start; a palindrome is stored at
/// the next free place from the end; a value whose reversal is smaller was already stored.
/// Evaluated at compile time, so a wrong `LEN` fails the build rather than panicking.
const fn n_of_13_table<const LEN: usize>(n: u32) -> [u16; LEN] {
    let mut table = [0u16; LEN];
    let mut lower = 0usize;
    let mut upper = LEN - 1;
    let mut count: u16 = 0;
    while count < 8192 {
        if count.count_ones() == n {
            let reverse = reverse13(count);
            if reverse == count {
                table[upper] = count;
                upper = upper.wrapping_sub(1);
            } else if reverse > count {
                table[lower] = count;
                table[lower + 1] = reverse;
                lower += 2;
            }
        }
        count += 1;
    }
    table
}

/// The bar-to-character table of USPS-B-3200 (Appendix, "Bar to Character Mapping"): for each
/// bar, left to right, the character (A-J) and bit (0-12) that drive its descender, then the
/// character and bit that drive its ascender.
#[rustfmt::skip]
const BAR_TABLE: [(u8, u8, u8, u8); BAR_COUNT] = [
    (b'H', 2, b'E', 3), (b'B', 10, b'A', 0), (b'J', 12, b'C', 8), (b'F', 5, b'G', 11),
    (b'I', 9, b'D', 1), (b'A', 1, b'F', 12), (b'C', 5, b'B', 8), (b'E', 4, b'J', 11),
    (b'G', 3, b'I', 10), (b'D', 9, b'H', 6), (b'F', 11, b'B', 4), (b'I', 5, b'C', 12),
    (b'J', 10, b'A', 2), (b'H', 1, b'G', 7), (b'D', 6, b'E', 9), (b'A', 3, b'I', 6),
    (b'G', 4, b'C', 7), (b'B', 1, b'J', 9), (b'H', 10, b'F', 2), (b'E', 0, b'D', 8),
    (b'G', 2, b'A', 4), (b'I', 11, b'B', 0), (b'J', 8, b'D', 12), (b'C', 6, b'H', 7),
    (b'F', 1, b'E', 10), (b'B', 12, b'G', 9), (b'H', 3, b'I', 0), (b'F', 8, b'J', 7),
    (b'E', 6, b'C', 10), (b'D', 4, b'A', 5), (b'I', 4, b'F', 7), (b'H', 11, b'B', 9),
    (b'G', 0, b'J', 6), (b'A', 6, b'E', 8), (b'C', 1, b'D', 2), (b'F', 9, b'I', 12),
    (b'E', 11, b'G', 1), (b'J', 5, b'H', 4), (b'D', 3, b'B', 2), (b'A', 7, b'C', 0),
    (b'B', 3, b'E', 1), (b'G', 10, b'D', 5), (b'I', 7, b'J', 4), (b'C', 11, b'F', 6),
    (b'A', 8, b'H', 12), (b'E', 2, b'I', 1), (b'F', 10, b'D', 0), (b'J', 3, b'A', 9),
    (b'G', 5, b'C', 4), (b'H', 8, b'B', 7), (b'F', 0, b'E', 5), (b'C', 3, b'A', 10),
    (b'G', 12, b'J', 2), (b'D', 11, b'B', 6), (b'I', 8, b'H', 9), (b'F', 4, b'A', 11),
    (b'B', 5, b'C', 2), (b'J', 1, b'E', 12), (b'I', 3, b'G', 6), (b'H', 0, b'D', 7),
    (b'E', 7, b'H', 5), (b'A', 12, b'B', 11), (b'C', 9, b'J', 0), (b'G', 8, b'F', 3),
    (b'D', 10, b'I', 2),
];

/// Checks that `value` is all ASCII digits and has one of the `allowed` lengths; returns the
/// digit values.
fn digits(
    field: &'static str,
    value: &str,
    allowed: &[usize],
    expected: &'static str,
) -> Result<Vec<u8>, ImbError> {
    let found = value.chars().count();
    if !allowed.contains(&found) {
        return Err(ImbError::WrongLength {
            field,
            expected,
            found,
        });
    }
    value
        .chars()
        .enumerate()
        .map(|(position, c)| match c.to_digit(10) {
            // to_digit(10) accepts only ASCII '0'..='9'.
            Some(d) => Ok(d as u8),
            None => Err(ImbError::NotDigit {
                field,
                position,
                found: c,
            }),
        })
        .collect()
}

/// The 11-bit CRC of USPS-B-3200 over the 102-bit value held in 13 big-endian bytes: generator
/// polynomial 0xF35, preset 0x7FF, the two most significant bits of the first byte skipped.
fn crc11(bytes: &[u8; 13]) -> u16 {
    const GENERATOR: u16 = 0x0F35;
    let mut fcs: u16 = 0x07FF;
    let mut step = |data: &mut u16| {
        fcs = if (fcs ^ *data) & 0x400 != 0 {
            (fcs << 1) ^ GENERATOR
        } else {
            fcs << 1
        };
        fcs &= 0x7FF;
        *data <<= 1;
    };
    // First byte: bits 5..0 only, aligned with bit 10 of the FCS.
    let mut data = u16::from(bytes[0]) << 5;
    for _ in 2..8 {
        step(&mut data);
    }
    for &byte in &bytes[1..] {
        let mut data = u16::from(byte) << 3;
        for _ in 0..8 {
            step(&mut data);
        }
    }
    fcs
}

/// Encodes a 20-digit tracking code and a 0/5/9/11-digit routing code into the 65 bars, as a
/// String of `'A'`, `'D'`, `'F'`, `'T'` (index 0 = leftmost bar).
///
/// `tracking` is barcode id (2 digits, second 0-4) + service type (3) + mailer id (6 or 9) +
/// serial (9 or 6); build it with [`tracking_code`] to have each part checked. `routing` is
/// empty, a ZIP (5 digits), ZIP+4 (9) or ZIP+4+delivery point (11), digits only (no hyphen).
///
/// # Errors
/// [`ImbError::WrongLength`] or [`ImbError::NotDigit`] for a malformed `tracking` or
/// `routing`; [`ImbError::BarcodeIdSecondDigit`] when the tracking code's second digit is 5-9.
pub fn encode(tracking: &str, routing: &str) -> Result<String, ImbError> {
    let tracking_digits = digits("tracking", tracking, &[20], "20 digits")?;
    let routing_digits = digits("routing", routing, &[0, 5, 9, 11], "0, 5, 9 or 11 digits")?;
    if let Some(&second) = tracking_digits.get(1)
        && second > 4
    {
        return Err(ImbError::BarcodeIdSecondDigit {
            field: "tracking",
            found: char::from(b'0' + second),
        });
    }

    let value = binary_value(&tracking_digits, &routing_digits);
    let fcs = crc11(&value_bytes(value));
    let codewords = oriented(codewords(value), fcs);
    Ok(bars(&characters(&codewords, fcs)))
}

/// Step 1: the routing code as an integer plus its length offset, with the tracking digits
/// folded in. Below 2^102 for every input `encode` accepts.
fn binary_value(tracking_digits: &[u8], routing_digits: &[u8]) -> u128 {
    let mut value: u128 = routing_digits
        .iter()
        .fold(0u128, |acc, &d| acc * 10 + u128::from(d));
    value += match routing_digits.len() {
        0 => 0,
        5 => 1,
        9 => 100_001,
        _ => 1_000_100_001, // 11, the only other length `digits` lets through
    };
    for (i, &d) in tracking_digits.iter().enumerate() {
        let radix = if i == 1 { 5 } else { 10 };
        value = value * radix + u128::from(d);
    }
    value
}

/// The value as the 13 big-endian bytes the CRC runs over (104 bits; the value fits in 102).
fn value_bytes(value: u128) -> [u8; 13] {
    let be = value.to_be_bytes();
    let mut bytes = [0u8; 13];
    bytes.copy_from_slice(&be[3..]);
    bytes
}

/// Step 3: the ten codewords A..J (index 0 is A): J = value mod 636, then I..B mod 1365, A the
/// quotient left over.
fn codewords(mut value: u128) -> [u16; 10] {
    let mut codewords = [0u16; 10];
    codewords[9] = (value % 636) as u16;
    value /= 636;
    for slot in codewords[1..9].iter_mut().rev() {
        *slot = (value % 1365) as u16;
        value /= 1365;
    }
    // What is left is below 659 for every valid input (the largest 102-bit value was chosen
    // so); `min` keeps the later table look-up in range by construction, not by luck.
    codewords[0] = value.min(658) as u16;
    codewords
}

/// Step 4: J doubled (orientation), and A plus 659 when FCS bit 10 is set.
fn oriented(mut codewords: [u16; 10], fcs: u16) -> [u16; 10] {
    codewords[9] *= 2;
    if fcs & (1 << 10) != 0 {
        codewords[0] += 659;
    }
    codewords
}

/// Step 5: each codeword's 13-bit character, inverted where the matching FCS bit (0 for A ..
/// 9 for J) is set.
fn characters(codewords: &[u16; 10], fcs: u16) -> [u16; 10] {
    let mut characters = [0u16; 10];
    for (i, (character, &codeword)) in characters.iter_mut().zip(codewords).enumerate() {
        let c = usize::from(codeword);
        let base = if c < TABLE5_LEN {
            TABLE_5_OF_13[c]
        } else {
            // Oriented codewords never exceed 1364 (A <= 658 + 659, B..I < 1365, J <= 1270).
            TABLE_2_OF_13[(c - TABLE5_LEN).min(TABLE2_LEN - 1)]
        };
        *character = if fcs & (1 << i) != 0 {
            !base & 0x1FFF
        } else {
            base
        };
    }
    characters
}

/// Step 6: the 65 bars from the characters, via the bar-to-character table.
fn bars(characters: &[u16; 10]) -> String {
    let bit =
        |letter: u8, bit: u8| -> bool { (characters[usize::from(letter - b'A')] >> bit) & 1 == 1 };
    BAR_TABLE
        .iter()
        .map(|&(desc_char, desc_bit, asc_char, asc_bit)| {
            match (bit(asc_char, asc_bit), bit(desc_char, desc_bit)) {
                (true, true) => 'F',
                (true, false) => 'A',
                (false, true) => 'D',
                (false, false) => 'T',
            }
        })
        .collect()
}

/// The serial an envelope's data writes to have the print run assign it
/// (`crate::record::serials`).
pub const NEXT_SERIAL: &str = "next";

/// The width of a serial for a mailer id: 9 digits with a 6-digit id, 6 with a 9-digit one
/// (the tracking code's 15 digits less barcode id, service type and mailer id).
pub fn serial_width(mailer_id: &str) -> usize {
    if mailer_id.len() == 9 { 6 } else { 9 }
}

/// Builds the 20-digit tracking code from its parts, validating each: barcode id 2 digits with
/// the second 0-4, service type 3 digits, mailer id 6 digits starting 0-8 or 9 digits starting
/// 9, serial 9 digits for a 6-digit mailer id or 6 digits for a 9-digit one.
///
/// # Errors
/// [`ImbError::WrongLength`] / [`ImbError::NotDigit`] naming the part, plus
/// [`ImbError::BarcodeIdSecondDigit`] and [`ImbError::MailerIdPrefix`].
pub fn tracking_code(
    barcode_id: &str,
    service_type: &str,
    mailer_id: &str,
    serial: &str,
) -> Result<String, ImbError> {
    let id = digits("barcode_id", barcode_id, &[2], "2 digits")?;
    if let Some(&second) = id.get(1)
        && second > 4
    {
        return Err(ImbError::BarcodeIdSecondDigit {
            field: "barcode_id",
            found: char::from(b'0' + second),
        });
    }
    digits("service_type", service_type, &[3], "3 digits")?;
    let mailer = digits("mailer_id", mailer_id, &[6, 9], "6 or 9 digits")?;
    let starts_with_nine = mailer.first() == Some(&9);
    if starts_with_nine != (mailer.len() == 9) {
        return Err(ImbError::MailerIdPrefix {
            found: mailer_id.to_string(),
        });
    }
    if mailer.len() == 9 {
        digits("serial", serial, &[6], "6 digits with a 9-digit mailer_id")?;
    } else {
        digits("serial", serial, &[9], "9 digits with a 6-digit mailer_id")?;
    }
    Ok(format!("{barcode_id}{service_type}{mailer_id}{serial}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRACKING: &str = "01234567094987654321";

    /// The note in shared/notes/usps-envelope.md prints this vector with 66 letters (an extra
    /// `D` after `...TDFFTD`); the specification's example, like USPS's own reference encoder
    /// self-test, has the 65 below.
    #[test]
    fn appendix_vector_no_routing() {
        assert_eq!(
            encode(TRACKING, "").unwrap(),
            "ATTFATTDTTADTAATTDTDTATTDAFDDFADFDFTFFFFFTATFAAAATDFFTDAADFTFDTDT"
        );
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02X}")).collect()
    }

    /// USPS-B-3200 Appendix C's intermediate values: binary data, FCS and codewords, for all
    /// four routing codes, so a break says which step broke.
    #[test]
    fn appendix_intermediate_steps() {
        let cases: [(&str, &str, u16, [u16; 10]); 4] = [
            (
                "",
                "00000000001122103B5C2004B1",
                0x051,
                [0, 0, 0, 0, 559, 202, 508, 451, 124, 17],
            ),
            (
                "01234",
                "0000000D138A87BAB5CF3804B1",
                0x065,
                [0, 0, 15, 14, 290, 567, 385, 48, 388, 333],
            ),
            (
                "012345678",
                "000202BDC097711204D21804B1",
                0x606,
                [0, 110, 1113, 1363, 198, 413, 470, 468, 1333, 513],
            ),
            (
                "01234567891",
                "016907B2A24ABC16A2E5C004B1",
                0x751,
                [14, 787, 607, 1022, 861, 19, 816, 1294, 35, 301],
            ),
        ];
        let t = digits("tracking", TRACKING, &[20], "20 digits").unwrap();
        for (routing, binary, fcs, words) in cases {
            let r = digits("routing", routing, &[0, 5, 9, 11], "").unwrap();
            let value = binary_value(&t, &r);
            assert_eq!(
                hex(&value_bytes(value)),
                binary,
                "binary data, routing {routing:?}"
            );
            assert_eq!(crc11(&value_bytes(value)), fcs, "FCS, routing {routing:?}");
            assert_eq!(codewords(value), words, "codewords, routing {routing:?}");
        }
        // Steps 4 and 5 on the 11-digit example, the one whose characters the spec prints.
        let r = digits("routing", "01234567891", &[11], "").unwrap();
        let value = binary_value(&t, &r);
        let fcs = crc11(&value_bytes(value));
        let words = oriented(codewords(value), fcs);
        assert_eq!(words, [673, 787, 607, 1022, 861, 19, 816, 1294, 35, 602]);
        assert_eq!(
            characters(&words, 0),
            [
                0x1234, 0x085C, 0x08E4, 0x0B06, 0x1922, 0x1740, 0x0839, 0x1200, 0x0DC0, 0x04D4
            ]
        );
        assert_eq!(
            characters(&words, fcs),
            [
                0x0DCB, 0x085C, 0x08E4, 0x0B06, 0x06DD, 0x1740, 0x17C6, 0x1200, 0x123F, 0x1B2B
            ]
        );
    }

    #[test]
    fn appendix_vector_zip5() {
        assert_eq!(
            encode(TRACKING, "01234").unwrap(),
            "DTTAFADDTTFTDTFTFDTDDADADAFADFATDDFTAAAFDTTADFAAATDFDTDFADDDTDFFT"
        );
    }

    #[test]
    fn appendix_vector_zip9() {
        assert_eq!(
            encode(TRACKING, "012345678").unwrap(),
            "ADFTTAFDTTTTFATTADTAAATFTFTATDAAAFDDADATATDTDTTDFDTDATADADTDFFTFA"
        );
    }

    #[test]
    fn appendix_vector_zip11() {
        assert_eq!(
            encode(TRACKING, "01234567891").unwrap(),
            "AADTFFDFTDADTAADAATFDTDDAAADDTDTTDAFADADDDTFFFDDTTTADFAAADFTDAADA"
        );
    }

    #[test]
    fn tables_have_the_specified_shape() {
        // 5-of-13: first entries per the spec's Table III; 2-of-13: Table IV.
        assert_eq!(&TABLE_5_OF_13[..4], &[0x001F, 0x1F00, 0x002F, 0x1E80]);
        assert_eq!(&TABLE_2_OF_13[..4], &[0x0003, 0x1800, 0x0005, 0x1400]);
        // Anchors printed in the spec: the last 5-of-13 entry, codeword 673, 2-of-13 entry 7.
        assert_eq!(TABLE_5_OF_13[1286], 0b0_0001_1111_0000);
        assert_eq!(TABLE_5_OF_13[673], 0x1234);
        assert_eq!(TABLE_2_OF_13[7], 0x1200);
        assert!(
            TABLE_5_OF_13
                .iter()
                .all(|c| c.count_ones() == 5 && *c < 8192)
        );
        assert!(
            TABLE_2_OF_13
                .iter()
                .all(|c| c.count_ones() == 2 && *c < 8192)
        );
        let mut all5 = TABLE_5_OF_13.to_vec();
        all5.sort_unstable();
        all5.dedup();
        assert_eq!(all5.len(), TABLE5_LEN);
        let mut all2 = TABLE_2_OF_13.to_vec();
        all2.sort_unstable();
        all2.dedup();
        assert_eq!(all2.len(), TABLE2_LEN);
    }

    #[test]
    fn bar_table_uses_every_character_bit_once() {
        let mut seen = [[false; 13]; 10];
        for &(dc, db, ac, ab) in &BAR_TABLE {
            for (c, b) in [(dc, db), (ac, ab)] {
                let slot = &mut seen[usize::from(c - b'A')][usize::from(b)];
                assert!(!*slot, "{} bit {b} used twice", c as char);
                *slot = true;
            }
        }
        assert!(seen.iter().flatten().all(|&s| s));
    }

    #[test]
    fn extreme_values_encode() {
        // Largest inputs: every digit 9 except the barcode id's second digit (max 4).
        let max = "94999999999999999999";
        for routing in ["", "99999", "999999999", "99999999999"] {
            let bars = encode(max, routing).unwrap();
            assert_eq!(bars.len(), BAR_COUNT);
            assert!(bars.chars().all(|c| "ADFT".contains(c)));
        }
        // The quotient left for codeword A stays below 659 without the defensive clamp.
        let t = digits("tracking", max, &[20], "").unwrap();
        let r = digits("routing", "99999999999", &[11], "").unwrap();
        assert!(binary_value(&t, &r) / (636 * 1365u128.pow(8)) < 659);
        assert!(binary_value(&t, &r) < 1u128 << 102);
        let min = "00000000000000000000";
        for routing in ["", "00000", "000000000", "00000000000"] {
            assert_eq!(encode(min, routing).unwrap().len(), BAR_COUNT);
        }
    }

    #[test]
    fn tracking_code_builds_and_encodes() {
        let t = tracking_code("01", "234", "567094", "987654321").unwrap();
        assert_eq!(t, TRACKING);
        assert_eq!(
            tracking_code("00", "700", "912345678", "000001")
                .unwrap()
                .len(),
            20
        );
    }

    #[test]
    fn tracking_wrong_length() {
        assert_eq!(
            encode("0123", ""),
            Err(ImbError::WrongLength {
                field: "tracking",
                expected: "20 digits",
                found: 4
            })
        );
        assert!(matches!(
            encode("", ""),
            Err(ImbError::WrongLength {
                field: "tracking",
                found: 0,
                ..
            })
        ));
    }

    #[test]
    fn tracking_non_digit() {
        assert_eq!(
            encode("0123456709498765432x", ""),
            Err(ImbError::NotDigit {
                field: "tracking",
                position: 19,
                found: 'x'
            })
        );
        // Non-ASCII digits and letters are rejected, never sliced.
        assert!(matches!(
            encode("０1234567094987654321", ""),
            Err(ImbError::NotDigit {
                field: "tracking",
                position: 0,
                ..
            })
        ));
        assert!(matches!(
            encode("éééééééééééééééééééé", ""),
            Err(ImbError::NotDigit {
                field: "tracking",
                ..
            })
        ));
    }

    #[test]
    fn barcode_id_second_digit() {
        assert_eq!(
            encode("05234567094987654321", ""),
            Err(ImbError::BarcodeIdSecondDigit {
                field: "tracking",
                found: '5'
            })
        );
        assert_eq!(
            tracking_code("09", "234", "567094", "987654321"),
            Err(ImbError::BarcodeIdSecondDigit {
                field: "barcode_id",
                found: '9'
            })
        );
    }

    #[test]
    fn routing_lengths() {
        for bad in [
            "1",
            "1234",
            "123456",
            "12345678",
            "1234567890",
            "123456789012",
        ] {
            assert!(
                matches!(
                    encode(TRACKING, bad),
                    Err(ImbError::WrongLength {
                        field: "routing",
                        ..
                    })
                ),
                "{bad}"
            );
        }
        assert_eq!(
            encode(TRACKING, "98101-2345"),
            Err(ImbError::WrongLength {
                field: "routing",
                expected: "0, 5, 9 or 11 digits",
                found: 10
            })
        );
        assert_eq!(
            encode(TRACKING, "9810 "),
            Err(ImbError::NotDigit {
                field: "routing",
                position: 4,
                found: ' '
            })
        );
    }

    #[test]
    fn tracking_code_part_errors() {
        assert!(matches!(
            tracking_code("1", "234", "567094", "987654321"),
            Err(ImbError::WrongLength {
                field: "barcode_id",
                ..
            })
        ));
        assert!(matches!(
            tracking_code("01", "23", "567094", "987654321"),
            Err(ImbError::WrongLength {
                field: "service_type",
                ..
            })
        ));
        assert!(matches!(
            tracking_code("01", "23a", "567094", "987654321"),
            Err(ImbError::NotDigit {
                field: "service_type",
                position: 2,
                found: 'a'
            })
        ));
        assert!(matches!(
            tracking_code("01", "234", "5670941", "987654321"),
            Err(ImbError::WrongLength {
                field: "mailer_id",
                ..
            })
        ));
        assert_eq!(
            tracking_code("01", "234", "967094", "987654321"),
            Err(ImbError::MailerIdPrefix {
                found: "967094".into()
            })
        );
        assert_eq!(
            tracking_code("01", "234", "812345678", "987654"),
            Err(ImbError::MailerIdPrefix {
                found: "812345678".into()
            })
        );
        assert!(matches!(
            tracking_code("01", "234", "567094", "987654"),
            Err(ImbError::WrongLength {
                field: "serial",
                found: 6,
                ..
            })
        ));
        assert!(matches!(
            tracking_code("01", "234", "912345678", "987654321"),
            Err(ImbError::WrongLength {
                field: "serial",
                found: 9,
                ..
            })
        ));
    }

    #[test]
    fn errors_report_their_field() {
        assert_eq!(encode("1", "").unwrap_err().field(), "tracking");
        assert_eq!(encode(TRACKING, "1").unwrap_err().field(), "routing");
        let e = tracking_code("07", "234", "567094", "987654321").unwrap_err();
        assert_eq!(e.field(), "barcode_id");
        let e = tracking_code("00", "234", "967094", "987654321").unwrap_err();
        assert_eq!(e.field(), "mailer_id");
        let e = tracking_code("00", "2a4", "567094", "987654321").unwrap_err();
        assert_eq!(e.field(), "service_type");
    }

    #[test]
    fn error_messages_name_the_field() {
        let e = tracking_code("01", "234", "567094", "98765432").unwrap_err();
        assert_eq!(
            e.to_string(),
            "serial must be 9 digits with a 6-digit mailer_id, got 8 characters"
        );
        let e = encode(TRACKING, "abcde").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("routing must contain only the digits 0-9")
        );
    }
}
