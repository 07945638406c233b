//! ECS204 ephemeral-host-port: a static `hostPort` inside the range ECS hands out as dynamic
//! host ports.

use crate::model::fields::port_mapping;
use crate::model::Spelled;
use crate::model::{Container, NetworkMode, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS204",
    name: "ephemeral-host-port",
    category: BestPractice,
    severity: Warning,
    check: Container(check),
    constraints: [36],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // Docker's default ephemeral range: 49153–65535 on Linux, 49152–65535 on Windows.
    let first = match td.effective_network_mode() {
        Some(NetworkMode::Bridge) => 49153,
        Some(NetworkMode::Default) => 49152,
        _ => return,
    };
    for pm in &c.port_mappings {
        let Some((port, span)) = pm.host_port.known_at() else {
            continue;
        };
        // The agent's ports 51678–51680 are in the range too; ECS203 reports those.
        if (first..=65535).contains(&port) && crate::domain::ports::reserved_by(port).is_none() {
            sink.report(
                span,
                format!("static host port {port} of container {} is in the ephemeral range {first}–65535 used for dynamic host ports", c.label()),
            )
            .help(format!("omit `{}` (or set it to 0) for a dynamic port, or pick a static port below 32768 (outside every ephemeral range an instance may use)", pm.key(&port_mapping::HOST_PORT)));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ephemeral_host_port() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":49152}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":32768}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":51678}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":50000,"hostPort":0}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":50000}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":"{{ must_env `HOST_PORT` }}"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":50000,"hostPort":50000}]}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":50000}]}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":49153}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":65535}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":50091}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":"50000"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":49152}]}],"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_CORE"}}"#,
                r#"{"taskDefinition":{"family":"web","revision":3,"networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":60000,"hostPort":60000}]}]}}"#,
                r#"
family: web
networkMode: bridge
containerDefinitions:
  - name: web
    image: nginx:1.27
    portMappings: [{containerPort: 80, hostPort: 55000}]"#,
            ],
        );
    }
}
