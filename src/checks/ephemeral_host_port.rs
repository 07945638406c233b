//! ECS204 ephemeral-host-port: a static `hostPort` inside the range ECS hands out as dynamic
//! host ports.

use crate::model::{NetworkMode, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS204",
    name: "ephemeral-host-port",
    category: BestPractice,
    severity: Warning,
    check: TaskDef(check),
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // Docker's default ephemeral range: 49153–65535 on Linux, 49152–65535 on Windows.
    let first = match td.effective_network_mode() {
        Some(NetworkMode::Bridge) => 49153,
        Some(NetworkMode::Default) => 49152,
        _ => return,
    };
    for c in &td.containers {
        for pm in &c.port_mappings {
            let Some((port, span)) = pm.host_port.known_at() else {
                continue;
            };
            // The agent's ports 51678–51680 are in the range too; ECS203 reports those.
            if (first..=65535).contains(&port) && !super::reserved_host_port::is_reserved(port) {
                sink.report(
                    span,
                    pm.pointer.field("hostPort"),
                    format!("static host port {port} of container {} is in the ephemeral range {first}–65535 used for dynamic host ports", c.label()),
                )
                .help("omit `hostPort` (or set it to 0) for a dynamic port, or pick a static port below 32768 (outside every ephemeral range an instance may use)");
            }
        }
    }
}
