//! What the integration tests share, in the parts a test reaches for separately: [`run`]
//! runs the real `docket` binary on private copies of the fixtures; [`pdf`] and [`markdown`]
//! read what it wrote the way a reader would (text, geometry, fonts, front matter);
//! [`browser`] opens the status board in headless Chromium. Everything is re-exported here,
//! so a test module says `use crate::common::*;` and names no part.

pub mod browser;
pub mod markdown;
pub mod pdf;
pub mod run;

pub use browser::*;
pub use markdown::*;
pub use pdf::*;
pub use run::*;
