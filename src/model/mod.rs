//! The engagement data model: the `project_state` of one client engagement, its approval
//! manifest, and the rules (lifecycle and artifact kinds) that docket enforces.
//!
//! These are plain serde types. Every struct denies unknown fields, so a misspelt key is an
//! error that names itself instead of a silently ignored fact. Unknown facts are written `TBD`:
//! free text keeps the literal string, typed facts (dates, amounts) use [`Fact`], and
//! nothing downstream ever replaces a `TBD` with an invented value.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

pub use crate::text::TBD;

pub use crate::instances::Section;

mod engagement;
mod manifest;
mod roster;
mod rules;
mod sections;
mod value;

pub use engagement::*;
pub use manifest::*;
pub use roster::*;
pub use rules::*;
pub use sections::*;
pub use value::*;
