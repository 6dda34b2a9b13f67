//! The payment reminders due: which stage each overdue invoice has reached, and each
//! reminder's key, so that a reminder once issued is never issued twice.

use rust_decimal::Decimal;

use super::*;
use crate::locale::Locale;
use crate::model::{Date, Engagement, Message, Recipient, Reminder, ReminderStage, TBD};
use crate::money::{Currency, NumberFormat};

/// The key of an invoice's reminder at a stage: its number made a key, and the stage
/// (`inv-2026-0460-friendly`).
pub fn reminder_key(number: &str, stage: &str) -> String {
    let mut key = String::new();
    for c in number.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    let mut key = key.trim_end_matches('-').to_string();
    if key.is_empty() {
        key.push_str("invoice");
    }
    // Room for `-` and the stage within the key length limit.
    let room = crate::instances::MAX_KEY_LEN.saturating_sub(stage.len() + 1);
    key.truncate(room);
    let key = key.trim_end_matches('-');
    format!("{key}-{stage}")
}

/// The reminders due on the account's date: for each overdue invoice with an amount open,
/// the first stage the ledger has not recorded as sent, once its day has come (one stage at
/// a time, in order, each once). Never for a paid or credited invoice.
///
/// Worded in the engagement's `locale`: its figures as the locale writes them, and the
/// sentences docket adds to the stage's own wording (the email's subject, the invoice's
/// figures and the payment line of its body, the recipient when the client has no billing
/// contact) from `reminder.ftl`. The stage's subject and paragraphs are the rules' text.
///
/// # Errors
/// [`crate::error::Error::Internal`] when the locale lacks one of those messages (the
/// translation check makes every locale have the reference's).
pub fn reminders(
    account: &Account,
    engagement: &Engagement,
    invoices: &[(Issued<'_>, bool)],
    stages: &[ReminderStage],
    locale: &Locale,
) -> crate::error::Result<Vec<Reminder>> {
    let numbers: &dyn NumberFormat = locale;
    let mut out = Vec::new();
    for s in &account.invoices {
        // An invoice numbered in this very build has no number to name its reminder by
        // yet (nor is it overdue, unless back-dated): its reminder waits for the next build.
        if s.state != State::Overdue || s.number == TBD {
            continue;
        }
        let Some((n, stage)) = stages
            .iter()
            .enumerate()
            .find(|(_, st)| !s.reminders_sent.contains(&st.name))
        else {
            continue;
        };
        if s.days_overdue < i64::from(stage.days) {
            continue;
        }
        let Some((inv, _)) = invoices.iter().find(|(i, _)| i.name == s.name) else {
            continue;
        };
        let Some(currency) = Currency::from_code(&s.currency) else {
            continue;
        };
        let fmt = |d: Decimal| numbers.amount(d, currency);
        let date = |d: Option<Date>| d.map_or_else(|| TBD.to_string(), |d| d.to_string());
        let contact = engagement.client_details.billing_contact.clone();
        let recipients = vec![match contact {
            Some(c) => c,
            None => Recipient {
                name: locale.message(
                    "reminder_accounts_payable",
                    &[("client", &engagement.client_details.legal_name)],
                )?,
                email: TBD.into(),
            },
        }];
        let subject = locale.message(
            "reminder_email_subject",
            &[("subject", &stage.subject), ("invoice", &s.number)],
        )?;
        let figures = locale.message(
            "reminder_email_figures",
            &[
                ("invoice", &s.number),
                ("issued", &locale.date(&date(s.issue_date))),
                ("due", &locale.date(&date(s.due_date))),
                ("open", &numbers.money(s.open, currency)),
                ("days", &s.days_overdue.to_string()),
            ],
        )?;
        let payment = locale.message(
            "reminder_email_payment",
            &[("remittance", &inv.data.remittance)],
        )?;
        let body = format!(
            "{}\n\n{figures}\n\n{payment}",
            stage.paragraphs.join("\n\n"),
        );
        out.push(Reminder {
            key: Some(reminder_key(&s.number, &stage.name)),
            date: account.as_of.to_string(),
            invoice: s.number.clone(),
            invoice_name: s.name.clone(),
            issue_date: date(s.issue_date),
            due_date: date(s.due_date),
            days_overdue: s.days_overdue,
            stage: stage.name.clone(),
            stage_number: n + 1,
            stages: stages.len(),
            currency: currency.code().to_string(),
            amount: fmt(s.amount),
            paid: fmt(s.paid),
            credited: fmt(s.credited),
            open: fmt(s.open),
            open_money: numbers.money(s.open, currency),
            seller: inv.data.seller.clone(),
            buyer: inv.data.buyer.clone(),
            remittance: inv.data.remittance.clone(),
            paragraphs: stage.paragraphs.clone(),
            sender: engagement.provider.name.clone(),
            recipients,
            messages: vec![Message {
                subject,
                send_on: crate::model::Fact::Known(account.as_of),
                body,
                scope: None,
            }],
        });
    }
    Ok(out)
}
