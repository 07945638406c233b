//! ECS311 invalid-deployment-controller: a deployment circuit breaker or deployment alarms on
//! a service whose deployments another controller (CodeDeploy, an external one) makes.

use crate::model::fields::service;
use crate::model::{Service, Spelled, Val, View};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS311",
    name: "invalid-deployment-controller",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [139],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    let Some((controller, controller_span)) = s.deployment_controller.known_at() else {
        return;
    };
    if controller.eq_ignore_ascii_case("ECS") || !s.is_input() {
        return;
    }
    let Some(config) = s.deployment_configuration() else {
        return;
    };
    for field in [&service::DEPLOYMENT_CIRCUIT_BREAKER, &service::ALARMS] {
        let Val::Known(block, span) = config.object(field) else {
            continue;
        };
        if !enabled(block) {
            continue;
        }
        sink.report(
            span,
            format!(
                "`{}` works only with the `ECS` deployment controller, and this service's is `{controller}`: ECS refuses the request",
                s.key(field)
            ),
        )
        .label(
            controller_span,
            format!("`{}` is `{controller}`", s.key(&service::DEPLOYMENT_CONTROLLER_TYPE)),
        )
        .help(if controller.eq_ignore_ascii_case("CODE_DEPLOY") {
            format!(
                "remove `{}`: CodeDeploy rolls back on its own deployment group's alarms and auto-rollback settings",
                s.key(field)
            )
        } else {
            format!("remove `{}`, or use the `ECS` deployment controller", s.key(field))
        });
    }
}

/// A block that turns the feature on, or may (an `enable` the file does not state plainly).
fn enabled(block: View<'_>) -> bool {
    !matches!(block.boolean(&service::ENABLE), Val::Known(false, _))
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |fields: &str| {
            format!(r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main"{fields}}}"#)
        };
        let breaker = r#","deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":true,"rollback":true}}"#;
        let pass = [
            svc(breaker),
            svc(&format!(
                r#","deploymentController":{{"type":"ECS"}}{breaker}"#
            )),
            svc(r#","deploymentController":{"type":"CODE_DEPLOY"}"#),
            svc(
                r#","deploymentController":{"type":"CODE_DEPLOY"},"deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":false,"rollback":false}}"#,
            ),
            svc(&format!(
                r#","deploymentController":{{"type":"${{CONTROLLER}}"}}{breaker}"#
            )),
        ];
        let fail = [
            svc(&format!(r#","deploymentController":{{"type":"CODE_DEPLOY"}}{breaker}"#)),
            svc(
                r#","deploymentController":{"type":"EXTERNAL"},"deploymentConfiguration":{"alarms":{"alarmNames":["high-5xx"],"enable":true,"rollback":true}}"#,
            ),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      DeploymentController:\n        Type: CODE_DEPLOY\n      DeploymentConfiguration:\n        DeploymentCircuitBreaker:\n          Enable: true\n          Rollback: true\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
