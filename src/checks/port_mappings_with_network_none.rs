//! ECS202 port-mappings-with-network-none: a task with network mode `none` has no network, so
//! its containers cannot have port mappings.

use crate::model::{NetworkMode, TaskDef};
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS202",
    name: "port-mappings-with-network-none",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS202-port-mappings-with-network-none.md"),
    check: Check::TaskDef(check),
    security_severity: None,
};

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
