use super::*;

#[test]
fn aging_buckets_at_their_boundaries() {
    let cases = [
        (-5, Bucket::Current),
        (0, Bucket::Current),
        (1, Bucket::Days1To30),
        (30, Bucket::Days1To30),
        (31, Bucket::Days31To60),
        (60, Bucket::Days31To60),
        (61, Bucket::Days61To90),
        (90, Bucket::Days61To90),
        (91, Bucket::Over90),
        (400, Bucket::Over90),
    ];
    for (days, bucket) in cases {
        assert_eq!(Bucket::of(days), bucket, "{days} days");
    }
}

/// An account of one paid invoice and one overdue one, on 2026-11-24.
fn overdue_account() -> Account {
    let d = |s: &str| Date::parse(s).unwrap();
    let invoice = |number: &str, issued: &str, due: &str, paid: Decimal| {
        let amount = Decimal::new(if paid.is_zero() { 840_000 } else { 720_000 }, 2);
        let open = amount - paid;
        let days = (d("2026-11-24").0 - d(due).0).whole_days();
        InvoiceState {
            name: format!("invoice:{number}"),
            key: None,
            number: number.into(),
            issue_date: Some(d(issued)),
            due_date: Some(d(due)),
            currency: "USD".into(),
            amount,
            paid,
            credited: Decimal::ZERO,
            open,
            state: if open.is_zero() {
                State::Paid
            } else {
                State::Overdue
            },
            days_overdue: if open.is_zero() { 0 } else { days },
            bucket: Bucket::of(if open.is_zero() { 0 } else { days }),
            reminders_sent: Vec::new(),
        }
    };
    let open = Decimal::new(840_000, 2);
    Account {
        as_of: d("2026-11-24"),
        invoices: vec![
            invoice(
                "INV-1",
                "2026-02-17",
                "2026-03-19",
                Decimal::new(720_000, 2),
            ),
            invoice("INV-2", "2026-10-12", "2026-11-11", Decimal::ZERO),
        ],
        credits: Vec::new(),
        payments: vec![PaymentEntry {
            date: d("2026-02-20"),
            currency: "USD".into(),
            amount: Decimal::new(720_000, 2),
            method: "ACH".into(),
            reference: "REF-1".into(),
            invoices: vec!["INV-1".into()],
        }],
        held: Vec::new(),
        aging: vec![Aging {
            currency: "USD".into(),
            open,
            overdue: open,
            due_now: open,
            buckets: [
                Decimal::ZERO,
                open,
                Decimal::ZERO,
                Decimal::ZERO,
                Decimal::ZERO,
            ],
            invoices: 1,
            oldest_due: Some(d("2026-11-11")),
            max_days_overdue: 13,
        }],
    }
}

fn locales() -> crate::locale::Locales {
    crate::locale::Locales::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
    )
    .unwrap()
}

#[test]
fn the_statement_is_worded_and_figured_in_the_engagement_locale() {
    let locales = locales();
    let account = overdue_account();
    let words = |tag: &str| {
        let locale = locales.get(tag).unwrap();
        let s = statement(&account, None, locale).unwrap();
        let c = &s["currencies"][0];
        (
            c["lines"][0]["description"].as_str().unwrap().to_string(),
            c["lines"][1]["description"].as_str().unwrap().to_string(),
            c["lines"][0]["debit"].as_str().unwrap().to_string(),
            c["due_now_money"].as_str().unwrap().to_string(),
            c["open_invoices"][0]["state_text"]
                .as_str()
                .unwrap()
                .to_string(),
            c["aging"][1]["label"].as_str().unwrap().to_string(),
            s["period_start"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(
        words("en-US"),
        (
            "Invoice, due March 19, 2026".into(),
            "Payment (ACH): INV-1".into(),
            "7,200.00".into(),
            "$8,400.00".into(),
            "overdue".into(),
            "1–30 days".into(),
            "2026-02-17".into(),
        )
    );
    assert_eq!(
        words("de-DE"),
        (
            "Rechnung, fällig am 19. März 2026".into(),
            "Zahlung (ACH): INV-1".into(),
            "7.200,00".into(),
            "8.400,00\u{a0}$".into(),
            "überfällig".into(),
            "1–30 Tage".into(),
            "2026-02-17".into(),
        )
    );
}

#[test]
fn reminder_keys_are_instance_keys() {
    assert_eq!(
        reminder_key("INV-2026-0460", "friendly"),
        "inv-2026-0460-friendly"
    );
    assert_eq!(reminder_key("INV/2026//7", "final"), "inv-2026-7-final");
    assert_eq!(reminder_key("###", "firm"), "invoice-firm");
    let long = "X".repeat(100);
    let key = reminder_key(&long, "friendly");
    assert!(crate::instances::check_key(&key).is_ok(), "{key}");
}
