//! ECS320 missing-service-connect-logs: a service turns Service Connect on without a log
//! configuration for its proxy.

use crate::model::fields::service;
use crate::model::{Service, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS320",
    name: "missing-service-connect-logs",
    category: BestPractice,
    severity: Warning,
    check: Service(check),
    profile: All,
    constraints: [167],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() {
        return;
    }
    let Val::Known(sc, _) = s.view().object(&service::SERVICE_CONNECT_CONFIGURATION) else {
        return;
    };
    let Val::Known(true, span) = sc.boolean(&service::ENABLED) else {
        return;
    };
    if sc.get(&service::LOG_CONFIGURATION).is_some() {
        return;
    }
    sink.report(
        span,
        format!(
            "the {} turns Service Connect on without a `{}`: the proxy's logs (connection errors, retries, timeouts between services) go nowhere",
            s.shape.noun(),
            s.key(&service::LOG_CONFIGURATION)
        ),
    )
    .help(format!(
        "add a `{}` to `{}` (`awslogs` to a log group of the service)",
        s.key(&service::LOG_CONFIGURATION),
        s.key(&service::SERVICE_CONNECT_CONFIGURATION)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |sc: &str| {
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main","serviceConnectConfiguration":{sc}}}"#
            )
        };
        let pass = [
            svc(
                r#"{"enabled":true,"namespace":"shop","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/sc","awslogs-region":"us-east-1","awslogs-stream-prefix":"web"}}}"#,
            ),
            svc(r#"{"enabled":false}"#),
            svc(r#"{"enabled":"${SC}"}"#),
        ];
        let fail = [
            svc(r#"{"enabled":true,"namespace":"shop"}"#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      ServiceConnectConfiguration:\n        Enabled: true\n        Namespace: shop\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
