//! Bytes → spanned document trees. One parse per file; a file that does not parse yields one
//! located [`LoadError`], never a panic.

pub mod hcl;
pub mod json;
pub mod quoted;
pub mod template;
pub mod tree;
pub mod yaml;

use crate::span::Span;
pub use tree::{Kind, Member, Node};

/// Deepest nesting accepted (jsonc-parser refuses past 512 on its own; YAML uses the same).
pub const MAX_DEPTH: usize = 512;

/// A file that could not be parsed: where, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub span: Span,
    pub message: String,
}

/// The syntax a file is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Yaml,
    /// HCL, Terraform's native syntax (`*.tf`).
    Hcl,
}

impl Syntax {
    /// `JSON` or `YAML`, as messages write it.
    pub fn name(self) -> &'static str {
        match self {
            Syntax::Json => "JSON",
            Syntax::Yaml => "YAML",
            Syntax::Hcl => "HCL",
        }
    }
}

/// Parses a file's text into its documents (JSON has at most one; YAML may have several).
/// A leading byte-order mark is skipped; spans still count from the start of the file.
pub fn parse(text: &str, syntax: Syntax) -> Result<Vec<Node<'_>>, LoadError> {
    parse_file(text, syntax).map(|parsed| parsed.docs)
}

/// A file's documents, and how many template placeholders stood where a value belongs.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub docs: Vec<Node<'a>>,
    /// Unquoted placeholders read as unknown values (`"cpu": ${CPU}`): the file is a template.
    pub placeholders: u32,
    /// What it was read as.
    pub syntax: Syntax,
}

/// [`parse`], also saying whether the file is a template.
pub fn parse_file(text: &str, syntax: Syntax) -> Result<Parsed<'_>, LoadError> {
    let (body, base) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, '\u{feff}'.len_utf8()),
        None => (text, 0),
    };
    match syntax {
        Syntax::Json => json::parse_template(body, base).map(|(doc, placeholders)| Parsed {
            docs: doc.into_iter().collect(),
            placeholders,
            syntax,
        }),
        Syntax::Hcl => hcl::parse(body, base).map(|doc| Parsed {
            docs: vec![doc],
            placeholders: 0,
            syntax,
        }),
        Syntax::Yaml => match yaml::parse(body, base) {
            Ok(docs) => Ok(Parsed {
                docs,
                placeholders: 0,
                syntax,
            }),
            // A Go template (`image: {{ .Values.repo }}:latest`) is read through a stand-in
            // of the same length; a real syntax error is still the original error.
            Err(error) => {
                let Some(stand_in) = template::yaml_stand_in(body) else {
                    return Err(error);
                };
                match yaml::parse(&stand_in.text, base) {
                    Ok(docs) => Ok(Parsed {
                        docs: docs
                            .into_iter()
                            .map(|d| template::restore(d, body, &stand_in, base))
                            .collect(),
                        placeholders: stand_in.actions,
                        syntax,
                    }),
                    Err(_) => Err(error),
                }
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_before_json_is_accepted_and_spans_count_it() {
        let text = "\u{feff}{\"a\": 1}";
        let docs = parse(text, Syntax::Json).expect("parses");
        let a = docs[0].member("a").expect("a");
        assert_eq!(&text[a.key_span.range()], "\"a\"");
    }
}
