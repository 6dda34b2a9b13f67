//! Client-grade layouts, read back from the PDFs (issue: client-grade documents).
//!
//! Every kind is built for Northwind and for the rich fixture (`tests/fixtures/rich`: taxes at
//! two rates, discounts, a 40-line invoice, a three-signatory agreement, a long proposal), and
//! the tests check what a reader would: page counts, the table header on every page, totals
//! kept together on the last page, "Page N of M" only on documents of several pages, the
//! provider's name in the top band of page 1, signature blocks on one page, no "Field /
//! Value" table, YAML front matter that parses, and page 1 of every kind against a reviewed
//! reference picture (`tests/reference/*.png`, rasterized from the PDF with hayro and
//! compared with a tolerance, so a layout change shows up as a failing, reviewable diff).
//!
//! To accept a deliberate layout change: `UPDATE_REFERENCE=1 cargo test --test it layouts::`,
//! look at the new pictures, commit them.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::*;

/// The kinds that render (every kind but the envelope, which has its own tests).
const RICH_KINDS: &[&str] = &[
    "brief",
    "proposal",
    "agreement",
    "launch-checklist",
    "security-memo",
    "health-scorecard",
    "case-study",
    "invoice",
    "email-sequence",
    "certificate",
    "change-order",
];

/// Northwind's rendered kinds (drafts and finals; the rest are blocked).
const NORTHWIND_KINDS: &[&str] = &[
    "brief",
    "proposal",
    "agreement",
    "launch-checklist",
    "security-memo",
    "invoice",
    "email-sequence",
    "change-order",
];

/// Northwind's whole life (`data/northwind`): the statement of account and the payment
/// reminder, which the before-instances Northwind has no data for.
const LIFE_DOCUMENTS: &[(&str, &str)] = &[
    ("statement", "statement.pdf"),
    ("reminder", "reminder.inv-2026-0460-friendly.pdf"),
];

/// `data/northwind`, built once for all tests of this file.
fn life_build() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| Build::new(example_copy("life-data")).run_into("life-out"))
}

/// Northwind in German (`tests/fixtures/locales/de`: `locale = "de-DE"`, a Berlin seller),
/// built once for all tests of this file.
fn german_build() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let data = temp_dir("german-data");
        copy_dir(&root().join("tests/fixtures/locales/de"), &data);
        Build::new(&data).run_into("german-out")
    })
}

/// The rich fixture, built once for all tests of this file.
fn rich_build() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let data = temp_dir("rich-data");
        copy_dir(&root().join("tests/fixtures/rich"), &data);
        evidence_rules(&data);
        let out = temp_dir("rich-out");
        docket_ok(&[
            "build",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        out
    })
}

fn pages_of(pdf: &Path) -> Vec<String> {
    pdf_pages(pdf)
}

#[test]
fn northwind_invoice_is_one_page() {
    let pdf = northwind_build().join("northwind/invoice.pdf");
    assert_eq!(pdf_page_sizes(&pdf).len(), 1);
    let text = pages_of(&pdf).concat();
    // One-page documents carry no page number at all.
    assert!(!text.contains("Page 1"), "{text}");
    // No zero rows: the invoice has no discount and no rounding.
    assert!(
        !text.contains("Rounding") && !text.contains("Discount"),
        "{text}"
    );
}

#[test]
fn a_fifteen_line_invoice_is_one_page() {
    let data = data_copy("fifteen-data");
    let path = data.join("northwind/engagement.toml");
    let toml = std::fs::read_to_string(&path).unwrap();
    let lines: String = (1..=15)
        .map(|i| {
            format!(
                "  {{ description = \"Work package {i}: configuration, testing and review\", \
                 quantity = \"{i}\", unit_price = \"150.00\", tax = \"exempt\" }},\n"
            )
        })
        .collect();
    let start = toml.find("lines = [\n  { description = \"Support").unwrap();
    let end = start + toml[start..].find("]\n").unwrap() + 2;
    let toml = format!("{}lines = [\n{lines}]\n{}", &toml[..start], &toml[end..]);
    std::fs::write(&path, toml).unwrap();
    let out = temp_dir("fifteen-out");
    Build::new(&data).out(&out).only("invoice").run_ok();
    let pdf = out.join("northwind/invoice.pdf");
    let text = pages_of(&pdf).concat();
    assert!(text.contains("Work package 15"), "{text}");
    assert_eq!(pdf_page_sizes(&pdf).len(), 1, "{text}");
}

/// Regression: a 15-line invoice that is still a draft (its DRAFT notice) and carries the
/// billing check's note used to fit on page 1 but for its two-line Notes section, which
/// went alone onto page 2. Payment and Notes now sit side by side.
#[test]
fn a_fifteen_line_draft_invoice_with_its_billing_note_is_one_page() {
    let data = example_copy("fifteen-draft-data");
    let path = data.join("northwind/engagement.toml");
    let one = "lines = [\n  { description = \"Milestone 2: 35% of the fixed fee (ADSA-2026-0142)\", \
               quantity = \"1\", unit_price = \"8400.00\", tax = \"exempt\" },\n]";
    let fifteen: String = (1..=15)
        .map(|i| {
            format!(
                "  {{ description = \"Milestone 2, work package {i}: sandbox pilot delivery \
                 (ADSA-2026-0142)\", quantity = \"1\", unit_price = \"560.00\", tax = \"exempt\" }},\n"
            )
        })
        .collect();
    edit(&path, one, &format!("lines = [\n{fifteen}]"));
    let out = temp_dir("fifteen-draft-out");
    Build::new(&data)
        .out(&out)
        .only("invoice:milestone-2")
        .run_ok();
    let pdf = out.join("northwind/invoice.milestone-2.pdf");
    let text = pages_of(&pdf).concat();
    for shown in [
        "DRAFT",
        "work package 15",
        "NOTES",
        "Billed under ADSA-2026-0142",
    ] {
        assert!(text.contains(shown), "{shown}: {text}");
    }
    assert_eq!(pdf_page_sizes(&pdf).len(), 1, "{text}");
}

#[test]
fn a_forty_line_invoice_repeats_its_header_and_keeps_its_totals_on_the_last_page() {
    let pdf = rich_build().join("atlas/invoice.pdf");
    let pages = pages_of(&pdf);
    let n = pages.len();
    assert!(n >= 2, "40 lines fit on {n} page(s)");
    for (i, text) in pages.iter().enumerate() {
        assert!(
            text.contains("DESCRIPTION") && text.contains("UNIT PRICE"),
            "page {}: no table header: {text}",
            i + 1
        );
        assert!(
            text.contains(&format!("Page {} of {n}", i + 1)),
            "page {}: no page number: {text}",
            i + 1
        );
    }
    let last = &pages[n - 1];
    for needle in ["Subtotal", "Total", "Amount due", "EUR"] {
        assert!(last.contains(needle), "last page lacks {needle}: {last}");
    }
    for page in &pages[..n - 1] {
        assert!(!page.contains("Amount due"), "totals split: {page}");
    }
    // Two tax rates, each on its own base; the line and invoice discounts are shown.
    let all = pages.concat();
    assert!(all.contains("19%") && all.contains("7%"), "{all}");
    assert!(all.contains("Discount"), "{all}");
}

#[test]
fn the_provider_name_sits_in_the_top_band_of_page_one() {
    let cases = NORTHWIND_KINDS
        .iter()
        .map(|k| {
            (
                northwind_build().join(format!("northwind/{k}.pdf")),
                "CompleteTech LLC",
            )
        })
        .chain(RICH_KINDS.iter().map(|k| {
            (
                rich_build().join(format!("atlas/{k}.pdf")),
                "Meridian Advisory",
            )
        }));
    for (pdf, name) in cases {
        let page = &pdf_layout(&pdf)[0];
        let height = pdf_page_sizes(&pdf)[0].1 as f64;
        let found = glyph_lines(&page.glyphs)
            .iter()
            .any(|line| line_text(line).contains(name) && line[0].y > height - 2.0 * PT);
        assert!(found, "{}: {name} not in the top 2 inches", pdf.display());
    }
}

#[test]
fn no_document_carries_the_old_field_value_table() {
    let pdfs = NORTHWIND_KINDS
        .iter()
        .map(|k| northwind_build().join(format!("northwind/{k}.pdf")))
        .chain(
            RICH_KINDS
                .iter()
                .map(|k| rich_build().join(format!("atlas/{k}.pdf"))),
        );
    for pdf in pdfs {
        let text = pages_of(&pdf).concat();
        assert!(
            !text.contains("FieldValue") && !text.contains("Field Value"),
            "{}: {text}",
            pdf.display()
        );
    }
}

#[test]
fn every_signatory_has_a_signature_block_on_one_page() {
    let pages = pages_of(&rich_build().join("atlas/agreement.pdf"));
    let names = ["Jonas Brandt", "Petra Lang", "Alex Reed"];
    let page = pages
        .iter()
        .find(|p| names.iter().all(|n| p.contains(n)))
        .unwrap_or_else(|| panic!("no page holds all three signatories: {pages:?}"));
    for title in [
        "Head of Operations",
        "Chief Financial Officer",
        "Managing Partner",
    ] {
        assert!(page.contains(title), "{title}: {page}");
    }
}

#[test]
fn markdown_opens_with_front_matter_that_parses() {
    let cases = NORTHWIND_KINDS
        .iter()
        .map(|k| {
            (
                northwind_build().join(format!("northwind/{k}.md")),
                "northwind",
            )
        })
        .chain(
            RICH_KINDS
                .iter()
                .map(|k| (rich_build().join(format!("atlas/{k}.md")), "atlas")),
        );
    for (path, engagement) in cases {
        let md = std::fs::read_to_string(&path).unwrap();
        let meta = front_matter(&md);
        let kind = path.file_stem().unwrap().to_str().unwrap();
        assert_eq!(meta["kind"].as_str(), Some(kind), "{}", path.display());
        assert_eq!(meta["engagement"].as_str(), Some(engagement));
        for key in ["id", "client", "date", "status", "decision", "title"] {
            assert!(meta[key].as_str().is_some(), "{}: {key}", path.display());
        }
        assert!(meta["missing"].as_vec().is_some(), "{}", path.display());
        let draft = meta["decision"].as_str() == Some("draft");
        assert_eq!(
            draft,
            !meta["missing"].as_vec().unwrap().is_empty(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn front_matter_keeps_hostile_values_as_data() {
    // Quotes, colons, a YAML document end, newlines and control characters in the client
    // name: the front matter still parses, to the value's text.
    let data = data_copy("yaml-data");
    let path = data.join("northwind/engagement.toml");
    let toml = std::fs::read_to_string(&path).unwrap().replace(
        "client = \"Northwind Trading Co.\"",
        "client = \"N: \\\"x\\\" ---\\n... #c \\\\ \\u0085 \\u007f {{ y }}\"",
    );
    std::fs::write(&path, toml).unwrap();
    let out = temp_dir("yaml-out");
    Build::new(&data).out(&out).only("brief").run_ok();
    let md = std::fs::read_to_string(out.join("northwind/brief.md")).unwrap();
    let meta = front_matter(&md);
    assert_eq!(
        meta["client"].as_str(),
        Some("N: \"x\" --- ... #c \\    {{ y }}"),
        "{md}"
    );
}

// ---- Reference pictures ----------------------------------------------------------------

/// Page 1 of a PDF as 8-bit grey pixels at `dpi`, rasterized in-process by hayro (a pure
/// Rust PDF renderer: `cargo test` needs no system package). The page is read from the PDF
/// file itself, as a reader's viewer would.
fn page_one(pdf: &Path, dpi: u32) -> (u32, u32, Vec<u8>) {
    let bytes = std::fs::read(pdf).unwrap();
    let doc =
        hayro::hayro_syntax::Pdf::new(bytes).unwrap_or_else(|e| panic!("{}: {e:?}", pdf.display()));
    let pages = hayro::render_pdf(
        &doc,
        dpi as f32 / 72.0,
        hayro::hayro_interpret::InterpreterSettings::default(),
        Some(0..=0),
    )
    .expect("rendered");
    let page = &pages[0];
    let grey = page
        .data()
        .iter()
        .map(|p| {
            // Premultiplied colour over the white page.
            let white = 255 - u32::from(p.a);
            let [r, g, b] = [p.r, p.g, p.b].map(|c| u32::from(c) + white);
            ((r * 299 + g * 587 + b * 114) / 1000).min(255) as u8
        })
        .collect();
    (u32::from(page.width()), u32::from(page.height()), grey)
}

fn read_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

fn write_png(path: &Path, (w, h, pixels): &(u32, u32, Vec<u8>)) {
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), *w, *h);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(pixels).unwrap();
}

/// Page 1 of every kind, Northwind and rich, against `tests/reference/<fixture>-<kind>.png`:
/// at most 0.5% of the pixels may differ by more than a quarter of the grey range (font
/// rasterizers and anti-aliasing differ in detail; a moved block or a changed line does not
/// pass).
#[test]
fn page_one_of_every_kind_matches_its_reviewed_reference_picture() {
    let dir = root().join("tests/reference");
    let update = std::env::var_os("UPDATE_REFERENCE").is_some();
    let cases = NORTHWIND_KINDS
        .iter()
        .map(|k| {
            (
                format!("northwind-{k}"),
                northwind_build().join(format!("northwind/{k}.pdf")),
            )
        })
        .chain(RICH_KINDS.iter().map(|k| {
            (
                format!("rich-{k}"),
                rich_build().join(format!("atlas/{k}.pdf")),
            )
        }))
        .chain(LIFE_DOCUMENTS.iter().map(|(k, file)| {
            (
                format!("northwind-{k}"),
                life_build().join(format!("northwind/{file}")),
            )
        }))
        // Locales: the German invoice and agreement as a German client reads them.
        .chain(
            [
                ("invoice", "invoice.milestone-2.pdf"),
                ("agreement", "agreement.pdf"),
            ]
            .map(|(k, file)| {
                (
                    format!("de-northwind-{k}"),
                    german_build().join(format!("northwind/{file}")),
                )
            }),
        );
    let mut failures = Vec::new();
    for (name, pdf) in cases {
        let actual = page_one(&pdf, 40);
        let path = dir.join(format!("{name}.png"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            write_png(&path, &actual);
            continue;
        }
        assert!(
            path.exists(),
            "missing reference {}; run with UPDATE_REFERENCE=1 and review it",
            path.display()
        );
        let expected = read_png(&path);
        if (expected.0, expected.1) != (actual.0, actual.1) {
            failures.push(format!(
                "{name}: size {:?} vs {:?}",
                (expected.0, expected.1),
                (actual.0, actual.1)
            ));
            continue;
        }
        let differing = expected
            .2
            .iter()
            .zip(&actual.2)
            .filter(|(a, b)| a.abs_diff(**b) > 64)
            .count();
        let share = differing as f64 / expected.2.len() as f64;
        if share > 0.005 {
            let seen = pdf.with_extension("actual.png");
            write_png(&seen, &actual);
            failures.push(format!(
                "{name}: {:.2}% of pixels differ (see {})",
                share * 100.0,
                seen.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- Brand: logo and accent ------------------------------------------------------------

/// Northwind with `[provider.brand]` set to `brand` (TOML lines), built with `templates`.
fn branded(name: &str, brand: &str, templates: &Path) -> std::process::Output {
    let data = data_copy(&format!("{name}-data"));
    let path = data.join("northwind/engagement.toml");
    let toml = std::fs::read_to_string(&path).unwrap().replace(
        "address = \"completetech\"\n",
        &format!("address = \"completetech\"\n\n[provider.brand]\n{brand}\n"),
    );
    std::fs::write(&path, toml).unwrap();
    let out = temp_dir(&format!("{name}-out"));
    docket(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--templates",
        templates.to_str().unwrap(),
        "--only",
        "proposal",
    ])
}

#[test]
fn a_logo_in_templates_assets_is_drawn_and_one_elsewhere_is_a_located_error() {
    let templates = temp_dir("brand-templates");
    copy_dir(&root().join("templates"), &templates);
    std::fs::create_dir_all(templates.join("assets")).unwrap();
    std::fs::write(
        templates.join("assets/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\">\
         <rect width=\"120\" height=\"40\" rx=\"6\" fill=\"#0b5563\"/></svg>",
    )
    .unwrap();
    let run = branded(
        "logo",
        "accent = \"#0b5563\"\nlogo = \"assets/logo.svg\"",
        &templates,
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    // Outside assets/: refused before anything renders, naming the field.
    let run = branded("logo-out", "logo = \"../Cargo.toml\"", &templates);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("provider.brand.logo") && err.contains("assets/"),
        "{err}"
    );

    // Not a colour.
    let run = branded("accent-bad", "accent = \"red; #read()\"", &templates);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("provider.brand.accent") && err.contains("#rrggbb"),
        "{err}"
    );

    // In assets/ by name, but no such file: a clear error, not a Typst one.
    let run = branded("logo-missing", "logo = \"assets/nope.svg\"", &templates);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_ne!(run.status.code(), Some(0), "{err}");
    assert!(err.contains("assets/nope.svg"), "{err}");
}

#[test]
fn a_layout_error_names_the_template_file_and_line() {
    let templates = temp_dir("broken-templates");
    copy_dir(&root().join("templates"), &templates);
    let path = templates.join("proposal.typ");
    let text = std::fs::read_to_string(&path).unwrap();
    // Line 3 of the layout calls something that does not exist.
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(2, "#no-such-function()");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let data = data_copy("broken-data");
    let out = temp_dir("broken-out");
    let run = docket(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--templates",
        templates.to_str().unwrap(),
        "--only",
        "proposal",
    ]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("proposal.typ:3:"), "{err}");
    assert!(!out.join("northwind/proposal.pdf").exists());
}

/// Every PDF of the rich build (every kind final) and of Northwind (drafts, envelopes).
fn every_pdf() -> Vec<PathBuf> {
    let mut pdfs: Vec<PathBuf> = [
        rich_build().join("atlas"),
        northwind_build().join("northwind"),
    ]
    .iter()
    .flat_map(|out| std::fs::read_dir(out).unwrap())
    .map(|e| e.unwrap().path())
    .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
    .collect();
    pdfs.sort();
    pdfs
}

/// Every kind is PDF/UA-1 (documents a client can verify and everyone can read, item 4):
/// Typst validates the tagging as it writes; here, read back from each file, what a screen
/// reader relies on: the PDF/UA identification, a structure tree, the document's language,
/// its title shown instead of the file name, and content marked as tagged.
#[test]
fn every_kind_is_a_tagged_pdf_ua_1_document() {
    let mut checked = 0;
    for path in every_pdf() {
        let doc = lopdf::Document::load(&path).unwrap();
        let catalog = doc.catalog().unwrap();
        let name = path.display();
        assert!(
            catalog.get(b"StructTreeRoot").is_ok(),
            "{name}: no structure tree"
        );
        let lang = catalog.get(b"Lang").and_then(|l| l.as_str()).unwrap();
        assert!(!lang.is_empty(), "{name}: no /Lang");
        let marked = catalog
            .get(b"MarkInfo")
            .and_then(|m| doc.dereference(m))
            .and_then(|(_, m)| m.as_dict())
            .and_then(|m| m.get(b"Marked"))
            .and_then(|m| m.as_bool());
        assert_eq!(marked.ok(), Some(true), "{name}: not marked as tagged");
        let shows_title = catalog
            .get(b"ViewerPreferences")
            .and_then(|v| doc.dereference(v))
            .and_then(|(_, v)| v.as_dict())
            .and_then(|v| v.get(b"DisplayDocTitle"))
            .and_then(|d| d.as_bool());
        assert_eq!(shows_title.ok(), Some(true), "{name}: title not shown");
        let bytes = std::fs::read(&path).unwrap();
        let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(has(b"pdfuaid:part"), "{name}: no PDF/UA identification");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} PDFs");
}

/// One element of a structure tree: its type (`/S`), whether it carries alternative text,
/// its children's types, and the table scope its attributes give (`/Scope`), if any.
struct Element {
    kind: String,
    alt: bool,
    children: Vec<String>,
    scope: Option<String>,
}

/// The structure elements of a tagged PDF, depth first.
fn structure(doc: &lopdf::Document) -> Vec<Element> {
    fn kids(doc: &lopdf::Document, k: &lopdf::Object, out: &mut Vec<lopdf::Dictionary>) {
        match k {
            lopdf::Object::Reference(id) => {
                if let Ok(obj) = doc.get_object(*id) {
                    kids(doc, obj, out);
                }
            }
            lopdf::Object::Array(items) => {
                for item in items {
                    kids(doc, item, out);
                }
            }
            lopdf::Object::Dictionary(d) if d.get(b"S").is_ok() => out.push(d.clone()),
            _ => {}
        }
    }
    let mut found = Vec::new();
    let Ok(root) = doc
        .catalog()
        .and_then(|c| c.get(b"StructTreeRoot"))
        .and_then(|r| doc.dereference(r))
        .and_then(|(_, r)| r.as_dict().cloned())
    else {
        return found;
    };
    let mut stack = Vec::new();
    if let Ok(k) = root.get(b"K") {
        kids(doc, k, &mut stack);
    }
    while let Some(element) = stack.pop() {
        let name = |d: &lopdf::Dictionary| {
            d.get(b"S")
                .and_then(|s| s.as_name())
                .map(|s| String::from_utf8_lossy(s).into_owned())
                .unwrap_or_default()
        };
        let mut children = Vec::new();
        if let Ok(k) = element.get(b"K") {
            kids(doc, k, &mut children);
        }
        // Attributes: one dictionary or an array of them, each maybe a reference.
        let mut attributes = Vec::new();
        if let Ok(a) = element.get(b"A") {
            let items = match doc.dereference(a).map(|(_, o)| o) {
                Ok(lopdf::Object::Array(items)) => items.clone(),
                Ok(other) => vec![other.clone()],
                Err(_) => Vec::new(),
            };
            for item in items {
                if let Ok((_, lopdf::Object::Dictionary(d))) = doc.dereference(&item) {
                    attributes.push(d.clone());
                }
            }
        }
        let scope = attributes.iter().find_map(|d| {
            d.get(b"Scope")
                .and_then(|s| s.as_name())
                .ok()
                .map(|s| String::from_utf8_lossy(s).into_owned())
        });
        found.push(Element {
            kind: name(&element),
            alt: element.get(b"Alt").is_ok(),
            children: children.iter().map(name).collect(),
            scope,
        });
        stack.extend(children);
    }
    found
}

/// What a screen reader needs of the structure tree (the same issue, item 4): every table
/// has header cells, each with its scope (the invoice's totals are a grid of label and
/// amount, not a table), every figure has alternative text.
#[test]
fn tables_have_header_cells_and_figures_alternative_text() {
    let (mut tables, mut header_cells) = (0, 0);
    for path in every_pdf() {
        let doc = lopdf::Document::load(&path).unwrap();
        let elements = structure(&doc);
        let name = path.display();
        assert!(!elements.is_empty(), "{name}: an empty structure tree");
        for e in &elements {
            if e.kind == "Figure" {
                assert!(e.alt, "{name}: a figure without alternative text");
            }
            if e.kind == "TH" {
                header_cells += 1;
                assert!(e.scope.is_some(), "{name}: a header cell without a scope");
            }
        }
        for e in elements.iter().filter(|e| e.kind == "Table") {
            tables += 1;
            assert!(
                e.children.iter().any(|c| c == "THead"),
                "{name}: a table without header cells: {:?}",
                e.children
            );
        }
    }
    assert!(
        tables > 10 && header_cells > tables,
        "{tables} tables, {header_cells} TH"
    );
}

/// No untagged text on any page (the same issue, item 4): every text-showing operator of
/// every page sits inside a marked-content sequence, either tagged content (`BDC` with an
/// MCID, in the structure tree) or an artifact (running headers and footers, the DRAFT
/// mark) that a screen reader skips.
#[test]
fn no_page_has_untagged_text() {
    let mut shown = 0;
    for path in every_pdf() {
        let doc = lopdf::Document::load(&path).unwrap();
        for (number, page) in doc.get_pages() {
            let content = doc.get_and_decode_page_content(page).unwrap();
            let mut depth = 0usize;
            for op in &content.operations {
                match op.operator.as_str() {
                    "BDC" | "BMC" => depth += 1,
                    "EMC" => depth = depth.saturating_sub(1),
                    "Tj" | "TJ" | "'" | "\"" => {
                        shown += 1;
                        assert!(
                            depth > 0,
                            "{} page {number}: text outside any marked content",
                            path.display()
                        );
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(shown > 1000, "only {shown} text operators");
}
