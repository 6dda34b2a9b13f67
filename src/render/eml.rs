//! A final email sequence as one RFC 5322 message per email (`email-sequence-1.eml`...),
//! which a mail client opens as an unsent draft to review and send.
//!
//! Why files and not sending: docket never acts outside its output folder; the sender (a
//! person, or an orchestrator after its own checks) sends. `X-Unsent: 1` makes Outlook and
//! Thunderbird open the file as a draft. Everything a header carries is data: the values go
//! through [`text_char`](crate::render::markup::text_char) (no line break can start a new
//! header) and `mail-builder` encodes and folds them (RFC 2047 for non-ASCII). The
//! Message-ID and Date are derived from the engagement, never from the clock or the host,
//! so a rebuild writes the same bytes.

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::date::Date;
use mail_builder::headers::raw::Raw;
use serde_json::Value;

use crate::error::{Error, Result};

/// The drafts of an email sequence section: `(file name, bytes)` per message, in order.
/// `sender_email` is the provider's address (the From address); `date` the document's
/// date, used for messages whose send date is TBD.
pub fn drafts(
    engagement: &str,
    files: &crate::output::Files,
    section: &Value,
    sender_email: Option<&str>,
    date: &str,
) -> Result<Vec<(String, Vec<u8>)>> {
    let text = |v: &Value| -> String {
        v.as_str()
            .unwrap_or("")
            .chars()
            .filter_map(crate::render::markup::text_char)
            .collect::<String>()
            .trim()
            .to_string()
    };
    let known = |s: &str| !crate::text::is_tbd(s);
    let sender = text(&section["sender"]);
    let from = match sender_email.filter(|e| known(e)) {
        Some(email) => Address::new_address(Some(sender.clone()), email.to_string()),
        None => Address::new_group(Some(sender.clone()), Vec::new()),
    };
    let recipients: Vec<Address<'static>> = section["recipients"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|r| {
            let (name, email) = (text(&r["name"]), text(&r["email"]));
            if known(&email) {
                Address::new_address(Some(name), email)
            } else {
                // No address known: the name alone, as an empty group the sender fills in.
                Address::new_group(Some(name), Vec::new())
            }
        })
        .collect();
    let messages = section["messages"].as_array().cloned().unwrap_or_default();
    let mut out = Vec::with_capacity(messages.len());
    for (i, message) in messages.iter().enumerate() {
        let n = i + 1;
        let send_on = text(&message["send_on"]);
        let day = if known(&send_on) {
            send_on
        } else {
            date.to_string()
        };
        let epoch = crate::model::Date::parse(&day)
            .ok()
            .map_or(0, |d| d.0.midnight().assume_utc().unix_timestamp());
        let bytes = MessageBuilder::new()
            .from(from.clone())
            .to(Address::new_list(recipients.clone()))
            .subject(text(&message["subject"]))
            .date(Date::new(epoch))
            .message_id(format!("{engagement}.{}.{n}@docket.invalid", files.stem()))
            .header("X-Unsent", Raw::new("1"))
            .text_body(text(&message["body"]))
            .write_to_vec()
            .map_err(|e| Error::Internal(format!("{engagement}: email {n}: {e}")))?;
        out.push((files.eml(n), bytes));
    }
    Ok(out)
}
