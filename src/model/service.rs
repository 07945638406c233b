//! ECS services (create-service / update-service input, and their outputs).

use super::pointer::Pointer;
use super::value::{int, text, List, Val};
use crate::load::tree::{complete_list, objects};
use crate::load::Node;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceShape {
    CreateInput,
    UpdateInput,
    /// `{"service": {...}}` from create/update/delete-service.
    Output,
    /// `{"services": [...]}` from describe-services.
    DescribeOutput,
}

impl ServiceShape {
    pub fn describe(self) -> &'static str {
        match self {
            ServiceShape::CreateInput => "service (create-service input)",
            ServiceShape::UpdateInput => "service (update-service input)",
            ServiceShape::Output => "service (create/update-service output)",
            ServiceShape::DescribeOutput => "services (describe-services output)",
        }
    }
}

#[derive(Debug)]
pub struct Service<'t> {
    /// The service's object in the tree: a data-driven check reads any field by path from here.
    pub node: &'t Node<'t>,
    pub shape: ServiceShape,
    pub anchor: Span,
    pub pointer: Pointer,
    pub name: Val<&'t str>,
    pub task_definition: Val<&'t str>,
    pub launch_type: Val<&'t str>,
    /// Not complete when `loadBalancers` is not a list or holds a placeholder.
    pub load_balancers: List<LoadBalancer<'t>>,
}

#[derive(Debug)]
pub struct LoadBalancer<'t> {
    pub anchor: Span,
    pub pointer: Pointer,
    pub container_name: Val<&'t str>,
    pub container_port: Val<i64>,
    pub target_group_arn: Val<&'t str>,
    pub load_balancer_name: Val<&'t str>,
}

impl<'t> Service<'t> {
    pub fn from_object(
        node: &'t Node<'t>,
        shape: ServiceShape,
        anchor: Span,
        pointer: Pointer,
    ) -> Service<'t> {
        let name = match text(node.get("serviceName")) {
            Val::Absent => text(node.get("service")),
            v => v,
        };
        let lb_base = pointer.field("loadBalancers");
        let load_balancers = node
            .get("loadBalancers")
            .and_then(Node::as_array)
            .map(|items| {
                objects(items)
                    .map(|(i, n)| LoadBalancer {
                        anchor: n.span,
                        pointer: lb_base.index(i),
                        container_name: text(n.get("containerName")),
                        container_port: int(n.get("containerPort")),
                        target_group_arn: text(n.get("targetGroupArn")),
                        load_balancer_name: text(n.get("loadBalancerName")),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let load_balancers = List::new(load_balancers, complete_list(node.get("loadBalancers")));
        Service {
            node,
            shape,
            anchor,
            pointer,
            name,
            task_definition: text(node.get("taskDefinition")),
            launch_type: text(node.get("launchType")),
            load_balancers,
        }
    }

    pub fn resource_name(&self) -> Option<String> {
        self.name.known().map(str::to_string)
    }
}

/// A task definition reference as a service states it: `family`, `family:revision`, or an ARN
/// `arn:aws:ecs:region:account:task-definition/family:revision`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskDefRef {
    pub family: String,
    pub revision: Option<i64>,
}

impl TaskDefRef {
    pub fn parse(s: &str) -> Option<TaskDefRef> {
        let tail = match s.strip_prefix("arn:") {
            Some(_) => s.split_once(":task-definition/")?.1,
            None => s,
        };
        let (family, revision) = match tail.rsplit_once(':') {
            Some((f, r)) => (f, Some(r.parse::<i64>().ok()?)),
            None => (tail, None),
        };
        if family.is_empty() {
            return None;
        }
        Some(TaskDefRef {
            family: family.to_string(),
            revision,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_definition_references() {
        let r = TaskDefRef::parse("web").expect("family");
        assert_eq!((r.family.as_str(), r.revision), ("web", None));
        let r = TaskDefRef::parse("web:12").expect("family:rev");
        assert_eq!((r.family.as_str(), r.revision), ("web", Some(12)));
        let r = TaskDefRef::parse("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3")
            .expect("arn");
        assert_eq!((r.family.as_str(), r.revision), ("web", Some(3)));
        assert!(TaskDefRef::parse("arn:aws:ecs:us-east-1:1:service/x").is_none());
        assert!(TaskDefRef::parse("web:latest").is_none());
    }
}
