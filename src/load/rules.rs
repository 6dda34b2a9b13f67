//! The rules (`rules.toml`, or the built-in copy): parsed and checked for what serde
//! cannot (known stages, gates and kinds, series formats).

use super::*;

/// The data folder's rules (`rules.toml`), or the built-in copy when it has none, validated.
pub fn rules(data_dir: &Path) -> Result<Rules> {
    let rules_path = data_dir.join("rules.toml");
    let (rules, rules_file) = if rules_path.is_file() {
        let source = read(&rules_path)?;
        (parse::<Rules>(&source)?, Some(rules_path))
    } else {
        let source = SourceFile {
            path: PathBuf::from("<built-in rules.toml>"),
            text: DEFAULT_RULES.to_string(),
        };
        (parse::<Rules>(&source)?, None)
    };
    validate_rules(&rules, rules_file.as_deref())?;
    Ok(rules)
}

pub(super) fn validate_rules(rules: &Rules, path: Option<&Path>) -> Result<()> {
    let source = SourceFile {
        path: path.map_or_else(|| PathBuf::from("<built-in rules.toml>"), Path::to_path_buf),
        text: match path {
            Some(p) => std::fs::read_to_string(p).unwrap_or_default(),
            None => DEFAULT_RULES.to_string(),
        },
    };
    if let Some(threshold) = &rules.separation.second_approver_above {
        crate::trust::roster::Limit::parse(threshold)
            .map_err(|why| Error::data(locate(&source, "separation.second_approver_above"), why))?;
    }
    for (i, set) in rules.separation.exclusive.iter().enumerate() {
        if set.len() < 2 {
            return Err(Error::data(
                locate(&source, &format!("separation.exclusive[{i}]")),
                "expected a set of two or more gates one person may not all approve",
            ));
        }
    }
    let mut seen = BTreeMap::new();
    for (i, kind) in rules.kind.iter().enumerate() {
        if seen.insert(kind.kind.as_str(), i).is_some() {
            return Err(Error::data(
                locate(&source, &format!("kind[{i}].kind")),
                format!("kind `{}` is defined twice", kind.kind),
            ));
        }
        if !safe_name(&kind.kind) {
            return Err(Error::data(
                locate(&source, &format!("kind[{i}].kind")),
                "expected a kind name of lowercase letters, digits and hyphens",
            ));
        }
    }
    for (i, stage) in rules.stage.iter().enumerate() {
        if rules.kind(&stage.artifact).is_none() {
            return Err(Error::data(
                locate(&source, &format!("stage[{i}].artifact")),
                format!(
                    "stage `{}` names unknown artifact kind `{}`",
                    stage.name, stage.artifact
                ),
            ));
        }
    }
    if rules.kind(&rules.overlay.artifact).is_none() {
        return Err(Error::data(
            locate(&source, "overlay.artifact"),
            format!("unknown artifact kind `{}`", rules.overlay.artifact),
        ));
    }
    // Reminder stages: names are parts of instance keys; each stage comes later than the
    // one before it (one stage at a time, in order).
    for (i, stage) in rules.reminder.iter().enumerate() {
        let name_ok = crate::instances::check_key(&stage.name).is_ok() && stage.name.len() <= 16;
        if !name_ok || rules.reminder[..i].iter().any(|s| s.name == stage.name) {
            return Err(Error::data(
                locate(&source, &format!("reminder[{i}].name")),
                format!(
                    "expected a unique stage name of up to 16 lowercase letters, digits and \
                     inner hyphens (it is part of the reminder's key), found `{}`",
                    stage.name
                ),
            ));
        }
        if i > 0 && stage.days <= rules.reminder[i - 1].days {
            return Err(Error::data(
                locate(&source, &format!("reminder[{i}].days")),
                format!(
                    "expected more days past due than the stage before it ({}), found {}",
                    rules.reminder[i - 1].days,
                    stage.days
                ),
            ));
        }
    }
    if let Some(tag) = &rules.board.locale {
        match crate::locale::canonical_tag(tag) {
            Ok(canonical) if &canonical == tag => {}
            Ok(canonical) => {
                return Err(Error::data(
                    locate(&source, "board.locale"),
                    format!("expected the BCP 47 tag as written `{canonical}`, found `{tag}`"),
                ));
            }
            Err(message) => return Err(Error::data(locate(&source, "board.locale"), message)),
        }
    }
    Ok(())
}

/// Where a field of the rules is (`board.locale`), for an error found after loading: in
/// the data folder's `rules.toml`, or the built-in copy when `rules_file` is `None`.
pub fn locate_rule(rules_file: Option<&Path>, field: &str) -> crate::error::Location {
    let source = SourceFile {
        path: rules_file.map_or_else(|| PathBuf::from("<built-in rules.toml>"), Path::to_path_buf),
        text: match rules_file {
            Some(p) => std::fs::read_to_string(p).unwrap_or_default(),
            None => DEFAULT_RULES.to_string(),
        },
    };
    locate(&source, field)
}

/// The gate names the rules mention.
pub fn known_gates(rules: &Rules) -> Vec<&str> {
    let mut gates: Vec<&str> = rules
        .kind
        .iter()
        .flat_map(|k| k.blocked_unless.iter().chain(&k.final_requires))
        .chain(rules.expanded_scope.iter().flat_map(|x| &x.blocked_unless))
        .map(|r| r.gate.as_str())
        .collect();
    gates.sort_unstable();
    gates.dedup();
    gates
}
