//! ECS310 invalid-daemon-configuration: a `DAEMON` service with a setting only replica
//! services take: a desired count, a placement strategy, a maximum percent other than 100.

use crate::model::fields::service;
use crate::model::{Service, ServiceShape, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS310",
    name: "invalid-daemon-configuration",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [123],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    let Some((strategy, strategy_span)) = s.scheduling_strategy.known_at() else {
        return;
    };
    if !strategy.eq_ignore_ascii_case("DAEMON") || !s.is_input() {
        return;
    }
    let view = s.view();
    let strategy_label = format!("`{}` is `DAEMON`", s.key(&service::SCHEDULING_STRATEGY));
    // A desired count: refused in templates. Service files in API JSON are often ecspresso's,
    // which drops the count of a daemon service itself (and `ecspresso init` copies it from
    // describe output); Terraform's provider does too.
    if s.shape == ServiceShape::Template {
        if let Val::Known(count, span) = view.int(&service::DESIRED_COUNT) {
            sink.report(
                span,
                format!(
                    "a `DAEMON` service runs one task on each container instance, and ECS refuses a `{}` ({count}) for it",
                    s.key(&service::DESIRED_COUNT)
                ),
            )
            .label(strategy_span, strategy_label.clone())
            .help(format!("remove `{}`", s.key(&service::DESIRED_COUNT)));
        }
    }
    if let Some(items) = view
        .get(&service::PLACEMENT_STRATEGY)
        .and_then(|n| n.as_array())
    {
        if let Some(first) = items.first() {
            sink.report(
                first.span,
                format!(
                    "a `DAEMON` service places one task on each container instance, and ECS refuses a `{}` for it",
                    s.key(&service::PLACEMENT_STRATEGY)
                ),
            )
            .label(strategy_span, strategy_label.clone())
            .help(format!(
                "remove `{}`; use placement constraints to choose the instances",
                s.key(&service::PLACEMENT_STRATEGY)
            ));
        }
    }
    if let Some(config) = s.deployment_configuration() {
        if let Val::Known(max, span) = config.int(&service::MAXIMUM_PERCENT) {
            if max > 100 {
                sink.report(
                    span,
                    format!(
                        "`{}` is {max}, and a `DAEMON` service takes 100 at most (\"The daemon scheduling strategy does not support values above 100 for maximumPercent\"): there is one task per instance and no room to start a second",
                        s.key(&service::MAXIMUM_PERCENT)
                    ),
                )
                .label(strategy_span, strategy_label)
                .help(format!(
                    "remove `{}` (100 is the default for a daemon service), and lower `{}` to let ECS stop tasks during a deployment",
                    s.key(&service::MAXIMUM_PERCENT),
                    s.key(&service::MINIMUM_HEALTHY_PERCENT)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |fields: &str| {
            format!(
                r#"{{"serviceName":"agent","taskDefinition":"agent:1","cluster":"main","launchType":"EC2"{fields}}}"#
            )
        };
        let pass = [
            svc(r#","schedulingStrategy":"DAEMON""#),
            svc(
                r#","schedulingStrategy":"DAEMON","deploymentConfiguration":{"maximumPercent":100,"minimumHealthyPercent":50}"#,
            ),
            svc(r#","schedulingStrategy":"REPLICA","desiredCount":3"#),
            svc(r#","schedulingStrategy":"${STRATEGY}","desiredCount":3"#),
            // An ecspresso service file: the tool drops the count of a daemon service.
            svc(r#","schedulingStrategy":"DAEMON","desiredCount":3"#),
            svc(r#","schedulingStrategy":"DAEMON","deploymentConfiguration":{"maximumPercent":50}"#),
            svc(r#","schedulingStrategy":"DAEMON","placementStrategy":[]"#),
            // update-service input: the count is the tool's.
            r#"{"service":"agent","cluster":"main","schedulingStrategy":"DAEMON","desiredCount":1}"#
                .to_string(),
        ];
        let fail = [
            svc(
                r#","schedulingStrategy":"DAEMON","placementStrategy":[{"type":"spread","field":"attribute:ecs.availability-zone"}]"#,
            ),
            svc(
                r#","schedulingStrategy":"DAEMON","deploymentConfiguration":{"maximumPercent":200}"#,
            ),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      SchedulingStrategy: DAEMON\n      DesiredCount: 1\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
