//! HCL (Terraform's native syntax, `*.tf`) → a spanned document tree, read with `hcl-edit`
//! (the hcl-rs project's parser that keeps byte spans; it bounds nesting on its own, so deep
//! input is a located error, not a stack overflow).
//!
//! The tree has the shape of Terraform's JSON syntax, so that one recogniser reads both:
//!
//! - an attribute is a member (`cpu = 256` → `"cpu": 256`);
//! - a labelled block nests under its labels (`resource "aws_ecs_service" "web" { … }` →
//!   `"resource": {"aws_ecs_service": {"web": {…}}}`), blocks of the same type merged;
//! - unlabelled blocks of one type are one member holding a list of their bodies, in order
//!   (`volume { … } volume { … }` → `"volume": [{…}, {…}]`): whether a block type is a list
//!   or a single block is the resource's business, not the syntax's;
//! - a `dynamic "volume"` block stands for blocks nobody can count: the list holds an
//!   expression item, so it is not known whole.
//!
//! Values: literals are literals; `jsonencode(x)` (and `tolist`, `toset`, `tomap`) is the value
//! it encodes, spans in the `.tf`; a string with interpolations keeps its template text
//! (`"${var.repo}:latest"`), which the model reads as unknown; every other expression (a
//! reference, a function call, a conditional, a `for`) is an [`Kind::Placeholder`] holding its
//! source text: unknown, never a finding. A heredoc's node spans its content, so a JSON
//! document in it can be read in place ([`crate::model::recognise`]).

use std::borrow::Cow;
use std::ops::Range;

use hcl_edit::expr::{Expression, FuncCall, ObjectKey, UnaryOperator};
use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::template::{Element, Template};
use hcl_edit::Span as _;

use super::{Kind, LoadError, Member, Node};
use crate::span::Span;

/// Parses `text` (a file's text after any byte-order mark; `base` is where it starts).
pub fn parse(text: &str, base: usize) -> Result<Node<'_>, LoadError> {
    let body = hcl_edit::parser::parse_body(text).map_err(|e| error(&e, text, base))?;
    let reader = Reader { text, base };
    Ok(reader.body(&body, Span::new(base, base + text.len())))
}

fn error(e: &hcl_edit::parser::Error, text: &str, base: usize) -> LoadError {
    // Where the parser stopped: an empty span, which the report widens to the character
    // there, or to the last one before it when it stopped at the end of a line.
    let mut at = e.location().offset().min(text.len());
    // The parser may stop inside a character it could not take.
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    LoadError {
        span: Span::new(base + at, base + at),
        message: e.message().to_string(),
    }
}

struct Reader<'a> {
    text: &'a str,
    base: usize,
}

impl<'a> Reader<'a> {
    fn span(&self, range: Option<Range<usize>>) -> Span {
        let r = range.unwrap_or(0..0);
        Span::new(self.base + r.start, self.base + r.end)
    }

    fn source(&self, range: Option<Range<usize>>) -> Cow<'a, str> {
        let text = self.text;
        Cow::Borrowed(range.and_then(|r| text.get(r)).unwrap_or(""))
    }

    fn body(&self, body: &Body, span: Span) -> Node<'a> {
        let mut members: Vec<Member<'a>> = Vec::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(a) => members.push(Member {
                    key: Cow::Owned(a.key.as_str().to_string()),
                    key_span: self.span(a.key.span()),
                    value: self.expr(&a.value),
                }),
                Structure::Block(b) => self.block(b, &mut members),
            }
        }
        Node {
            span,
            kind: Kind::Object(members),
        }
    }

    /// Adds block `b` to the members of the body holding it.
    fn block(&self, b: &Block, members: &mut Vec<Member<'a>>) {
        let ident = b.ident.as_str();
        let block_span = self.span(b.span());
        if ident == "dynamic" {
            // `dynamic "volume" { for_each = … }`: an unknown number of `volume` blocks.
            if let Some(label) = b.labels.first() {
                let item = Node {
                    span: block_span,
                    kind: Kind::Placeholder(self.source(b.span())),
                };
                let key_span = self.span(label.span());
                push_item(members, label.as_str(), key_span, item);
            }
            return;
        }
        let body = self.body(&b.body, block_span);
        if b.labels.is_empty() {
            push_item(members, ident, self.span(b.ident.span()), body);
            return;
        }
        // `resource "type" "name" { … }`: nested under each label in turn.
        let mut level = members;
        let mut key = ident.to_string();
        let mut key_span = self.span(b.ident.span());
        for label in &b.labels {
            let i = match level.iter().position(|m| m.key == key) {
                Some(i) => i,
                None => {
                    level.push(Member {
                        key: Cow::Owned(key),
                        key_span,
                        value: Node {
                            span: block_span,
                            kind: Kind::Object(Vec::new()),
                        },
                    });
                    level.len() - 1
                }
            };
            let Kind::Object(next) = &mut level[i].value.kind else {
                // An attribute and a block of the same name: keep the attribute.
                return;
            };
            level = next;
            key = label.as_str().to_string();
            key_span = self.span(label.span());
        }
        level.push(Member {
            key: Cow::Owned(key),
            key_span,
            value: body,
        });
    }

    fn expr(&self, e: &Expression) -> Node<'a> {
        let span = self.span(e.span());
        let kind = match e {
            Expression::Null(_) => Kind::Null,
            Expression::Bool(b) => Kind::Bool(*b.value()),
            Expression::Number(_) => Kind::Number(self.source(e.span())),
            Expression::String(s) => Kind::String(self.string(s.value(), e.span())),
            Expression::Array(items) => Kind::Array(items.iter().map(|i| self.expr(i)).collect()),
            Expression::Object(object) => Kind::Object(
                object
                    .iter()
                    .map(|(k, v)| self.object_member(k, self.expr(v.expr())))
                    .collect(),
            ),
            Expression::StringTemplate(t) => self.template(t, e.span()),
            Expression::HeredocTemplate(h) => {
                // The node spans the heredoc's content (what a JSON reader needs).
                let content = h.template.span();
                let kind = self.template(&h.template, content.clone());
                return Node {
                    span: self.span(content.or(e.span())),
                    kind,
                };
            }
            Expression::Parenthesis(p) => return self.expr(p.inner()),
            Expression::FuncCall(call) => match self.passes_through(call) {
                Some(arg) => return self.expr(arg),
                None => Kind::Placeholder(self.source(e.span())),
            },
            Expression::UnaryOp(op)
                if matches!(op.operator.value(), UnaryOperator::Neg)
                    && matches!(op.expr, Expression::Number(_)) =>
            {
                Kind::Number(self.source(e.span()))
            }
            _ => Kind::Placeholder(self.source(e.span())),
        };
        Node { span, kind }
    }

    /// A string literal: borrowed from the file when it holds no escape.
    fn string(&self, value: &str, range: Option<Range<usize>>) -> Cow<'a, str> {
        let raw = range
            .and_then(|r| self.text.get(r))
            .and_then(|r| r.strip_prefix('"'))
            .and_then(|r| r.strip_suffix('"'));
        match raw {
            Some(raw) if raw == value => Cow::Borrowed(raw),
            _ => Cow::Owned(value.to_string()),
        }
    }

    /// A template: its literal text when it has no interpolation; its source when it has
    /// interpolations only (`${…}` stays in the text: unknown to the model, yet a rule may
    /// read the literal part around it); an expression when it has directives (`%{ if … }`).
    fn template(&self, t: &Template, range: Option<Range<usize>>) -> Kind<'a> {
        let mut literal = String::new();
        let mut interpolated = false;
        for element in t.iter() {
            match element {
                Element::Literal(s) => literal.push_str(s.value()),
                Element::Interpolation(_) => interpolated = true,
                Element::Directive(_) => return Kind::Placeholder(self.source(range)),
            }
        }
        if !interpolated {
            return Kind::String(Cow::Owned(literal));
        }
        let source = self.source(range);
        let inner = source
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .map(str::to_string);
        match inner {
            Some(inner) => Kind::String(Cow::Owned(inner)),
            None => Kind::String(source),
        }
    }

    /// `jsonencode(x)`, `tolist(x)`, `toset(x)`, `tomap(x)`: the value is `x`'s.
    fn passes_through<'e>(&self, call: &'e FuncCall) -> Option<&'e Expression> {
        let name = call.name.name.as_str();
        let plain = call.name.namespace.is_empty()
            && matches!(name, "jsonencode" | "tolist" | "toset" | "tomap");
        let mut args = call.args.iter();
        match (plain, args.next(), args.next(), call.args.expand_final()) {
            (true, Some(arg), None, false) => Some(arg),
            _ => None,
        }
    }

    /// An object's member: an identifier or a literal string names it; a key computed by an
    /// expression makes the object open (a placeholder member stands for what it adds).
    fn object_member(&self, key: &ObjectKey, value: Node<'a>) -> Member<'a> {
        let key_span = self.span(key.span());
        match key {
            ObjectKey::Ident(ident) => Member {
                key: Cow::Owned(ident.as_str().to_string()),
                key_span,
                value,
            },
            ObjectKey::Expression(Expression::String(s)) => Member {
                key: self.string(s.value(), key.span()),
                key_span,
                value,
            },
            ObjectKey::Expression(_) => Member::open(self.source(key.span()), key_span),
        }
    }
}

/// Appends `item` to the list member `key` (made on first use).
fn push_item<'a>(members: &mut Vec<Member<'a>>, key: &str, key_span: Span, item: Node<'a>) {
    if let Some(m) = members.iter_mut().find(|m| m.key == key) {
        if let Kind::Array(items) = &mut m.value.kind {
            m.value.span = m.value.span.cover(item.span);
            items.push(item);
        }
        // An attribute and a block of the same name: keep the attribute.
        return;
    }
    members.push(Member {
        key: Cow::Owned(key.to_string()),
        key_span,
        value: Node {
            span: item.span,
            kind: Kind::Array(vec![item]),
        },
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Node<'_> {
        parse(text, 0).expect("parses")
    }

    #[test]
    fn labelled_blocks_nest_like_terraform_json() {
        let text = r#"
resource "aws_ecs_service" "web" {
  desired_count = 2
}
resource "aws_ecs_service" "api" {
  name = "api"
}
"#;
        let d = doc(text);
        let services = d.get("resource").and_then(|r| r.get("aws_ecs_service"));
        let services = services.and_then(Node::as_object).expect("services");
        assert_eq!(services.len(), 2);
        assert_eq!(services[0].key, "web");
        assert_eq!(&text[services[0].key_span.range()], "\"web\"");
        let count = services[0].value.get("desired_count").expect("count");
        assert_eq!(&text[count.span.range()], "2");
    }

    #[test]
    fn unlabelled_blocks_are_a_list_and_dynamic_ones_leave_it_open() {
        let d = doc("volume {\n name = \"a\"\n}\nvolume {\n name = \"b\"\n}\n");
        assert_eq!(
            d.get("volume").and_then(Node::as_array).map(<[_]>::len),
            Some(2)
        );
        let d = doc("volume {\n name = \"a\"\n}\ndynamic \"volume\" {\n for_each = var.v\n}\n");
        let items = d.get("volume").and_then(Node::as_array).expect("list");
        assert!(matches!(items[1].kind, Kind::Placeholder(_)));
    }

    #[test]
    fn jsonencode_is_its_value_and_references_are_expressions() {
        let text = r#"x = jsonencode([{ name = "web", cpu = 256, essential = true, "image" = "${var.repo}:1" }])
y = aws_ecs_task_definition.app.arn
z = -1
"#;
        let d = doc(text);
        let first = &d.get("x").and_then(Node::as_array).expect("list")[0];
        assert_eq!(first.get("name").and_then(Node::as_str), Some("web"));
        let cpu = first.get("cpu").expect("cpu");
        assert!(matches!(cpu.kind, Kind::Number(ref n) if n == "256"));
        assert_eq!(&text[cpu.span.range()], "256");
        assert_eq!(
            first.get("image").and_then(Node::as_str),
            Some("${var.repo}:1")
        );
        assert!(matches!(d.get("y").map(|n| &n.kind),
            Some(Kind::Placeholder(s)) if s == "aws_ecs_task_definition.app.arn"));
        assert!(matches!(d.get("z").map(|n| &n.kind), Some(Kind::Number(n)) if n == "-1"));
    }

    #[test]
    fn a_computed_key_opens_the_object() {
        let d = doc("x = { (var.k) = 1, a = 2 }\n");
        let x = d.get("x").expect("x");
        assert!(x.open_member().is_some());
    }

    #[test]
    fn a_heredoc_spans_its_content() {
        let text = "c = <<EOF\n[{\"name\": \"web\"}]\nEOF\n";
        let d = doc(text);
        let c = d.get("c").expect("c");
        assert_eq!(&text[c.span.range()], "[{\"name\": \"web\"}]\n");
    }

    #[test]
    fn syntax_errors_are_located_and_deep_nesting_refused() {
        let err = parse("resource \"a\" {\n  x = \n}\n", 0).expect_err("error");
        assert_eq!(err.span.start, 21, "{err:?}");
        // Stopped inside a two-byte character: the span is on a boundary.
        let err = parse("rsc \u{3ab}", 0).expect_err("error");
        assert_eq!(err.span.start, 4);
        let deep = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&deep, 0).is_err());
    }
}
