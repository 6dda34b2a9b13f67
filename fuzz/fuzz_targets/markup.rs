//! Fuzz target: the escapers never panic, and what they produce is safe.
//!
//! 1. Any text as a data value: `escape_markdown` then `to_typst` must give Typst markup that
//!    parses to text only and shows exactly the value (see `docket_fuzz::safety`).
//! 2. Any text as Markdown: `to_typst` must give markup without syntax errors whose only
//!    code is the calls the converter writes.

#![no_main]

use docket_fuzz::markdown::escape_markdown;
use docket_fuzz::markup::to_typst;
use docket_fuzz::safety::{check_data_text, check_markup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let escaped = escape_markdown(text);
    let typst = to_typst(&escaped);
    if let Err(e) = check_data_text(text, &typst) {
        panic!("data value not shown literally: {e}");
    }
    let typst = to_typst(text);
    if let Err(e) = check_markup(&typst) {
        panic!("markdown converted to unsafe or broken markup: {e}");
    }
});
