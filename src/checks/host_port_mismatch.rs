//! ECS201 host-port-mismatch: under `awsvpc` and `host` network modes, `hostPort` must be
//! omitted or equal to `containerPort`.

use crate::model::fields::port_mapping;
use crate::model::Spelled;
use crate::model::{Container, NetworkMode, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS201",
    name: "host-port-mismatch",
    category: DeployError,
    severity: Error,
    check: Container(check),
    peers: ["cfn-lint:E3053"],
    constraints: [34, 35],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let mode = match td.effective_network_mode() {
        Some(m @ (NetworkMode::Awsvpc | NetworkMode::Host)) => m,
        _ => return,
    };
    for pm in &c.port_mappings {
        let (Some((host, host_span)), Some((container, container_span))) =
            (pm.host_port.known_at(), pm.container_port.known_at())
        else {
            continue;
        };
        if host == container {
            continue;
        }
        let host_port = pm.key(&port_mapping::HOST_PORT);
        sink.report(
            host_span,
            format!(
                "`{host_port}` {host} of container {} differs from `{}` {container}; under `{}` network mode they must be equal",
                c.label(),
                pm.key(&port_mapping::CONTAINER_PORT),
                mode.as_str()
            ),
        )
        .label(container_span, format!("container port is {container}"))
        .help(format!("set `{host_port}` to {container}, or remove `{host_port}`"));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn host_port_mismatch() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":3000}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000}]}]}"#,
                r#"{"family":"web","networkMode":"host","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":"3000","hostPort":3000}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":8080}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":0}]}]}"#,
                r#"{"family":"web","networkMode":"${NETWORK_MODE}","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":8080}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":"${PORT}"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":"{{ must_env `PORT` }}"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":"${PORT}","hostPort":3000}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000},{"containerPortRange":"9000-9010"}]}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":80}]}]"#,
                r#"
family: web
networkMode: awsvpc
containerDefinitions:
  - name: web
    image: nginx:1.27
    portMappings: [{containerPort: 3000, hostPort: 3000}, {containerPort: 9229}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3001,"hostPort":3000}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":0}]}]}"#,
                r#"{"family":"web","networkMode":"host","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":8080}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":"8080"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":3000},{"containerPort":9229,"hostPort":9230}]}]}"#,
                r#"{"taskDefinition":{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":3000,"hostPort":80}]}],"revision":3}}"#,
                r#"
family: web
networkMode: awsvpc
containerDefinitions:
  - name: web
    image: nginx:1.27
    portMappings: [{containerPort: 3000, hostPort: 80}]"#,
            ],
        );
    }
}
