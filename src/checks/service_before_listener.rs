//! ECS405 service-before-listener: in a template, a service must depend on the listener (or
//! listener rule) that attaches its target group to the load balancer, or CloudFormation may
//! create the service first.

use crate::link::Workspace;
use crate::model::ListenerKind;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS405",
    name: "service-before-listener",
    category: Wiring,
    severity: Warning,
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
            let Some(listeners) = ws.forwarding_to(service.id.file, logical) else {
                continue;
            };
            let Some(depends_on) = &service.depends_on else {
                continue;
            };
            let depends =
                |id: Option<&str>| id.is_some_and(|id| depends_on.iter().any(|d| &**d == id));
            // No listener is ECS404's finding; depending on any one that forwards is enough.
            let Some(first) = listeners.first() else {
                continue;
            };
            if listeners
                .iter()
                .any(|l| depends(l.id.logical_id.as_deref()))
            {
                continue;
            }
            let Some(listener) = first.id.logical_id.as_deref() else {
                continue;
            };
            let what = match first.kind {
                ListenerKind::Listener => "listener",
                ListenerKind::Rule => "listener rule",
            };
            let service_name = service.name().unwrap_or_default();
            let finding = sink.report_at(
                site,
                format!(
                    "service `{service_name}` does not depend on {what} `{listener}`, which attaches target group `{logical}` to its load balancer: CloudFormation may create the service first, and ECS then fails to register its tasks"
                ),
            );
            finding
                .resource(service.name())
                .label_in(
                    first.id.file,
                    first.id.anchor,
                    format!("the {what} is defined here"),
                )
                .help(format!("add `DependsOn: {listener}` to `{service_name}`"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "Parameters:\n  Lb: {Type: String}\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: awsvpc\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n          PortMappings: [{ContainerPort: 80}]\n  TG:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 80\n      Protocol: HTTP\n      TargetType: ip\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Lb\n      Port: 80\n      Protocol: HTTP\n      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !Ref TG\n";
    const SERVICE: &str = "    Properties:\n      TaskDefinition: !Ref Task\n      LoadBalancers:\n        - ContainerName: web\n          ContainerPort: 80\n          TargetGroupArn: !Ref TG\n";

    fn service(attributes: &str) -> String {
        format!("{HEAD}  Service:\n    Type: AWS::ECS::Service\n{attributes}{SERVICE}")
    }

    #[test]
    fn cases() {
        let pass = [
            service("    DependsOn: L\n"),
            service("    DependsOn: [Task, L]\n"),
            // Through another resource that depends on the listener.
            format!(
                "{}  Gate:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    DependsOn: L\n",
                service("    DependsOn: Gate\n")
            ),
            // No listener is ECS404's.
            service("").replace(
                "          TargetGroupArn: !Ref TG\n  Service",
                "          TargetGroupArn: !Ref Other\n  Service",
            ),
        ];
        let fail = [service(""), service("    DependsOn: Task\n")];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
