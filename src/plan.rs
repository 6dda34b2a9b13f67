//! Planning: every engagement loaded, each of its artifacts gated, the engagement routed.
//!
//! A [`Plan`] is the unit the later stages work on (numbering, rendering, writing, the
//! reports): the loaded engagement, its state as templates see it, every artifact (each
//! instance of each kind) with the gate's verdict, its route, its ledger and what its client
//! owes. Planning writes nothing; `check`, `next` and `handoff` stop here.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::gate::{self, Gated, evaluate};
use crate::load::{self, Loaded, Project};
use crate::locale::{Locale, Locales};
use crate::model::Special;
use crate::options::Options;
use crate::record::{issued, ledger};
use crate::{billing, digest, einvoice, instances, model, receivables, route};

/// One engagement after gating and routing, before rendering.
#[derive(Debug)]
pub struct Plan {
    /// The requests in its manifest, each with who can grant it.
    pub requests: Vec<crate::trust::Request>,
    /// The loaded engagement.
    pub loaded: Loaded,
    /// Its project state as JSON (what templates see as `e`).
    pub state: Value,
    /// Its artifacts: every instance of every kind, in rules order, then data order (a kind
    /// with no data is one blocked artifact). The unit of work of the build.
    pub artifacts: Vec<Artifact>,
    /// Where it goes next.
    pub route: route::Route,
    /// Its ledger, read once: what it has issued (the guard, numbering and the report
    /// read it from here).
    pub records: Vec<ledger::Record>,
    /// What the client owes on the engagement's `as_of`: each issued invoice's state,
    /// payments, credits and aging.
    pub account: receivables::Account,
    /// The translations of the plan run (loaded once for all its engagements), in which the
    /// statement and the reminders are worded: [`crate::plan::restate`] words the statement
    /// again with them.
    pub(crate) locales: Arc<Locales>,
}

/// The engagement's locale (`locale = "de-DE"`; [`crate::locale::DEFAULT`] when it names
/// none). One the templates have no translations for is the renderer's located error (and
/// `docket check`'s): nothing is rendered in it, so its figures are prepared in the default
/// locale here rather than stop the plan of reports that render nothing.
fn engagement_locale<'l>(
    locales: &'l Locales,
    engagement: &model::Engagement,
) -> Result<&'l Locale> {
    locales
        .for_engagement(engagement.locale.as_deref())
        .or_else(|_| locales.for_engagement(None))
        .map_err(Error::Internal)
}

/// One artifact of an engagement: a kind's document, or one instance of a kind written as
/// an array of tables (`[[invoice]]`), with the gate's verdict on it.
#[derive(Debug)]
pub struct Artifact {
    /// Index of its kind in the rules.
    pub rule: usize,
    /// Its instance key (`None` for a kind written as one table without one).
    pub key: Option<String>,
    /// The gate's verdict.
    pub gated: Gated,
    /// For an instance of an array of tables: the engagement as the instance sees it (its
    /// section holding only this instance) and that engagement's state.
    pub(crate) view: Option<Box<(model::Engagement, Value)>>,
}

impl Artifact {
    /// Its kind's rule.
    pub fn rule<'r>(&self, rules: &'r model::Rules) -> &'r model::KindRule {
        &rules.kind[self.rule]
    }

    /// `invoice`, or `invoice:deposit` for a keyed instance.
    pub fn name(&self, rules: &model::Rules) -> String {
        instances::name(&rules.kind[self.rule].kind, self.key.as_deref())
    }

    /// Its files in the engagement's output folder.
    pub fn files(&self, rules: &model::Rules) -> crate::output::Files {
        crate::output::Files::of(&rules.kind[self.rule].kind, self.key.as_deref())
    }
}

impl Plan {
    /// The engagement as an artifact sees it (for an instance: its section holds only it).
    pub fn engagement_of<'a>(&'a self, artifact: &'a Artifact) -> &'a model::Engagement {
        artifact
            .view
            .as_ref()
            .map_or(&self.loaded.engagement, |v| &v.0)
    }

    /// The state an artifact's templates see as `e`.
    pub fn state_of<'a>(&'a self, artifact: &'a Artifact) -> &'a Value {
        artifact.view.as_ref().map_or(&self.state, |v| &v.1)
    }
}

/// Whether `--only` (`only`) selects an artifact: all when empty; `invoice` selects every
/// invoice, `invoice:deposit` one instance.
pub(crate) fn selected(only: &[String], artifact: &Artifact, rules: &model::Rules) -> bool {
    only.is_empty()
        || only.iter().any(|o| {
            let (kind, key) = instances::split(o);
            kind == rules.kind[artifact.rule].kind
                && (key.is_none() || key == artifact.key.as_deref())
        })
}

/// Loads, validates, gates and routes; renders and writes nothing.
pub fn plan(options: &Options) -> Result<(Project, Vec<Plan>)> {
    plan_where(options, &|_| true)
}

/// Whether an engagement folder belongs to this run's shard (`--shard K/N`): a stable hash
/// of its id (the folder name), so every machine computes the same partition.
pub fn in_shard(shard: Option<(u64, u64)>, dir: &Path) -> bool {
    match shard {
        None => true,
        Some((k, n)) => {
            use sha2::Digest;
            let digest = sha2::Sha256::digest(folder_name(dir).as_bytes());
            let mut first = [0u8; 8];
            first.copy_from_slice(&digest[..8]);
            u64::from_be_bytes(first) % n.max(1) == k
        }
    }
}

/// [`plan`] over the engagement folders `keep` accepts (and the options select).
fn plan_where(
    options: &Options,
    keep: &(dyn Fn(&Path) -> bool + Sync),
) -> Result<(Project, Vec<Plan>)> {
    let mut project = load_selected(options, keep)?;
    let templates = digest::TemplateDigests::load(&options.templates)?;
    let engagements = std::mem::take(&mut project.engagements);
    // The statement's and the reminders' words and figures, in each engagement's locale.
    let locales = Arc::new(Locales::load(&options.templates)?);
    let plans = plan_all(
        options,
        &project.rules,
        &project.roster,
        &templates,
        &locales,
        engagements,
    )?;
    Ok((project, plans))
}

/// Loads the engagements the options select (and `keep` accepts), checking the options
/// against what exists.
pub(crate) fn load_selected(
    options: &Options,
    keep: &(dyn Fn(&Path) -> bool + Sync),
) -> Result<Project> {
    let wanted = |dir: &Path| {
        in_shard(options.shard, dir)
            && (options.engagements.is_empty() || options.engagements.contains(&folder_name(dir)))
    };
    let selected = |dir: &Path| wanted(dir) && keep(dir);
    let (project, all_dirs) = if options.keep_going {
        load::load_keep_going(&options.data, &selected)?
    } else {
        load::load_where(&options.data, &selected)?
    };
    for only in &options.only {
        let (kind, key) = instances::split(only);
        if let Some(key) = key {
            instances::check_key(key).map_err(Error::Usage)?;
        }
        if project.rules.kind(kind).is_none() {
            let names: Vec<&str> = project.rules.kind.iter().map(|k| k.kind.as_str()).collect();
            return Err(Error::Usage(format!(
                "unknown artifact kind `{kind}`, expected one of {}",
                names.join(", ")
            )));
        }
    }
    for id in &options.engagements {
        if !all_dirs.iter().any(|d| &folder_name(d) == id) {
            let ids: Vec<String> = all_dirs.iter().map(|d| folder_name(d)).collect();
            return Err(Error::Usage(format!(
                "no engagement `{id}` under {} (found: {})",
                options.data.display(),
                if ids.is_empty() {
                    "none".to_string()
                } else {
                    ids.join(", ")
                }
            )));
        }
    }
    Ok(project)
}

/// Gates and routes loaded engagements, in parallel.
pub(crate) fn plan_all(
    options: &Options,
    rules: &model::Rules,
    roster: &crate::trust::Roster,
    templates: &digest::TemplateDigests,
    locales: &Arc<Locales>,
    engagements: Vec<Loaded>,
) -> Result<Vec<Plan>> {
    engagements
        .into_par_iter()
        .map(|mut loaded| {
            // Signatures are verified once per record, before any gate reads them.
            if rules.trust == model::Trust::Signed {
                crate::trust::prove_manifest(&mut loaded.manifest, &loaded.engagement, roster);
            }
            let requests = crate::trust::requests(&loaded.manifest, &loaded.engagement, roster);
            let locale = engagement_locale(locales, &loaded.engagement)?;
            let state = serde_json::to_value(&loaded.engagement)
                .map_err(|e| Error::Internal(e.to_string()))?;
            let records = ledger::read(&ledger::path(&loaded.dir))?;
            let gating = Gating {
                rules,
                templates,
                state: &state,
            };
            let mut artifacts: Vec<Artifact> = Vec::new();
            let mut checks = Vec::new();
            let mut account = None;
            for phase in Phase::ALL {
                // What the phase's kinds need from those gated before it.
                match phase {
                    Phase::Documents => {}
                    Phase::Billing => {
                        let approved: Vec<bool> = artifacts
                            .iter()
                            .filter(|a| rules.kind[a.rule].special() == Some(Special::ChangeOrder))
                            .map(|a| a.gated.evaluation().decision == gate::Decision::Final)
                            .collect();
                        checks = billing::check(&loaded.engagement, &approved);
                        for check in checks.iter_mut().flatten() {
                            check.note = check.note_in(locale)?;
                        }
                    }
                    Phase::Receivables => {
                        account = Some(owed(
                            rules,
                            &mut loaded,
                            &records,
                            &artifacts,
                            Some(locale),
                        )?);
                    }
                }
                for (r, rule) in rules.kind.iter().enumerate() {
                    if Phase::of(rule) != phase {
                        continue;
                    }
                    let invoices;
                    let adjust = match rule.special() {
                        Some(Special::Invoice) => Adjust::Billing(&checks),
                        Some(Special::CreditNote) => {
                            invoices =
                                resolve_invoices(rules, &loaded.engagement, &records, &artifacts);
                            Adjust::Corrects(&invoices)
                        }
                        // No reminder is due: no reminder artifact (rather than a blocked one).
                        Some(Special::Reminder) if loaded.engagement.reminder.is_empty() => {
                            continue;
                        }
                        _ => match (phase, &account) {
                            (Phase::Receivables, Some(account)) => {
                                Adjust::Statement(account, locale)
                            }
                            _ => Adjust::None,
                        },
                    };
                    artifacts.extend(gating.kind(r, &mut loaded, &adjust)?);
                }
            }
            let Some(account) = account else {
                return Err(Error::Internal("the receivables phase did not run".into()));
            };
            artifacts.sort_by_key(|a| a.rule);
            let evaluations: Vec<gate::Evaluation> = artifacts
                .iter()
                .map(|a| a.gated.evaluation().clone())
                .collect();
            let route = route::route(
                rules,
                &loaded.engagement,
                &evaluations,
                options.want.as_deref(),
            )?;
            Ok(Plan {
                requests,
                loaded,
                state,
                artifacts,
                route,
                records,
                account,
                locales: Arc::clone(locales),
            })
        })
        .collect()
}

/// When a kind is gated, in this order: each phase after the kinds its data depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Every kind without a dependency (change orders among them).
    Documents,
    /// Invoices and credit notes: what they may bill depends on the approved change orders
    /// and earlier invoices; a credit note on the invoice it corrects.
    Billing,
    /// Statements and reminders: they report what the issued invoices are owed.
    Receivables,
}

impl Phase {
    /// The phases in the order they run.
    const ALL: [Phase; 3] = [Phase::Documents, Phase::Billing, Phase::Receivables];

    /// The phase a kind is gated in.
    fn of(rule: &model::KindRule) -> Phase {
        match rule.special() {
            Some(Special::Invoice | Special::CreditNote) => Phase::Billing,
            Some(Special::Statement | Special::Reminder) => Phase::Receivables,
            _ => Phase::Documents,
        }
    }
}

/// An invoice as a credit note names it: its instance name, its number and whether it is
/// issued.
#[derive(Debug, Clone)]
struct InvoiceRef {
    /// `invoice:milestone-1`.
    name: String,
    /// Its number (from the ledger when issued).
    number: String,
    /// Whether it is issued (recorded, or final in this build).
    issued: bool,
}

/// What the data of an instance gains before its gate sees it.
enum Adjust<'a> {
    /// Nothing.
    None,
    /// Invoices: the billing check of each, in data order (its note on the document, and
    /// what blocks it or keeps it a draft).
    Billing(&'a [Option<billing::Check>]),
    /// Credit notes: the invoices by name (`invoice:milestone-1`), with their number and
    /// whether they were issued, for a `references` that names one.
    Corrects(&'a [InvoiceRef]),
    /// Statements: the account they state (reminders are made from it beforehand), and the
    /// locale it is worded in.
    Statement(&'a receivables::Account, &'a Locale),
}

/// The engagement's receivables: every issued invoice and credit note (recorded as issued,
/// or final in this build), its payments applied (a payment that cannot be is a located
/// error), and, given the locale to word them in, the reminders now due, which become the
/// engagement's `reminder` section.
fn owed(
    rules: &model::Rules,
    loaded: &mut Loaded,
    records: &[ledger::Record],
    gated: &[Artifact],
    derive_reminders: Option<&Locale>,
) -> Result<receivables::Account> {
    let issued_of = |special| issued_documents(rules, special, &loaded.engagement, records, gated);
    let invoices = issued_of(Special::Invoice);
    let credits: Vec<receivables::Issued<'_>> = issued_of(Special::CreditNote)
        .into_iter()
        .filter_map(|(c, issued)| issued.then_some(c))
        .collect();
    let reminder_kind = rules.kind_reading(Special::Reminder).map(|(_, k)| k);
    let sent: std::collections::BTreeMap<String, Vec<String>> = invoices
        .iter()
        .filter_map(|(inv, issued)| issued.then_some(&inv.number))
        .map(|number| {
            let stages = reminder_kind.map_or_else(Vec::new, |kind| {
                rules
                    .reminder
                    .iter()
                    .filter(|st| {
                        let key = receivables::reminder_key(number, &st.name);
                        issued::latest_issued(records, &kind.kind, Some(&key)).is_some()
                    })
                    .map(|st| st.name.clone())
                    .collect()
            });
            (number.clone(), stages)
        })
        .collect();
    let engagement = &loaded.engagement;
    let account = receivables::account(engagement, &invoices, &credits, &sent, engagement.as_of)
        .map_err(|e| Error::data(load::locate(&loaded.engagement_file, &e.field), e.message))?;
    let Some(locale) = derive_reminders else {
        return Ok(account);
    };
    let due = if reminder_kind.is_some() {
        receivables::reminders(&account, engagement, &invoices, &rules.reminder, locale)?
    } else {
        Vec::new()
    };
    drop(invoices);
    drop(credits);
    loaded.engagement.reminder = if due.is_empty() {
        model::Section::Absent
    } else {
        model::Section::Many(due)
    };
    Ok(account)
}

/// After numbering: an invoice or credit note issued in this very build had no number when
/// the statement was planned (`TBD`); the account is taken again with the numbers the
/// series gave, and the statement gated again on it, so it never shows `TBD` for a number
/// that exists.
pub(crate) fn restate(
    rules: &model::Rules,
    templates: &digest::TemplateDigests,
    plans: &mut [Plan],
) -> Result<()> {
    let Some((r, _)) = rules.kind_reading(Special::Statement) else {
        return Ok(());
    };
    for plan in plans.iter_mut() {
        let numbered_now = plan.artifacts.iter().any(|a| {
            let data_number = match rules.kind[a.rule].special() {
                Some(Special::Invoice) => plan.engagement_of(a).invoice.one(),
                Some(Special::CreditNote) => plan.engagement_of(a).credit_note.one(),
                _ => None,
            }
            .map(|i| i.number.as_str());
            data_number == Some(model::TBD)
                && a.gated.evaluation().decision == gate::Decision::Final
                && a.gated.evaluation().document_id != model::TBD
        });
        if !numbered_now || plan.loaded.engagement.statement.is_empty() {
            continue;
        }
        let account = owed(
            rules,
            &mut plan.loaded,
            &plan.records,
            &plan.artifacts,
            None,
        )?;
        let locales = Arc::clone(&plan.locales);
        let locale = engagement_locale(&locales, &plan.loaded.engagement)?;
        let gating = Gating {
            rules,
            templates,
            state: &plan.state,
        };
        let restated = gating.kind(r, &mut plan.loaded, &Adjust::Statement(&account, locale))?;
        let at = plan.artifacts.iter().position(|a| a.rule == r).unwrap_or(0);
        plan.artifacts.retain(|a| a.rule != r);
        for (i, artifact) in restated.into_iter().enumerate() {
            plan.artifacts.insert(at + i, artifact);
        }
        plan.account = account;
    }
    Ok(())
}

/// Every invoice ([`Special::Invoice`]) or credit note ([`Special::CreditNote`]) of an engagement,
/// with the number it carries and whether it is issued: recorded as issued in the ledger
/// (its number from there), or final in this very build (then issued with it).
fn issued_documents<'a>(
    rules: &model::Rules,
    special: Special,
    engagement: &'a model::Engagement,
    records: &[ledger::Record],
    gated: &[Artifact],
) -> Vec<(receivables::Issued<'a>, bool)> {
    let Some((r, rule)) = rules.kind_reading(special) else {
        return Vec::new();
    };
    let docs = match special {
        Special::Invoice => &engagement.invoice,
        _ => &engagement.credit_note,
    };
    docs.iter()
        .map(|inv| {
            let recorded = issued::latest_issued(records, &rule.kind, inv.key.as_deref());
            let now = gated
                .iter()
                .find(|a| a.rule == r && a.key == inv.key)
                .map(|a| a.gated.evaluation())
                .filter(|e| e.decision == gate::Decision::Final);
            let number = recorded.map_or_else(
                || now.map_or_else(|| inv.number.clone(), |e| e.document_id.clone()),
                |e| e.document_id.clone(),
            );
            let doc = receivables::Issued {
                name: instances::name(&rule.kind, inv.key.as_deref()),
                key: inv.key.clone(),
                number,
                data: inv,
            };
            (doc, recorded.is_some() || now.is_some())
        })
        .collect()
}

/// Every invoice instance by name, its number and whether it is issued (see
/// [`issued_documents`]), for credit notes that name the invoice they correct.
fn resolve_invoices(
    rules: &model::Rules,
    engagement: &model::Engagement,
    records: &[ledger::Record],
    gated: &[Artifact],
) -> Vec<InvoiceRef> {
    issued_documents(rules, Special::Invoice, engagement, records, gated)
        .into_iter()
        .map(|(doc, issued)| InvoiceRef {
            name: doc.name,
            number: doc.number,
            issued,
        })
        .collect()
}

/// What gating any kind of one engagement reads: the rules, the templates' digests and the
/// engagement's state as templates see it.
struct Gating<'a> {
    rules: &'a model::Rules,
    templates: &'a digest::TemplateDigests,
    state: &'a Value,
}

impl Gating<'_> {
    /// Gates every instance of the kind `r`: the engagement itself for the one-table
    /// form, one view per instance of an array of tables, each adjusted first.
    fn kind(&self, r: usize, loaded: &mut Loaded, adjust: &Adjust<'_>) -> Result<Vec<Artifact>> {
        let Gating {
            rules,
            templates,
            state,
        } = *self;
        let rule = &rules.kind[r];
        // The e-invoice setting is per engagement (its series, its client): the gate sees it as
        // part of the rule, so it counts in the rule's digest.
        let resolved;
        let rule = match einvoice::setting(rules, rule, &loaded.engagement) {
            Some(format) => {
                resolved = model::KindRule {
                    einvoice: Some(format),
                    ..rule.clone()
                };
                &resolved
            }
            None => rule,
        };
        let keys = loaded
            .engagement
            .instance_keys(&rule.section)
            .unwrap_or_default();
        let many = loaded.engagement.is_many(&rule.section);
        let changes = |i: usize| match adjust {
            Adjust::None => false,
            Adjust::Statement(..) => {
                rule.special() == Some(Special::Statement)
                    && !loaded.engagement.statement.is_empty()
            }
            Adjust::Billing(checks) => checks.get(i).is_some_and(Option::is_some),
            Adjust::Corrects(invoices) => loaded
                .engagement
                .credit_note
                .iter()
                .nth(i)
                .and_then(|c| c.references.as_deref())
                .is_some_and(|r| invoices.iter().any(|i| i.name == r)),
        };
        let mut views: Vec<Option<model::Engagement>> = if many {
            loaded
                .engagement
                .views(&rule.section)
                .into_iter()
                .map(Some)
                .collect()
        } else {
            vec![changes(0).then(|| loaded.engagement.clone())]
        };
        let mut out = Vec::new();
        for (i, view) in views.iter_mut().enumerate() {
            let mut corrects = None;
            if let Some(view) = view.as_mut() {
                match adjust {
                    Adjust::None => {}
                    Adjust::Billing(checks) => {
                        if let (Some(Some(check)), Some(inv)) =
                            (checks.get(i), view.invoice.as_mut())
                        {
                            inv.notes.push(check.note.clone());
                        }
                    }
                    Adjust::Statement(account, locale) => {
                        let billing = view.client_details.billing_address.clone();
                        if let Some(st) = view.statement.as_mut() {
                            st.account =
                                Some(receivables::statement(account, st.period_start, locale)?);
                            st.recipient.get_or_insert(billing);
                        }
                    }
                    Adjust::Corrects(invoices) => {
                        if let Some(cn) = view.credit_note.as_mut()
                            && let Some(found) = cn
                                .references
                                .as_deref()
                                .and_then(|r| invoices.iter().find(|i| i.name == r))
                        {
                            corrects = Some(found.clone());
                            cn.references = Some(found.number.clone());
                        }
                    }
                }
            }
            let view_state = match view {
                Some(v) => {
                    Some(serde_json::to_value(&*v).map_err(|e| Error::Internal(e.to_string()))?)
                }
                None => None,
            };
            let key = keys.get(i).cloned().flatten();
            let path = instances::path(&rule.section, many, i);
            let instance = gate::Instance {
                key: key.as_deref(),
                path: &path,
                keys: &keys,
            };
            let mut gated = evaluate(
                rule,
                rules,
                view.as_ref().unwrap_or(&loaded.engagement),
                view_state.as_ref().unwrap_or(state),
                &loaded.manifest,
                templates,
                &instance,
            );
            if let Adjust::Billing(checks) = adjust
                && let Some(Some(check)) = checks.get(i)
            {
                gated = gated.with_billing(check);
            }
            if let Some(invoice) = corrects
                && !invoice.issued
            {
                gated = gated.blocked_because(format!(
                "it corrects {}, which has not been issued: a credit note corrects an issued invoice",
                invoice.name
            ));
            }
            out.push(Artifact {
                rule: r,
                key,
                gated,
                view: view.take().zip(view_state).map(Box::new),
            });
        }
        Ok(out)
    }
}

/// The last component of a folder path (an engagement folder's name is its id).
pub(crate) fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
