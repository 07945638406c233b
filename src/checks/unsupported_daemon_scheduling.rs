//! ECS301 unsupported-daemon-scheduling: the `DAEMON` scheduling strategy works only with the
//! EC2 launch type and the rolling-update (`ECS`) deployment controller.

use crate::model::fields::service;
use crate::model::{Service, Spelled};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS301",
    name: "unsupported-daemon-scheduling",
    category: DeployError,
    severity: Error,
    check: Service(check),
    peers: ["cfn-lint:E3044"],
    constraints: [122],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    let Some((strategy, span)) = s.scheduling_strategy.known_at() else {
        return;
    };
    if !strategy.eq_ignore_ascii_case("DAEMON") {
        return;
    }
    let strategy_key = s.key(&service::SCHEDULING_STRATEGY);
    let (why, at, label, help) = if let Some((lt, lt_span)) = s
        .launch_type
        .known_at()
        .filter(|(lt, _)| lt.eq_ignore_ascii_case("FARGATE"))
    {
        (
            "Fargate does not support it".to_string(),
            lt_span,
            format!("`{}` is `{lt}`", s.key(&service::LAUNCH_TYPE)),
            format!(
                "run one task per container instance on EC2, or use `{strategy_key}` `REPLICA` on Fargate"
            ),
        )
    } else if let Some((dc, dc_span)) = s.deployment_controller.known_at().filter(|(dc, _)| {
        dc.eq_ignore_ascii_case("CODE_DEPLOY") || dc.eq_ignore_ascii_case("EXTERNAL")
    }) {
        (
            format!("the `{dc}` deployment controller does not support it"),
            dc_span,
            format!("`{}` is `{dc}`", s.key(&service::DEPLOYMENT_CONTROLLER_TYPE)),
            format!(
                "use the `ECS` deployment controller (rolling updates) for a daemon service, or `{strategy_key}` `REPLICA`"
            ),
        )
    } else {
        return;
    };
    sink.report(span, format!("`{strategy_key}` is `DAEMON`, but {why}"))
        .label(at, label)
        .help(help);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let pass = [
            r#"{"serviceName": "agent", "cluster": "c", "taskDefinition": "agent", "schedulingStrategy": "DAEMON", "launchType": "EC2"}"#,
            r#"{"serviceName": "agent", "cluster": "c", "taskDefinition": "agent", "schedulingStrategy": "DAEMON"}"#,
            r#"{"serviceName": "web", "cluster": "c", "taskDefinition": "web", "schedulingStrategy": "REPLICA", "launchType": "FARGATE", "desiredCount": 1}"#,
            r#"{"serviceName": "agent", "cluster": "c", "taskDefinition": "agent", "schedulingStrategy": "${STRATEGY}", "launchType": "FARGATE", "desiredCount": 1}"#,
            r#"{"serviceName": "agent", "cluster": "c", "taskDefinition": "agent", "schedulingStrategy": "DAEMON", "deploymentController": {"type": "ECS"}}"#,
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: t\n      SchedulingStrategy: DAEMON\n      LaunchType: !Ref LaunchType\n",
        ];
        let fail = [
            r#"{"serviceName": "agent", "cluster": "c", "taskDefinition": "agent", "schedulingStrategy": "DAEMON", "launchType": "FARGATE", "desiredCount": 1}"#,
            r#"{"serviceName": "agent", "cluster": "c", "taskDefinition": "agent", "schedulingStrategy": "DAEMON", "deploymentController": {"type": "CODE_DEPLOY"}}"#,
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: t\n      SchedulingStrategy: DAEMON\n      DeploymentController:\n        Type: EXTERNAL\n",
        ];
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
