//! ECS117 host-network-mode: a task definition shares the host's network stack.

use crate::model::fields::task;
use crate::model::{Spelled, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS117",
    name: "host-network-mode",
    category: Security,
    severity: Warning,
    check: TaskDef(check),
    security_severity: "5.5",
    profile: Security,
    peers: ["securityhub:ECS.17"],
    constraints: [177],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let Some(("host", span)) = td.network_mode.known_at() else {
        return;
    };
    // Windows tasks cannot use host mode at all: ECS125's error.
    if td.is_windows() == crate::model::Tri::Yes {
        return;
    }
    let key = td.key(&task::NETWORK_MODE);
    sink.report(
        span,
        "the task's containers share the host's network stack: they see every interface of the instance and can bind any of its ports",
    )
    .help(format!(
        "use `{key}` `awsvpc` (a network interface and security group per task) or `bridge`, unless the task must see the host's network"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |mode: &str| {
            format!(
                r#"{{"family":"web"{mode},"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256}}]}}"#
            )
        };
        let pass = [
            td(""),
            td(r#","networkMode":"awsvpc""#),
            td(r#","networkMode":"bridge""#),
            td(r#","networkMode":"${MODE}""#),
            // Windows: ECS125's error.
            td(
                r#","networkMode":"host","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"}"#,
            ),
        ];
        let fail = [
            td(r#","networkMode":"host""#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: host\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
