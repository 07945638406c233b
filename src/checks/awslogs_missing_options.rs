//! ECS111 awslogs-missing-options: the `awslogs` log driver without the options ECS requires
//! (`awslogs-group`, `awslogs-region`; on Fargate `awslogs-stream-prefix` too).

use crate::domain::logging::{LogDriver, AWSLOGS_REQUIRED, AWSLOGS_STREAM_PREFIX};
use crate::model::fields::{container, log_configuration};
use crate::model::Spelled;
use crate::model::{Container, TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS111",
    name: "awslogs-missing-options",
    category: DeployError,
    severity: Error,
    check: Container(check),
    peers: ["cfn-lint:E3046"],
    constraints: [73],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let Some(log) = c.log_configuration.as_known() else {
        return;
    };
    let Some((driver, driver_span)) = log.driver.known_at() else {
        return;
    };
    if LogDriver::parse(driver) != Some(LogDriver::Awslogs) {
        return;
    }
    let fargate = td.is_fargate() == Tri::Yes;
    let mut missing: Vec<&str> = Vec::new();
    for name in AWSLOGS_REQUIRED {
        if log.option(name).is_absent() {
            missing.push(name);
        }
    }
    if fargate && log.option(AWSLOGS_STREAM_PREFIX).is_absent() {
        missing.push(AWSLOGS_STREAM_PREFIX);
    }
    if missing.is_empty() {
        return;
    }
    let options = c.key(&log_configuration::OPTIONS);
    let list = missing
        .iter()
        .map(|m| format!("`{m}`"))
        .collect::<Vec<_>>()
        .join(" and ");
    let why = if missing.contains(&AWSLOGS_STREAM_PREFIX) {
        " (a Fargate task needs a stream prefix)"
    } else {
        ""
    };
    let (at, message) = match (log.options, log.options_key) {
        (Val::Known(..), Some(key)) => (
            c.at(key),
            format!(
                "container {} logs with `awslogs` but its `{options}` lack {list}{why}: ECS refuses the task definition",
                c.label()
            ),
        ),
        _ => (
            c.at(driver_span),
            format!(
                "container {} logs with `awslogs` without `{options}`; it needs {list}{why}: ECS refuses the task definition",
                c.label()
            ),
        ),
    };
    let finding = sink.report(at, message);
    if let Some(f) = td.fargate_span() {
        if fargate && missing.contains(&AWSLOGS_STREAM_PREFIX) {
            finding.label(f, "Fargate is required here");
        }
    }
    let what = missing
        .iter()
        .map(|m| match *m {
            "awslogs-group" => "the log group's name",
            "awslogs-region" => "the region it is in",
            _ => "a prefix for the task's log streams",
        })
        .collect::<Vec<_>>()
        .join(", ");
    finding.help(format!(
        "add {list} under `{}.{options}` ({what})",
        c.key(&container::LOG_CONFIGURATION),
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1"}}}]}"#,
                r#"{"family":"web","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1","awslogs-stream-prefix":"web"}}}]}"#,
                // Another driver, a driver that is unknown, options that are unknown.
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"json-file"}}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"${DRIVER}"}}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":"${OPTIONS}"}}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web",$$$$MORE$$$$}}}]}"#,
                // An option's value unknown is still there.
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"${GROUP}","awslogs-region":"${AWS_REGION}"}}}]}"#,
                "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n              awslogs-group: !Ref Logs\n              awslogs-region: !Ref AWS::Region\n",
                "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          LogConfiguration: !If [HasLogs, {LogDriver: awslogs}, !Ref AWS::NoValue]\n",
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs"}}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web"}}}]}"#,
                r#"{"family":"web","requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1"}}}]}"#,
                "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n              awslogs-group: !Ref Logs\n              awslogs-region: !Ref AWS::Region\n",
            ],
        );
    }
}
