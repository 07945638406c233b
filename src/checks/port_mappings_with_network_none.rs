//! ECS202 port-mappings-with-network-none: a task with network mode `none` has no network, so
//! its containers cannot have port mappings.

use crate::model::{NetworkMode, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS202",
    name: "port-mappings-with-network-none",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if td.effective_network_mode() != Some(NetworkMode::None) {
        return;
    }
    for c in &td.containers {
        let (Some(key), false) = (c.port_mappings_key, c.port_mappings.is_empty()) else {
            continue;
        };
        let finding = sink.report(
            key,
            c.pointer.field("portMappings"),
            format!(
                "container {} has port mappings, but network mode `none` gives the task no network",
                c.label()
            ),
        );
        if let Some((_, span)) = td.network_mode.known_at() {
            finding.label(span, "network mode is set here");
        }
        finding.help("remove `portMappings`, or use network mode `awsvpc` or `bridge`");
    }
}
