//! ECS220 invalid-port-number: a port mapping's `containerPort` outside 1–65535, or its
//! `hostPort` outside 0–65535.

use crate::model::fields::port_mapping;
use crate::model::{Container, Spelled, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS220",
    name: "invalid-port-number",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [41],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    for pm in &c.port_mappings {
        if let Some((port, span)) = pm.container_port.known_at() {
            if !(1..=65535).contains(&port) {
                sink.report(
                    c.at(span),
                    format!(
                        "`{}` {port} of container {} is not a port: ECS accepts 1–65535",
                        pm.key(&port_mapping::CONTAINER_PORT),
                        c.label()
                    ),
                )
                .help(format!(
                    "set `{}` to the port the application listens on",
                    pm.key(&port_mapping::CONTAINER_PORT)
                ));
            }
        }
        if let Some((port, span)) = pm.host_port.known_at() {
            if !(0..=65535).contains(&port) {
                sink.report(
                    c.at(span),
                    format!(
                        "`{}` {port} of container {} is not a port: ECS accepts 0–65535 (0: a dynamic port)",
                        pm.key(&port_mapping::HOST_PORT),
                        c.label()
                    ),
                )
                .help(format!(
                    "set `{}` to a port from 1 to 65535, or omit it",
                    pm.key(&port_mapping::HOST_PORT)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |pm: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"portMappings":[{pm}]}}]}}"#
            )
        };
        let pass = [
            td(r#"{"containerPort":80}"#),
            td(r#"{"containerPort":65535,"hostPort":0}"#),
            td(r#"{"containerPort":1,"hostPort":65535}"#),
            td(r#"{"containerPort":"${PORT}"}"#),
            td(r#"{"containerPortRange":"8000-8010"}"#),
        ];
        let fail = [
            td(r#"{"containerPort":70000}"#),
            td(r#"{"containerPort":0}"#),
            td(r#"{"containerPort":-1}"#),
            td(r#"{"containerPort":80,"hostPort":80800}"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          PortMappings:\n            - ContainerPort: 70000\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
