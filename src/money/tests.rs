//! Unit tests of `money`.

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
        charges: Vec::new(),
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
        "1e3", "1E3", "1,000", " 1", "1 ", "", "NaN", "nan", "inf", "-", "+", "--1", "+-1", "1.",
        ".5", "1.2.3", "0x10", "1_000", "١", "12a", "1.23456",
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
    assert!(matches!(compute(&input), Err(MoneyError::OutOfBounds { field }) if field == "paid"));
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
    (0..=max_mantissa, 0..=max_scale).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
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
        charges: Vec::new(),
        taxes,
        paid: Decimal::ZERO,
        credit_note,
    };
    if let Ok(totals) = compute(&input) {
        input.invoice_discount = fraction_of(totals.line_total, shape.discount_permille, currency);
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
            charges: vec![ChargeInput { reason: "fee".to_string(), amount: values[7], tax_category: "S".to_string() }],
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

fn charge(amount: &str, category: &str) -> ChargeInput {
    ChargeInput {
        reason: "Travel".to_string(),
        amount: d(amount),
        tax_category: category.to_string(),
    }
}

#[test]
fn a_charge_adds_to_its_categorys_taxable_amount() {
    let mut input = invoice(
        "EUR",
        vec![line("1", "100.00", "S"), line("1", "50.00", "R")],
        vec![tax("S", "19"), tax("R", "7"), tax("Z", "0")],
    );
    input.invoice_discount = d("15.00");
    input.charges = vec![charge("20.00", "S"), charge("5.00", "Z")];
    let t = compute(&input).expect("valid");
    // The discount is of the lines (10.00 and 5.00); the charges add to S and to Z, which
    // no line uses.
    let bases: Vec<(String, Decimal, Decimal)> = t
        .taxes
        .iter()
        .map(|x| (x.category.clone(), x.base, x.tax))
        .collect();
    assert_eq!(
        bases,
        [
            ("S".into(), d("110.00"), d("20.90")),
            ("R".into(), d("45.00"), d("3.15")),
            ("Z".into(), d("5.00"), d("0.00")),
        ]
    );
    assert_eq!(t.charge_total, d("25.00"));
    assert_eq!(t.total, d("150.00") - d("15.00") + d("25.00") + d("24.05"));
    assert_eq!(t.formatted().charges[0].amount, "20.00");

    // On a credit note the charge is credited: negative like every amount.
    let mut credit = input.clone();
    credit.credit_note = true;
    credit.lines = vec![line("-1", "100.00", "S"), line("-1", "50.00", "R")];
    let c = compute(&credit).expect("valid");
    assert_eq!(c.charge_total, d("-25.00"));
    assert_eq!(c.total, -t.total);

    // A negative charge, one finer than the minor unit or under an unknown category is an
    // error naming it.
    for (bad, field) in [
        (charge("-1.00", "S"), "charges[0].amount"),
        (charge("1.005", "S"), "charges[0].amount"),
        (charge("1.00", "Q"), "charges[0].tax_category"),
    ] {
        let mut i = input.clone();
        i.charges = vec![bad];
        let err = compute(&i).expect_err("invalid").to_string();
        assert!(err.starts_with(field), "{err}");
    }
}
