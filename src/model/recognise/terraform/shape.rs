//! Terraform resources in the ECS API's shape. The `aws_ecs_*` and `aws_lb_*` resources say
//! what the API says with other names and another structure: snake_case attributes, blocks for
//! nested objects (`network_configuration { … }` for `networkConfiguration.awsvpcConfiguration`),
//! flattened fields (`deployment_maximum_percent` for `deploymentConfiguration.maximumPercent`),
//! maps for lists of pairs (`tags`), a boolean `assign_public_ip` for `ENABLED`/`DISABLED`, and
//! container definitions as a JSON document in a string. [`resource_body`] rewrites a
//! resource's body into the API's shape and keys, moving every node with its span, so the
//! model and the rules read it as they read API JSON, and a finding points into the `.tf`.
//! Messages still name fields in Terraform's spelling (the field table's `terraform` names).
//!
//! What the table does not know stays under its Terraform name (the model does not read it);
//! a `dynamic` block (an expression in the list the HCL loader builds) keeps a list from being
//! known whole, and makes a single block unknown.

use std::borrow::Cow;

use crate::load::{json, Kind, Member, Node};
use crate::span::Span;

/// How a Terraform attribute or block becomes its API field.
#[derive(Clone, Copy)]
enum Conv {
    /// The value as it is.
    Same,
    /// A block that appears at most once: its object.
    Single(&'static [Map]),
    /// A repeatable block (or a list of objects): a list of objects.
    List(&'static [Map]),
    /// A block that appears at most once in Terraform, a list in the API.
    SingleInList(&'static [Map]),
    /// A map of strings: a list of `{key, value}` objects with these two keys.
    Pairs(&'static str, &'static str),
    /// `true`/`false`: `ENABLED`/`DISABLED`.
    Switch,
    /// A JSON document in a string (`container_definitions`), read in place.
    Json,
    /// `network_configuration { … }`: `{"awsvpcConfiguration": {…}}`.
    Awsvpc,
    /// A target group's `matcher = "200"`: `{"HttpCode": "200"}`.
    Matcher,
    /// A volume's `host_path = "/data"`: `{"sourcePath": "/data"}`.
    Host,
}

/// One Terraform key and the API field it is.
struct Map {
    tf: &'static str,
    api: &'static str,
    conv: Conv,
}

const fn m(tf: &'static str, api: &'static str) -> Map {
    Map {
        tf,
        api,
        conv: Conv::Same,
    }
}

const fn c(tf: &'static str, api: &'static str, conv: Conv) -> Map {
    Map { tf, api, conv }
}

const TAGS: Map = c("tags", "tags", Conv::Pairs("key", "value"));

const TASK_DEFINITION: &[Map] = &[
    m("family", "family"),
    c("container_definitions", "containerDefinitions", Conv::Json),
    m("cpu", "cpu"),
    m("memory", "memory"),
    m("network_mode", "networkMode"),
    m("requires_compatibilities", "requiresCompatibilities"),
    m("execution_role_arn", "executionRoleArn"),
    m("task_role_arn", "taskRoleArn"),
    m("ipc_mode", "ipcMode"),
    m("pid_mode", "pidMode"),
    m("enable_fault_injection", "enableFaultInjection"),
    c("volume", "volumes", Conv::List(VOLUME)),
    c(
        "placement_constraints",
        "placementConstraints",
        Conv::List(PLACEMENT_CONSTRAINT),
    ),
    c(
        "proxy_configuration",
        "proxyConfiguration",
        Conv::Single(PROXY_CONFIGURATION),
    ),
    c(
        "runtime_platform",
        "runtimePlatform",
        Conv::Single(&[
            m("operating_system_family", "operatingSystemFamily"),
            m("cpu_architecture", "cpuArchitecture"),
        ]),
    ),
    c(
        "ephemeral_storage",
        "ephemeralStorage",
        Conv::Single(&[m("size_in_gib", "sizeInGiB")]),
    ),
    c(
        "inference_accelerator",
        "inferenceAccelerators",
        Conv::List(&[
            m("device_name", "deviceName"),
            m("device_type", "deviceType"),
        ]),
    ),
    TAGS,
];

const VOLUME: &[Map] = &[
    m("name", "name"),
    c("host_path", "host", Conv::Host),
    m("configure_at_launch", "configuredAtLaunch"),
    c(
        "docker_volume_configuration",
        "dockerVolumeConfiguration",
        Conv::Single(&[
            m("scope", "scope"),
            m("autoprovision", "autoprovision"),
            m("driver", "driver"),
            m("driver_opts", "driverOpts"),
            m("labels", "labels"),
        ]),
    ),
    c(
        "efs_volume_configuration",
        "efsVolumeConfiguration",
        Conv::Single(&[
            m("file_system_id", "fileSystemId"),
            m("root_directory", "rootDirectory"),
            m("transit_encryption", "transitEncryption"),
            m("transit_encryption_port", "transitEncryptionPort"),
            c(
                "authorization_config",
                "authorizationConfig",
                Conv::Single(&[m("access_point_id", "accessPointId"), m("iam", "iam")]),
            ),
        ]),
    ),
    c(
        "fsx_windows_file_server_volume_configuration",
        "fsxWindowsFileServerVolumeConfiguration",
        Conv::Single(&[
            m("file_system_id", "fileSystemId"),
            m("root_directory", "rootDirectory"),
            c(
                "authorization_config",
                "authorizationConfig",
                Conv::Single(&[
                    m("credentials_parameter", "credentialsParameter"),
                    m("domain", "domain"),
                ]),
            ),
        ]),
    ),
];

const PLACEMENT_CONSTRAINT: &[Map] = &[m("type", "type"), m("expression", "expression")];

const PLACEMENT_STRATEGY: &[Map] = &[m("type", "type"), m("field", "field")];

const PROXY_CONFIGURATION: &[Map] = &[
    m("container_name", "containerName"),
    m("type", "type"),
    c("properties", "properties", Conv::Pairs("name", "value")),
];

const SERVICE: &[Map] = &[
    m("name", "serviceName"),
    m("cluster", "cluster"),
    m("task_definition", "taskDefinition"),
    m("desired_count", "desiredCount"),
    m("launch_type", "launchType"),
    m("platform_version", "platformVersion"),
    m("scheduling_strategy", "schedulingStrategy"),
    m("iam_role", "role"),
    m(
        "health_check_grace_period_seconds",
        "healthCheckGracePeriodSeconds",
    ),
    m("enable_ecs_managed_tags", "enableECSManagedTags"),
    m("enable_execute_command", "enableExecuteCommand"),
    m("propagate_tags", "propagateTags"),
    m(
        "availability_zone_rebalancing",
        "availabilityZoneRebalancing",
    ),
    c(
        "deployment_controller",
        "deploymentController",
        Conv::Single(&[m("type", "type")]),
    ),
    c(
        "load_balancer",
        "loadBalancers",
        Conv::List(&[
            m("target_group_arn", "targetGroupArn"),
            m("elb_name", "loadBalancerName"),
            m("container_name", "containerName"),
            m("container_port", "containerPort"),
        ]),
    ),
    c(
        "network_configuration",
        "networkConfiguration",
        Conv::Awsvpc,
    ),
    c(
        "ordered_placement_strategy",
        "placementStrategy",
        Conv::List(PLACEMENT_STRATEGY),
    ),
    c(
        "placement_constraints",
        "placementConstraints",
        Conv::List(PLACEMENT_CONSTRAINT),
    ),
    c(
        "capacity_provider_strategy",
        "capacityProviderStrategy",
        Conv::List(CAPACITY_PROVIDER_STRATEGY),
    ),
    c(
        "service_registries",
        "serviceRegistries",
        Conv::SingleInList(&[
            m("registry_arn", "registryArn"),
            m("port", "port"),
            m("container_name", "containerName"),
            m("container_port", "containerPort"),
        ]),
    ),
    c(
        "service_connect_configuration",
        "serviceConnectConfiguration",
        Conv::Single(&[
            m("enabled", "enabled"),
            m("namespace", "namespace"),
            c(
                "log_configuration",
                "logConfiguration",
                Conv::Single(&[m("log_driver", "logDriver"), m("options", "options")]),
            ),
            c(
                "service",
                "services",
                Conv::List(&[
                    m("port_name", "portName"),
                    m("discovery_name", "discoveryName"),
                    m("ingress_port_override", "ingressPortOverride"),
                    c(
                        "client_alias",
                        "clientAliases",
                        Conv::List(&[m("port", "port"), m("dns_name", "dnsName")]),
                    ),
                ]),
            ),
        ]),
    ),
    c(
        "vpc_lattice_configurations",
        "vpcLatticeConfigurations",
        Conv::List(&[
            m("role_arn", "roleArn"),
            m("target_group_arn", "targetGroupArn"),
            m("port_name", "portName"),
        ]),
    ),
    TAGS,
];

/// An EventBridge target's `ecs_target` (and a schedule's `ecs_parameters`): the task a rule
/// or a schedule runs, read as a scheduled service is.
const ECS_TARGET: &[Map] = &[
    m("task_definition_arn", "taskDefinition"),
    m("task_count", "desiredCount"),
    m("launch_type", "launchType"),
    m("platform_version", "platformVersion"),
    m("enable_execute_command", "enableExecuteCommand"),
    m("enable_ecs_managed_tags", "enableECSManagedTags"),
    m("propagate_tags", "propagateTags"),
    c(
        "network_configuration",
        "networkConfiguration",
        Conv::Awsvpc,
    ),
    c(
        "capacity_provider_strategy",
        "capacityProviderStrategy",
        Conv::List(CAPACITY_PROVIDER_STRATEGY),
    ),
    c(
        "placement_constraint",
        "placementConstraints",
        Conv::List(PLACEMENT_CONSTRAINT),
    ),
    c(
        "ordered_placement_strategy",
        "placementStrategy",
        Conv::List(PLACEMENT_STRATEGY),
    ),
    c(
        "placement_strategy",
        "placementStrategy",
        Conv::List(PLACEMENT_STRATEGY),
    ),
    TAGS,
];

const EVENT_TARGET: &[Map] = &[c("ecs_target", "ecsTarget", Conv::Single(ECS_TARGET))];

const SCHEDULE: &[Map] = &[c(
    "target",
    "target",
    Conv::Single(&[c(
        "ecs_parameters",
        "ecsParameters",
        Conv::Single(ECS_TARGET),
    )]),
)];

/// The service attributes that are `deploymentConfiguration`'s fields in the API.
const DEPLOYMENT_CONFIGURATION: &[Map] = &[
    m("deployment_maximum_percent", "maximumPercent"),
    m(
        "deployment_minimum_healthy_percent",
        "minimumHealthyPercent",
    ),
    c(
        "deployment_circuit_breaker",
        "deploymentCircuitBreaker",
        Conv::Single(&[m("enable", "enable"), m("rollback", "rollback")]),
    ),
    c(
        "alarms",
        "alarms",
        Conv::Single(&[
            m("alarm_names", "alarmNames"),
            m("enable", "enable"),
            m("rollback", "rollback"),
        ]),
    ),
];

/// `deployment_configuration { … }` (blue/green deployments, provider 6): its fields join the
/// others of `deploymentConfiguration`.
const DEPLOYMENT_CONFIGURATION_BLOCK: &[Map] = &[
    m("strategy", "strategy"),
    m("bake_time_in_minutes", "bakeTimeInMinutes"),
];

const CAPACITY_PROVIDER_STRATEGY: &[Map] = &[
    m("capacity_provider", "capacityProvider"),
    m("weight", "weight"),
    m("base", "base"),
];

const CLUSTER: &[Map] = &[
    m("name", "clusterName"),
    c(
        "setting",
        "settings",
        Conv::List(&[m("name", "name"), m("value", "value")]),
    ),
    c(
        "configuration",
        "configuration",
        Conv::Single(&[c(
            "execute_command_configuration",
            "executeCommandConfiguration",
            Conv::Single(&[
                m("kms_key_id", "kmsKeyId"),
                m("logging", "logging"),
                c(
                    "log_configuration",
                    "logConfiguration",
                    Conv::Single(&[
                        m(
                            "cloud_watch_encryption_enabled",
                            "cloudWatchEncryptionEnabled",
                        ),
                        m("cloud_watch_log_group_name", "cloudWatchLogGroupName"),
                        m("s3_bucket_name", "s3BucketName"),
                        m("s3_bucket_encryption_enabled", "s3EncryptionEnabled"),
                        m("s3_key_prefix", "s3KeyPrefix"),
                    ]),
                ),
            ]),
        )]),
    ),
    c(
        "service_connect_defaults",
        "serviceConnectDefaults",
        Conv::Single(&[m("namespace", "namespace")]),
    ),
    TAGS,
];

const CLUSTER_CAPACITY_PROVIDERS: &[Map] = &[
    m("cluster_name", "cluster"),
    m("capacity_providers", "capacityProviders"),
    c(
        "default_capacity_provider_strategy",
        "defaultCapacityProviderStrategy",
        Conv::List(CAPACITY_PROVIDER_STRATEGY),
    ),
];

const TARGET_GROUP: &[Map] = &[
    m("name", "Name"),
    m("port", "Port"),
    m("protocol", "Protocol"),
    m("protocol_version", "ProtocolVersion"),
    m("target_type", "TargetType"),
    m("vpc_id", "VpcId"),
    TAGS,
];

/// A target group's `health_check { … }`: its fields are the target group's in the API.
const HEALTH_CHECK: &[Map] = &[
    m("enabled", "HealthCheckEnabled"),
    m("path", "HealthCheckPath"),
    m("port", "HealthCheckPort"),
    m("protocol", "HealthCheckProtocol"),
    m("interval", "HealthCheckIntervalSeconds"),
    m("timeout", "HealthCheckTimeoutSeconds"),
    m("healthy_threshold", "HealthyThresholdCount"),
    m("unhealthy_threshold", "UnhealthyThresholdCount"),
    c("matcher", "Matcher", Conv::Matcher),
];

const LOAD_BALANCER: &[Map] = &[
    m("name", "Name"),
    m("load_balancer_type", "Type"),
    m("subnets", "Subnets"),
    m("security_groups", "SecurityGroups"),
    TAGS,
];

const ACTION: &[Map] = &[
    m("type", "Type"),
    m("target_group_arn", "TargetGroupArn"),
    m("order", "Order"),
    c(
        "forward",
        "ForwardConfig",
        Conv::Single(&[c(
            "target_group",
            "TargetGroups",
            Conv::List(&[m("arn", "TargetGroupArn"), m("weight", "Weight")]),
        )]),
    ),
    c(
        "redirect",
        "RedirectConfig",
        Conv::Single(&[
            m("protocol", "Protocol"),
            m("port", "Port"),
            m("host", "Host"),
            m("path", "Path"),
            m("query", "Query"),
            m("status_code", "StatusCode"),
        ]),
    ),
    c(
        "fixed_response",
        "FixedResponseConfig",
        Conv::Single(&[
            m("content_type", "ContentType"),
            m("message_body", "MessageBody"),
            m("status_code", "StatusCode"),
        ]),
    ),
];

const LISTENER: &[Map] = &[
    m("load_balancer_arn", "LoadBalancerArn"),
    m("port", "Port"),
    m("protocol", "Protocol"),
    m("certificate_arn", "Certificates"),
    m("ssl_policy", "SslPolicy"),
    c("default_action", "DefaultActions", Conv::List(ACTION)),
    TAGS,
];

const LISTENER_RULE: &[Map] = &[
    m("listener_arn", "ListenerArn"),
    m("priority", "Priority"),
    c("action", "Actions", Conv::List(ACTION)),
    TAGS,
];

/// The kinds of resource ecslint reads from Terraform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TfKind {
    TaskDefinition,
    Service,
    Cluster,
    ClusterCapacityProviders,
    TargetGroup,
    LoadBalancer,
    Listener,
    ListenerRule,
    /// `aws_cloudwatch_event_target` (an ECS task run by an EventBridge rule).
    EventTarget,
    /// `aws_scheduler_schedule` (an ECS task run by EventBridge Scheduler).
    Schedule,
}

impl TfKind {
    /// The kind of a Terraform resource type (`aws_alb_*` are the older names of `aws_lb_*`).
    pub fn of(resource_type: &str) -> Option<TfKind> {
        Some(match resource_type {
            "aws_ecs_task_definition" => TfKind::TaskDefinition,
            "aws_ecs_service" => TfKind::Service,
            "aws_ecs_cluster" => TfKind::Cluster,
            "aws_ecs_cluster_capacity_providers" => TfKind::ClusterCapacityProviders,
            "aws_lb_target_group" | "aws_alb_target_group" => TfKind::TargetGroup,
            "aws_lb" | "aws_alb" => TfKind::LoadBalancer,
            "aws_lb_listener" | "aws_alb_listener" => TfKind::Listener,
            "aws_lb_listener_rule" | "aws_alb_listener_rule" => TfKind::ListenerRule,
            "aws_cloudwatch_event_target" => TfKind::EventTarget,
            "aws_scheduler_schedule" => TfKind::Schedule,
            _ => return None,
        })
    }
}

/// The body of a resource of `kind`, in the API's shape (`text`: the file's text, which a
/// JSON document in a heredoc is read from in place).
pub fn resource_body<'a>(kind: TfKind, body: Node<'a>, text: &'a str) -> Node<'a> {
    let span = body.span;
    let Kind::Object(members) = body.kind else {
        return body;
    };
    let members = match kind {
        TfKind::TaskDefinition => convert(members, TASK_DEFINITION, text),
        TfKind::Service => service(members, text),
        TfKind::Cluster => convert(members, CLUSTER, text),
        TfKind::ClusterCapacityProviders => convert(members, CLUSTER_CAPACITY_PROVIDERS, text),
        TfKind::TargetGroup => target_group(members, text),
        TfKind::LoadBalancer => convert(members, LOAD_BALANCER, text),
        TfKind::Listener => convert(members, LISTENER, text),
        TfKind::ListenerRule => convert(members, LISTENER_RULE, text),
        TfKind::EventTarget => convert(members, EVENT_TARGET, text),
        TfKind::Schedule => convert(members, SCHEDULE, text),
    };
    Node {
        span,
        kind: Kind::Object(members),
    }
}

/// Renames and reshapes the members `table` knows; keeps the others as they are.
fn convert<'a>(members: Vec<Member<'a>>, table: &[Map], text: &'a str) -> Vec<Member<'a>> {
    members
        .into_iter()
        .map(|member| match table.iter().find(|t| member.key == t.tf) {
            Some(t) => Member {
                key: Cow::Borrowed(t.api),
                key_span: member.key_span,
                value: value(member.value, t.conv, text),
            },
            None => member,
        })
        .collect()
}

fn value<'a>(node: Node<'a>, conv: Conv, text: &'a str) -> Node<'a> {
    match conv {
        Conv::Same => node,
        Conv::Single(table) => single(node, table, text),
        Conv::List(table) => list(node, table, text),
        Conv::SingleInList(table) => {
            let one = single(node, table, text);
            match one.kind {
                Kind::Object(_) => Node {
                    span: one.span,
                    kind: Kind::Array(vec![one]),
                },
                _ => one,
            }
        }
        Conv::Pairs(k, v) => pairs(node, k, v),
        Conv::Switch => switch(node),
        Conv::Json => json_document(node, text),
        Conv::Awsvpc => {
            let inner = single(
                node,
                &[
                    m("subnets", "subnets"),
                    m("security_groups", "securityGroups"),
                    c("assign_public_ip", "assignPublicIp", Conv::Switch),
                ],
                text,
            );
            match inner.kind {
                Kind::Object(_) => Node {
                    span: inner.span,
                    kind: Kind::Object(vec![Member {
                        key: Cow::Borrowed("awsvpcConfiguration"),
                        key_span: inner.span,
                        value: inner,
                    }]),
                },
                _ => inner,
            }
        }
        Conv::Matcher => wrap(node, "HttpCode"),
        Conv::Host => wrap(node, "sourcePath"),
    }
}

/// A string (or an expression) as the one member `key` of an object.
fn wrap<'a>(node: Node<'a>, key: &'static str) -> Node<'a> {
    match node.kind {
        Kind::String(_) | Kind::Placeholder(_) => Node {
            span: node.span,
            kind: Kind::Object(vec![Member {
                key: Cow::Borrowed(key),
                key_span: node.span,
                value: node,
            }]),
        },
        _ => node,
    }
}

/// A block that appears at most once (the HCL loader made a list of its bodies): its object.
/// A `dynamic` block or any other expression is unknown.
fn single<'a>(node: Node<'a>, table: &[Map], text: &'a str) -> Node<'a> {
    match node.kind {
        Kind::Array(items) => match items.into_iter().last() {
            Some(Node {
                span,
                kind: Kind::Object(members),
            }) => Node {
                span,
                kind: Kind::Object(convert(members, table, text)),
            },
            Some(other) => other,
            None => Node {
                span: node.span,
                kind: Kind::Null,
            },
        },
        Kind::Object(members) => Node {
            span: node.span,
            kind: Kind::Object(convert(members, table, text)),
        },
        kind => Node {
            span: node.span,
            kind,
        },
    }
}

/// A repeatable block: a list of objects; an expression item (a `dynamic` block) stays.
fn list<'a>(node: Node<'a>, table: &[Map], text: &'a str) -> Node<'a> {
    let item = |n: Node<'a>| match n.kind {
        Kind::Object(members) => Node {
            span: n.span,
            kind: Kind::Object(convert(members, table, text)),
        },
        kind => Node { span: n.span, kind },
    };
    match node.kind {
        Kind::Array(items) => Node {
            span: node.span,
            kind: Kind::Array(items.into_iter().map(item).collect()),
        },
        // Terraform's JSON syntax writes a single block as an object.
        Kind::Object(_) => Node {
            span: node.span,
            kind: Kind::Array(vec![item(node)]),
        },
        kind => Node {
            span: node.span,
            kind,
        },
    }
}

/// A map (`tags = { Team = "web" }`): a list of `{key: …, value: …}` objects, each key a
/// string at its own span. A computed key stays an expression item.
fn pairs<'a>(node: Node<'a>, k: &'static str, v: &'static str) -> Node<'a> {
    let Kind::Object(members) = node.kind else {
        return node;
    };
    let items = members
        .into_iter()
        .map(|member| {
            if member.is_open() {
                return member.value;
            }
            Node {
                span: member.key_span.cover(member.value.span),
                kind: Kind::Object(vec![
                    Member {
                        key: Cow::Borrowed(k),
                        key_span: member.key_span,
                        value: Node {
                            span: member.key_span,
                            kind: Kind::String(member.key),
                        },
                    },
                    Member {
                        key: Cow::Borrowed(v),
                        key_span: member.key_span,
                        value: member.value,
                    },
                ]),
            }
        })
        .collect();
    Node {
        span: node.span,
        kind: Kind::Array(items),
    }
}

/// `true`/`false` (or the strings Terraform converts to them): `ENABLED`/`DISABLED`.
fn switch(node: Node<'_>) -> Node<'_> {
    let on = match &node.kind {
        Kind::Bool(b) => Some(*b),
        Kind::String(s) if s == "true" => Some(true),
        Kind::String(s) if s == "false" => Some(false),
        _ => None,
    };
    match on {
        Some(on) => Node {
            span: node.span,
            kind: Kind::String(Cow::Borrowed(if on { "ENABLED" } else { "DISABLED" })),
        },
        None => node,
    }
}

/// `container_definitions`: a list already (`jsonencode([...])`), or a JSON document in a
/// heredoc (or in a followed file's text, spliced in by [`super::follow::splice`]), read in
/// place so that spans point into the text; a JSON document in a quoted string, decoded with
/// its spans mapped back onto the escapes ([`crate::load::quoted`]). A document that does not
/// parse, or a call not followed: unknown.
fn json_document<'a>(node: Node<'a>, text: &'a str) -> Node<'a> {
    let unknown = |node: &Node<'a>| Node {
        span: node.span,
        kind: Kind::Placeholder(Cow::Borrowed(text.get(node.span.range()).unwrap_or(""))),
    };
    match &node.kind {
        Kind::String(_) => {
            let range = node.span.range();
            let Some(raw) = text.get(range.clone()) else {
                return unknown(&node);
            };
            // A heredoc's node spans its content (read as written, before `<<-` takes the
            // indentation off, which JSON ignores); a quoted string's spans its quotes, and its
            // escapes are decoded with every span mapped back onto them.
            if raw.starts_with('"') {
                return crate::load::quoted::parse_quoted(raw, range.start)
                    .unwrap_or_else(|| unknown(&node));
            }
            if !raw.trim_start().starts_with(['[', '{']) {
                return unknown(&node);
            }
            match json::parse_template(raw, range.start) {
                Ok((Some(doc), _)) => doc,
                _ => unknown(&node),
            }
        }
        _ => node,
    }
}

/// `aws_ecs_service`: the table, and the deployment fields gathered into
/// `deploymentConfiguration` as in the API.
fn service<'a>(members: Vec<Member<'a>>, text: &'a str) -> Vec<Member<'a>> {
    let (deployment, rest): (Vec<_>, Vec<_>) = members.into_iter().partition(|m| {
        m.key == "deployment_configuration"
            || DEPLOYMENT_CONFIGURATION.iter().any(|t| m.key == t.tf)
    });
    let mut out = convert(rest, SERVICE, text);
    let mut fields = Vec::new();
    let mut span: Option<Span> = None;
    for member in deployment {
        let whole = member.key_span.cover(member.value.span);
        span = Some(span.map_or(whole, |s| s.cover(whole)));
        if member.key == "deployment_configuration" {
            match single(member.value, DEPLOYMENT_CONFIGURATION_BLOCK, text).kind {
                Kind::Object(inner) => fields.extend(inner),
                // A dynamic block: whatever it sets is unknown.
                Kind::Placeholder(source) => fields.push(Member::open(source, whole)),
                _ => {}
            }
        } else {
            fields.extend(convert(vec![member], DEPLOYMENT_CONFIGURATION, text));
        }
    }
    if let Some(span) = span {
        out.push(Member {
            key: Cow::Borrowed("deploymentConfiguration"),
            key_span: span,
            value: Node {
                span,
                kind: Kind::Object(fields),
            },
        });
    }
    out
}

/// `aws_lb_target_group`: the table, and `health_check { … }`'s fields as the target group's.
fn target_group<'a>(members: Vec<Member<'a>>, text: &'a str) -> Vec<Member<'a>> {
    let (health, rest): (Vec<_>, Vec<_>) =
        members.into_iter().partition(|m| m.key == "health_check");
    let mut out = convert(rest, TARGET_GROUP, text);
    for member in health {
        match single(member.value, HEALTH_CHECK, text) {
            Node {
                kind: Kind::Object(inner),
                ..
            } => out.extend(inner),
            Node {
                span,
                kind: Kind::Placeholder(source),
            } => out.push(Member::open(source, span)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body<'a>(kind: TfKind, text: &'a str) -> Node<'a> {
        let doc = crate::load::hcl::parse(text, 0).expect("parses");
        resource_body(kind, doc, text)
    }

    #[test]
    fn a_service_in_the_api_shape() {
        let text = r#"
name = "web"
task_definition = aws_ecs_task_definition.web.arn
deployment_maximum_percent = 150
deployment_circuit_breaker {
  enable   = true
  rollback = true
}
network_configuration {
  subnets          = ["subnet-1"]
  assign_public_ip = true
}
load_balancer {
  container_name = "web"
  container_port = 8080
}
tags = { Team = "web" }
"#;
        let s = body(TfKind::Service, text);
        assert_eq!(s.get("serviceName").and_then(Node::as_str), Some("web"));
        let dc = s
            .get("deploymentConfiguration")
            .expect("deployment configuration");
        assert!(dc.get("maximumPercent").is_some());
        let breaker = dc.get("deploymentCircuitBreaker").expect("breaker");
        assert!(matches!(
            breaker.get("rollback").map(|n| &n.kind),
            Some(Kind::Bool(true))
        ));
        let awsvpc = s
            .get("networkConfiguration")
            .and_then(|n| n.get("awsvpcConfiguration"))
            .expect("awsvpc");
        let public = awsvpc.get("assignPublicIp").expect("public ip");
        assert_eq!(public.as_str(), Some("ENABLED"));
        assert_eq!(&text[public.span.range()], "true");
        let lbs = s
            .get("loadBalancers")
            .and_then(Node::as_array)
            .expect("list");
        assert_eq!(
            lbs[0].get("containerName").and_then(Node::as_str),
            Some("web")
        );
        let tags = s.get("tags").and_then(Node::as_array).expect("tags");
        assert_eq!(tags[0].get("key").and_then(Node::as_str), Some("Team"));
    }

    #[test]
    fn container_definitions_in_a_heredoc_are_read_in_place() {
        let indented = "container_definitions = <<-EOF\n    [{\"name\": \"web\"}]\n    EOF\n";
        let td = body(TfKind::TaskDefinition, indented);
        let list = td
            .get("containerDefinitions")
            .and_then(Node::as_array)
            .expect("list");
        assert_eq!(&indented[list[0].span.range()], "{\"name\": \"web\"}");
        let text = "container_definitions = <<EOF\n[{\"name\": \"web\", \"cpu\": ${var.cpu}}]\nEOF\nvolume {\n  name = \"data\"\n  host_path = \"/x\"\n}\n";
        let td = body(TfKind::TaskDefinition, text);
        let list = td
            .get("containerDefinitions")
            .and_then(Node::as_array)
            .expect("list");
        let name = list[0].get("name").expect("name");
        assert_eq!(&text[name.span.range()], "\"web\"");
        assert!(matches!(
            list[0].get("cpu").map(|n| &n.kind),
            Some(Kind::Placeholder(_))
        ));
        let volumes = td.get("volumes").and_then(Node::as_array).expect("volumes");
        assert_eq!(volumes[0].get("name").and_then(Node::as_str), Some("data"));
    }

    #[test]
    fn what_cannot_be_read_is_unknown() {
        let text = "container_definitions = file(\"c.json\")\ndynamic \"volume\" {\n  for_each = var.v\n}\n";
        let td = body(TfKind::TaskDefinition, text);
        assert!(matches!(
            td.get("containerDefinitions").map(|n| &n.kind),
            Some(Kind::Placeholder(_))
        ));
        let volumes = td.get("volumes").and_then(Node::as_array).expect("volumes");
        assert!(matches!(volumes[0].kind, Kind::Placeholder(_)));
        // A quoted string that is no JSON document.
        let text = "container_definitions = \"[{\\\"name\\\": web}]\"\n";
        let td = body(TfKind::TaskDefinition, text);
        assert!(matches!(
            td.get("containerDefinitions").map(|n| &n.kind),
            Some(Kind::Placeholder(_))
        ));
    }

    #[test]
    fn container_definitions_in_a_quoted_string_are_read_with_spans_on_the_escapes() {
        let text = "container_definitions = \"[{\\\"name\\\": \\\"web\\\"}]\"\n";
        let td = body(TfKind::TaskDefinition, text);
        let name = td
            .get("containerDefinitions")
            .and_then(Node::as_array)
            .and_then(|c| c[0].get("name"))
            .expect("name");
        assert_eq!(name.as_str(), Some("web"));
        assert_eq!(&text[name.span.range()], "\\\"web\\\"");
    }

    #[test]
    fn a_target_group_health_check_is_flattened() {
        let text = "port = 80\nhealth_check {\n  path = \"/health\"\n  matcher = \"200\"\n}\n";
        let tg = body(TfKind::TargetGroup, text);
        assert_eq!(
            tg.get("HealthCheckPath").and_then(Node::as_str),
            Some("/health")
        );
        assert!(tg.get("Matcher").and_then(|m| m.get("HttpCode")).is_some());
        assert!(tg.get("Port").is_some());
    }
}
