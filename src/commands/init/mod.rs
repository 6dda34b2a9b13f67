//! `docket init`: a new project folder with everything a build needs.
//!
//! docket ships its templates, fonts, rules and the Northwind example inside the binary, so
//! `docket init DIR` works on a machine with nothing but the binary. `cd DIR && docket
//! build` then renders the example. The list below is checked against the repository's
//! folders by a test, so it cannot drift.

use std::path::Path;

use crate::error::{Error, Result};

mod files;
mod new;

pub use files::FILES;
pub use new::{DataFormat, new_engagement};

/// Writes a new project into `dir`. Refuses to overwrite existing files.
pub fn init(dir: &Path) -> Result<Vec<String>> {
    for (name, _) in FILES {
        let path = dir.join(name);
        if path.exists() {
            return Err(Error::Refused(format!(
                "{} already exists; docket init writes only into a new or empty folder",
                path.display()
            )));
        }
    }
    let mut written = Vec::new();
    for (name, bytes) in FILES {
        crate::output::write_atomic(&dir.join(name), bytes)?;
        written.push((*name).to_string());
    }
    std::fs::create_dir_all(dir.join("output")).map_err(|source| Error::Write {
        path: dir.join("output"),
        source,
    })?;
    Ok(written)
}
