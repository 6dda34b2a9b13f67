//! The verbs that write nothing: `check`, `next`, `handoff`, `receivables`, `verify`,
//! `schema`. Each plans (load, validate, gate, route) or reads the ledgers, and reports.

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use std::fmt::Write;

use super::{Context, Reply, Text, Workspace};
use crate::error::{Error, Result};
use crate::options::Options;
use crate::plan::plan;
use crate::record::{issued, ledger};
use crate::report::{self, Handoff, Summary};

/// Which engagements: the arguments of `check`, `handoff`, `receivables` and `verify`.
#[derive(Debug, Clone, Default, clap::Args, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Select {
    /// Only this engagement (an id: its folder name under the data folder); repeatable;
    /// all when absent.
    #[arg(long = "engagement", short = 'e', value_name = "ID")]
    #[serde(default)]
    pub engagements: Vec<String>,
}

/// Arguments of `next`.
#[derive(Debug, Clone, Default, clap::Args, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NextRequest {
    /// Only this engagement (an id: its folder name under the data folder); repeatable;
    /// all when absent.
    #[arg(long = "engagement", short = 'e', value_name = "ID")]
    #[serde(default)]
    pub engagements: Vec<String>,
    /// Route to this artifact kind instead of the earliest missing lifecycle artifact.
    #[arg(long, value_name = "KIND")]
    pub want: Option<String>,
}

/// `docket check`: everything `build` decides, nothing written. An issued document the
/// build would keep as issued shows as issued.
pub fn check(workspace: &Workspace, request: Select) -> Result<Summary> {
    workspace.check_ids(&request.engagements)?;
    decide(&workspace.options(&request.engagements))
}

/// [`check`] over resolved options.
pub fn decide(options: &Options) -> Result<Summary> {
    let (project, plans) = plan(options)?;
    // The translations every document is worded from: a gap is a located error here, as it
    // is before a build renders anything; and each engagement's locale must be one of them.
    let locales = crate::locale::Locales::load(&options.templates)?;
    locales.check()?;
    crate::board::locale(&locales, &project.rules, project.rules_file.as_deref())?;
    for p in &plans {
        let e = &p.loaded.engagement;
        locales
            .for_engagement(e.locale.as_deref())
            .map_err(|message| {
                Error::data(
                    crate::load::locate(&p.loaded.engagement_file, "locale"),
                    message,
                )
            })?;
    }
    let reports = plans
        .par_iter()
        .map(|p| {
            let mut report = report::engagement_report(&project.rules, p);
            // As the build reports them: an issued document the build would keep as issued
            // shows as issued. (One the build would refuse shows the gate's own account.)
            let records = &p.records;
            for a in &p.artifacts {
                let rule = a.rule(&project.rules);
                if rule.issued
                    && let Ok(issued::Verdict::Keep) =
                        issued::guard(rule, a.gated.evaluation(), None, records, &|_| None)
                    && let Some(issued) =
                        issued::latest_issued(records, &rule.kind, a.key.as_deref())
                {
                    report::show_issued(&mut report, issued);
                }
            }
            Ok(report)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Summary::new(reports, false))
}

impl Reply for Summary {
    fn failure(&self) -> Option<Error> {
        (!self.failed.is_empty()).then_some(Error::NotBuilt {
            count: self.failed.len(),
        })
    }

    /// `docket check`: every decision as a table, then the counts.
    fn text(&self, _context: &Context) -> Text {
        Text {
            out: report::table(self),
            err: format!(
                "checked {} engagement(s): {} final, {} draft, {} blocked; nothing written\n",
                self.engagements.len(),
                self.counts.final_,
                self.counts.draft,
                self.counts.blocked
            ),
        }
    }
}

/// Where each engagement goes next (`docket next`): one route, or `{"routes": [...]}`.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Next {
    /// The route(s) as JSON.
    pub value: Value,
    /// The decisions they were made from (for the CLI's text).
    #[serde(skip)]
    pub summary: Summary,
}

impl Reply for Next {
    /// Each engagement's route, blockers, warnings and the requests waiting for a signer.
    fn text(&self, _context: &Context) -> Text {
        let mut out = String::new();
        for e in &self.summary.engagements {
            let r = &e.route;
            let _ = writeln!(out, "{} ({})", e.engagement, e.client);
            let _ = writeln!(out, "  lifecycle stage  {}", r.lifecycle_stage);
            let _ = writeln!(out, "  next skill       {}", r.next_skill.join(" -> "));
            let _ = writeln!(out, "  next action      {}", r.next_action);
            let _ = writeln!(out, "  next owner       {}", r.next_owner);
            let _ = writeln!(out, "  because          {}", r.reason);
            for b in report::blockers(e) {
                let _ = writeln!(
                    out,
                    "  blocker          {}: {} (ask {})",
                    b.blocks, b.blocker, b.owner
                );
            }
            for w in &r.warnings {
                let _ = writeln!(out, "  warning          {w}");
            }
            for o in &e.overdue {
                let _ = writeln!(out, "  overdue          {o}");
            }
            for h in e.receivables.iter().flat_map(|a| &a.held) {
                let _ = writeln!(out, "  payment held     {h}");
            }
            for q in &e.requests {
                let _ = writeln!(
                    out,
                    "  request          {} {} ({}), asked by {}: {}",
                    q.artifact,
                    q.gate,
                    q.actions.join(", "),
                    q.requested_by,
                    q.reason
                );
                let _ = writeln!(
                    out,
                    "                   can grant: {}",
                    if q.can_grant.is_empty() {
                        "nobody in the roster (approvers.toml)".to_string()
                    } else {
                        q.can_grant.join("; ")
                    }
                );
                let _ = writeln!(out, "                   they run: {}", q.command);
            }
            if let Some(u) = &e.unverified {
                let _ = writeln!(out, "  unverified       {u}");
            }
        }
        Text {
            out,
            err: String::new(),
        }
    }
}

/// `docket next`.
pub fn next(workspace: &Workspace, request: NextRequest) -> Result<Next> {
    workspace.check_ids(&request.engagements)?;
    let mut options = workspace.options(&request.engagements);
    options.want = request.want;
    let summary = decide(&options)?;
    Ok(Next {
        value: report::next_json(&summary),
        summary,
    })
}

/// Handoff packages: one engagement's as it is, several as `{"handoffs": [...]}` (the shape
/// of `next`).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Handoffs {
    /// One engagement.
    One(Box<Handoff>),
    /// Several (or none).
    Many {
        /// Each engagement's package.
        handoffs: Vec<Handoff>,
    },
}

impl Handoffs {
    /// Every package.
    pub fn iter(&self) -> impl Iterator<Item = &Handoff> {
        match self {
            Handoffs::One(one) => std::slice::from_ref(one.as_ref()).iter(),
            Handoffs::Many { handoffs } => handoffs.iter(),
        }
    }
}

impl Reply for Handoffs {
    /// Each package as handoff.md reads.
    fn text(&self, _context: &Context) -> Text {
        let mut out = String::new();
        for h in self.iter() {
            let _ = writeln!(out, "{}", report::handoff_markdown(h));
        }
        Text {
            out,
            err: String::new(),
        }
    }
}

/// `docket handoff`.
pub fn handoff(workspace: &Workspace, request: Select) -> Result<Handoffs> {
    let summary = check(workspace, request)?;
    let mut handoffs: Vec<Handoff> = summary.engagements.iter().map(report::handoff).collect();
    Ok(if handoffs.len() == 1 {
        Handoffs::One(Box::new(handoffs.remove(0)))
    } else {
        Handoffs::Many { handoffs }
    })
}

/// Arguments of `receivables`.
pub type ReceivablesRequest = Select;

impl Reply for crate::receivables::Receivables {
    /// Per client and currency, then per currency, as a table.
    fn text(&self, _context: &Context) -> Text {
        Text {
            out: crate::receivables::table(self),
            err: String::new(),
        }
    }
}

/// `docket receivables`: what every client owes, per currency, with aging, the longest
/// overdue first; nothing written.
pub fn receivables(
    workspace: &Workspace,
    request: Select,
) -> Result<crate::receivables::Receivables> {
    workspace.check_ids(&request.engagements)?;
    let (_, plans) = plan(&workspace.options(&request.engagements))?;
    Ok(crate::receivables::by_client(plans.iter().map(|p| {
        let e = &p.loaded.engagement;
        (e.client.as_str(), e.id.as_str(), &p.account)
    })))
}

/// What `docket verify` found for one engagement.
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    /// Engagement id.
    pub engagement: String,
    /// The ledger checked.
    pub ledger: String,
    /// Records in it.
    pub records: usize,
    /// Everything wrong (empty: the chain holds and every recorded output is intact).
    pub problems: Vec<ledger::Problem>,
}

/// What `docket verify` found, per engagement.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    /// Each engagement checked.
    pub engagements: Vec<Verified>,
}

impl Verification {
    /// Problems found, in all.
    pub fn problems(&self) -> usize {
        self.engagements.iter().map(|v| v.problems.len()).sum()
    }
}

impl Reply for Verification {
    fn failure(&self) -> Option<Error> {
        let bad = self.problems();
        (bad > 0).then(|| Error::Verify(format!("verify found {bad} problem(s)")))
    }

    /// One line per intact engagement, one per problem.
    fn text(&self, _context: &Context) -> Text {
        let mut out = String::new();
        for v in &self.engagements {
            if v.problems.is_empty() {
                let _ = writeln!(
                    out,
                    "{}: ledger intact ({} records), every recorded output unchanged",
                    v.engagement, v.records
                );
            }
            for p in &v.problems {
                let _ = writeln!(out, "{}: {}: {}", v.engagement, p.file, p.message);
            }
        }
        Text {
            out,
            err: String::new(),
        }
    }
}

/// `docket verify`: checks every engagement's ledger both ways: the chain and its head
/// (nothing changed, reordered or cut off the end), that each recorded output on disk still
/// matches its digest, and that each final output on disk has its record.
pub fn verify(workspace: &Workspace, request: Select) -> Result<Verification> {
    workspace.check_ids(&request.engagements)?;
    let project = crate::load::load(&workspace.data)?;
    let engagements = project
        .engagements
        .iter()
        .filter(|l| {
            request.engagements.is_empty() || request.engagements.contains(&l.engagement.id)
        })
        .map(|l| {
            let path = ledger::path(&l.dir);
            let records = ledger::read(&path)?.len();
            // Every artifact the engagement has: each kind, each instance of a kind written
            // as an array of tables.
            let artifacts: Vec<(String, Option<String>)> = project
                .rules
                .kind
                .iter()
                .flat_map(|rule| {
                    let keys = l
                        .engagement
                        .instance_keys(&rule.section)
                        .filter(|k| !k.is_empty())
                        .unwrap_or_else(|| vec![None]);
                    keys.into_iter().map(|key| (rule.kind.clone(), key))
                })
                .collect();
            let mut problems = ledger::verify(&path, &workspace.out)?;
            problems.extend(crate::record::archive::check(&l.dir, &ledger::read(&path)?));
            problems.extend(ledger::unrecorded_finals(
                &path,
                &workspace.out,
                &l.engagement.id,
                &artifacts,
            )?);
            Ok(Verified {
                engagement: l.engagement.id.clone(),
                ledger: path.display().to_string(),
                records,
                problems,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Verification { engagements })
}

/// Arguments of `schema`.
#[derive(Debug, Clone, Default, clap::Args, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemaRequest {
    /// One of engagement, approvals, rules, build-report, handoff, receivables, error,
    /// watch; every one (as one JSON object keyed by name) when absent.
    pub name: Option<String>,
}

/// A JSON Schema, or every one keyed by name.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Schema(pub Value);

impl Reply for Schema {}

/// `docket schema`.
pub fn schema(_workspace: &Workspace, request: SchemaRequest) -> Result<Schema> {
    Ok(Schema(match request.name {
        Some(name) => crate::commands::schema::schema(&name)?,
        None => crate::commands::schema::all()?,
    }))
}

/// Arguments of `kinds`: none (the data folder's rules are the answer).
#[derive(Debug, Clone, Default, clap::Args, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KindsRequest {}

/// The artifact kinds the rules define, in lifecycle order.
#[derive(Debug, Clone, Serialize)]
pub struct Kinds {
    /// Each kind as the rules define it: title, owning skill, data section, template and
    /// layout, the approvals it is blocked without (`blocked_unless`) and those a final
    /// document requires (`final_requires`), its required facts, whether it is issued.
    pub kinds: Vec<crate::model::KindRule>,
}

impl Reply for Kinds {
    /// Each kind, then what blocks it and what makes it final.
    fn text(&self, _context: &Context) -> Text {
        let needs = |reqs: &[crate::model::Requirement]| {
            let list: Vec<String> = reqs
                .iter()
                .map(|r| format!("{} approval to {}", r.gate, r.action))
                .collect();
            if list.is_empty() {
                "nothing".to_string()
            } else {
                list.join(", ")
            }
        };
        let mut out = String::new();
        for k in &self.kinds {
            let _ = writeln!(
                out,
                "{} ({}, [{}], skill {})",
                k.kind, k.title, k.section, k.skill
            );
            let _ = writeln!(out, "  blocked without  {}", needs(&k.blocked_unless));
            let _ = writeln!(out, "  final needs      {}", needs(&k.final_requires));
            if !k.required_facts.is_empty() {
                let _ = writeln!(out, "  required facts   {}", k.required_facts.join(", "));
            }
        }
        Text {
            out,
            err: String::new(),
        }
    }
}

/// `docket kinds`: what can be rendered and what each kind's gate asks for (which gate,
/// action and scope an approval must name); nothing written.
pub fn kinds(workspace: &Workspace, _request: KindsRequest) -> Result<Kinds> {
    Ok(Kinds {
        kinds: crate::load::rules(&workspace.data)?.kind,
    })
}
