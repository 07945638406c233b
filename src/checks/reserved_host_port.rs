//! ECS203 reserved-host-port: a static `hostPort` on a port the container instance already uses.

use crate::model::fields::port_mapping;
use crate::model::Spelled;
use crate::model::{NetworkMode, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS203",
    name: "reserved-host-port",
    category: BestPractice,
    severity: Warning,
    check: TaskDef(check),
}

/// Ports ECS reserves on container instances: SSH, the Docker daemon, the ECS agent.
const RESERVED: &[(i64, &str)] = &[
    (22, "SSH"),
    (2375, "the Docker daemon"),
    (2376, "the Docker daemon (TLS)"),
    (51678, "the ECS container agent"),
    (51679, "the ECS container agent"),
    (51680, "the ECS container agent"),
];

pub fn is_reserved(port: i64) -> bool {
    RESERVED.iter().any(|(p, _)| *p == port)
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if !matches!(
        td.effective_network_mode(),
        Some(NetworkMode::Bridge | NetworkMode::Default)
    ) {
        return;
    }
    for c in &td.containers {
        for pm in &c.port_mappings {
            let Some((port, span)) = pm.host_port.known_at() else {
                continue;
            };
            if let Some((_, user)) = RESERVED.iter().find(|(p, _)| *p == port) {
                sink.report(
                    span,
                    format!("host port {port} of container {} is reserved on ECS container instances for {user}", c.label()),
                )
                .help(format!("omit `{}` (or set it to 0) for a dynamic port, or pick another static port", pm.key(&port_mapping::HOST_PORT)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reserved_host_port() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":2222}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":0}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":"${SSH_PORT}"}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":51677,"hostPort":51677}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":51681,"hostPort":51681}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":22}]}]}"#,
                r#"{"family":"web","networkMode":"host","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":2375,"hostPort":2375}]}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":22}]}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":22}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":2375,"hostPort":2375}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":2376,"hostPort":2376}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":8080,"hostPort":51678}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":8080,"hostPort":51680}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":"22"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":22}]}],"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_CORE"}}"#,
                r#"{"taskDefinition":{"family":"web","revision":3,"networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":22}]}]}}"#,
                r#"
family: web
containerDefinitions:
  - name: docker
    image: docker:27-dind
    portMappings: [{containerPort: 2375, hostPort: 2375}]"#,
            ],
        );
    }
}
