//! ECS309 platform-version-without-fargate: a service or scheduled task names a Fargate
//! platform version but runs on EC2 or external instances.

use crate::model::fields::service;
use crate::model::{Service, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS309",
    name: "platform-version-without-fargate",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [124],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() {
        return;
    }
    let Val::Known(version, span) = s.view().text(&service::PLATFORM_VERSION) else {
        return;
    };
    let Some((launch_type, lt_span)) = s
        .launch_type
        .known_at()
        .filter(|(lt, _)| lt.eq_ignore_ascii_case("EC2") || lt.eq_ignore_ascii_case("EXTERNAL"))
    else {
        return;
    };
    let key = s.key(&service::PLATFORM_VERSION);
    sink.report(
        span,
        format!(
            "`{key}` `{}` is a Fargate platform version, but the {} runs on {launch_type}: ECS accepts a platform version only for Fargate tasks and refuses the request",
            crate::domain::names::shown(version),
            s.shape.noun()
        ),
    )
    .label(
        lt_span,
        format!("`{}` is `{launch_type}`", s.key(&service::LAUNCH_TYPE)),
    )
    .help(format!(
        "remove `{key}`, or run the tasks on Fargate (EC2 tasks run on the ECS agent of their instance, which has no platform version)"
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
            svc(r#","launchType":"FARGATE","platformVersion":"1.4.0""#),
            svc(r#","platformVersion":"LATEST""#),
            svc(r#","launchType":"EC2""#),
            svc(r#","launchType":"${LAUNCH_TYPE}","platformVersion":"LATEST""#),
            svc(r#","launchType":"EC2","platformVersion":"${PV}""#),
        ];
        let fail = [
            svc(r#","launchType":"EC2","platformVersion":"LATEST""#),
            svc(r#","launchType":"EXTERNAL","platformVersion":"1.4.0""#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      LaunchType: EC2\n      PlatformVersion: LATEST\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
