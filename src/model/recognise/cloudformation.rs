//! CloudFormation templates, SAM templates, `cdk synth` output (nested stacks too) and
//! `Resources`-only fragments, in JSON or YAML ([`Dialect::CloudFormation`]). A template's
//! `AWS::ECS::TaskDefinition` and `AWS::ECS::Service` resources are read from their
//! `Properties`, each with its logical id (what findings name it by, and what a `Ref` to it
//! links). Short-form tags were turned into their long form by the YAML loader; what an
//! intrinsic computes is unknown to the model ([`crate::model::value`]), so it never yields a
//! finding.

use std::collections::{HashMap, HashSet};

use super::Recognised;
use crate::load::{Kind, Member, Node};
use crate::model::{
    Cluster, Dialect, Elb, Listener, ListenerKind, Resource, Service, ServiceShape, TargetGroup,
    TaskDef, TaskDefShape,
};

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
    let graph = Graph::of(doc, members);
    // A macro (`Transform` other than SAM's) or `Fn::ForEach` may add resources the template
    // does not show: listeners, associations, dependencies.
    let whole = is_whole(doc, members);
    // How many resources the dependency walks of all services may visit together.
    let mut budget: usize = 200_000;
    let mut scheduled = Vec::new();
    let mut read: Vec<Resource<'t>> = members
        .iter()
        .filter_map(|m| {
            let ty = resource_type(&m.value)?;
            let id = Some(m.key.as_ref());
            let Some(props) = properties(&m.value) else {
                // A listener or an association whose properties the template does not state
                // may forward to any target group, associate any provider: it is read as one
                // whose lists are not known whole.
                return unreadable(ty, m);
            };
            match ty {
                "AWS::ECS::TaskDefinition" => {
                    let mut td =
                        TaskDef::from_object(props, TaskDefShape::Template, CFN, m.key_span, text);
                    td.logical_id = id;
                    td.parameters = doc.get("Parameters");
                    Some(Resource::TaskDef(td))
                }
                "AWS::ECS::Service" => {
                    let mut s =
                        Service::from_object(props, ServiceShape::Template, CFN, m.key_span);
                    s.logical_id = id;
                    s.depends_on = if whole {
                        graph.listeners_reached(&m.key, &mut budget)
                    } else {
                        None
                    };
                    providers_by_reference_only(&mut s, &graph);
                    Some(Resource::Service(s))
                }
                "AWS::ECS::Cluster" | "AWS::ECS::ClusterCapacityProviderAssociations" => {
                    let association = ty.ends_with("Associations");
                    let mut c = Cluster::from_object(props, association, CFN, m.key_span);
                    c.logical_id = id;
                    c.referenced_elsewhere = !whole || graph.referenced_elsewhere(&m.key);
                    c.providers = by_reference_only(&c.providers, &graph);
                    Some(Resource::Cluster(c))
                }
                "AWS::Events::Rule" | "AWS::Scheduler::Schedule" => {
                    scheduled.extend(ecs_targets(ty, props, m));
                    None
                }
                "AWS::ElasticLoadBalancingV2::TargetGroup" => {
                    let mut tg = TargetGroup::from_object(props, CFN, m.key_span);
                    tg.logical_id = id;
                    tg.referenced_elsewhere = !whole || graph.referenced_elsewhere(&m.key);
                    Some(Resource::TargetGroup(tg))
                }
                "AWS::ElasticLoadBalancingV2::Listener"
                | "AWS::ElasticLoadBalancingV2::ListenerRule" => {
                    let kind = if ty.ends_with("Rule") {
                        ListenerKind::Rule
                    } else {
                        ListenerKind::Listener
                    };
                    let mut l = Listener::from_object(props, kind, CFN, m.key_span);
                    l.logical_id = id;
                    Some(Resource::Listener(l))
                }
                "AWS::ElasticLoadBalancingV2::LoadBalancer" => {
                    let mut lb = Elb::from_object(props, CFN, m.key_span);
                    lb.logical_id = id;
                    Some(Resource::Elb(lb))
                }
                _ => None,
            }
        })
        .collect();
    read.extend(scheduled);
    // A template of load balancers alone is read too: the rules about load balancers (ECS5xx)
    // apply to what fronts ECS services wherever it is declared.
    Some(if read.is_empty() {
        Recognised::Skipped(
            "a CloudFormation template without ECS or Elastic Load Balancing resources",
        )
    } else {
        Recognised::Resources(read)
    })
}

/// `AWS::ElasticLoadBalancingV2::Listener` and `…::ListenerRule`.
const LISTENER: &str = "AWS::ElasticLoadBalancingV2::Listener";

/// A template is whole when no macro (a `Transform` other than SAM's) and no `Fn::ForEach`
/// can add resources it does not show.
fn is_whole(doc: &Node<'_>, resources: &[Member<'_>]) -> bool {
    let sam = |t: &Node<'_>| t.as_str() == Some("AWS::Serverless-2016-10-31");
    let transforms_ok = match doc.get("Transform") {
        None => true,
        Some(t) if sam(t) => true,
        Some(t) => t.as_array().is_some_and(|items| items.iter().all(sam)),
    };
    transforms_ok && !resources.iter().any(|r| r.key.starts_with("Fn::ForEach"))
}

/// A resource whose `Properties` the template does not state: a listener or an association
/// is still read, with nothing known of what it forwards to or associates.
fn unreadable<'t>(ty: &str, m: &'t Member<'t>) -> Option<Resource<'t>> {
    let span = m.value.span;
    match ty {
        "AWS::ElasticLoadBalancingV2::Listener" | "AWS::ElasticLoadBalancingV2::ListenerRule" => {
            let kind = if ty.ends_with("Rule") {
                ListenerKind::Rule
            } else {
                ListenerKind::Listener
            };
            let mut l = Listener::from_object(&m.value, kind, CFN, m.key_span);
            l.logical_id = Some(m.key.as_ref());
            l.forwards = crate::model::List::new(Vec::new(), false);
            l.protocol = crate::model::Val::Unknown(span);
            l.parent = crate::model::Val::Unknown(span);
            l.redirects_to_https = crate::model::Tri::Unknown;
            Some(Resource::Listener(l))
        }
        "AWS::ECS::ClusterCapacityProviderAssociations" => {
            let mut c = Cluster::from_object(&m.value, true, CFN, m.key_span);
            c.logical_id = Some(m.key.as_ref());
            c.associates_with = Some(crate::model::Val::Unknown(span));
            c.providers = crate::model::List::new(Vec::new(), false);
            Some(Resource::Cluster(c))
        }
        _ => None,
    }
}

/// A capacity provider of a service's strategy named by a reference that is not to an
/// `AWS::ECS::CapacityProvider` of the template (a parameter, say) is unknown.
fn providers_by_reference_only<'t>(s: &mut Service<'t>, graph: &Graph<'t>) {
    s.capacity_providers = by_reference_only(&s.capacity_providers, graph);
}

/// `providers` with each reference that is not to a capacity provider of the template made
/// unknown (a parameter may hold any name).
fn by_reference_only<'t>(
    providers: &crate::model::List<crate::model::Val<'t, &'t str>>,
    graph: &Graph<'t>,
) -> crate::model::List<crate::model::Val<'t, &'t str>> {
    let items = providers
        .iter()
        .map(|p| match p {
            crate::model::Val::Ref(t, span) if !graph.is_capacity_provider(t.id) => {
                crate::model::Val::Unknown(*span)
            }
            // `Ref` to a capacity provider returns its name: the one its `Name` states.
            crate::model::Val::Ref(t, span) if t.attribute.is_none() => {
                match graph.provider_names.get(t.id) {
                    Some(name) => crate::model::Val::Known(*name, *span),
                    None => *p,
                }
            }
            other => *other,
        })
        .collect();
    crate::model::List::new(items, providers.is_complete())
}

/// The ECS targets of an EventBridge rule (`Targets[].EcsParameters`) or schedule
/// (`Target.EcsParameters`), each read as a scheduled task: the task definition it runs
/// (`TaskDefinitionArn`), its launch type and network configuration, anchored at its
/// `EcsParameters` key and named by the rule's logical id.
fn ecs_targets<'t>(ty: &str, props: &'t Node<'t>, rule: &'t Member<'t>) -> Vec<Resource<'t>> {
    let targets: Vec<&'t Node<'t>> = if ty == "AWS::Scheduler::Schedule" {
        props.get("Target").into_iter().collect()
    } else {
        props
            .get("Targets")
            .and_then(Node::as_array)
            .unwrap_or_default()
            .iter()
            .collect()
    };
    targets
        .into_iter()
        .filter_map(|t| {
            let params = t.member("EcsParameters")?;
            if !params.value.is_item_object() {
                return None;
            }
            let mut s =
                Service::from_object(&params.value, ServiceShape::Scheduled, CFN, params.key_span);
            s.logical_id = Some(rule.key.as_ref());
            s.task_definition = crate::model::value::text(params.value.get("TaskDefinitionArn"));
            // A schedule names its strategy `PlacementStrategy`, a rule `PlacementStrategies`.
            if ty == "AWS::Scheduler::Schedule" {
                s.placement_strategy =
                    crate::model::value::count_member(params.value.field("PlacementStrategy"));
            }
            Some(Resource::Service(s))
        })
        .collect()
}

/// Who refers to whom in a template: each resource's dependencies (`DependsOn` and the
/// resources its properties refer to), and which resources an output, or a resource that is
/// not an ECS service or a listener, refers to.
struct Graph<'t> {
    deps: HashMap<&'t str, Vec<&'t str>>,
    elsewhere: HashSet<&'t str>,
    types: HashMap<&'t str, &'t str>,
    /// The `Name` each `AWS::ECS::CapacityProvider` states (a literal), by logical id.
    provider_names: HashMap<&'t str, &'t str>,
}

/// The resource types whose references to a target group use it (services) or attach it to
/// a load balancer (listeners and their rules), and to a cluster run in it (services) or add
/// capacity providers to it (associations): other references may attach or add elsewhere.
const WIRING: [&str; 4] = [
    "AWS::ECS::Service",
    "AWS::ECS::ClusterCapacityProviderAssociations",
    "AWS::ElasticLoadBalancingV2::Listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule",
];

impl<'t> Graph<'t> {
    fn of(doc: &'t Node<'t>, resources: &'t [Member<'t>]) -> Graph<'t> {
        let mut deps = HashMap::new();
        let mut elsewhere = HashSet::new();
        let mut types = HashMap::new();
        let mut provider_names = HashMap::new();
        for r in resources {
            let mut refs = Vec::new();
            match r.value.get("DependsOn").map(|d| &d.kind) {
                Some(Kind::String(one)) => refs.push(one.as_ref()),
                Some(Kind::Array(items)) => refs.extend(items.iter().filter_map(Node::as_str)),
                _ => {}
            }
            // A reference anywhere in the resource (its properties, its metadata: the
            // "conditional DependsOn" pattern) makes a dependency.
            let mut used = Vec::new();
            for m in r.value.as_object().unwrap_or_default() {
                if m.key != "DependsOn" && m.key != "Condition" && m.key != "Type" {
                    refs_in(&m.value, &mut used);
                }
            }
            if let Some(t) = resource_type(&r.value) {
                types.insert(r.key.as_ref(), t);
                if t == "AWS::ECS::CapacityProvider" {
                    let name = r.value.get("Properties").and_then(|p| p.get("Name"));
                    if let crate::model::Val::Known(name, _) = crate::model::value::text(name) {
                        provider_names.insert(r.key.as_ref(), name);
                    }
                }
            }
            if !resource_type(&r.value).is_some_and(|t| WIRING.contains(&t)) {
                elsewhere.extend(used.iter().copied());
            }
            refs.extend(used);
            deps.insert(r.key.as_ref(), refs);
        }
        if let Some(outputs) = doc.get("Outputs") {
            let mut used = Vec::new();
            refs_in(outputs, &mut used);
            elsewhere.extend(used);
        }
        Graph {
            provider_names,
            deps,
            elsewhere,
            types,
        }
    }

    /// The listeners and listener rules `id` depends on, directly or not, in name order;
    /// `None` when the walk would visit more than `budget` resources (what the services of a
    /// template walk together is bounded).
    fn listeners_reached(&self, id: &str, budget: &mut usize) -> Option<Vec<&'t str>> {
        let mut seen: HashSet<&'t str> = HashSet::new();
        let mut todo: Vec<&'t str> = self.deps.get(id).cloned().unwrap_or_default();
        while let Some(d) = todo.pop() {
            if seen.insert(d) {
                *budget = budget.checked_sub(1)?;
                todo.extend(self.deps.get(d).into_iter().flatten().copied());
            }
        }
        let mut out: Vec<&'t str> = seen
            .into_iter()
            .filter(|d| self.types.get(d).is_some_and(|t| t.starts_with(LISTENER)))
            .collect();
        out.sort_unstable();
        Some(out)
    }

    fn is_capacity_provider(&self, id: &str) -> bool {
        self.types.get(id) == Some(&"AWS::ECS::CapacityProvider")
    }

    fn referenced_elsewhere(&self, id: &str) -> bool {
        self.elsewhere.contains(id)
    }
}

/// The logical ids `node` refers to: `Ref`, `Fn::GetAtt`, and `${Id}` or `${Id.Attribute}`
/// in `Fn::Sub`.
fn refs_in<'t>(node: &'t Node<'t>, out: &mut Vec<&'t str>) {
    if let Some(t) = crate::model::value::reference(node) {
        out.push(t.id);
        return;
    }
    if let Some([only]) = node.as_object() {
        if only.key == "Fn::Sub" {
            let (template, vars) = match &only.value.kind {
                Kind::String(s) => (Some(s.as_ref()), None),
                Kind::Array(items) => (items.first().and_then(Node::as_str), items.get(1)),
                _ => (None, None),
            };
            if let Some(template) = template {
                sub_names(template, vars, out);
            }
            if let Some(vars) = vars {
                refs_in(vars, out);
            }
            return;
        }
    }
    match &node.kind {
        Kind::Array(items) => items.iter().for_each(|i| refs_in(i, out)),
        Kind::Object(members) => members.iter().for_each(|m| refs_in(&m.value, out)),
        _ => {}
    }
}

/// The names a `Fn::Sub` template refers to with `${Name}` or `${Name.Attribute}` (not
/// `${!Literal}`, not the variables it defines itself).
fn sub_names<'t>(template: &'t str, vars: Option<&'t Node<'t>>, out: &mut Vec<&'t str>) {
    let mut rest = template;
    while let Some(open) = rest.find("${") {
        let after = &rest[open + 2..];
        let Some(close) = after.find('}') else {
            return;
        };
        let inner = &after[..close];
        rest = &after[close + 1..];
        if inner.starts_with('!') {
            continue;
        }
        let name = inner.split('.').next().unwrap_or(inner);
        if !name.is_empty() && !vars.is_some_and(|v| v.has(name)) {
            out.push(name);
        }
    }
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
        // (kind, logical id) of each resource read.
        let d = doc(yaml);
        match recognise(&d, yaml) {
            Recognised::Resources(rs) => Ok(rs
                .iter()
                .filter_map(|r| match r {
                    Resource::TaskDef(t) => {
                        assert_eq!(t.dialect, Dialect::CloudFormation);
                        Some(("task", t.logical_id.unwrap_or("").to_string()))
                    }
                    Resource::Service(s) => {
                        assert_eq!(s.dialect, Dialect::CloudFormation);
                        Some(("service", s.logical_id.unwrap_or("").to_string()))
                    }
                    Resource::TargetGroup(t) => Some(("target group", t.logical_id?.to_string())),
                    Resource::Listener(l) => Some(("listener", l.logical_id?.to_string())),
                    Resource::Cluster(c) => Some(("cluster", c.logical_id?.to_string())),
                    Resource::Elb(lb) => Some(("load balancer", lb.logical_id?.to_string())),
                    Resource::Deployment(_) => None,
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
                ("cluster", "Cluster".to_string()),
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
