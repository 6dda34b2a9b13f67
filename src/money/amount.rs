//! Amounts: ISO 4217 currencies and their minor units, rounding half away from zero, and
//! the one formatting and parsing of amounts, unit prices and quantities.

use super::*;

/// ISO 4217 codes supported, with their minor units (number of decimals).
pub(super) const CURRENCIES: &[(&str, u32)] = &[
    ("AED", 2),
    ("AUD", 2),
    ("BHD", 3),
    ("BRL", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CLP", 0),
    ("CNY", 2),
    ("CZK", 2),
    ("DKK", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("HKD", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("MXN", 2),
    ("NOK", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PLN", 2),
    ("RON", 2),
    ("SAR", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("THB", 2),
    ("TND", 3),
    ("TRY", 2),
    ("TWD", 2),
    ("USD", 2),
    ("VND", 0),
    ("ZAR", 2),
];

/// ISO 4217 currency with its minor units (the number of decimals amounts are rounded to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Currency {
    code: &'static str,
    minor_units: u32,
}

impl Currency {
    /// Looks up a currency by its upper-case ISO 4217 code (`"USD"`); case-sensitive, `None` when the
    /// code is unknown or not supported.
    pub fn from_code(code: &str) -> Option<Currency> {
        CURRENCIES
            .iter()
            .find(|(known, _)| *known == code)
            .map(|&(code, minor_units)| Currency { code, minor_units })
    }

    /// The ISO 4217 code, e.g. `"EUR"`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The number of decimals of the currency's minor unit: 2 for EUR, 0 for JPY, 3 for BHD.
    pub fn minor_units(&self) -> u32 {
        self.minor_units
    }

    /// Every supported currency, in alphabetical order of code.
    pub fn supported() -> impl Iterator<Item = Currency> {
        CURRENCIES
            .iter()
            .map(|&(code, minor_units)| Currency { code, minor_units })
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

/// Rounds half away from zero to the currency's minor unit (EN 16931 and what users expect; never
/// banker's rounding): `2.345 -> 2.35`, `-2.345 -> -2.35`, `6.5 JPY -> 7`.
///
/// The result carries exactly `minor_units` decimals whenever `Decimal` can represent that (always
/// for amounts below [`MAX_MAGNITUDE`]), and a zero result is never negative (`-0.004 -> 0.00`).
pub fn round_amount(value: Decimal, currency: Currency) -> Decimal {
    let minor = currency.minor_units();
    let mut rounded = value.round_dp_with_strategy(minor, RoundingStrategy::MidpointAwayFromZero);
    // Widening the scale never changes the value (and `rescale` never fails): it only makes
    // `2` print and serialize as `2.00`.
    rounded.rescale(minor);
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    rounded
}

/// Formats an amount once, for Markdown and PDF alike: rounded with [`round_amount`], `,` thousands
/// separators, `.` decimal point, exactly `minor_units` decimals, a leading `-` for negatives, no
/// currency symbol (the code is shown beside it): `"24,000.00"`, `"-1,234.50"`, `"1,235"` (JPY).
pub fn format_amount(value: Decimal, currency: Currency) -> String {
    group_digits(round_amount(value, currency), currency.minor_units())
}

/// Formats a unit price: like [`format_amount`] but without rounding, showing at least the
/// currency's minor units and as many further decimals as the price carries (`"12.50"`,
/// `"0.1234"`, `"1,500"` in JPY).
pub fn format_unit_price(value: Decimal, currency: Currency) -> String {
    group_digits(value.normalize(), currency.minor_units())
}

/// Formats a quantity or a rate without trailing zeros, with `,` thousands separators:
/// `"1,000"`, `"2.5"`, `"7.7"`.
pub fn format_quantity(value: Decimal) -> String {
    group_digits(value.normalize(), 0)
}

/// How a document writes its numbers: [`Plain`] (docket's own reports, CSV and JSON:
/// `24,000.00`) or a [`crate::locale::Locale`] (documents: CLDR's digits, separators and
/// currency placement through ICU4X).
pub trait NumberFormat {
    /// An amount already rounded to the currency's minor unit, without symbol.
    fn amount(&self, value: Decimal, currency: Currency) -> String;
    /// A unit price: at least the minor units, every further decimal it has.
    fn unit_price(&self, value: Decimal, currency: Currency) -> String;
    /// A quantity without trailing zeros.
    fn quantity(&self, value: Decimal) -> String;
    /// A rate in percent (`19` -> `19%`).
    fn percent(&self, value: Decimal) -> String;
    /// An amount with its currency, as the locale writes it (`$9,967.38`, `9.967,38 €`).
    fn money(&self, value: Decimal, currency: Currency) -> String;
}

/// docket's own plain format: [`format_amount`], [`format_unit_price`], [`format_quantity`],
/// money as `USD 9,967.38`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Plain;

impl NumberFormat for Plain {
    fn amount(&self, value: Decimal, currency: Currency) -> String {
        format_amount(value, currency)
    }
    fn unit_price(&self, value: Decimal, currency: Currency) -> String {
        format_unit_price(value, currency)
    }
    fn quantity(&self, value: Decimal) -> String {
        format_quantity(value)
    }
    fn percent(&self, value: Decimal) -> String {
        format!("{}%", format_quantity(value))
    }
    fn money(&self, value: Decimal, currency: Currency) -> String {
        format!("{currency} {}", format_amount(value, currency))
    }
}

impl NumberFormat for crate::locale::Locale {
    fn amount(&self, value: Decimal, currency: Currency) -> String {
        self.number(round_amount(value, currency), currency.minor_units())
    }
    fn unit_price(&self, value: Decimal, currency: Currency) -> String {
        self.number(value.normalize(), currency.minor_units())
    }
    fn quantity(&self, value: Decimal) -> String {
        self.number(value.normalize(), 0)
    }
    fn percent(&self, value: Decimal) -> String {
        crate::locale::Locale::percent(self, value.normalize())
    }
    fn money(&self, value: Decimal, currency: Currency) -> String {
        crate::locale::Locale::money(
            self,
            round_amount(value, currency),
            currency.code(),
            currency.minor_units(),
        )
    }
}

/// An amount in an ISO 4217 currency as `locale` writes money (`$8,400.00`, `8.400,00 €`),
/// rounded to the currency's minor unit; a code docket does not know is written before the
/// plain amount.
pub fn in_locale(locale: &crate::locale::Locale, value: Decimal, code: &str) -> String {
    match Currency::from_code(code) {
        Some(currency) => NumberFormat::money(locale, value, currency),
        None => format!("{code} {value}"),
    }
}

/// Writes `value` with `,` every three integer digits and at least `min_dp` decimals.
pub(super) fn group_digits(value: Decimal, min_dp: u32) -> String {
    let negative = value.is_sign_negative() && !value.is_zero();
    let plain = value.abs().to_string();
    let (integer, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let min_dp = min_dp as usize;
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + min_dp + 2);
    if negative {
        out.push('-');
    }
    let digits = integer.len();
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (digits - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !fraction.is_empty() || min_dp > 0 {
        out.push('.');
        out.push_str(fraction);
        for _ in fraction.len()..min_dp {
            out.push('0');
        }
    }
    out
}

/// Parses an amount, quantity or rate string from data: optional sign (`-` or `+`), at least one
/// digit, optionally `.` followed by one to `max_dp` digits. Rejects exponents (`1e3`), spaces,
/// thousands separators (`1,000`), empty text, `NaN`, more than `max_dp` decimals, and magnitudes of
/// [`MAX_MAGNITUDE`] or more. The error's field is `"value"`; use [`parse_decimal_field`] to name the
/// field being parsed.
pub fn parse_decimal(text: &str, max_dp: u32) -> Result<Decimal, MoneyError> {
    parse_decimal_field("value", text, max_dp)
}

/// Like [`parse_decimal`], naming `field` (a path such as `"lines[2].quantity"`) in the error.
pub fn parse_decimal_field(field: &str, text: &str, max_dp: u32) -> Result<Decimal, MoneyError> {
    let max_dp = max_dp.min(DECIMAL_MAX_SCALE);
    let fail = || MoneyError::Parse {
        field: field.to_string(),
        found: text.to_string(),
        expected: if max_dp == 0 {
            "a whole number: optional '-' or '+' and digits only (no decimals, exponent, spaces \
             or thousands separators)"
                .to_string()
        } else {
            format!(
                "a plain decimal number: optional '-' or '+', digits, optionally '.' and 1 to \
                 {max_dp} decimal digits (no exponent, spaces or thousands separators)"
            )
        },
    };
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (unsigned, None),
    };
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(integer) {
        return Err(fail());
    }
    if let Some(fraction) = fraction
        && (!all_digits(fraction) || fraction.len() > max_dp as usize)
    {
        return Err(fail());
    }
    let integer = integer.trim_start_matches('0');
    if integer.len() > 15 {
        return Err(MoneyError::OutOfBounds {
            field: field.to_string(),
        });
    }
    let integer = if integer.is_empty() { "0" } else { integer };
    let canonical = match fraction {
        Some(fraction) => format!("{integer}.{fraction}"),
        None => integer.to_string(),
    };
    let mut value = Decimal::from_str_exact(&canonical).map_err(|_| fail())?;
    if negative && !value.is_zero() {
        value.set_sign_negative(true);
    }
    Ok(value)
}
