//! YAML loading: `saphyr-parser` events, built into the shared spanned tree iteratively (no
//! recursion, so a 20,000-deep sequence is refused with a message instead of overflowing the
//! stack), with a depth limit and a budget on alias expansion.
//!
//! saphyr's markers count characters; they are turned into byte offsets here. Plain scalars are
//! resolved with the YAML 1.2 core schema. CloudFormation short-form tags (`!Ref X`,
//! `!GetAtt A.B`, `!Sub ...`) become their long form (`{"Ref": "X"}`), so later stages see one
//! shape for both spellings.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Tag};

use super::tree::{Kind, Member, Node};
use super::{LoadError, MAX_DEPTH};
use crate::span::Span;

/// At most this many nodes may be created by expanding aliases in one file (a "billion laughs"
/// file is refused long before it costs memory).
pub const MAX_ALIAS_NODES: usize = 100_000;

/// Maps saphyr's character offsets to byte offsets.
struct Offsets {
    /// Byte offset of every character, or empty when the text is ASCII (then they are equal).
    bytes: Vec<u32>,
    len: usize,
    base: usize,
}

impl Offsets {
    fn new(text: &str, base: usize) -> Offsets {
        let bytes = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
                .collect()
        };
        Offsets {
            bytes,
            len: text.len(),
            base,
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        let local = if self.bytes.is_empty() {
            char_index.min(self.len)
        } else {
            self.bytes.get(char_index).map_or(self.len, |&b| b as usize)
        };
        self.base + local
    }

    fn span(&self, span: saphyr_parser::Span) -> Span {
        Span::new(self.byte(span.start.index()), self.byte(span.end.index()))
    }
}

enum Frame<'a> {
    Seq {
        start: usize,
        anchor: usize,
        tag: Option<String>,
        items: Vec<Node<'a>>,
    },
    Map {
        start: usize,
        anchor: usize,
        tag: Option<String>,
        members: Vec<Member<'a>>,
        key: Option<(Cow<'a, str>, Span)>,
    },
}

struct Builder<'a> {
    stack: Vec<Frame<'a>>,
    anchors: HashMap<usize, (Node<'a>, usize)>,
    alias_nodes: usize,
    documents: Vec<Node<'a>>,
}

/// Parses every document of a YAML stream. `base` is where `text` starts in the file (after a BOM).
pub fn parse(text: &str, base: usize) -> Result<Vec<Node<'_>>, LoadError> {
    parse_strict(text, base).or_else(|err| lenient(text, base, err))
}

/// At most this many flow closers are moved by [`lenient`] in one file.
const MAX_CLOSERS_MOVED: usize = 64;

/// PyYAML, and with it the CloudFormation tooling built on it, accepts a flow collection whose
/// closing bracket sits at its key's indentation:
///
/// ```yaml
/// Command: [
///   "/bin/sh", "-c", "echo hello"
/// ]
/// ```
///
/// saphyr follows the YAML specification and rejects it ("invalid indentation"). When it
/// fails on a line that starts with `]` or `}`, the line break before it is read as a space
/// (as if the closer ended the line above) and the text is parsed again: byte offsets do not
/// move, so every span still points into the file as written. Not when the line above ends in
/// a comment (the closer would be commented out), and at most [`MAX_CLOSERS_MOVED`] times.
fn lenient(text: &str, base: usize, first: LoadError) -> Result<Vec<Node<'_>>, LoadError> {
    let mut patched = text.to_string();
    let mut err = first.clone();
    for _ in 0..MAX_CLOSERS_MOVED {
        let Some(at) = (err.span.start as usize)
            .checked_sub(base)
            .filter(|&at| at <= patched.len())
        else {
            return Err(first);
        };
        let Some(line_start) = patched.get(..at).and_then(|t| t.rfind('\n')) else {
            return Err(first);
        };
        let closer = patched[line_start + 1..].trim_start_matches([' ', '\t']);
        let above_start = patched[..line_start].rfind('\n').map_or(0, |i| i + 1);
        if !(closer.starts_with(']') || closer.starts_with('}'))
            || patched[above_start..line_start].contains('#')
            || !flow_open(&patched[..line_start])
        {
            return Err(first);
        }
        let from = if patched[..line_start].ends_with('\r') {
            line_start - 1
        } else {
            line_start
        };
        patched.replace_range(from..=line_start, &" ".repeat(line_start + 1 - from));
        match parse_strict(&patched, base) {
            Ok(docs) => return Ok(docs.into_iter().map(Node::into_owned).collect()),
            Err(e) if e.span.start > err.span.start => err = e,
            Err(_) => return Err(first),
        }
    }
    Err(first)
}

/// Whether a flow collection (`[` or `{`) is open at the end of `text`: brackets that start
/// a collection (after `:`, `-`, `,`, another bracket or at a line's start) counted against
/// their closers, outside quoted scalars and comments. Approximate, on the safe side: a closer
/// with no open collection is a real error, and stays one.
fn flow_open(text: &str) -> bool {
    let mut depth: usize = 0;
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if comment {
            if c == '\n' {
                comment = false;
                prev = c;
            }
            continue;
        }
        match quote {
            Some('\'') if c == '\'' => {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            }
            Some('"') if c == '\\' => {
                chars.next();
            }
            Some('"') if c == '"' => quote = None,
            Some(_) => {}
            None => match c {
                '#' if prev.is_whitespace() => comment = true,
                '\'' | '"' if matches!(prev, ' ' | '\t' | '\n' | ':' | ',' | '[' | '{' | '-') => {
                    quote = Some(c)
                }
                '[' | '{' if matches!(prev, ' ' | '\t' | '\n' | ':' | ',' | '[' | '{' | '-') => {
                    depth += 1
                }
                ']' | '}' if depth > 0 => depth -= 1,
                _ => {}
            },
        }
        if !c.is_whitespace() || c == '\n' {
            prev = c;
        } else if prev != '\n' {
            prev = ' ';
        }
    }
    depth > 0
}

fn parse_strict(text: &str, base: usize) -> Result<Vec<Node<'_>>, LoadError> {
    let offsets = Offsets::new(text, base);
    let mut b = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        alias_nodes: 0,
        documents: Vec::new(),
    };
    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|e| {
            let at = offsets.byte(e.marker().index());
            LoadError {
                span: Span::new(at, at),
                message: e.info().to_string(),
            }
        })?;
        let span = offsets.span(span);
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                // A block scalar's span runs to the next token, over the line breaks and the
                // next line's indentation, and so may a quoted scalar's in a flow collection:
                // end it at its last character.
                let span = if !matches!(style, ScalarStyle::Plain) {
                    let (start, end) = (span.start as usize - base, span.end as usize - base);
                    let kept = text.get(start..end).map_or(0, |t| t.trim_end().len());
                    Span::new(base + start, base + start + kept)
                } else {
                    span
                };
                let node = scalar(value, style, tag.as_deref(), span);
                b.finish(node, anchor, span)?;
            }
            Event::SequenceStart(anchor, tag) => {
                b.open(
                    Frame::Seq {
                        start: span.start as usize,
                        anchor,
                        tag: local_tag(tag.as_deref()),
                        items: Vec::new(),
                    },
                    span,
                )?;
            }
            Event::MappingStart(anchor, tag) => {
                b.open(
                    Frame::Map {
                        start: span.start as usize,
                        anchor,
                        tag: local_tag(tag.as_deref()),
                        members: Vec::new(),
                        key: None,
                    },
                    span,
                )?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = b.stack.pop() else { continue };
                let (node, anchor, tag) = match frame {
                    Frame::Seq {
                        start,
                        anchor,
                        tag,
                        items,
                    } => (
                        Node {
                            span: Span::new(start, span.end as usize),
                            kind: Kind::Array(items),
                        },
                        anchor,
                        tag,
                    ),
                    Frame::Map {
                        start,
                        anchor,
                        tag,
                        members,
                        ..
                    } => (
                        Node {
                            span: Span::new(start, span.end as usize),
                            kind: Kind::Object(merge_keys(members)),
                        },
                        anchor,
                        tag,
                    ),
                };
                let node = match tag {
                    Some(name) => intrinsic(&name, node),
                    None => node,
                };
                b.finish(node, anchor, span)?;
            }
            Event::Alias(id) => {
                let Some((node, count)) = b.anchors.get(&id) else {
                    return Err(LoadError {
                        span,
                        message: "alias refers to an unknown anchor".into(),
                    });
                };
                b.alias_nodes = b.alias_nodes.saturating_add(*count);
                if b.alias_nodes > MAX_ALIAS_NODES {
                    return Err(LoadError {
                        span,
                        message: format!(
                            "aliases expand to more than {MAX_ALIAS_NODES} nodes; refusing to expand further"
                        ),
                    });
                }
                let mut node = node.clone();
                node.span = span;
                b.finish(node, 0, span)?;
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
    }
    Ok(b.documents)
}

impl<'a> Builder<'a> {
    fn open(&mut self, frame: Frame<'a>, span: Span) -> Result<(), LoadError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(LoadError {
                span,
                message: format!("nesting is deeper than {MAX_DEPTH} levels"),
            });
        }
        self.stack.push(frame);
        Ok(())
    }

    /// Places a completed node into its parent (or makes it a document).
    fn finish(&mut self, node: Node<'a>, anchor: usize, span: Span) -> Result<(), LoadError> {
        if anchor != 0 {
            let count = count_nodes(&node);
            self.anchors.insert(anchor, (node.clone(), count));
        }
        match self.stack.last_mut() {
            None => self.documents.push(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { members, key, .. }) => match key.take() {
                None => *key = Some((key_text(node), span)),
                Some((k, key_span)) => members.push(Member {
                    key: k,
                    key_span,
                    value: node,
                }),
            },
        }
        Ok(())
    }
}

/// YAML merge keys: `<<: *defaults` (or `<<: [*a, *b]`) brings in the members of the merged
/// mappings that the mapping does not set itself; earlier mappings in a list win.
fn merge_keys(members: Vec<Member<'_>>) -> Vec<Member<'_>> {
    if !members.iter().any(|m| m.key == "<<") {
        return members;
    }
    let (merges, mut own): (Vec<Member<'_>>, Vec<Member<'_>>) =
        members.into_iter().partition(|m| m.key == "<<");
    for merge in merges {
        let sources: Vec<Node<'_>> = match merge.value.kind {
            Kind::Object(_) => vec![merge.value],
            Kind::Array(items) => items,
            // Not a mapping: keep it as it was written.
            _ => {
                own.push(merge);
                continue;
            }
        };
        for source in sources {
            if let Kind::Object(fields) = source.kind {
                for field in fields {
                    if !own.iter().any(|m| m.key == field.key) {
                        own.push(field);
                    }
                }
            }
        }
    }
    own
}

fn count_nodes(node: &Node<'_>) -> usize {
    let mut count = 0usize;
    let mut todo = vec![node];
    while let Some(n) = todo.pop() {
        count += 1;
        match &n.kind {
            Kind::Array(items) => todo.extend(items.iter()),
            Kind::Object(members) => todo.extend(members.iter().map(|m| &m.value)),
            _ => {}
        }
    }
    count
}

/// A mapping key as text. Keys are almost always scalars; a collection used as a key (legal YAML,
/// never ECS configuration) gets a stand-in name so nothing downstream mistakes it for a field.
fn key_text(node: Node<'_>) -> Cow<'_, str> {
    match node.kind {
        Kind::String(s) | Kind::Number(s) => s,
        Kind::Bool(true) => Cow::Borrowed("true"),
        Kind::Bool(false) => Cow::Borrowed("false"),
        Kind::Null => Cow::Borrowed(""),
        Kind::Array(_) | Kind::Object(_) | Kind::Placeholder(_) => Cow::Borrowed("<complex key>"),
    }
}

/// The name of a local tag (`!Ref` → `Ref`); core-schema tags (`!!str`) are handled as types.
fn local_tag(tag: Option<&Tag>) -> Option<String> {
    let tag = tag?;
    (tag.handle == "!" && !tag.suffix.is_empty()).then(|| tag.suffix.clone())
}

/// CloudFormation short form to long form: `!Ref X` → `{"Ref": X}`, `!Sub s` → `{"Fn::Sub": s}`.
fn intrinsic<'a>(name: &str, value: Node<'a>) -> Node<'a> {
    let key = match name {
        "Ref" | "Condition" => name.to_string(),
        other => format!("Fn::{other}"),
    };
    let span = value.span;
    Node {
        span,
        kind: Kind::Object(vec![Member {
            key: Cow::Owned(key),
            key_span: span,
            value,
        }]),
    }
}

fn scalar<'a>(value: Cow<'a, str>, style: ScalarStyle, tag: Option<&Tag>, span: Span) -> Node<'a> {
    let kind = match tag {
        Some(t) if t.handle == "!!" || t.handle == "tag:yaml.org,2002:" => {
            match t.suffix.as_str() {
                "str" => Kind::String(value),
                "int" | "float" => Kind::Number(value),
                "bool" => match value.as_ref() {
                    "true" | "True" | "TRUE" => Kind::Bool(true),
                    "false" | "False" | "FALSE" => Kind::Bool(false),
                    _ => Kind::String(value),
                },
                "null" => Kind::Null,
                _ => Kind::String(value),
            }
        }
        _ if style == ScalarStyle::Plain => resolve_plain(value),
        _ => Kind::String(value),
    };
    let node = Node { span, kind };
    match local_tag(tag) {
        Some(name) => intrinsic(&name, node),
        None => node,
    }
}

/// YAML 1.2 core schema resolution of a plain scalar.
fn resolve_plain(value: Cow<'_, str>) -> Kind<'_> {
    match value.as_ref() {
        "" | "~" | "null" | "Null" | "NULL" => return Kind::Null,
        "true" | "True" | "TRUE" => return Kind::Bool(true),
        "false" | "False" | "FALSE" => return Kind::Bool(false),
        _ => {}
    }
    if is_number(&value) {
        Kind::Number(value)
    } else {
        Kind::String(value)
    }
}

fn is_number(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_str(), ".inf" | "+.inf" | "-.inf" | ".nan") {
        return true;
    }
    if let Some(hex) = s.strip_prefix("0x") {
        return !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return !oct.is_empty() && oct.bytes().all(|b| (b'0'..=b'7').contains(&b));
    }
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match frac {
        None => !int.is_empty() && digits(int),
        Some(f) => digits(int) && digits(f) && !(int.is_empty() && f.is_empty()),
    };
    let exponent_ok = match exponent {
        None => true,
        Some(e) => {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && digits(e)
        }
    };
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Node<'_> {
        let mut docs = parse(text, 0).expect("parses");
        assert_eq!(docs.len(), 1);
        docs.remove(0)
    }

    #[test]
    fn spans_are_bytes_even_after_multibyte_text() {
        let text = "note: \u{e9}t\u{e9}\nport: 80\n";
        let doc = one(text);
        let port = doc.member("port").expect("port");
        assert_eq!(&text[port.key_span.range()], "port");
        assert_eq!(&text[port.value.span.range()], "80");
        assert!(matches!(port.value.kind, Kind::Number(_)));
    }

    #[test]
    fn core_schema_types() {
        let doc = one("a: true\nb: '80'\nc: ~\nd: 1.5e3\ne: web\n");
        assert!(matches!(
            doc.get("a").map(|n| &n.kind),
            Some(Kind::Bool(true))
        ));
        assert!(matches!(
            doc.get("b").map(|n| &n.kind),
            Some(Kind::String(_))
        ));
        assert!(matches!(doc.get("c").map(|n| &n.kind), Some(Kind::Null)));
        assert!(matches!(
            doc.get("d").map(|n| &n.kind),
            Some(Kind::Number(_))
        ));
        assert!(matches!(
            doc.get("e").map(|n| &n.kind),
            Some(Kind::String(_))
        ));
    }

    #[test]
    fn merge_keys_bring_in_defaults() {
        let doc = one("d: &d {memory: 256, cpu: 128}\nc:\n  <<: *d\n  cpu: 512\n");
        let c = doc.get("c").expect("c");
        assert_eq!(
            c.get("memory").map(|n| n.kind.clone()),
            Some(Kind::Number(Cow::Borrowed("256")))
        );
        assert_eq!(
            c.get("cpu").map(|n| n.kind.clone()),
            Some(Kind::Number(Cow::Borrowed("512")))
        );
        assert!(c.get("<<").is_none());
    }

    #[test]
    fn a_flow_closer_at_its_keys_indentation_loads_with_its_spans() {
        for eol in ["\n", "\r\n"] {
            let text = [
                "c:",
                "  Command: [",
                "    \"sh\",",
                "    \"-c\"",
                "  ]",
                "  Cpu: 0",
                "",
            ]
            .join(eol);
            let doc = one(&text);
            let c = doc.get("c").expect("c");
            let command = c.get("Command").and_then(Node::as_array).expect("Command");
            assert_eq!(command.len(), 2);
            assert_eq!(&text[command[1].span.range()], "\"-c\"");
            let cpu = c.member("Cpu").expect("Cpu");
            assert_eq!(&text[cpu.key_span.range()], "Cpu");
        }
        // Nested, and a mapping closed the same way.
        let doc = one("a:\n  b: [\n    1, [\n    2\n  ]\n  ]\n  m: {\n    k: v\n  }\n");
        let a = doc.get("a").expect("a");
        assert_eq!(a.get("b").and_then(Node::as_array).map(<[_]>::len), Some(2));
        assert!(a.get("m").and_then(|m| m.get("k")).is_some());
    }

    #[test]
    fn a_closer_with_no_open_collection_is_still_an_error() {
        // PyYAML rejects it too: `]` at column 0 closes nothing.
        let text =
            "family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx:latest\n]\n";
        assert!(parse(text, 0).is_err());
        assert!(!flow_open("a: 'x [' # [\nb: \"[\"\n"));
        assert!(flow_open("a: [\n  \"x\",\n"));
        assert!(flow_open("a:\n  - {\n    b: [1, 2],\n"));
    }

    #[test]
    fn a_flow_closer_after_a_comment_is_still_an_error() {
        // Joining the lines would comment the closer out.
        let err =
            parse("c:\n  Command: [\n    \"sh\" # the shell\n  ]\n", 0).expect_err("rejected");
        assert!(err.message.contains("indentation"), "{}", err.message);
    }

    #[test]
    fn short_form_tags_become_long_form() {
        let doc = one("Image: !Ref ImageParam\n");
        let image = doc.get("Image").expect("Image");
        assert_eq!(image.get("Ref").and_then(Node::as_str), Some("ImageParam"));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let text = "- ".repeat(20_000) + "x\n";
        let err = parse(&text, 0).expect_err("too deep");
        assert!(err.message.contains("nesting"), "{}", err.message);
    }

    #[test]
    fn billion_laughs_is_refused() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
            text.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 10].join(", ")
            ));
            prev = name;
        }
        let err = parse(&text, 0).expect_err("refused");
        assert!(err.message.contains("aliases"), "{}", err.message);
    }
}
