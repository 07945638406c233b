//! Terraform ([`Dialect::Terraform`]). A `.tf` file (HCL, read by [`crate::load::hcl`]) is
//! first put in shape ([`normalise`]): each `resource "type" "name"` of a kind ecslint reads
//! becomes a member `"type.name"` of `resource` (the address Terraform itself prints, which
//! findings name it by and references link), its body rewritten into the ECS or ELB API's
//! shape by [`shape`]. The recogniser then reads those bodies like API input, in Terraform's
//! spelling for messages. References (`aws_ecs_task_definition.web.arn`) are
//! [`crate::model::Val::Ref`]s the linker follows within the file; variables, locals, data
//! sources, modules and function calls stay unknown.
//!
//! Terraform's JSON syntax (`*.tf.json`, `cdktf synth` output) is made the same tree first
//! ([`from_json_syntax`]); a plan (`terraform show -json`) is read from its planned values
//! ([`plan`]).

pub mod follow;
pub mod plan;
mod shape;

use std::borrow::Cow;

use super::Recognised;
use crate::classify::Foreign;
use crate::load::{Kind, Member, Node};
use crate::model::{
    Cluster, Dialect, Elb, Listener, ListenerKind, Resource, Service, ServiceShape, TargetGroup,
    TaskDef, TaskDefShape,
};
pub use shape::TfKind;

const TF: Dialect = Dialect::Terraform;

/// JSON documents that are Terraform's: its JSON syntax and its plans, put in shape by
/// [`super::shape`] (the plan's resources by [`plan::from_plan`]); a plan without planned values
/// (a state) is not read.
pub(super) fn recognise<'t>(doc: &'t Node<'t>, text: &str) -> Option<Recognised<'t>> {
    if doc.has("format_version") && (doc.has("terraform_version") || doc.has("planned_values")) {
        return Some(Recognised::NotRead(Foreign::TerraformPlan));
    }
    is_json_syntax(doc).then(|| recognise_hcl(doc, text))
}

/// Whether a JSON document is in Terraform's JSON syntax (`*.tf.json`, `cdktf synth` output):
/// a top-level `resource`, `terraform`, `provider` or `module` object.
pub fn is_json_syntax(doc: &Node<'_>) -> bool {
    !doc.has("format_version")
        && ["resource", "terraform", "provider", "module"]
            .iter()
            .any(|k| {
                doc.get(k)
                    .is_some_and(|n| n.is_item_object() || n.as_array().is_some())
            })
}

/// A document in Terraform's JSON syntax made the tree the HCL loader gives a `.tf` file:
/// `resource` given as a list of objects is one object, a resource body given as a list is its
/// last object, a string that is one interpolation (`"${aws_ecs_cluster.main.arn}"`) is that
/// expression, and `dynamic` blocks are expression items of the lists they add to.
pub fn from_json_syntax(doc: Node<'_>) -> Node<'_> {
    let span = doc.span;
    let Kind::Object(members) = doc.kind else {
        return doc;
    };
    let members = members
        .into_iter()
        .map(|m| {
            if m.key != "resource" {
                return Member {
                    value: expressions(m.value),
                    ..m
                };
            }
            let value_span = m.value.span;
            let types: Vec<Member<'_>> = match m.value.kind {
                Kind::Array(items) => items
                    .into_iter()
                    .filter_map(|i| match i.kind {
                        Kind::Object(types) => Some(types),
                        _ => None,
                    })
                    .flatten()
                    .collect(),
                Kind::Object(types) => types,
                _ => Vec::new(),
            };
            let types = types
                .into_iter()
                .map(|ty| {
                    let ty_span = ty.value.span;
                    let named = match ty.value.kind {
                        Kind::Object(named) => named
                            .into_iter()
                            .map(|r| Member {
                                value: resource_body(r.value),
                                ..r
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    Member {
                        value: Node {
                            span: ty_span,
                            kind: Kind::Object(named),
                        },
                        ..ty
                    }
                })
                .collect();
            Member {
                key: m.key,
                key_span: m.key_span,
                value: Node {
                    span: value_span,
                    kind: Kind::Object(types),
                },
            }
        })
        .collect();
    Node {
        span,
        kind: Kind::Object(members),
    }
}

/// A resource body of Terraform's JSON syntax: its last object when given as a list, its
/// interpolations read as expressions, its `dynamic` blocks as expression items.
fn resource_body(body: Node<'_>) -> Node<'_> {
    let body = match body.kind {
        Kind::Array(items) => match items.into_iter().rfind(|i| i.is_item_object()) {
            Some(last) => last,
            None => return unknown_at(body.span),
        },
        _ => body,
    };
    let span = body.span;
    let Kind::Object(members) = body.kind else {
        return expressions(body);
    };
    let mut out: Vec<Member<'_>> = Vec::with_capacity(members.len());
    let mut dynamic = Vec::new();
    for m in members {
        if m.key == "dynamic" {
            dynamic.extend(
                m.value
                    .as_object()
                    .unwrap_or_default()
                    .iter()
                    .map(|d| (d.key.clone(), d.key_span)),
            );
            continue;
        }
        out.push(Member {
            value: expressions(m.value),
            ..m
        });
    }
    // `"dynamic": {"load_balancer": {…}}` adds `load_balancer` blocks Terraform computes.
    for (name, at) in dynamic {
        let item = unknown_at(at);
        match out.iter_mut().find(|m| m.key == name) {
            Some(Member {
                value:
                    Node {
                        kind: Kind::Array(items),
                        ..
                    },
                ..
            }) => items.push(item),
            Some(m) => {
                let first = std::mem::replace(&mut m.value, unknown_at(at));
                m.value = Node {
                    span: first.span,
                    kind: Kind::Array(vec![first, item]),
                };
            }
            None => out.push(Member {
                key: name,
                key_span: at,
                value: Node {
                    span: at,
                    kind: Kind::Array(vec![item]),
                },
            }),
        }
    }
    Node {
        span,
        kind: Kind::Object(out),
    }
}

/// Every string that is one interpolation (`"${var.cpu}"`) made that expression.
fn expressions(node: Node<'_>) -> Node<'_> {
    let span = node.span;
    let kind = match node.kind {
        Kind::String(s) => match one_interpolation(&s) {
            Some(expr) => Kind::Placeholder(Cow::Owned(expr.to_string())),
            None => Kind::String(s),
        },
        Kind::Array(items) => Kind::Array(items.into_iter().map(expressions).collect()),
        Kind::Object(members) => Kind::Object(
            members
                .into_iter()
                .map(|m| Member {
                    value: expressions(m.value),
                    ..m
                })
                .collect(),
        ),
        kind => kind,
    };
    Node { span, kind }
}

/// A value Terraform computes, at `span`.
fn unknown_at(span: crate::span::Span) -> Node<'static> {
    Node {
        span,
        kind: Kind::Placeholder(Cow::Borrowed("dynamic")),
    }
}

/// `${expr}` with nothing around it: `expr`.
fn one_interpolation(s: &str) -> Option<&str> {
    let inner = s.strip_prefix("${")?.strip_suffix('}')?;
    (!inner.contains("${") && !inner.contains('}')).then_some(inner.trim())
}

/// Whether a `.tf` file's text may declare what ecslint reads: the resource types of
/// [`TfKind`], or a module call that may make ECS resources. A file that cannot is skipped
/// unparsed (most of a Terraform repository is networking, IAM and storage, and the HCL parser
/// is the run's most expensive step per byte).
pub fn may_hold_ecs(text: &str) -> bool {
    let has = |needle: &str| memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some();
    [
        "aws_ecs_",
        "aws_lb",
        "aws_alb",
        "aws_cloudwatch_event_target",
        "aws_scheduler_schedule",
    ]
    .iter()
    .any(|t| has(t))
        || (has("module")
            && ["ecs", "Ecs", "ECS", "container_definitions"]
                .iter()
                .any(|t| has(t)))
}

/// Puts a `.tf` file's document in shape: the resources ecslint reads as `"type.name"`
/// members of `resource`, in the API's shape; everything else as the loader read it.
pub fn normalise<'a>(doc: Node<'a>, text: &'a str) -> Node<'a> {
    let span = doc.span;
    let Kind::Object(members) = doc.kind else {
        return doc;
    };
    let members = members
        .into_iter()
        .map(|m| {
            if m.key != "resource" {
                return m;
            }
            let Member {
                key,
                key_span,
                value,
            } = m;
            let value_span = value.span;
            let Kind::Object(types) = value.kind else {
                return Member {
                    key,
                    key_span,
                    value: Node {
                        span: value_span,
                        kind: value.kind,
                    },
                };
            };
            let mut resources = Vec::new();
            for ty in types {
                let Some(kind) = TfKind::of(&ty.key) else {
                    continue;
                };
                let Kind::Object(named) = ty.value.kind else {
                    continue;
                };
                for r in named {
                    resources.push(Member {
                        key: Cow::Owned(format!("{}.{}", ty.key, r.key)),
                        key_span: r.key_span,
                        value: shape::resource_body(kind, r.value, text),
                    });
                }
            }
            Member {
                key,
                key_span,
                value: Node {
                    span: value_span,
                    kind: Kind::Object(resources),
                },
            }
        })
        .collect();
    Node {
        span,
        kind: Kind::Object(members),
    }
}

/// Reads the resources of a `.tf` file put in shape by [`normalise`].
pub fn recognise_hcl<'t>(doc: &'t Node<'t>, text: &str) -> Recognised<'t> {
    let resources = doc
        .get("resource")
        .and_then(Node::as_object)
        .unwrap_or_default();
    let read: Vec<Resource<'t>> = resources
        .iter()
        .filter_map(|m| {
            if let Some(scheduled) = scheduled_task(m) {
                return Some(scheduled);
            }
            let kind = TfKind::of(resource_type(&m.key)?)?;
            let id = Some(m.key.as_ref());
            let body = &m.value;
            Some(match kind {
                TfKind::TaskDefinition => {
                    let mut td =
                        TaskDef::from_object(body, TaskDefShape::Terraform, TF, m.key_span, text);
                    td.logical_id = id;
                    Resource::TaskDef(td)
                }
                TfKind::Service => {
                    let mut s = Service::from_object(body, ServiceShape::Terraform, TF, m.key_span);
                    s.logical_id = id;
                    // Terraform orders creation by references and `depends_on`, across the
                    // module's files: which listeners exist first is not this file's to say.
                    s.depends_on = None;
                    Resource::Service(s)
                }
                TfKind::Cluster | TfKind::ClusterCapacityProviders => {
                    let association = kind == TfKind::ClusterCapacityProviders;
                    let mut c = Cluster::from_object(body, association, TF, m.key_span);
                    c.logical_id = id;
                    // Other files of the module may refer to it and associate providers.
                    c.referenced_elsewhere = true;
                    Resource::Cluster(c)
                }
                TfKind::TargetGroup => {
                    let mut tg = TargetGroup::from_object(body, TF, m.key_span);
                    tg.logical_id = id;
                    // Listeners in other files of the module may forward to it.
                    tg.referenced_elsewhere = true;
                    Resource::TargetGroup(tg)
                }
                TfKind::LoadBalancer => {
                    let mut lb = Elb::from_object(body, TF, m.key_span);
                    lb.logical_id = id;
                    Resource::Elb(lb)
                }
                TfKind::EventTarget | TfKind::Schedule => return None,
                TfKind::Listener | TfKind::ListenerRule => {
                    let kind = if kind == TfKind::Listener {
                        ListenerKind::Listener
                    } else {
                        ListenerKind::Rule
                    };
                    let mut l = Listener::from_object(body, kind, TF, m.key_span);
                    l.logical_id = id;
                    Resource::Listener(l)
                }
            })
        })
        .collect();
    if !read.is_empty() {
        Recognised::Resources(read)
    } else if calls_ecs_module(doc) {
        Recognised::NotRead(Foreign::TerraformModule)
    } else {
        Recognised::Skipped("a Terraform file without ECS or Elastic Load Balancing resources")
    }
}

/// The ECS task an EventBridge target or schedule runs (`ecs_target`, `ecs_parameters`), read
/// as a scheduled service; `None` for any other resource, or a target of another kind.
fn scheduled_task<'t>(m: &'t Member<'t>) -> Option<Resource<'t>> {
    let params = match TfKind::of(resource_type(&m.key)?)? {
        TfKind::EventTarget => m.value.member("ecsTarget")?,
        TfKind::Schedule => m.value.get("target")?.member("ecsParameters")?,
        _ => return None,
    };
    if !params.value.is_item_object() {
        return None;
    }
    let mut s = Service::from_object(&params.value, ServiceShape::Scheduled, TF, params.key_span);
    s.logical_id = Some(m.key.as_ref());
    s.depends_on = None;
    Some(Resource::Service(s))
}

/// The resource type of an address: `aws_ecs_service` of `aws_ecs_service.web` and of
/// `module.svc.aws_ecs_service.this[0]` (a plan's addresses name modules).
fn resource_type(address: &str) -> Option<&str> {
    let mut parts = address.split('.');
    loop {
        match parts.next()? {
            "module" => {
                parts.next()?;
            }
            ty => return Some(ty),
        }
    }
}

/// Whether a module the file calls makes ECS resources: its source or its name says ECS
/// (`terraform-aws-modules/ecs/aws`, `module "ecs_service"`), or it is given container
/// definitions (terraform-aws-modules/ecs's `modules/service`, called by a relative path).
fn calls_ecs_module(doc: &Node<'_>) -> bool {
    let ecs = |s: &str| s.to_ascii_lowercase().contains("ecs");
    let calls = doc
        .get("module")
        .and_then(Node::as_object)
        .unwrap_or_default();
    calls.iter().any(|call| {
        ecs(&call.key)
            || call
                .value
                .get("source")
                .and_then(Node::as_str)
                .is_some_and(ecs)
            || call.value.has("container_definitions")
    })
}
