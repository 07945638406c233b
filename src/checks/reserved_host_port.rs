//! ECS203 reserved-host-port: a static `hostPort` on a port the container instance already uses.

use crate::model::{NetworkMode, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS203",
    name: "reserved-host-port",
    category: BestPractice,
    severity: Warning,
    check: TaskDef(check),
}

/// Ports ECS reserves on container instances: SSH, the Docker daemon, the ECS agent.
const RESERVED: &[(i64, &str)] = &[
    (22, "SSH"),
    (2375, "the Docker daemon"),
    (2376, "the Docker daemon (TLS)"),
    (51678, "the ECS container agent"),
    (51679, "the ECS container agent"),
    (51680, "the ECS container agent"),
];

pub fn is_reserved(port: i64) -> bool {
    RESERVED.iter().any(|(p, _)| *p == port)
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if !matches!(
        td.effective_network_mode(),
        Some(NetworkMode::Bridge | NetworkMode::Default)
    ) {
        return;
    }
    for c in &td.containers {
        for pm in &c.port_mappings {
            let Some((port, span)) = pm.host_port.known_at() else {
                continue;
            };
            if let Some((_, user)) = RESERVED.iter().find(|(p, _)| *p == port) {
                sink.report(
                    span,
                    pm.pointer.field("hostPort"),
                    format!("host port {port} of container {} is reserved on ECS container instances for {user}", c.label()),
                )
                .help("omit `hostPort` (or set it to 0) for a dynamic port, or pick another static port");
            }
        }
    }
}
