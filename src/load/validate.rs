//! Validation of loaded engagements beyond what serde checks: field sizes, ids, references,
//! stages, gates, invoices and envelope addresses, and the checks across engagements
//! (document ids, barcodes). The first problem is returned with its location.

use super::*;
use crate::model::Special;

/// The sections validation names in field paths.
const INVOICE: &str = Special::Invoice.section();
const ENVELOPE: &str = Special::Envelope.section();

/// Names used as file and folder names: lowercase ASCII letters, digits, `-` and `_`,
/// starting with a letter or digit, so no path separator or `..` can reach the file system.
pub fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A TBD due date follows from `Net N` payment terms and a known issue date.
pub(super) fn due_from_terms(inv: &mut crate::model::Invoice) {
    use crate::model::{Date, Fact};
    if inv.due_date != Fact::Tbd {
        return;
    }
    let days = inv
        .payment_terms
        .trim()
        .strip_prefix("Net ")
        .and_then(|n| n.trim().parse::<i64>().ok());
    if let (Some(days), Some(issued)) = (days, inv.issue_date.known())
        && let Some(due) = issued.0.checked_add(time::Duration::days(days))
    {
        inv.due_date = Fact::Known(Date(due));
    }
}

/// Invoice checks serde cannot make: currency, exact amounts (via the money module), dates.
pub(super) fn validate_invoice(
    inv: &crate::model::Invoice,
    file: &SourceFile,
    section: &str,
    credit_note: bool,
) -> Result<()> {
    if crate::money::Currency::from_code(&inv.currency).is_none() {
        return Err(Error::data(
            locate(file, &format!("{section}.currency")),
            format!(
                "unknown currency code `{}`, expected an ISO 4217 code such as USD, EUR or JPY",
                inv.currency
            ),
        ));
    }
    let totals = match crate::derive::invoice_totals(inv, credit_note) {
        Ok((_, totals)) => totals,
        Err(err) => {
            // Money errors read "FIELD: message", FIELD relative to the invoice.
            let text = err.to_string();
            let (field, message) = text.split_once(": ").unwrap_or(("", text.as_str()));
            let field = match field {
                "invoice_discount" => "discount".to_string(),
                f => f.replace(".tax_category", ".tax"),
            };
            let path = if field.is_empty() {
                section.to_string()
            } else {
                format!("{section}.{field}")
            };
            return Err(Error::data(locate(file, &path), message));
        }
    };
    for (i, line) in inv.lines.iter().enumerate() {
        if let Some(unit) = &line.unit
            && !crate::einvoice::is_unit_code(unit)
        {
            return Err(Error::data(
                locate(file, &format!("{section}.lines[{i}].unit")),
                format!(
                    "expected a UN/ECE Recommendation 20 unit code (2 or 3 upper-case letters \
                     or digits, e.g. C62, HUR, DAY), found {unit:?}"
                ),
            ));
        }
    }
    for (i, tax) in inv.taxes.iter().enumerate() {
        if let Some(code) = &tax.code
            && !crate::einvoice::VAT_CATEGORY_CODES.contains(&code.as_str())
        {
            return Err(Error::data(
                locate(file, &format!("{section}.taxes[{i}].code")),
                format!(
                    "expected an EN 16931 VAT category code ({}), found {code:?}",
                    crate::einvoice::VAT_CATEGORY_CODES.join(", ")
                ),
            ));
        }
    }
    for (i, (line, total)) in inv.lines.iter().zip(&totals.lines).enumerate() {
        if let Some(given) = line.amount
            && given.0 != total.net
        {
            return Err(Error::data(
                locate(file, &format!("{section}.lines[{i}].amount")),
                format!(
                    "the line amount {} disagrees with quantity x unit price less discount = {}",
                    given.0, total.net
                ),
            ));
        }
    }
    if let (Some(issued), Some(due)) = (inv.issue_date.known(), inv.due_date.known())
        && due < issued
    {
        return Err(Error::data(
            locate(file, &format!("{section}.due_date")),
            format!("the due date {due} is before the issue date {issued}"),
        ));
    }
    Ok(())
}

/// The brand's accent must be a `#rrggbb` colour and its logo a file name under `assets/`
/// (SVG, PNG or JPEG): the layout gets them as data, and the sandboxed World serves only
/// the templates folder's `assets/`, so a logo elsewhere could not be read anyway.
pub(super) fn validate_brand(brand: &crate::model::Brand, file: &SourceFile) -> Result<()> {
    if let Some(accent) = &brand.accent {
        let hex = accent.strip_prefix('#').unwrap_or("");
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::data(
                locate(file, "provider.brand.accent"),
                format!("accent `{accent}` is not a colour: expected `#rrggbb`, e.g. `#1f4e79`"),
            ));
        }
    }
    if let Some(logo) = &brand.logo {
        let name = logo.strip_prefix("assets/").unwrap_or("");
        let ext = name.rsplit_once('.').map(|(_, x)| x.to_ascii_lowercase());
        let ok = !name.is_empty()
            && !name.contains('/')
            && !name.starts_with('.')
            && matches!(ext.as_deref(), Some("svg" | "png" | "jpg" | "jpeg"));
        if !ok {
            return Err(Error::data(
                locate(file, "provider.brand.logo"),
                format!(
                    "logo `{logo}` is not an asset: expected a file in the templates folder's \
                     assets/ folder, e.g. `assets/logo.svg` (SVG, PNG or JPEG)"
                ),
            ));
        }
    }
    Ok(())
}

/// Checks what serde cannot: field sizes, ids, references, stages, gates, invoices and
/// envelope addresses. The first problem is returned with its location.
pub(super) fn validate(loaded: &Loaded, rules: &Rules) -> Result<()> {
    let e = &loaded.engagement;
    let file = &loaded.engagement_file;
    let folder = loaded
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if e.id != folder {
        return Err(Error::data(
            locate(file, "id"),
            format!(
                "engagement id `{}` differs from its folder name `{folder}`: they must match \
                 (the output folder is named after it)",
                e.id
            ),
        ));
    }
    let state = serde_json::to_value(e).map_err(|err| {
        Error::data(
            at_start(&file.path),
            format!("cannot represent the engagement: {err}"),
        )
    })?;
    check_field_sizes(&state, "", file)?;
    if let Some(tag) = &e.locale {
        match crate::locale::canonical_tag(tag) {
            Ok(canonical) if &canonical == tag => {}
            Ok(canonical) => {
                return Err(Error::data(
                    locate(file, "locale"),
                    format!("locale `{tag}` is written `{canonical}` (BCP 47)"),
                ));
            }
            Err(message) => return Err(Error::data(locate(file, "locale"), message)),
        }
    }
    if let Some(manifest_file) = &loaded.manifest_file {
        let manifest = serde_json::to_value(&loaded.manifest).map_err(|err| {
            Error::data(
                at_start(&manifest_file.path),
                format!("cannot represent the approvals: {err}"),
            )
        })?;
        check_field_sizes(&manifest, "", manifest_file)?;
    }
    if !safe_name(&e.id) {
        return Err(Error::data(
            locate(file, "id"),
            format!(
                "engagement id `{}` is used as a folder name: expected lowercase letters, \
                 digits, `-` and `_` only (at most 64)",
                e.id
            ),
        ));
    }
    if !rules.stage.iter().any(|s| s.name == e.lifecycle_stage) {
        let names: Vec<&str> = rules.stage.iter().map(|s| s.name.as_str()).collect();
        let hint = closest(&e.lifecycle_stage, &names)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        return Err(Error::data(
            locate(file, "lifecycle_stage"),
            format!(
                "unknown lifecycle stage `{}`, expected one of {}{hint}",
                e.lifecycle_stage,
                names.join(", ")
            ),
        ));
    }
    validate_brand(&e.provider.brand, file)?;
    validate_keys(e, rules, file)?;
    let at = |section: &str, many: bool, i: usize, field: &str| {
        format!("{}.{field}", crate::instances::path(section, many, i))
    };
    let mut refs: Vec<(String, &str)> = vec![
        ("provider.address".into(), e.provider.address.as_str()),
        (
            "client_details.billing_address".into(),
            e.client_details.billing_address.as_str(),
        ),
    ];
    for (i, inv) in e.invoice.iter().enumerate() {
        refs.push((at(INVOICE, e.invoice.is_many(), i, "seller"), &inv.seller));
        refs.push((at(INVOICE, e.invoice.is_many(), i, "buyer"), &inv.buyer));
    }
    for (i, env) in e.envelope.iter().enumerate() {
        refs.push((at(ENVELOPE, e.envelope.is_many(), i, "sender"), &env.sender));
        refs.push((
            at(ENVELOPE, e.envelope.is_many(), i, "recipient"),
            &env.recipient,
        ));
    }
    for (field, key) in refs {
        if !e.addresses.contains_key(key) {
            let keys: Vec<&str> = e.addresses.keys().map(String::as_str).collect();
            let hint = closest(key, &keys)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(Error::data(
                locate(file, &field),
                format!("no address with key `{key}` in [addresses]{hint}"),
            ));
        }
    }
    unique_document_ids(&document_ids(&state, rules), file)?;
    for (i, inv) in e.invoice.iter().enumerate() {
        let path = crate::instances::path(INVOICE, e.invoice.is_many(), i);
        validate_invoice(inv, file, &path, false)?;
    }
    for (i, cn) in e.credit_note.iter().enumerate() {
        let path =
            crate::instances::path(Special::CreditNote.section(), e.credit_note.is_many(), i);
        validate_invoice(cn, file, &path, true)?;
        // A credit note naming the invoice it corrects by instance (`invoice:milestone-1`).
        if let Some(reference) = cn.references.as_deref()
            && let (INVOICE, Some(_)) = crate::instances::split(reference)
        {
            known_artifact(e, rules, reference).map_err(|message| {
                Error::data(locate(file, &format!("{path}.references")), message)
            })?;
        }
    }
    if let Some(agreement) = e.agreement.one() {
        validate_schedule(agreement, file)?;
    }
    for (i, env) in e.envelope.iter().enumerate() {
        let path = crate::instances::path(ENVELOPE, e.envelope.is_many(), i);
        for key in [&env.sender, &env.recipient] {
            if let Some(address) = e.addresses.get(key)
                && let Err(err) = crate::derive::envelope_lines(address)
            {
                return Err(Error::data(
                    locate(file, &format!("addresses.{key}.{}", err.field())),
                    format!("cannot print this address on an envelope: {err}"),
                ));
            }
        }
        if let Some(recipient) = e.addresses.get(&env.recipient)
            && let Err(err) = crate::derive::envelope_barcode(env, &env.recipient, recipient)
        {
            let field = err.field.replacen(ENVELOPE, &path, 1);
            return Err(Error::data(
                locate(file, &field),
                format!("cannot print the Intelligent Mail barcode: {}", err.message),
            ));
        }
    }
    if let Some(manifest_file) = &loaded.manifest_file {
        let gates = known_gates(rules);
        for (i, approval) in loaded.manifest.approval.iter().enumerate() {
            if !gates.contains(&approval.gate.as_str()) {
                let hint = closest(&approval.gate, &gates)
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_default();
                return Err(Error::data(
                    locate(manifest_file, &format!("approval[{i}].gate")),
                    format!(
                        "unknown gate `{}`, expected one of {}{hint}",
                        approval.gate,
                        gates.join(", ")
                    ),
                ));
            }
            if let Some(artifact) = &approval.artifact
                && let Err(message) = known_artifact(e, rules, artifact)
            {
                return Err(Error::data(
                    locate(manifest_file, &format!("approval[{i}].artifact")),
                    message,
                ));
            }
        }
    }
    Ok(())
}

/// An agreement's payment schedule: unique keys, each entry an amount or a percentage (not
/// both), and no more than the fee in all.
pub(super) fn validate_schedule(
    agreement: &crate::model::Agreement,
    file: &SourceFile,
) -> Result<()> {
    use rust_decimal::Decimal;
    let mut total = Decimal::ZERO;
    let fee = agreement.fee.known().copied();
    for (i, entry) in agreement.schedule.iter().enumerate() {
        let at = |field: &str| locate(file, &format!("agreement.schedule[{i}].{field}"));
        crate::instances::check_key(&entry.key).map_err(|m| Error::data(at("key"), m))?;
        if agreement.schedule[..i].iter().any(|s| s.key == entry.key) {
            return Err(Error::data(
                at("key"),
                format!("schedule key `{}` is used twice", entry.key),
            ));
        }
        let amount = match (&entry.amount, &entry.percent, fee) {
            (Some(a), None, _) => a.0,
            (None, Some(p), Some(fee)) => fee * p.0 / Decimal::ONE_HUNDRED,
            (None, Some(_), None) => Decimal::ZERO,
            _ => {
                return Err(Error::data(
                    at("amount"),
                    "give either `amount` (a fixed sum) or `percent` (a share of the fee), not both or neither",
                ));
            }
        };
        total += amount;
    }
    if let Some(fee) = fee
        && total > fee
    {
        return Err(Error::data(
            locate(file, "agreement.schedule"),
            format!("the payment schedule adds up to {total}, more than the fee {fee}"),
        ));
    }
    Ok(())
}

/// Every instance key of every artifact section: required in an array of tables, a valid
/// key (it becomes part of file names), and unique within its kind.
pub(super) fn validate_keys(e: &Engagement, rules: &Rules, file: &SourceFile) -> Result<()> {
    for rule in &rules.kind {
        let Some(keys) = e.instance_keys(&rule.section) else {
            continue;
        };
        let many = e.is_many(&rule.section);
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, key) in keys.iter().enumerate() {
            let path = crate::instances::path(&rule.section, many, i);
            let Some(key) = key else {
                if many {
                    return Err(Error::data(
                        locate(file, &path),
                        format!(
                            "every [[{}]] needs a `key` naming it (`key = \"deposit\"`, \
                             `key = \"milestone-1\"`): the key tells its files, approvals and \
                             ledger records apart from the other {} instances",
                            rule.section,
                            keys.len() - 1
                        ),
                    ));
                }
                continue;
            };
            let field = format!("{path}.key");
            crate::instances::check_key(key)
                .map_err(|message| Error::data(locate(file, &field), message))?;
            if let Some(first) = seen.insert(key, i) {
                return Err(Error::data(
                    locate(file, &field),
                    format!(
                        "instance key `{key}` is also the key of {}: keys must be unique \
                         within a kind",
                        crate::instances::path(&rule.section, many, first)
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Checks an approval's `artifact` (`invoice`, or `invoice:milestone-2`) against the rules
/// and the engagement's instances.
pub(super) fn known_artifact(
    e: &Engagement,
    rules: &Rules,
    artifact: &str,
) -> std::result::Result<(), String> {
    let (kind, key) = crate::instances::split(artifact);
    let Some(rule) = rules.kind(kind) else {
        let names: Vec<&str> = rules.kind.iter().map(|k| k.kind.as_str()).collect();
        let hint = closest(kind, &names)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        return Err(format!(
            "unknown artifact kind `{kind}`, expected one of {}{hint}",
            names.join(", ")
        ));
    };
    let Some(key) = key else { return Ok(()) };
    if rule.special() == Some(Special::Reminder) {
        // Reminders are derived when the build runs (one per overdue invoice and stage),
        // so an approval may name one before it exists: `reminder:inv-2026-0460-friendly`.
        return crate::instances::check_key(key);
    }
    let keys: Vec<String> = e
        .instance_keys(&rule.section)
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect();
    if keys.iter().any(|k| k == key) {
        return Ok(());
    }
    let names: Vec<&str> = keys.iter().map(String::as_str).collect();
    let hint = closest(key, &names)
        .map(|c| format!("; did you mean `{kind}:{c}`?"))
        .unwrap_or_default();
    Err(format!(
        "no {kind} with key `{key}` in the engagement (its keys: {}){hint}",
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        }
    ))
}

/// Refuses any string (or map key) longer than [`MAX_FIELD_BYTES`], naming its field.
pub(super) fn check_field_sizes(
    value: &serde_json::Value,
    path: &str,
    file: &SourceFile,
) -> Result<()> {
    use serde_json::Value;
    let too_long = |len: usize, field: &str| {
        Error::data(
            locate(file, field),
            format!(
                "text is {len} bytes long; a field holds at most {MAX_FIELD_BYTES} bytes \
                 (docket's size limit for one value)"
            ),
        )
    };
    match value {
        Value::String(s) if s.len() > MAX_FIELD_BYTES => Err(too_long(s.len(), path)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, item)| check_field_sizes(item, &format!("{path}[{i}]"), file)),
        Value::Object(map) => map.iter().try_for_each(|(key, item)| {
            let field = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if key.len() > MAX_FIELD_BYTES {
                return Err(too_long(key.len(), path));
            }
            check_field_sizes(item, &field, file)
        }),
        _ => Ok(()),
    }
}

/// Document ids are printed on every page and name documents in reports and in the files
/// people save them as: letters, digits, `.`, `_` and `-`, starting with a letter or digit,
/// no `..`, at most 64 characters. `TBD` is allowed (the id is not known yet).
pub fn valid_document_id(id: &str) -> bool {
    id == crate::model::TBD
        || (!id.is_empty()
            && id.len() <= 64
            && id.starts_with(|c: char| c.is_ascii_alphanumeric())
            && !id.contains("..")
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
}

/// Every document id an engagement's data gives (`<section>.id`, or `<section>.number` for
/// sections without an id), with its field path, in rules order.
pub(super) fn document_ids(state: &serde_json::Value, rules: &Rules) -> Vec<(String, String)> {
    let mut ids = Vec::new();
    for kind in &rules.kind {
        for (path, section) in crate::instances::in_state(state, &kind.section) {
            for key in ["id", "number"] {
                if let Some(id) = section.get(key).and_then(serde_json::Value::as_str) {
                    ids.push((format!("{path}.{key}"), id.to_string()));
                    break;
                }
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// Checks the form of each document id and that no two documents of an engagement share one.
pub(super) fn unique_document_ids(ids: &[(String, String)], file: &SourceFile) -> Result<()> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (field, id) in ids {
        if !valid_document_id(id) {
            return Err(Error::data(
                locate(file, field),
                format!(
                    "document id {id:?} is not an id: expected letters, digits, `.`, `_` and \
                     `-` (no path separators, no `..`, at most 64 characters), or TBD"
                ),
            ));
        }
        if id == crate::model::TBD {
            continue;
        }
        if let Some(first) = seen.insert(id, field) {
            return Err(Error::data(
                locate(file, field),
                format!("document id `{id}` is also used by {first}; document ids must be unique"),
            ));
        }
    }
    Ok(())
}

/// No document id may be used by two engagements either: reports and people refer to
/// documents by id alone. Returns every engagement that reuses an id of an earlier one (its
/// index and error), in order; a clashing engagement claims none of its ids.
pub(super) fn document_id_clashes(engagements: &[Loaded], rules: &Rules) -> Vec<(usize, Error)> {
    let mut seen: BTreeMap<String, (&Loaded, String)> = BTreeMap::new();
    let mut clashes = Vec::new();
    for (i, loaded) in engagements.iter().enumerate() {
        let Ok(state) = serde_json::to_value(&loaded.engagement) else {
            continue;
        };
        let ids: Vec<(String, String)> = document_ids(&state, rules)
            .into_iter()
            .filter(|(_, id)| id != crate::model::TBD)
            .collect();
        let clash = ids.iter().find_map(|(field, id)| {
            let (other, other_field) = seen.get(id)?;
            Some(Error::data(
                locate(&loaded.engagement_file, field),
                format!(
                    "document id `{id}` is also used by engagement `{}` ({}, {other_field}); \
                     document ids must be unique",
                    other.engagement.id,
                    other.engagement_file.path.display()
                ),
            ))
        });
        match clash {
            Some(error) => clashes.push((i, error)),
            None => {
                for (field, id) in ids {
                    seen.insert(id, (loaded, field));
                }
            }
        }
    }
    clashes
}
