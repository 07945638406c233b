//! ECS203 reserved-host-port: a static `hostPort` on a port the container instance already uses.

use crate::domain::ports::reserved_by;
use crate::model::fields::port_mapping;
use crate::model::Spelled;
use crate::model::{Container, NetworkMode, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS203",
    name: "reserved-host-port",
    category: BestPractice,
    severity: Warning,
    check: Container(check),
    options: Options,
    constraints: [36],
}

/// Options of ECS203.
#[derive(Debug, Default, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Further TCP host ports your container instances reserve, beyond the defaults (22,
    /// 2375, 2376, 51678–51680): what you add to the agent's `ECS_RESERVED_PORTS`. Port 0
    /// (a dynamic host port) cannot be reserved.
    #[serde(default)]
    pub reserved_ports: Vec<std::num::NonZeroU16>,
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let options = sink.options::<Options>();
    if !matches!(
        td.effective_network_mode(),
        Some(NetworkMode::Bridge | NetworkMode::Default)
    ) {
        return;
    }
    for pm in &c.port_mappings {
        let Some((port, span)) = pm.host_port.known_at() else {
            continue;
        };
        // The reserved ports are TCP ports (UDP has `ECS_RESERVED_PORTS_UDP`, empty by
        // default): a UDP mapping does not take them.
        if pm
            .protocol
            .known()
            .is_some_and(|p| p.eq_ignore_ascii_case("udp"))
        {
            continue;
        }
        let configured =
            options.is_some_and(|o| o.reserved_ports.iter().any(|p| i64::from(p.get()) == port));
        let message = match reserved_by(port) {
            Some(user) => format!(
                "host port {port} of container {} is reserved on ECS container instances for {user}",
                c.label()
            ),
            None if configured => format!(
                "host port {port} of container {} is reserved on your container instances (`reserved-ports` in the configuration)",
                c.label()
            ),
            None => continue,
        };
        sink.report(span, message).help(format!(
            "omit `{}` (or set it to 0) for a dynamic port, or pick another static port",
            pm.key(&port_mapping::HOST_PORT)
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reserved_host_port() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":22,"hostPort":22,"protocol":"udp"}]}]}"#,
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
