//! Many documents of a kind: an artifact section written once (`[invoice]`, one instance, as
//! docket has always read it) or as an array of tables (`[[invoice]]`, each with a `key`).
//!
//! An engagement lives for months: a deposit invoice, then one per milestone; a scorecard
//! every quarter; a certificate per person. Each instance is its own artifact, with its own
//! gate, number, ledger record and files; its key (`deposit`, `milestone-1`, `2026-q3`) is
//! chosen by the user, stable, and part of its name (`invoice:deposit`) and of its file
//! names (`invoice.deposit.pdf`). The one-table form is the instance without a key, so an
//! engagement folder written before instances existed builds unchanged: same names, same
//! state, same digests.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The longest instance key, in characters: keys are parts of file names.
pub const MAX_KEY_LEN: usize = 64;

/// An artifact section of an engagement: absent, one table, or many keyed tables.
#[derive(Debug, Clone, Default)]
pub enum Section<T> {
    /// No data for the artifact.
    #[default]
    Absent,
    /// `[invoice]`: one instance (with no key, unless it names one).
    One(T),
    /// `[[invoice]]`: many instances, each with its `key`.
    Many(Vec<T>),
}

impl<T> Section<T> {
    /// Whether the engagement has no data for the kind.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many instances.
    pub fn len(&self) -> usize {
        match self {
            Section::Absent => 0,
            Section::One(_) => 1,
            Section::Many(v) => v.len(),
        }
    }

    /// Every instance, in data order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        match self {
            Section::Absent => [].iter(),
            Section::One(t) => std::slice::from_ref(t).iter(),
            Section::Many(v) => v.iter(),
        }
    }

    /// Every instance, mutably.
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        match self {
            Section::Absent => [].iter_mut(),
            Section::One(t) => std::slice::from_mut(t).iter_mut(),
            Section::Many(v) => v.iter_mut(),
        }
    }

    /// The instance, when there is exactly one: what a document reads of another kind's
    /// section (an invoice's agreement), and what each instance's own view holds.
    pub fn one(&self) -> Option<&T> {
        match self {
            Section::One(t) => Some(t),
            Section::Many(v) if v.len() == 1 => v.first(),
            _ => None,
        }
    }

    /// The instance, mutably, when there is exactly one.
    pub fn as_mut(&mut self) -> Option<&mut T> {
        match self {
            Section::One(t) => Some(t),
            Section::Many(v) if v.len() == 1 => v.first_mut(),
            _ => None,
        }
    }

    /// Whether written as an array of tables.
    pub fn is_many(&self) -> bool {
        matches!(self, Section::Many(_))
    }
}

impl<T: Serialize> Serialize for Section<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // As `Option::None` did: the state and the digests of a folder written before
            // instances are unchanged.
            Section::Absent => serializer.serialize_none(),
            Section::One(t) => t.serialize(serializer),
            Section::Many(v) => v.serialize(serializer),
        }
    }
}

struct SectionVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for SectionVisitor<T> {
    type Value = Section<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a table (one document) or an array of tables, each with a `key`")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Section::Absent)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Section::Absent)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Section::One)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let items = Vec::<T>::deserialize(SeqAccessDeserializer::new(seq))?;
        Ok(if items.is_empty() {
            Section::Absent
        } else {
            Section::Many(items)
        })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Section<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SectionVisitor(std::marker::PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for Section<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Section_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<T>();
        json_schema!({
            "description": "One document (a table), or many of the kind (an array of tables, each with its own `key`).",
            "oneOf": [
                { "type": "null" },
                one,
                { "type": "array", "items": one, "minItems": 1 }
            ]
        })
    }
}

/// An artifact's name: its kind, and for a keyed instance `kind:key` (`invoice:deposit`):
/// what `--only`, `docket approve` and an approval's `artifact` take.
pub fn name(kind: &str, key: Option<&str>) -> String {
    match key {
        Some(key) => format!("{kind}:{key}"),
        None => kind.to_string(),
    }
}

/// An artifact's file stem: `invoice`, or `invoice.deposit` for a keyed instance (files of
/// one kind sort together, instances by key).
pub fn stem(kind: &str, key: Option<&str>) -> String {
    match key {
        Some(key) => format!("{kind}.{key}"),
        None => kind.to_string(),
    }
}

/// Splits `invoice:deposit` into kind and key (`invoice` has none).
pub fn split(name: &str) -> (&str, Option<&str>) {
    match name.split_once(':') {
        Some((kind, key)) => (kind, Some(key)),
        None => (name, None),
    }
}

/// Checks an instance key, saying what is wrong: 1 to 64 lowercase ASCII letters, digits
/// and inner hyphens. Lowercase only, so two keys never name the same file on a
/// case-insensitive file system (macOS, Windows).
pub fn check_key(key: &str) -> Result<(), String> {
    let chars = key.chars().count();
    if key.is_empty() {
        return Err("an instance key must not be empty".into());
    }
    if chars > MAX_KEY_LEN {
        return Err(format!(
            "an instance key has at most {MAX_KEY_LEN} characters; this one has {chars}"
        ));
    }
    if key.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "instance key `{key}` has capital letters; keys are lowercase (`{}`), so that no \
             two keys name the same file on a case-insensitive file system",
            key.to_ascii_lowercase()
        ));
    }
    let ok = key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !key.starts_with('-')
        && !key.ends_with('-');
    if !ok {
        return Err(format!(
            "instance key `{}` is not a key: use lowercase letters, digits and hyphens \
             (`deposit`, `milestone-2`, `2026-q3`); it becomes part of file names",
            key.escape_debug()
        ));
    }
    Ok(())
}

/// The field path of a section's `i`th instance: `invoice` for the one-table form,
/// `invoice[2]` in an array of tables.
pub fn path(section: &str, many: bool, i: usize) -> String {
    if many {
        format!("{section}[{i}]")
    } else {
        section.to_string()
    }
}

/// The instances of a section in an engagement's state, each with its field path:
/// `[("invoice", {..})]` for one table, `[("invoice[0]", {..}), ..]` for an array of tables.
pub fn in_state<'a>(
    state: &'a serde_json::Value,
    section: &str,
) -> Vec<(String, &'a serde_json::Value)> {
    match state.get(section) {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{section}[{i}]"), v))
            .collect(),
        Some(v) if v.is_object() => vec![(section.to_string(), v)],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_would_be_paths_or_clash_are_refused() {
        for bad in [
            "../x", "a/b", "", "-a", "a-", "Deposit", "a b", "a.b", "a:b", "é",
        ] {
            assert!(check_key(bad).is_err(), "{bad:?}");
        }
        assert!(check_key(&"a".repeat(300)).unwrap_err().contains("300"));
        for good in [
            "deposit",
            "milestone-2",
            "2026-q3",
            "co-2",
            "ada-lovelace",
            "a",
        ] {
            assert!(check_key(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn names_and_stems() {
        assert_eq!(name("invoice", None), "invoice");
        assert_eq!(name("invoice", Some("deposit")), "invoice:deposit");
        assert_eq!(stem("invoice", Some("deposit")), "invoice.deposit");
        assert_eq!(split("invoice:deposit"), ("invoice", Some("deposit")));
        assert_eq!(split("invoice"), ("invoice", None));
    }
}
