//! ECS321 invalid-deployment-strategy: a deployment configuration block that belongs to
//! another strategy, or an ECS-native strategy under another deployment controller.

use crate::model::fields::service;
use crate::model::{Field, Service, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS321",
    name: "invalid-deployment-strategy",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [141, 142, 143],
}

/// Each strategy-specific block and the strategy it belongs to.
static BLOCKS: [(&Field, &str); 3] = [
    (&service::LINEAR_CONFIGURATION, "LINEAR"),
    (&service::CANARY_CONFIGURATION, "CANARY"),
    (&service::EARLY_SUCCESS_CRITERIA, "ROLLING"),
];

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() {
        return;
    }
    let Some(config) = s.deployment_configuration() else {
        return;
    };
    let strategy_key = s.key(&service::DEPLOYMENT_STRATEGY);
    let (strategy, strategy_span) = match config.text(&service::DEPLOYMENT_STRATEGY) {
        Val::Known(x, span) => (x, Some(span)),
        Val::Absent => ("ROLLING", None),
        _ => return,
    };
    for (field, owner) in BLOCKS {
        let Some(span) = config.key_span(field) else {
            continue;
        };
        if config.get(field).is_some_and(|n| n.is_null()) || strategy.eq_ignore_ascii_case(owner) {
            continue;
        }
        let finding = sink.report(
            span,
            format!(
                "`{}` applies to the `{owner}` deployment strategy only, and this service's is `{strategy}`: ECS refuses the request",
                s.key(field)
            ),
        );
        if let Some(at) = strategy_span {
            finding.label(at, format!("`{strategy_key}` is `{strategy}`"));
        }
        finding.help(format!(
            "set `{strategy_key}` to `{owner}`, or remove `{}`",
            s.key(field)
        ));
    }
    let native = ["BLUE_GREEN", "LINEAR", "CANARY"]
        .iter()
        .any(|n| strategy.eq_ignore_ascii_case(n));
    let ecs_controller = match s.deployment_controller {
        Val::Absent => true,
        Val::Known(c, _) => c.eq_ignore_ascii_case("ECS"),
        _ => false,
    };
    if native && ecs_controller {
        without_alternate_target_group(s, strategy, strategy_span, sink);
    }
    if let (true, Some(span), Val::Known(controller, controller_span)) =
        (native, strategy_span, s.deployment_controller)
    {
        if !controller.eq_ignore_ascii_case("ECS") {
            sink.report(
                span,
                format!(
                    "`{strategy_key}` `{strategy}` is a deployment ECS makes itself, and this service's deployment controller is `{controller}`: ECS refuses the request"
                ),
            )
            .label(
                controller_span,
                format!("`{}` is `{controller}`", s.key(&service::DEPLOYMENT_CONTROLLER_TYPE)),
            )
            .help(format!(
                "use the `ECS` deployment controller for ECS blue/green, linear or canary deployments, or remove `{strategy_key}` and let {controller} deploy"
            ));
        }
    }
}

/// An ECS-native blue/green, linear or canary deployment shifts traffic between a target
/// group and its alternate: each target group entry needs the `advancedConfiguration` that names
/// it (with the listener rules and the role that shift traffic).
fn without_alternate_target_group(
    s: &Service<'_>,
    strategy: &str,
    strategy_span: Option<crate::span::Span>,
    sink: &mut Sink<'_>,
) {
    use crate::model::fields::load_balancer;
    // Reported once, when no target group entry has one: with several target groups, which of
    // them need one is not documented.
    let Some(entries) = s.load_balancers.complete() else {
        return;
    };
    let with_target_group: Vec<_> = entries
        .iter()
        .filter(|lb| !lb.target_group_arn.is_absent())
        .collect();
    let has_advanced = |lb: &&crate::model::LoadBalancer<'_>| {
        crate::model::View::new(lb.node, lb.dialect)
            .get(&load_balancer::ADVANCED_CONFIGURATION)
            .is_some()
    };
    if with_target_group.iter().any(has_advanced) {
        return;
    }
    if let Some(lb) = with_target_group.first() {
        let advanced = lb.key(&load_balancer::ADVANCED_CONFIGURATION);
        let finding = sink.report(
            lb.anchor,
            format!(
                "a `{strategy}` deployment shifts traffic between two target groups, and this `{}` entry has no `{advanced}` naming the alternate one: ECS refuses the service",
                s.key(&service::LOAD_BALANCERS)
            ),
        );
        if let Some(at) = strategy_span {
            finding.label(
                at,
                format!("`{}` is `{strategy}`", s.key(&service::DEPLOYMENT_STRATEGY)),
            );
        }
        finding.help(format!(
            "add `{advanced}` with the alternate target group, the production listener rule and the role ECS uses to shift traffic"
        ));
    }
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
                r#","deploymentConfiguration":{"strategy":"LINEAR","linearConfiguration":{"stepPercent":10.0,"stepBakeTimeInMinutes":5}}"#,
            ),
            svc(
                r#","deploymentConfiguration":{"strategy":"CANARY","canaryConfiguration":{"canaryPercent":5.0,"canaryBakeTimeInMinutes":10}}"#,
            ),
            svc(r#","deploymentConfiguration":{"earlySuccessCriteria":{"enable":true}}"#),
            svc(
                r#","deploymentConfiguration":{"strategy":"${STRATEGY}","linearConfiguration":{"stepPercent":10.0}}"#,
            ),
            svc(
                r#","deploymentController":{"type":"ECS"},"deploymentConfiguration":{"strategy":"BLUE_GREEN","bakeTimeInMinutes":10}"#,
            ),
        ];
        let fail = [
            svc(
                r#","deploymentConfiguration":{"strategy":"CANARY","linearConfiguration":{"stepPercent":10.0}}"#,
            ),
            svc(r#","deploymentConfiguration":{"canaryConfiguration":{"canaryPercent":5.0}}"#),
            svc(
                r#","deploymentConfiguration":{"strategy":"BLUE_GREEN","earlySuccessCriteria":{"enable":true}}"#,
            ),
            svc(
                r#","deploymentController":{"type":"CODE_DEPLOY"},"deploymentConfiguration":{"strategy":"BLUE_GREEN"}"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
