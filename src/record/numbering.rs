//! Document numbers: gapless series, assigned when a document is issued, never to drafts.
//!
//! A series (`[[series]]` in the rules: `INV-{year}-{seq:04}`) is counted from the ledgers:
//! the next number is one more than the highest number of that series already issued (or
//! written in the data, like Northwind's INV-2026-0461, which is honoured as given). Drafts
//! show no number, so numbering drafts can never leave gaps; a re-render of an issued
//! document reuses the number its ledger record holds. The ledger append that records the
//! issue is the counter's atomic advance.

use std::collections::BTreeSet;
use std::path::Path;

use crate::error::{Error, Result};
use crate::gate::{Decision, Gated};
use crate::model::{Rules, Series, TBD};
use crate::plan::Plan;
use crate::record::ledger::{self, Record};

/// Every ledger record under the data folder (series span engagements).
pub fn all_records(data_dir: &Path) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    let mut paths: Vec<_> = walkdir::WalkDir::new(data_dir)
        .follow_links(false)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.file_name() == ledger::FILE_NAME)
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    // A ledger whose end does not match its head lost records, and with them perhaps an
    // issued number the series would hand out again: refuse rather than count without it.
    for path in paths {
        records.extend(ledger::read_whole(&path)?);
    }
    Ok(records)
}

/// Document ids written in the data of loaded engagements (`id` or `number` of each
/// artifact section), which count as taken in their series.
pub fn written_ids(rules: &Rules, engagements: &[crate::load::Loaded]) -> Result<Vec<String>> {
    use rayon::prelude::*;
    let ids = engagements
        .par_iter()
        .map(|l| {
            let state = serde_json::to_value(&l.engagement).map_err(|e| {
                Error::Internal(format!("cannot serialize {}: {e}", l.engagement.id))
            })?;
            Ok(rules
                .kind
                .iter()
                .flat_map(|rule| {
                    crate::instances::in_state(&state, &rule.section)
                        .into_iter()
                        .filter_map(|(_, section)| {
                            ["id", "number"]
                                .iter()
                                .find_map(|k| section.get(*k).and_then(|v| v.as_str()))
                                .filter(|id| *id != TBD)
                                .map(str::to_string)
                        })
                })
                .collect::<Vec<_>>())
        })
        .collect::<Result<Vec<Vec<String>>>>()?;
    Ok(ids.into_iter().flatten().collect())
}

/// The number prefix of a series for a year, and the width of its sequence.
fn prefix(series: &Series, year: i32) -> Result<(String, String, usize)> {
    let format = series.format.replace("{year}", &year.to_string());
    let start = format.find("{seq").ok_or_else(|| {
        Error::Usage(format!(
            "series format `{}` has no {{seq}} placeholder",
            series.format
        ))
    })?;
    let end = format[start..]
        .find('}')
        .map(|e| start + e)
        .ok_or_else(|| Error::Usage(format!("series format `{}` is malformed", series.format)))?;
    let width = format[start..end]
        .strip_prefix("{seq:")
        .and_then(|w| w.parse().ok())
        .unwrap_or(1);
    Ok((
        format[..start].to_string(),
        format[end + 1..].to_string(),
        width,
    ))
}

fn sequence(number: &str, head: &str, tail: &str) -> Option<u64> {
    number.strip_prefix(head)?.strip_suffix(tail)?.parse().ok()
}

/// The numbers [`assign`] gave final documents, by plan and artifact (indices into the
/// chunk's plans and their artifacts). The plans are not touched until [`Numbers::apply`]:
/// then each numbered artifact's cleared verdict is replaced by the one the gate's
/// [`crate::gate::Cleared::numbered`] makes of it, so the gate's result is never changed in place.
#[derive(Debug, Default)]
pub struct Numbers {
    assigned: Vec<(usize, usize, String)>,
}

impl Numbers {
    /// Gives each numbered artifact its number: its cleared verdict is replaced by the
    /// numbered one (document id and the section's `number` or `id`).
    pub fn apply(self, plans: &mut [Plan]) {
        for (p, plan) in plans.iter_mut().enumerate() {
            let mine: Vec<(usize, &str)> = self
                .assigned
                .iter()
                .filter(|(pp, _, _)| *pp == p)
                .map(|(_, a, n)| (*a, n.as_str()))
                .collect();
            if mine.is_empty() {
                continue;
            }
            plan.artifacts = std::mem::take(&mut plan.artifacts)
                .into_iter()
                .enumerate()
                .map(|(a, mut artifact)| {
                    if let Some((_, number)) = mine.iter().find(|(x, _)| *x == a) {
                        artifact.gated = artifact.gated.numbered(number);
                    }
                    artifact
                })
                .collect();
        }
    }
}

/// Chooses numbers for final documents of numbered kinds whose number is TBD, before
/// anything renders, without changing the plans (see [`Numbers`]). `taken` holds every
/// number in use besides the ledgers' (numbers written in the data, see [`written_ids`]);
/// numbers assigned here are added to it. Every ledger under `data_dir` is read only when a
/// new number is actually allocated (then once, kept in `all`): regenerating one document
/// reads only its own engagement's ledger.
///
/// Before the ledgers are read to count a series, the data folder's record lock is taken
/// (into `lock`, which the build keeps until its ledger records are appended): another
/// process allocating from the same series waits, then counts this one's numbers
/// ([`ledger::lock_record`]).
pub fn assign(
    rules: &Rules,
    plans: &[Plan],
    data_dir: &Path,
    all: &mut Option<Vec<Record>>,
    taken: &mut BTreeSet<String>,
    lock: &mut Option<ledger::RecordLock>,
) -> Result<Numbers> {
    let mut numbers = Numbers::default();
    if rules.series.is_empty() {
        return Ok(numbers);
    }
    for (p, plan) in plans.iter().enumerate() {
        let engagement_id = plan.loaded.engagement.id.clone();
        // The documents to number, in the order the series counts them: issue date, then
        // instance key (then rules order), so many invoices of one engagement take
        // consecutive numbers in a deterministic order.
        let mut order: Vec<usize> = (0..plan.artifacts.len())
            .filter(|&a| {
                let Gated::Cleared(cleared) = &plan.artifacts[a].gated else {
                    return false;
                };
                cleared.decision() == Decision::Final && cleared.evaluation().document_id == TBD
            })
            .collect();
        let issue_date = |a: usize| {
            plan.artifacts[a]
                .gated
                .section()
                .get("issue_date")
                .and_then(|d| d.as_str())
                .unwrap_or_default()
                .to_string()
        };
        order.sort_by_cached_key(|&a| (issue_date(a), plan.artifacts[a].key.clone(), a));
        for a in order {
            let artifact = &plan.artifacts[a];
            let rule = &rules.kind[artifact.rule];
            let Gated::Cleared(cleared) = &artifact.gated else {
                continue;
            };
            let key = artifact.key.clone();
            let Some(series) = rules.series.iter().find(|s| {
                s.kind == rule.kind
                    && s.seller
                        .as_ref()
                        .is_none_or(|x| x == &plan.loaded.engagement.provider.name)
            }) else {
                return Err(Error::Refused(format!(
                    "{engagement_id}/{}: a final document needs a number, but its number is TBD \
                     and no [[series]] in the rules numbers `{}`; add one, or set the number in the data",
                    cleared.evaluation().name(),
                    rule.kind
                )));
            };
            // A re-render of an issued document keeps its number: from its own ledger, as
            // read at planning, or else from every ledger read under the record lock (another
            // process may have issued this very document since; while this build holds the
            // lock, nobody else appends, so what it read stays current).
            let digest = cleared.evaluation().input_digest.total.clone();
            let issued = |records: &mut dyn Iterator<Item = &Record>| {
                records
                    .filter(|r| {
                        r.entry.issued
                            && r.entry.kind == rule.kind
                            && r.entry.key == key
                            && r.entry.input_digest == digest
                    })
                    .last()
                    .map(|r| r.entry.document_id.clone())
            };
            let mut reused = issued(&mut plan.records.iter());
            if reused.is_none() {
                if lock.is_none() {
                    *lock = Some(ledger::lock_record(data_dir)?);
                }
                if all.is_none() {
                    let records = all_records(data_dir)?;
                    taken.extend(
                        records
                            .iter()
                            .filter(|r| r.entry.issued)
                            .map(|r| r.entry.document_id.clone()),
                    );
                    *all = Some(records);
                }
                reused = issued(
                    &mut all
                        .iter()
                        .flatten()
                        .filter(|r| r.entry.engagement == engagement_id),
                );
            }
            let number = match reused {
                Some(number) => number,
                None => {
                    let year = cleared
                        .section()
                        .get("issue_date")
                        .and_then(|d| d.as_str())
                        .and_then(|d| d.get(..4))
                        .and_then(|y| y.parse().ok())
                        .unwrap_or(plan.loaded.engagement.as_of.0.year());
                    let (head, tail, width) = prefix(series, year)?;
                    let next = taken
                        .iter()
                        .filter_map(|n| sequence(n, &head, &tail))
                        .max()
                        .map_or(1, |m| m + 1);
                    format!("{head}{next:0width$}{tail}")
                }
            };
            taken.insert(number.clone());
            numbers.assigned.push((p, a, number));
        }
    }
    Ok(numbers)
}
