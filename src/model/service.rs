//! ECS services (create-service / update-service input, and their outputs).

use super::fields::{load_balancer, service, Dialect, Field};
use super::task_def::Spelled;
use super::value::{count_member, int, text, List, Tri, Val};
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
    /// An `AWS::ECS::Service` resource of a CloudFormation template (its `Properties`).
    Template,
    /// An `aws_ecs_service` resource of a Terraform file.
    Terraform,
    /// The ECS target of an EventBridge rule or schedule (`EcsParameters` of an
    /// `AWS::Events::Rule` target or an `AWS::Scheduler::Schedule`): tasks run on a schedule
    /// or an event, like a service's, without a service.
    Scheduled,
}

impl ServiceShape {
    /// What messages call it: "service", or "scheduled task".
    pub fn noun(self) -> &'static str {
        match self {
            ServiceShape::Scheduled => "scheduled task",
            _ => "service",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            ServiceShape::CreateInput => "service (create-service input)",
            ServiceShape::UpdateInput => "service (update-service input)",
            ServiceShape::Output => "service (create/update-service output)",
            ServiceShape::DescribeOutput => "services (describe-services output)",
            ServiceShape::Template => "service (AWS::ECS::Service)",
            ServiceShape::Terraform => "service (aws_ecs_service)",
            ServiceShape::Scheduled => "scheduled task (EventBridge ECS target)",
        }
    }
}

#[derive(Debug)]
pub struct Service<'t> {
    /// The service's object in the tree: a data-driven check reads any field by path from here.
    pub node: &'t Node<'t>,
    pub shape: ServiceShape,
    pub dialect: Dialect,
    pub anchor: Span,
    /// Its logical id, in a template.
    pub logical_id: Option<&'t str>,
    /// In a template: the resources it depends on, directly or not (`DependsOn` and the
    /// references in its properties), which CloudFormation creates before it.
    /// Only the listeners and listener rules among them are kept; `None` when they cannot be
    /// known (a macro may add dependencies, or the walk was too long).
    pub depends_on: Option<Vec<&'t str>>,
    pub name: Val<'t, &'t str>,
    /// A family, `family:revision` or ARN as written; a reference (`{"Ref": "TaskDef"}`) is
    /// a [`Val::Ref`] the linker follows.
    pub task_definition: Val<'t, &'t str>,
    pub launch_type: Val<'t, &'t str>,
    pub scheduling_strategy: Val<'t, &'t str>,
    /// `deploymentController.type`.
    pub deployment_controller: Val<'t, &'t str>,
    /// Whether `networkConfiguration` is there (an object the file states).
    pub network_configuration: Val<'t, ()>,
    pub health_check_grace_period: Val<'t, i64>,
    /// `vpcLatticeConfigurations`: its number of entries, when the file states them.
    pub vpc_lattice: Val<'t, usize>,
    /// `capacityProviderStrategy`: its number of entries, when it is a list the file states.
    pub capacity_provider_strategy: Val<'t, usize>,
    /// Each strategy entry's `capacityProvider` (a name, or a reference to a capacity
    /// provider of the template); whole only when the strategy is.
    pub capacity_providers: List<Val<'t, &'t str>>,
    /// `cluster`: a name or ARN, or a reference to a cluster of the template.
    pub cluster: Val<'t, &'t str>,
    /// Not complete when `loadBalancers` is not a list or holds a placeholder.
    pub load_balancers: List<LoadBalancer<'t>>,
    /// `placementConstraints` and `placementStrategy`, by their number of items, at their keys
    /// (see [`crate::model::value::count_member`]).
    pub placement_constraints: Val<'t, usize>,
    pub placement_strategy: Val<'t, usize>,
}

#[derive(Debug)]
pub struct LoadBalancer<'t> {
    /// Its object in the tree.
    pub node: &'t Node<'t>,
    pub dialect: Dialect,
    pub anchor: Span,
    pub container_name: Val<'t, &'t str>,
    pub container_port: Val<'t, i64>,
    pub target_group_arn: Val<'t, &'t str>,
    pub load_balancer_name: Val<'t, &'t str>,
}

impl<'t> Service<'t> {
    /// The service's object, to read any of its fields.
    pub fn view(&self) -> super::View<'t> {
        super::View::new(self.node, self.dialect)
    }

    /// Its deployment configuration, when the file states one as an object (Terraform
    /// writes its fields on the service itself, so there it is the service).
    pub fn deployment_configuration(&self) -> Option<super::View<'t>> {
        let view = self.view();
        if service::DEPLOYMENT_CONFIGURATION
            .key(self.dialect)
            .is_none()
        {
            return Some(view);
        }
        view.object(&service::DEPLOYMENT_CONFIGURATION).known()
    }

    /// Its `awsvpcConfiguration`, when the file states one as an object (Terraform's
    /// `network_configuration` block holds its fields itself).
    pub fn awsvpc_configuration(&self) -> Option<super::View<'t>> {
        let network = self
            .view()
            .object(&service::NETWORK_CONFIGURATION)
            .known()?;
        if service::AWSVPC_CONFIGURATION.key(self.dialect).is_none() {
            return Some(network);
        }
        network.object(&service::AWSVPC_CONFIGURATION).known()
    }

    /// Whether the file is an input ECS reads (not the output of a describe or create call).
    pub fn is_input(&self) -> bool {
        !matches!(
            self.shape,
            ServiceShape::Output | ServiceShape::DescribeOutput
        )
    }

    /// Whether its tasks run on Fargate: its `launchType`, or a capacity provider strategy
    /// known whole whose providers are all Fargate's (`FARGATE`, `FARGATE_SPOT`) or none is (a
    /// provider of the template, given by reference, is an Auto Scaling group's). Unknown when
    /// neither says, since the cluster's default strategy then decides.
    pub fn on_fargate(&self) -> Tri {
        match self.launch_type.known() {
            Some("FARGATE") => return Tri::Yes,
            Some(_) => return Tri::No,
            None if !self.launch_type.is_absent() => return Tri::Unknown,
            None => {}
        }
        let Some(providers) = self.capacity_providers.complete() else {
            return Tri::Unknown;
        };
        let fargate = |v: &Val<'_, &str>| match v {
            Val::Known(name, _) => Some(matches!(*name, "FARGATE" | "FARGATE_SPOT")),
            Val::Ref(..) => Some(false),
            _ => None,
        };
        let kinds: Option<Vec<bool>> = providers.iter().map(fargate).collect();
        match kinds.as_deref() {
            Some([]) | None => Tri::Unknown,
            Some(k) if k.iter().all(|f| *f) => Tri::Yes,
            Some(k) if k.iter().all(|f| !*f) => Tri::No,
            Some(_) => Tri::Unknown,
        }
    }
}

impl Spelled for Service<'_> {
    fn dialect(&self) -> Dialect {
        self.dialect
    }
}

impl Spelled for LoadBalancer<'_> {
    fn dialect(&self) -> Dialect {
        self.dialect
    }
}

impl<'t> Service<'t> {
    pub fn from_object(
        node: &'t Node<'t>,
        shape: ServiceShape,
        dialect: Dialect,
        anchor: Span,
    ) -> Service<'t> {
        let get = |n: &'t Node<'t>, f: &Field| f.key(dialect).and_then(|k| n.get(k));
        let name = match text(get(node, &service::SERVICE_NAME)) {
            // update-service input and its output name the service `service`.
            Val::Absent if dialect == Dialect::Api => text(node.get("service")),
            v => v,
        };
        let list = get(node, &service::LOAD_BALANCERS);
        let load_balancers = list
            .and_then(Node::as_array)
            .map(|items| {
                objects(items)
                    .map(|(_, n)| LoadBalancer {
                        node: n,
                        dialect,
                        anchor: n.span,
                        container_name: text(get(n, &load_balancer::CONTAINER_NAME)),
                        container_port: int(get(n, &load_balancer::CONTAINER_PORT)),
                        target_group_arn: text(get(n, &load_balancer::TARGET_GROUP_ARN)),
                        load_balancer_name: text(get(n, &load_balancer::LOAD_BALANCER_NAME)),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Service {
            node,
            shape,
            dialect,
            anchor,
            logical_id: None,
            depends_on: Some(Vec::new()),
            name,
            task_definition: text(get(node, &service::TASK_DEFINITION)),
            launch_type: text(get(node, &service::LAUNCH_TYPE)),
            scheduling_strategy: text(get(node, &service::SCHEDULING_STRATEGY)),
            deployment_controller: match get(node, &service::DEPLOYMENT_CONTROLLER) {
                Some(dc) if dc.is_item_object() => {
                    text(get(dc, &service::DEPLOYMENT_CONTROLLER_TYPE))
                }
                Some(dc) if dc.is_null() => Val::Absent,
                Some(dc) => Val::Unknown(dc.span),
                None => Val::Absent,
            },
            capacity_provider_strategy: stated_entries(get(
                node,
                &service::CAPACITY_PROVIDER_STRATEGY,
            )),
            capacity_providers: {
                let list = get(node, &service::CAPACITY_PROVIDER_STRATEGY);
                let items = list
                    .and_then(Node::as_array)
                    .map(|items| {
                        objects(items)
                            .map(|(_, n)| {
                                text(get(
                                    n,
                                    &crate::model::fields::capacity_provider::CAPACITY_PROVIDER,
                                ))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                List::new(items, complete_list(list))
            },
            cluster: text(get(node, &service::CLUSTER)),
            placement_constraints: count_member(
                service::PLACEMENT_CONSTRAINTS
                    .key(dialect)
                    .and_then(|k| node.field(k)),
            ),
            placement_strategy: count_member(
                service::PLACEMENT_STRATEGY
                    .key(dialect)
                    .and_then(|k| node.field(k)),
            ),
            health_check_grace_period: int(get(node, &service::HEALTH_CHECK_GRACE_PERIOD)),
            vpc_lattice: stated_entries(get(node, &service::VPC_LATTICE_CONFIGURATIONS)),
            network_configuration: match get(node, &service::NETWORK_CONFIGURATION) {
                Some(n) if n.is_null() => Val::Absent,
                Some(n) if n.is_item_object() => Val::Known((), n.span),
                Some(n) => Val::Unknown(n.span),
                None => Val::Absent,
            },
            load_balancers: List::new(load_balancers, complete_list(list)),
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
    /// The ARN, when the reference is one.
    pub arn: Option<String>,
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
            arn: s.starts_with("arn:").then(|| s.to_string()),
        })
    }
}

/// A list of entries by the number of objects the file states in it: unknown when it is not a
/// list, or holds only items that may not be entries (a list holding only unknown items may be
/// empty).
fn stated_entries<'t>(n: Option<&'t Node<'t>>) -> Val<'t, usize> {
    match n {
        None => Val::Absent,
        Some(n) if n.is_null() => Val::Absent,
        Some(n) => match n.as_array().map(|items| objects(items).count()) {
            Some(stated) if stated > 0 || complete_list(Some(n)) => Val::Known(stated, n.span),
            _ => Val::Unknown(n.span),
        },
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
