//! The XML writer both syntaxes (CII and UBL) share.
//!
//! Why a module of its own: every element and text of an e-invoice goes through one small
//! layer over `quick-xml`'s writer, which escapes text (`<`, `&`, `]]>` come out as text),
//! after [`clean`] drops the control characters XML 1.0 cannot carry. Numbers are written
//! by [`amount_text`] and [`decimal_text`] only, so the two syntaxes cannot format a figure
//! differently.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use rust_decimal::Decimal;

use crate::error::Error;
use crate::money::{self, Currency};
use crate::text::text_char;

/// An amount at the currency's minor unit (`1234.50`, JPY `1235`), no sign for zero.
pub fn amount_text(value: Decimal, currency: Currency) -> String {
    let mut v = money::round_amount(value, currency);
    if v.is_zero() {
        v = Decimal::ZERO;
    }
    v.rescale(currency.minor_units());
    v.to_string()
}

/// A quantity, price or rate as a plain decimal without trailing zeros (`0.5`, `62.25`).
pub fn decimal_text(value: Decimal) -> String {
    let v = value.normalize();
    if v.is_zero() {
        "0".to_string()
    } else {
        v.to_string()
    }
}

/// Text as XML 1.0 may carry it: what every output shows ([`text_char`]) less the two
/// non-characters XML forbids.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(text_char)
        .filter(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// A small layer over quick-xml's writer: every element and text through it, escaped.
pub struct Xml {
    writer: Writer<Vec<u8>>,
}

/// The result of writing one piece.
pub type XmlResult = std::result::Result<(), Error>;

impl Xml {
    /// A document with its XML declaration written.
    pub fn new() -> std::result::Result<Xml, Error> {
        let mut x = Xml {
            writer: Writer::new_with_indent(Vec::new(), b' ', 2),
        };
        x.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(x)
    }

    fn event(&mut self, event: Event<'_>) -> XmlResult {
        self.writer.write_event(event).map_err(|e| Error::EInvoice {
            document: String::new(),
            message: e.to_string(),
        })
    }

    /// `<name>`.
    pub fn open(&mut self, name: &str) -> XmlResult {
        self.event(Event::Start(BytesStart::new(name)))
    }

    /// `<name a="v">`, the values cleaned and escaped.
    pub fn open_with(&mut self, name: &str, attributes: &[(&str, &str)]) -> XmlResult {
        let attrs: Vec<(&str, String)> = attributes.iter().map(|(k, v)| (*k, clean(v))).collect();
        let start =
            BytesStart::new(name).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())));
        self.event(Event::Start(start))
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) -> XmlResult {
        self.event(Event::End(BytesEnd::new(name)))
    }

    /// `<name/>`.
    pub fn empty(&mut self, name: &str) -> XmlResult {
        self.event(Event::Empty(BytesStart::new(name)))
    }

    /// `<name>text</name>`.
    pub fn leaf(&mut self, name: &str, text: &str) -> XmlResult {
        self.leaf_with(name, &[], text)
    }

    /// `<name a="v">text</name>`.
    pub fn leaf_with(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) -> XmlResult {
        self.open_with(name, attributes)?;
        let text = clean(text);
        self.event(Event::Text(BytesText::new(&text)))?;
        self.close(name)
    }

    /// The bytes written, ending in a newline.
    pub fn finish(self) -> Vec<u8> {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        bytes
    }
}
