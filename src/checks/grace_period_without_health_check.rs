//! ECS410 grace-period-without-health-check: a service sets a health check grace period, but
//! nothing checks its tasks' health: no load balancer, no VPC Lattice target group, no
//! container health check.

use crate::link::{Owned, Workspace};
use crate::model::fields::service;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS410",
    name: "grace-period-without-health-check",
    category: BestPractice,
    severity: Warning,
    check: Workspace(check),
    constraints: [145],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for s in &ws.services {
        let (Owned::Known(grace, _), Some(span)) = (
            &s.health_check_grace_period,
            s.health_check_grace_period_span,
        ) else {
            continue;
        };
        if *grace <= 0 {
            continue;
        }
        // No load balancer and no VPC Lattice, as far as the file says whole.
        if s.load_balancers
            .complete()
            .is_none_or(|lbs| !lbs.is_empty())
            || !matches!(s.vpc_lattice, Owned::Absent | Owned::Known(0, _))
        {
            continue;
        }
        // Every candidate task definition is known whole, and none of its containers has a
        // health check.
        let candidates = ws.task_defs_of(s);
        let no_health_check = !candidates.is_empty()
            && candidates.iter().all(|td| {
                td.containers
                    .complete()
                    .is_some_and(|cs| cs.iter().all(|c| c.health_check == crate::model::Tri::No))
            });
        if !no_health_check {
            continue;
        }
        let td = candidates[0];
        let key = service::HEALTH_CHECK_GRACE_PERIOD.name(s.id.dialect);
        let site = s.field_site(&service::HEALTH_CHECK_GRACE_PERIOD, span);
        let finding = sink.report_at(
            &site,
            format!(
                "`{key}` {grace} has no effect: {} has no load balancer and no VPC Lattice target group, and no container of task definition `{}` has a health check",
                s.called(),
                td.display_name()
            ),
        );
        finding
            .resource(s.name())
            .related(candidates.iter().map(|t| t.id.file))
            .label_in(td.id.file, td.id.anchor, "the task definition is defined here")
            .help(format!(
                "add a `{}` to the main container (its start period covers slow starts), or remove `{key}`",
                crate::model::fields::container::HEALTH_CHECK.name(td.id.dialect)
            ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(container: &str, service: &str) -> String {
        format!("Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n{container}  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n      HealthCheckGracePeriodSeconds: 120\n{service}")
    }

    #[test]
    fn cases() {
        let check = "          HealthCheck:\n            Command: [CMD-SHELL, curl -f http://localhost/ || exit 1]\n";
        let pass = [
            template(check, ""),
            template("", "      LoadBalancers:\n        - ContainerName: web\n          ContainerPort: 80\n          TargetGroupArn: !Ref TG\n"),
            template("", "      VpcLatticeConfigurations:\n        - RoleArn: r\n          TargetGroupArn: t\n          PortName: web\n"),
            template("          HealthCheck: !If [Checked, {Command: [CMD, true]}, !Ref AWS::NoValue]\n", ""),
            template("", "      LoadBalancers: !If [Public, [{ContainerName: web, ContainerPort: 80}], []]\n"),
            template("", "").replace("HealthCheckGracePeriodSeconds: 120", "HealthCheckGracePeriodSeconds: 0"),
        ];
        let fail = [template("", ""), template("", "      LoadBalancers: []\n")];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
