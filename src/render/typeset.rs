//! The Typst host: a sandboxed [`World`] and PDF export.
//!
//! The World is the one boundary between the compiler and the machine. It serves only what
//! docket loaded at start-up: the `.typ` files of the templates folder, the images of its
//! `assets/` folder (logos) and the font files of the fonts folder, plus two per-document
//! virtual files (`/main.typ`, which calls the kind's layout, and `/meta.json`, the
//! document's data; a Factur-X invoice also has `/factur-x.xml`, the XML it attaches). Nothing else can be read: no file system, no system fonts, no packages,
//! and `today()` is the engagement's fixed date.
//!
//! Page totals ("Page 2 of 3") cost Typst a second layout pass when the layout asks for the
//! final page count. Most documents are one page and need no page number at all, so a
//! document is laid out once without one; only when that gives more than one page is it laid
//! out again with the total passed in as data (the footer is in the margin, so the body's
//! page breaks cannot move).
//!
//! File ids are interned globally by Typst and never freed (at most 65,535), so every
//! document reuses the same fixed virtual paths and only their contents change. The memo
//! cache is evicted after each document, or memory grows by megabytes per document.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::error::{Error, Result};
use crate::render::files::served_files;

/// A typeset document: the PDF, and a PNG thumbnail of its first page when asked for.
#[derive(Debug, Clone)]
pub struct Typeset {
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// Page 1 as a small PNG (the status board shows it beside the document's links).
    pub thumbnail: Option<Vec<u8>>,
    /// Time spent typesetting this document, in microseconds of one thread.
    pub micros: u64,
    /// Of which evaluating and laying out (both passes when there are two).
    pub layout_micros: u64,
    /// Of which exporting the PDF (fonts subset, streams compressed).
    pub pdf_micros: u64,
    /// Of which rendering the thumbnail.
    pub thumbnail_micros: u64,
    /// Pages laid out.
    pub pages: usize,
    /// Layout passes (two when the first gave more than one page: see the module's head).
    pub passes: usize,
}

fn project_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The two per-document virtual files, interned once for the whole process.
static MAIN_ID: LazyLock<Option<FileId>> = LazyLock::new(|| project_id("/main.typ"));
static META_ID: LazyLock<Option<FileId>> = LazyLock::new(|| project_id("/meta.json"));
/// The XML a Factur-X invoice attaches (served only to such a document).
static FACTUR_X_ID: LazyLock<Option<FileId>> = LazyLock::new(|| project_id("/factur-x.xml"));

/// The family of the last-resort font (`fonts/DocketFallback-Regular.ttf`): one box glyph
/// for every character, so its coverage says nothing about real glyphs. The name is long so
/// that Typst's fallback, which prefers the shortest family among fonts that fit, never
/// takes the box where a real font has the glyph.
const LAST_RESORT_FAMILY: &str = "Docket Fallback Last Resort Box";

/// Characters below this are looked up in a table made once ([`Typesetter::covers`]).
const COVERAGE_TABLE: u32 = 0x3000;

/// Fonts, templates and the standard library: loaded once, shared by every compilation.
pub struct Typesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    /// Every face of every served font file, loaded when a document first uses it.
    fonts: Vec<FontSlot>,
    /// Per font file (by name), its stamp and its faces' infos: what a later run can take
    /// instead of parsing the file ([`Typesetter::new`]'s `known`).
    faces: KnownFaces,
    /// Which characters below [`COVERAGE_TABLE`] some real font has (Latin, Greek,
    /// Cyrillic and most punctuation: a table, so the common case costs one look-up).
    covered_low: Vec<bool>,
    /// The fonts with real glyphs (all but the last-resort box font), for the rest.
    real_fonts: Vec<usize>,
    sources: HashMap<FileId, Source>,
    assets: HashMap<FileId, Bytes>,
    main_id: FileId,
    meta_id: FileId,
    attachment_id: FileId,
}

/// Per font file name: its stamp ([`crate::render::files::stamp`]) and its faces' indices
/// in the file and infos.
pub type KnownFaces =
    std::collections::BTreeMap<String, (crate::render::files::Stamp, Vec<(u32, FontInfo)>)>;

/// One face of a served font file: its info for the font book now, the face itself read
/// and parsed the first time a document asks for it (Typst asks only for the faces it
/// chooses, so a Latin-only run never reads the CJK parts).
struct FontSlot {
    path: std::path::PathBuf,
    index: u32,
    info: FontInfo,
    font: std::sync::OnceLock<Option<Font>>,
}

impl FontSlot {
    /// A slot for face `index` of the file at `path`; `font` when it is parsed already.
    fn new(path: &Path, index: u32, info: FontInfo, font: Option<Font>) -> FontSlot {
        let slot = FontSlot {
            path: path.to_path_buf(),
            index,
            info,
            font: std::sync::OnceLock::new(),
        };
        if let Some(font) = font {
            let _ = slot.font.set(Some(font));
        }
        slot
    }

    fn get(&self) -> Option<Font> {
        self.font
            .get_or_init(|| {
                let data = crate::render::files::read_shared(&self.path).ok()?;
                Font::new(data, self.index)
            })
            .clone()
    }
}

impl std::fmt::Debug for Typesetter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typesetter")
            .field("fonts", &self.fonts.len())
            .field("sources", &self.sources.len())
            .finish()
    }
}

impl Typesetter {
    /// Loads every `.typ` file in `templates_dir` and lists every font of `fonts_dir` (a
    /// face is read when a document first uses it); `known` holds font infos of an earlier
    /// run ([`Typesetter::faces`]), taken for a file whose size and time are unchanged.
    pub fn new(templates_dir: &Path, fonts_dir: &Path, known: &KnownFaces) -> Result<Typesetter> {
        let (Some(main_id), Some(meta_id), Some(attachment_id)) =
            (*MAIN_ID, *META_ID, *FACTUR_X_ID)
        else {
            return Err(Error::Internal("cannot intern Typst file ids".into()));
        };
        let mut fonts = Vec::new();
        let mut faces = KnownFaces::new();
        let font_paths = served_files(fonts_dir, &["otf", "ttf", "ttc", "otc"])?;
        for path in font_paths {
            let read_error = |source| Error::Read {
                path: path.clone(),
                source,
            };
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stamp = std::fs::metadata(&path)
                .map(|m| crate::render::files::stamp(&m))
                .map_err(read_error)?;
            // What Typst's font book needs: from an earlier run while the file is the same
            // (parsing the five CJK parts for their coverage was most of a run's start-up),
            // else from the file, whose parsed faces are then kept rather than parsed again
            // at first use.
            let infos = match known.get(&name) {
                Some((seen, infos)) if *seen == stamp && !infos.is_empty() => {
                    for (index, info) in infos {
                        fonts.push(FontSlot::new(&path, *index, info.clone(), None));
                    }
                    infos.clone()
                }
                _ => {
                    let data = crate::render::files::read_shared(&path).map_err(read_error)?;
                    let mut infos = Vec::new();
                    for font in Font::iter(data) {
                        infos.push((font.index(), font.info().clone()));
                        fonts.push(FontSlot::new(
                            &path,
                            font.index(),
                            font.info().clone(),
                            Some(font),
                        ));
                    }
                    if infos.is_empty() {
                        return Err(Error::Setup(format!(
                            "{} is not a usable font",
                            path.display()
                        )));
                    }
                    infos
                }
            };
            faces.insert(name, (stamp, infos));
        }
        if fonts.is_empty() {
            return Err(Error::Setup(format!(
                "no fonts in {}: docket typesets only with the fonts it ships",
                fonts_dir.display()
            )));
        }
        let mut sources = HashMap::new();
        let mut assets = HashMap::new();
        let assets_dir = templates_dir.join("assets");
        if assets_dir.is_dir() {
            for path in served_files(&assets_dir, &["svg", "png", "jpg", "jpeg"])? {
                let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                let data = std::fs::read(&path).map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })?;
                let id = project_id(&format!("/assets/{name}"))
                    .ok_or_else(|| Error::Setup(format!("bad asset name {name}")))?;
                assets.insert(id, Bytes::new(data));
            }
        }
        for path in served_files(templates_dir, &["typ"])? {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            let id = project_id(&format!("/{name}"))
                .ok_or_else(|| Error::Setup(format!("bad template name {name}")))?;
            sources.insert(id, Source::new(id, text));
        }
        let book = FontBook::from_infos(fonts.iter().map(|slot| slot.info.clone()));
        let real_fonts: Vec<usize> = (0..fonts.len())
            .filter(|&i| fonts[i].info.family != LAST_RESORT_FAMILY)
            .collect();
        // From each font's covered ranges, in order: asking `Coverage::contains` for each of
        // the 12,288 characters scanned the CJK fonts' thousands of ranges every time (94 of
        // the 1,551 million instructions of a five-invoice build, by callgrind).
        let mut covered_low = vec![false; COVERAGE_TABLE as usize];
        for &i in &real_fonts {
            for c in fonts[i]
                .info
                .coverage
                .iter()
                .take_while(|&c| c < COVERAGE_TABLE)
            {
                covered_low[c as usize] = true;
            }
        }
        Ok(Typesetter {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            covered_low,
            real_fonts,
            fonts,
            faces,
            sources,
            assets,
            main_id,
            meta_id,
            attachment_id,
        })
    }

    /// Every font file's stamp and faces' infos, for the next run's `known`.
    pub fn faces(&self) -> &KnownFaces {
        &self.faces
    }

    /// Whether some served font other than the last-resort box font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        let code = u32::from(c);
        match self.covered_low.get(code as usize) {
            Some(known) => *known,
            None => self
                .real_fonts
                .iter()
                .any(|&i| self.fonts[i].info.coverage.contains(code)),
        }
    }

    /// Whether the templates folder's `assets/` holds `path` (`assets/logo.svg`).
    pub fn has_asset(&self, path: &str) -> bool {
        project_id(&format!("/{path}")).is_some_and(|id| self.assets.contains_key(&id))
    }

    /// Typesets one document: `main` makes the main file (given the page total, `None` on
    /// the first pass), `meta` is the JSON it reads as `/meta.json`, `ident` the stable PDF
    /// identifier, `today` the fixed date, `timestamp` the PDF creation date in seconds since
    /// 1970 UTC (none: the PDF records no date).
    pub fn pdf(
        &self,
        name: &str,
        main: &dyn Fn(Option<usize>) -> String,
        meta: Vec<u8>,
        ident: &str,
        today: (i32, u8, u8),
        timestamp: Option<i64>,
    ) -> Result<Vec<u8>> {
        self.export(name, main, meta, None, ident, today, timestamp, false)
            .map(|t| t.pdf)
    }

    /// [`Typesetter::pdf`], with a thumbnail of page 1 (for the status board).
    pub fn document(
        &self,
        name: &str,
        main: &dyn Fn(Option<usize>) -> String,
        meta: Vec<u8>,
        ident: &str,
        today: (i32, u8, u8),
        timestamp: Option<i64>,
    ) -> Result<Typeset> {
        self.export(name, main, meta, None, ident, today, timestamp, true)
    }

    /// Typesets a PDF/A-3b document like [`Typesetter::pdf`], serving `attachment` as the
    /// virtual file `/factur-x.xml` (for the main file's `pdf.attach`).
    #[allow(clippy::too_many_arguments)]
    pub fn pdf_a3(
        &self,
        name: &str,
        main: &dyn Fn(Option<usize>) -> String,
        meta: Vec<u8>,
        attachment: Vec<u8>,
        ident: &str,
        today: (i32, u8, u8),
        timestamp: Option<i64>,
    ) -> Result<Typeset> {
        self.export(
            name,
            main,
            meta,
            Some(attachment),
            ident,
            today,
            timestamp,
            true,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn export(
        &self,
        name: &str,
        main: &dyn Fn(Option<usize>) -> String,
        meta: Vec<u8>,
        attachment: Option<Vec<u8>>,
        ident: &str,
        today: (i32, u8, u8),
        timestamp: Option<i64>,
        thumbnail: bool,
    ) -> Result<Typeset> {
        let started = std::time::Instant::now();
        let micros = |since: std::time::Instant| {
            u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX)
        };
        let meta = Bytes::new(meta);
        let archival = attachment.is_some();
        let attachment = attachment.map(Bytes::new);
        let result = self
            .laid_out(name, main, &meta, attachment.as_ref(), today)
            .and_then(|(world, document)| {
                let layout_micros = micros(started);
                let pages = document.pages().len();
                let passes = if pages > 1 { 2 } else { 1 };
                let pdf_started = std::time::Instant::now();
                let mut options = PdfOptions {
                    ident: Smart::Custom(ident.to_string()),
                    timestamp: timestamp.and_then(pdf_timestamp),
                    ..PdfOptions::default()
                };
                if archival {
                    // PDF/A needs a document date: without SOURCE_DATE_EPOCH, the
                    // document's own date (what `today()` gives), so the bytes stay fixed.
                    if options.timestamp.is_none() {
                        options.timestamp =
                            Datetime::from_ymd_hms(today.0, today.1, today.2, 0, 0, 0)
                                .map(typst_pdf::Timestamp::new_utc);
                    }
                }
                // Every document is PDF/UA-1 (Typst validates the tagging as it writes and
                // refuses what breaks a rule it can check); an e-invoice is PDF/A-3b too.
                let standards: &[PdfStandard] = if archival {
                    &[PdfStandard::A_3b, PdfStandard::Ua_1]
                } else {
                    &[PdfStandard::Ua_1]
                };
                options.standards = PdfStandards::new(standards).map_err(|e| Error::Typeset {
                    document: name.to_string(),
                    message: e.message().to_string(),
                })?;
                let pdf = match typst_pdf::pdf(&document, &options) {
                    Ok(pdf) => pdf,
                    // A character no font of fonts/ can show (the build already warns,
                    // naming document, field and character) fails PDF/UA-1's check that all
                    // text can be displayed: the document is written without the PDF/UA-1
                    // claim rather than refused for its data.
                    Err(errors)
                        if errors
                            .iter()
                            .all(|e| e.message.contains("could not be displayed")) =>
                    {
                        let without: Vec<PdfStandard> = standards
                            .iter()
                            .copied()
                            .filter(|s| *s != PdfStandard::Ua_1)
                            .collect();
                        options.standards =
                            PdfStandards::new(&without).map_err(|e| Error::Typeset {
                                document: name.to_string(),
                                message: e.message().to_string(),
                            })?;
                        typst_pdf::pdf(&document, &options)
                            .map_err(|errors| diagnostics(&world, name, &errors))?
                    }
                    Err(errors) => return Err(diagnostics(&world, name, &errors)),
                };
                let pdf_micros = micros(pdf_started);
                // Page 1 at 0.3 px per pt (a letter page is 184 x 238 px), from the page
                // already laid out: no second compile.
                let thumbnail_started = std::time::Instant::now();
                let thumbnail = thumbnail
                    .then(|| document.pages().first())
                    .flatten()
                    .and_then(|page| {
                        let options = typst_render::RenderOptions {
                            pixel_per_pt: typst::utils::Scalar::new(0.3),
                            render_bleed: false,
                        };
                        thumbnail_png(page, &options)
                    });
                Ok(Typeset {
                    pdf,
                    thumbnail,
                    micros: micros(started),
                    layout_micros,
                    pdf_micros,
                    thumbnail_micros: micros(thumbnail_started),
                    pages,
                    passes,
                })
            });
        // Without eviction the memo cache keeps every document alive (~1.8 MB each).
        typst::comemo::evict(0);
        result
    }

    /// Lays a document out: once, and a second time with the page total when the first
    /// pass gave more than one page.
    fn laid_out<'a>(
        &'a self,
        name: &str,
        main: &dyn Fn(Option<usize>) -> String,
        meta: &Bytes,
        attachment: Option<&Bytes>,
        today: (i32, u8, u8),
    ) -> Result<(DocWorld<'a>, PagedDocument)> {
        let mut world = DocWorld {
            shared: self,
            main: Source::new(self.main_id, main(None)),
            meta: meta.clone(),
            attachment: attachment.cloned(),
            today: Datetime::from_ymd(today.0, today.1, today.2),
        };
        let compile = |world: &DocWorld<'_>| {
            typst::compile::<PagedDocument>(world)
                .output
                .map_err(|errors| diagnostics(world, name, &errors))
        };
        let document = compile(&world)?;
        let pages = document.pages().len();
        if pages <= 1 {
            return Ok((world, document));
        }
        world.main = Source::new(self.main_id, main(Some(pages)));
        let document = compile(&world)?;
        Ok((world, document))
    }
}

/// Page 1 as a PNG with its text drawn as bars ("greeked"), as thumbnail renderers commonly
/// do at this size: at 0.3 px per pt a 9 pt line is under 3 px tall, so rasterized glyphs
/// show nothing a bar does not, and rasterizing them was a fifth of all typesetting time.
/// Rules, fills, images (the logo) and the layout's shapes are drawn as they are.
fn thumbnail_png(
    page: &typst_layout::Page,
    options: &typst_render::RenderOptions,
) -> Option<Vec<u8>> {
    let page = typst_layout::Page {
        frame: greeked(&page.frame),
        ..page.clone()
    };
    let pixmap = typst_render::render(&page, options);
    // The page is opaque (white unless the layout fills it), so RGB without alpha, and
    // the fast deflate: the PNG is a 184 px preview, not an archive.
    let rgb: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue()]
        })
        .collect();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&rgb).ok()?;
    writer.finish().ok()?;
    Some(png)
}

/// A copy of `frame` whose text runs are bars of their width, in their colour at half
/// strength, over the x-height band of the line; links and tags (invisible) are dropped.
fn greeked(frame: &typst::layout::Frame) -> typst::layout::Frame {
    use typst::layout::{Em, Frame, FrameItem, Point, Size};
    use typst::visualize::{Geometry, Paint};
    let mut out = Frame::new(frame.size(), frame.kind());
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let mut group = group.clone();
                group.frame = greeked(&group.frame);
                out.push(*pos, FrameItem::Group(group));
            }
            FrameItem::Text(text) => {
                let width = text.width();
                let paint = match &text.fill {
                    Paint::Solid(color) => Paint::Solid(color.clone().with_alpha(0.45)),
                    other => other.clone(),
                };
                let top = Em::new(0.62).at(text.size);
                let height = Em::new(0.5).at(text.size);
                let bar = Geometry::Rect(Size::new(width, height)).filled(paint);
                out.push(
                    *pos - Point::with_y(top),
                    FrameItem::Shape(bar, typst::syntax::Span::detached()),
                );
            }
            FrameItem::Link(..) | FrameItem::Tag(_) => {}
            other => out.push(*pos, other.clone()),
        }
    }
    out
}

/// A PDF creation date from seconds since 1970 UTC.
fn pdf_timestamp(epoch: i64) -> Option<typst_pdf::Timestamp> {
    let t = time::OffsetDateTime::from_unix_timestamp(epoch).ok()?;
    let datetime = Datetime::from_ymd_hms(
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
    )?;
    Some(typst_pdf::Timestamp::new_utc(datetime))
}

fn diagnostics(world: &DocWorld<'_>, name: &str, errors: &[SourceDiagnostic]) -> Error {
    let message = errors
        .iter()
        .map(|d| {
            let mut line = d.message.to_string();
            if let Some(id) = d.span.id()
                && let Ok(source) = world.source(id)
                && let Some(range) = world.range(d.span)
            {
                let (l, c) = crate::load::line_col(source.text(), range.start);
                line = format!("{}:{l}:{c}: {line}", id.vpath().get_without_slash());
            }
            for hint in &d.hints {
                line.push_str(&format!(" (hint: {})", hint.v));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("; ");
    Error::Typeset {
        document: name.to_string(),
        message,
    }
}

use typst::WorldExt;

/// The World of one document.
struct DocWorld<'a> {
    shared: &'a Typesetter,
    main: Source,
    meta: Bytes,
    attachment: Option<Bytes>,
    today: Option<Datetime>,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.main_id
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.main_id {
            return Ok(self.main.clone());
        }
        if let VirtualRoot::Package(_) = id.root() {
            return Err(FileError::Other(Some(
                "packages are disabled in docket".into(),
            )));
        }
        self.shared
            .sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.meta_id {
            return Ok(self.meta.clone());
        }
        if id == self.shared.attachment_id {
            return self.attachment.clone().ok_or(FileError::AccessDenied);
        }
        if id == self.shared.main_id {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        if let VirtualRoot::Package(_) = id.root() {
            return Err(FileError::Other(Some(
                "packages are disabled in docket".into(),
            )));
        }
        if let Some(asset) = self.shared.assets.get(&id) {
            return Ok(asset.clone());
        }
        match self.shared.sources.get(&id) {
            Some(source) => Ok(Bytes::from_string(source.clone())),
            None => Err(FileError::AccessDenied),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index)?.get()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}
