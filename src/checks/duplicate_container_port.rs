//! ECS206 duplicate-container-port: a container port appears in one port mapping only,
//! whatever the protocol.

use super::port_range;
use crate::model::TaskDef;
use crate::rule::{Category, Check, Rule, Severity, Sink};
use crate::span::Span;

pub static RULE: Rule = Rule {
    code: "ECS206",
    name: "duplicate-container-port",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS206-duplicate-container-port.md"),
    check: Check::TaskDef(check),
    security_severity: None,
};

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    for c in &td.containers {
        let mut ports: Vec<(i64, Span)> = Vec::new();
        let mut ranges: Vec<((i64, i64), Span)> = Vec::new();
        for pm in &c.port_mappings {
            if let Some((port, span)) = pm.container_port.known_at() {
                let earlier = ports
                    .iter()
                    .find(|(p, _)| *p == port)
                    .map(|(_, s)| (*s, "first mapped here"))
                    .or_else(|| {
                        ranges
                            .iter()
                            .find(|((a, b), _)| (*a..=*b).contains(&port))
                            .map(|(_, s)| (*s, "inside this range"))
                    });
                if let Some((earlier, what)) = earlier {
                    sink.report(
                        span,
                        pm.pointer.field("containerPort"),
                        format!("container port {port} appears in more than one port mapping of container {}", c.label()),
                    )
                    .label(earlier, what)
                    .help("keep one mapping per container port; the API rejects a port exposed twice, even for different protocols");
                }
                ports.push((port, span));
            } else if let Some((raw, span)) = pm.container_port_range.known_at() {
                let Some(range) = port_range::parse(raw) else {
                    continue;
                };
                if let Some(&(port, earlier)) =
                    ports.iter().find(|(p, _)| (range.0..=range.1).contains(p))
                {
                    sink.report(
                        span,
                        pm.pointer.field("containerPortRange"),
                        format!("port range {raw} includes container port {port}, which another mapping of container {} already maps", c.label()),
                    )
                    .label(earlier, "mapped here")
                    .help("keep one mapping per container port");
                }
                ranges.push((range, span));
            }
        }
    }
}
