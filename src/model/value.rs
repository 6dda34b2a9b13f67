//! Values of the data: dates, facts that may be `TBD`, exact numbers, and their JSON
//! Schemas (as the data is written: strings, TOML dates, integers).

use super::*;

/// A calendar date (`YYYY-MM-DD`), accepted as a string or as a TOML date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub time::Date);

impl Date {
    /// Parses `YYYY-MM-DD`; the error says what was expected.
    pub fn parse(text: &str) -> Result<Date, String> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        time::Date::parse(text, &format)
            .map(Date)
            .map_err(|_| format!("expected a date written YYYY-MM-DD, found `{text}`"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}",
            d.year(),
            u8::from(d.month()),
            d.day()
        )
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(FactVisitor::<Date>::new())? {
            Fact::Known(date) => Ok(date),
            Fact::Tbd => Err(de::Error::custom(
                "expected a date written YYYY-MM-DD; TBD is not allowed here",
            )),
        }
    }
}

/// A typed fact that may be unknown: either its value or `TBD`.
///
/// Dates and amounts are checked when loaded, but an engagement in progress legitimately has
/// facts nobody knows yet; `Fact` lets those stay `TBD` instead of being guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact<T> {
    /// The value is known.
    Known(T),
    /// Nobody knows it yet: rendered as `TBD` and listed as an open question.
    Tbd,
}

impl<T> Fact<T> {
    /// The known value, if any.
    pub fn known(&self) -> Option<&T> {
        match self {
            Fact::Known(v) => Some(v),
            Fact::Tbd => None,
        }
    }
}

impl<T: fmt::Display> Serialize for Fact<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fact::Known(v) => s.collect_str(v),
            Fact::Tbd => s.serialize_str(TBD),
        }
    }
}

/// Parsing of the scalar types a [`Fact`] can hold, from text or integers.
pub trait FactValue: Sized {
    /// What the value looks like, for error messages.
    const EXPECTED: &'static str;
    /// Parses the textual form.
    fn from_text(text: &str) -> Result<Self, String>;
    /// Converts an integer, where that is meaningful.
    fn from_int(_value: i128) -> Option<Self> {
        None
    }
}

impl FactValue for Date {
    const EXPECTED: &'static str = "a date written YYYY-MM-DD (or TBD)";
    fn from_text(text: &str) -> Result<Self, String> {
        Date::parse(text)
    }
}

impl FactValue for Decimal {
    const EXPECTED: &'static str =
        "a decimal number written as a string, e.g. \"1200.50\" (or TBD)";
    fn from_text(text: &str) -> Result<Self, String> {
        let ok = !text.is_empty()
            && text
                .trim_start_matches(['-', '+'])
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
            && text.chars().filter(|&c| c == '.').count() <= 1
            && text
                .trim_start_matches(['-', '+'])
                .chars()
                .any(|c| c.is_ascii_digit());
        if !ok {
            return Err(format!(
                "expected a decimal number such as \"1200.50\", found `{text}`"
            ));
        }
        text.parse::<Decimal>()
            .map_err(|_| format!("`{text}` is not a decimal number docket can represent exactly"))
    }
    fn from_int(value: i128) -> Option<Self> {
        i64::try_from(value).ok().map(Decimal::from)
    }
}

pub(super) struct FactVisitor<T>(std::marker::PhantomData<T>);

impl<T> FactVisitor<T> {
    fn new() -> Self {
        FactVisitor(std::marker::PhantomData)
    }
}

/// The key under which the `toml` deserializer hands over a native TOML datetime.
pub(super) const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de, T: FactValue> Visitor<'de> for FactVisitor<T> {
    type Value = Fact<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v == TBD {
            return Ok(Fact::Tbd);
        }
        T::from_text(v).map(Fact::Known).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::from_int(i128::from(v))
            .map(Fact::Known)
            .ok_or_else(|| E::custom(format!("expected {}, found the number {v}", T::EXPECTED)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::from_int(i128::from(v))
            .map(Fact::Known)
            .ok_or_else(|| E::custom(format!("expected {}, found the number {v}", T::EXPECTED)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(E::custom(format!(
            "expected {}, found the floating-point number {v}: write amounts as strings so \
             they stay exact",
            T::EXPECTED
        )))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // A native TOML date (`date = 2026-01-20`) arrives as a one-entry map.
        match map.next_key::<String>()? {
            Some(key) if key == TOML_DATETIME_KEY => {
                let text: String = map.next_value()?;
                T::from_text(&text)
                    .map(Fact::Known)
                    .map_err(de::Error::custom)
            }
            _ => Err(de::Error::custom(format!(
                "expected {}, found a table",
                T::EXPECTED
            ))),
        }
    }
}

impl<'de, T: FactValue> Deserialize<'de> for Fact<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FactVisitor::<T>::new())
    }
}

// JSON Schemas of the types whose serde is written by hand (see `docket schema`): each says
// what the hand-written deserializer accepts.

pub(super) const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
pub(super) const DECIMAL_PATTERN: &str = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$";

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date written YYYY-MM-DD (a TOML date literal also works).",
            "type": "string",
            "pattern": DATE_PATTERN,
        })
    }
}

impl JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact decimal written as a string (\"1200.50\") or an integer; never a float.",
            "anyOf": [
                { "type": "string", "pattern": DECIMAL_PATTERN },
                { "type": "integer" },
            ],
        })
    }
}

/// A known date or `TBD`.
impl JsonSchema for Fact<Date> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateOrTbd".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date written YYYY-MM-DD, or TBD when it is not known.",
            "anyOf": [
                { "type": "string", "pattern": DATE_PATTERN },
                { "const": TBD },
            ],
        })
    }
}

/// A known decimal or `TBD`.
impl JsonSchema for Fact<Decimal> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DecimalOrTbd".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact decimal written as a string or an integer, or TBD.",
            "anyOf": [
                { "type": "string", "pattern": DECIMAL_PATTERN },
                { "type": "integer" },
                { "const": TBD },
            ],
        })
    }
}

impl JsonSchema for Layout {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Layout".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The stem of a .typ file in the templates folder.",
            "type": "string",
            "pattern": "^[a-z0-9-][a-z0-9_-]*$",
        })
    }
}

/// An exact decimal from data (quantities, prices, rates), written as a string or an
/// integer. Floats are refused: `0.1` in TOML is a binary float, and money must not pass
/// through one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Num(pub Decimal);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(FactVisitor::<Decimal>::new())? {
            Fact::Known(v) => Ok(Num(v)),
            Fact::Tbd => Err(de::Error::custom(
                "expected a decimal number such as \"1200.50\"; TBD is not allowed here",
            )),
        }
    }
}
