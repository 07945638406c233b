//! ECS202 port-mappings-with-network-none: a task with network mode `none` has no network, so
//! its containers cannot have port mappings.

use crate::model::fields::container;
use crate::model::Spelled;
use crate::model::{Container, NetworkMode, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS202",
    name: "port-mappings-with-network-none",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [33],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    if td.effective_network_mode() != Some(NetworkMode::None) {
        return;
    }
    let (Some(key), false) = (c.port_mappings_key, c.port_mappings.none_known()) else {
        return;
    };
    let finding = sink.report(
        key,
        format!(
            "container {} has port mappings, but network mode `none` gives the task no network",
            c.label()
        ),
    );
    if let Some((_, span)) = td.network_mode.known_at() {
        finding.label(span, "network mode is set here");
    }
    finding.help(format!(
        "remove `{}`, or use network mode `awsvpc` or `bridge`",
        c.key(&container::PORT_MAPPINGS)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn port_mappings_with_network_none() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","networkMode":"bridge","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80}]}]}"#,
                r#"{"family":"web","networkMode":"none","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[]}]}"#,
                r#"{"family":"web","networkMode":"none","containerDefinitions":[{"name":"web","image":"nginx:1.27","command":["run"]}]}"#,
                r#"{"family":"web","networkMode":"none","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":"${PORT_MAPPINGS}"}]}"#,
                r#"{"family":"web","networkMode":"${NETWORK_MODE}","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80}]}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80}]}]"#,
                r#"
family: web
networkMode: none
containerDefinitions:
  - {name: batch, image: "app:1.0", portMappings: []}"#,
            ],
            &[
                r#"{"family":"web","networkMode":"none","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80}]}]}"#,
                r#"{"family":"web","networkMode":"none","containerDefinitions":[{"name":"batch","image":"nginx:1.27"},{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80}]}]}"#,
                r#"{"taskDefinition":{"family":"web","networkMode":"none","containerDefinitions":[{"name":"web","image":"nginx:1.27","portMappings":[{"containerPort":80}]}],"revision":3}}"#,
                r#"
family: web
networkMode: none
containerDefinitions:
  - {name: web, image: "nginx:1.27", portMappings: [{containerPort: 80}]}"#,
            ],
        );
    }
}
