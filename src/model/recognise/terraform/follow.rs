//! `container_definitions = file("…")` and `templatefile("…", {…})`: which file a task
//! definition's container definitions come from, and splicing that file's text into the tree.
//!
//! The engine reads the named files (`engine::followed`, which keeps the linted tree's bounds)
//! and appends each one's text to the `.tf` file's; [`splice`] then puts a string node spanning
//! the appended text where the call was, which the task definition's shape reads as JSON in
//! place, like a heredoc. Findings in the appended text are moved into the followed file by
//! the engine. Only a path Terraform would resolve the same way wherever it runs is followed:
//! a literal, relative path, optionally under `${path.module}` (or `${path.root}`/
//! `${path.cwd}`, read as the `.tf` file's directory); any other interpolation, a variable or
//! an absolute path is not.

use std::borrow::Cow;

use crate::load::{Kind, Node};
use crate::span::Span;

/// A `file()`/`templatefile()` call giving a task definition's container definitions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// The task definition's address (`aws_ecs_task_definition.web`).
    pub resource: String,
    /// The whole call expression.
    pub span: Span,
    /// The path argument (its quotes included), where a finding about the path points.
    pub arg: Span,
    /// The path as Terraform resolves it, relative to the `.tf` file's directory, or why it
    /// cannot be known.
    pub path: Result<String, NotFollowed>,
    /// Whether the path is under `${path.module}`: then Terraform resolves it against the
    /// module's directory wherever it runs, so a missing file is certainly missing.
    pub under_module: bool,
}

/// Why a call's path is not followed (before any file is looked at).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotFollowed {
    /// The path is computed (a variable, another interpolation): unknown, silently.
    Computed,
    /// An absolute path: outside the linted tree by definition.
    Absolute(String),
}

/// Whether a `.tf` text may call `file()` or `templatefile()` at all (cheap, before parsing).
pub fn may_follow(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"file(").is_some()
}

/// The `file()`/`templatefile()` calls giving container definitions in a `.tf` document (as
/// the HCL loader reads it, before [`super::normalise`]).
pub fn calls(doc: &Node<'_>, text: &str) -> Vec<Call> {
    let mut out = Vec::new();
    let named = doc
        .get("resource")
        .and_then(|r| r.get("aws_ecs_task_definition"))
        .and_then(Node::as_object)
        .unwrap_or_default();
    for td in named {
        let Some(m) = td.value.member("container_definitions") else {
            continue;
        };
        if let Kind::Placeholder(source) = &m.value.kind {
            if let Some(mut call) = parse_call(source, m.value.span, text) {
                call.resource = format!("aws_ecs_task_definition.{}", td.key);
                out.push(call);
            }
        }
    }
    out
}

/// Reads `file("…")` or `templatefile("…", …)` from an expression's source text.
fn parse_call(source: &str, span: Span, text: &str) -> Option<Call> {
    let rest = source
        .strip_prefix("templatefile")
        .or_else(|| source.strip_prefix("file"))?
        .trim_start();
    let args = rest.strip_prefix('(')?.trim_start();
    let offset = span.start as usize + (source.len() - args.len());
    if !args.starts_with('"') {
        // `file(var.path)`, `file(local.x)`: computed.
        return Some(Call {
            resource: String::new(),
            span,
            arg: span,
            path: Err(NotFollowed::Computed),
            under_module: false,
        });
    }
    let close = args[1..].find('"')? + 1;
    let arg = Span::new(offset, offset + close + 1);
    debug_assert!(text.get(arg.range()).is_some());
    let literal = &args[1..close];
    let (path, under_module) = resolve(literal);
    Some(Call {
        resource: String::new(),
        span,
        arg,
        path,
        under_module,
    })
}

/// The path a literal argument names, relative to the `.tf` file's directory.
fn resolve(literal: &str) -> (Result<String, NotFollowed>, bool) {
    if literal.contains('\\') {
        return (Err(NotFollowed::Computed), false);
    }
    let mut under_module = false;
    let mut rest = literal;
    for prefix in ["${path.module}", "${path.root}", "${path.cwd}"] {
        if let Some(r) = rest.strip_prefix(prefix) {
            under_module = prefix == "${path.module}";
            rest = r;
            if rest.is_empty() {
                return (Err(NotFollowed::Computed), false);
            }
            rest = rest.strip_prefix('/').unwrap_or(rest);
            if rest.starts_with('/') {
                return (Err(NotFollowed::Computed), false);
            }
            break;
        }
    }
    if rest.contains("${") || rest.contains("%{") || rest.is_empty() {
        return (Err(NotFollowed::Computed), false);
    }
    let absolute = rest.starts_with('/')
        || rest.starts_with('~')
        || rest.as_bytes().get(1) == Some(&b':')
        || rest.starts_with('\\');
    if absolute {
        return (Err(NotFollowed::Absolute(rest.to_string())), false);
    }
    (Ok(rest.to_string()), under_module)
}

/// Puts a string node spanning `content` where the call at `call` gave container definitions,
/// for each `(call, content)` of `spliced` (`text`: the `.tf` text with the followed files'
/// texts appended).
pub fn splice<'a>(mut doc: Node<'a>, spliced: &[(Span, Span)], text: &'a str) -> Node<'a> {
    if spliced.is_empty() {
        return doc;
    }
    let Kind::Object(members) = &mut doc.kind else {
        return doc;
    };
    let bodies = members
        .iter_mut()
        .filter(|m| m.key == "resource")
        .filter_map(|m| match &mut m.value.kind {
            Kind::Object(types) => Some(types),
            _ => None,
        })
        .flat_map(|types| types.iter_mut())
        .filter(|t| t.key == "aws_ecs_task_definition")
        .filter_map(|t| match &mut t.value.kind {
            Kind::Object(named) => Some(named),
            _ => None,
        })
        .flat_map(|named| named.iter_mut());
    for body in bodies {
        let Kind::Object(fields) = &mut body.value.kind else {
            continue;
        };
        for f in fields
            .iter_mut()
            .filter(|f| f.key == "container_definitions")
        {
            if let Some((_, content)) = spliced.iter().find(|(call, _)| *call == f.value.span) {
                if let Some(s) = text.get(content.range()) {
                    f.value = Node {
                        span: *content,
                        kind: Kind::String(Cow::Borrowed(s)),
                    };
                }
            }
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::hcl;

    fn calls_in(text: &str) -> Vec<Call> {
        let doc = hcl::parse(text, 0).expect("parses");
        calls(&doc, text)
    }

    #[test]
    fn a_literal_path_under_the_module_is_followed() {
        let text = r#"resource "aws_ecs_task_definition" "a" {
  container_definitions = file("${path.module}/defs/app.json")
}"#;
        let calls = calls_in(text);
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].path, Ok("defs/app.json".to_string()));
        assert!(calls[0].under_module);
        assert_eq!(
            &text[calls[0].arg.range()],
            r#""${path.module}/defs/app.json""#
        );
        assert_eq!(
            &text[calls[0].span.range()],
            r#"file("${path.module}/defs/app.json")"#
        );
    }

    #[test]
    fn templatefile_and_plain_relative_paths() {
        let text = r#"resource "aws_ecs_task_definition" "a" {
  container_definitions = templatefile( "td.json.tpl", { image = var.image })
}"#;
        let calls = calls_in(text);
        assert_eq!(calls[0].path, Ok("td.json.tpl".to_string()));
        assert!(!calls[0].under_module);
        assert_eq!(&text[calls[0].arg.range()], r#""td.json.tpl""#);
    }

    #[test]
    fn computed_and_absolute_paths_are_not_followed() {
        for (arg, want) in [
            ("var.path", Err(NotFollowed::Computed)),
            (r#""${var.dir}/a.json""#, Err(NotFollowed::Computed)),
            (r#""${path.module}""#, Err(NotFollowed::Computed)),
            (
                r#""/etc/passwd""#,
                Err(NotFollowed::Absolute("/etc/passwd".into())),
            ),
            (
                r#""~/a.json""#,
                Err(NotFollowed::Absolute("~/a.json".into())),
            ),
        ] {
            let text = format!(
                "resource \"aws_ecs_task_definition\" \"a\" {{\n  container_definitions = file({arg})\n}}"
            );
            let calls = calls_in(&text);
            assert_eq!(calls[0].path, want, "{arg}");
        }
    }

    #[test]
    fn only_container_definitions_of_task_definitions() {
        let text = r#"resource "aws_ecs_service" "a" { task_definition = file("x.json") }
resource "aws_ecs_task_definition" "b" { family = file("y.txt") }"#;
        assert!(calls_in(text).is_empty());
    }

    #[test]
    fn splicing_puts_the_content_where_the_call_was() {
        let mut text = r#"resource "aws_ecs_task_definition" "a" {
  container_definitions = file("a.json")
}"#
        .to_string();
        let call = calls_in(&text)[0].span;
        let start = text.len() + 1;
        text.push('\n');
        text.push_str("[{\"name\": \"x\"}]");
        let content = Span::new(start, text.len());
        let tf_len = start - 1;
        let doc = hcl::parse(&text[..tf_len], 0).expect("parses");
        let doc = splice(doc, &[(call, content)], &text);
        let cd = doc
            .get("resource")
            .and_then(|r| r.get("aws_ecs_task_definition"))
            .and_then(|r| r.get("a"))
            .and_then(|r| r.get("container_definitions"))
            .unwrap();
        assert_eq!(cd.span, content);
        assert_eq!(cd.as_str(), Some("[{\"name\": \"x\"}]"));
    }
}
