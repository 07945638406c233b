//! ECS420 missing-health-check: a service with no load balancer whose task definition has no
//! container health check, so nothing tells ECS whether its tasks work.

use crate::link::{Owned, Workspace};
use crate::model::Tri;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS420",
    name: "missing-health-check",
    category: BestPractice,
    severity: Warning,
    check: Workspace(check),
    profile: All,
    constraints: [90],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for svc in &ws.services {
        // Scheduled tasks run to completion; a load balancer or VPC Lattice health checks them.
        if svc.noun != "service"
            || !svc.input
            || !svc.load_balancers.complete().is_some_and(<[_]>::is_empty)
            || !matches!(svc.vpc_lattice, Owned::Absent | Owned::Known(0, _))
        {
            continue;
        }
        let candidates = ws.task_defs_of(svc);
        let [td] = candidates.as_slice() else {
            continue;
        };
        let Some(containers) = td.containers.complete() else {
            continue;
        };
        if containers.is_empty() || !containers.iter().all(|c| c.health_check == Tri::No) {
            continue;
        }
        let finding = sink.report_at(
            &svc.site,
            format!(
                "the service has no load balancer, and no container of task definition `{}` has a health check: ECS counts a task healthy once it is running, so a deployment whose tasks run but do not work completes and replaces the working ones",
                td.display_name()
            ),
        );
        finding.pairing(svc, &candidates);
        finding.help("give the essential container a `healthCheck` (a command that fails when it does not work), so that deployments and the circuit breaker can see it");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let template = |health: &str, service: &str| {
            format!(
                "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: worker\n      ContainerDefinitions:\n        - Name: worker\n          Image: nginx:1.27\n          Memory: 256\n{health}  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n{service}"
            )
        };
        let health = "          HealthCheck:\n            Command: [CMD, /bin/check]\n";
        let lb = "      LoadBalancers:\n        - TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1\n          ContainerName: worker\n          ContainerPort: 80\n";
        let pass = [
            template(health, ""),
            template("", lb),
            template("", "      LoadBalancers: !Ref LBs\n"),
        ];
        let fail = [template("", "      DesiredCount: 2\n")];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
