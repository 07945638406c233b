//! ECS314 execute-command-enabled: a service turns ECS Exec on, so that anyone allowed
//! `ecs:ExecuteCommand` gets a shell in its running tasks.

use crate::model::fields::service;
use crate::model::{Service, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS314",
    name: "execute-command-enabled",
    category: Security,
    severity: Warning,
    check: Service(check),
    security_severity: "4.0",
    profile: Security,
    constraints: [184],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() {
        return;
    }
    let Val::Known(true, span) = s.view().boolean(&service::ENABLE_EXECUTE_COMMAND) else {
        return;
    };
    sink.report(
        span,
        format!(
            "the {} turns ECS Exec on: anyone allowed `ecs:ExecuteCommand` on it gets an interactive shell in its running containers, with the task role's permissions",
            s.shape.noun()
        ),
    )
    .help(format!(
        "turn `{}` on only while debugging, limit `ecs:ExecuteCommand` to the people who need it (a condition on the cluster or the container name), and log the sessions in the cluster's execute command configuration",
        s.key(&service::ENABLE_EXECUTE_COMMAND)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |fields: &str| {
            format!(r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main"{fields}}}"#)
        };
        let pass = [
            svc(""),
            svc(r#","enableExecuteCommand":false"#),
            svc(r#","enableExecuteCommand":"${EXEC}""#),
        ];
        let fail = [
            svc(r#","enableExecuteCommand":true"#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      EnableExecuteCommand: true\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
