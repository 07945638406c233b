//! ECS317 outdated-platform-version: a Fargate service pinned to a Linux platform version
//! older than the current one.

use crate::model::fields::service;
use crate::model::{Service, Spelled, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS317",
    name: "outdated-platform-version",
    category: Security,
    severity: Warning,
    check: Service(check),
    security_severity: "4.0",
    profile: Security,
    peers: ["securityhub:ECS.10"],
    constraints: [23, 66],
}

/// Linux Fargate platform versions older than 1.4.0 (Windows has only 1.0.0, so `1.0.0` is
/// not judged).
const OUTDATED: [&str; 3] = ["1.1.0", "1.2.0", "1.3.0"];

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() || s.on_fargate() == Tri::No {
        return;
    }
    let Val::Known(version, span) = s.view().text(&service::PLATFORM_VERSION) else {
        return;
    };
    if !OUTDATED.contains(&version) {
        return;
    }
    sink.report(
        span,
        format!(
            "the {} is pinned to Fargate platform version {version}: it lacks the security patches of 1.4.0 and its features (EFS volumes, ephemeral storage above 20 GiB, secret JSON keys, ECS Exec)",
            s.shape.noun()
        ),
    )
    .help(format!(
        "set `{}` to `LATEST` (or `1.4.0`), or remove it",
        s.key(&service::PLATFORM_VERSION)
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
            svc(r#","launchType":"FARGATE","platformVersion":"LATEST""#),
            svc(r#","launchType":"FARGATE","platformVersion":"1.4.0""#),
            svc(r#","launchType":"FARGATE","platformVersion":"1.0.0""#),
            svc(r#","launchType":"FARGATE","platformVersion":"${PV}""#),
        ];
        let fail = [
            svc(r#","launchType":"FARGATE","platformVersion":"1.3.0""#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      PlatformVersion: 1.2.0\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
