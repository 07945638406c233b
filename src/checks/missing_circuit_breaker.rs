//! ECS312 missing-circuit-breaker: a rolling-update service with neither the deployment
//! circuit breaker nor deployment alarms rolling back a failed deployment.

use crate::model::fields::service;
use crate::model::{Service, ServiceShape, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS312",
    name: "missing-circuit-breaker",
    category: BestPractice,
    severity: Warning,
    check: Service(check),
    profile: All,
    constraints: [140],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    // Services ECS deploys with rolling updates, as written to create them.
    if !matches!(s.shape, ServiceShape::CreateInput | ServiceShape::Template) {
        return;
    }
    let is = |v: Val<'_, &str>, default: &str| match v {
        Val::Absent => true,
        Val::Known(x, _) => x.eq_ignore_ascii_case(default),
        _ => false,
    };
    if !is(s.deployment_controller, "ECS") {
        return;
    }
    let view = s.view();
    let config = if service::DEPLOYMENT_CONFIGURATION.key(s.dialect).is_some() {
        match view.object(&service::DEPLOYMENT_CONFIGURATION) {
            Val::Known(c, _) => Some(c),
            Val::Absent => None,
            _ => return,
        }
    } else {
        Some(view)
    };
    if let Some(config) = config {
        if !is(config.text(&service::DEPLOYMENT_STRATEGY), "ROLLING") {
            return;
        }
        for field in [&service::DEPLOYMENT_CIRCUIT_BREAKER, &service::ALARMS] {
            match config.object(field) {
                Val::Absent => {}
                Val::Known(block, _) => {
                    let on = |f| !matches!(block.boolean(f), Val::Known(false, _) | Val::Absent);
                    if on(&service::ENABLE) && on(&service::ROLLBACK) {
                        return;
                    }
                }
                _ => return,
            }
        }
    }
    let breaker = s.key(&service::DEPLOYMENT_CIRCUIT_BREAKER);
    sink.report(
        s.anchor,
        format!(
            "the {} has no deployment circuit breaker with rollback: a deployment whose tasks never become healthy keeps replacing them, for hours, and is never rolled back",
            s.shape.noun()
        ),
    )
    .help(format!(
        "set `{breaker}` with `{}` and `{}` true, or deployment alarms with rollback",
        s.key(&service::ENABLE),
        s.key(&service::ROLLBACK)
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
            svc(
                r#","deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":true,"rollback":true}}"#,
            ),
            svc(
                r#","deploymentConfiguration":{"alarms":{"alarmNames":["5xx"],"enable":true,"rollback":true}}"#,
            ),
            svc(r#","deploymentController":{"type":"CODE_DEPLOY"}"#),
            svc(r#","deploymentConfiguration":"${DEPLOYMENT}""#),
            svc(
                r#","deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":"${ON}","rollback":true}}"#,
            ),
            svc(r#","deploymentConfiguration":{"strategy":"BLUE_GREEN"}"#),
        ];
        let fail = [
            svc(""),
            svc(r#","deploymentConfiguration":{"maximumPercent":200}"#),
            svc(
                r#","deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":true,"rollback":false}}"#,
            ),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
