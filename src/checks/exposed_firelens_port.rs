//! ECS237 exposed-firelens-port: the FireLens log router publishes its Fluent forward port
//! (24224) on the container instance.

use crate::model::fields::container;
use crate::model::{Container, NetworkMode, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS237",
    name: "exposed-firelens-port",
    category: Security,
    severity: Warning,
    check: Container(check),
    security_severity: "4.0",
    constraints: [79],
}

/// The Fluentd/Fluent Bit forward input FireLens listens on inside the task.
const FORWARD_PORT: i64 = 24224;

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // In bridge mode a mapping publishes the port on the instance; under awsvpc it stays on
    // the task's interface, and in host mode the router listens on the instance either way.
    if td.effective_network_mode() != Some(NetworkMode::Bridge) {
        return;
    }
    let router = c
        .view()
        .get(&container::FIRELENS_CONFIGURATION)
        .is_some_and(|n| n.is_item_object());
    if !router {
        return;
    }
    for pm in &c.port_mappings {
        let Val::Known(FORWARD_PORT, span) = pm.container_port else {
            continue;
        };
        sink.report(
            c.at(span),
            format!(
                "container {} is the task's FireLens log router and maps port {FORWARD_PORT}, its forward input: anything that reaches the container instance can write into the task's logs",
                c.label()
            ),
        )
        .help(format!(
            "remove the mapping: the task's containers reach the router without it (ECS sets it up), so `{}` needs no entry for {FORWARD_PORT}",
            c.key(&container::PORT_MAPPINGS)
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |mode: &str, router: &str| {
            format!(
                r#"{{"family":"web","networkMode":"{mode}","containerDefinitions":[{{"name":"log_router","image":"fluent-bit:3.0","memory":64{router}}}]}}"#
            )
        };
        let fl = r#","firelensConfiguration":{"type":"fluentbit"}"#;
        let pass = [
            td("bridge", fl),
            td(
                "awsvpc",
                &format!(r#"{fl},"portMappings":[{{"containerPort":24224}}]"#),
            ),
            td("bridge", r#","portMappings":[{"containerPort":24224}]"#),
            td(
                "bridge",
                &format!(r#"{fl},"portMappings":[{{"containerPort":2020}}]"#),
            ),
            td(
                "host",
                &format!(r#"{fl},"portMappings":[{{"containerPort":24224}}]"#),
            ),
        ];
        let fail = [
            td("bridge", &format!(r#"{fl},"portMappings":[{{"containerPort":24224,"hostPort":24224}}]"#)),
            // No network mode: bridge on EC2.
            r#"{"family":"web","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"log_router","image":"fluent-bit:3.0","memory":64,"firelensConfiguration":{"type":"fluentbit"},"portMappings":[{"containerPort":24224}]}]}"#.to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
