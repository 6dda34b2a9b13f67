//! One engagement's row on the status board's portfolio, made from its report when it is
//! built and kept in its build manifest (`crate::build::incremental`), so the portfolio of 10,000
//! engagements is assembled from rows without reading reports again. Short keys and
//! one-letter stage codes keep the page small.

use serde::{Deserialize, Serialize};

use crate::locale::Locale;
use crate::model::Rules;
use crate::report::{self, EngagementReport, Progress};

/// One engagement's row on the portfolio (stored in its build manifest).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// Engagement id.
    pub id: String,
    /// Client.
    pub c: String,
    /// Lifecycle stage.
    pub st: String,
    /// One letter per lifecycle stage, then the overlay: f(inal) d(raft) b(locked) n(ot
    /// started).
    pub s: String,
    /// Next skill(s).
    pub nx: String,
    /// Next owner.
    pub o: String,
    /// Final, draft, blocked counts.
    pub n: [usize; 3],
    /// What waits, on what, on whom, since when.
    pub w: Vec<Waiting>,
    /// What the client owes, per currency (absent when nothing is open).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ow: Vec<Owed>,
    /// The locale its documents are written in, when it is not the board's (`de-DE`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub l: String,
}

/// What an engagement's client owes in one currency, as the board shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owed {
    /// ISO 4217 code.
    pub cur: String,
    /// Open, as a plain decimal (summed into the portfolio total).
    pub open: String,
    /// Past due, as a plain decimal.
    pub od: String,
    /// Open per aging bucket (current, 1-30, 31-60, 61-90, over 90), plain decimals.
    pub b: Vec<String>,
    /// Days past due of the oldest open invoice.
    pub days: i64,
    /// As shown, in the board's locale: `$8,400.00 ($8,400.00 past due, 13 days)`.
    pub f: String,
}

/// A draft or blocked artifact and what it waits for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    /// Artifact kind.
    pub k: String,
    /// d(raft) or b(locked).
    pub d: String,
    /// The approval or fact it waits for.
    pub on: String,
    /// Whom to ask (the track owner, the approver, else the next owner).
    pub o: String,
    /// Since when (YYYY-MM-DD, from the data: the document's date or the approval's).
    pub since: String,
    /// Days waited until the engagement's `as_of` date.
    pub days: i64,
}

fn letter(p: Progress) -> char {
    match p {
        Progress::Final => 'f',
        Progress::Draft => 'd',
        Progress::Blocked => 'b',
        Progress::NotStarted => 'n',
    }
}

/// The row of an engagement report. `as_of` is the engagement's date; `dates` gives each
/// artifact's own date when its data has one. `board` is the board's locale (its words and
/// how it writes money), `documents` the engagement's.
pub fn row(
    rules: &Rules,
    report: &EngagementReport,
    as_of: time::Date,
    dates: &dyn Fn(&str) -> Option<time::Date>,
    board: &Locale,
    documents: &Locale,
) -> Row {
    let mut s: String = report.stages.iter().map(|st| letter(st.progress)).collect();
    let overlay = report
        .artifacts
        .iter()
        .find(|a| a.kind == rules.overlay.artifact)
        .map_or('n', |a| letter(a.progress));
    s.push(overlay);
    let mut n = [0; 3];
    for a in &report.artifacts {
        match a.decision {
            crate::gate::Decision::Final => n[0] += 1,
            crate::gate::Decision::Draft => n[1] += 1,
            crate::gate::Decision::Blocked => n[2] += 1,
        }
    }
    let approval_date = |gate: &str, scope: &str| {
        report
            .approvals
            .iter()
            .filter(|a| a.gate == gate && a.scope == scope)
            .filter_map(|a| a.date.as_deref())
            .filter_map(|d| crate::model::Date::parse(d).ok())
            .map(|d| d.0)
            .min()
    };
    let mut w = Vec::new();
    for a in &report.artifacts {
        let d = match a.progress {
            Progress::Draft => "d",
            Progress::Blocked => "b",
            _ => continue,
        };
        let own = dates(&a.name()).unwrap_or(as_of);
        let mut push = |on: String, owner: String, since: time::Date| {
            w.push(Waiting {
                k: a.name(),
                d: d.to_string(),
                on,
                o: owner,
                since: crate::model::Date(since).to_string(),
                days: (as_of - since).whole_days().max(0),
            });
        };
        for m in a.blocked_by.iter().chain(&a.missing_approvals) {
            let since = approval_date(&m.gate, &m.scope).map_or(own, |d| d.min(own));
            push(m.describe(), report::approval_owner(report, m), since);
        }
        for fact in &a.missing_facts {
            push(
                board
                    .message("board_question_tbd", &[("field", fact)])
                    .unwrap_or_else(|_| format!("{fact} is TBD")),
                report.route.next_owner.clone(),
                own,
            );
        }
    }
    let ow = report
        .receivables
        .iter()
        .flat_map(|account| &account.aging)
        .filter(|a| a.open > rust_decimal::Decimal::ZERO)
        .map(|a| {
            let money = |d: rust_decimal::Decimal| crate::money::in_locale(board, d, &a.currency);
            let f = if a.overdue.is_zero() {
                money(a.open)
            } else {
                board
                    .counted(
                        "board_owed_past_due",
                        ("days", a.max_days_overdue.max(0).unsigned_abs()),
                        &[("open", &money(a.open)), ("overdue", &money(a.overdue))],
                    )
                    .unwrap_or_else(|_| money(a.open))
            };
            Owed {
                cur: a.currency.clone(),
                open: a.open.to_string(),
                od: a.overdue.to_string(),
                b: a.buckets.iter().map(ToString::to_string).collect(),
                days: a.max_days_overdue,
                f,
            }
        })
        .collect();
    Row {
        ow,
        id: report.engagement.clone(),
        c: report.client.clone(),
        st: report.lifecycle_stage.clone(),
        s,
        nx: report.route.next_skill.join(" → "),
        o: report.route.next_owner.clone(),
        n,
        w,
        l: if documents.tag() == board.tag() {
            String::new()
        } else {
            documents.tag().to_string()
        },
    }
}
