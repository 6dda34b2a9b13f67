//! `docket init`: a new project folder with everything a build needs.
//!
//! docket ships its templates, fonts, rules and the Northwind example inside the binary, so
//! `docket init DIR` works on a machine with nothing but the binary. `cd DIR && docket
//! build` then renders the example. The list below is checked against the repository's
//! folders by a test, so it cannot drift.

use std::path::Path;

use crate::error::{Error, Result};

/// Every file `init` writes, relative to the new project folder.
pub const FILES: &[(&str, &[u8])] = &[
    (
        "templates/_header.md",
        include_bytes!("../templates/_header.md"),
    ),
    (
        "templates/_house.typ",
        include_bytes!("../templates/_house.typ"),
    ),
    (
        "templates/_invoice_body.md",
        include_bytes!("../templates/_invoice_body.md"),
    ),
    (
        "templates/_list.md",
        include_bytes!("../templates/_list.md"),
    ),
    (
        "templates/agreement.md",
        include_bytes!("../templates/agreement.md"),
    ),
    (
        "templates/agreement.typ",
        include_bytes!("../templates/agreement.typ"),
    ),
    (
        "templates/brief.md",
        include_bytes!("../templates/brief.md"),
    ),
    (
        "templates/brief.typ",
        include_bytes!("../templates/brief.typ"),
    ),
    (
        "templates/case-study.md",
        include_bytes!("../templates/case-study.md"),
    ),
    (
        "templates/case-study.typ",
        include_bytes!("../templates/case-study.typ"),
    ),
    (
        "templates/certificate.md",
        include_bytes!("../templates/certificate.md"),
    ),
    (
        "templates/certificate.typ",
        include_bytes!("../templates/certificate.typ"),
    ),
    (
        "templates/change-order.md",
        include_bytes!("../templates/change-order.md"),
    ),
    (
        "templates/change-order.typ",
        include_bytes!("../templates/change-order.typ"),
    ),
    (
        "templates/credit-note.md",
        include_bytes!("../templates/credit-note.md"),
    ),
    (
        "templates/credit-note.typ",
        include_bytes!("../templates/credit-note.typ"),
    ),
    (
        "templates/email-sequence.md",
        include_bytes!("../templates/email-sequence.md"),
    ),
    (
        "templates/email-sequence.typ",
        include_bytes!("../templates/email-sequence.typ"),
    ),
    (
        "templates/envelope.md",
        include_bytes!("../templates/envelope.md"),
    ),
    (
        "templates/envelope.typ",
        include_bytes!("../templates/envelope.typ"),
    ),
    (
        "templates/health-scorecard.md",
        include_bytes!("../templates/health-scorecard.md"),
    ),
    (
        "templates/health-scorecard.typ",
        include_bytes!("../templates/health-scorecard.typ"),
    ),
    (
        "templates/invoice.md",
        include_bytes!("../templates/invoice.md"),
    ),
    (
        "templates/invoice.typ",
        include_bytes!("../templates/invoice.typ"),
    ),
    (
        "templates/launch-checklist.md",
        include_bytes!("../templates/launch-checklist.md"),
    ),
    (
        "templates/launch-checklist.typ",
        include_bytes!("../templates/launch-checklist.typ"),
    ),
    (
        "templates/proposal.md",
        include_bytes!("../templates/proposal.md"),
    ),
    (
        "templates/proposal.typ",
        include_bytes!("../templates/proposal.typ"),
    ),
    (
        "templates/security-memo.md",
        include_bytes!("../templates/security-memo.md"),
    ),
    (
        "templates/security-memo.typ",
        include_bytes!("../templates/security-memo.typ"),
    ),
    (
        "fonts/DocketFallback-Regular.ttf",
        include_bytes!("../fonts/DocketFallback-Regular.ttf"),
    ),
    (
        "fonts/LiberationMono-Regular.ttf",
        include_bytes!("../fonts/LiberationMono-Regular.ttf"),
    ),
    (
        "fonts/LiberationSans-Bold.ttf",
        include_bytes!("../fonts/LiberationSans-Bold.ttf"),
    ),
    (
        "fonts/LiberationSans-BoldItalic.ttf",
        include_bytes!("../fonts/LiberationSans-BoldItalic.ttf"),
    ),
    (
        "fonts/LiberationSans-Italic.ttf",
        include_bytes!("../fonts/LiberationSans-Italic.ttf"),
    ),
    (
        "fonts/LiberationSans-Regular.ttf",
        include_bytes!("../fonts/LiberationSans-Regular.ttf"),
    ),
    (
        "fonts/OFL-Liberation.txt",
        include_bytes!("../fonts/OFL-Liberation.txt"),
    ),
    ("fonts/README.md", include_bytes!("../fonts/README.md")),
    ("data/rules.toml", include_bytes!("../data/rules.toml")),
    (
        "data/northwind/engagement.toml",
        include_bytes!("../data/northwind/engagement.toml"),
    ),
    (
        "data/northwind/approvals.toml",
        include_bytes!("../data/northwind/approvals.toml"),
    ),
];

/// Writes a new project into `dir`. Refuses to overwrite existing files.
pub fn init(dir: &Path) -> Result<Vec<String>> {
    for (name, _) in FILES {
        let path = dir.join(name);
        if path.exists() {
            return Err(Error::Refused(format!(
                "{} already exists; docket init writes only into a new or empty folder",
                path.display()
            )));
        }
    }
    let mut written = Vec::new();
    for (name, bytes) in FILES {
        crate::output::write_atomic(&dir.join(name), bytes)?;
        written.push((*name).to_string());
    }
    std::fs::create_dir_all(dir.join("output")).map_err(|source| Error::Write {
        path: dir.join("output"),
        source,
    })?;
    Ok(written)
}
