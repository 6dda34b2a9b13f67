//! The Factur-X XMP metadata of a PDF/A-3b invoice, added after Typst.
//!
//! Why a post-processing step: a Factur-X PDF must say in its XMP metadata that it carries
//! an invoice (`fx:DocumentType` INVOICE, `fx:DocumentFileName` factur-x.xml, `fx:Version`
//! 1.0, `fx:ConformanceLevel` EN 16931), and PDF/A requires every such custom property to be
//! described by a PDF/A extension schema in the same packet. Typst 0.15 writes the PDF/A-3b
//! identification and attaches the XML, but has no way to add custom XMP yet.
//!
//! Why by hand, on bytes, and not with a PDF library: Typst writes a classic cross-reference
//! table, no object streams and an uncompressed metadata stream, so the edit is one stream's
//! content, its `/Length`, and the byte offsets after it in the table and `startxref`:
//! every other byte stays Typst's, and the result is as reproducible as Typst's output. A
//! PDF in any other shape is refused (an error, never a half-edited file).

use crate::model::EInvoice;

/// The Factur-X XMP namespace (with the trailing `#` the specification's XMP requires).
pub const FX_NAMESPACE: &str = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

/// The Factur-X conformance level docket's XML follows.
pub const CONFORMANCE_LEVEL: &str = "EN 16931";

/// The properties, as an `rdf:Description` of the document.
fn fx_description() -> String {
    format!(
        "<rdf:Description rdf:about=\"\" xmlns:fx=\"{FX_NAMESPACE}\">\
         <fx:DocumentType>INVOICE</fx:DocumentType>\
         <fx:DocumentFileName>{}</fx:DocumentFileName>\
         <fx:Version>1.0</fx:Version>\
         <fx:ConformanceLevel>{CONFORMANCE_LEVEL}</fx:ConformanceLevel>\
         </rdf:Description>",
        super::FACTUR_X_NAME
    )
}

/// The PDF/A extension schema describing the `fx:` properties (one `rdf:li` of the
/// `pdfaExtension:schemas` bag).
fn fx_schema() -> String {
    let property = |name: &str, description: &str| {
        format!(
            "<rdf:li rdf:parseType=\"Resource\">\
             <pdfaProperty:name>{name}</pdfaProperty:name>\
             <pdfaProperty:valueType>Text</pdfaProperty:valueType>\
             <pdfaProperty:category>external</pdfaProperty:category>\
             <pdfaProperty:description>{description}</pdfaProperty:description>\
             </rdf:li>"
        )
    };
    format!(
        "<rdf:li rdf:parseType=\"Resource\">\
         <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\
         <pdfaSchema:namespaceURI>{FX_NAMESPACE}</pdfaSchema:namespaceURI>\
         <pdfaSchema:prefix>fx</pdfaSchema:prefix>\
         <pdfaSchema:property><rdf:Seq>{}{}{}{}</rdf:Seq></pdfaSchema:property>\
         </rdf:li>",
        property("DocumentFileName", "name of the embedded XML invoice file"),
        property("DocumentType", "INVOICE"),
        property("Version", "The actual version of the Factur-X XML schema"),
        property(
            "ConformanceLevel",
            "The conformance level of the embedded Factur-X data"
        ),
    )
}

/// The XMP packet with the Factur-X properties and their extension schema added: the
/// schema joins the packet's `pdfaExtension:schemas` bag when it has one (XMP allows a
/// property once per resource), or comes in a description of its own.
pub fn with_factur_x(xmp: &str) -> Result<String, String> {
    const BAG_END: &str = "</rdf:Bag></pdfaExtension:schemas>";
    const RDF_END: &str = "</rdf:RDF>";
    if xmp.contains(FX_NAMESPACE) {
        return Err("the XMP already has Factur-X properties".into());
    }
    let mut out = xmp.to_string();
    let rdf_end = out.rfind(RDF_END).ok_or("the XMP has no rdf:RDF")?;
    match out.find(BAG_END) {
        Some(at) if at < rdf_end => {
            out.insert_str(rdf_end, &fx_description());
            out.insert_str(at, &fx_schema());
        }
        _ => {
            let block = format!(
                "<rdf:Description rdf:about=\"\" \
                 xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" \
                 xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" \
                 xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\
                 <pdfaExtension:schemas><rdf:Bag>{}</rdf:Bag></pdfaExtension:schemas>\
                 </rdf:Description>{}",
                fx_schema(),
                fx_description()
            );
            out.insert_str(rdf_end, &block);
        }
    }
    Ok(out)
}

/// Adds the Factur-X XMP metadata to a PDF/A-3b made by Typst (see the module
/// documentation for the shape it accepts).
pub fn add_factur_x(pdf: &[u8], format: EInvoice) -> Result<Vec<u8>, String> {
    if !format.embedded() {
        return Err(format!("{} is not embedded in the PDF", format.title()));
    }
    let startxref = rfind(pdf, b"startxref").ok_or("no startxref")?;
    let xref_at: usize = number_after(pdf, startxref + b"startxref".len())
        .ok_or("unreadable startxref")?
        .0;
    if pdf.get(xref_at..xref_at + 4) != Some(b"xref") {
        return Err("not a classic cross-reference table (a stream?)".into());
    }
    // The table: `xref`, then sections `first count` with 20-byte entries.
    let mut pos = xref_at + 4;
    let mut entries: Vec<(usize, u64)> = Vec::new(); // (byte position of the entry, object number)
    let trailer_at = find(pdf, b"trailer", xref_at).ok_or("no trailer")?;
    while let Some((first, after_first)) = number_after(pdf, pos) {
        if after_first > trailer_at {
            break;
        }
        let (count, after_count) = number_after(pdf, after_first).ok_or("bad xref section")?;
        let mut at = skip_eol(pdf, after_count);
        for i in 0..count {
            entries.push((at, (first + i) as u64));
            at += 20;
        }
        pos = at;
    }
    let offset_of = |object: u64| -> Option<usize> {
        let (at, _) = entries.iter().find(|(_, n)| *n == object)?;
        let entry = pdf.get(*at..*at + 18)?;
        if entry.get(17) != Some(&b'n') {
            return None;
        }
        std::str::from_utf8(entry.get(..10)?).ok()?.parse().ok()
    };
    let trailer = &pdf[trailer_at..startxref];
    let root = reference_after(trailer, b"/Root").ok_or("no /Root in the trailer")?;
    let root_at = offset_of(root).ok_or("the catalog is not in the table")?;
    let catalog_end = find(pdf, b"endobj", root_at).ok_or("unterminated catalog")?;
    let metadata = reference_after(&pdf[root_at..catalog_end], b"/Metadata")
        .ok_or("the catalog has no /Metadata")?;
    let meta_at = offset_of(metadata).ok_or("the metadata is not in the table")?;
    // `N 0 obj\n<</Length L/Type/Metadata/Subtype/XML>>\nstream\n` L bytes `\nendstream`
    let dict_start = find(pdf, b"<<", meta_at).ok_or("no metadata dictionary")?;
    let stream_kw = find(pdf, b"stream", dict_start).ok_or("no metadata stream")?;
    let dict = &pdf[dict_start..stream_kw];
    if find(dict, b"/Filter", 0).is_some() {
        return Err("the metadata stream is compressed".into());
    }
    let length_key = find(dict, b"/Length", 0).ok_or("no /Length")?;
    let (length, length_end) =
        number_after(dict, length_key + b"/Length".len()).ok_or("unreadable /Length")?;
    if dict.get(length_end..).is_some_and(|rest| {
        let rest = rest.iter().skip_while(|b| b.is_ascii_whitespace());
        rest.take(1).any(u8::is_ascii_digit)
    }) {
        return Err("an indirect /Length".into());
    }
    let data_start = skip_eol(pdf, stream_kw + b"stream".len());
    let data_end = data_start + length;
    if !pdf
        .get(data_end..)
        .is_some_and(|rest| rest.trim_ascii_start().starts_with(b"endstream"))
    {
        return Err("the metadata stream's /Length does not match".into());
    }
    if xref_at < data_end {
        return Err("the cross-reference table comes before the metadata".into());
    }
    let xmp = std::str::from_utf8(&pdf[data_start..data_end]).map_err(|e| e.to_string())?;
    let new_xmp = with_factur_x(xmp)?;

    // The new bytes: up to the length value, the new length, the dictionary's rest and the
    // stream up to its data, the new data, everything after.
    let length_digits_start = dict_start + length_key + b"/Length".len();
    let length_digits_start = length_digits_start
        + pdf[length_digits_start..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    let length_digits_end = dict_start + length_end;
    let mut out = Vec::with_capacity(pdf.len() + new_xmp.len() - xmp.len() + 8);
    out.extend_from_slice(&pdf[..length_digits_start]);
    out.extend_from_slice(new_xmp.len().to_string().as_bytes());
    out.extend_from_slice(&pdf[length_digits_end..data_start]);
    out.extend_from_slice(new_xmp.as_bytes());
    let tail_start = out.len();
    out.extend_from_slice(&pdf[data_end..]);
    let delta = tail_start as i64 - data_end as i64;
    let shift = |at: usize| -> usize { (at as i64 + delta) as usize };
    // Offsets after the metadata object move by `delta`: fix the table and startxref.
    for (at, _) in &entries {
        let at = shift(*at);
        let Some(offset) = std::str::from_utf8(&out[at..at + 10])
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
        else {
            return Err("unreadable cross-reference entry".into());
        };
        if out[at + 17] == b'n' && offset > meta_at {
            let moved = format!("{:010}", shift(offset));
            out[at..at + 10].copy_from_slice(moved.as_bytes());
        }
    }
    let startxref = shift(startxref);
    let (old, digits_end) =
        number_after(&out, startxref + b"startxref".len()).ok_or("unreadable startxref")?;
    let digits_start = digits_end - old.to_string().len();
    let mut fixed = out[..digits_start].to_vec();
    fixed.extend_from_slice(shift(old).to_string().as_bytes());
    fixed.extend_from_slice(&out[digits_end..]);
    Ok(fixed)
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The unsigned integer after `at` (leading whitespace skipped) and the position after it.
fn number_after(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let start = at
        + bytes
            .get(at..)?
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    let len = bytes
        .get(start..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if len == 0 {
        return None;
    }
    let n = std::str::from_utf8(&bytes[start..start + len])
        .ok()?
        .parse()
        .ok()?;
    Some((n, start + len))
}

/// The object number of an indirect reference `KEY N G R`.
fn reference_after(bytes: &[u8], key: &[u8]) -> Option<u64> {
    let at = find(bytes, key, 0)? + key.len();
    let (n, after) = number_after(bytes, at)?;
    let (_, after) = number_after(bytes, after)?;
    let rest = bytes.get(after..)?.trim_ascii_start();
    rest.starts_with(b"R").then_some(n as u64)
}

fn skip_eol(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..at + 2) {
        Some(b"\r\n") => at + 2,
        _ if matches!(bytes.get(at), Some(b'\n' | b'\r' | b' ')) => at + 1,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_an_existing_extension_bag_or_adds_one() {
        let with_bag = "<x:xmpmeta><rdf:RDF><rdf:Description rdf:about=\"\">\
            <pdfaExtension:schemas><rdf:Bag><rdf:li>x</rdf:li></rdf:Bag></pdfaExtension:schemas>\
            </rdf:Description></rdf:RDF></x:xmpmeta>";
        let out = with_factur_x(with_bag).unwrap();
        assert_eq!(out.matches("<pdfaExtension:schemas>").count(), 1);
        assert!(out.contains("Factur-X PDFA Extension Schema</pdfaSchema:schema>"));
        assert!(out.contains("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>"));
        assert!(out.find("fx:DocumentType").unwrap() < out.find("</rdf:RDF>").unwrap());
        let without = "<x:xmpmeta><rdf:RDF><rdf:Description rdf:about=\"\"/></rdf:RDF></x:xmpmeta>";
        let out = with_factur_x(without).unwrap();
        assert_eq!(out.matches("<pdfaExtension:schemas>").count(), 1);
        assert!(out.contains("xmlns:pdfaSchema="));
        assert!(with_factur_x(&out).is_err(), "never twice");
        assert!(with_factur_x("<x/>").is_err());
    }

    #[test]
    fn refuses_what_it_cannot_edit() {
        assert!(add_factur_x(b"%PDF-1.7\nno table", EInvoice::FacturX).is_err());
        assert!(
            add_factur_x(b"%PDF-1.7\nstartxref\n9\n%%EOF", EInvoice::FacturX).is_err(),
            "startxref pointing at no xref table"
        );
    }
}
