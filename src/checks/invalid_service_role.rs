//! ECS417 invalid-service-role: a service `role` ECS refuses: on a service without load
//! balancers, or for tasks in `awsvpc` mode.

use crate::link::Workspace;
use crate::model::fields::{service, task};
use crate::model::NetworkMode;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS417",
    name: "invalid-service-role",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [126],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for svc in &ws.services {
        let Some(site) = &svc.role else {
            continue;
        };
        let dialect = svc.id.dialect;
        let role = service::ROLE.name(dialect);
        let lbs = service::LOAD_BALANCERS.name(dialect);
        if svc.load_balancers.complete().is_some_and(<[_]>::is_empty) {
            sink.report_at(
                site,
                format!(
                    "the {} names a `{role}`, which ECS uses only to register tasks with a load balancer, and it has no `{lbs}`: ECS refuses the request",
                    svc.noun
                ),
            )
            .resource(svc.name())
            .help(format!("remove `{role}`"));
            continue;
        }
        let candidates = ws.task_defs_of(svc);
        if candidates.is_empty()
            || !candidates
                .iter()
                .all(|td| td.mode_in_effect() == Some(NetworkMode::Awsvpc))
        {
            continue;
        }
        let td = candidates[0];
        let finding = sink.report_at(
            site,
            format!(
                "the {} names a `{role}`, and task definition `{}` uses `awsvpc`: ECS registers awsvpc tasks with its service-linked role and refuses a service role for them",
                svc.noun,
                td.display_name()
            ),
        );
        finding
            .resource(svc.name())
            .related(candidates.iter().map(|t| t.id.file));
        finding.label_in(
            td.id.file,
            td.id.anchor,
            format!(
                "task definition `{}` is defined here (`{}` `awsvpc`)",
                td.display_name(),
                task::NETWORK_MODE.name(td.id.dialect)
            ),
        );
        finding.help(format!(
            "remove `{role}`: the service-linked role AWSServiceRoleForECS does this for awsvpc tasks"
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let template = |mode: &str, service: &str| {
            format!(
                "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: api\n      NetworkMode: {mode}\n      ContainerDefinitions:\n        - Name: api\n          Image: nginx:1.27\n          Memory: 256\n          PortMappings:\n            - ContainerPort: 80\n  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n{service}"
            )
        };
        let lb = "      LoadBalancers:\n        - TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1\n          ContainerName: api\n          ContainerPort: 80\n";
        let role = "      Role: !Ref ServiceRole\n";
        let pass = [
            template("bridge", &format!("{role}{lb}")),
            template("awsvpc", lb),
            template("!Ref Mode", &format!("{role}{lb}")),
            template("bridge", &format!("{role}      LoadBalancers: !Ref LBs\n")),
        ];
        let fail = [
            template("awsvpc", &format!("{role}{lb}")),
            template("bridge", role),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
