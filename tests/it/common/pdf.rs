//! Reading PDFs as a reader does, from the file itself (never from the Typst source): the
//! text of each page (pdf-extract), the body text a reader copies (each font's ToUnicode map
//! and `/ActualText`, page furniture left out), the page sizes, the fonts used, and where
//! every glyph and painted path sits on the page (a small content-stream interpreter on
//! lopdf), so layout tests can check zones, alignment and order in points.

use std::collections::HashMap;
use std::path::Path;

/// The text of each page of a PDF, extracted from the file itself.
pub fn pdf_pages(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("extract PDF text")
}

/// Width and height in points of every page of a PDF (its MediaBox).
pub fn pdf_page_sizes(path: &Path) -> Vec<(f32, f32)> {
    let doc = lopdf::Document::load(path).expect("load PDF");
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_dictionary(id).expect("page dict");
            let mb = page
                .get(b"MediaBox")
                .expect("MediaBox")
                .as_array()
                .expect("array");
            let n = |o: &lopdf::Object| {
                o.as_float()
                    .or_else(|_| o.as_i64().map(|i| i as f32))
                    .expect("number")
            };
            (n(&mb[2]) - n(&mb[0]), n(&mb[3]) - n(&mb[1]))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Geometry read from the PDF file itself (not from the Typst source): a small interpreter of
// page content streams (lopdf) that places every glyph and every painted path. Coordinates
// are points from the page's bottom-left corner, y up, as in PDF user space.
//
// Why not pdf-extract's `OutputDev`: pdf-extract 0.10 (and 0.12) misreads the `c_first c_last
// w` form of a CID font's /W array, which Typst writes, so every glyph width is 0 and all the
// glyphs of a line are reported at the line's start.
// ---------------------------------------------------------------------------------------------

/// Points per inch.
pub const PT: f64 = 72.0;

/// One character drawn on a page: its text, the origin of its glyph on the baseline, its
/// effective font size and its advance width (points).
#[derive(Debug, Clone)]
pub struct Glyph {
    /// The character, from the font's ToUnicode map.
    pub ch: String,
    /// Baseline origin, x.
    pub x: f64,
    /// Baseline origin, y.
    pub y: f64,
    /// Effective font size (font size times the text and graphics matrices' scale).
    pub size: f64,
    /// Advance width, from the font's /W widths.
    pub advance: f64,
}

impl Glyph {
    /// A conservative box for the glyph: its advance wide, from a quarter em below the
    /// baseline (descenders) to a full em above it (accents over capitals).
    pub fn bbox(&self) -> BBox {
        BBox {
            x0: self.x,
            y0: self.y - 0.25 * self.size,
            x1: self.x + self.advance,
            y1: self.y + self.size,
        }
    }

    /// Whether it draws nothing (a space).
    pub fn is_blank(&self) -> bool {
        self.ch.trim().is_empty()
    }
}

/// An axis-aligned box in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// Left.
    pub x0: f64,
    /// Bottom.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Top.
    pub y1: f64,
}

impl BBox {
    /// A box from inches.
    pub fn inches(x0: f64, y0: f64, x1: f64, y1: f64) -> BBox {
        BBox {
            x0: x0 * PT,
            y0: y0 * PT,
            x1: x1 * PT,
            y1: y1 * PT,
        }
    }
    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
    /// Whether `other` lies entirely inside (with `tol` points of slack).
    pub fn contains(&self, other: &BBox, tol: f64) -> bool {
        other.x0 >= self.x0 - tol
            && other.x1 <= self.x1 + tol
            && other.y0 >= self.y0 - tol
            && other.y1 <= self.y1 + tol
    }
    /// Whether the two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &BBox) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
    fn around(points: &[(f64, f64)]) -> BBox {
        BBox {
            x0: points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min),
            y0: points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min),
            x1: points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max),
            y1: points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max),
        }
    }
}

/// Everything a page draws, read from its content stream.
#[derive(Debug, Clone, Default)]
pub struct PageLayout {
    /// Every glyph, in drawing order.
    pub glyphs: Vec<Glyph>,
    /// Bounding boxes of filled paths (rectangles, polygons, curves).
    pub fills: Vec<BBox>,
    /// Bounding boxes of stroked paths (widened by half the line width).
    pub strokes: Vec<BBox>,
    /// Other painting operators (XObjects, images, shadings), by name: their extent is not
    /// computed, so a test that wants a zone empty should want these absent.
    pub other: Vec<String>,
}

type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n` (PDF row-vector convention: `[x y 1] x m x n`).
fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn translate(x: f64, y: f64) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, x, y]
}

/// A Type0 (CID) font with Identity-H encoding, as Typst writes every text font: 2-byte codes,
/// widths from /W (default /DW), Unicode from /ToUnicode.
struct CidFont {
    widths: HashMap<u32, f64>,
    default_width: f64,
    unicode: HashMap<u32, String>,
}

fn number(o: &lopdf::Object) -> f64 {
    f64::from(o.as_float().expect("a number"))
}

fn cid_font(doc: &lopdf::Document, font: &lopdf::Dictionary) -> CidFont {
    let subtype = font
        .get(b"Subtype")
        .and_then(|s| s.as_name())
        .unwrap_or(b"");
    assert_eq!(
        subtype, b"Type0",
        "the geometry helper reads Type0 fonts (what Typst writes)"
    );
    let encoding = font
        .get(b"Encoding")
        .and_then(|e| e.as_name())
        .unwrap_or(b"");
    assert_eq!(encoding, b"Identity-H", "Identity-H encoding expected");
    let descendants = font
        .get_deref(b"DescendantFonts", doc)
        .and_then(|d| d.as_array())
        .expect("DescendantFonts");
    let cid = doc
        .dereference(&descendants[0])
        .and_then(|(_, o)| o.as_dict())
        .expect("CIDFont dictionary");
    let default_width = cid.get(b"DW").map(number).unwrap_or(1000.0);
    let mut widths = HashMap::new();
    if let Ok(w) = cid.get_deref(b"W", doc).and_then(|w| w.as_array()) {
        let mut i = 0;
        while i < w.len() {
            let first = number(&w[i]) as u32;
            match w.get(i + 1) {
                Some(lopdf::Object::Array(list)) => {
                    for (j, width) in list.iter().enumerate() {
                        widths.insert(first + j as u32, number(width));
                    }
                    i += 2;
                }
                Some(last) => {
                    let width = number(&w[i + 2]);
                    for c in first..=number(last) as u32 {
                        widths.insert(c, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
    let unicode = to_unicode(doc, font);
    CidFont {
        widths,
        default_width,
        unicode,
    }
}

/// The text of each character code of a font, from its ToUnicode CMap (none: an empty map).
fn to_unicode(doc: &lopdf::Document, font: &lopdf::Dictionary) -> HashMap<u32, String> {
    font.get_deref(b"ToUnicode", doc)
        .and_then(|s| s.as_stream())
        .and_then(|s| s.get_plain_content())
        .map(|bytes| to_unicode_map(&String::from_utf8_lossy(&bytes)))
        .unwrap_or_default()
}

/// Parses the `bfchar` and `bfrange` sections of a ToUnicode CMap: one code to one string,
/// a range of codes to consecutive strings (the last byte counting up), or a range to an
/// array of strings. The one CMap parser of the tests: the glyph geometry and the body
/// text both read fonts through it.
fn to_unicode_map(cmap: &str) -> HashMap<u32, String> {
    fn hex(token: &str) -> Option<Vec<u8>> {
        let t = token.trim_start_matches('<').trim_end_matches('>');
        (0..t.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(t.get(i..i + 2)?, 16).ok())
            .collect()
    }
    fn code(token: &str) -> u32 {
        hex(token)
            .unwrap_or_default()
            .iter()
            .fold(0, |acc, b| (acc << 8) | u32::from(*b))
    }
    fn text(bytes: &[u8]) -> String {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    }
    let mut map = HashMap::new();
    let spaced = cmap.replace('[', " [ ").replace(']', " ] ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i] {
            "beginbfchar" => {
                i += 1;
                while i + 1 < tokens.len() && tokens[i] != "endbfchar" {
                    map.insert(
                        code(tokens[i]),
                        text(&hex(tokens[i + 1]).unwrap_or_default()),
                    );
                    i += 2;
                }
            }
            "beginbfrange" => {
                i += 1;
                while i + 2 < tokens.len() && tokens[i] != "endbfrange" {
                    let (lo, hi) = (code(tokens[i]), code(tokens[i + 1]));
                    if tokens[i + 2] == "[" {
                        let mut j = i + 3;
                        let mut c = lo;
                        while tokens[j] != "]" {
                            map.insert(c, text(&hex(tokens[j]).unwrap_or_default()));
                            c += 1;
                            j += 1;
                        }
                        i = j + 1;
                    } else {
                        let mut dst = hex(tokens[i + 2]).unwrap_or_default();
                        for c in lo..=hi {
                            map.insert(c, text(&dst));
                            if let Some(last) = dst.last_mut() {
                                *last = last.wrapping_add(1);
                            }
                        }
                        i += 3;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    map
}

/// The text state of the content stream interpreter (PDF 32000-1, 9.3).
struct TextState {
    tm: Matrix,
    tlm: Matrix,
    font: Option<Vec<u8>>,
    size: f64,
    char_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// Everything each page of a PDF draws: glyphs placed with their fonts' widths, and the
/// bounding boxes of filled and stroked paths, from an interpreter of the graphics state
/// (`q`, `Q`, `cm`, `w`), the text operators and the path operators.
pub fn pdf_layout(path: &Path) -> Vec<PageLayout> {
    let doc = lopdf::Document::load(path).expect("load PDF");
    doc.get_pages()
        .values()
        .map(|&page| {
            let fonts: HashMap<Vec<u8>, CidFont> = doc
                .get_page_fonts(page)
                .expect("page fonts")
                .into_iter()
                .map(|(name, font)| (name, cid_font(&doc, font)))
                .collect();
            let bytes = doc.get_page_content(page).expect("page content");
            let content = lopdf::content::Content::decode(&bytes).expect("decode content");
            let mut out = PageLayout::default();
            let mut ctm = IDENTITY;
            let mut width = 1.0f64;
            let mut stack: Vec<(Matrix, f64)> = Vec::new();
            let mut points: Vec<(f64, f64)> = Vec::new();
            let mut ts = TextState {
                tm: IDENTITY,
                tlm: IDENTITY,
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                scale: 1.0,
                leading: 0.0,
                rise: 0.0,
            };
            for op in &content.operations {
                let n: Vec<f64> = op
                    .operands
                    .iter()
                    .filter_map(|o| o.as_float().ok().map(f64::from))
                    .collect();
                let mut show = |ts: &mut TextState, ctm: &Matrix, s: &[u8]| {
                    let font = ts
                        .font
                        .as_ref()
                        .and_then(|f| fonts.get(f))
                        .expect("text shown with a known font");
                    for pair in s.chunks(2) {
                        let code =
                            (u32::from(pair[0]) << 8) | u32::from(*pair.get(1).unwrap_or(&0));
                        let m = multiply(&ts.tm, ctm);
                        let (x, y) = apply(&m, 0.0, ts.rise);
                        let unit = (m[0] * m[0] + m[1] * m[1]).sqrt();
                        let w0 = font
                            .widths
                            .get(&code)
                            .copied()
                            .unwrap_or(font.default_width);
                        let tx = (w0 / 1000.0 * ts.size + ts.char_spacing) * ts.scale;
                        out.glyphs.push(Glyph {
                            ch: font
                                .unicode
                                .get(&code)
                                .cloned()
                                .unwrap_or("\u{FFFD}".into()),
                            x,
                            y,
                            size: ts.size * (m[0] * m[3] - m[1] * m[2]).abs().sqrt(),
                            advance: tx * unit,
                        });
                        ts.tm = multiply(&translate(tx, 0.0), &ts.tm);
                    }
                };
                match op.operator.as_str() {
                    "q" => stack.push((ctm, width)),
                    "Q" => {
                        if let Some((m, w)) = stack.pop() {
                            ctm = m;
                            width = w;
                        }
                    }
                    "cm" if n.len() == 6 => {
                        ctm = multiply(&[n[0], n[1], n[2], n[3], n[4], n[5]], &ctm);
                    }
                    "w" if n.len() == 1 => width = n[0],
                    // Text.
                    "BT" => {
                        ts.tm = IDENTITY;
                        ts.tlm = IDENTITY;
                    }
                    "Tf" => {
                        ts.font = op.operands[0].as_name().ok().map(<[u8]>::to_vec);
                        ts.size = n.first().copied().unwrap_or(0.0);
                    }
                    "Tc" if n.len() == 1 => ts.char_spacing = n[0],
                    "Tz" if n.len() == 1 => ts.scale = n[0] / 100.0,
                    "TL" if n.len() == 1 => ts.leading = n[0],
                    "Ts" if n.len() == 1 => ts.rise = n[0],
                    "Tm" if n.len() == 6 => {
                        ts.tm = [n[0], n[1], n[2], n[3], n[4], n[5]];
                        ts.tlm = ts.tm;
                    }
                    "Td" | "TD" if n.len() == 2 => {
                        if op.operator == "TD" {
                            ts.leading = -n[1];
                        }
                        ts.tlm = multiply(&translate(n[0], n[1]), &ts.tlm);
                        ts.tm = ts.tlm;
                    }
                    "T*" => {
                        ts.tlm = multiply(&translate(0.0, -ts.leading), &ts.tlm);
                        ts.tm = ts.tlm;
                    }
                    "Tj" | "'" | "\"" => {
                        if op.operator != "Tj" {
                            ts.tlm = multiply(&translate(0.0, -ts.leading), &ts.tlm);
                            ts.tm = ts.tlm;
                        }
                        if let Some(s) = op.operands.last().and_then(|o| o.as_str().ok()) {
                            show(&mut ts, &ctm, s);
                        }
                    }
                    "TJ" => {
                        for item in op.operands[0].as_array().expect("TJ array") {
                            match item {
                                lopdf::Object::String(s, _) => show(&mut ts, &ctm, s),
                                other => {
                                    let adjust = number(other);
                                    let tx = -adjust / 1000.0 * ts.size * ts.scale;
                                    ts.tm = multiply(&translate(tx, 0.0), &ts.tm);
                                }
                            }
                        }
                    }
                    // Paths.
                    "m" | "l" if n.len() == 2 => points.push(apply(&ctm, n[0], n[1])),
                    "c" if n.len() == 6 => {
                        for k in [0, 2, 4] {
                            points.push(apply(&ctm, n[k], n[k + 1]));
                        }
                    }
                    "v" | "y" if n.len() == 4 => {
                        for k in [0, 2] {
                            points.push(apply(&ctm, n[k], n[k + 1]));
                        }
                    }
                    "re" if n.len() == 4 => {
                        for (x, y) in [
                            (n[0], n[1]),
                            (n[0] + n[2], n[1]),
                            (n[0], n[1] + n[3]),
                            (n[0] + n[2], n[1] + n[3]),
                        ] {
                            points.push(apply(&ctm, x, y));
                        }
                    }
                    "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "S" | "s" | "n" => {
                        let paint = op.operator.as_str();
                        if !points.is_empty() && paint != "n" {
                            let bbox = BBox::around(&points);
                            if matches!(paint, "S" | "s" | "B" | "B*" | "b" | "b*") {
                                let half =
                                    width * (ctm[0] * ctm[3] - ctm[1] * ctm[2]).abs().sqrt() / 2.0;
                                out.strokes.push(BBox {
                                    x0: bbox.x0 - half,
                                    y0: bbox.y0 - half,
                                    x1: bbox.x1 + half,
                                    y1: bbox.y1 + half,
                                });
                            }
                            if !matches!(paint, "S" | "s") {
                                out.fills.push(bbox);
                            }
                        }
                        points.clear();
                    }
                    "Do" | "sh" | "BI" | "ID" | "EI" | "d0" | "d1" => {
                        out.other.push(op.operator.clone())
                    }
                    _ => {}
                }
            }
            out
        })
        .collect()
}

/// Glyphs grouped into lines (same baseline within 0.5 pt), top to bottom, each left to
/// right.
pub fn glyph_lines(glyphs: &[Glyph]) -> Vec<Vec<Glyph>> {
    let mut sorted: Vec<Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for g in sorted {
        match lines.last_mut() {
            Some(line) if (line[0].y - g.y).abs() < 0.5 => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    lines
}

/// The text of a line of glyphs, in order.
pub fn line_text(line: &[Glyph]) -> String {
    line.iter().map(|g| g.ch.as_str()).collect()
}

/// The base font names of every font a PDF's pages use (e.g. `ABCDEF+LiberationSans`).
pub fn pdf_font_names(path: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(path).expect("load PDF");
    let mut names: Vec<String> = doc
        .get_pages()
        .values()
        .flat_map(|&page| {
            doc.get_page_fonts(page)
                .expect("page fonts")
                .values()
                .filter_map(|f| f.get(b"BaseFont").ok())
                .filter_map(|n| n.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The body text of a PDF (every page, in content order), decoded the way a PDF reader
/// copies text: each font's ToUnicode map, and the `/ActualText` of marked-content spans
/// (Typst writes one for every glyph whose text the font map cannot hold, such as each
/// character drawn with the missing-glyph box). Page furniture (header, footer, the DRAFT
/// watermark: content marked `/Artifact`) is left out, so a paragraph that runs onto the next
/// page reads as one. pdf-extract knows neither ActualText nor artifacts, hence this.
pub fn pdf_body_text(path: &Path) -> String {
    use lopdf::Object;
    let doc = lopdf::Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    for (_, page) in doc.get_pages() {
        let maps: HashMap<Vec<u8>, HashMap<u32, String>> = doc
            .get_page_fonts(page)
            .expect("fonts")
            .into_iter()
            .map(|(name, font)| (name, to_unicode(&doc, font)))
            .collect();
        let content = doc.get_page_content(page).expect("content");
        let ops = lopdf::content::Content::decode(&content)
            .expect("decode content")
            .operations;
        let mut font: Vec<u8> = Vec::new();
        // Marked content: (is an artifact, has ActualText).
        let mut marks: Vec<(bool, bool)> = Vec::new();
        let hidden = |marks: &[(bool, bool)]| marks.iter().any(|&(a, t)| a || t);
        let show = |bytes: &[u8], font: &[u8], out: &mut String| {
            let map = maps.get(font);
            for code in bytes.chunks(2) {
                let code = code.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
                if let Some(t) = map.and_then(|m| m.get(&code)) {
                    out.push_str(t);
                }
            }
        };
        for op in ops {
            match op.operator.as_str() {
                "Tf" => {
                    if let Some(Ok(name)) = op.operands.first().map(Object::as_name) {
                        font = name.to_vec();
                    }
                }
                "BMC" => marks.push((
                    op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact"),
                    false,
                )),
                "BDC" => {
                    let artifact =
                        op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact");
                    let actual = op
                        .operands
                        .get(1)
                        .and_then(|o| o.as_dict().ok())
                        .and_then(|d| d.get(b"ActualText").ok())
                        .and_then(|o| o.as_str().ok())
                        .map(utf16_text);
                    if let Some(actual) = &actual
                        && !artifact
                        && !hidden(&marks)
                    {
                        text.push_str(actual);
                    }
                    marks.push((artifact, actual.is_some()));
                }
                "EMC" => {
                    marks.pop();
                }
                "Tj" | "'" | "\"" if !hidden(&marks) => {
                    if let Some(Object::String(bytes, _)) = op.operands.last() {
                        show(bytes, &font, &mut text);
                    }
                }
                "TJ" if !hidden(&marks) => {
                    if let Some(Ok(items)) = op.operands.first().map(Object::as_array) {
                        for item in items {
                            if let Object::String(bytes, _) = item {
                                show(bytes, &font, &mut text);
                            }
                        }
                    }
                }
                "ET" => text.push(' '),
                _ => {}
            }
        }
        text.push('\n');
    }
    text
}

/// A PDF text string: UTF-16BE after a byte-order mark, else bytes as Latin-1.
fn utf16_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}
