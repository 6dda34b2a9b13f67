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

mod allocation;
mod amount;
mod totals;

use allocation::*;
pub use amount::*;
pub use totals::*;

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

#[cfg(test)]
mod tests;
