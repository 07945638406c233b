//! ECS402 load-balancer-port-not-mapped: a service's `loadBalancers[].containerPort` must be a
//! `containerPort` of the named container's port mappings.

use crate::link::{LinkedContainer, LinkedTaskDef, Workspace};
use crate::model::fields::{container, port_mapping};
use crate::model::Tri;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS402",
    name: "load-balancer-port-not-mapped",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [149],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for service in &ws.services {
        let candidates = ws.task_defs_of(service);
        for lb in &service.load_balancers {
            let (Some(name), Some(port), Some(site)) = (
                lb.container_name.as_known(),
                lb.container_port.known(),
                &lb.container_port_site,
            ) else {
                continue;
            };
            let containers: Vec<(&LinkedTaskDef, &LinkedContainer)> = candidates
                .iter()
                .flat_map(|t| t.containers_named(name).map(move |c| (*t, c)))
                .collect();
            // A missing container is ECS401's finding; an unreadable port proves nothing.
            if containers.is_empty() || containers.iter().any(|(_, c)| c.maps(port) != Tri::No) {
                continue;
            }
            let (td, c) = containers[0];
            let mapped = c.ports();
            let finding = sink.report_at(
                site,
                format!(
                    "container `{name}` in task definition `{}` has no port mapping for container port {port}",
                    td.display_name()
                ),
            );
            finding
                .resource(service.name())
                .related(candidates.iter().map(|t| t.id.file));
            let d = td.id.dialect;
            match c.port_mappings_key {
                Some(key) => finding.label_in(
                    td.id.file,
                    key,
                    format!(
                        "`{name}` maps {}",
                        match mapped.as_slice() {
                            [] => "no ports".to_string(),
                            [one] if !one.contains('-') => format!("port {one}"),
                            many => format!("ports {}", many.join(", ")),
                        }
                    ),
                ),
                None => finding.label_in(
                    td.id.file,
                    c.name.span().unwrap_or(td.id.anchor),
                    format!("`{name}` has no `{}`", d.name(&container::PORT_MAPPINGS)),
                ),
            };
            let container_port = d.name(&port_mapping::CONTAINER_PORT);
            if mapped.is_empty() {
                finding.help(format!(
                    "add a port mapping with `{container_port}` {port} to `{name}`"
                ));
            } else {
                let field = service
                    .id
                    .dialect
                    .name(&crate::model::fields::load_balancer::CONTAINER_PORT);
                let to = if mapped.iter().any(|m| m.contains('-')) {
                    format!("a port `{name}` maps ({})", mapped.join(", "))
                } else {
                    mapped.join(" or ")
                };
                finding.help(format!(
                    "set the service's `{field}` to {to}, or add a port mapping for {port} to `{name}`"
                ));
            };
        }
    }
}
