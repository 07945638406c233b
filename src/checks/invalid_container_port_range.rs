//! ECS205 invalid-container-port-range: `containerPortRange` must be well-formed, used only
//! under `bridge` or `awsvpc`, never with `hostPort`, and ranges must not overlap.

use crate::model::fields::port_mapping;
use crate::model::Spelled;
use crate::model::{Container, NetworkMode, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS205",
    name: "invalid-container-port-range",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [40],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let mode = td.effective_network_mode();
    let mut seen: Vec<((i64, i64), crate::span::Span)> = Vec::new();
    for pm in &c.port_mappings {
        let Some((raw, span)) = pm.container_port_range.known_at() else {
            continue;
        };
        let range_key = pm.key(&port_mapping::CONTAINER_PORT_RANGE);
        if let Some(m @ (NetworkMode::Host | NetworkMode::None)) = mode {
            let finding = sink.report(
                span,
                format!("`{range_key}` of container {} is only supported with `bridge` or `awsvpc` network mode, not `{}`", c.label(), m.as_str()),
            );
            if let Val::Known(_, mode_span) = td.network_mode {
                finding.label(mode_span, "network mode is set here");
            }
            finding.help(format!(
                "map single ports with `{}`, or use network mode `awsvpc` or `bridge`",
                pm.key(&port_mapping::CONTAINER_PORT)
            ));
            continue;
        }
        let Some(range) = crate::domain::ports::parse(raw) else {
            sink.report(
                span,
                format!(
                    "`{range_key}` \"{}\" of container {} is not a valid port range",
                    crate::domain::names::shown(raw),
                    c.label()
                ),
            )
            .help(
                "write \"first-last\" with 1 <= first < last <= 65535, for example \"8000-8010\"",
            );
            continue;
        };
        if let Some((_, host_span)) = pm.host_port.known_at() {
            let host_port = pm.key(&port_mapping::HOST_PORT);
            sink.report(
                host_span,
                format!(
                    "`{host_port}` of container {} cannot be set together with `{range_key}`",
                    c.label()
                ),
            )
            .label(span, "the container port range is here")
            .help(format!(
                "remove `{host_port}`; ECS assigns the host port range"
            ));
        }
        if let Some(&(other, other_span)) = seen
            .iter()
            .take(256)
            .find(|((a, b), _)| range.0 <= *b && *a <= range.1)
        {
            sink.report(
                span,
                format!(
                    "port range {}-{} overlaps {}-{} in container {}",
                    range.0,
                    range.1,
                    other.0,
                    other.1,
                    c.label()
                ),
            )
            .label(other_span, "overlapping range")
            .help("make the ranges of one container disjoint");
        }
        seen.push((range, span));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn invalid_container_port_range() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"9000-9010"}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"9000-9010"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"9000-9010"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"8000-8010"},{"containerPortRange":"8011-8020"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"1-65535"}]}]}"#,
                r#"{"family":"web","networkMode":"host","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"${RTP_PORTS}"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":80}]}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"9000-9010"}]}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"8000:8010"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"9000-8000"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"8000-8000"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"60000-70000"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"0-10"}]}]}"#,
                r#"{"family":"web","networkMode":"host","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"9000-9010"}]}]}"#,
                r#"{"family":"web","networkMode":"none","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"9000-9010"}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"9000-9010","hostPort":9000}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"8000-8010"},{"containerPortRange":"8010-8020"}]}]}"#,
                r#"
family: web
networkMode: bridge
containerDefinitions:
  - name: rtp
    image: media:1.0
    portMappings: [{containerPortRange: "10000-10100", hostPort: 10000}]"#,
            ],
        );
    }
}
