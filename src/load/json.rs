//! JSON loading: `jsonc-parser` with every leniency switched off (ECS and the AWS CLI reject
//! comments and trailing commas), converted into the shared spanned tree.

use std::borrow::Cow;

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::{CollectOptions, ParseOptions};

use super::tree::{Kind, Member, Node};
use super::LoadError;
use crate::span::Span;

fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Parses `text` (which starts at byte `base` of the file, after a BOM) into a tree.
/// `Ok(None)` means the text holds no value at all (empty or only whitespace).
pub fn parse(text: &str, base: usize) -> Result<Option<Node<'_>>, LoadError> {
    let result =
        jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict()).map_err(|e| {
            let range = e.range();
            LoadError {
                span: Span::new(base + range.start, base + range.end),
                message: describe(&e.kind().to_string()),
            }
        })?;
    Ok(result.value.map(|v| convert(v, base)))
}

/// jsonc-parser's messages are capitalised sentences; ecslint's messages start lowercase.
fn describe(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::from("invalid JSON"),
    }
}

fn span(range: jsonc_parser::common::Range, base: usize) -> Span {
    Span::new(base + range.start, base + range.end)
}

/// Converts jsonc-parser's AST into the shared tree. Recursion is bounded by the parser's own
/// nesting limit (512), which it enforces with an error before this runs.
fn convert(value: Value<'_>, base: usize) -> Node<'_> {
    match value {
        Value::StringLit(s) => Node {
            span: span(s.range, base),
            kind: Kind::String(s.value),
        },
        Value::NumberLit(n) => Node {
            span: span(n.range, base),
            kind: Kind::Number(Cow::Borrowed(n.value)),
        },
        Value::BooleanLit(b) => Node {
            span: span(b.range, base),
            kind: Kind::Bool(b.value),
        },
        Value::NullKeyword(n) => Node {
            span: span(n.range, base),
            kind: Kind::Null,
        },
        Value::Array(a) => Node {
            span: span(a.range, base),
            kind: Kind::Array(a.elements.into_iter().map(|v| convert(v, base)).collect()),
        },
        Value::Object(o) => Node {
            span: span(o.range, base),
            kind: Kind::Object(
                o.properties
                    .into_iter()
                    .map(|p| {
                        let (key, key_range) = match p.name {
                            ObjectPropName::String(s) => (s.value, s.range),
                            ObjectPropName::Word(w) => (Cow::Borrowed(w.value), w.range),
                        };
                        Member {
                            key,
                            key_span: span(key_range, base),
                            value: convert(p.value, base),
                        }
                    })
                    .collect(),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_and_value_spans() {
        let text = r#"{"a": [1, "x"]}"#;
        let node = parse(text, 0).ok().flatten().expect("parses");
        let member = node.member("a").expect("member a");
        assert_eq!(&text[member.key_span.range()], r#""a""#);
        assert_eq!(&text[member.value.span.range()], r#"[1, "x"]"#);
    }

    #[test]
    fn trailing_comma_is_a_located_error() {
        let text = "{\"a\": 1,}";
        let err = parse(text, 0).expect_err("must fail");
        assert_eq!(err.span.start, 7);
        assert!(err.message.contains("trailing comma"), "{}", err.message);
    }

    #[test]
    fn offsets_are_shifted_by_base() {
        let node = parse("{}", 3).ok().flatten().expect("parses");
        assert_eq!(node.span, Span::new(3, 5));
    }
}
