//! Terraform plans (`terraform show -json plan.out`): the resources the plan leaves behind,
//! read from `planned_values` (the root module and every child module; a state's `values`
//! likewise), made the tree a `.tf`
//! file gives after [`super::normalise`]: a `resource` object keyed by address, each body in
//! the API's shape.
//!
//! A plan omits what is known only after apply (`values` has no `network_mode` when the
//! provider computes it); `resource_changes[].change.after_unknown` says which attributes those
//! are, and each becomes an unknown value, so that "known after apply" is never read as
//! "omitted". Where the configuration says an unknown attribute refers to another resource
//! (`configuration…expressions.task_definition.references`), the unknown value is that
//! reference, which the linker follows like a `.tf` file's.

use std::borrow::Cow;
use std::collections::HashMap;

use super::shape::{self, TfKind};
use crate::load::{Kind, Member, Node};
use crate::span::Span;

/// Whether a JSON document is a plan, or a state (`terraform show -json` without a plan: its
/// `values` are what exists, all known).
pub fn is_plan(doc: &Node<'_>) -> bool {
    doc.has("format_version")
        && (doc.has("planned_values") || doc.get("values").is_some_and(|v| v.has("root_module")))
}

/// A plan's resources as a `resource` object keyed by address (`text`: the plan's text).
pub fn from_plan<'a>(doc: Node<'a>, text: &'a str) -> Node<'a> {
    let span = doc.span;
    let unknown = after_unknown(&doc);
    let references = configured_references(&doc);
    let Kind::Object(members) = doc.kind else {
        return doc;
    };
    let planned = members.iter().any(|m| m.key == "planned_values");
    let values = if planned { "planned_values" } else { "values" };
    let mut resources = Vec::new();
    for m in members {
        if m.key != values {
            continue;
        }
        if let Some(root) = m.value.into_member("root_module") {
            module_resources(root, &unknown, &references, text, &mut resources);
        }
    }
    Node {
        span,
        kind: Kind::Object(vec![Member {
            key: Cow::Borrowed("resource"),
            key_span: Span::new(span.start as usize, span.start as usize),
            value: Node {
                span,
                kind: Kind::Object(resources),
            },
        }]),
    }
}

/// The resources of a module of `planned_values` and of its child modules, in order.
fn module_resources<'a>(
    module: Node<'a>,
    unknown: &HashMap<String, Node<'a>>,
    references: &HashMap<String, Node<'a>>,
    text: &'a str,
    out: &mut Vec<Member<'a>>,
) {
    let Kind::Object(members) = module.kind else {
        return;
    };
    for m in members {
        match (m.key.as_ref(), m.value.kind) {
            ("resources", Kind::Array(items)) => {
                for r in items {
                    if let Some(member) = resource(r, unknown, references, text) {
                        out.push(member);
                    }
                }
            }
            ("child_modules", Kind::Array(children)) => {
                for child in children {
                    module_resources(child, unknown, references, text, out);
                }
            }
            _ => {}
        }
    }
}

/// One resource of `planned_values`: `address: body`, when it is a managed resource of a kind
/// ecslint reads.
fn resource<'a>(
    r: Node<'a>,
    unknown: &HashMap<String, Node<'a>>,
    references: &HashMap<String, Node<'a>>,
    text: &'a str,
) -> Option<Member<'a>> {
    if r.get("mode").and_then(Node::as_str) != Some("managed") {
        return None;
    }
    let kind = TfKind::of(r.get("type").and_then(Node::as_str)?)?;
    let address = r.member("address")?;
    let key: Cow<'a, str> = Cow::Owned(address.value.as_str()?.to_string());
    let key_span = address.value.span;
    let mut values = r.into_member("values")?;
    if let Some(u) = unknown.get(key.as_ref()) {
        let refs = references.get(without_index(&key));
        mark_unknown(&mut values, u, refs);
    }
    Some(Member {
        key,
        key_span,
        value: shape::resource_body(kind, values, text),
    })
}

/// `aws_ecs_service.web[0]` → `aws_ecs_service.web` (the configuration names the resource,
/// not its instances).
fn without_index(address: &str) -> &str {
    match address.strip_suffix(']').and_then(|a| a.rfind('[')) {
        Some(i) => &address[..i],
        None => address,
    }
}

/// `resource_changes[].change.after_unknown` by address.
fn after_unknown<'a>(doc: &Node<'a>) -> HashMap<String, Node<'a>> {
    doc.get("resource_changes")
        .and_then(Node::as_array)
        .unwrap_or_default()
        .iter()
        .filter_map(|c| {
            let address = c.get("address")?.as_str()?.to_string();
            let unknown = c.get("change")?.get("after_unknown")?.clone();
            Some((address, unknown))
        })
        .collect()
}

/// The configuration's `expressions` of every resource, by address (modules prefixed, as
/// `planned_values` names them).
fn configured_references<'a>(doc: &Node<'a>) -> HashMap<String, Node<'a>> {
    let mut out = HashMap::new();
    if let Some(root) = doc.get("configuration").and_then(|c| c.get("root_module")) {
        module_expressions(root, "", &mut out, 0);
    }
    out
}

fn module_expressions<'a>(
    module: &Node<'a>,
    prefix: &str,
    out: &mut HashMap<String, Node<'a>>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    for r in module
        .get("resources")
        .and_then(Node::as_array)
        .unwrap_or_default()
    {
        if let (Some(address), Some(expressions)) = (
            r.get("address").and_then(Node::as_str),
            r.get("expressions"),
        ) {
            out.insert(format!("{prefix}{address}"), expressions.clone());
        }
    }
    for call in module
        .get("module_calls")
        .and_then(Node::as_object)
        .unwrap_or_default()
    {
        if let Some(inner) = call.value.get("module") {
            let prefix = format!("{prefix}module.{}.", call.key);
            module_expressions(inner, &prefix, out, depth + 1);
        }
    }
}

/// Puts an unknown value wherever `unknown` (an `after_unknown` tree) says the plan does not
/// know one: `true` for the whole value, or objects and lists of those. An unknown value the
/// configuration computes from other resources is their first reference.
fn mark_unknown<'a>(values: &mut Node<'a>, unknown: &Node<'a>, expressions: Option<&Node<'a>>) {
    match (&mut values.kind, &unknown.kind) {
        (_, Kind::Bool(true)) => *values = placeholder(values.span, expressions),
        (Kind::Object(members), Kind::Object(marks)) => {
            for mark in marks {
                if !any_unknown(&mark.value) {
                    continue;
                }
                let expr = expressions.and_then(|e| e.get(&mark.key));
                match members.iter_mut().find(|m| m.key == mark.key) {
                    Some(m) => mark_unknown(&mut m.value, &mark.value, expr),
                    None => {
                        let at = values.span;
                        members.push(Member {
                            key: mark.key.clone(),
                            key_span: at,
                            value: placeholder(at, expr),
                        });
                    }
                }
            }
        }
        (Kind::Array(items), Kind::Array(marks)) => {
            for (i, mark) in marks.iter().enumerate() {
                if !any_unknown(mark) {
                    continue;
                }
                let expr = expressions
                    .and_then(Node::as_array)
                    .and_then(|e| e.get(i).or(e.first()));
                match items.get_mut(i) {
                    Some(item) => mark_unknown(item, mark, expr),
                    None => items.push(placeholder(values.span, expr)),
                }
            }
        }
        // `null` (or another value) where the plan marks parts unknown: unknown whole.
        _ if any_unknown(unknown) => *values = placeholder(values.span, expressions),
        _ => {}
    }
}

fn any_unknown(mark: &Node<'_>) -> bool {
    match &mark.kind {
        Kind::Bool(b) => *b,
        Kind::Object(members) => members.iter().any(|m| any_unknown(&m.value)),
        Kind::Array(items) => items.iter().any(any_unknown),
        _ => false,
    }
}

/// An unknown value at `span`: the configuration's first reference to another resource when
/// it has one (`aws_ecs_task_definition.web.arn`), else "known after apply".
fn placeholder<'a>(span: Span, expression: Option<&Node<'a>>) -> Node<'a> {
    let reference = expression
        .and_then(|e| e.get("references"))
        .and_then(Node::as_array)
        .and_then(|refs| refs.iter().find_map(Node::as_str))
        .filter(|r| !r.starts_with("var.") && !r.starts_with("local."));
    let text = match reference {
        Some(r) => Cow::Owned(r.to_string()),
        None => Cow::Borrowed("(known after apply)"),
    };
    Node {
        span,
        kind: Kind::Placeholder(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::json;

    const PLAN: &str = r#"{
  "format_version": "1.2",
  "planned_values": {"root_module": {
    "resources": [
      {"address": "aws_ecs_service.web", "mode": "managed", "type": "aws_ecs_service", "name": "web",
       "values": {"name": "web", "launch_type": "FARGATE", "network_configuration": [{"assign_public_ip": false}]}},
      {"address": "data.aws_ecs_cluster.x", "mode": "data", "type": "aws_ecs_cluster", "name": "x", "values": {}}
    ],
    "child_modules": [{"address": "module.m", "resources": [
      {"address": "module.m.aws_ecs_cluster.c[0]", "mode": "managed", "type": "aws_ecs_cluster", "name": "c", "index": 0,
       "values": {"name": "c"}}
    ]}]
  }},
  "resource_changes": [
    {"address": "aws_ecs_service.web", "change": {"after_unknown": {"task_definition": true, "id": true,
      "network_configuration": [{"subnets": true}]}}}
  ],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_ecs_service.web", "expressions": {
      "task_definition": {"references": ["aws_ecs_task_definition.web.arn", "aws_ecs_task_definition.web"]},
      "network_configuration": [{"subnets": {"references": ["var.subnets"]}}]}}
  ]}}
}"#;

    #[test]
    fn planned_resources_with_what_apply_decides_unknown() {
        let doc = json::parse(PLAN, 0).expect("parses").expect("a document");
        assert!(is_plan(&doc));
        let doc = from_plan(doc, PLAN);
        let resources = doc
            .get("resource")
            .and_then(Node::as_object)
            .expect("resources");
        let keys: Vec<&str> = resources.iter().map(|m| m.key.as_ref()).collect();
        assert_eq!(
            keys,
            ["aws_ecs_service.web", "module.m.aws_ecs_cluster.c[0]"]
        );
        let svc = &resources[0].value;
        assert!(matches!(
            svc.get("taskDefinition").map(|n| &n.kind),
            Some(Kind::Placeholder(r)) if r == "aws_ecs_task_definition.web.arn"
        ));
        let vpc = svc
            .get("networkConfiguration")
            .and_then(|n| n.get("awsvpcConfiguration"))
            .expect("awsvpc");
        assert!(vpc.get("subnets").is_some_and(Node::is_placeholder));
        assert_eq!(
            vpc.get("assignPublicIp").and_then(Node::as_str),
            Some("DISABLED")
        );
        assert_eq!(
            &PLAN[resources[0].key_span.range()],
            "\"aws_ecs_service.web\""
        );
    }

    #[test]
    fn instance_indexes_are_not_part_of_the_configured_address() {
        assert_eq!(
            without_index("aws_ecs_service.web[0]"),
            "aws_ecs_service.web"
        );
        assert_eq!(without_index("module.m.x.y[\"a\"]"), "module.m.x.y");
        assert_eq!(without_index("aws_ecs_service.web"), "aws_ecs_service.web");
    }
}
