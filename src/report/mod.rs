//! Reports: what was decided and why, for people (tables, handoff.md) and for machines
//! (build-report.json, handoff.json, `--json`). Every gate decision is recorded here with
//! the approvals and evidence behind it.

mod handoff;
pub mod row;

pub use handoff::{
    Blocker, Handoff, HandoffArtifact, HandoffDecision, HandoffStage, blockers, handoff,
    handoff_markdown, next_json,
};

use std::path::Path;

use serde::Serialize;

use crate::gate::approval::ApprovalView;
use crate::gate::{Decision, Missing, collect_tbd};
use crate::model::{Rules, Track, TrackStatus};
use crate::plan::Plan;
use crate::record::ledger::Entry;
use crate::render::markdown::escape_markdown;
use crate::text::and_list;

/// One artifact's entry in the build report.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ArtifactReport {
    /// Kind.
    pub kind: String,
    /// Instance key, for one of many documents of the kind (`[[invoice]]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Human title.
    pub title: String,
    /// The lifecycle stage that produces it (none for the overlay and other kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// Where it stands: the decision, or `not started` when it has no data yet, or belongs
    /// to a stage after the current one and is blocked (a later stage is not a blocker).
    pub progress: Progress,
    /// Document id.
    pub document_id: String,
    /// final, draft or blocked.
    pub decision: Decision,
    /// Why.
    pub reasons: Vec<String>,
    /// Approvals that satisfied requirements, with their evidence.
    pub approvals_used: Vec<ApprovalView>,
    /// Approvals whose absence makes it a draft.
    pub missing_approvals: Vec<Missing>,
    /// Approvals whose absence blocks it.
    pub blocked_by: Vec<Missing>,
    /// Required facts still TBD.
    pub missing_facts: Vec<String>,
    /// TBD fields in its data.
    pub open_questions: Vec<String>,
    /// Its output files, relative to the output folder (empty when blocked).
    pub outputs: Vec<String>,
    /// Who prepared it.
    pub prepared_by: Option<String>,
    /// Exceptions to the preparer rule this decision relies on.
    pub exceptions: Vec<crate::model::Exception>,
    /// Digest of its inputs (what a bound approval and the ledger refer to).
    pub input_digest: String,
    /// For an invoice checked against its agreement's payment schedule: what it bills, what
    /// was billed before it and what remains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing: Option<crate::billing::Billed>,
    /// Set when the document was issued and this build kept its issued files, although its
    /// gate no longer clears it: what the gate says now (an issued document stays issued).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_as_issued: Option<KeptAsIssued>,
    /// For an issued invoice: what it is owed on the engagement's date (paid, credited,
    /// open, its state and days past due).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receivable: Option<crate::receivables::InvoiceState>,
}

impl ArtifactReport {
    /// `invoice`, or `invoice:deposit` for a keyed instance.
    pub fn name(&self) -> String {
        crate::instances::name(&self.kind, self.key.as_deref())
    }

    /// Its files in the engagement's output folder.
    pub fn files(&self) -> crate::output::Files {
        crate::output::Files::of(&self.kind, self.key.as_deref())
    }
}

/// Where an artifact stands, for people: a gate decision, or not started yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub enum Progress {
    /// Final.
    #[serde(rename = "final")]
    Final,
    /// Draft.
    #[serde(rename = "draft")]
    Draft,
    /// Blocked, at or before the engagement's stage (or outside the lifecycle).
    #[serde(rename = "blocked")]
    Blocked,
    /// No data yet, or blocked at a stage the engagement has not reached.
    #[serde(rename = "not started")]
    NotStarted,
}

impl Progress {
    /// Where a stage stands when its kind has many documents: final only when all are;
    /// else blocked when any is, else draft when any is (a billing stage with two invoices
    /// issued and the third a draft is a draft); not started with none.
    pub fn of_all(all: impl Iterator<Item = Progress>) -> Progress {
        let all: Vec<Progress> = all.collect();
        [Progress::Blocked, Progress::Draft, Progress::NotStarted]
            .into_iter()
            .find(|p| all.contains(p))
            .unwrap_or(if all.is_empty() {
                Progress::NotStarted
            } else {
                Progress::Final
            })
    }

    /// As written in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Progress::Final => "final",
            Progress::Draft => "draft",
            Progress::Blocked => "blocked",
            Progress::NotStarted => "not started",
        }
    }
}

/// An issued document kept as issued (see [`ArtifactReport::kept_as_issued`]).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct KeptAsIssued {
    /// The ledger record of its issue.
    pub ledger_record: u64,
    /// When it was issued.
    pub issued_on: String,
    /// The gate's decision now (draft or blocked), which no longer changes its files.
    pub gate_now: Decision,
}

/// The build report of one engagement (`build-report.json`).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct EngagementReport {
    /// Engagement id.
    pub engagement: String,
    /// Client.
    pub client: String,
    /// Workflow.
    pub workflow: String,
    /// Lifecycle stage.
    pub lifecycle_stage: String,
    /// One entry per artifact kind.
    pub artifacts: Vec<ArtifactReport>,
    /// Every approval record as the gate read it.
    pub approvals: Vec<ApprovalView>,
    /// Whose word the gate took: `signed` (verified signatures) or `evidence` (unverified).
    pub trust: crate::model::Trust,
    /// Set under `trust = "evidence"`: approvals are unverified, in a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
    /// Requests in the manifest (asked, never approved), each with who can grant it and the
    /// command they run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<crate::trust::Request>,
    /// Every TBD in the engagement.
    pub open_questions: Vec<String>,
    /// The lifecycle, stage by stage, with where each stage's artifact stands.
    pub stages: Vec<HandoffStage>,
    /// Routing.
    pub route: crate::route::Route,
    /// What the client owes: every issued invoice's state, payments, credits and aging per
    /// currency (absent before the first invoice is issued).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receivables: Option<crate::receivables::Account>,
    /// Overdue invoices in words, with where their reminder stands ("invoice INV-2026-0460
    /// is 13 days overdue (USD 8,400.00 open): reminder 1 (friendly) is waiting on ...").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overdue: Vec<String>,
}

/// What a run did, over all engagements.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Summary {
    /// Per engagement.
    pub engagements: Vec<EngagementReport>,
    /// Artifacts final / draft / blocked.
    pub counts: Counts,
    /// Whether outputs were written.
    pub wrote: bool,
    /// Where the time went (build only).
    pub timings: Option<Timings>,
    /// Engagements skipped whole because nothing about them changed (build only).
    pub unchanged: usize,
    /// Engagements loaded and decided by this run (build only).
    pub rendered_engagements: usize,
    /// The artifacts this run rendered, as `engagement/kind` (build only; unchanged ones
    /// are skipped).
    pub rendered: Vec<String>,
    /// Invalid engagements a build with `--keep-going` left out, each with its located
    /// error; nothing of theirs was written (empty otherwise: invalid data stops a build).
    pub failed: Vec<crate::load::Failed>,
    /// Characters of the data the rendered documents print that no served font has (each
    /// prints as a box), by document and field (build only; none when every character has
    /// a glyph).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::render::glyphs::GlyphWarning>,
}

/// Milliseconds per stage of a build, for `--json` and benchmarks.
#[derive(Debug, Clone, Copy, Default, Serialize, schemars::JsonSchema)]
pub struct Timings {
    /// Load, validate, gate, route, number.
    pub load_and_gate_ms: u128,
    /// Tera to Markdown and Markdown to Typst markup.
    pub markdown_ms: u128,
    /// Typst compile and PDF export.
    pub typeset_ms: u128,
    /// Writing outputs, ledgers and reports.
    pub write_ms: u128,
    /// Documents typeset.
    pub documents: usize,
    /// Thread time typesetting (summed over the worker threads).
    pub typeset_thread_ms: u128,
    /// Of which evaluating the layouts and laying the pages out.
    pub layout_thread_ms: u128,
    /// Of which exporting PDFs (font subsetting, stream compression).
    pub pdf_thread_ms: u128,
    /// Of which rendering the page-1 thumbnails of the status board.
    pub thumbnail_thread_ms: u128,
    /// Writing the status board's `index.html` (0 when nothing changed).
    pub board_ms: u128,
    /// Its size in bytes.
    pub board_bytes: usize,
}

/// Decision counts.
#[derive(Debug, Clone, Copy, Default, Serialize, schemars::JsonSchema)]
pub struct Counts {
    /// Final.
    pub final_: usize,
    /// Draft.
    pub draft: usize,
    /// Blocked.
    pub blocked: usize,
}

impl Summary {
    /// Counts a report in, keeping it when asked.
    pub fn add(&mut self, report: EngagementReport, keep: bool) {
        for a in &report.artifacts {
            match a.decision {
                Decision::Final => self.counts.final_ += 1,
                Decision::Draft => self.counts.draft += 1,
                Decision::Blocked => self.counts.blocked += 1,
            }
        }
        self.rendered_engagements += 1;
        if keep {
            self.engagements.push(report);
        }
    }

    /// Sums up engagement reports.
    pub fn new(engagements: Vec<EngagementReport>, wrote: bool) -> Summary {
        let mut counts = Counts::default();
        for a in engagements.iter().flat_map(|e| &e.artifacts) {
            match a.decision {
                Decision::Final => counts.final_ += 1,
                Decision::Draft => counts.draft += 1,
                Decision::Blocked => counts.blocked += 1,
            }
        }
        Summary {
            engagements,
            counts,
            wrote,
            timings: None,
            unchanged: 0,
            rendered_engagements: 0,
            rendered: Vec::new(),
            failed: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// Assembles an engagement's report: a function of its inputs alone (not of what this run
/// happened to render), so the file is the same however it was reached. Output
/// paths are relative to the output folder, so reports stay true when the folder is moved
/// or assembled from shards.
pub fn engagement_report(rules: &Rules, plan: &Plan) -> EngagementReport {
    let e = &plan.loaded.engagement;
    let current = rules
        .stage
        .iter()
        .position(|s| s.name == e.lifecycle_stage)
        .unwrap_or(0);
    let artifacts: Vec<ArtifactReport> = plan
        .artifacts
        .iter()
        .map(|artifact| {
            let (gated, rule) = (&artifact.gated, artifact.rule(rules));
            let ev = gated.evaluation();
            let outputs = if ev.decision == Decision::Blocked {
                Vec::new()
            } else {
                artifact
                    .files(rules)
                    .written(
                        rule,
                        gated.section(),
                        ev.decision == Decision::Final,
                        ev.einvoice,
                    )
                    .iter()
                    .map(|name| display_path(&Path::new(&e.id).join(name)))
                    .collect()
            };
            let stage = rules.stage.iter().position(|s| s.artifact == rule.kind);
            let has_data = artifact.view.is_some()
                || !plan
                    .state
                    .get(&rule.section)
                    .is_none_or(serde_json::Value::is_null);
            let progress = match ev.decision {
                _ if !has_data => Progress::NotStarted,
                Decision::Blocked
                    if stage.is_some_and(|i| i > current)
                        && plan.route.target.as_deref() != Some(rule.kind.as_str()) =>
                {
                    Progress::NotStarted
                }
                Decision::Final => Progress::Final,
                Decision::Draft => Progress::Draft,
                Decision::Blocked => Progress::Blocked,
            };
            ArtifactReport {
                kind: rule.kind.clone(),
                key: artifact.key.clone(),
                title: rule.title.clone(),
                stage: stage.map(|i| rules.stage[i].name.clone()),
                progress,
                document_id: ev.document_id.clone(),
                decision: ev.decision,
                reasons: ev.reasons.clone(),
                approvals_used: ev.approvals_used.clone(),
                missing_approvals: ev.missing.clone(),
                blocked_by: ev.blocked_by.clone(),
                missing_facts: ev.missing_facts.clone(),
                open_questions: ev.open_questions.clone(),
                outputs,
                prepared_by: ev.prepared_by.clone(),
                exceptions: ev.exceptions.clone(),
                input_digest: ev.input_digest.total.clone(),
                billing: ev.billing.clone(),
                kept_as_issued: None,
                receivable: plan
                    .account
                    .invoices
                    .iter()
                    .find(|i| i.name == artifact.name(rules))
                    .filter(|_| rule.special() == Some(crate::model::Special::Invoice))
                    .cloned(),
            }
        })
        .collect();
    let mut open_questions = Vec::new();
    collect_tbd(&plan.state, "", &mut open_questions);
    let open_questions = open_questions
        .into_iter()
        .map(|q| q.trim_start_matches('.').to_string())
        .collect();
    EngagementReport {
        engagement: e.id.clone(),
        client: e.client.clone(),
        workflow: e.workflow.clone(),
        lifecycle_stage: e.lifecycle_stage.clone(),
        approvals: plan
            .loaded
            .manifest
            .approval
            .iter()
            .map(|a| ApprovalView::of(a, e))
            .collect(),
        trust: rules.trust,
        unverified: (rules.trust == crate::model::Trust::Evidence)
            .then(|| crate::model::Trust::UNVERIFIED.to_string()),
        requests: plan.requests.clone(),
        open_questions,
        stages: rules
            .stage
            .iter()
            .map(|stage| HandoffStage {
                stage: stage.name.clone(),
                artifact: stage.artifact.clone(),
                progress: Progress::of_all(
                    artifacts
                        .iter()
                        .filter(|a: &&ArtifactReport| a.kind == stage.artifact)
                        .map(|a| a.progress),
                ),
                gate: stage.gate.clone(),
            })
            .collect(),
        artifacts,
        route: plan.route.clone(),
        receivables: (!plan.account.invoices.is_empty() || !plan.account.held.is_empty())
            .then(|| plan.account.clone()),
        overdue: overdue_notes(rules, plan),
    }
}

/// Each overdue invoice in words, with its reminder: ready to send, waiting on what, or not
/// due yet.
fn overdue_notes(rules: &Rules, plan: &Plan) -> Vec<String> {
    use crate::receivables::State;
    let reminders: Vec<(&crate::model::Reminder, &crate::gate::Evaluation)> = plan
        .artifacts
        .iter()
        .filter(|a| a.rule(rules).special() == Some(crate::model::Special::Reminder))
        .filter_map(|a| {
            let r = plan.engagement_of(a).reminder.one()?;
            Some((r, a.gated.evaluation()))
        })
        .collect();
    plan.account
        .invoices
        .iter()
        .filter(|i| i.state == State::Overdue)
        .map(|i| {
            let open = crate::money::Currency::from_code(&i.currency).map_or_else(
                || i.open.to_string(),
                |c| crate::money::format_amount(i.open, c),
            );
            let head = format!(
                "invoice {} is {} day{} overdue ({} {open} open)",
                i.number,
                i.days_overdue,
                if i.days_overdue == 1 { "" } else { "s" },
                i.currency
            );
            let tail = match reminders.iter().find(|(r, _)| r.invoice == i.number) {
                Some((r, ev)) => {
                    let which = format!("reminder {} ({})", r.stage_number, r.stage);
                    match ev.decision {
                        Decision::Final => format!("{which} is ready to send"),
                        _ => {
                            let waits: Vec<String> = ev
                                .blocked_by
                                .iter()
                                .chain(&ev.missing)
                                .map(|m| format!("{} approval to {}", m.gate, m.action))
                                .collect();
                            format!("{which} is waiting on {}", and_list(&waits))
                        }
                    }
                }
                None => {
                    let next = rules
                        .reminder
                        .iter()
                        .enumerate()
                        .find(|(_, st)| !i.reminders_sent.contains(&st.name));
                    match next {
                        Some((n, st)) => format!(
                            "reminder {} ({}) is due from day {}",
                            n + 1,
                            st.name,
                            st.days
                        ),
                        None if rules.reminder.is_empty() => {
                            "no reminder stages are defined".into()
                        }
                        None => "every reminder stage has been sent".into(),
                    }
                }
            };
            format!("{head}: {tail}")
        })
        .collect()
}

/// Shows an issued document that the build kept as issued as what it is: final, under the
/// number it was issued with, with the files it was issued with. The gate's own account
/// stays beside it (its reasons, and the approvals now missing, a stale one included), so
/// the report says both what the client holds and why a rebuild would not issue it today.
pub fn show_issued(report: &mut EngagementReport, issued: &Entry) {
    let engagement = report.engagement.clone();
    let Some(a) = report
        .artifacts
        .iter_mut()
        .find(|a| a.kind == issued.kind && a.key == issued.key)
    else {
        return;
    };
    a.reasons.insert(
        0,
        format!(
            "issued as {} on {} (ledger record {}) and kept as issued: the gate now says {}, \
             which no issued document follows",
            issued.document_id,
            issued.time,
            issued.seq,
            a.decision.as_str()
        ),
    );
    a.kept_as_issued = Some(KeptAsIssued {
        ledger_record: issued.seq,
        issued_on: issued.time.clone(),
        gate_now: a.decision,
    });
    a.decision = Decision::Final;
    a.progress = Progress::Final;
    a.document_id = issued.document_id.clone();
    a.outputs = issued
        .outputs
        .keys()
        .map(|name| display_path(&Path::new(&engagement).join(name)))
        .collect();
}

/// Paths in reports use `/`, whatever the platform.
pub(crate) fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Whom to ask for a missing approval: the owner of an unfinished track waiting on that
/// gate and scope; else whoever the manifest names for that gate and scope; else the next
/// owner; else TBD.
pub(crate) fn approval_owner(report: &EngagementReport, m: &crate::gate::Missing) -> String {
    let known = |s: &str| !crate::text::is_tbd(s);
    let track = report.route.tracks.iter().find(|t| {
        t.gate.as_deref() == Some(m.gate.as_str())
            && t.scope.as_deref().is_none_or(|s| s == m.scope)
            && t.status != TrackStatus::Done
            && known(&t.owner)
    });
    if let Some(t) = track {
        return t.owner.clone();
    }
    let named = report
        .approvals
        .iter()
        .filter(|a| a.gate == m.gate && a.scope == m.scope)
        .find_map(|a| {
            a.approver
                .as_ref()
                .filter(|n| known(n))
                .map(|n| match &a.role {
                    Some(role) if known(role) => format!("{n}, {role}"),
                    _ => n.clone(),
                })
        });
    named.unwrap_or_else(|| report.route.next_owner.clone())
}

/// Pretty JSON with a trailing newline.
pub fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect(NEVER_FAILS);
    bytes.push(b'\n');
    bytes
}

/// Why serializing a report cannot fail: its types derive `Serialize`, their maps have
/// string keys and their values are plain data (no custom serializer that could refuse).
const NEVER_FAILS: &str = "docket's report types always serialize to JSON";

/// A report value as JSON (see [`NEVER_FAILS`]).
fn json_value<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).expect(NEVER_FAILS)
}

/// Every decision as a table, one block per engagement (what `docket check` and a small
/// `docket build` print).
pub fn table(summary: &Summary) -> String {
    use std::fmt::Write;
    let kind_width = summary
        .engagements
        .iter()
        .flat_map(|e| &e.artifacts)
        .map(|a| a.name().len())
        .max()
        .unwrap_or(0);
    let id_width = summary
        .engagements
        .iter()
        .flat_map(|e| &e.artifacts)
        .map(|a| a.document_id.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for e in &summary.engagements {
        let _ = writeln!(
            out,
            "{} ({}): lifecycle stage {}",
            e.engagement, e.client, e.lifecycle_stage
        );
        if let Some(u) = &e.unverified {
            let _ = writeln!(out, "  warning: {u}");
        }
        for a in &e.artifacts {
            let mark = match a.decision {
                Decision::Final => "final  ",
                Decision::Draft => "draft  ",
                Decision::Blocked => "blocked",
            };
            let _ = writeln!(
                out,
                "  {mark}  {:<kind_width$}  {:<id_width$}  {}",
                a.name(),
                a.document_id,
                a.reasons.first().map(String::as_str).unwrap_or("")
            );
        }
    }
    out
}

/// One JSON line (JSON Lines, for `watch --json`): a value that cannot be serialized is an
/// internal error object, still one line.
pub fn json_line<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| {
        format!(r#"{{"error":{{"code":"internal","message":"cannot serialize: {e}"}}}}"#)
    })
}
