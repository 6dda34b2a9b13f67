//! `docket schema`: the schemas validate every engagement, manifest and rules file docket
//! ships and every report it writes, and reject a broken file (the agents' issue).

use crate::common::*;
use serde_json::Value;

/// `docket schema NAME`, parsed.
fn schema(name: &str) -> Value {
    let out = docket_ok(&["schema", name]);
    serde_json::from_slice(&out.stdout).unwrap()
}

fn validator(name: &str) -> jsonschema::Validator {
    let schema = schema(name);
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "{name}"
    );
    assert!(
        schema["$id"]
            .as_str()
            .unwrap()
            .contains(env!("CARGO_PKG_VERSION")),
        "the $id carries docket's version"
    );
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A TOML file as the JSON value a validator sees (dates become their text).
fn toml_as_json(path: &std::path::Path) -> Value {
    fn convert(v: toml::Value) -> Value {
        match v {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => Value::from(i),
            toml::Value::Float(f) => Value::from(f),
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(a) => Value::Array(a.into_iter().map(convert).collect()),
            toml::Value::Table(t) => {
                Value::Object(t.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    let text = std::fs::read_to_string(path).unwrap();
    convert(toml::from_str(&text).unwrap())
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

#[test]
fn every_shipped_file_validates_against_its_schema() {
    let engagement = validator("engagement");
    let approvals = validator("approvals");
    let rules = validator("rules");
    let engagement_folder = |dir: &std::path::Path| {
        for (file, validator) in [
            ("engagement.toml", &engagement),
            ("approvals.toml", &approvals),
        ] {
            assert_valid(
                validator,
                &toml_as_json(&dir.join(file)),
                &dir.display().to_string(),
            );
        }
    };
    for dir in ["data/northwind", NORTHWIND, "tests/fixtures/rich/atlas"] {
        engagement_folder(&root().join(dir));
    }
    assert_valid(
        &rules,
        &toml_as_json(&root().join("data/rules.toml")),
        "rules",
    );
    assert_valid(
        &validator("approvers"),
        &toml_as_json(&root().join("data/approvers.toml")),
        "approvers",
    );
    // Generated fixtures (every address shape, stage and approval mix) too.
    let data = temp_dir("schema-fixtures");
    docket_ok(&["gen-fixtures", "40", "--out", data.to_str().unwrap()]);
    for entry in std::fs::read_dir(&data).unwrap() {
        let dir = entry.unwrap().path();
        if dir.is_dir() {
            engagement_folder(&dir);
        }
    }
}

#[test]
fn reports_validate_against_their_schemas() {
    let out = Build::new(data_copy("schema-reports-data")).run_into("schema-reports");
    let read = |name: &str| -> Value {
        serde_json::from_slice(&std::fs::read(out.join("northwind").join(name)).unwrap()).unwrap()
    };
    assert_valid(
        &validator("build-report"),
        &read("build-report.json"),
        "build-report",
    );
    assert_valid(&validator("handoff"), &read("handoff.json"), "handoff");
    // The error object every --json failure prints.
    let failed = docket(&["check", "--json", "--data", "/nonexistent-docket-data"]);
    let error: Value = serde_json::from_slice(&failed.stdout).unwrap();
    assert_valid(&validator("error"), &error, "error");
}

#[test]
fn a_broken_engagement_does_not_validate() {
    let engagement = validator("engagement");
    let mut value = toml_as_json(&root().join(NORTHWIND).join("engagement.toml"));
    assert!(engagement.is_valid(&value));
    // A misspelt field, a float amount, a date in the wrong format, a missing required field:
    // each what docket itself refuses.
    let mut misspelt = value.clone();
    misspelt["lifecycle_stag"] = Value::String("delivery".into());
    assert!(!engagement.is_valid(&misspelt));
    let mut float = value.clone();
    float["invoice"]["lines"][0]["unit_price"] = serde_json::json!(24000.5);
    assert!(!engagement.is_valid(&float));
    let mut date = value.clone();
    date["as_of"] = Value::String("24/11/2026".into());
    assert!(!engagement.is_valid(&date));
    value.as_object_mut().unwrap().remove("client");
    assert!(!engagement.is_valid(&value));
    // A fact may be TBD where docket allows it, and not where it does not.
    let mut tbd = toml_as_json(&root().join(NORTHWIND).join("engagement.toml"));
    tbd["invoice"]["due_date"] = Value::String("TBD".into());
    assert!(engagement.is_valid(&tbd));
    tbd["as_of"] = Value::String("TBD".into());
    assert!(!engagement.is_valid(&tbd));
}

#[test]
fn schema_lists_names_and_refuses_unknown_ones() {
    let list = docket_ok(&["schema"]);
    let text = String::from_utf8_lossy(&list.stdout);
    for name in [
        "engagement",
        "approvals",
        "rules",
        "build-report",
        "handoff",
        "error",
    ] {
        assert!(text.contains(name), "{text}");
    }
    let bad = docket(&["schema", "engagment", "--json"]);
    assert_eq!(bad.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert_eq!(error["error"]["code"], "usage");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `engagement`"),
        "{error}"
    );
}
