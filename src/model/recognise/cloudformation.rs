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

#[cfg(test)]
mod tests {
    use crate::load::{parse, Node, Syntax};
    use crate::model::recognise::{recognise, Recognised};
    use crate::model::{Dialect, Resource};

    fn doc(yaml: &str) -> Node<'_> {
        parse(yaml, Syntax::Yaml).expect("parses").remove(0)
    }

    /// (kind, logical id) of what the template yields.
    fn read(yaml: &str) -> Result<Vec<(&'static str, String)>, String> {
        let d = doc(yaml);
        match recognise(&d, yaml) {
            Recognised::Resources(rs) => Ok(rs
                .iter()
                .map(|r| match r {
                    Resource::TaskDef(t) => {
                        assert_eq!(t.dialect, Dialect::CloudFormation);
                        ("task", t.logical_id.unwrap_or("").to_string())
                    }
                    Resource::Service(s) => {
                        assert_eq!(s.dialect, Dialect::CloudFormation);
                        ("service", s.logical_id.unwrap_or("").to_string())
                    }
                })
                .collect()),
            other => Err(format!("{other:?}")),
        }
    }

    #[test]
    fn task_definitions_and_services_by_logical_id() {
        let yaml = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n  Web:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n  WebService:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Web\n";
        assert_eq!(
            read(yaml),
            Ok(vec![
                ("task", "Web".to_string()),
                ("service", "WebService".to_string())
            ])
        );
    }

    #[test]
    fn a_resources_only_fragment_and_a_resource_without_properties() {
        let yaml = "Resources:\n  Td:\n    Type: AWS::ECS::TaskDefinition\n";
        assert_eq!(read(yaml), Ok(vec![("task", "Td".to_string())]));
    }

    #[test]
    fn properties_behind_a_condition_are_not_read() {
        let yaml = "Resources:\n  Td:\n    Type: AWS::ECS::TaskDefinition\n    Properties: !If [Prod, {Cpu: 256}, {Cpu: 512}]\n";
        assert!(matches!(
            recognise(&doc(yaml), yaml),
            Recognised::Skipped(_)
        ));
    }

    #[test]
    fn a_template_without_ecs_resources_is_skipped_and_untyped_resources_are_not_a_template() {
        let yaml = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";
        assert!(matches!(
            recognise(&doc(yaml), yaml),
            Recognised::Skipped(_)
        ));
        // A `Resources` key whose entries have no `Type` is someone else's document.
        let yaml = "Resources:\n  limits:\n    cpu: 1\n";
        assert!(!matches!(
            recognise(&doc(yaml), yaml),
            Recognised::Resources(_)
        ));
    }
}
