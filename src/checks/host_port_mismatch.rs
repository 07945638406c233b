//! ECS201 host-port-mismatch: under `awsvpc` and `host` network modes, `hostPort` must be
//! omitted or equal to `containerPort`.

use crate::model::{NetworkMode, TaskDef};
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS201",
    name: "host-port-mismatch",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS201-host-port-mismatch.md"),
    check: Check::TaskDef(check),
    security_severity: None,
};

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let mode = match td.effective_network_mode() {
        Some(m @ (NetworkMode::Awsvpc | NetworkMode::Host)) => m,
        _ => return,
    };
    for c in &td.containers {
        for pm in &c.port_mappings {
            let (Some((host, host_span)), Some((container, container_span))) =
                (pm.host_port.known_at(), pm.container_port.known_at())
            else {
                continue;
            };
            if host == container {
                continue;
            }
            sink.report(
                host_span,
                pm.pointer.field("hostPort"),
                format!(
                    "`hostPort` {host} of container {} differs from `containerPort` {container}; under `{}` network mode they must be equal",
                    c.label(),
                    mode.as_str()
                ),
            )
            .label(container_span, format!("container port is {container}"))
            .help(format!("write \"hostPort\": {container}, or remove `hostPort`"));
        }
    }
}
