//! A JSON document inside a quoted string: Terraform's `container_definitions` written as
//! `"[{\"name\": \"web\"}]"` in HCL, in Terraform's JSON syntax, or as a plan shows it. The
//! string is decoded, its content parsed with the JSON loader, and every span of the tree
//! mapped back onto the quoted text, so a finding's caret lands on the token as written,
//! escapes and all.
//!
//! Hand-written because the mapping is the point: a decoder that gives the text alone (serde's,
//! hcl-edit's) loses where each decoded byte came from.

use super::json;
use super::tree::{Kind, Member, Node};
use crate::span::Span;

/// Parses the JSON document in the quoted string `raw` (quotes included), which starts at byte
/// `base` of the file. JSON escapes and HCL's (`\UXXXXXXXX`, `$${`, `%%{`) are decoded; `${…}`
/// left in the content is a template placeholder (unknown). `None` when `raw` is not one
/// quoted string or its content is no JSON document.
pub fn parse_quoted(raw: &str, base: usize) -> Option<Node<'static>> {
    let (decoded, map) = decode(raw)?;
    let (node, _) = json::parse_template(&decoded, 0).ok()?;
    let node = node?.into_owned();
    let at = |offset: u32| -> u32 {
        let raw_offset = map.get(offset as usize).copied().unwrap_or(0);
        u32::try_from(base)
            .unwrap_or(u32::MAX)
            .saturating_add(raw_offset)
    };
    Some(remap(node, &at))
}

/// The content of a quoted string, decoded, and for each byte of it (and one past its end) the
/// offset in `raw` it came from.
fn decode(raw: &str) -> Option<(String, Vec<u32>)> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut map: Vec<u32> = Vec::with_capacity(inner.len() + 1);
    let bytes = inner.as_bytes();
    let mut i = 0;
    let push = |out: &mut String, map: &mut Vec<u32>, s: &str, from: usize| {
        out.push_str(s);
        // Offsets are those of `raw`, which has the opening quote first.
        map.extend(std::iter::repeat_n((from + 1) as u32, s.len()));
    };
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return None,
            b'\\' => {
                let (s, len) = escape(&inner[i..])?;
                push(&mut out, &mut map, &s, i);
                i += len;
            }
            b'$' | b'%' if inner[i..].starts_with("$${") || inner[i..].starts_with("%%{") => {
                push(&mut out, &mut map, &inner[i + 1..i + 3], i);
                i += 3;
            }
            _ => {
                let ch = inner[i..].chars().next()?;
                let len = ch.len_utf8();
                out.push(ch);
                map.extend((i..i + len).map(|k| (k + 1) as u32));
                i += len;
            }
        }
    }
    map.push((inner.len() + 1) as u32);
    Some((out, map))
}

/// One escape at the start of `s`: what it stands for and how many bytes it takes.
fn escape(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let simple = match b.get(1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let hi = hex(s.get(2..6)?)?;
            if (0xD800..0xDC00).contains(&hi) {
                // A surrogate pair: `\uD83D\uDE00`.
                let lo = s.get(6..8).filter(|p| *p == "\\u").and(s.get(8..12))?;
                let lo = hex(lo)?;
                let c =
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo.checked_sub(0xDC00)?))?;
                return Some((c.to_string(), 12));
            }
            return Some((char::from_u32(hi)?.to_string(), 6));
        }
        b'U' => return Some((char::from_u32(hex(s.get(2..10)?)?)?.to_string(), 10)),
        _ => return None,
    };
    Some((simple.to_string(), 2))
}

fn hex(digits: &str) -> Option<u32> {
    if !digits.bytes().all(|d| d.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// The tree with every span mapped by `at` (decoded offsets to file offsets).
fn remap(node: Node<'static>, at: &dyn Fn(u32) -> u32) -> Node<'static> {
    let span = Span {
        start: at(node.span.start),
        end: at(node.span.end),
    };
    let kind = match node.kind {
        Kind::Array(items) => Kind::Array(items.into_iter().map(|n| remap(n, at)).collect()),
        Kind::Object(members) => Kind::Object(
            members
                .into_iter()
                .map(|m| Member {
                    key: m.key,
                    key_span: Span {
                        start: at(m.key_span.start),
                        end: at(m.key_span.end),
                    },
                    value: remap(m.value, at),
                })
                .collect(),
        ),
        kind => kind,
    };
    Node { span, kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'n>(node: &'n Node<'static>, path: &[&str]) -> &'n Node<'static> {
        let mut n = node;
        for p in path {
            n = match p.parse::<usize>() {
                Ok(i) => &n.as_array().expect("array")[i],
                Err(_) => n.get(p).expect("member"),
            };
        }
        n
    }

    #[test]
    fn spans_point_at_the_quoted_text() {
        let file = r#"x = "[{\"name\": \"web\", \"memory\": 512, \"image\": \"caf\u00e9\"}]""#;
        let base = file.find('"').expect("quote");
        let node = parse_quoted(&file[base..], base).expect("parses");
        let name = at(&node, &["0", "name"]);
        assert_eq!(name.as_str(), Some("web"));
        assert_eq!(&file[name.span.range()], r#"\"web\""#);
        let memory = at(&node, &["0", "memory"]);
        assert_eq!(&file[memory.span.range()], "512");
        let key = &node.as_array().expect("array")[0]
            .member("memory")
            .expect("member")
            .key_span;
        assert_eq!(&file[key.range()], r#"\"memory\""#);
        let image = at(&node, &["0", "image"]);
        assert_eq!(image.as_str(), Some("café"));
        assert_eq!(&file[image.span.range()], r#"\"caf\u00e9\""#);
        assert_eq!(&file[node.span.range()], &file[base + 1..file.len() - 1]);
    }

    #[test]
    fn multibyte_text_and_surrogate_pairs() {
        let raw = r#""[\"é\", \"\ud83d\ude00\", \"$${x}\"]""#;
        let node = parse_quoted(raw, 0).expect("parses");
        let items = node.as_array().expect("array");
        assert_eq!(items[0].as_str(), Some("é"));
        assert_eq!(&raw[items[0].span.range()], r#"\"é\""#);
        assert_eq!(items[1].as_str(), Some("😀"));
        assert_eq!(&raw[items[1].span.range()], r#"\"\ud83d\ude00\""#);
        assert_eq!(&raw[items[2].span.range()], r#"\"$${x}\""#);
    }

    #[test]
    fn what_is_not_one_quoted_json_document_is_none() {
        for raw in [
            r#"[1]"#,
            r#""[1]" + "x""#,
            r#""[1, \x]""#,
            r#""[1"#,
            r#""\ud83d""#,
            r#""not json""#,
            r#""""#,
        ] {
            assert!(parse_quoted(raw, 0).is_none(), "{raw}");
        }
    }

    #[test]
    fn placeholders_in_the_content_are_unknown() {
        let node = parse_quoted(r#""[{\"cpu\": ${cpu}}]""#, 0).expect("parses");
        assert!(at(&node, &["0", "cpu"]).is_placeholder());
    }
}
