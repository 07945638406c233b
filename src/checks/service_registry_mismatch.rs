//! ECS419 service-registry-mismatch: a service discovery registry that cannot register the
//! tasks: a container or port the task definition does not have, a bridge/host task without
//! the container and port its SRV record needs, a task without networking.

use crate::link::{LinkedRegistry, LinkedService, LinkedTaskDef, Workspace};
use crate::model::fields::{service, service_registry};
use crate::model::{NetworkMode, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS419",
    name: "service-registry-mismatch",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [162],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for svc in ws.services.iter().filter(|s| !s.registries.is_empty()) {
        let candidates = ws.task_defs_of(svc);
        let [td] = candidates.as_slice() else {
            continue;
        };
        for registry in &svc.registries {
            if let Some(problem) = problem(svc, td, registry) {
                let (site, message, help) = problem;
                let finding = sink.report_at(site, message);
                finding.pairing(svc, &candidates);
                finding.help(help);
            }
        }
    }
}

/// What is wrong with one registry, if anything: where, the message, the help.
fn problem<'a>(
    svc: &LinkedService,
    td: &LinkedTaskDef,
    registry: &'a LinkedRegistry,
) -> Option<(&'a crate::finding::Site, String, String)> {
    let d = svc.id.dialect;
    let name_key = service_registry::CONTAINER_NAME.name(d);
    let port_key = service_registry::CONTAINER_PORT.name(d);
    let registries = service::SERVICE_REGISTRIES.name(d);
    let tdn = td.display_name();
    let mode = td.mode_in_effect();
    if mode == Some(NetworkMode::None) {
        return Some((
            &registry.site,
            format!("the service registers its tasks for service discovery, and task definition `{tdn}` uses the `none` network mode: its tasks have no address to register"),
            format!("remove `{registries}`, or give the task definition a network mode"),
        ));
    }
    if let Some((name, site)) = &registry.container_name {
        let names = td.container_names()?;
        if !names.contains(&&**name) {
            return Some((
                site,
                format!("`{name_key}` `{name}` of a `{registries}` entry names no container of task definition `{tdn}`: ECS refuses the service"),
                format!("name one of its containers: {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
            ));
        }
        if let Some((port, port_site)) = &registry.container_port {
            let maps = td
                .containers_named(name)
                .map(|c| c.maps(*port))
                .collect::<Vec<_>>();
            if !maps.is_empty() && maps.iter().all(|m| *m == Tri::No) {
                return Some((
                    port_site,
                    format!("`{port_key}` {port} of a `{registries}` entry is not a port container `{name}` of task definition `{tdn}` maps: ECS refuses the service"),
                    format!("set `{port_key}` to one of the container's mapped ports, or add a port mapping for {port}"),
                ));
            }
        }
    }
    match mode {
        Some(NetworkMode::Bridge | NetworkMode::Host) if registry.lacks_container => {
            Some((
                &registry.site,
                format!("task definition `{tdn}` uses the `{}` network mode, where service discovery registers SRV records with the host port, and this `{registries}` entry does not name the `{name_key}` and `{port_key}` to take it from: ECS refuses the service", mode.map_or("", |m| m.as_str())),
                format!("set `{name_key}` and `{port_key}` to the container and port to register"),
            ))
        }
        Some(NetworkMode::Awsvpc) if registry.port && registry.container_port.is_some() => Some((
            &registry.site,
            format!("this `{registries}` entry names both a `{}` and a `{port_key}`: for an awsvpc task ECS takes one or the other, and refuses the service", service_registry::PORT.name(d)),
            format!("keep `{name_key}` and `{port_key}`, and remove `{}`", service_registry::PORT.name(d)),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let template = |mode: &str, registry: &str| {
            format!(
                "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: api\n      NetworkMode: {mode}\n      ContainerDefinitions:\n        - Name: api\n          Image: nginx:1.27\n          Memory: 256\n          PortMappings:\n            - ContainerPort: 8080\n  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n      ServiceRegistries:\n        - RegistryArn: !GetAtt Discovery.Arn\n{registry}"
            )
        };
        let pair = |name: &str, port: &str| {
            format!("          ContainerName: {name}\n          ContainerPort: {port}\n")
        };
        let pass = [
            template("bridge", &pair("api", "8080")),
            template("awsvpc", ""),
            template("awsvpc", "          Port: 8080\n"),
            template("awsvpc", &pair("api", "8080")),
            template("bridge", &pair("!Ref Name", "8080")),
            template("!Ref Mode", ""),
        ];
        let fail = [
            template("bridge", ""),
            template("bridge", &pair("web", "8080")),
            template("awsvpc", &pair("api", "9090")),
            template(
                "awsvpc",
                &format!("{}          Port: 8080\n", pair("api", "8080")),
            ),
            template("none", ""),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
