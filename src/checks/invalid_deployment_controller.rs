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
    constraints: [139, 153],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    let Some((controller, controller_span)) = s.deployment_controller.known_at() else {
        return;
    };
    if controller.eq_ignore_ascii_case("ECS") || !s.is_input() {
        return;
    }
    if controller.eq_ignore_ascii_case("CODE_DEPLOY") {
        code_deploy_load_balancers(s, controller_span, sink);
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

/// CodeDeploy shifts traffic between the two target groups of one Application or Network Load
/// Balancer listener: a service takes one load balancer entry, with a target group.
fn code_deploy_load_balancers(
    s: &Service<'_>,
    controller_span: crate::span::Span,
    sink: &mut Sink<'_>,
) {
    use crate::model::fields::load_balancer;
    let list = s.key(&service::LOAD_BALANCERS);
    let label = format!(
        "`{}` is `CODE_DEPLOY`",
        s.key(&service::DEPLOYMENT_CONTROLLER_TYPE)
    );
    for (i, lb) in s.load_balancers.iter().enumerate() {
        if let Val::Known(_, span) | Val::Ref(_, span) = lb.load_balancer_name {
            sink.report(
                span,
                format!("a Classic Load Balancer in `{list}` of a service deployed by CodeDeploy: CodeDeploy shifts traffic between target groups of an Application or Network Load Balancer only, and ECS refuses the service"),
            )
            .label(controller_span, label.clone())
            .help(format!("use `{}`, the production target group of the CodeDeploy deployment group", lb.key(&load_balancer::TARGET_GROUP_ARN)));
        } else if i == 1 {
            sink.report(
                lb.anchor,
                format!("a second `{list}` entry on a service deployed by CodeDeploy: ECS takes several target groups only with its own (`ECS`) deployment controller, and refuses the service"),
            )
            .label(controller_span, label.clone())
            .help("keep the production target group; the test target group belongs to the CodeDeploy deployment group");
        }
    }
}

/// A block that turns the feature on (an `enable` the file does not state plainly is not
/// judged).
fn enabled(block: View<'_>) -> bool {
    matches!(block.boolean(&service::ENABLE), Val::Known(true, _))
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
                r#","deploymentController":{"type":"CODE_DEPLOY"},"loadBalancers":[{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/a/1","containerName":"web","containerPort":80}]"#,
            ),
            svc(
                r#","deploymentController":{"type":"CODE_DEPLOY"},"deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":false,"rollback":false}}"#,
            ),
            svc(&format!(
                r#","deploymentController":{{"type":"${{CONTROLLER}}"}}{breaker}"#
            )),
            svc(
                r#","deploymentController":{"type":"CODE_DEPLOY"},"deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":"${ON}","rollback":true}}"#,
            ),
        ];
        let fail = [
            svc(&format!(r#","deploymentController":{{"type":"CODE_DEPLOY"}}{breaker}"#)),
            svc(
                r#","deploymentController":{"type":"EXTERNAL"},"deploymentConfiguration":{"alarms":{"alarmNames":["high-5xx"],"enable":true,"rollback":true}}"#,
            ),
            svc(r#","deploymentController":{"type":"CODE_DEPLOY"},"loadBalancers":[{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/a/1","containerName":"web","containerPort":80},{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/b/1","containerName":"web","containerPort":80}]"#),
            svc(r#","deploymentController":{"type":"CODE_DEPLOY"},"loadBalancers":[{"loadBalancerName":"classic","containerName":"web","containerPort":80}]"#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      DeploymentController:\n        Type: CODE_DEPLOY\n      DeploymentConfiguration:\n        DeploymentCircuitBreaker:\n          Enable: true\n          Rollback: true\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
