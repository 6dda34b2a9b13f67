//! The handoff package: what the next skill receives (artifacts, decisions, open
//! questions, blockers, approvals, tracks, next owner), as handoff.json and handoff.md, and
//! the route `docket next` prints.

use super::*;

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

fn status_name(track: &Track) -> &'static str {
    match track.status {
        crate::model::TrackStatus::Active => "active",
        crate::model::TrackStatus::Blocked => "blocked",
        crate::model::TrackStatus::DraftOnly => "draft only",
        crate::model::TrackStatus::Done => "done",
    }
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
