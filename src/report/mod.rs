//! Reports: what was decided and why, for people (tables, handoff.md) and for machines
//! (build-report.json, handoff.json, `--json`). Every gate decision is recorded here with
//! the approvals and evidence behind it.

pub mod row;

use std::path::Path;

use serde::Serialize;

use crate::approval::ApprovalView;
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

/// The seed's handoff package (`handoff.json`, `handoff.md`): artifact paths, decisions,
/// open questions, blockers, approvals, next owner (the seed's names), led by what matters
/// to the next owner: the blockers and the next step.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Handoff {
    /// Engagement id.
    pub engagement: String,
    /// Client.
    pub client: String,
    /// Workflow.
    pub workflow: String,
    /// Lifecycle stage.
    pub lifecycle_stage: String,
    /// What stands between the engagement and its next step, each with the owner to ask:
    /// the approvals and facts the next artifact waits on, blocked artifacts at or before
    /// the current stage, and tracks with a blocker. Stages not reached are not blockers.
    pub blockers: Vec<Blocker>,
    /// Skills to invoke next, in order.
    pub next_skill: Vec<String>,
    /// Next action.
    pub next_action: String,
    /// Next owner.
    pub next_owner: String,
    /// Where the data's own next step disagrees with routing.
    pub warnings: Vec<String>,
    /// Each lifecycle stage and where its artifact stands.
    pub stages: Vec<HandoffStage>,
    /// Artifact paths by kind (rendered ones).
    pub artifact_paths: Vec<HandoffArtifact>,
    /// Decisions per artifact, with their reasons.
    pub decisions: Vec<HandoffDecision>,
    /// Open questions (TBD facts).
    pub open_questions: Vec<String>,
    /// Approvals as the gate reads them.
    pub approvals: Vec<ApprovalView>,
    /// Whose word the gate took (`signed` or `evidence`).
    pub trust: crate::model::Trust,
    /// Set under `trust = "evidence"`: approvals are unverified, in a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
    /// Requests waiting on an approver, with who can grant each and the command.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<crate::trust::Request>,
    /// Parallel tracks.
    pub tracks: Vec<Track>,
}

/// One thing in the way, and whom to ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Blocker {
    /// What it holds up: an artifact kind, or `track <name>`.
    pub blocks: String,
    /// What is in the way, with what the record holds (e.g. who recorded what).
    pub blocker: String,
    /// Whom to ask.
    pub owner: String,
}

/// A lifecycle stage in the handoff.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct HandoffStage {
    /// Stage name.
    pub stage: String,
    /// Its artifact kind.
    pub artifact: String,
    /// Where the artifact stands.
    pub progress: Progress,
    /// The gate before the next stage, in words.
    pub gate: String,
}

/// An artifact's paths in the handoff.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct HandoffArtifact {
    /// Kind.
    pub kind: String,
    /// Document id.
    pub document_id: String,
    /// Files.
    pub paths: Vec<String>,
}

/// An artifact's decision in the handoff.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct HandoffDecision {
    /// Kind.
    pub kind: String,
    /// final, draft or blocked.
    pub decision: Decision,
    /// final, draft, blocked or not started.
    pub progress: Progress,
    /// Why.
    pub reasons: Vec<String>,
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
                    .filter(|_| rule.section == "invoice")
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
        .filter(|a| a.rule(rules).section == "reminder")
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

/// What `docket next --json` prints: per engagement its route and blockers (one object for
/// one engagement, `{"routes": [...]}` for several).
pub fn next_json(summary: &Summary) -> serde_json::Value {
    let mut routes: Vec<serde_json::Value> = summary
        .engagements
        .iter()
        .map(|e| {
            let mut value = json_value(&e.route);
            value["engagement"] = serde_json::Value::String(e.engagement.clone());
            value["blockers"] = json_value(&blockers(e));
            value["overdue"] = json_value(&e.overdue);
            if !e.requests.is_empty() {
                value["requests"] = json_value(&e.requests);
            }
            if let Some(u) = &e.unverified {
                value["unverified"] = serde_json::Value::String(u.clone());
            }
            value
        })
        .collect();
    if routes.len() == 1 {
        routes.remove(0)
    } else {
        serde_json::json!({ "routes": routes })
    }
}

/// Paths in reports use `/`, whatever the platform.
pub(crate) fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The handoff package of an engagement report.
pub fn handoff(report: &EngagementReport) -> Handoff {
    Handoff {
        engagement: report.engagement.clone(),
        client: report.client.clone(),
        workflow: report.workflow.clone(),
        lifecycle_stage: report.lifecycle_stage.clone(),
        blockers: blockers(report),
        next_skill: report.route.next_skill.clone(),
        next_action: report.route.next_action.clone(),
        next_owner: report.route.next_owner.clone(),
        warnings: report.route.warnings.clone(),
        stages: report.stages.clone(),
        artifact_paths: report
            .artifacts
            .iter()
            .filter(|a| !a.outputs.is_empty())
            .map(|a| HandoffArtifact {
                kind: a.name(),
                document_id: a.document_id.clone(),
                paths: a.outputs.clone(),
            })
            .collect(),
        decisions: report
            .artifacts
            .iter()
            .map(|a| HandoffDecision {
                kind: a.name(),
                decision: a.decision,
                progress: a.progress,
                reasons: a.reasons.clone(),
            })
            .collect(),
        open_questions: report.open_questions.clone(),
        approvals: report.approvals.clone(),
        trust: report.trust,
        unverified: report.unverified.clone(),
        requests: report.requests.clone(),
        tracks: report.route.tracks.clone(),
    }
}

/// What stands between an engagement and its next step, each with the owner to ask.
///
/// The artifact routing aims at comes first, with every approval it waits on (and what the
/// manifest holds instead: a bare `approved` shows as recorded by no one) and every
/// required fact still TBD; then the artifacts that are blocked at or before the current
/// stage (or outside the lifecycle) although their data is there; then each unfinished
/// track's blocker. Artifacts of stages not reached yet are "not started", not blockers.
pub fn blockers(report: &EngagementReport) -> Vec<Blocker> {
    let route = &report.route;
    let mut out: Vec<Blocker> = Vec::new();
    let mut push = |b: Blocker| {
        if !out.contains(&b) {
            out.push(b);
        }
    };
    let target = route
        .target
        .as_deref()
        .and_then(|t| {
            // Of a kind with many documents, the first that is not final.
            let mut of_kind = report.artifacts.iter().filter(|a| a.kind == t);
            of_kind
                .clone()
                .find(|a| a.progress != Progress::Final)
                .or(of_kind.next())
        })
        .filter(|a| a.progress != Progress::Final);
    let others = report
        .artifacts
        .iter()
        .filter(|a| a.progress == Progress::Blocked && target.is_none_or(|t| t.name() != a.name()));
    for a in target.into_iter().chain(others) {
        for m in a.blocked_by.iter().chain(&a.missing_approvals) {
            push(Blocker {
                blocks: a.name(),
                blocker: m.describe(),
                owner: approval_owner(report, m),
            });
        }
        for fact in &a.missing_facts {
            push(Blocker {
                blocks: a.name(),
                blocker: format!("{fact} is TBD"),
                owner: route.next_owner.clone(),
            });
        }
        if a.blocked_by.is_empty() && a.missing_approvals.is_empty() && a.missing_facts.is_empty() {
            for reason in a.reasons.iter().filter(|_| a.progress != Progress::Final) {
                push(Blocker {
                    blocks: a.name(),
                    blocker: reason.clone(),
                    owner: route.next_owner.clone(),
                });
            }
        }
    }
    for t in &route.tracks {
        if let Some(b) = t.blocker.as_ref().filter(|_| t.status != TrackStatus::Done) {
            push(Blocker {
                blocks: format!("track {} ({})", t.name, status_name(t)),
                blocker: b.clone(),
                owner: t.owner.clone(),
            });
        }
    }
    out
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

fn status_name(track: &Track) -> &'static str {
    match track.status {
        crate::model::TrackStatus::Active => "active",
        crate::model::TrackStatus::Blocked => "blocked",
        crate::model::TrackStatus::DraftOnly => "draft only",
        crate::model::TrackStatus::Done => "done",
    }
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

/// The handoff as Markdown for people, leading with what matters: what is in the way and
/// the next step, then where each stage stands, then the seed's table and the details.
/// Every value is Markdown-escaped.
pub fn handoff_markdown(h: &Handoff) -> String {
    let esc = |s: &str| escape_markdown(s);
    let mut md = String::new();
    md.push_str(&format!("# Handoff: {}\n\n", esc(&h.client)));
    md.push_str(&format!(
        "**Next:** {}: {} (owner: {})\n\n",
        esc(&h.next_skill.join(" → ")),
        esc(&h.next_action),
        esc(&h.next_owner)
    ));
    for w in &h.warnings {
        md.push_str(&format!("> **Warning:** {}\n\n", esc(w)));
    }
    if let Some(u) = &h.unverified {
        md.push_str(&format!("> **Warning:** {}\n\n", esc(u)));
    }
    md.push_str("## Blockers\n\n");
    if h.blockers.is_empty() {
        md.push_str("None.\n");
    } else {
        md.push_str("| Holds up | Blocker | Ask |\n|---|---|---|\n");
        for b in &h.blockers {
            md.push_str(&format!(
                "| {} | {} | {} |\n",
                esc(&b.blocks),
                esc(&b.blocker),
                esc(&b.owner)
            ));
        }
    }
    if !h.requests.is_empty() {
        md.push_str("\n## Requests\n\nAsked, not approved: each counts once a person who may grant it signs.\n\n| Asks for | Asked by | Why | Can grant | Command |\n|---|---|---|---|---|\n");
        for q in &h.requests {
            md.push_str(&format!(
                "| {} {} ({}) | {} | {} | {} | `{}` |\n",
                esc(&q.artifact),
                esc(&q.gate),
                esc(&q.actions.join(", ")),
                esc(&q.requested_by),
                esc(&q.reason),
                esc(&q.can_grant.join("; ")),
                q.command.replace('`', "'").replace('|', "\\|")
            ));
        }
    }
    let signed: Vec<&ApprovalView> = h
        .approvals
        .iter()
        .filter(|a| a.signed_by.is_some())
        .collect();
    if !signed.is_empty() {
        md.push_str("\n## Signatures\n\n| Approval | Approved by | Signed by | Key | Date |\n|---|---|---|---|---|\n");
        for a in signed {
            let Some(s) = &a.signed_by else { continue };
            let what = match &a.artifact {
                Some(artifact) => format!("{} {}", esc(artifact), esc(&a.gate)),
                None => esc(&a.gate),
            };
            md.push_str(&format!(
                "| {what} ({}) | {} | {} <{}>{} | {} | {} |\n",
                esc(&a.actions.join(", ")),
                esc(a.approver.as_deref().unwrap_or("")),
                esc(&s.name),
                esc(&s.principal),
                if s.attested { ", attesting" } else { "" },
                esc(&s.fingerprint),
                esc(a.date.as_deref().unwrap_or(""))
            ));
        }
    }
    md.push_str("\n## Stages\n\n| Stage | Artifact | Where it stands | Gate before next |\n|---|---|---|---|\n");
    for st in &h.stages {
        let here = if st.stage == h.lifecycle_stage {
            " (current)"
        } else {
            ""
        };
        md.push_str(&format!(
            "| {}{here} | {} | {} | {} |\n",
            esc(&st.stage),
            esc(&st.artifact),
            st.progress.as_str(),
            esc(&st.gate)
        ));
    }
    md.push_str(&format!(
        "\n## State\n\n| Field | Value |\n|---|---|\n| client | {} |\n| workflow | {} |\n| lifecycle_stage | {} |\n",
        esc(&h.client),
        esc(&h.workflow),
        esc(&h.lifecycle_stage)
    ));
    for a in &h.approvals {
        md.push_str(&format!(
            "| approvals.{} ({}) | {} |\n",
            esc(&a.gate),
            esc(&a.scope),
            esc(&a.describe())
        ));
    }
    md.push_str(&format!(
        "| next_skill | {} |\n| next_action | {} |\n| next_owner | {} |\n\n",
        esc(&h.next_skill.join(" → ")),
        esc(&h.next_action),
        esc(&h.next_owner)
    ));
    md.push_str("## Decisions\n\n| Artifact | Where it stands | Why |\n|---|---|---|\n");
    for d in &h.decisions {
        md.push_str(&format!(
            "| {} | {} | {} |\n",
            esc(&d.kind),
            d.progress.as_str(),
            esc(&d.reasons.join("; "))
        ));
    }
    md.push_str("\n## Artifact paths\n\n");
    for a in &h.artifact_paths {
        md.push_str(&format!(
            "- {} ({}): {}\n",
            esc(&a.kind),
            esc(&a.document_id),
            esc(&a.paths.join(", "))
        ));
    }
    md.push_str("\n## Tracks\n\n| Track | Status | Owner | Blocker |\n|---|---|---|---|\n");
    for t in &h.tracks {
        md.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            esc(&t.name),
            status_name(t),
            esc(&t.owner),
            esc(t.blocker.as_deref().unwrap_or("none"))
        ));
    }
    md.push_str("\n## Open questions\n\n");
    if h.open_questions.is_empty() {
        md.push_str("None.\n");
    }
    for q in &h.open_questions {
        md.push_str(&format!("- {} is TBD\n", esc(q)));
    }
    md
}
