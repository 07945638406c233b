//! ECS303 fargate-service-placement: a service (or scheduled task) on Fargate with placement
//! constraints or a placement strategy, which only EC2 container instances can honour.

use crate::model::fields::service;
use crate::model::{Service, Spelled};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS303",
    name: "fargate-service-placement",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [170],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    let Some((lt, lt_span)) = s
        .launch_type
        .known_at()
        .filter(|(lt, _)| lt.eq_ignore_ascii_case("FARGATE"))
    else {
        return;
    };
    let lt_label = format!("`{}` is `{lt}`", s.key(&service::LAUNCH_TYPE));
    for (value, field) in [
        (s.placement_constraints, &service::PLACEMENT_CONSTRAINTS),
        (s.placement_strategy, &service::PLACEMENT_STRATEGY),
    ] {
        let Some((n, span)) = value.known_at() else {
            continue;
        };
        if n == 0 {
            continue;
        }
        let key = s.key(field);
        sink.report(
            span,
            format!(
                "a {} on Fargate cannot have `{key}`: Fargate places tasks itself, and ECS refuses it",
                s.shape.noun()
            ),
        )
        .label(lt_span, lt_label.clone())
        .help(format!(
            "remove `{key}` (Fargate spreads tasks across Availability Zones on its own), or run on EC2"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let pass = [
            r#"{"serviceName":"web","taskDefinition":"web","launchType":"FARGATE","desiredCount":1}"#,
            r#"{"serviceName":"web","taskDefinition":"web","launchType":"FARGATE","placementConstraints":[],"placementStrategy":[]}"#,
            r#"{"serviceName":"web","taskDefinition":"web","launchType":"EC2","placementStrategy":[{"type":"spread","field":"attribute:ecs.availability-zone"}]}"#,
            r#"{"serviceName":"web","taskDefinition":"web","launchType":"${LAUNCH_TYPE}","placementStrategy":[{"type":"spread","field":"attribute:ecs.availability-zone"}]}"#,
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: t\n      LaunchType: FARGATE\n      PlacementStrategies: !If [OnEc2, [{Type: binpack, Field: memory}], !Ref AWS::NoValue]\n",
        ];
        let fail = [
            r#"{"serviceName":"web","taskDefinition":"web","launchType":"FARGATE","placementStrategy":[{"type":"spread","field":"attribute:ecs.availability-zone"}]}"#,
            r#"{"serviceName":"web","taskDefinition":"web","launchType":"FARGATE","placementConstraints":[{"type":"distinctInstance"}]}"#,
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: t\n      LaunchType: FARGATE\n      PlacementConstraints:\n        - Type: memberOf\n          Expression: attribute:ecs.availability-zone in [us-east-1a]\n",
            // EventBridge targets: a rule's `PlacementStrategies`, a schedule's `PlacementStrategy`.
            "Resources:\n  R:\n    Type: AWS::Events::Rule\n    Properties:\n      ScheduleExpression: rate(1 hour)\n      Targets:\n        - Id: t\n          Arn: arn:aws:ecs:us-east-1:123456789012:cluster/c\n          EcsParameters:\n            TaskDefinitionArn: arn:aws:ecs:us-east-1:123456789012:task-definition/job:1\n            LaunchType: FARGATE\n            PlacementStrategies: [{Type: spread, Field: instanceId}]\n",
            "Resources:\n  S:\n    Type: AWS::Scheduler::Schedule\n    Properties:\n      ScheduleExpression: rate(1 hour)\n      FlexibleTimeWindow: {Mode: 'OFF'}\n      Target:\n        Arn: arn:aws:ecs:us-east-1:123456789012:cluster/c\n        RoleArn: arn:aws:iam::123456789012:role/r\n        EcsParameters:\n          TaskDefinitionArn: arn:aws:ecs:us-east-1:123456789012:task-definition/job:1\n          LaunchType: FARGATE\n          PlacementStrategy: [{Type: spread, Field: instanceId}]\n",
        ];
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
