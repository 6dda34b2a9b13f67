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
        "templates/reminder.md",
        include_bytes!("../templates/reminder.md"),
    ),
    (
        "templates/reminder.typ",
        include_bytes!("../templates/reminder.typ"),
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
        "templates/statement.md",
        include_bytes!("../templates/statement.md"),
    ),
    (
        "templates/statement.typ",
        include_bytes!("../templates/statement.typ"),
    ),
    (
        "templates/locales/de-DE/agreement.ftl",
        include_bytes!("../templates/locales/de-DE/agreement.ftl"),
    ),
    (
        "templates/locales/de-DE/board.ftl",
        include_bytes!("../templates/locales/de-DE/board.ftl"),
    ),
    (
        "templates/locales/de-DE/brief.ftl",
        include_bytes!("../templates/locales/de-DE/brief.ftl"),
    ),
    (
        "templates/locales/de-DE/case-study.ftl",
        include_bytes!("../templates/locales/de-DE/case-study.ftl"),
    ),
    (
        "templates/locales/de-DE/certificate.ftl",
        include_bytes!("../templates/locales/de-DE/certificate.ftl"),
    ),
    (
        "templates/locales/de-DE/change-order.ftl",
        include_bytes!("../templates/locales/de-DE/change-order.ftl"),
    ),
    (
        "templates/locales/de-DE/common.ftl",
        include_bytes!("../templates/locales/de-DE/common.ftl"),
    ),
    (
        "templates/locales/de-DE/email-sequence.ftl",
        include_bytes!("../templates/locales/de-DE/email-sequence.ftl"),
    ),
    (
        "templates/locales/de-DE/envelope.ftl",
        include_bytes!("../templates/locales/de-DE/envelope.ftl"),
    ),
    (
        "templates/locales/de-DE/health-scorecard.ftl",
        include_bytes!("../templates/locales/de-DE/health-scorecard.ftl"),
    ),
    (
        "templates/locales/de-DE/invoice.ftl",
        include_bytes!("../templates/locales/de-DE/invoice.ftl"),
    ),
    (
        "templates/locales/de-DE/launch-checklist.ftl",
        include_bytes!("../templates/locales/de-DE/launch-checklist.ftl"),
    ),
    (
        "templates/locales/de-DE/proposal.ftl",
        include_bytes!("../templates/locales/de-DE/proposal.ftl"),
    ),
    (
        "templates/locales/de-DE/reminder.ftl",
        include_bytes!("../templates/locales/de-DE/reminder.ftl"),
    ),
    (
        "templates/locales/de-DE/security-memo.ftl",
        include_bytes!("../templates/locales/de-DE/security-memo.ftl"),
    ),
    (
        "templates/locales/de-DE/statement.ftl",
        include_bytes!("../templates/locales/de-DE/statement.ftl"),
    ),
    (
        "templates/locales/en-GB/agreement.ftl",
        include_bytes!("../templates/locales/en-GB/agreement.ftl"),
    ),
    (
        "templates/locales/en-GB/board.ftl",
        include_bytes!("../templates/locales/en-GB/board.ftl"),
    ),
    (
        "templates/locales/en-GB/brief.ftl",
        include_bytes!("../templates/locales/en-GB/brief.ftl"),
    ),
    (
        "templates/locales/en-GB/case-study.ftl",
        include_bytes!("../templates/locales/en-GB/case-study.ftl"),
    ),
    (
        "templates/locales/en-GB/certificate.ftl",
        include_bytes!("../templates/locales/en-GB/certificate.ftl"),
    ),
    (
        "templates/locales/en-GB/change-order.ftl",
        include_bytes!("../templates/locales/en-GB/change-order.ftl"),
    ),
    (
        "templates/locales/en-GB/common.ftl",
        include_bytes!("../templates/locales/en-GB/common.ftl"),
    ),
    (
        "templates/locales/en-GB/email-sequence.ftl",
        include_bytes!("../templates/locales/en-GB/email-sequence.ftl"),
    ),
    (
        "templates/locales/en-GB/envelope.ftl",
        include_bytes!("../templates/locales/en-GB/envelope.ftl"),
    ),
    (
        "templates/locales/en-GB/health-scorecard.ftl",
        include_bytes!("../templates/locales/en-GB/health-scorecard.ftl"),
    ),
    (
        "templates/locales/en-GB/invoice.ftl",
        include_bytes!("../templates/locales/en-GB/invoice.ftl"),
    ),
    (
        "templates/locales/en-GB/launch-checklist.ftl",
        include_bytes!("../templates/locales/en-GB/launch-checklist.ftl"),
    ),
    (
        "templates/locales/en-GB/proposal.ftl",
        include_bytes!("../templates/locales/en-GB/proposal.ftl"),
    ),
    (
        "templates/locales/en-GB/reminder.ftl",
        include_bytes!("../templates/locales/en-GB/reminder.ftl"),
    ),
    (
        "templates/locales/en-GB/security-memo.ftl",
        include_bytes!("../templates/locales/en-GB/security-memo.ftl"),
    ),
    (
        "templates/locales/en-GB/statement.ftl",
        include_bytes!("../templates/locales/en-GB/statement.ftl"),
    ),
    (
        "templates/locales/en-US/agreement.ftl",
        include_bytes!("../templates/locales/en-US/agreement.ftl"),
    ),
    (
        "templates/locales/en-US/board.ftl",
        include_bytes!("../templates/locales/en-US/board.ftl"),
    ),
    (
        "templates/locales/en-US/brief.ftl",
        include_bytes!("../templates/locales/en-US/brief.ftl"),
    ),
    (
        "templates/locales/en-US/case-study.ftl",
        include_bytes!("../templates/locales/en-US/case-study.ftl"),
    ),
    (
        "templates/locales/en-US/certificate.ftl",
        include_bytes!("../templates/locales/en-US/certificate.ftl"),
    ),
    (
        "templates/locales/en-US/change-order.ftl",
        include_bytes!("../templates/locales/en-US/change-order.ftl"),
    ),
    (
        "templates/locales/en-US/common.ftl",
        include_bytes!("../templates/locales/en-US/common.ftl"),
    ),
    (
        "templates/locales/en-US/email-sequence.ftl",
        include_bytes!("../templates/locales/en-US/email-sequence.ftl"),
    ),
    (
        "templates/locales/en-US/envelope.ftl",
        include_bytes!("../templates/locales/en-US/envelope.ftl"),
    ),
    (
        "templates/locales/en-US/health-scorecard.ftl",
        include_bytes!("../templates/locales/en-US/health-scorecard.ftl"),
    ),
    (
        "templates/locales/en-US/invoice.ftl",
        include_bytes!("../templates/locales/en-US/invoice.ftl"),
    ),
    (
        "templates/locales/en-US/launch-checklist.ftl",
        include_bytes!("../templates/locales/en-US/launch-checklist.ftl"),
    ),
    (
        "templates/locales/en-US/proposal.ftl",
        include_bytes!("../templates/locales/en-US/proposal.ftl"),
    ),
    (
        "templates/locales/en-US/reminder.ftl",
        include_bytes!("../templates/locales/en-US/reminder.ftl"),
    ),
    (
        "templates/locales/en-US/security-memo.ftl",
        include_bytes!("../templates/locales/en-US/security-memo.ftl"),
    ),
    (
        "templates/locales/en-US/statement.ftl",
        include_bytes!("../templates/locales/en-US/statement.ftl"),
    ),
    (
        "templates/locales/es-ES/agreement.ftl",
        include_bytes!("../templates/locales/es-ES/agreement.ftl"),
    ),
    (
        "templates/locales/es-ES/board.ftl",
        include_bytes!("../templates/locales/es-ES/board.ftl"),
    ),
    (
        "templates/locales/es-ES/brief.ftl",
        include_bytes!("../templates/locales/es-ES/brief.ftl"),
    ),
    (
        "templates/locales/es-ES/case-study.ftl",
        include_bytes!("../templates/locales/es-ES/case-study.ftl"),
    ),
    (
        "templates/locales/es-ES/certificate.ftl",
        include_bytes!("../templates/locales/es-ES/certificate.ftl"),
    ),
    (
        "templates/locales/es-ES/change-order.ftl",
        include_bytes!("../templates/locales/es-ES/change-order.ftl"),
    ),
    (
        "templates/locales/es-ES/common.ftl",
        include_bytes!("../templates/locales/es-ES/common.ftl"),
    ),
    (
        "templates/locales/es-ES/email-sequence.ftl",
        include_bytes!("../templates/locales/es-ES/email-sequence.ftl"),
    ),
    (
        "templates/locales/es-ES/envelope.ftl",
        include_bytes!("../templates/locales/es-ES/envelope.ftl"),
    ),
    (
        "templates/locales/es-ES/health-scorecard.ftl",
        include_bytes!("../templates/locales/es-ES/health-scorecard.ftl"),
    ),
    (
        "templates/locales/es-ES/invoice.ftl",
        include_bytes!("../templates/locales/es-ES/invoice.ftl"),
    ),
    (
        "templates/locales/es-ES/launch-checklist.ftl",
        include_bytes!("../templates/locales/es-ES/launch-checklist.ftl"),
    ),
    (
        "templates/locales/es-ES/proposal.ftl",
        include_bytes!("../templates/locales/es-ES/proposal.ftl"),
    ),
    (
        "templates/locales/es-ES/reminder.ftl",
        include_bytes!("../templates/locales/es-ES/reminder.ftl"),
    ),
    (
        "templates/locales/es-ES/security-memo.ftl",
        include_bytes!("../templates/locales/es-ES/security-memo.ftl"),
    ),
    (
        "templates/locales/es-ES/statement.ftl",
        include_bytes!("../templates/locales/es-ES/statement.ftl"),
    ),
    (
        "templates/locales/fr-FR/agreement.ftl",
        include_bytes!("../templates/locales/fr-FR/agreement.ftl"),
    ),
    (
        "templates/locales/fr-FR/board.ftl",
        include_bytes!("../templates/locales/fr-FR/board.ftl"),
    ),
    (
        "templates/locales/fr-FR/brief.ftl",
        include_bytes!("../templates/locales/fr-FR/brief.ftl"),
    ),
    (
        "templates/locales/fr-FR/case-study.ftl",
        include_bytes!("../templates/locales/fr-FR/case-study.ftl"),
    ),
    (
        "templates/locales/fr-FR/certificate.ftl",
        include_bytes!("../templates/locales/fr-FR/certificate.ftl"),
    ),
    (
        "templates/locales/fr-FR/change-order.ftl",
        include_bytes!("../templates/locales/fr-FR/change-order.ftl"),
    ),
    (
        "templates/locales/fr-FR/common.ftl",
        include_bytes!("../templates/locales/fr-FR/common.ftl"),
    ),
    (
        "templates/locales/fr-FR/email-sequence.ftl",
        include_bytes!("../templates/locales/fr-FR/email-sequence.ftl"),
    ),
    (
        "templates/locales/fr-FR/envelope.ftl",
        include_bytes!("../templates/locales/fr-FR/envelope.ftl"),
    ),
    (
        "templates/locales/fr-FR/health-scorecard.ftl",
        include_bytes!("../templates/locales/fr-FR/health-scorecard.ftl"),
    ),
    (
        "templates/locales/fr-FR/invoice.ftl",
        include_bytes!("../templates/locales/fr-FR/invoice.ftl"),
    ),
    (
        "templates/locales/fr-FR/launch-checklist.ftl",
        include_bytes!("../templates/locales/fr-FR/launch-checklist.ftl"),
    ),
    (
        "templates/locales/fr-FR/proposal.ftl",
        include_bytes!("../templates/locales/fr-FR/proposal.ftl"),
    ),
    (
        "templates/locales/fr-FR/reminder.ftl",
        include_bytes!("../templates/locales/fr-FR/reminder.ftl"),
    ),
    (
        "templates/locales/fr-FR/security-memo.ftl",
        include_bytes!("../templates/locales/fr-FR/security-memo.ftl"),
    ),
    (
        "templates/locales/fr-FR/statement.ftl",
        include_bytes!("../templates/locales/fr-FR/statement.ftl"),
    ),
    (
        "templates/locales/it-IT/agreement.ftl",
        include_bytes!("../templates/locales/it-IT/agreement.ftl"),
    ),
    (
        "templates/locales/it-IT/board.ftl",
        include_bytes!("../templates/locales/it-IT/board.ftl"),
    ),
    (
        "templates/locales/it-IT/brief.ftl",
        include_bytes!("../templates/locales/it-IT/brief.ftl"),
    ),
    (
        "templates/locales/it-IT/case-study.ftl",
        include_bytes!("../templates/locales/it-IT/case-study.ftl"),
    ),
    (
        "templates/locales/it-IT/certificate.ftl",
        include_bytes!("../templates/locales/it-IT/certificate.ftl"),
    ),
    (
        "templates/locales/it-IT/change-order.ftl",
        include_bytes!("../templates/locales/it-IT/change-order.ftl"),
    ),
    (
        "templates/locales/it-IT/common.ftl",
        include_bytes!("../templates/locales/it-IT/common.ftl"),
    ),
    (
        "templates/locales/it-IT/email-sequence.ftl",
        include_bytes!("../templates/locales/it-IT/email-sequence.ftl"),
    ),
    (
        "templates/locales/it-IT/envelope.ftl",
        include_bytes!("../templates/locales/it-IT/envelope.ftl"),
    ),
    (
        "templates/locales/it-IT/health-scorecard.ftl",
        include_bytes!("../templates/locales/it-IT/health-scorecard.ftl"),
    ),
    (
        "templates/locales/it-IT/invoice.ftl",
        include_bytes!("../templates/locales/it-IT/invoice.ftl"),
    ),
    (
        "templates/locales/it-IT/launch-checklist.ftl",
        include_bytes!("../templates/locales/it-IT/launch-checklist.ftl"),
    ),
    (
        "templates/locales/it-IT/proposal.ftl",
        include_bytes!("../templates/locales/it-IT/proposal.ftl"),
    ),
    (
        "templates/locales/it-IT/reminder.ftl",
        include_bytes!("../templates/locales/it-IT/reminder.ftl"),
    ),
    (
        "templates/locales/it-IT/security-memo.ftl",
        include_bytes!("../templates/locales/it-IT/security-memo.ftl"),
    ),
    (
        "templates/locales/it-IT/statement.ftl",
        include_bytes!("../templates/locales/it-IT/statement.ftl"),
    ),
    (
        "templates/locales/nl-NL/agreement.ftl",
        include_bytes!("../templates/locales/nl-NL/agreement.ftl"),
    ),
    (
        "templates/locales/nl-NL/board.ftl",
        include_bytes!("../templates/locales/nl-NL/board.ftl"),
    ),
    (
        "templates/locales/nl-NL/brief.ftl",
        include_bytes!("../templates/locales/nl-NL/brief.ftl"),
    ),
    (
        "templates/locales/nl-NL/case-study.ftl",
        include_bytes!("../templates/locales/nl-NL/case-study.ftl"),
    ),
    (
        "templates/locales/nl-NL/certificate.ftl",
        include_bytes!("../templates/locales/nl-NL/certificate.ftl"),
    ),
    (
        "templates/locales/nl-NL/change-order.ftl",
        include_bytes!("../templates/locales/nl-NL/change-order.ftl"),
    ),
    (
        "templates/locales/nl-NL/common.ftl",
        include_bytes!("../templates/locales/nl-NL/common.ftl"),
    ),
    (
        "templates/locales/nl-NL/email-sequence.ftl",
        include_bytes!("../templates/locales/nl-NL/email-sequence.ftl"),
    ),
    (
        "templates/locales/nl-NL/envelope.ftl",
        include_bytes!("../templates/locales/nl-NL/envelope.ftl"),
    ),
    (
        "templates/locales/nl-NL/health-scorecard.ftl",
        include_bytes!("../templates/locales/nl-NL/health-scorecard.ftl"),
    ),
    (
        "templates/locales/nl-NL/invoice.ftl",
        include_bytes!("../templates/locales/nl-NL/invoice.ftl"),
    ),
    (
        "templates/locales/nl-NL/launch-checklist.ftl",
        include_bytes!("../templates/locales/nl-NL/launch-checklist.ftl"),
    ),
    (
        "templates/locales/nl-NL/proposal.ftl",
        include_bytes!("../templates/locales/nl-NL/proposal.ftl"),
    ),
    (
        "templates/locales/nl-NL/reminder.ftl",
        include_bytes!("../templates/locales/nl-NL/reminder.ftl"),
    ),
    (
        "templates/locales/nl-NL/security-memo.ftl",
        include_bytes!("../templates/locales/nl-NL/security-memo.ftl"),
    ),
    (
        "templates/locales/nl-NL/statement.ftl",
        include_bytes!("../templates/locales/nl-NL/statement.ftl"),
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
        "fonts/NotoSansArabic-Bold.ttf",
        include_bytes!("../fonts/NotoSansArabic-Bold.ttf"),
    ),
    (
        "fonts/NotoSansArabic-Regular.ttf",
        include_bytes!("../fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "fonts/NotoSansCJKjp-Regular-1.otf",
        include_bytes!("../fonts/NotoSansCJKjp-Regular-1.otf"),
    ),
    (
        "fonts/NotoSansCJKjp-Regular-2.otf",
        include_bytes!("../fonts/NotoSansCJKjp-Regular-2.otf"),
    ),
    (
        "fonts/NotoSansCJKjp-Regular-3.otf",
        include_bytes!("../fonts/NotoSansCJKjp-Regular-3.otf"),
    ),
    (
        "fonts/NotoSansCJKjp-Regular-4.otf",
        include_bytes!("../fonts/NotoSansCJKjp-Regular-4.otf"),
    ),
    (
        "fonts/NotoSansCJKjp-Regular-5.otf",
        include_bytes!("../fonts/NotoSansCJKjp-Regular-5.otf"),
    ),
    (
        "fonts/NotoSansDevanagari-Bold.ttf",
        include_bytes!("../fonts/NotoSansDevanagari-Bold.ttf"),
    ),
    (
        "fonts/NotoSansDevanagari-Regular.ttf",
        include_bytes!("../fonts/NotoSansDevanagari-Regular.ttf"),
    ),
    (
        "fonts/NotoSansHebrew-Bold.ttf",
        include_bytes!("../fonts/NotoSansHebrew-Bold.ttf"),
    ),
    (
        "fonts/NotoSansHebrew-Regular.ttf",
        include_bytes!("../fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "fonts/NotoSansThai-Bold.ttf",
        include_bytes!("../fonts/NotoSansThai-Bold.ttf"),
    ),
    (
        "fonts/NotoSansThai-Regular.ttf",
        include_bytes!("../fonts/NotoSansThai-Regular.ttf"),
    ),
    (
        "fonts/OFL-Liberation.txt",
        include_bytes!("../fonts/OFL-Liberation.txt"),
    ),
    (
        "fonts/OFL-Noto.txt",
        include_bytes!("../fonts/OFL-Noto.txt"),
    ),
    (
        "fonts/OFL-NotoCJK.txt",
        include_bytes!("../fonts/OFL-NotoCJK.txt"),
    ),
    ("fonts/README.md", include_bytes!("../fonts/README.md")),
    ("data/rules.toml", include_bytes!("../data/rules.toml")),
    (
        "data/approvers.toml",
        include_bytes!("../data/approvers.toml"),
    ),
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

/// The roster `docket new` writes into a data folder that has none.
const ROSTER_TEMPLATE: &str = "# Who may approve what (the roster), read with rules.toml's trust = \"signed\".\n\
# Until a person and their SSH public key are listed here, no approval counts: docket records\n\
# requests and says so. For each approver (their key: ssh-keygen -t ed25519, then the .pub line):\n\
#\n\
# [[person]]\n\
# name = \"Ada Park\"\n\
# role = \"Billing lead\"\n\
# principal = \"ada@example.com\"\n\
#\n\
# [[person.key]]\n\
# key = \"ssh-ed25519 AAAA...\"\n\
# valid_after = \"2026-01-01\"\n\
#\n\
# [[person.may]]\n\
# gates = [\"billing\"]\n\
# actions = [\"issue-invoice\"]\n\
# up_to = \"USD 10000.00\"\n";

/// The format `docket new` writes an engagement in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// `engagement.toml` and `approvals.toml` (for people).
    Toml,
    /// `engagement.json` and `approvals.json` (for programs).
    Json,
}

/// `docket new ID`: a new engagement folder under `data_dir` that `docket check` accepts,
/// to start from. It has what the data model requires and nothing invented: every fact is
/// `TBD`, every approval the rules mention is recorded as `unknown` (so the manifest lists
/// what will be needed), and `as_of` is the date given (today, unless the caller says).
/// Nothing is rendered from it until someone writes what is known. Returns the files written.
pub fn new_engagement(
    data_dir: &Path,
    id: &str,
    format: DataFormat,
    as_of: crate::model::Date,
) -> Result<Vec<std::path::PathBuf>> {
    use crate::model::{Address, ClientDetails, Engagement, Provider, TBD};
    if !crate::load::safe_name(id) {
        return Err(Error::Usage(format!(
            "`{id}` cannot be an engagement id: use lowercase letters, digits, `-` and `_`, \
             starting with a letter or digit (it names the folder)"
        )));
    }
    let rules = crate::load::rules(data_dir)?;
    let dir = data_dir.join(id);
    if dir.exists() {
        return Err(Error::Refused(format!(
            "{} already exists; docket new writes only a new engagement folder",
            dir.display()
        )));
    }
    let tbd = || TBD.to_string();
    let address = || Address {
        name: tbd(),
        organization: None,
        lines: vec![tbd()],
        city: tbd(),
        region: String::new(),
        postal_code: String::new(),
        country: "US".into(),
    };
    let engagement = Engagement {
        id: id.to_string(),
        client: tbd(),
        workflow: tbd(),
        lifecycle_stage: rules.stage.first().map_or_else(tbd, |s| s.name.clone()),
        scope: tbd(),
        as_of,
        locale: None,
        next_skill: Vec::new(),
        next_action: tbd(),
        next_owner: tbd(),
        provider: Provider {
            name: tbd(),
            legal_name: tbd(),
            tax_id: tbd(),
            registration_id: None,
            registration_scheme: None,
            endpoint: None,
            contact: None,
            email: tbd(),
            address: "provider".into(),
            phone: None,
            website: None,
            brand: Default::default(),
        },
        client_details: ClientDetails {
            legal_name: tbd(),
            tax_id: tbd(),
            registration_id: None,
            registration_scheme: None,
            endpoint: None,
            buyer_reference: None,
            sponsor: tbd(),
            sponsor_title: tbd(),
            billing_address: "client".into(),
            billing_contact: None,
            einvoice: None,
        },
        addresses: [
            ("provider".to_string(), address()),
            ("client".to_string(), address()),
        ]
        .into_iter()
        .collect(),
        tracks: Vec::new(),
        brief: crate::model::Section::Absent,
        proposal: crate::model::Section::Absent,
        agreement: crate::model::Section::Absent,
        launch_checklist: crate::model::Section::Absent,
        security_memo: crate::model::Section::Absent,
        health_scorecard: crate::model::Section::Absent,
        case_study: crate::model::Section::Absent,
        invoice: crate::model::Section::Absent,
        email_sequence: crate::model::Section::Absent,
        envelope: crate::model::Section::Absent,
        certificate: crate::model::Section::Absent,
        change_order: crate::model::Section::Absent,
        credit_note: crate::model::Section::Absent,
        statement: crate::model::Section::Absent,
        reminder: crate::model::Section::Absent,
        payments: Vec::new(),
    };
    let gates = crate::load::known_gates(&rules);
    let approvals: Vec<serde_json::Value> = gates
        .iter()
        .map(|gate| serde_json::json!({ "gate": gate, "status": "unknown" }))
        .collect();
    let manifest = serde_json::json!({ "approval": approvals });
    let (state_file, state_bytes, manifest_file, manifest_bytes) = match format {
        DataFormat::Toml => {
            let header = format!(
                "# Engagement {id}, written by `docket new`. Every fact is TBD until someone who\n\
                 # knows it writes it in; docket lists each TBD as an open question and never\n\
                 # invents a value. Add the artifact sections ([brief], [proposal], ...) as the\n\
                 # work gets there; for many documents of a kind (a deposit invoice, then one\n\
                 # per milestone), write the section as an array of tables, each with its key:\n\
                 # [[invoice]] key = \"deposit\" ... [[invoice]] key = \"milestone-1\" ...\n\
                 # `docket schema engagement` describes every field.\n\n"
            );
            let body = toml::to_string(&engagement).map_err(|e| Error::Internal(e.to_string()))?;
            let manifest_text = format!(
                "# Approvals for {id}: one record per gate the rules use, each `unknown` until\n\
                 # it is given. An approval counts only with approver, actions and evidence.\n\n{}",
                toml::to_string(&manifest).map_err(|e| Error::Internal(e.to_string()))?
            );
            (
                "engagement.toml",
                format!("{header}{body}").into_bytes(),
                "approvals.toml",
                manifest_text.into_bytes(),
            )
        }
        DataFormat::Json => (
            "engagement.json",
            crate::report::to_json(&engagement),
            "approvals.json",
            crate::report::to_json(&manifest),
        ),
    };
    let mut files = vec![
        (dir.join(state_file), state_bytes),
        (dir.join(manifest_file), manifest_bytes),
    ];
    // Signed approvals need a roster: a folder without one gets an empty one that says how
    // to fill it (approvals count only once someone's key is listed there).
    let roster = data_dir.join(crate::trust::roster::FILE_NAME);
    if !roster.exists() {
        files.push((roster, ROSTER_TEMPLATE.as_bytes().to_vec()));
    }
    for (path, bytes) in &files {
        crate::output::write_atomic(path, bytes)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}
