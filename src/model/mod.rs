//! Recognise: decide what a document is by its keys, and read it into typed ECS resources that
//! keep spans back into the tree.

pub mod pointer;
pub mod service;
pub mod task_def;
pub mod value;

use crate::load::Node;
pub use pointer::Pointer;
pub use service::{LoadBalancer, Service, ServiceShape, TaskDefRef};
pub use task_def::{Container, EnvVar, NetworkMode, PortMapping, TaskDef, TaskDefShape};
pub use value::{List, Tri, Val};

#[derive(Debug)]
pub enum Resource<'t> {
    TaskDef(TaskDef<'t>),
    Service(Service<'t>),
}

impl Resource<'_> {
    pub fn describe(&self) -> &'static str {
        match self {
            Resource::TaskDef(t) => t.shape.describe(),
            Resource::Service(s) => s.shape.describe(),
        }
    }
}

/// Fields only `describe-task-definition` output has.
const READ_ONLY_TASK_FIELDS: &[&str] = &[
    "taskDefinitionArn",
    "revision",
    "status",
    "requiresAttributes",
    "compatibilities",
    "registeredAt",
    "registeredBy",
    "deregisteredAt",
];

/// Keys that, beside `family`, mark a task definition even when `containerDefinitions` is missing.
const TASK_DEF_KEYS: &[&str] = &[
    "requiresCompatibilities",
    "networkMode",
    "executionRoleArn",
    "taskRoleArn",
    "runtimePlatform",
];

/// Keys that only a service definition has (run-task input shares the others).
const SERVICE_KEYS: &[&str] = &[
    "desiredCount",
    "loadBalancers",
    "deploymentConfiguration",
    "schedulingStrategy",
    "deploymentController",
    "serviceRegistries",
    "healthCheckGracePeriodSeconds",
    "serviceConnectConfiguration",
];

/// Keys that mark run-task input, which is not a service.
const RUN_TASK_KEYS: &[&str] = &["overrides", "count", "startedBy", "group"];

/// Keys that only a container definition has; an object with `image` needs one of them too.
const CONTAINER_KEYS: &[&str] = &[
    "portMappings",
    "essential",
    "memory",
    "memoryReservation",
    "cpu",
    "environment",
    "secrets",
    "logConfiguration",
    "command",
    "entryPoint",
    "healthCheck",
    "mountPoints",
    "dependsOn",
];

/// What a document holds: the resources read from it, or why it was skipped.
#[derive(Debug)]
pub enum Recognised<'t> {
    Resources(Vec<Resource<'t>>),
    Skipped(&'static str),
    /// A format ecslint does not read yet.
    NotRead(crate::classify::Foreign),
}

/// Reads `doc` (a whole document of a file whose text is `text`) into ECS resources.
pub fn recognise<'t>(doc: &'t Node<'t>, text: &str) -> Recognised<'t> {
    let root = Pointer::root();
    let top = doc.span.first_char(text);
    if let Some(items) = doc.as_array() {
        // Objects with an `image`, and perhaps placeholders standing for more containers.
        let is_container = |i: &Node<'_>| i.as_object().is_some() && i.has("image");
        let is_placeholder = |i: &Node<'_>| i.is_placeholder();
        let is_containers = items.iter().any(is_container)
            && items.iter().all(|i| is_container(i) || is_placeholder(i));
        return if is_containers {
            Recognised::Resources(vec![Resource::TaskDef(TaskDef::from_containers(
                items,
                TaskDefShape::ContainerArray,
                top,
                root,
                text,
            ))])
        } else {
            Recognised::Skipped("not ECS configuration")
        };
    }
    if doc.as_object().is_none() {
        return Recognised::Skipped("not ECS configuration");
    }
    if doc.has("apiVersion") && doc.has("kind") {
        return Recognised::Skipped("Kubernetes manifest");
    }
    if let Some(format) = foreign(doc) {
        return Recognised::NotRead(format);
    }
    if is_task_def(doc) {
        let shape = if READ_ONLY_TASK_FIELDS.iter().any(|k| doc.has(k)) {
            TaskDefShape::Describe
        } else {
            TaskDefShape::RegisterInput
        };
        return one(Resource::TaskDef(TaskDef::from_object(
            doc, shape, top, root, text,
        )));
    }
    if let Some(member) = doc.member("taskDefinition") {
        if is_task_def(&member.value) {
            let td = TaskDef::from_object(
                &member.value,
                TaskDefShape::DescribeWrapped,
                member.key_span,
                root.field("taskDefinition"),
                text,
            );
            return one(Resource::TaskDef(td));
        }
    }
    if let Some(member) = doc.member("service") {
        if member.value.as_object().is_some() {
            let s = Service::from_object(
                &member.value,
                ServiceShape::Output,
                member.key_span,
                root.field("service"),
            );
            return one(Resource::Service(s));
        }
    }
    if let Some(member) = doc.member("services") {
        if let Some(items) = member.value.as_array() {
            let base = root.field("services");
            let services: Vec<Resource<'t>> = items
                .iter()
                .enumerate()
                .filter(|(_, n)| n.has("serviceName"))
                .map(|(i, n)| {
                    Resource::Service(Service::from_object(
                        n,
                        ServiceShape::DescribeOutput,
                        n.span.first_char(text),
                        base.index(i),
                    ))
                })
                .collect();
            if !services.is_empty() {
                return Recognised::Resources(services);
            }
        }
    }
    let run_task = RUN_TASK_KEYS.iter().any(|k| doc.has(k));
    let service_keys = SERVICE_KEYS.iter().any(|k| doc.has(k));
    if !run_task
        && doc.get("serviceName").and_then(Node::as_str).is_some()
        && (service_keys
            || doc.has("taskDefinition")
            || doc.has("launchType")
            || doc.has("cluster"))
    {
        return one(Resource::Service(Service::from_object(
            doc,
            ServiceShape::CreateInput,
            top,
            root,
        )));
    }
    if !run_task && service_keys {
        let shape = if doc.get("service").and_then(Node::as_str).is_some() {
            ServiceShape::UpdateInput
        } else {
            ServiceShape::CreateInput
        };
        return one(Resource::Service(Service::from_object(
            doc, shape, top, root,
        )));
    }
    if doc.has("image") && CONTAINER_KEYS.iter().any(|k| doc.has(k)) {
        let items = std::slice::from_ref(doc);
        return one(Resource::TaskDef(TaskDef::from_containers(
            items,
            TaskDefShape::SingleContainer,
            top,
            root,
            text,
        )));
    }
    Recognised::Skipped("not ECS configuration")
}

/// A document in a format ecslint does not read yet: a CloudFormation or SAM template, Terraform
/// JSON (`*.tf.json`), a Terraform plan (`terraform show -json`), an ecspresso config.
fn foreign(doc: &Node<'_>) -> Option<crate::classify::Foreign> {
    use crate::classify::Foreign;
    let string = |key: &str| doc.get(key).and_then(Node::as_str).is_some();
    if doc.has("Resources") || doc.has("AWSTemplateFormatVersion") {
        Some(Foreign::CloudFormation)
    } else if doc.has("format_version")
        && (doc.has("terraform_version") || doc.has("planned_values"))
    {
        Some(Foreign::TerraformPlan)
    } else if ["resource", "terraform", "provider", "module"]
        .iter()
        .any(|k| doc.get(k).is_some_and(|n| n.as_object().is_some()))
    {
        Some(Foreign::Terraform)
    } else if string("task_definition")
        && (string("cluster") || string("service") || doc.has("service_definition"))
    {
        Some(Foreign::Ecspresso)
    } else {
        None
    }
}

/// `containerDefinitions`, or a `family` with task-definition-only keys beside it.
fn is_task_def(node: &Node<'_>) -> bool {
    node.has("containerDefinitions")
        || (node.has("family")
            && TASK_DEF_KEYS.iter().any(|k| node.has(k))
            && !node.has("serviceName"))
}

fn one(resource: Resource<'_>) -> Recognised<'_> {
    Recognised::Resources(vec![resource])
}

/// Whether a file's text mentions ECS configuration keys (used to decide whether a file that
/// does not parse, found while walking a directory, is worth reporting).
pub fn looks_like_ecs(text: &str) -> bool {
    // Not `serviceName`: Kubernetes Ingress backends use it too.
    ["containerDefinitions", "taskDefinition", "portMappings"]
        .iter()
        .any(|k| text.contains(k))
}
