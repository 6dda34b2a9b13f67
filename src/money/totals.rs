//! Invoice totals: lines, the invoice discount, tax per category, total and amount due
//! (EN 16931 BT-106 to BT-115), computed once and formatted once for every rendering.

use super::*;

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

/// A document-level charge (EN 16931 BG-21): a fee on the invoice as a whole (travel, a
/// setup fee), taxed under one of the invoice's categories.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChargeInput {
    /// What it is for (BT-104).
    pub reason: String,
    /// A non-negative magnitude at the currency's minor unit.
    pub amount: Decimal,
    /// The [`TaxCategory::category`] it is taxed under.
    pub tax_category: String,
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
    /// Document-level charges, each added to its category's taxable amount.
    pub charges: Vec<ChargeInput>,
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

/// A computed document-level charge.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChargeTotal {
    /// What it is for.
    pub reason: String,
    /// The amount with the document's sign (BT-99).
    pub amount: Decimal,
    /// Tax category of the charge.
    pub tax_category: String,
}

/// The tax of one category (EN 16931 VAT breakdown, BG-23).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TaxTotal {
    /// Category name.
    pub category: String,
    /// Rate in percent.
    pub rate_percent: Decimal,
    /// Taxable amount: the category's line nets less its share of the invoice discount, plus
    /// its charges (BT-116).
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
    /// The document-level charges, in input order.
    pub charges: Vec<ChargeTotal>,
    /// Sum of the charges (BT-108).
    pub charge_total: Decimal,
    /// One entry per tax category used by at least one line or charge, in declaration order.
    pub taxes: Vec<TaxTotal>,
    /// Sum of the category taxes.
    pub tax_total: Decimal,
    /// Explicit rounding amount (EN 16931 BT-114). Always zero: tax is computed per category, so no
    /// line-level rounding difference arises (see the module documentation).
    pub rounding: Decimal,
    /// `line_total - invoice_discount + charge_total + tax_total + rounding`.
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

/// A charge of [`FormattedTotals`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FormattedCharge {
    /// What it is for.
    pub reason: String,
    /// Amount, see [`format_amount`].
    pub amount: String,
    /// Tax category of the charge.
    pub tax_category: String,
}

/// A tax category of [`FormattedTotals`]: every number as its display string.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FormattedTax {
    /// Category name.
    pub category: String,
    /// Rate in percent without the `%` sign, see [`format_quantity`].
    pub rate_percent: String,
    /// The rate as the document's locale writes a percentage (`19%`, `19 %`).
    pub rate: String,
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
    /// Document-level charges.
    pub charges: Vec<FormattedCharge>,
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
    /// Amount due with its currency, as the locale writes money (`9.967,38 €`).
    pub due_money: String,
    /// Invoice total with its currency, as the locale writes money.
    pub total_money: String,
}

impl Totals {
    /// Every amount formatted with [`format_amount`] (quantities, unit prices and rates with
    /// [`format_quantity`] / [`format_unit_price`]).
    pub fn formatted(&self) -> FormattedTotals {
        self.formatted_in(&Plain)
    }

    /// Every amount formatted by `numbers` (a document's locale).
    pub fn formatted_in(&self, numbers: &dyn NumberFormat) -> FormattedTotals {
        let currency = self.currency;
        let amount = |value: Decimal| numbers.amount(value, currency);
        FormattedTotals {
            currency: currency.code().to_string(),
            credit_note: self.credit_note,
            lines: self
                .lines
                .iter()
                .map(|line| FormattedLine {
                    description: line.description.clone(),
                    quantity: numbers.quantity(line.quantity),
                    unit_price: numbers.unit_price(line.unit_price, currency),
                    discount: amount(line.discount),
                    net: amount(line.net),
                    tax_category: line.tax_category.clone(),
                })
                .collect(),
            line_total: amount(self.line_total),
            invoice_discount: amount(self.invoice_discount),
            charges: self
                .charges
                .iter()
                .map(|c| FormattedCharge {
                    reason: c.reason.clone(),
                    amount: amount(c.amount),
                    tax_category: c.tax_category.clone(),
                })
                .collect(),
            taxes: self
                .taxes
                .iter()
                .map(|tax| FormattedTax {
                    category: tax.category.clone(),
                    rate_percent: format_quantity(tax.rate_percent),
                    rate: numbers.percent(tax.rate_percent),
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
            due_money: numbers.money(self.due, currency),
            total_money: numbers.money(self.total, currency),
        }
    }
}

/// Validates an invoice (or credit note) and computes its totals.
///
/// Amounts follow EN 16931 (see the module documentation): line nets rounded half away from zero
/// to the minor unit, the invoice discount split across tax categories in proportion to their line
/// nets, tax rounded once per category, `rounding` always zero,
/// charges added to their category's taxable amount,
/// `total = line_total - invoice_discount + charge_total + tax_total + rounding`,
/// `due = total - paid`.
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
        let index = category_index(input, &line.tax_category, &category_field)?;
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

    // Charges: each a magnitude at the minor unit, under a declared category.
    let mut category_charges: Vec<Option<Decimal>> = vec![None; input.taxes.len()];
    let mut charges = Vec::with_capacity(input.charges.len());
    let mut charge_total = Decimal::ZERO;
    for (i, charge) in input.charges.iter().enumerate() {
        let field = format!("charges[{i}].amount");
        check_magnitude(&field, charge.amount, currency)?;
        let index = category_index(
            input,
            &charge.tax_category,
            &format!("charges[{i}].tax_category"),
        )?;
        let amount = round_amount(signed(charge.amount, credit_note), currency);
        charge_total = add("charge_total", charge_total, amount)?;
        let slot = category_charges
            .get_mut(index)
            .ok_or_else(|| out_of_bounds(&field))?;
        *slot = Some(add(&field, slot.unwrap_or(Decimal::ZERO), amount)?);
        charges.push(ChargeTotal {
            reason: charge.reason.clone(),
            amount,
            tax_category: charge.tax_category.clone(),
        });
    }
    let charge_total = round_amount(charge_total, currency);

    // Every category net has the document's sign, so its magnitude is its weight; a
    // category only a charge uses weighs nothing (the discount is of the lines).
    let used: Vec<(usize, &TaxCategory, Decimal)> = input
        .taxes
        .iter()
        .zip(category_nets.iter().zip(&category_charges))
        .enumerate()
        .filter(|(_, (_, (net, charged)))| net.is_some() || charged.is_some())
        .map(|(index, (tax, (net, _)))| (index, tax, net.unwrap_or(Decimal::ZERO)))
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
        let charged = category_charges
            .get(index)
            .copied()
            .flatten()
            .unwrap_or(Decimal::ZERO);
        let base = round_amount(add(&field, base, charged)?, currency);
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
    let total = add("total", total, charge_total)?;
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
        charges,
        charge_total,
        taxes,
        tax_total,
        rounding,
        total,
        paid,
        due,
    })
}

/// The index of a declared tax category, or the error naming `field` and the known ones.
fn category_index(input: &InvoiceInput, category: &str, field: &str) -> Result<usize, MoneyError> {
    input
        .taxes
        .iter()
        .position(|tax| tax.category == category)
        .ok_or_else(|| MoneyError::UnknownTaxCategory {
            field: field.to_string(),
            category: category.to_string(),
            known: input
                .taxes
                .iter()
                .map(|tax| tax.category.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}
