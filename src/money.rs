//! Exact invoice arithmetic: currencies, rounding, formatting, parsing and totals.
//!
//! # Why this module exists
//!
//! An invoice is a legal document: its amounts must add up exactly as printed, on the Markdown
//! rendering and on the PDF alike. Binary floating point cannot represent `0.10` exactly, so every
//! number here is a [`rust_decimal::Decimal`] (base-10, 96-bit mantissa), every operation on an input
//! is a `checked_*` operation (an overflow is a [`MoneyError`], never a panic), and no binary
//! floating-point type appears anywhere in this file.
//!
//! # Rules followed (EN 16931, the European e-invoicing semantic model)
//!
//! * **Rounding is half away from zero** (`2.345 -> 2.35`, `-2.345 -> -2.35`, `6.5 JPY -> 7`), to the
//!   currency's ISO 4217 minor unit (2 for EUR/USD, 0 for JPY/KRW, 3 for BHD/KWD). This is what users
//!   and accountants expect. `rust_decimal`'s `round()` / `round_dp()` use banker's rounding
//!   (`6.5 -> 6`), so this module only ever rounds through [`round_amount`], which uses
//!   `RoundingStrategy::MidpointAwayFromZero`.
//! * **Line net amount** (EN 16931 BT-131) = `round(quantity x unit price) - line discount`, rounded
//!   to the minor unit. Unit prices (BT-146) and quantities may carry up to 4 decimals.
//! * **Tax per category** (BT-117) = `round(category taxable amount (BT-116) x rate (BT-119) / 100)`,
//!   computed once per category (business rule BR-CO-17), *not* the sum of per-line taxes, which can
//!   differ by a minor unit per line.
//! * **Rounding amount** (BT-114): where per-line rounding were required, the difference would be
//!   shown as an explicit rounding amount. Because docket always computes tax per category, no such
//!   difference arises and [`Totals::rounding`] is **always zero**; the field exists so templates have
//!   a stable place for it should a line-level tax mode or cash rounding ever be added.
//! * **Formatting happens once**, in Rust ([`format_amount`], [`Totals::formatted`]), and the same
//!   strings go to Markdown and to Typst, so the two renderings can never disagree; amounts reach
//!   templates as strings, never as floating-point numbers.
//!
//! # Sign convention for credit notes
//!
//! A credit note ([`InvoiceInput::credit_note`] = `true`) carries **negative** amounts: each line's
//! `quantity x unit_price` must be `<= 0` (write the credited line with a negative quantity, e.g.
//! `-3` days at `1200.00`; a negative unit price with a positive quantity is accepted too). On an
//! ordinary invoice, negative quantities and unit prices are rejected. Discounts
//! ([`LineInput::discount`], [`InvoiceInput::invoice_discount`]) and [`InvoiceInput::paid`] are always
//! written as non-negative magnitudes, on invoices and credit notes alike; they reduce the size of the
//! amount they apply to. In the computed [`Totals`] every amount carries the document's sign, so on a
//! credit note the line nets, the discounts, the bases, the taxes, the total, the amount paid
//! (refunded) and the amount due are all `<= 0`, and the identities
//! `net = round(qty x price) - discount`, `total = line_total - invoice_discount + tax_total + rounding`
//! and `due = total - paid` hold literally for both kinds of document. Because rounding is symmetric,
//! a credit note that mirrors an invoice yields exactly the negated totals. (An export to a UBL/CII
//! credit-note document type, which uses positive amounts, flips the signs.)
//!
//! # Invoice-level discount allocation
//!
//! The invoice discount is a document-level allowance (EN 16931 BG-20). EN 16931 requires each
//! allowance to carry a tax category, so an undifferentiated discount is split across the tax
//! categories **in proportion to their line net totals**, in integer minor units with the largest
//! remainder method (ties go to the category declared first). The shares therefore add up exactly to
//! the discount, each share is within one minor unit of the exact proportion, and the tax of every
//! category is computed on its reduced base. The discount may not exceed the sum of the line nets.
//!
//! # Bounds
//!
//! Every input number and every computed amount must be below [`MAX_MAGNITUDE`] (10^15) in absolute
//! value, far beyond any real invoice and far below `Decimal`'s limits, so intermediate products
//! cannot overflow; should one still do so, the result is a [`MoneyError::OutOfBounds`].

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

/// Largest number of decimal places accepted in a unit price.
pub const MAX_UNIT_PRICE_DP: u32 = 4;

/// Largest number of decimal places accepted in a quantity.
pub const MAX_QUANTITY_DP: u32 = 4;

/// Largest number of decimal places accepted in a tax rate (in percent, e.g. `7.7`).
pub const MAX_RATE_DP: u32 = 4;

/// Exclusive bound on the absolute value of every input number and computed amount: 10^15.
pub const MAX_MAGNITUDE: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

/// Largest scale `Decimal` can carry.
const DECIMAL_MAX_SCALE: u32 = 28;

/// ISO 4217 codes supported, with their minor units (number of decimals).
const CURRENCIES: &[(&str, u32)] = &[
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

/// Writes `value` with `,` every three integer digits and at least `min_dp` decimals.
fn group_digits(value: Decimal, min_dp: u32) -> String {
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

/// One line of the invoice as written in the data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineInput {
    /// What was supplied.
    pub description: String,
    /// How much (at most 4 decimals); negative only on a credit note.
    pub quantity: Decimal,
    /// Price of one unit excluding tax (at most 4 decimals); negative only on a credit note.
    pub unit_price: Decimal,
    /// Absolute amount taken off this line, a non-negative magnitude at the currency's minor unit,
    /// at most the rounded line amount; zero by default.
    pub discount: Decimal,
    /// The [`TaxCategory::category`] this line is taxed under.
    pub tax_category: String,
}

impl LineInput {
    /// A line without discount.
    pub fn new(
        description: impl Into<String>,
        quantity: Decimal,
        unit_price: Decimal,
        tax_category: impl Into<String>,
    ) -> LineInput {
        LineInput {
            description: description.into(),
            quantity,
            unit_price,
            discount: Decimal::ZERO,
            tax_category: tax_category.into(),
        }
    }
}

/// A tax category declared by the invoice, referenced by its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxCategory {
    /// Name the lines refer to, e.g. `"standard"` or `"S"`; non-empty and unique.
    pub category: String,
    /// Rate in percent, `0..=100`, at most 4 decimals (`19`, `7.7`).
    pub rate_percent: Decimal,
    /// Wording printed with the category, e.g. an exemption reason or `"Reverse charge"`.
    pub note: Option<String>,
}

/// Everything needed to compute an invoice's (or credit note's) totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceInput {
    /// Currency of every amount.
    pub currency: Currency,
    /// The line items; at least one.
    pub lines: Vec<LineInput>,
    /// Absolute document-level discount, a non-negative magnitude at the minor unit, at most the sum
    /// of the line nets; split across tax categories in proportion to their line nets (see the
    /// module documentation).
    pub invoice_discount: Decimal,
    /// The tax categories the lines may reference.
    pub taxes: Vec<TaxCategory>,
    /// Amount already paid (e.g. a deposit) or, on a credit note, already refunded: a non-negative
    /// magnitude at the minor unit. It may exceed the total (then `due` is of the opposite sign).
    pub paid: Decimal,
    /// Whether this document is a credit note (negative amounts, see the module documentation).
    pub credit_note: bool,
}

/// A computed line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LineTotal {
    /// What was supplied.
    pub description: String,
    /// Quantity as given.
    pub quantity: Decimal,
    /// Unit price as given.
    pub unit_price: Decimal,
    /// Discount with the document's sign (negative on a credit note), so that
    /// `net = round(quantity x unit_price) - discount`.
    pub discount: Decimal,
    /// `round(quantity x unit_price) - discount`, at the minor unit (EN 16931 BT-131).
    pub net: Decimal,
    /// Tax category of the line.
    pub tax_category: String,
}

/// The tax of one category (EN 16931 VAT breakdown, BG-23).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TaxTotal {
    /// Category name.
    pub category: String,
    /// Rate in percent.
    pub rate_percent: Decimal,
    /// Taxable amount: the category's line nets less its share of the invoice discount (BT-116).
    pub base: Decimal,
    /// `round(base x rate / 100)` for the category as a whole (BT-117, BR-CO-17), not the sum of
    /// line taxes.
    pub tax: Decimal,
    /// Wording printed with the category.
    pub note: Option<String>,
}

/// The computed totals of an invoice or credit note; every amount is at the currency's minor unit
/// and carries the document's sign.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Totals {
    /// Currency of every amount.
    pub currency: Currency,
    /// Whether this is a credit note (all amounts `<= 0`).
    pub credit_note: bool,
    /// The computed lines, in input order.
    pub lines: Vec<LineTotal>,
    /// Sum of the line nets.
    pub line_total: Decimal,
    /// Document-level discount with the document's sign.
    pub invoice_discount: Decimal,
    /// One entry per tax category used by at least one line, in declaration order.
    pub taxes: Vec<TaxTotal>,
    /// Sum of the category taxes.
    pub tax_total: Decimal,
    /// Explicit rounding amount (EN 16931 BT-114). Always zero: tax is computed per category, so no
    /// line-level rounding difference arises (see the module documentation).
    pub rounding: Decimal,
    /// `line_total - invoice_discount + tax_total + rounding`.
    pub total: Decimal,
    /// Amount already paid (refunded on a credit note), with the document's sign.
    pub paid: Decimal,
    /// `total - paid`.
    pub due: Decimal,
}

/// A line of [`FormattedTotals`]: every number as its display string.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FormattedLine {
    /// What was supplied.
    pub description: String,
    /// Quantity, see [`format_quantity`].
    pub quantity: String,
    /// Unit price, see [`format_unit_price`].
    pub unit_price: String,
    /// Discount, see [`format_amount`].
    pub discount: String,
    /// Line net amount, see [`format_amount`].
    pub net: String,
    /// Tax category of the line.
    pub tax_category: String,
}

/// A tax category of [`FormattedTotals`]: every number as its display string.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FormattedTax {
    /// Category name.
    pub category: String,
    /// Rate in percent without the `%` sign, see [`format_quantity`].
    pub rate_percent: String,
    /// Taxable amount, see [`format_amount`].
    pub base: String,
    /// Tax amount, see [`format_amount`].
    pub tax: String,
    /// Wording printed with the category.
    pub note: Option<String>,
}

/// Every amount of [`Totals`] formatted once with [`format_amount`], for templates: Markdown and
/// PDF show these identical strings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FormattedTotals {
    /// ISO 4217 code, shown beside the amounts.
    pub currency: String,
    /// Whether this is a credit note.
    pub credit_note: bool,
    /// The lines.
    pub lines: Vec<FormattedLine>,
    /// Sum of the line nets.
    pub line_total: String,
    /// Document-level discount.
    pub invoice_discount: String,
    /// Tax per category.
    pub taxes: Vec<FormattedTax>,
    /// Sum of the category taxes.
    pub tax_total: String,
    /// Explicit rounding amount.
    pub rounding: String,
    /// Invoice total.
    pub total: String,
    /// Amount already paid.
    pub paid: String,
    /// Amount due.
    pub due: String,
}

impl Totals {
    /// Every amount formatted with [`format_amount`] (quantities, unit prices and rates with
    /// [`format_quantity`] / [`format_unit_price`]).
    pub fn formatted(&self) -> FormattedTotals {
        let currency = self.currency;
        let amount = |value: Decimal| format_amount(value, currency);
        FormattedTotals {
            currency: currency.code().to_string(),
            credit_note: self.credit_note,
            lines: self
                .lines
                .iter()
                .map(|line| FormattedLine {
                    description: line.description.clone(),
                    quantity: format_quantity(line.quantity),
                    unit_price: format_unit_price(line.unit_price, currency),
                    discount: amount(line.discount),
                    net: amount(line.net),
                    tax_category: line.tax_category.clone(),
                })
                .collect(),
            line_total: amount(self.line_total),
            invoice_discount: amount(self.invoice_discount),
            taxes: self
                .taxes
                .iter()
                .map(|tax| FormattedTax {
                    category: tax.category.clone(),
                    rate_percent: format_quantity(tax.rate_percent),
                    base: amount(tax.base),
                    tax: amount(tax.tax),
                    note: tax.note.clone(),
                })
                .collect(),
            tax_total: amount(self.tax_total),
            rounding: amount(self.rounding),
            total: amount(self.total),
            paid: amount(self.paid),
            due: amount(self.due),
        }
    }
}

/// Why an invoice or a number was refused. Every variant names the field path (e.g.
/// `"lines[2].quantity"`) and says what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Text that is not a plain decimal number.
    #[error("{field}: expected {expected}, found {found:?}")]
    Parse {
        /// Field path.
        field: String,
        /// The text as given.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// An invoice without line items.
    #[error("lines: expected at least one line item, found none")]
    NoLines,
    /// A negative quantity or unit price on an ordinary invoice.
    #[error(
        "{field}: expected a value >= 0 on an invoice (negative quantities and unit prices belong \
         on a credit note), found {value}"
    )]
    NegativeOutsideCreditNote {
        /// Field path.
        field: String,
        /// The value given.
        value: Decimal,
    },
    /// A credit-note line whose quantity x unit price is positive.
    #[error(
        "{field}: expected quantity x unit_price <= 0 on a credit note (write credited lines \
         with a negative quantity), found {amount}"
    )]
    PositiveOnCreditNote {
        /// Field path of the line.
        field: String,
        /// quantity x unit price.
        amount: Decimal,
    },
    /// A negative discount or payment.
    #[error(
        "{field}: expected an amount >= 0 (discounts and payments are written as magnitudes, \
         on credit notes too), found {value}"
    )]
    NegativeMagnitude {
        /// Field path.
        field: String,
        /// The value given.
        value: Decimal,
    },
    /// More decimals than the field allows.
    #[error("{field}: expected at most {max_dp} decimal places, found {value}")]
    TooManyDecimals {
        /// Field path.
        field: String,
        /// The value given.
        value: Decimal,
        /// Decimals allowed.
        max_dp: u32,
    },
    /// A line referencing a tax category that the invoice does not declare.
    #[error("{field}: expected one of the declared tax categories [{known}], found {category:?}")]
    UnknownTaxCategory {
        /// Field path.
        field: String,
        /// The category referenced.
        category: String,
        /// The declared categories, comma-separated.
        known: String,
    },
    /// A tax category declared twice.
    #[error("{field}: expected a category name not declared before, found {category:?} again")]
    DuplicateTaxCategory {
        /// Field path.
        field: String,
        /// The repeated category.
        category: String,
    },
    /// A tax category with an empty name.
    #[error("{field}: expected a non-empty category name")]
    EmptyTaxCategory {
        /// Field path.
        field: String,
    },
    /// A tax rate outside 0..=100 percent.
    #[error("{field}: expected a rate from 0 to 100 (percent), found {value}")]
    RateOutOfRange {
        /// Field path.
        field: String,
        /// The rate given.
        value: Decimal,
    },
    /// A discount larger than the amount it reduces.
    #[error(
        "{field}: expected a discount of at most {amount} (the amount it reduces), found {discount}"
    )]
    DiscountExceedsAmount {
        /// Field path.
        field: String,
        /// The discount given.
        discount: Decimal,
        /// The (absolute) amount it applies to.
        amount: Decimal,
    },
    /// A number or computed amount of 10^15 or more in absolute value, or an arithmetic overflow.
    #[error(
        "{field}: expected a magnitude below 10^15 (larger amounts are refused to rule out overflow)"
    )]
    OutOfBounds {
        /// Field path.
        field: String,
    },
}

fn out_of_bounds(field: &str) -> MoneyError {
    MoneyError::OutOfBounds {
        field: field.to_string(),
    }
}

fn check_bound(field: &str, value: Decimal) -> Result<(), MoneyError> {
    if value.abs() >= MAX_MAGNITUDE {
        Err(out_of_bounds(field))
    } else {
        Ok(())
    }
}

fn check_decimals(field: &str, value: Decimal, max_dp: u32) -> Result<(), MoneyError> {
    if value.normalize().scale() > max_dp {
        Err(MoneyError::TooManyDecimals {
            field: field.to_string(),
            value,
            max_dp,
        })
    } else {
        Ok(())
    }
}

/// Quantity or unit price: decimals, bound, and sign unless on a credit note.
fn check_factor(
    field: &str,
    value: Decimal,
    max_dp: u32,
    credit_note: bool,
) -> Result<(), MoneyError> {
    check_bound(field, value)?;
    check_decimals(field, value, max_dp)?;
    if !credit_note && value < Decimal::ZERO {
        return Err(MoneyError::NegativeOutsideCreditNote {
            field: field.to_string(),
            value,
        });
    }
    Ok(())
}

/// Discount or payment: a non-negative magnitude at the minor unit, within bounds.
fn check_magnitude(field: &str, value: Decimal, currency: Currency) -> Result<(), MoneyError> {
    if value < Decimal::ZERO {
        return Err(MoneyError::NegativeMagnitude {
            field: field.to_string(),
            value,
        });
    }
    check_bound(field, value)?;
    check_decimals(field, value, currency.minor_units())
}

/// Gives a magnitude the document's sign.
fn signed(magnitude: Decimal, credit_note: bool) -> Decimal {
    if credit_note && !magnitude.is_zero() {
        -magnitude
    } else {
        magnitude
    }
}

fn add(field: &str, a: Decimal, b: Decimal) -> Result<Decimal, MoneyError> {
    let sum = a.checked_add(b).ok_or_else(|| out_of_bounds(field))?;
    check_bound(field, sum)?;
    Ok(sum)
}

fn sub(field: &str, a: Decimal, b: Decimal) -> Result<Decimal, MoneyError> {
    let difference = a.checked_sub(b).ok_or_else(|| out_of_bounds(field))?;
    check_bound(field, difference)?;
    Ok(difference)
}

/// A non-negative amount at the minor unit as an integer count of minor units.
fn to_minor(value: Decimal, minor: u32) -> Option<i128> {
    let scale = value.scale();
    let factor = 10_i128.checked_pow(minor.checked_sub(scale)?)?;
    value.mantissa().checked_mul(factor)
}

fn from_minor(units: i128, minor: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(units, minor).ok()
}

/// Splits `total` into shares proportional to `weights` (all `>= 0`, `total <= sum(weights)`),
/// exactly, with the largest remainder method; ties go to the earlier weight.
fn allocate(total: i128, weights: &[i128]) -> Option<Vec<i128>> {
    let sum = weights
        .iter()
        .try_fold(0_i128, |acc, &weight| acc.checked_add(weight))?;
    if total == 0 || sum == 0 {
        return Some(vec![0; weights.len()]);
    }
    let mut shares = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut given = 0_i128;
    for &weight in weights {
        let product = total.checked_mul(weight)?;
        let share = product.checked_div(sum)?;
        shares.push(share);
        remainders.push(product.checked_rem(sum)?);
        given = given.checked_add(share)?;
    }
    let mut leftover = total.checked_sub(given)?;
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let remainder = |i: usize| remainders.get(i).copied().unwrap_or(0);
        remainder(b).cmp(&remainder(a)).then(a.cmp(&b))
    });
    for index in order {
        if leftover <= 0 {
            break;
        }
        if remainders.get(index).copied().unwrap_or(0) > 0
            && let Some(share) = shares.get_mut(index)
        {
            *share = share.checked_add(1)?;
            leftover -= 1;
        }
    }
    Some(shares)
}

/// Validates an invoice (or credit note) and computes its totals.
///
/// Amounts follow EN 16931 (see the module documentation): line nets rounded half away from zero
/// to the minor unit, the invoice discount split across tax categories in proportion to their line
/// nets, tax rounded once per category, `rounding` always zero,
/// `total = line_total - invoice_discount + tax_total + rounding`, `due = total - paid`.
///
/// Sign convention: on a credit note each line's `quantity x unit_price` must be `<= 0` (negative
/// quantity, usually) and every computed amount is `<= 0`; discounts and `paid` are always given
/// as non-negative magnitudes. On an invoice, negative quantities and unit prices are errors.
///
/// # Errors
///
/// A [`MoneyError`] naming the field path when: there are no lines; a quantity or unit price is
/// negative outside a credit note, or a credit-note line is positive; a line references an
/// undeclared tax category; a category is empty or declared twice; a rate is outside `0..=100`
/// or has more than 4 decimals; a quantity or unit price has more than 4 decimals; a discount or
/// `paid` is negative or finer than the minor unit; a discount exceeds the amount it reduces; any
/// number or computed amount reaches [`MAX_MAGNITUDE`] or overflows. Never panics.
pub fn compute(input: &InvoiceInput) -> Result<Totals, MoneyError> {
    let currency = input.currency;
    let minor = currency.minor_units();
    let credit_note = input.credit_note;

    for (i, tax) in input.taxes.iter().enumerate() {
        if tax.category.trim().is_empty() {
            return Err(MoneyError::EmptyTaxCategory {
                field: format!("taxes[{i}].category"),
            });
        }
        if input.taxes[..i]
            .iter()
            .any(|earlier| earlier.category == tax.category)
        {
            return Err(MoneyError::DuplicateTaxCategory {
                field: format!("taxes[{i}].category"),
                category: tax.category.clone(),
            });
        }
        let field = format!("taxes[{i}].rate_percent");
        if tax.rate_percent < Decimal::ZERO || tax.rate_percent > Decimal::ONE_HUNDRED {
            return Err(MoneyError::RateOutOfRange {
                field,
                value: tax.rate_percent,
            });
        }
        check_decimals(&field, tax.rate_percent, MAX_RATE_DP)?;
    }

    if input.lines.is_empty() {
        return Err(MoneyError::NoLines);
    }

    // Sum of line nets per declared category; `None` for categories no line uses.
    let mut category_nets: Vec<Option<Decimal>> = vec![None; input.taxes.len()];
    let mut lines = Vec::with_capacity(input.lines.len());
    let mut line_total = Decimal::ZERO;
    for (i, line) in input.lines.iter().enumerate() {
        let path = |name: &str| format!("lines[{i}].{name}");
        check_factor(
            &path("quantity"),
            line.quantity,
            MAX_QUANTITY_DP,
            credit_note,
        )?;
        check_factor(
            &path("unit_price"),
            line.unit_price,
            MAX_UNIT_PRICE_DP,
            credit_note,
        )?;
        let line_field = format!("lines[{i}]");
        let amount = line
            .quantity
            .checked_mul(line.unit_price)
            .ok_or_else(|| out_of_bounds(&line_field))?;
        check_bound(&line_field, amount)?;
        if credit_note && amount > Decimal::ZERO {
            return Err(MoneyError::PositiveOnCreditNote {
                field: line_field,
                amount,
            });
        }
        let gross = round_amount(amount, currency);

        let discount_field = path("discount");
        check_magnitude(&discount_field, line.discount, currency)?;
        if line.discount > gross.abs() {
            return Err(MoneyError::DiscountExceedsAmount {
                field: discount_field,
                discount: line.discount,
                amount: gross.abs(),
            });
        }
        let discount = round_amount(signed(line.discount, credit_note), currency);
        let net = round_amount(sub(&path("net"), gross, discount)?, currency);

        let category_field = path("tax_category");
        let index = input
            .taxes
            .iter()
            .position(|tax| tax.category == line.tax_category)
            .ok_or_else(|| MoneyError::UnknownTaxCategory {
                field: category_field.clone(),
                category: line.tax_category.clone(),
                known: input
                    .taxes
                    .iter()
                    .map(|tax| tax.category.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        // All nets share the document's sign, so no category sum exceeds the line total.
        line_total = add("line_total", line_total, net)?;
        let slot = category_nets
            .get_mut(index)
            .ok_or_else(|| out_of_bounds(&category_field))?;
        *slot = Some(add(&category_field, slot.unwrap_or(Decimal::ZERO), net)?);
        lines.push(LineTotal {
            description: line.description.clone(),
            quantity: line.quantity,
            unit_price: line.unit_price,
            discount,
            net,
            tax_category: line.tax_category.clone(),
        });
    }
    let line_total = round_amount(line_total, currency);

    check_magnitude("invoice_discount", input.invoice_discount, currency)?;
    if input.invoice_discount > line_total.abs() {
        return Err(MoneyError::DiscountExceedsAmount {
            field: "invoice_discount".to_string(),
            discount: input.invoice_discount,
            amount: line_total.abs(),
        });
    }
    let invoice_discount = round_amount(signed(input.invoice_discount, credit_note), currency);

    // Every category net has the document's sign, so its magnitude is its weight.
    let used: Vec<(usize, &TaxCategory, Decimal)> = input
        .taxes
        .iter()
        .zip(&category_nets)
        .enumerate()
        .filter_map(|(index, (tax, net))| net.map(|net| (index, tax, net)))
        .collect();
    let weights = used
        .iter()
        .map(|(_, _, net)| to_minor(net.abs(), minor))
        .collect::<Option<Vec<i128>>>()
        .ok_or_else(|| out_of_bounds("line_total"))?;
    let discount_units =
        to_minor(input.invoice_discount, minor).ok_or_else(|| out_of_bounds("invoice_discount"))?;
    let shares =
        allocate(discount_units, &weights).ok_or_else(|| out_of_bounds("invoice_discount"))?;

    let mut taxes = Vec::with_capacity(used.len());
    let mut tax_total = Decimal::ZERO;
    for (&(index, tax, net), share) in used.iter().zip(shares) {
        let field = format!("taxes[{index}]");
        let share = from_minor(share, minor).ok_or_else(|| out_of_bounds(&field))?;
        let base = round_amount(
            signed(sub(&field, net.abs(), share)?, credit_note),
            currency,
        );
        let tax_amount = base
            .checked_mul(tax.rate_percent)
            .and_then(|product| product.checked_div(Decimal::ONE_HUNDRED))
            .ok_or_else(|| out_of_bounds(&field))?;
        check_bound(&field, tax_amount)?;
        let tax_amount = round_amount(tax_amount, currency);
        tax_total = add("tax_total", tax_total, tax_amount)?;
        taxes.push(TaxTotal {
            category: tax.category.clone(),
            rate_percent: tax.rate_percent,
            base,
            tax: tax_amount,
            note: tax.note.clone(),
        });
    }
    let tax_total = round_amount(tax_total, currency);

    let rounding = round_amount(Decimal::ZERO, currency);
    let total = sub("total", line_total, invoice_discount)?;
    let total = add("total", total, tax_total)?;
    let total = round_amount(add("total", total, rounding)?, currency);

    check_magnitude("paid", input.paid, currency)?;
    let paid = round_amount(signed(input.paid, credit_note), currency);
    let due = round_amount(sub("due", total, paid)?, currency);

    Ok(Totals {
        currency,
        credit_note,
        lines,
        line_total,
        invoice_discount,
        taxes,
        tax_total,
        rounding,
        total,
        paid,
        due,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cur(code: &str) -> Currency {
        Currency::from_code(code).expect("test currency is supported")
    }

    /// Parses a literal in tests (through the module's own parser: no floating point).
    fn d(text: &str) -> Decimal {
        parse_decimal(text, 28).expect("test literal is a valid decimal")
    }

    /// Re-reads a printed amount: drops the thousands separators, then parses strictly.
    fn reparse(printed: &str, currency: Currency) -> Decimal {
        parse_decimal(&printed.replace(',', ""), currency.minor_units())
            .expect("a formatted amount re-parses")
    }

    fn tax(category: &str, rate: &str) -> TaxCategory {
        TaxCategory {
            category: category.to_string(),
            rate_percent: d(rate),
            note: None,
        }
    }

    fn line(quantity: &str, price: &str, category: &str) -> LineInput {
        LineInput::new("work", d(quantity), d(price), category)
    }

    fn invoice(code: &str, lines: Vec<LineInput>, taxes: Vec<TaxCategory>) -> InvoiceInput {
        InvoiceInput {
            currency: cur(code),
            lines,
            invoice_discount: Decimal::ZERO,
            taxes,
            paid: Decimal::ZERO,
            credit_note: false,
        }
    }

    #[test]
    fn max_magnitude_is_ten_to_the_fifteenth() {
        assert_eq!(MAX_MAGNITUDE, Decimal::from(1_000_000_000_000_000_i64));
    }

    #[test]
    fn currencies_have_their_iso_minor_units() {
        let expected = [
            ("USD", 2),
            ("EUR", 2),
            ("GBP", 2),
            ("CAD", 2),
            ("AUD", 2),
            ("CHF", 2),
            ("JPY", 0),
            ("KRW", 0),
            ("BHD", 3),
            ("KWD", 3),
            ("SEK", 2),
            ("NOK", 2),
            ("DKK", 2),
            ("NZD", 2),
            ("SGD", 2),
            ("HKD", 2),
            ("INR", 2),
            ("CNY", 2),
            ("MXN", 2),
            ("BRL", 2),
            ("ZAR", 2),
            ("PLN", 2),
            ("CZK", 2),
        ];
        for (code, minor) in expected {
            let currency = cur(code);
            assert_eq!(currency.code(), code);
            assert_eq!(currency.minor_units(), minor, "{code}");
            assert_eq!(currency.to_string(), code);
        }
        assert_eq!(Currency::from_code("usd"), None);
        assert_eq!(Currency::from_code("XXX"), None);
        assert_eq!(Currency::from_code(""), None);
        assert!(Currency::supported().count() >= expected.len());
    }

    #[test]
    fn rounds_half_away_from_zero() {
        let usd = cur("USD");
        assert_eq!(round_amount(d("2.345"), usd), d("2.35"));
        assert_eq!(round_amount(d("-2.345"), usd), d("-2.35"));
        assert_eq!(round_amount(d("2.344999"), usd), d("2.34"));
        assert_eq!(round_amount(d("0.005"), usd), d("0.01"));
        assert_eq!(round_amount(d("-0.004"), usd).to_string(), "0.00");
        assert_eq!(round_amount(d("2"), usd).to_string(), "2.00");
        let jpy = cur("JPY");
        assert_eq!(round_amount(d("6.5"), jpy), d("7"));
        assert_eq!(round_amount(d("-6.5"), jpy), d("-7"));
        assert_eq!(round_amount(d("7.5"), jpy), d("8"));
        // The pitfall this module avoids: rust_decimal's default rounding is banker's.
        assert_eq!(d("6.5").round_dp(0), d("6"));
        assert_eq!(d("2.345").round_dp(2), d("2.34"));
        let bhd = cur("BHD");
        assert_eq!(round_amount(d("1.2345"), bhd), d("1.235"));
        assert_eq!(round_amount(d("1.2345"), bhd).to_string(), "1.235");
    }

    #[test]
    fn formats_thousands_negatives_and_minor_units() {
        let usd = cur("USD");
        assert_eq!(format_amount(d("24000"), usd), "24,000.00");
        assert_eq!(format_amount(d("-1234.5"), usd), "-1,234.50");
        assert_eq!(format_amount(d("0"), usd), "0.00");
        assert_eq!(format_amount(d("-0.004"), usd), "0.00");
        assert_eq!(format_amount(d("-0.005"), usd), "-0.01");
        assert_eq!(format_amount(d("999.995"), usd), "1,000.00");
        assert_eq!(format_amount(d("100"), usd), "100.00");
        assert_eq!(format_amount(d("1000"), usd), "1,000.00");
        assert_eq!(format_amount(d("-999999.999"), usd), "-1,000,000.00");
        assert_eq!(
            format_amount(d("123456789012.34"), usd),
            "123,456,789,012.34"
        );
        let jpy = cur("JPY");
        assert_eq!(format_amount(d("1234.5"), jpy), "1,235");
        assert_eq!(format_amount(d("-1234.5"), jpy), "-1,235");
        assert_eq!(format_amount(d("999"), jpy), "999");
        let bhd = cur("BHD");
        assert_eq!(format_amount(d("1234567.8915"), bhd), "1,234,567.892");
        assert_eq!(format_amount(d("-0.5"), bhd), "-0.500");
        assert_eq!(format_unit_price(d("12.5"), usd), "12.50");
        assert_eq!(format_unit_price(d("0.1234"), usd), "0.1234");
        assert_eq!(format_unit_price(d("1500.0000"), jpy), "1,500");
        assert_eq!(format_quantity(d("1000.00")), "1,000");
        assert_eq!(format_quantity(d("2.50")), "2.5");
        assert_eq!(format_quantity(d("-3")), "-3");
    }

    #[test]
    fn format_never_panics_at_decimal_limits() {
        for currency in Currency::supported() {
            for value in [
                Decimal::MAX,
                Decimal::MIN,
                Decimal::ZERO,
                Decimal::new(1, 28),
            ] {
                let printed = format_amount(value, currency);
                assert!(!printed.is_empty());
            }
        }
        assert_eq!(
            format_amount(Decimal::MAX, cur("JPY")),
            "79,228,162,514,264,337,593,543,950,335"
        );
    }

    #[test]
    fn parses_plain_decimals() -> Result<(), MoneyError> {
        assert_eq!(parse_decimal("-12.5", 4)?, Decimal::new(-125, 1));
        assert_eq!(parse_decimal("+3", 4)?, Decimal::from(3));
        assert_eq!(parse_decimal("0.0001", 4)?, Decimal::new(1, 4));
        assert_eq!(parse_decimal("007", 0)?, Decimal::from(7));
        assert_eq!(parse_decimal("1.2345", 4)?, Decimal::new(12345, 4));
        assert_eq!(parse_decimal("24000.00", 2)?.to_string(), "24000.00");
        assert!(!parse_decimal("-0", 2)?.is_sign_negative());
        assert_eq!(
            parse_decimal("999999999999999.9999", 4)?,
            Decimal::from_i128_with_scale(9_999_999_999_999_999_999, 4)
        );
        Ok(())
    }

    #[test]
    fn parse_rejects_everything_else() {
        for bad in [
            "1e3", "1E3", "1,000", " 1", "1 ", "", "NaN", "nan", "inf", "-", "+", "--1", "+-1",
            "1.", ".5", "1.2.3", "0x10", "1_000", "١", "12a", "1.23456",
        ] {
            let error = parse_decimal(bad, 4).expect_err(bad);
            assert!(
                matches!(&error, MoneyError::Parse { field, found, .. } if field == "value" && found == bad),
                "{bad:?}: {error:?}"
            );
            assert!(
                error.to_string().contains("1 to 4 decimal digits"),
                "{error}"
            );
        }
        assert!(matches!(
            parse_decimal("1000000000000000", 0),
            Err(MoneyError::OutOfBounds { .. })
        ));
        let error = parse_decimal_field("lines[2].quantity", "1.5", 0).expect_err("decimals");
        assert_eq!(
            error.to_string(),
            "lines[2].quantity: expected a whole number: optional '-' or '+' and digits only (no \
             decimals, exponent, spaces or thousands separators), found \"1.5\""
        );
    }

    #[test]
    fn consultancy_invoice_worked_example() -> Result<(), MoneyError> {
        let mut input = invoice("EUR", vec![line("20", "1200", "S")], vec![tax("S", "19")]);
        input.paid = d("5000");
        let totals = compute(&input)?;
        let printed = totals.formatted();
        assert_eq!(printed.lines[0].net, "24,000.00");
        assert_eq!(printed.lines[0].quantity, "20");
        assert_eq!(printed.lines[0].unit_price, "1,200.00");
        assert_eq!(printed.line_total, "24,000.00");
        assert_eq!(printed.taxes[0].base, "24,000.00");
        assert_eq!(printed.taxes[0].tax, "4,560.00");
        assert_eq!(printed.taxes[0].rate_percent, "19");
        assert_eq!(printed.tax_total, "4,560.00");
        assert_eq!(printed.rounding, "0.00");
        assert_eq!(printed.total, "28,560.00");
        assert_eq!(printed.paid, "5,000.00");
        assert_eq!(printed.due, "23,560.00");
        assert_eq!(printed.currency, "EUR");
        assert_eq!(totals.total.to_string(), "28560.00");
        Ok(())
    }

    #[test]
    fn credit_note_mirrors_the_invoice_with_negative_amounts() -> Result<(), MoneyError> {
        let mut credit = invoice("EUR", vec![line("-20", "1200", "S")], vec![tax("S", "19")]);
        credit.credit_note = true;
        credit.paid = d("5000");
        let printed = compute(&credit)?.formatted();
        assert_eq!(printed.lines[0].net, "-24,000.00");
        assert_eq!(printed.taxes[0].tax, "-4,560.00");
        assert_eq!(printed.total, "-28,560.00");
        assert_eq!(printed.paid, "-5,000.00");
        assert_eq!(printed.due, "-23,560.00");
        assert!(printed.credit_note);

        // Positive lines are refused on a credit note, negative ones on an invoice.
        credit.lines = vec![line("20", "1200", "S")];
        assert_eq!(
            compute(&credit),
            Err(MoneyError::PositiveOnCreditNote {
                field: "lines[0]".to_string(),
                amount: d("24000"),
            })
        );
        credit.lines = vec![line("-1", "-5", "S")];
        assert!(matches!(
            compute(&credit),
            Err(MoneyError::PositiveOnCreditNote { .. })
        ));
        credit.lines = vec![line("2", "-5", "S")];
        assert_eq!(compute(&credit)?.total, d("-11.90"));
        Ok(())
    }

    #[test]
    fn category_tax_differs_from_summed_line_taxes() -> Result<(), MoneyError> {
        let usd = cur("USD");
        let input = invoice(
            "USD",
            vec![
                line("1", "0.05", "R"),
                line("1", "0.05", "R"),
                line("1", "0.05", "R"),
            ],
            vec![tax("R", "10")],
        );
        let totals = compute(&input)?;
        // Per line: round(0.05 x 10%) = round(0.005) = 0.01, three times 0.03.
        let summed_line_taxes = totals
            .lines
            .iter()
            .map(|l| round_amount(l.net * d("10") / Decimal::ONE_HUNDRED, usd))
            .fold(Decimal::ZERO, |a, b| a + b);
        assert_eq!(summed_line_taxes, d("0.03"));
        // Per category (EN 16931 BR-CO-17): round(0.15 x 10%) = round(0.015) = 0.02.
        assert_eq!(totals.taxes[0].base, d("0.15"));
        assert_eq!(totals.taxes[0].tax, d("0.02"));
        assert_eq!(totals.total, d("0.17"));
        assert_eq!(totals.rounding, Decimal::ZERO);
        Ok(())
    }

    #[test]
    fn jpy_has_no_decimals() -> Result<(), MoneyError> {
        let totals = compute(&invoice(
            "JPY",
            vec![line("1", "1234.5", "S"), line("3", "333", "S")],
            vec![tax("S", "10")],
        ))?;
        let printed = totals.formatted();
        assert_eq!(printed.lines[0].net, "1,235");
        assert_eq!(printed.lines[0].unit_price, "1,234.5");
        assert_eq!(printed.lines[1].net, "999");
        assert_eq!(printed.line_total, "2,234");
        assert_eq!(printed.tax_total, "223"); // 223.4
        assert_eq!(printed.total, "2,457");
        assert_eq!(totals.total.scale(), 0);

        // Discounts finer than a yen are refused.
        let mut input = invoice("JPY", vec![line("1", "100", "S")], vec![tax("S", "10")]);
        input.lines[0].discount = d("0.5");
        assert_eq!(
            compute(&input),
            Err(MoneyError::TooManyDecimals {
                field: "lines[0].discount".to_string(),
                value: d("0.5"),
                max_dp: 0,
            })
        );
        Ok(())
    }

    #[test]
    fn bhd_has_three_decimals() -> Result<(), MoneyError> {
        let totals = compute(&invoice(
            "BHD",
            vec![line("3", "1.2345", "S")],
            vec![tax("S", "10")],
        ))?;
        let printed = totals.formatted();
        assert_eq!(printed.lines[0].net, "3.704"); // 3.7035 rounds away from zero
        assert_eq!(printed.taxes[0].tax, "0.370"); // 0.3704
        assert_eq!(printed.total, "4.074");
        assert_eq!(totals.total.scale(), 3);
        Ok(())
    }

    #[test]
    fn line_discount_reduces_the_rounded_line_amount() -> Result<(), MoneyError> {
        let mut input = invoice("USD", vec![line("3", "33.335", "S")], vec![tax("S", "20")]);
        input.lines[0].discount = d("10");
        let totals = compute(&input)?;
        // round(100.005) = 100.01, less 10.00.
        assert_eq!(totals.lines[0].net, d("90.01"));
        assert_eq!(totals.lines[0].discount, d("10"));
        assert_eq!(totals.taxes[0].tax, d("18.00")); // 18.002
        input.lines[0].discount = d("100.02");
        assert_eq!(
            compute(&input),
            Err(MoneyError::DiscountExceedsAmount {
                field: "lines[0].discount".to_string(),
                discount: d("100.02"),
                amount: d("100.01"),
            })
        );
        input.lines[0].discount = d("100.01");
        assert_eq!(compute(&input)?.total, Decimal::ZERO);
        Ok(())
    }

    #[test]
    fn invoice_discount_is_split_in_proportion_to_category_nets() -> Result<(), MoneyError> {
        let mut input = invoice(
            "EUR",
            vec![line("1", "100", "A"), line("1", "200", "B")],
            vec![tax("A", "19"), tax("B", "7")],
        );
        input.invoice_discount = d("30");
        let totals = compute(&input)?;
        assert_eq!(totals.taxes[0].base, d("90"));
        assert_eq!(totals.taxes[1].base, d("180"));
        assert_eq!(totals.taxes[0].tax, d("17.10"));
        assert_eq!(totals.taxes[1].tax, d("12.60"));
        assert_eq!(totals.total, d("299.70"));

        // Three equal categories share 0.10: 0.04 to the first declared, 0.03 to the others.
        let mut input = invoice(
            "EUR",
            vec![
                line("1", "1", "A"),
                line("1", "1", "B"),
                line("1", "1", "C"),
            ],
            vec![tax("A", "0"), tax("B", "0"), tax("C", "0")],
        );
        input.invoice_discount = d("0.10");
        let bases: Vec<Decimal> = compute(&input)?.taxes.iter().map(|t| t.base).collect();
        assert_eq!(bases, vec![d("0.96"), d("0.97"), d("0.97")]);

        input.invoice_discount = d("3.01");
        assert_eq!(
            compute(&input),
            Err(MoneyError::DiscountExceedsAmount {
                field: "invoice_discount".to_string(),
                discount: d("3.01"),
                amount: d("3.00"),
            })
        );
        Ok(())
    }

    #[test]
    fn unused_categories_are_omitted_and_notes_kept() -> Result<(), MoneyError> {
        let mut exempt = tax("E", "0");
        exempt.note = Some("Reverse charge".to_string());
        let totals = compute(&invoice(
            "EUR",
            vec![line("1", "10", "E")],
            vec![tax("S", "19"), exempt],
        ))?;
        assert_eq!(totals.taxes.len(), 1);
        assert_eq!(totals.taxes[0].category, "E");
        assert_eq!(totals.taxes[0].note.as_deref(), Some("Reverse charge"));
        assert_eq!(
            totals.formatted().taxes[0].note.as_deref(),
            Some("Reverse charge")
        );
        Ok(())
    }

    #[test]
    fn errors_name_the_field_and_what_was_expected() {
        let base = || {
            invoice(
                "USD",
                vec![line("1", "1", "S"), line("2", "3", "S")],
                vec![tax("S", "19")],
            )
        };

        let mut input = base();
        input.lines[1].quantity = d("-2");
        let error = compute(&input).expect_err("negative quantity");
        assert_eq!(
            error,
            MoneyError::NegativeOutsideCreditNote {
                field: "lines[1].quantity".to_string(),
                value: d("-2"),
            }
        );
        assert!(
            error
                .to_string()
                .starts_with("lines[1].quantity: expected a value >= 0")
        );

        let mut input = base();
        input.lines[0].unit_price = d("-1");
        assert!(
            matches!(compute(&input), Err(MoneyError::NegativeOutsideCreditNote { field, .. }) if field == "lines[0].unit_price")
        );

        let mut input = base();
        input.lines[1].unit_price = d("1.23456");
        assert_eq!(
            compute(&input),
            Err(MoneyError::TooManyDecimals {
                field: "lines[1].unit_price".to_string(),
                value: d("1.23456"),
                max_dp: 4,
            })
        );
        // Trailing zeros do not count as decimals.
        input.lines[1].unit_price = d("1.23450000");
        assert!(compute(&input).is_ok());

        let mut input = base();
        input.lines[0].quantity = d("0.00001");
        assert!(
            matches!(compute(&input), Err(MoneyError::TooManyDecimals { field, max_dp: 4, .. }) if field == "lines[0].quantity")
        );

        let mut input = base();
        input.lines[1].tax_category = "Z".to_string();
        let error = compute(&input).expect_err("unknown category");
        assert_eq!(
            error.to_string(),
            "lines[1].tax_category: expected one of the declared tax categories [S], found \"Z\""
        );

        for rate in ["-1", "100.01", "101"] {
            let mut input = base();
            input.taxes[0].rate_percent = d(rate);
            assert_eq!(
                compute(&input),
                Err(MoneyError::RateOutOfRange {
                    field: "taxes[0].rate_percent".to_string(),
                    value: d(rate),
                })
            );
        }
        let mut input = base();
        input.taxes[0].rate_percent = d("100");
        assert_eq!(compute(&input).map(|t| t.tax_total), Ok(d("7")));

        let mut input = base();
        input.taxes.push(tax("S", "7"));
        assert!(
            matches!(compute(&input), Err(MoneyError::DuplicateTaxCategory { field, .. }) if field == "taxes[1].category")
        );

        let mut input = base();
        input.taxes.push(tax(" ", "7"));
        assert!(
            matches!(compute(&input), Err(MoneyError::EmptyTaxCategory { field }) if field == "taxes[1].category")
        );

        let mut input = base();
        input.lines.clear();
        let error = compute(&input).expect_err("no lines");
        assert_eq!(error, MoneyError::NoLines);
        assert_eq!(
            error.to_string(),
            "lines: expected at least one line item, found none"
        );

        let mut input = base();
        input.lines[0].discount = d("-1");
        assert!(
            matches!(compute(&input), Err(MoneyError::NegativeMagnitude { field, .. }) if field == "lines[0].discount")
        );

        let mut input = base();
        input.paid = d("-1");
        assert!(
            matches!(compute(&input), Err(MoneyError::NegativeMagnitude { field, .. }) if field == "paid")
        );

        let mut input = base();
        input.paid = d("0.001");
        assert!(
            matches!(compute(&input), Err(MoneyError::TooManyDecimals { field, .. }) if field == "paid")
        );

        let mut input = base();
        input.invoice_discount = d("-1");
        assert!(
            matches!(compute(&input), Err(MoneyError::NegativeMagnitude { field, .. }) if field == "invoice_discount")
        );
    }

    #[test]
    fn huge_amounts_are_errors_not_panics() {
        let mut input = invoice("USD", vec![line("1", "1", "S")], vec![tax("S", "19")]);
        input.lines[0].quantity = Decimal::MAX;
        assert_eq!(
            compute(&input),
            Err(MoneyError::OutOfBounds {
                field: "lines[0].quantity".to_string()
            })
        );
        // Each factor within bounds, product not.
        input.lines[0].quantity = d("999999999");
        input.lines[0].unit_price = d("999999999");
        assert_eq!(
            compute(&input),
            Err(MoneyError::OutOfBounds {
                field: "lines[0]".to_string()
            })
        );
        // Each line within bounds, sum not.
        let big = || line("999999999", "999999", "S");
        input.lines = vec![big(), big(), big()];
        assert_eq!(
            compute(&input),
            Err(MoneyError::OutOfBounds {
                field: "line_total".to_string()
            })
        );
        input.lines = vec![line("1", "1", "S")];
        input.paid = Decimal::MAX;
        assert!(
            matches!(compute(&input), Err(MoneyError::OutOfBounds { field }) if field == "paid")
        );
        input.paid = Decimal::MIN;
        assert!(matches!(
            compute(&input),
            Err(MoneyError::NegativeMagnitude { .. })
        ));
    }

    #[test]
    fn formatted_totals_serialize_as_strings() -> Result<(), Box<dyn std::error::Error>> {
        let totals = compute(&invoice(
            "EUR",
            vec![line("20", "1200", "S")],
            vec![tax("S", "19")],
        ))?;
        let json = serde_json::to_value(totals.formatted())?;
        assert_eq!(json["total"], "28,560.00");
        assert_eq!(json["lines"][0]["net"], "24,000.00");
        assert_eq!(json["taxes"][0]["tax"], "4,560.00");
        let raw = serde_json::to_value(&totals)?;
        assert_eq!(raw["currency"]["code"], "EUR");
        assert_eq!(raw["total"], "28560.00");
        Ok(())
    }

    #[test]
    fn allocation_is_exact_and_fair() {
        assert_eq!(allocate(10, &[1, 1, 1]), Some(vec![4, 3, 3]));
        assert_eq!(allocate(10, &[0, 5, 5]), Some(vec![0, 5, 5]));
        assert_eq!(allocate(0, &[3, 4]), Some(vec![0, 0]));
        assert_eq!(allocate(7, &[0, 0]), Some(vec![0, 0]));
        assert_eq!(allocate(2, &[1, 1, 1]), Some(vec![1, 1, 0]));
        assert_eq!(allocate(5, &[]), Some(vec![]));
    }

    // ----- property tests -----

    const PROPTEST_CURRENCIES: &[&str] = &["USD", "EUR", "JPY", "KRW", "BHD", "KWD", "CHF", "GBP"];

    fn currency_strategy() -> impl Strategy<Value = Currency> {
        prop::sample::select(PROPTEST_CURRENCIES).prop_map(cur)
    }

    /// A non-negative decimal with a bounded mantissa and scale.
    fn decimal(max_mantissa: i64, max_scale: u32) -> impl Strategy<Value = Decimal> {
        (0..=max_mantissa, 0..=max_scale)
            .prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
    }

    /// `permille / 1000` of `magnitude`, truncated to the minor unit.
    fn fraction_of(magnitude: Decimal, permille: u32, currency: Currency) -> Decimal {
        (magnitude.abs() * Decimal::from(permille) / Decimal::from(1000))
            .round_dp_with_strategy(currency.minor_units(), RoundingStrategy::ToZero)
    }

    #[derive(Debug, Clone)]
    struct Shape {
        currency: Currency,
        rates: Vec<Decimal>,
        lines: Vec<(Decimal, Decimal, u32, usize)>,
        discount_permille: u32,
        paid_permille: u32,
    }

    fn shape_strategy() -> impl Strategy<Value = Shape> {
        (
            currency_strategy(),
            prop::collection::vec(
                prop_oneof![
                    prop::sample::select(vec![
                        "0", "2.1", "5.5", "7.7", "8.1", "10", "19", "20", "21", "25"
                    ])
                    .prop_map(d),
                    (0..=10_000_i64).prop_map(|mantissa| Decimal::new(mantissa, 2)),
                ],
                1..=4,
            ),
            prop::collection::vec(
                // Up to 10^6 units at up to 10^7: every generated invoice stays within bounds.
                (
                    decimal(1_000_000, 4),
                    decimal(10_000_000, 4),
                    0..=1000_u32,
                    0..8_usize,
                ),
                1..=8,
            ),
            prop_oneof![Just(0_u32), 0..=1000_u32],
            0..=1200_u32,
        )
            .prop_map(
                |(currency, rates, lines, discount_permille, paid_permille)| Shape {
                    currency,
                    rates,
                    lines,
                    discount_permille,
                    paid_permille,
                },
            )
    }

    /// Builds a valid invoice (or credit note) of the given shape.
    fn build(shape: &Shape, credit_note: bool) -> InvoiceInput {
        let currency = shape.currency;
        let taxes: Vec<TaxCategory> = shape
            .rates
            .iter()
            .enumerate()
            .map(|(i, rate)| TaxCategory {
                category: format!("T{i}"),
                rate_percent: *rate,
                note: None,
            })
            .collect();
        let lines = shape
            .lines
            .iter()
            .map(|&(quantity, price, discount_permille, category)| {
                let quantity = if credit_note { -quantity } else { quantity };
                let amount = round_amount(quantity * price, currency);
                LineInput {
                    description: "item".to_string(),
                    quantity,
                    unit_price: price,
                    discount: fraction_of(amount, discount_permille, currency),
                    tax_category: format!("T{}", category % taxes.len()),
                }
            })
            .collect::<Vec<_>>();
        let mut input = InvoiceInput {
            currency,
            lines,
            invoice_discount: Decimal::ZERO,
            taxes,
            paid: Decimal::ZERO,
            credit_note,
        };
        if let Ok(totals) = compute(&input) {
            input.invoice_discount =
                fraction_of(totals.line_total, shape.discount_permille, currency);
        }
        if let Ok(totals) = compute(&input) {
            input.paid = fraction_of(totals.total, shape.paid_permille, currency);
        }
        input
    }

    fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
        values.into_iter().fold(Decimal::ZERO, |a, b| a + b)
    }

    fn arbitrary_decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                any::<bool>(),
                0..=28_u32
            )
                .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(
                    lo, mid, hi, negative, scale
                )),
            (any::<i64>(), 0..=6_u32).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
            Just(Decimal::MAX),
            Just(Decimal::MIN),
            Just(Decimal::ZERO),
        ]
    }

    proptest! {

        /// The printed (formatted, then re-parsed) total equals the printed line nets minus the
        /// printed invoice discount plus the printed taxes plus the printed rounding, to the minor
        /// unit; printed due = printed total - printed paid.
        #[test]
        fn printed_totals_add_up(shape in shape_strategy(), credit_note in any::<bool>()) {
            let input = build(&shape, credit_note);
            let currency = input.currency;
            let totals = compute(&input).expect("generated invoices are valid");
            let printed = totals.formatted();
            let p = |text: &str| reparse(text, currency);

            let nets = sum(printed.lines.iter().map(|l| p(&l.net)));
            let taxes = sum(printed.taxes.iter().map(|t| p(&t.tax)));
            prop_assert_eq!(
                p(&printed.total),
                nets - p(&printed.invoice_discount) + taxes + p(&printed.rounding)
            );
            prop_assert_eq!(p(&printed.line_total), nets);
            prop_assert_eq!(p(&printed.tax_total), taxes);
            prop_assert_eq!(p(&printed.due), p(&printed.total) - p(&printed.paid));
            prop_assert_eq!(totals.due, totals.total - totals.paid);
            prop_assert_eq!(totals.rounding, Decimal::ZERO);

            // Every printed amount re-parses to the exact amount, with exactly minor_units decimals.
            let amounts = [totals.line_total, totals.invoice_discount, totals.tax_total,
                totals.rounding, totals.total, totals.paid, totals.due];
            let strings = [&printed.line_total, &printed.invoice_discount, &printed.tax_total,
                &printed.rounding, &printed.total, &printed.paid, &printed.due];
            for (amount, text) in amounts.iter().zip(strings) {
                prop_assert_eq!(*amount, p(text));
                prop_assert_eq!(amount.scale(), currency.minor_units());
                let decimals = text.split_once('.').map_or(0, |(_, f)| f.len());
                prop_assert_eq!(decimals, currency.minor_units() as usize);
            }

            // Signs follow the document type.
            for amount in totals.lines.iter().map(|l| l.net).chain([totals.total, totals.tax_total]) {
                if credit_note {
                    prop_assert!(amount <= Decimal::ZERO);
                } else {
                    prop_assert!(amount >= Decimal::ZERO);
                }
            }
        }

        /// Tax is round(base x rate / 100) per category, the bases add up to the discounted line
        /// total, and each category's share of the invoice discount is within one minor unit of
        /// its exact proportion.
        #[test]
        fn category_taxes_and_discount_shares(shape in shape_strategy(), credit_note in any::<bool>()) {
            let input = build(&shape, credit_note);
            let currency = input.currency;
            let totals = compute(&input).expect("generated invoices are valid");
            let unit = Decimal::new(1, currency.minor_units());
            prop_assert_eq!(
                sum(totals.taxes.iter().map(|t| t.base)),
                totals.line_total - totals.invoice_discount
            );
            for tax in &totals.taxes {
                prop_assert_eq!(
                    tax.tax,
                    round_amount(tax.base * tax.rate_percent / Decimal::ONE_HUNDRED, currency)
                );
                let category_net = sum(
                    totals.lines.iter().filter(|l| l.tax_category == tax.category).map(|l| l.net),
                );
                let share = (category_net - tax.base).abs();
                let exact_times_total = totals.invoice_discount.abs() * category_net.abs();
                let total = totals.line_total.abs();
                prop_assert!((share * total - exact_times_total).abs() < unit * total || total.is_zero());
            }
        }

        /// A credit note that mirrors an invoice has exactly the negated totals.
        #[test]
        fn credit_note_negates_invoice(shape in shape_strategy()) {
            let invoice = compute(&build(&shape, false)).expect("valid invoice");
            let credit = compute(&build(&shape, true)).expect("valid credit note");
            prop_assert_eq!(credit.total, -invoice.total);
            prop_assert_eq!(credit.tax_total, -invoice.tax_total);
            prop_assert_eq!(credit.invoice_discount, -invoice.invoice_discount);
            prop_assert_eq!(credit.due, -invoice.due);
            for (c, i) in credit.taxes.iter().zip(&invoice.taxes) {
                prop_assert_eq!(c.base, -i.base);
                prop_assert_eq!(c.tax, -i.tax);
            }
            let printed = invoice.formatted();
            let printed_credit = credit.formatted();
            if invoice.total.is_zero() {
                prop_assert_eq!(&printed_credit.total, &printed.total);
            } else {
                prop_assert_eq!(printed_credit.total, format!("-{}", printed.total));
            }
        }

        /// format_amount then re-parse returns round_amount, for any amount within bounds.
        #[test]
        fn format_round_trips(mantissa in -99_999_999_999_999_i64..=99_999_999_999_999, scale in 0..=6_u32,
                              currency in currency_strategy()) {
            let value = Decimal::new(mantissa, scale);
            let printed = format_amount(value, currency);
            prop_assert_eq!(reparse(&printed, currency), round_amount(value, currency));
            if round_amount(value, currency).is_zero() {
                prop_assert!(!printed.starts_with('-'), "negative zero printed: {}", printed);
            }
        }

        /// Rounding moves a value by at most half a minor unit and ties go away from zero.
        #[test]
        fn rounding_is_half_away_from_zero(mantissa in any::<i64>(), scale in 0..=10_u32, currency in currency_strategy()) {
            let value = Decimal::new(mantissa, scale);
            let rounded = round_amount(value, currency);
            let half = Decimal::new(5, currency.minor_units() + 1);
            let error = (rounded - value).abs();
            prop_assert!(error <= half);
            if error == half && !value.is_zero() {
                prop_assert!(rounded.abs() > value.abs());
            }
        }

        /// Nothing panics on arbitrary numbers, however large or fine.
        #[test]
        fn no_panics_on_arbitrary_numbers(
            values in prop::collection::vec(arbitrary_decimal(), 8),
            currency in currency_strategy(),
            credit_note in any::<bool>(),
            line_count in 0..3_usize,
        ) {
            let _ = round_amount(values[0], currency);
            let _ = format_amount(values[1], currency);
            let _ = format_unit_price(values[2], currency);
            let _ = format_quantity(values[3]);
            let lines = (0..line_count)
                .map(|i| LineInput {
                    description: String::new(),
                    quantity: values[i],
                    unit_price: values[i + 1],
                    discount: values[i + 2],
                    tax_category: "S".to_string(),
                })
                .collect();
            let input = InvoiceInput {
                currency,
                lines,
                invoice_discount: values[5],
                taxes: vec![TaxCategory { category: "S".to_string(), rate_percent: values[6], note: None }],
                paid: values[7],
                credit_note,
            };
            if let Ok(totals) = compute(&input) {
                let _ = totals.formatted();
            }
        }

        /// parse_decimal never panics and accepts exactly the plain grammar.
        #[test]
        fn parse_never_panics(text in "\\PC{0,40}", max_dp in 0..40_u32) {
            let _ = parse_decimal(&text, max_dp);
        }

        #[test]
        fn parse_accepts_plain_numbers(negative in any::<bool>(), integer in "[0-9]{1,15}",
                                       fraction in prop::option::of("[0-9]{1,4}")) {
            let text = format!("{}{}{}", if negative { "-" } else { "" }, integer,
                fraction.as_ref().map(|f| format!(".{f}")).unwrap_or_default());
            let value = parse_decimal(&text, 4).expect("plain numbers parse");
            let canonical = Decimal::from_str_exact(&text).expect("valid for rust_decimal too");
            prop_assert_eq!(value, canonical);
        }
    }
}
