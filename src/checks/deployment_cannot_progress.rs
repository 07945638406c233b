//! ECS306 deployment-cannot-progress: a rolling deployment whose minimum healthy and maximum
//! percents leave ECS no room to start a new task or stop an old one.

use crate::model::fields::service;
use crate::model::{Service, Spelled, Val, View};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS306",
    name: "deployment-cannot-progress",
    category: DeployError,
    severity: Warning,
    check: Service(check),
    constraints: [137],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    // Rolling deployments of replica services by ECS only (DAEMON has other defaults, the
    // other controllers and strategies their own rules).
    let rolling = |v: Val<'_, &str>, default: &str| match v {
        Val::Absent => true,
        Val::Known(x, _) => x.eq_ignore_ascii_case(default),
        _ => false,
    };
    if !rolling(s.scheduling_strategy, "REPLICA") || !rolling(s.deployment_controller, "ECS") {
        return;
    }
    let Some(config) = s.deployment_configuration() else {
        return;
    };
    if !rolling(config.text(&service::DEPLOYMENT_STRATEGY), "ROLLING") {
        return;
    }
    let percent = |v: Val<'_, i64>, default: i64| -> Option<(i64, Option<Span>)> {
        match v {
            Val::Known(p, span) => Some((p, Some(span))),
            Val::Absent => Some((default, None)),
            _ => None,
        }
    };
    let (Some(min), Some(max)) = (
        percent(config.int(&service::MINIMUM_HEALTHY_PERCENT), 100),
        percent(config.int(&service::MAXIMUM_PERCENT), 200),
    ) else {
        return;
    };
    let Some(span) = max.1.or(min.1) else {
        return; // the defaults always leave room
    };
    let desired = View::new(s.node, s.dialect)
        .int(&crate::model::fields::service::DESIRED_COUNT)
        .known();
    let stuck = match desired {
        Some(d) if d >= 1 => (d * max.0).div_euclid(100) - (d * min.0 + 99).div_euclid(100) < 1,
        Some(_) => false,
        None => min.0 >= max.0,
    };
    if !stuck {
        return;
    }
    let min_key = s.key(&service::MINIMUM_HEALTHY_PERCENT);
    let max_key = s.key(&service::MAXIMUM_PERCENT);
    let tasks = match desired {
        Some(d) => format!(" of {d} task{}", if d == 1 { "" } else { "s" }),
        None => String::new(),
    };
    let finding = sink.report(
        span,
        format!(
            "a rolling deployment{tasks} with `{min_key}` {} and `{max_key}` {} can neither start a new task nor stop an old one: every deployment waits until it times out",
            min.0, max.0
        ),
    );
    if let (Some(other), true) = (min.1, max.1.is_some()) {
        finding.label(other, format!("`{min_key}` {}", min.0));
    }
    finding.help(format!(
        "leave room for at least one task: raise `{max_key}` (200 lets ECS start a full set of new tasks first) or lower `{min_key}`"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |more: &str, config: &str| {
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main"{more},"deploymentConfiguration":{{{config}}}}}"#
            )
        };
        let pass = [
            svc("", ""),
            svc(
                r#","desiredCount":2"#,
                r#""minimumHealthyPercent":50,"maximumPercent":100"#,
            ),
            svc(
                r#","desiredCount":4"#,
                r#""minimumHealthyPercent":100,"maximumPercent":125"#,
            ),
            svc(
                r#","desiredCount":0"#,
                r#""minimumHealthyPercent":100,"maximumPercent":100"#,
            ),
            svc(
                r#","schedulingStrategy":"DAEMON""#,
                r#""minimumHealthyPercent":100,"maximumPercent":100"#,
            ),
            svc(
                r#","deploymentController":{"type":"CODE_DEPLOY"}"#,
                r#""minimumHealthyPercent":100,"maximumPercent":100"#,
            ),
            svc(
                "",
                r#""minimumHealthyPercent":"${MIN}","maximumPercent":100"#,
            ),
            svc("", r#""minimumHealthyPercent":0,"maximumPercent":100"#),
        ];
        let fail = [
            svc("", r#""minimumHealthyPercent":100,"maximumPercent":100"#),
            svc(r#","desiredCount":1"#, r#""maximumPercent":150"#),
            svc(r#","desiredCount":3"#, r#""minimumHealthyPercent":80,"maximumPercent":110"#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      DesiredCount: 1\n      DeploymentConfiguration:\n        MinimumHealthyPercent: 100\n        MaximumPercent: 100\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
