//! #10 envelopes as they are mailed, checked from the produced files: USPS geometry read back
//! from the PDF (every glyph's position and size, every painted shape), Publication 28 lines
//! for addresses of several shapes, the Intelligent Mail barcode against the USPS-B-3200
//! appendix (as bars in the PDF, not only as letters), located errors for invalid addresses and
//! barcode fields, and a print run of more than 500 recipients with its manifest.

use std::path::{Path, PathBuf};

use crate::common::*;
use serde_json::Value;
use toml::Table;

// ---------------------------------------------------------------------------------------------
// USPS zones, in inches from the bottom-left corner (see templates/envelope.typ)
// ---------------------------------------------------------------------------------------------

const PAGE: (f64, f64) = (9.5, 4.125);

fn page_box() -> BBox {
    BBox::inches(0.0, 0.0, PAGE.0, PAGE.1)
}
fn ocr_area() -> BBox {
    BBox::inches(0.5, 0.625, 9.0, 2.75)
}
fn clear_zone() -> BBox {
    BBox::inches(4.75, 0.0, 9.5, 0.625)
}
fn postage_area() -> BBox {
    BBox::inches(7.5, 2.75, 9.5, 4.125)
}

/// USPS-B-3200 appendix examples: tracking code 01234567094987654321 with four routing codes.
const TRACKING: &str = "01234567094987654321";
const APPENDIX: [(&str, &str); 4] = [
    (
        "",
        "ATTFATTDTTADTAATTDTDTATTDAFDDFADFDFTFFFFFTATFAAAATDFFTDAADFTFDTDT",
    ),
    (
        "01234",
        "DTTAFADDTTFTDTFTFDTDDADADAFADFATDDFTAAAFDTTADFAAATDFDTDFADDDTDFFT",
    ),
    (
        "012345678",
        "ADFTTAFDTTTTFATTADTAAATFTFTATDAAAFDDADATATDTDTTDFDTDATADADTDFFTFA",
    ),
    (
        "01234567891",
        "AADTFFDFTDADTAADAATFDTDDAAADDTDTTDAFADADDDTFFFDDTTTADFAAADFTDAADA",
    ),
];

// ---------------------------------------------------------------------------------------------
// Fixtures: engagement folders written as a user would, one envelope each
// ---------------------------------------------------------------------------------------------

/// A postal address as engagement data holds it.
#[derive(Clone)]
struct Addr {
    name: String,
    organization: Option<String>,
    lines: Vec<String>,
    city: String,
    region: String,
    postal_code: Option<String>,
    country: String,
}

fn addr(name: &str, lines: &[&str], city: &str, region: &str, zip: &str, country: &str) -> Addr {
    Addr {
        name: name.into(),
        organization: None,
        lines: lines.iter().map(|l| l.to_string()).collect(),
        city: city.into(),
        region: region.into(),
        postal_code: Some(zip.into()),
        country: country.into(),
    }
}

impl Addr {
    fn org(mut self, organization: &str) -> Addr {
        self.organization = Some(organization.into());
        self
    }
    fn table(&self) -> Table {
        let mut t = Table::new();
        t.insert("name".into(), self.name.clone().into());
        if let Some(o) = &self.organization {
            t.insert("organization".into(), o.clone().into());
        }
        t.insert(
            "lines".into(),
            toml::Value::Array(self.lines.iter().map(|l| l.clone().into()).collect()),
        );
        t.insert("city".into(), self.city.clone().into());
        t.insert("region".into(), self.region.clone().into());
        if let Some(z) = &self.postal_code {
            t.insert("postal_code".into(), z.clone().into());
        }
        t.insert("country".into(), self.country.clone().into());
        t
    }
}

fn sender() -> Addr {
    addr(
        "CompleteTech LLC",
        &["400 Example Avenue", "Suite 210"],
        "Portland",
        "OR",
        "97204",
        "US",
    )
}

/// Who may be mailed: both approvals (final), the send approval only (draft), none (draft),
/// or no envelope section at all (blocked).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Clearance {
    Final,
    SendOnly,
    Nothing,
    NoEnvelope,
}

/// One engagement: id, recipient, `[envelope]` barcode fields, clearance.
#[derive(Clone)]
struct Fixture {
    id: String,
    sender: Addr,
    recipient: Addr,
    imb: Vec<(&'static str, String)>,
    clearance: Clearance,
}

impl Fixture {
    fn new(id: &str, recipient: Addr) -> Fixture {
        Fixture {
            id: id.into(),
            sender: sender(),
            recipient,
            imb: Vec::new(),
            clearance: Clearance::Final,
        }
    }
    /// The barcode fields of a 6-digit mailer id with this serial number.
    fn imb(mut self, serial: u32) -> Fixture {
        self.imb = vec![
            ("mailer_id", "123456".into()),
            ("service_type", "040".into()),
            ("serial", format!("{serial:09}")),
        ];
        self
    }
    fn with(mut self, field: &'static str, value: &str) -> Fixture {
        self.imb.retain(|(f, _)| *f != field);
        self.imb.push((field, value.into()));
        self
    }
    fn clearance(mut self, c: Clearance) -> Fixture {
        self.clearance = c;
        self
    }

    fn engagement(&self) -> Table {
        let mut t = Table::new();
        let s = |v: &str| toml::Value::String(v.into());
        t.insert("id".into(), s(&self.id));
        t.insert("client".into(), s(&format!("Client {}", self.id)));
        t.insert("workflow".into(), s("Correspondence"));
        t.insert("lifecycle_stage".into(), s("packaging"));
        t.insert("scope".into(), s("mailing"));
        t.insert("as_of".into(), s("2026-11-24"));
        let mut provider = Table::new();
        provider.insert("name".into(), s("CompleteTech LLC"));
        provider.insert("legal_name".into(), s("CompleteTech LLC"));
        provider.insert("address".into(), s("sender"));
        t.insert("provider".into(), provider.into());
        let mut client = Table::new();
        client.insert("legal_name".into(), s(&format!("Client {}", self.id)));
        client.insert("billing_address".into(), s("recipient"));
        t.insert("client_details".into(), client.into());
        let mut addresses = Table::new();
        addresses.insert("sender".into(), self.sender.table().into());
        addresses.insert("recipient".into(), self.recipient.table().into());
        t.insert("addresses".into(), addresses.into());
        if self.clearance != Clearance::NoEnvelope {
            let mut env = Table::new();
            env.insert("sender".into(), s("sender"));
            env.insert("recipient".into(), s("recipient"));
            env.insert("contents".into(), s("Letter"));
            for (field, value) in &self.imb {
                env.insert(field.to_string(), s(value));
            }
            t.insert("envelope".into(), env.into());
        }
        t
    }

    fn approvals(&self) -> String {
        let record = |gate: &str, action: &str| {
            format!(
                "[[approval]]\ngate = \"{gate}\"\nstatus = \"approved\"\n\
                 approver = {{ name = \"Pat Example\", role = \"Client sponsor\" }}\n\
                 actions = [\"{action}\"]\nevidence = \"Email of 2026-11-20 (example)\"\n\n"
            )
        };
        match self.clearance {
            Clearance::Final => {
                record("external_send", "send-mail")
                    + &record("recipient", "verify-recipient")
                    + &record("security", "external-send")
            }
            Clearance::SendOnly => record("external_send", "send-mail"),
            Clearance::Nothing | Clearance::NoEnvelope => {
                "[[approval]]\ngate = \"external_send\"\nstatus = \"requested\"\n".to_string()
            }
        }
    }

    fn write(&self, data: &Path) {
        let dir = data.join(&self.id);
        std::fs::create_dir_all(&dir).unwrap();
        let text = toml::to_string(&self.engagement()).unwrap();
        std::fs::write(dir.join("engagement.toml"), text).unwrap();
        std::fs::write(dir.join("approvals.toml"), self.approvals()).unwrap();
    }
}

/// A fresh data folder with the built-in rules and these engagements.
fn data_folder(name: &str, fixtures: &[Fixture]) -> PathBuf {
    let data = temp_dir(name);
    evidence_rules(&data);
    for f in fixtures {
        f.write(&data);
    }
    data
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `docket envelopes` into `<data>/out/run.pdf`; returns the manifest.
fn print_run(data: &Path) -> (PathBuf, Value) {
    let pdf = data.join("out/run.pdf");
    let out = docket_ok(&[
        "envelopes",
        "--data",
        data.to_str().unwrap(),
        "--out",
        pdf.to_str().unwrap(),
        "--json",
    ]);
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let manifest = read_json(&data.join("out/run.json"));
    assert_eq!(printed, manifest, "--json prints the manifest it writes");
    (pdf, manifest)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Reading an envelope page back
// ---------------------------------------------------------------------------------------------

/// Decodes bars painted on a page into the 65-letter form, checking their size and pitch
/// (USPS-B-3200 nominal: 0.020 in wide, 22 per inch; full 0.145 in, ascender and descender
/// 0.0965 in, tracker 0.048 in, all centred on one line).
fn read_bars(bars: &[BBox]) -> String {
    const TOL: f64 = 0.05; // points
    let mut bars = bars.to_vec();
    bars.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    assert_eq!(bars.len(), 65, "65 bars");
    let full = bars
        .iter()
        .find(|b| (b.height() - 0.145 * PT).abs() < TOL)
        .expect("a full bar");
    let (bottom, top) = (full.y0, full.y1);
    let middle = (bottom + top) / 2.0;
    let mut letters = String::new();
    for (i, b) in bars.iter().enumerate() {
        assert!(
            (b.width() - 0.020 * PT).abs() < TOL,
            "bar {i} width {}",
            b.width()
        );
        if i > 0 {
            let pitch = b.x0 - bars[i - 1].x0;
            assert!((pitch - PT / 22.0).abs() < TOL, "bar {i} pitch {pitch}");
        }
        let h = b.height();
        let letter = if (h - 0.145 * PT).abs() < TOL {
            assert!((b.y0 - bottom).abs() < TOL && (b.y1 - top).abs() < TOL);
            'F'
        } else if (h - 0.0965 * PT).abs() < TOL {
            if (b.y1 - top).abs() < TOL {
                assert!((b.y0 - (middle - 0.024 * PT)).abs() < TOL, "ascender {i}");
                'A'
            } else {
                assert!((b.y0 - bottom).abs() < TOL, "descender {i} at {}", b.y0);
                assert!((b.y1 - (middle + 0.024 * PT)).abs() < TOL, "descender {i}");
                'D'
            }
        } else if (h - 0.048 * PT).abs() < TOL {
            let centre = (b.y0 + b.y1) / 2.0;
            assert!((centre - middle).abs() < TOL, "tracker {i} off centre");
            'T'
        } else {
            panic!("bar {i} has height {h} pt, none of the USPS heights");
        };
        letters.push(letter);
    }
    // Leftmost bar 3.5 to 4.25 in from the right edge.
    let from_right = PAGE.0 - bars[0].x0 / PT;
    assert!(
        (3.5..=4.25).contains(&from_right),
        "leftmost bar {from_right} in from the right edge"
    );
    letters
}

/// What one envelope page must look like.
struct Expect<'a> {
    recipient: &'a [String],
    bars: Option<&'a str>,
    draft: bool,
}

/// Checks one page against the USPS zones from its glyphs and painted shapes; returns the
/// sender's lines as printed.
fn check_page(page: usize, layout: &PageLayout, expect: &Expect) -> Vec<String> {
    let ctx = format!("page {page}");
    let (glyphs, marks) = (&layout.glyphs, layout);
    let ocr = ocr_area();
    assert!(
        marks.strokes.is_empty(),
        "{ctx}: {} stroked paths, first {:?}",
        marks.strokes.len(),
        marks.strokes.first()
    );
    assert!(
        marks.other.is_empty(),
        "{ctx}: other marks {:?}",
        marks.other
    );
    // Type: every glyph at least 10 pt and uppercase.
    for g in glyphs {
        assert!(g.size >= 9.99, "{ctx}: {:?} is {} pt", g.ch, g.size);
        assert!(
            !g.ch.chars().any(char::is_lowercase),
            "{ctx}: lowercase {:?}",
            g.ch
        );
        assert!(
            page_box().contains(&g.bbox(), 0.0),
            "{ctx}: {:?} off the page",
            g.ch
        );
    }
    let lines = glyph_lines(glyphs);
    let texts: Vec<String> = lines.iter().map(|l| line_text(l)).collect();

    // The delivery address: its lines, in order, consecutive, left-aligned, inside the OCR
    // read area; the block is the lowest text there and the only text in it.
    let first = texts
        .iter()
        .position(|t| *t == expect.recipient[0])
        .unwrap_or_else(|| panic!("{ctx}: no line {:?} in {texts:?}", expect.recipient[0]));
    let block = &lines[first..first + expect.recipient.len()];
    assert_eq!(
        &texts[first..first + expect.recipient.len()],
        expect.recipient,
        "{ctx}: delivery lines"
    );
    let left = block[0][0].x;
    for line in block {
        // Each glyph starts where the one before it ends (no kerning, nothing squeezed).
        for pair in line.windows(2) {
            assert!(
                pair[0].advance > 0.0,
                "{ctx}: {:?} has no width",
                pair[0].ch
            );
            assert!(
                (pair[1].x - (pair[0].x + pair[0].advance)).abs() < 0.01,
                "{ctx}: {:?} does not follow {:?}",
                pair[1].ch,
                pair[0].ch
            );
        }
        assert!(
            (line[0].x - left).abs() < 0.01,
            "{ctx}: block not left-aligned"
        );
        for g in line.iter().filter(|g| !g.is_blank()) {
            assert!(
                ocr.contains(&g.bbox(), 0.0),
                "{ctx}: {:?} at ({:.1}, {:.1}) outside the OCR read area",
                g.ch,
                g.x,
                g.y
            );
        }
    }
    assert!(
        lines.len() == first + expect.recipient.len(),
        "{ctx}: text below the delivery address: {:?}",
        &texts[first + expect.recipient.len()..]
    );
    for line in &lines[..first] {
        for g in line.iter().filter(|g| !g.is_blank()) {
            assert!(
                g.y - 0.25 * g.size >= ocr.y1,
                "{ctx}: {:?} of {:?} reaches into the OCR read area",
                g.ch,
                line_text(line)
            );
            assert!(
                !g.bbox().overlaps(&postage_area()),
                "{ctx}: {:?} in the postage area",
                g.ch
            );
        }
    }
    // Above the OCR area: the return address in the upper left, and the DRAFT mark on drafts.
    let draft_line = texts[..first]
        .iter()
        .position(|t| t.trim() == "DRAFT: NOT APPROVED TO SEND");
    assert_eq!(draft_line.is_some(), expect.draft, "{ctx}: DRAFT mark");
    let sender: Vec<&Vec<Glyph>> = lines[..first]
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != draft_line)
        .map(|(_, l)| l)
        .collect();
    assert!(!sender.is_empty(), "{ctx}: no return address");
    for line in &sender {
        assert!(
            line[0].x < 0.5 * PT,
            "{ctx}: return address not at the left"
        );
    }
    if let Some(d) = draft_line {
        // Cap-height boxes of the DRAFT mark and the return address never meet.
        let cap = |g: &Glyph| BBox {
            x0: g.x,
            y0: g.y,
            x1: g.x + g.advance,
            y1: g.y + 0.75 * g.size,
        };
        for g in &lines[d] {
            for line in &sender {
                assert!(
                    line.iter().all(|s| !cap(s).overlaps(&cap(g))),
                    "{ctx}: DRAFT mark over the return address"
                );
            }
        }
    }
    // Painted shapes: only the barcode's bars, all inside the clear zone.
    for f in &marks.fills {
        assert!(
            clear_zone().contains(f, 0.01),
            "{ctx}: a shape outside the clear zone at {f:?}"
        );
        assert!(!f.overlaps(&ocr) && !f.overlaps(&postage_area()));
    }
    for g in glyphs.iter().filter(|g| !g.is_blank()) {
        assert!(
            !g.bbox().overlaps(&clear_zone()),
            "{ctx}: {:?} in the barcode clear zone",
            g.ch
        );
    }
    match expect.bars {
        Some(bars) => assert_eq!(read_bars(&marks.fills), bars, "{ctx}: bars"),
        None => assert!(marks.fills.is_empty(), "{ctx}: bars without a barcode"),
    }
    sender.iter().map(|l| line_text(l)).collect()
}

fn assert_fonts_are_sans(pdf: &Path) {
    let fonts = pdf_font_names(pdf);
    assert!(!fonts.is_empty());
    for f in &fonts {
        assert!(
            f.contains("LiberationSans"),
            "{f} is not Liberation Sans (sans-serif)"
        );
    }
}

/// The delivery lines of a Markdown proof (the section "Delivery address").
fn proof_delivery_lines(md: &str) -> Vec<String> {
    let section = md
        .split("## Delivery address (OCR read area)")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("delivery section");
    section
        .lines()
        .map(|l| {
            l.trim_end_matches('\\')
                .replace("\\&", "&")
                .replace("\\#", "#")
        })
        .filter(|l| !l.trim().is_empty())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn usps_appendix_vectors() {
    for (routing, bars) in APPENDIX {
        assert_eq!(
            docket::usps::imb::encode(TRACKING, routing).unwrap(),
            bars,
            "routing {routing:?}"
        );
    }
    let t = docket::usps::imb::tracking_code("01", "234", "567094", "987654321").unwrap();
    assert_eq!(t, TRACKING);
}

/// The appendix example, from engagement data to the bars in the PDF: tracking code
/// 01234567094987654321 is barcode id 01, service type 234, mailer id 567094, serial
/// 987654321; the recipient's ZIP (and delivery point) gives the routing code.
#[test]
fn appendix_examples_print_as_bars() {
    let recipient = |zip: &str| {
        addr(
            "Chris Example",
            &["12 Elm Street"],
            "Pittsfield",
            "MA",
            zip,
            "US",
        )
    };
    for (zip, point, routing) in [
        ("01234", None, "01234"),
        ("01234-5678", None, "012345678"),
        ("01234-5678", Some("91"), "01234567891"),
    ] {
        let mut f = Fixture::new("appendix", recipient(zip))
            .imb(987654321)
            .with("barcode_id", "01")
            .with("service_type", "234")
            .with("mailer_id", "567094");
        if let Some(p) = point {
            f = f.with("delivery_point", p);
        }
        let data = data_folder("appendix", &[f]);
        let out = data.join("out");
        Build::new(&data).out(&out).only("envelope").run_ok();
        let expected = APPENDIX.iter().find(|(r, _)| *r == routing).unwrap().1;
        let md = std::fs::read_to_string(out.join("appendix/envelope.md")).unwrap();
        assert!(md.contains(&format!("`{expected}`")), "{md}");
        assert!(
            md.contains(&format!("| Routing code | {routing} |")),
            "{md}"
        );
        assert!(
            md.contains(&format!("| Tracking code | {TRACKING} |")),
            "{md}"
        );
        assert!(md.contains("**Final:**"), "{md}");
        let pdf = out.join("appendix/envelope.pdf");
        let layout = pdf_layout(&pdf);
        assert_eq!(layout.len(), 1);
        let lines = [
            "CHRIS EXAMPLE".to_string(),
            "12 ELM ST".to_string(),
            format!("PITTSFIELD MA  {zip}"),
        ];
        check_page(
            1,
            &layout[0],
            &Expect {
                recipient: &lines,
                bars: Some(expected),
                draft: false,
            },
        );
    }
}

/// Addresses of several shapes, with and without barcodes: the lines in the proof and in the
/// PDF are the Publication 28 lines, and every page keeps to the USPS zones.
fn shapes() -> Vec<(Fixture, Vec<&'static str>)> {
    let wide = Addr {
        name: "W".repeat(40),
        organization: Some("Æ".repeat(40)),
        lines: vec!["Ю".repeat(40), "Щ".repeat(40)],
        city: "Köln".into(),
        region: String::new(),
        postal_code: Some("50667".into()),
        country: "DE".into(),
    };
    let mut tall_sender = wide.clone();
    tall_sender.name = "M".repeat(40);
    vec![
        (
            Fixture::new(
                "suite",
                addr(
                    "Maria Lopez",
                    &["200 West Main Street", "Suite 1500"],
                    "Springfield",
                    "IL",
                    "62701-1234",
                    "US",
                )
                .org("Acme Corp."),
            )
            .imb(1)
            .with("delivery_point", "05"),
            vec![
                "MARIA LOPEZ",
                "ACME CORP",
                "200 W MAIN ST STE 1500",
                "SPRINGFIELD IL  62701-1234",
            ],
        ),
        (
            Fixture::new(
                "po-box",
                addr("Sam Lee", &["P.O. Box 4421"], "Austin", "tx", "78765", "US"),
            )
            .imb(2),
            vec!["SAM LEE", "PO BOX 4421", "AUSTIN TX  78765"],
        ),
        (
            Fixture::new(
                "military",
                addr(
                    "SGT Pat Rivera",
                    &["Unit 2050, Box 4190"],
                    "APO",
                    "AE",
                    "09096",
                    "US",
                ),
            )
            .imb(3),
            vec!["SGT PAT RIVERA", "UNIT 2050 BOX 4190", "APO AE  09096"],
        ),
        (
            Fixture::new(
                "apartment",
                addr(
                    "Kim Park",
                    &["42 West Elm Street, Apt #5B"],
                    "Boston",
                    "MA",
                    "021161234",
                    "US",
                ),
            ),
            vec!["KIM PARK", "42 W ELM ST APT 5B", "BOSTON MA  02116-1234"],
        ),
        (
            Fixture::new(
                "canada",
                addr(
                    "Jean Tremblay",
                    &["111 Wellington Street"],
                    "Ottawa",
                    "on",
                    "k1a0b1",
                    "CA",
                ),
            )
            .imb(4),
            vec![
                "JEAN TREMBLAY",
                "111 WELLINGTON STREET",
                "OTTAWA ON  K1A 0B1",
                "CANADA",
            ],
        ),
        (
            Fixture::new(
                "uk",
                addr(
                    "Alex Morgan",
                    &["10 Downing Street"],
                    "London",
                    "",
                    "SW1A 2AA",
                    "GB",
                ),
            ),
            vec![
                "ALEX MORGAN",
                "10 DOWNING STREET",
                "LONDON SW1A 2AA",
                "UNITED KINGDOM",
            ],
        ),
        (
            Fixture::new(
                "germany",
                addr("Jürgen Groß", &["Hauptstraße 5"], "Köln", "", "50667", "DE")
                    .org("Bäckerei & Söhne GmbH"),
            ),
            vec![
                "JÜRGEN GROSS",
                "BÄCKEREI & SÖHNE GMBH",
                "HAUPTSTRASSE 5",
                "50667 KÖLN",
                "GERMANY",
            ],
        ),
        (
            // La Poste and the UPU: the postcode before the locality.
            Fixture::new(
                "france",
                addr(
                    "Marie Dubois",
                    &["55 Rue du Faubourg Saint-Honoré"],
                    "Paris",
                    "",
                    "75008",
                    "FR",
                ),
            ),
            vec![
                "MARIE DUBOIS",
                "55 RUE DU FAUBOURG SAINT-HONORÉ",
                "75008 PARIS",
                "FRANCE",
            ],
        ),
        (
            // Japan Post's Latin layout (the UPU's): block-house number and district, then
            // ward, prefecture (the post office) and postcode. Barcode fields are given, but
            // none is printed abroad.
            Fixture::new(
                "japan",
                addr(
                    "Tanaka Hanako",
                    &["4-3-2 Hakusan"],
                    "Bunkyo-ku",
                    "Tokyo",
                    "112-0001",
                    "JP",
                )
                .org("Northwind Boeki K.K."),
            )
            .imb(5),
            vec![
                "TANAKA HANAKO",
                "NORTHWIND BOEKI KK",
                "4-3-2 HAKUSAN",
                "BUNKYO-KU TOKYO 112-0001",
                "JAPAN",
            ],
        ),
        (
            // The largest block docket prints: 6 lines of 40 of the widest capitals, under a
            // 6-line return address of 40 wide capitals.
            Fixture {
                sender: tall_sender,
                ..Fixture::new("widest", wide)
            }
            .clearance(Clearance::SendOnly),
            vec![
                "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
                "ÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆ",
                "ЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮЮ",
                "ЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩЩ",
                "50667 KÖLN",
                "GERMANY",
            ],
        ),
    ]
}

#[test]
fn address_shapes_print_pub28_lines_inside_the_zones() {
    let shapes = shapes();
    let fixtures: Vec<Fixture> = shapes.iter().map(|(f, _)| f.clone()).collect();
    let data = data_folder("shapes", &fixtures);
    let out = data.join("out");
    Build::new(&data).out(&out).only("envelope").run_ok();
    for (f, expected) in &shapes {
        let expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        let md = std::fs::read_to_string(out.join(&f.id).join("envelope.md")).unwrap();
        assert_eq!(proof_delivery_lines(&md), expected, "{} proof", f.id);
        let bars = f.imb.iter().any(|(k, _)| *k == "mailer_id") && f.recipient.country == "US";
        let proof_bars = md
            .lines()
            .find(|l| l.len() == 67 && l.starts_with('`'))
            .map(|l| l.trim_matches('`').to_string());
        assert_eq!(proof_bars.is_some(), bars, "{}: {md}", f.id);
        if !bars {
            assert!(md.contains("No Intelligent Mail barcode"), "{md}");
        }
        let pdf = out.join(&f.id).join("envelope.pdf");
        assert_fonts_are_sans(&pdf);
        let sizes = pdf_page_sizes(&pdf);
        assert_eq!(sizes.len(), 1);
        assert!((sizes[0].0 - 684.0).abs() < 0.01 && (sizes[0].1 - 297.0).abs() < 0.01);
        let sender = check_page(
            1,
            &pdf_layout(&pdf)[0],
            &Expect {
                recipient: &expected,
                bars: proof_bars.as_deref(),
                draft: f.clearance != Clearance::Final,
            },
        );
        assert_eq!(
            sender.len(),
            if f.id == "widest" { 6 } else { 3 },
            "{sender:?}"
        );
    }
    // The abroad recipient with barcode fields gets none, and the proof says why.
    let md = std::fs::read_to_string(out.join("canada/envelope.md")).unwrap();
    assert!(md.contains("the recipient is abroad"), "{md}");
    let md = std::fs::read_to_string(out.join("japan/envelope.md")).unwrap();
    assert!(md.contains("the recipient is abroad"), "{md}");
}

#[test]
fn northwind_draft_keeps_the_zones_and_says_why_no_barcode() {
    let out = northwind_build().join("northwind");
    let pdf = out.join("envelope.pdf");
    let lines: Vec<String> = [
        "DANA WHITFIELD EXAMPLE",
        "NORTHWIND TRADING CO",
        "1200 HARBOR BLVD FL 4",
        "SEATTLE WA  98101-2345",
    ]
    .map(String::from)
    .to_vec();
    let sender = check_page(
        1,
        &pdf_layout(&pdf)[0],
        &Expect {
            recipient: &lines,
            bars: None,
            draft: true,
        },
    );
    assert_eq!(
        sender,
        [
            "COMPLETETECH LLC",
            "400 EXAMPLE AVE STE 210",
            "PORTLAND OR  97204"
        ]
    );
    assert_fonts_are_sans(&pdf);
    let md = std::fs::read_to_string(out.join("envelope.md")).unwrap();
    assert!(md.contains("**Draft:**"), "{md}");
    assert!(md.contains("has no mailer\\_id and service\\_type"), "{md}");
}

/// Runs `docket check` on a data folder with these fixtures; returns the error output, after
/// checking the exit status (1: invalid data) and that it names `field`.
fn data_error(name: &str, fixtures: &[Fixture], field: &str) -> String {
    let data = data_folder(name, fixtures);
    let run = docket(&["check", "--data", data.to_str().unwrap()]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{name}: {err}");
    assert!(err.contains(field), "{name}: expected {field} in {err}");
    assert!(err.contains("engagement.toml:"), "{name}: {err}");
    err
}

fn us(zip: &str) -> Addr {
    addr("Chris Example", &["12 Elm St"], "Seattle", "WA", zip, "US")
}

#[test]
fn invalid_addresses_are_errors_that_name_the_field() {
    let mut no_zip = us("98101");
    no_zip.postal_code = None;
    let err = data_error(
        "no-zip",
        &[Fixture::new("a", no_zip)],
        "addresses.recipient.postal_code",
    );
    assert!(err.contains("postal_code is empty"), "{err}");
    let err = data_error(
        "bad-state",
        &[Fixture::new(
            "a",
            addr("X", &["1 Main St"], "Seattle", "XX", "98101", "US"),
        )],
        "addresses.recipient.region",
    );
    assert!(err.contains("\"XX\" is not valid for US"), "{err}");
    let err = data_error(
        "bad-zip",
        &[Fixture::new("a", us("9810"))],
        "addresses.recipient.postal_code",
    );
    assert!(err.contains("5-digit ZIP"), "{err}");
    let mut many = us("98101");
    many.organization = Some("Northwind".into());
    many.lines = ["Attn Receiving", "Dock 4", "1 Main St", "Mail Code 7"]
        .map(String::from)
        .to_vec();
    let err = data_error(
        "too-many",
        &[Fixture::new("a", many)],
        "addresses.recipient.lines",
    );
    assert!(err.contains("7 lines"), "{err}");
    let mut long = us("98101");
    long.lines
        .push("Building 1234567890123456789012345678901234567".into());
    let err = data_error(
        "too-long",
        &[Fixture::new("a", long)],
        "addresses.recipient.lines[1]",
    );
    assert!(err.contains("at most 40 fit the OCR read area"), "{err}");
    let mut bad_sender = Fixture::new("a", us("98101"));
    bad_sender.sender.country = "XZ".into();
    data_error("bad-country", &[bad_sender], "addresses.sender.country");
}

#[test]
fn state_names_print_as_their_usps_codes() {
    // Regression: a state typed by name ("Washington", "new york") was refused; Publication 28
    // Appendix B gives its code, and the envelope prints the code.
    let shapes = [
        (
            Fixture::new(
                "washington",
                addr(
                    "Chris Example",
                    &["12 Elm St"],
                    "Seattle",
                    "Washington",
                    "98101",
                    "US",
                ),
            )
            .imb(11),
            ["CHRIS EXAMPLE", "12 ELM ST", "SEATTLE WA  98101"],
        ),
        (
            Fixture::new(
                "new-york",
                addr(
                    "Sam Lee",
                    &["1 Main St"],
                    "New York",
                    " new   york ",
                    "10001",
                    "US",
                ),
            )
            .imb(12),
            ["SAM LEE", "1 MAIN ST", "NEW YORK NY  10001"],
        ),
    ];
    let fixtures: Vec<Fixture> = shapes.iter().map(|(f, _)| f.clone()).collect();
    let data = data_folder("state-names", &fixtures);
    let out = data.join("out");
    Build::new(&data).out(&out).only("envelope").run_ok();
    for (f, expected) in &shapes {
        let expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        let md = std::fs::read_to_string(out.join(&f.id).join("envelope.md")).unwrap();
        assert_eq!(proof_delivery_lines(&md), expected, "{} proof", f.id);
        let proof_bars = md
            .lines()
            .find(|l| l.len() == 67 && l.starts_with('`'))
            .map(|l| l.trim_matches('`').to_string());
        let pdf = out.join(&f.id).join("envelope.pdf");
        check_page(
            1,
            &pdf_layout(&pdf)[0],
            &Expect {
                recipient: &expected,
                bars: proof_bars.as_deref(),
                draft: false,
            },
        );
    }

    // A name that is no state's is still a located error, suggesting the nearest name.
    let err = data_error(
        "misspelt-state",
        &[Fixture::new(
            "a",
            addr("X", &["1 Main St"], "Seattle", "Washingtn", "98101", "US"),
        )],
        "addresses.recipient.region",
    );
    assert!(err.contains("\"Washingtn\" is not valid for US"), "{err}");
    assert!(err.contains("did you mean WASHINGTON (WA)?"), "{err}");
}

#[test]
fn invalid_barcode_fields_are_errors_that_name_the_field() {
    let base = || Fixture::new("a", us("98101-2345")).imb(7);
    let cases: Vec<(&str, Fixture, &str, &str)> = vec![
        (
            "mailer-short",
            base().with("mailer_id", "12345"),
            "envelope.mailer_id",
            "6 or 9 digits",
        ),
        (
            "mailer-prefix",
            base()
                .with("mailer_id", "812345678")
                .with("serial", "000001"),
            "envelope.mailer_id",
            "9 digits starting with 9",
        ),
        (
            "service",
            base().with("service_type", "4O"),
            "envelope.service_type",
            "3 digits",
        ),
        (
            "barcode-id",
            base().with("barcode_id", "07"),
            "envelope.barcode_id",
            "must be 0-4",
        ),
        (
            "serial",
            base().with("serial", "12345"),
            "envelope.serial",
            "9 digits with a 6-digit mailer_id",
        ),
        (
            "point-digits",
            base().with("delivery_point", "9"),
            "envelope.delivery_point",
            "2 digits",
        ),
        (
            "point-zip5",
            Fixture::new("a", us("98101"))
                .imb(7)
                .with("delivery_point", "12"),
            "envelope.delivery_point",
            "needs the recipient's ZIP+4",
        ),
        (
            "point-abroad",
            Fixture::new("a", addr("A", &["1 Rue X"], "Paris", "", "75001", "FR"))
                .imb(7)
                .with("delivery_point", "12"),
            "envelope.delivery_point",
            "abroad",
        ),
        (
            "no-service",
            Fixture::new("a", us("98101")).with("mailer_id", "123456"),
            "envelope.service_type",
            "required with the other Intelligent Mail barcode fields",
        ),
        (
            "no-serial",
            Fixture::new("a", us("98101"))
                .with("mailer_id", "123456")
                .with("service_type", "040"),
            "envelope.serial",
            "required",
        ),
    ];
    for (name, fixture, field, message) in cases {
        let err = data_error(name, &[fixture], field);
        assert!(err.contains(message), "{name}: {err}");
        assert!(err.contains("Intelligent Mail barcode"), "{name}: {err}");
    }
    // The same mailer id and serial twice: the second engagement's serial is at fault.
    let err = data_error(
        "duplicate-serial",
        &[
            Fixture::new("first", us("98101")).imb(42),
            Fixture::new("second", us("98102")).imb(42),
        ],
        "envelope.serial",
    );
    assert!(err.contains("second/engagement.toml"), "{err}");
    assert!(err.contains("first/engagement.toml"), "{err}");
}

#[test]
fn no_barcode_without_a_known_mailer_id() {
    let data = data_folder(
        "tbd",
        &[Fixture::new("a", us("98101"))
            .imb(1)
            .with("mailer_id", "TBD")],
    );
    let out = data.join("out");
    Build::new(&data).out(&out).only("envelope").run_ok();
    let md = std::fs::read_to_string(out.join("a/envelope.md")).unwrap();
    assert!(
        md.contains("No Intelligent Mail barcode until envelope.mailer\\_id is known"),
        "{md}"
    );
    assert!(pdf_layout(&out.join("a/envelope.pdf"))[0].fills.is_empty());
    let report = read_json(&out.join("a/build-report.json"));
    assert!(
        report["open_questions"]
            .to_string()
            .contains("envelope.mailer_id"),
        "a TBD mailer id is an open question"
    );
}

#[test]
fn a_line_too_wide_for_the_read_area_fails_instead_of_printing() {
    // 40 characters pass the character limit, but these are 1.33 em wide each: the layout
    // measures the block and stops rather than print past x = 9.0 in or shrink the type.
    let mut wide = addr("", &["1 Main St"], "Seattle", "WA", "98101", "US");
    wide.name = "Ǆ".repeat(40);
    let data = data_folder("too-wide", &[Fixture::new("a", wide)]);
    let out = data.join("out");
    let run = docket(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("too wide for the OCR read area"), "{err}");
    assert!(!out.join("a/envelope.pdf").exists());
}

/// More than 500 recipients of every clearance and shape, plus the Northwind example: one PDF
/// with a page per envelope approved to send and verified, and a manifest that accounts for
/// every engagement. Every page is read back and checked against the USPS zones.
#[test]
fn print_run_of_more_than_500_recipients() {
    const N: usize = 780;
    let shapes = shapes();
    let mut fixtures = Vec::new();
    for i in 0..N {
        let (shape, _) = &shapes[i % shapes.len()];
        let mut recipient = shape.recipient.clone();
        recipient.name = format!("Recipient {i}");
        let clearance = match i % 9 {
            0..=5 => Clearance::Final,
            6 => Clearance::SendOnly,
            7 => Clearance::Nothing,
            _ => Clearance::NoEnvelope,
        };
        let mut f = Fixture::new(&format!("r{i:04}"), recipient).clearance(clearance);
        if i % 3 != 2 {
            f = f.imb(1000 + i as u32);
        }
        fixtures.push(f);
    }
    let data = data_folder("print-run", &fixtures);
    copy_dir(&root().join(NORTHWIND), &data.join("northwind"));

    let started = std::time::Instant::now();
    let (pdf, manifest) = print_run(&data);
    let elapsed = started.elapsed();
    eprintln!(
        "print run: {} pages from {} engagements in {:.2}s (docket envelopes, end to end)",
        manifest["pages"],
        N + 1,
        elapsed.as_secs_f64()
    );

    let finals = fixtures
        .iter()
        .filter(|f| f.clearance == Clearance::Final)
        .count();
    assert!(finals >= 500, "{finals} pages");
    assert_eq!(manifest["pages"], finals);
    assert_eq!(manifest["counts"]["engagements"], N + 1);
    assert_eq!(manifest["counts"]["printed"], finals);
    assert_eq!(manifest["counts"]["skipped"], N + 1 - finals);
    let entries = manifest["envelopes"].as_array().unwrap();
    assert_eq!(entries.len(), N + 1, "every engagement accounted for");

    // Each engagement once; printed ones numbered 1..=pages in order; skipped ones with the
    // gate's reason.
    let mut page = 0;
    for (entry, id) in entries.iter().zip(
        fixtures
            .iter()
            .map(|f| f.id.as_str())
            .chain(["northwind"])
            .collect::<std::collections::BTreeSet<_>>(),
    ) {
        assert_eq!(entry["engagement"], id);
        let clearance = fixtures
            .iter()
            .find(|f| f.id == id)
            .map_or(Clearance::SendOnly, |f| f.clearance);
        let reasons = entry["reasons"].to_string();
        match clearance {
            Clearance::Final => {
                page += 1;
                assert_eq!(entry["status"], "printed");
                assert_eq!(entry["page"], page);
                assert_eq!(entry["decision"], "final");
            }
            Clearance::SendOnly | Clearance::Nothing => {
                assert_eq!(entry["status"], "skipped", "{id}");
                assert_eq!(entry["page"], Value::Null);
                assert_eq!(entry["decision"], "draft");
                assert!(reasons.contains("verify-recipient"), "{id}: {reasons}");
                assert!(!entry["recipient"].as_array().unwrap().is_empty());
            }
            Clearance::NoEnvelope => {
                assert_eq!(entry["status"], "skipped");
                assert_eq!(entry["decision"], "blocked");
                assert!(reasons.contains("no [envelope] data"), "{reasons}");
            }
        }
    }
    assert_eq!(page, finals);

    // The CSV has the same rows.
    let csv = std::fs::read_to_string(data.join("out/run.csv")).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), N + 2, "header and one row per engagement");
    assert!(rows[0].starts_with("engagement,client,document_id,status,page"));
    assert_eq!(
        rows.iter().filter(|r| r.contains(",printed,")).count(),
        finals
    );

    // The PDF: one #10 page per printed envelope, each read back and checked.
    let sizes = pdf_page_sizes(&pdf);
    assert_eq!(sizes.len(), finals);
    assert!(
        sizes
            .iter()
            .all(|(w, h)| (w - 684.0).abs() < 0.5 && (h - 297.0).abs() < 0.5)
    );
    assert_fonts_are_sans(&pdf);
    let read = std::time::Instant::now();
    let layout = pdf_layout(&pdf);
    assert_eq!(layout.len(), finals);
    let printed: Vec<&Value> = entries
        .iter()
        .filter(|e| e["status"] == "printed")
        .collect();
    let mut with_bars = 0;
    for (i, entry) in printed.iter().enumerate() {
        let recipient = strings(&entry["recipient"]);
        let bars = entry["barcode"]["bars"].as_str();
        with_bars += usize::from(bars.is_some());
        let sender = check_page(
            i + 1,
            &layout[i],
            &Expect {
                recipient: &recipient,
                bars,
                draft: false,
            },
        );
        assert!(!sender.is_empty());
    }
    assert!(with_bars > 100, "{with_bars} pages with a barcode");
    eprintln!(
        "read back and checked {} pages in {:.2}s",
        finals,
        read.elapsed().as_secs_f64()
    );
}

#[test]
fn print_run_with_nothing_to_print_writes_the_manifest_and_no_pdf() {
    let data = data_copy("empty-run");
    let pdf = data.join("out/run.pdf");
    std::fs::create_dir_all(data.join("out")).unwrap();
    std::fs::write(&pdf, b"stale").unwrap();
    let (_, manifest) = print_run(&data);
    assert_eq!(manifest["pages"], 0);
    assert_eq!(manifest["pdf"], Value::Null);
    assert!(
        !pdf.exists(),
        "no stale PDF beside a manifest with no pages"
    );
    let e = &manifest["envelopes"][0];
    assert_eq!(e["engagement"], "northwind");
    assert_eq!(e["status"], "skipped");
    assert!(e["reasons"].to_string().contains("external_send"));
    assert_eq!(
        strings(&e["recipient"]),
        [
            "DANA WHITFIELD EXAMPLE",
            "NORTHWIND TRADING CO",
            "1200 HARBOR BLVD FL 4",
            "SEATTLE WA  98101-2345"
        ]
    );
    // Without --json: one line per engagement, a summary naming the manifest.
    let run = docket_ok(&[
        "envelopes",
        "--data",
        data.to_str().unwrap(),
        "--out",
        pdf.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("skipped    northwind (draft): draft until"),
        "{stdout}"
    );
    let err = stderr(&run);
    assert!(err.contains("printed 0 envelope(s), skipped 1"), "{err}");
    assert!(err.contains("run.json") && err.contains("run.csv"), "{err}");
    // A manifest path that would collide with the PDF is refused.
    let run = docket(&["envelopes", "--data", "data", "--out", "x/run.json"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("ending in .pdf"));
}
