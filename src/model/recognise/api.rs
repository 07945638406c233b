//! The ECS API's own shapes, in JSON or YAML ([`Dialect::Api`]): `register-task-definition`
//! input, `describe-task-definition` output (bare or wrapped), `create-service` and
//! `update-service` input, their outputs, `describe-services` output, a bare array of container
//! definitions (what Terraform's `container_definitions` files hold) and a single container
//! definition.

use super::{one, Recognised};
use crate::load::Node;
use crate::model::fields::{service, task, Dialect, Field};
use crate::model::task_def::{CONTAINER_KEYS, TASK_DEF_KEYS};
use crate::model::{Resource, Service, ServiceShape, TaskDef, TaskDefShape};

const API: Dialect = Dialect::Api;

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

pub(super) fn recognise<'t>(doc: &'t Node<'t>, text: &str) -> Option<Recognised<'t>> {
    if let Some(items) = doc.as_array() {
        return container_array(doc, items, text);
    }
    doc.as_object()?;
    task_definition(doc, text)
        .or_else(|| wrapped_task_definition(doc, text))
        .or_else(|| service_output(doc))
        .or_else(|| describe_services(doc, text))
        .or_else(|| service_input(doc, text))
        .or_else(|| single_container(doc, text))
}

fn has(node: &Node<'_>, field: &Field) -> bool {
    node.has(field.api)
}

/// `[{"name": …, "image": …}, …]`: objects with an `image`, and perhaps placeholders standing
/// for more containers.
fn container_array<'t>(
    doc: &'t Node<'t>,
    items: &'t [Node<'t>],
    text: &str,
) -> Option<Recognised<'t>> {
    let is_container = |i: &Node<'_>| i.as_object().is_some() && i.has("image");
    let is_containers = items.iter().any(is_container)
        && items
            .iter()
            .all(|i| is_container(i) || i.is_placeholder() || i.is_intrinsic());
    is_containers.then(|| {
        one(Resource::TaskDef(TaskDef::from_containers(
            items,
            TaskDefShape::ContainerArray,
            API,
            doc.span.first_char(text),
            text,
        )))
    })
}

/// `containerDefinitions`, or a `family` with task-definition-only keys beside it.
fn is_task_def(node: &Node<'_>) -> bool {
    has(node, &task::CONTAINER_DEFINITIONS)
        || (has(node, &task::FAMILY)
            && TASK_DEF_KEYS.iter().any(|k| has(node, k))
            && !has(node, &service::SERVICE_NAME))
}

/// `register-task-definition` input, or `describe-task-definition` output unwrapped.
fn task_definition<'t>(doc: &'t Node<'t>, text: &str) -> Option<Recognised<'t>> {
    if !is_task_def(doc) {
        return None;
    }
    let shape = if task::READ_ONLY.iter().any(|k| doc.has(k)) {
        TaskDefShape::Describe
    } else {
        TaskDefShape::RegisterInput
    };
    Some(one(Resource::TaskDef(TaskDef::from_object(
        doc,
        shape,
        API,
        doc.span.first_char(text),
        text,
    ))))
}

/// `{"taskDefinition": {...}, "tags": [...]}`.
fn wrapped_task_definition<'t>(doc: &'t Node<'t>, text: &str) -> Option<Recognised<'t>> {
    let member = doc.member("taskDefinition")?;
    is_task_def(&member.value).then(|| {
        one(Resource::TaskDef(TaskDef::from_object(
            &member.value,
            TaskDefShape::DescribeWrapped,
            API,
            member.key_span,
            text,
        )))
    })
}

/// `{"service": {...}}` from create-, update- and delete-service.
fn service_output<'t>(doc: &'t Node<'t>) -> Option<Recognised<'t>> {
    let member = doc.member("service")?;
    member.value.as_object()?;
    Some(one(Resource::Service(Service::from_object(
        &member.value,
        ServiceShape::Output,
        API,
        member.key_span,
    ))))
}

/// `{"services": [...]}` from describe-services.
fn describe_services<'t>(doc: &'t Node<'t>, text: &str) -> Option<Recognised<'t>> {
    let items = doc.member("services")?.value.as_array()?;
    let services: Vec<Resource<'t>> = items
        .iter()
        .filter(|n| has(n, &service::SERVICE_NAME))
        .map(|n| {
            Resource::Service(Service::from_object(
                n,
                ServiceShape::DescribeOutput,
                API,
                n.span.first_char(text),
            ))
        })
        .collect();
    (!services.is_empty()).then_some(Recognised::Resources(services))
}

/// `create-service` or `update-service` input (not `run-task` input, which shares keys).
fn service_input<'t>(doc: &'t Node<'t>, text: &str) -> Option<Recognised<'t>> {
    if RUN_TASK_KEYS.iter().any(|k| doc.has(k)) {
        return None;
    }
    let service_keys = SERVICE_KEYS.iter().any(|k| doc.has(k));
    let named = doc
        .get(service::SERVICE_NAME.api)
        .and_then(Node::as_str)
        .is_some();
    let shape = if named
        && (service_keys
            || has(doc, &service::TASK_DEFINITION)
            || has(doc, &service::LAUNCH_TYPE)
            || has(doc, &service::CLUSTER))
    {
        ServiceShape::CreateInput
    } else if service_keys {
        if doc.get("service").and_then(Node::as_str).is_some() {
            ServiceShape::UpdateInput
        } else {
            ServiceShape::CreateInput
        }
    } else {
        return None;
    };
    Some(one(Resource::Service(Service::from_object(
        doc,
        shape,
        API,
        doc.span.first_char(text),
    ))))
}

/// One container definition on its own.
fn single_container<'t>(doc: &'t Node<'t>, text: &str) -> Option<Recognised<'t>> {
    (doc.has("image") && CONTAINER_KEYS.iter().any(|k| has(doc, k))).then(|| {
        one(Resource::TaskDef(TaskDef::from_containers(
            std::slice::from_ref(doc),
            TaskDefShape::SingleContainer,
            API,
            doc.span.first_char(text),
            text,
        )))
    })
}
