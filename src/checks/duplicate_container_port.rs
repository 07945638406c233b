//! ECS206 duplicate-container-port: a container port appears in one port mapping only,
//! whatever the protocol.

use crate::model::{Container, TaskDef};
use crate::rule::Sink;
use crate::span::Span;

use std::collections::BTreeMap;

/// Ranges compared per container (the API allows 100).
const MAX_RANGES: usize = 256;

crate::declare_rule! {
    code: "ECS206",
    name: "duplicate-container-port",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [37],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // First mapping of each port, ordered so a range finds the ports inside it quickly
    // (a hostile file can hold hundreds of thousands of mappings).
    let mut ports: BTreeMap<i64, Span> = BTreeMap::new();
    let mut ranges: Vec<((i64, i64), Span)> = Vec::new();
    for pm in &c.port_mappings {
        if let Some((port, span)) = pm.container_port.known_at() {
            let earlier = ports
                .get(&port)
                .map(|s| (*s, "first mapped here"))
                .or_else(|| {
                    // The API allows 100 ranges per container; past that, ECS205's business.
                    ranges
                        .iter()
                        .take(MAX_RANGES)
                        .find(|((a, b), _)| (*a..=*b).contains(&port))
                        .map(|(_, s)| (*s, "inside this range"))
                });
            if let Some((earlier, what)) = earlier {
                sink.report(
                    span,
                    format!("container port {port} appears in more than one port mapping of container {}", c.label()),
                )
                .label(earlier, what)
                .help("keep one mapping per container port; the API rejects a port exposed twice, even for different protocols");
            }
            ports.entry(port).or_insert(span);
        } else if let Some((raw, span)) = pm.container_port_range.known_at() {
            let Some(range) = crate::domain::ports::parse(raw) else {
                continue;
            };
            if let Some((&port, &earlier)) = ports.range(range.0..=range.1).next() {
                sink.report(
                    span,
                    format!("port range {raw} includes container port {port}, which another mapping of container {} already maps", c.label()),
                )
                .label(earlier, "mapped here")
                .help("keep one mapping per container port");
            }
            ranges.push((range, span));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn duplicate_container_port() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80},{"containerPort":443}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":"${PORT}"},{"containerPort":"${PORT}"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"8000-8010"},{"containerPort":8011}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"8000-8010"},{"containerPortRange":"8005-8020"}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80}]},{"name":"admin","image":"nginx:1.27","portMappings":[{"containerPort":80}]}]}"#,
                r#"
family: web
containerDefinitions:
  - name: dns
    image: coredns:1.11
    portMappings: [{containerPort: 53, protocol: udp}, {containerPort: 54, protocol: tcp}]"#,
            ],
            &[
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80},{"containerPort":80}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80,"hostPort":8080},{"containerPort":80,"hostPort":8081}]}]}"#,
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":"8080"},{"containerPort":8080}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPortRange":"8000-8010"},{"containerPort":8010}]}]}"#,
                r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":8000},{"containerPortRange":"8000-8010"}]}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80},{"containerPort":80}]}]"#,
                r#"
family: web
containerDefinitions:
  - name: dns
    image: coredns:1.11
    portMappings: [{containerPort: 53, protocol: udp}, {containerPort: 53, protocol: tcp}]"#,
            ],
        );
    }
}
