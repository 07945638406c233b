//! ECS302 launch-type-with-capacity-providers: a service (or a scheduled task) states both a
//! launch type and a capacity provider strategy, which ECS refuses.

use crate::model::fields::service;
use crate::model::{Service, Spelled};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS302",
    name: "launch-type-with-capacity-providers",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [116],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    let (Some((launch_type, lt_span)), Some((entries, cp_span))) = (
        s.launch_type.known_at(),
        s.capacity_provider_strategy.known_at(),
    ) else {
        return;
    };
    if entries == 0 {
        return;
    }
    let lt_key = s.key(&service::LAUNCH_TYPE);
    let cp_key = s.key(&service::CAPACITY_PROVIDER_STRATEGY);
    sink.report(
        lt_span,
        format!("`{lt_key}` `{launch_type}` and a `{cp_key}` are both set; ECS accepts one or the other"),
    )
    .label(cp_span, "the capacity provider strategy")
    .help(format!(
        "remove `{lt_key}` to place tasks with the capacity providers, or remove `{cp_key}` to use the launch type"
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let pass = [
            r#"{"serviceName": "web", "cluster": "c", "taskDefinition": "web", "desiredCount": 1, "launchType": "FARGATE"}"#,
            r#"{"serviceName": "web", "cluster": "c", "taskDefinition": "web", "desiredCount": 1, "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}"#,
            r#"{"serviceName": "web", "cluster": "c", "taskDefinition": "web", "desiredCount": 1, "launchType": "FARGATE", "capacityProviderStrategy": []}"#,
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: t\n      LaunchType: !If [Spot, !Ref AWS::NoValue, FARGATE]\n      CapacityProviderStrategy: !If [Spot, [{CapacityProvider: FARGATE_SPOT, Weight: 1}], !Ref AWS::NoValue]\n",
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: t\n      LaunchType: FARGATE\n      CapacityProviderStrategy:\n        - !If [Spot, {CapacityProvider: FARGATE_SPOT, Weight: 1}, !Ref AWS::NoValue]\n",
        ];
        let fail = [
            r#"{"serviceName": "web", "cluster": "c", "taskDefinition": "web", "desiredCount": 1, "launchType": "FARGATE", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}"#,
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: t\n      LaunchType: EC2\n      CapacityProviderStrategy:\n        - CapacityProvider: !Ref Asg\n          Weight: 1\n",
        ];
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
