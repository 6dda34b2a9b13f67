//! Reading the Markdown docket writes: the text a Markdown reader shows, and the YAML front
//! matter parsed as data, so tests check what a reader sees and what a tool reads apart.

/// The text a Markdown reader shows (all text events joined). The YAML front matter is
/// metadata, not shown text: it is left out (its values are checked by parsing it).
pub fn markdown_text(md: &str) -> String {
    let mut in_metadata = false;
    pulldown_cmark::Parser::new_ext(
        md,
        pulldown_cmark::Options::ENABLE_TABLES
            | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
            | pulldown_cmark::Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    )
    .filter_map(|e| match e {
        pulldown_cmark::Event::Start(pulldown_cmark::Tag::MetadataBlock(_)) => {
            in_metadata = true;
            None
        }
        pulldown_cmark::Event::End(pulldown_cmark::TagEnd::MetadataBlock(_)) => {
            in_metadata = false;
            None
        }
        _ if in_metadata => None,
        pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => Some(t.to_string()),
        pulldown_cmark::Event::SoftBreak => Some(" ".to_string()),
        _ => None,
    })
    .collect()
}

/// The YAML front matter of a Markdown file, parsed (panics when absent or malformed).
pub fn front_matter(md: &str) -> yaml_rust2::Yaml {
    let rest = md
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("no front matter: {md}"));
    let end = rest.find("\n---\n").expect("front matter ends with ---");
    let docs = yaml_rust2::YamlLoader::load_from_str(&rest[..end])
        .unwrap_or_else(|e| panic!("front matter is not YAML: {e}\n{}", &rest[..end]));
    docs.into_iter().next().expect("one YAML document")
}
