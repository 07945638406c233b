//! ECS223 missing-log-configuration: a container's output goes nowhere ECS collects.

use crate::model::fields::{container, log_configuration};
use crate::model::{Container, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS223",
    name: "missing-log-configuration",
    category: Security,
    severity: Warning,
    check: Container(check),
    security_severity: "3.5",
    profile: Security,
    peers: ["securityhub:ECS.9", "cdk-nag:AwsSolutions-ECS7"],
    constraints: [72],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let key = c.key(&container::LOG_CONFIGURATION);
    let at = match c.log_configuration {
        Val::Absent => c.missing(),
        Val::Known(log, span) if log.driver.is_absent() => c.at(span),
        _ => return,
    };
    sink.report(
        at,
        format!(
            "container {} has no log driver: its output stays on the instance, or with Fargate is lost, and there is no record of what it did",
            c.label()
        ),
    )
    .help(format!(
        "set `{key}` with a `{}` (`awslogs` sends to CloudWatch Logs)",
        c.key(&log_configuration::LOG_DRIVER)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |c: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256{c}}}]}}"#
            )
        };
        let pass = [
            td(
                r#","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"g","awslogs-region":"us-east-1"}}"#,
            ),
            td(r#","logConfiguration":{"logDriver":"awsfirelens"}"#),
            td(r#","logConfiguration":"${LOGGING}""#),
            td(r#","logConfiguration":{"logDriver":"${DRIVER}"}"#),
        ];
        let fail = [
            td(""),
            td(r#","logConfiguration":{}"#),
            td(r#","logConfiguration":null"#),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
