//! ECS404 target-group-not-attached: a service's target group must be attached to a load
//! balancer (a listener or a listener rule forwards to it) before ECS can register tasks.

use crate::link::Workspace;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS404",
    name: "target-group-not-attached",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [154],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for service in &ws.services {
        for lb in &service.load_balancers {
            let (Some(tg), Some(site)) = (ws.target_group_of(service, lb), &lb.target_group_site)
            else {
                continue;
            };
            let Some(logical) = tg.id.logical_id.as_deref() else {
                continue;
            };
            // An output or a nested stack may hand it to a listener elsewhere; a listener
            // whose actions cannot be read may forward to it.
            if tg.referenced_elsewhere {
                continue;
            }
            match ws.forwarding_to(service.id.file, logical) {
                Some(listeners) if listeners.is_empty() => {}
                _ => continue,
            }
            let finding = sink.report_at(
                site,
                format!(
                    "target group `{logical}` is attached to no load balancer: no listener or listener rule of the template forwards to it"
                ),
            );
            finding
                .resource(service.name())
                .label_in(tg.id.file, tg.id.anchor, "the target group is defined here")
                .help(format!(
                    "add a listener, or a listener rule, whose forward action names `{logical}`, and make the service depend on it"
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "Parameters:\n  Lb: {Type: String}\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: awsvpc\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n          PortMappings: [{ContainerPort: 80}]\n  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n      LoadBalancers:\n        - ContainerName: web\n          ContainerPort: 80\n          TargetGroupArn: !Ref TG\n  TG:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 80\n      Protocol: HTTP\n      TargetType: ip\n";

    fn with(extra: &str) -> String {
        format!("{BASE}{extra}")
    }

    #[test]
    fn cases() {
        let listener = "  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Lb\n      Port: 80\n      Protocol: HTTP\n";
        let pass = [
            with(&format!("{listener}      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !Ref TG\n")),
            with(&format!("{listener}      DefaultActions:\n        - Type: forward\n          ForwardConfig:\n            TargetGroups:\n              - TargetGroupArn: !Ref Other\n              - TargetGroupArn: !Ref TG\n")),
            with("  R:\n    Type: AWS::ElasticLoadBalancingV2::ListenerRule\n    Properties:\n      ListenerArn: !Ref Lb\n      Priority: 1\n      Conditions: []\n      Actions:\n        - Type: forward\n          TargetGroupArn: !GetAtt TG.TargetGroupArn\n"),
            // Handed to another stack: it may be attached there.
            with("Outputs:\n  Tg:\n    Value: !Ref TG\n    Export: {Name: web-tg}\n"),
            with("  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.com/lb.yaml\n      Parameters:\n        TargetGroup: !Ref TG\n"),
            // A listener whose actions cannot be read may forward to it.
            with(&format!("{listener}      DefaultActions: !If [Https, [], []]\n")),
            with(&format!("{listener}      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !If [Blue, !Ref TG, !Ref Other]\n")),
        ];
        let fail = [
            with(""),
            with(&format!("{listener}      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !Ref Other\n")),
            with(&format!("{listener}      DefaultActions:\n        - Type: redirect\n          RedirectConfig: {{Protocol: HTTPS, StatusCode: HTTP_301}}\n")),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
