//! ECS402 load-balancer-port-not-mapped: a service's `loadBalancers[].containerPort` must be a
//! `containerPort` of the named container's port mappings.

use crate::link::{ContainerFacts, Workspace};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS402",
    name: "load-balancer-port-not-mapped",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
}

fn maps(c: &ContainerFacts, port: i64) -> bool {
    c.ports.contains(&port) || c.ranges.iter().any(|(a, b)| (*a..=*b).contains(&port))
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for service in &ws.services {
        let Some(reference) = &service.task_def else {
            continue;
        };
        let candidates = ws.resolve(reference);
        for lb in &service.load_balancers {
            let (Some((name, _)), Some((port, port_span))) =
                (&lb.container_name, &lb.container_port)
            else {
                continue;
            };
            let containers: Vec<(&crate::link::TaskDefFacts, &ContainerFacts)> = candidates
                .iter()
                .flat_map(|t| {
                    t.containers
                        .iter()
                        .filter(|c| &c.name == name)
                        .map(move |c| (*t, c))
                })
                .collect();
            // A missing container is ECS401's finding; an unreadable port proves nothing.
            if containers.is_empty()
                || containers
                    .iter()
                    .any(|(_, c)| c.ports_incomplete || maps(c, *port))
            {
                continue;
            }
            let (td, c) = containers[0];
            let mapped: Vec<String> = c.ports.iter().map(|p| p.to_string()).collect();
            let finding = sink.report_in(
                service.file,
                *port_span,
                &lb.container_port_pointer,
                format!("container `{name}` in task definition `{}` has no port mapping for container port {port}", td.family),
            );
            finding
                .resource(service.name.clone())
                .stable(&lb.container_port_stable)
                .related(candidates.iter().map(|t| t.file));
            match c.port_mappings_key {
                Some(key) => finding.label_in(
                    td.file,
                    key,
                    format!(
                        "`{name}` maps {}",
                        if mapped.is_empty() {
                            "no ports".to_string()
                        } else {
                            format!("port {}", mapped.join(", "))
                        }
                    ),
                ),
                None => finding.label_in(
                    td.file,
                    c.name_span,
                    format!("`{name}` has no `portMappings`"),
                ),
            };
            if mapped.is_empty() {
                finding.help(format!(
                    "add {{\"containerPort\": {port}}} to the port mappings of `{name}`"
                ));
            } else {
                finding.help(format!(
                    "set `containerPort` to {} or add a port mapping for {port} to `{name}`",
                    mapped.join(" or ")
                ));
            };
        }
    }
}
