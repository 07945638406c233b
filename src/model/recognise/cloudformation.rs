//! CloudFormation templates, SAM templates, `cdk synth` output (nested stacks too) and
//! `Resources`-only fragments, in JSON or YAML ([`Dialect::CloudFormation`]). A template's
//! `AWS::ECS::TaskDefinition` and `AWS::ECS::Service` resources are read from their
//! `Properties`, each with its logical id (what findings name it by, and what a `Ref` to it
//! links). Short-form tags were turned into their long form by the YAML loader; what an
//! intrinsic computes is unknown to the model ([`crate::model::value`]), so it never yields a
//! finding.

use super::Recognised;
use crate::load::Node;
use crate::model::{Dialect, Resource, Service, ServiceShape, TaskDef, TaskDefShape};

const CFN: Dialect = Dialect::CloudFormation;

pub(super) fn recognise<'t>(doc: &'t Node<'t>, text: &str) -> Option<Recognised<'t>> {
    let resources = doc.member("Resources");
    let typed = resources.is_some_and(|r| {
        r.value
            .as_object()
            .is_some_and(|members| members.iter().any(|m| resource_type(&m.value).is_some()))
    });
    if !typed && !doc.has("AWSTemplateFormatVersion") {
        return None;
    }
    let members = resources
        .and_then(|r| r.value.as_object())
        .unwrap_or_default();
    let read: Vec<Resource<'t>> = members
        .iter()
        .filter_map(|m| {
            let ty = resource_type(&m.value)?;
            let props = properties(&m.value)?;
            match ty {
                "AWS::ECS::TaskDefinition" => {
                    let mut td =
                        TaskDef::from_object(props, TaskDefShape::Template, CFN, m.key_span, text);
                    td.logical_id = Some(m.key.as_ref());
                    Some(Resource::TaskDef(td))
                }
                "AWS::ECS::Service" => {
                    let mut s =
                        Service::from_object(props, ServiceShape::Template, CFN, m.key_span);
                    s.logical_id = Some(m.key.as_ref());
                    Some(Resource::Service(s))
                }
                _ => None,
            }
        })
        .collect();
    Some(if read.is_empty() {
        Recognised::Skipped("a CloudFormation template without ECS task definitions or services")
    } else {
        Recognised::Resources(read)
    })
}

/// A resource's `Type` (`AWS::ECS::Service`), when it is a typed resource.
fn resource_type<'t>(resource: &'t Node<'t>) -> Option<&'t str> {
    resource.get("Type")?.as_str()
}

/// A resource's `Properties` object: the resource itself when it has none (every property
/// absent), nothing when they are not an object the template states (`Fn::If`, a
/// placeholder): then every property is unknown, and the resource is not read.
fn properties<'t>(resource: &'t Node<'t>) -> Option<&'t Node<'t>> {
    match resource.member("Properties") {
        None => Some(resource),
        Some(p) if p.value.is_item_object() => Some(&p.value),
        Some(_) => None,
    }
}
