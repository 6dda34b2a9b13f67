//! The docket code under fuzzing, compiled from the very same source files as the docket
//! crate (`#[path]` includes), without the Typst compiler: the loader (load, model, error,
//! and the invoice and address checks it runs) and the two escapers (Markdown and Typst
//! markup). Instrumenting all of Typst for coverage would cost a 10-minute build and buy no
//! coverage of these targets. If a file here starts to need a module that is not listed,
//! this crate stops compiling, which is the signal to add it.

#![allow(dead_code, unreachable_pub, missing_docs)]

#[path = "../../src/derive.rs"]
pub mod derive;
#[path = "../../src/einvoice/mod.rs"]
pub mod einvoice;
#[path = "../../src/error.rs"]
pub mod error;
#[path = "../../src/instances.rs"]
pub mod instances;
#[path = "../../src/load/mod.rs"]
pub mod load;
#[path = "../../src/model/mod.rs"]
pub mod model;
#[path = "../../src/money/mod.rs"]
pub mod money;
#[path = "../../src/text.rs"]
pub mod text;
#[path = "../../src/usps/mod.rs"]
pub mod usps;

#[path = "../../src/render/files.rs"]
pub mod files;
#[path = "../../src/render/markdown.rs"]
pub mod markdown;
#[path = "../../src/render/markup.rs"]
pub mod markup;

/// The `crate::render::...` paths the included files use.
pub mod render {
    pub use crate::files;
    pub use crate::markdown;
    pub use crate::markup;
}

pub mod safety;
