//! YAML templates: Go-template actions (`{{ .Values.image }}`, Helm, ecspresso, gomplate)
//! written where a value belongs make a file invalid YAML (`image: {{ .Values.repo }}:latest`,
//! a `{{- if }}` line between keys). Such a file is read anyway, as a template: a stand-in text
//! of the same length is parsed instead, and every scalar that held an action gets its own text
//! back, where [`crate::model::value::is_placeholder`] sees an unknown value.
//!
//! The stand-in keeps every offset: a control action alone on its line (`{{- if .Values.x }}`,
//! `{{ end }}`) becomes a comment (`#{- if .Values.x }}`), any other action becomes a plain
//! scalar (`((- .Values.repo ))`). Only a file that does not parse as it is gets this treatment,
//! and if the stand-in does not parse either, the original error is reported.

use std::borrow::Cow;

use super::tree::{Kind, Member, Node};

/// Keywords of actions that control the template rather than produce a value.
const CONTROL: &[&str] = &[
    "if", "else", "end", "range", "with", "define", "block", "break", "continue", "/*",
];

/// Where the `{{ … }}` actions of `line` are (outside quotes and comments), as byte ranges.
fn actions(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'{' && bytes.get(i + 1) == Some(&b'{') => {
                let Some(close) = line[i + 2..].find("}}") else {
                    break;
                };
                let end = i + 2 + close + 2;
                out.push((i, end));
                i = end;
                continue;
            }
            None if matches!(b, b'"' | b'\'')
                && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b':' | b'-' | b'[' | b',')) =>
            {
                quote = Some(b);
            }
            None if b == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) => break,
            None => {}
        }
        i += 1;
    }
    out
}

/// The keyword of a control action (`{{- if .x }}` → `if`, `{{ end }}` → `end`), or `None`
/// for an action that produces a value.
pub fn control_keyword(action: &str) -> Option<&str> {
    is_control(action).then(|| keyword(action))
}

/// Whether a control action opens a block that `{{ end }}` closes.
pub fn opens_block(keyword: &str) -> bool {
    OPENS_BLOCK.contains(&keyword)
}

fn is_control(action: &str) -> bool {
    let inner = action
        .trim_start_matches("{{")
        .trim_start_matches('-')
        .trim_start();
    CONTROL.iter().any(|k| {
        inner.strip_prefix(k).is_some_and(|rest| {
            rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    })
}

/// Keywords of control actions that open a block closed by `{{ end }}`.
const OPENS_BLOCK: &[&str] = &["if", "range", "with", "define", "block"];

fn keyword(action: &str) -> &str {
    let inner = action
        .trim_start_matches("{{")
        .trim_start_matches('-')
        .trim_start();
    inner
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '/' || c == '*'))
        .next()
        .unwrap_or("")
}

/// A YAML template made parseable: the stand-in text, how many actions it held, and the byte
/// ranges inside `{{ if }}`/`{{ range }}`/`{{ with }}` blocks, whose content is conditional
/// (what they hold is unknown, not known present).
#[derive(Debug)]
pub struct StandIn {
    pub text: String,
    pub actions: u32,
    pub conditional: Vec<std::ops::Range<usize>>,
}

/// The stand-in of `text`, or `None` when it holds no action.
pub fn yaml_stand_in(text: &str) -> Option<StandIn> {
    if !text.contains("{{") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut count = 0u32;
    let mut open: Vec<usize> = Vec::new();
    let mut conditional = Vec::new();
    for line in text.split_inclusive('\n') {
        let line_start = out.len();
        let found = actions(line);
        if found.is_empty() {
            out.push_str(line);
            continue;
        }
        count = count.saturating_add(u32::try_from(found.len()).unwrap_or(u32::MAX));
        let trimmed = line.trim();
        let alone = found.len() == 1
            && trimmed.len() == found[0].1 - found[0].0
            && trimmed.starts_with("{{");
        if alone && is_control(trimmed) {
            match keyword(trimmed) {
                k if OPENS_BLOCK.contains(&k) => open.push(line_start + line.len()),
                "end" => {
                    if let Some(start) = open.pop() {
                        conditional.push(start..line_start);
                    }
                }
                _ => {}
            }
            let at = found[0].0;
            out.push_str(&line[..at]);
            out.push('#');
            out.push_str(&line[at + 1..]);
            continue;
        }
        let mut copied = 0;
        for (start, end) in found {
            out.push_str(&line[copied..start]);
            out.push_str("((");
            out.push_str(&line[start + 2..end - 2]);
            out.push_str("))");
            copied = end;
        }
        out.push_str(&line[copied..]);
    }
    // A block left open runs to the end of the file.
    conditional.extend(open.into_iter().map(|start| start..text.len()));
    Some(StandIn {
        text: out,
        actions: count,
        conditional,
    })
}

/// `node`, parsed from the stand-in, owned, with the text of `original` back in every scalar
/// and key the stand-in changed, and every value inside a conditional block unknown (a
/// [`Kind::Placeholder`] of its text). `base` is where both texts start in the file.
pub fn restore(node: Node<'_>, original: &str, stand_in: &StandIn, base: usize) -> Node<'static> {
    let conditional = |span: crate::span::Span| {
        let at = (span.start as usize).saturating_sub(base);
        stand_in.conditional.iter().any(|r| r.contains(&at))
    };
    let unknown = |span: crate::span::Span| {
        let range =
            (span.start as usize).saturating_sub(base)..(span.end as usize).saturating_sub(base);
        Node {
            span,
            kind: Kind::Placeholder(Cow::Owned(
                original.get(range).unwrap_or_default().to_string(),
            )),
        }
    };
    let stand_in_text = stand_in.text.as_str();
    let changed = |span: crate::span::Span| -> Option<String> {
        let range =
            (span.start as usize).checked_sub(base)?..(span.end as usize).checked_sub(base)?;
        let was = original.get(range.clone())?;
        (stand_in_text.get(range)? != was).then(|| was.to_string())
    };
    let kind = match node.kind {
        Kind::Null => Kind::Null,
        Kind::Bool(b) => Kind::Bool(b),
        Kind::Number(n) => match changed(node.span) {
            Some(text) => Kind::String(Cow::Owned(text)),
            None => Kind::Number(Cow::Owned(n.into_owned())),
        },
        Kind::String(s) => Kind::String(Cow::Owned(
            changed(node.span).unwrap_or_else(|| s.into_owned()),
        )),
        Kind::Placeholder(p) => Kind::Placeholder(Cow::Owned(p.into_owned())),
        Kind::Array(items) => Kind::Array(
            items
                .into_iter()
                .map(|i| {
                    if conditional(i.span) {
                        unknown(i.span)
                    } else {
                        restore(i, original, stand_in, base)
                    }
                })
                .collect(),
        ),
        Kind::Object(members) => Kind::Object(
            members
                .into_iter()
                .map(|m| Member {
                    key: Cow::Owned(changed(m.key_span).unwrap_or_else(|| m.key.into_owned())),
                    key_span: m.key_span,
                    value: if conditional(m.key_span) {
                        unknown(m.value.span)
                    } else {
                        restore(m.value, original, stand_in, base)
                    },
                })
                .collect(),
        ),
    };
    Node {
        span: node.span,
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_ins_keep_every_offset() {
        let text = "family: {{ .Values.name }}\n{{- if .Values.x }}\ncpu: 256\n{{- end }}\nimage: {{ .Values.repo }}:latest\nq: \"{{ quoted }}\"\nenv:\n  {{- toYaml .Values.env | nindent 2 }}\n";
        let StandIn {
            text: out,
            actions: n,
            conditional,
        } = yaml_stand_in(text).expect("template");
        let inside = &text[conditional[0].clone()];
        assert_eq!(inside, "cpu: 256\n");
        assert_eq!(out.len(), text.len());
        assert_eq!(n, 5);
        assert!(out.contains("\n#{- if .Values.x }}\n"), "{out}");
        assert!(out.contains("\n#{- end }}\n"), "{out}");
        assert!(out.contains("image: (( .Values.repo )):latest"), "{out}");
        assert!(out.contains("q: \"{{ quoted }}\""), "{out}");
        assert!(
            out.contains("  ((- toYaml .Values.env | nindent 2 ))"),
            "{out}"
        );
        assert!(yaml_stand_in("a: 1\n").is_none());
    }
}
