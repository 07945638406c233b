//! ECS315 invalid-launch-type: `FARGATE_SPOT` as a launch type: it is a capacity provider,
//! which ECS takes only in a capacity provider strategy.

use crate::model::fields::{capacity_provider, service};
use crate::model::{Service, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS315",
    name: "invalid-launch-type",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [117],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() {
        return;
    }
    let Val::Known(launch_type, span) = s.launch_type else {
        return;
    };
    if !launch_type.eq_ignore_ascii_case("FARGATE_SPOT") {
        return;
    }
    let what = "Fargate Spot is a capacity provider, not a launch type";
    let strategy = s.key(&service::CAPACITY_PROVIDER_STRATEGY);
    sink.report(
        span,
        format!(
            "`{}` is `{launch_type}`: {what}, and ECS refuses the request",
            s.key(&service::LAUNCH_TYPE)
        ),
    )
    .help(format!(
        "remove `{}` and set `{strategy}` to `[{{{}: {launch_type}, {}: 1}}]` (the cluster must have the capacity provider)",
        s.key(&service::LAUNCH_TYPE),
        s.key(&capacity_provider::CAPACITY_PROVIDER),
        s.key(&capacity_provider::WEIGHT)
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
            svc(r#","launchType":"FARGATE""#),
            svc(r#","capacityProviderStrategy":[{"capacityProvider":"FARGATE_SPOT","weight":1}]"#),
            svc(r#","launchType":"${LAUNCH_TYPE}""#),
        ];
        let fail = [
            svc(r#","launchType":"FARGATE_SPOT""#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      LaunchType: FARGATE_SPOT\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
