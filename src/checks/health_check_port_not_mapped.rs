//! ECS413 health-check-port-not-mapped: a target group health-checks a fixed port that no
//! container of the service's task definition maps (`awsvpc` and `host` modes, where the
//! target's port is the container's).

use crate::link::{LinkedTaskDef, Owned, Workspace};
use crate::model::fields::{container, target_group};
use crate::model::NetworkMode;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS413",
    name: "health-check-port-not-mapped",
    category: Wiring,
    severity: Warning,
    check: Workspace(check),
}

/// Whether some container of `td` maps `port`: `None` when that cannot be known (a mode
/// where host ports differ from container ports, a list not known whole, an unreadable port).
fn maps_anywhere(td: &LinkedTaskDef, port: i64) -> Option<bool> {
    if !matches!(
        td.mode_in_effect(),
        Some(NetworkMode::Awsvpc | NetworkMode::Host)
    ) {
        return None;
    }
    let mut found = false;
    for c in td.containers.complete()? {
        match c.maps(port) {
            crate::model::Tri::Yes => found = true,
            crate::model::Tri::No => {}
            crate::model::Tri::Unknown => return None,
        }
    }
    Some(found)
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for service in &ws.services {
        let candidates = ws.task_defs_of(service);
        if candidates.is_empty() {
            continue;
        }
        for lb in &service.load_balancers {
            let Some(tg) = ws.target_group_of(service, lb) else {
                continue;
            };
            let (Owned::Known(text, _), Some(site), Some(tg_name)) = (
                &tg.health_check_port,
                &tg.health_check_port_site,
                tg.id.logical_id.as_deref(),
            ) else {
                continue;
            };
            let Ok(port) = text.trim().parse::<i64>() else {
                continue;
            };
            let all: Option<Vec<bool>> =
                candidates.iter().map(|t| maps_anywhere(t, port)).collect();
            if !all.is_some_and(|all| all.iter().all(|mapped| !mapped)) {
                continue;
            }
            let td = candidates[0];
            sink.report_at(
                site,
                format!(
                    "target group `{tg_name}` health-checks port {port}, which no container of task definition `{}` maps: unless a process listens there unmapped, the targets never turn healthy",
                    td.display_name()
                ),
            )
            .resource(Some(tg_name.to_string()))
            .related(candidates.iter().map(|t| t.id.file))
            .related([service.id.file])
            .help(format!(
                "remove `{}` (the default, `traffic-port`, checks the port the service registers), or map port {port} in the container's `{}`",
                target_group::HEALTH_CHECK_PORT.name(tg.id.dialect),
                container::PORT_MAPPINGS.name(td.id.dialect)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(mode: &str, mappings: &str, health: &str) -> String {
        format!("Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: {mode}\n      RequiresCompatibilities: [EC2]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n          PortMappings:\n{mappings}  Service:\n    Type: AWS::ECS::Service\n    DependsOn: L\n    Properties:\n      TaskDefinition: !Ref Task\n      NetworkConfiguration: {{AwsvpcConfiguration: {{Subnets: [s-1]}}}}\n      LoadBalancers:\n        - ContainerName: web\n          ContainerPort: 8080\n          TargetGroupArn: !Ref TG\n  TG:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 80\n      Protocol: HTTP\n      TargetType: ip\n      VpcId: vpc-1\n{health}  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Lb\n      Port: 80\n      Protocol: HTTP\n      DefaultActions: [{{Type: forward, TargetGroupArn: !Ref TG}}]\n")
    }

    #[test]
    fn cases() {
        let web = "            - ContainerPort: 8080\n";
        let with_admin = "            - ContainerPort: 8080\n            - ContainerPort: 8081\n";
        let pass = [
            template("awsvpc", web, ""),
            template("awsvpc", web, "      HealthCheckPort: traffic-port\n"),
            template("awsvpc", web, "      HealthCheckPort: '8080'\n"),
            template("awsvpc", with_admin, "      HealthCheckPort: '8081'\n"),
            template(
                "awsvpc",
                "            - ContainerPortRange: 8000-8100\n",
                "      HealthCheckPort: '8081'\n",
            ),
            template("awsvpc", web, "      HealthCheckPort: !Ref Port\n"),
            template(
                "awsvpc",
                "            - ContainerPort: 8080\n            - ContainerPort: !Ref P\n",
                "      HealthCheckPort: '8081'\n",
            ),
            // Bridge: host ports differ from container ports (ECS408 judges dynamic ones).
            template("bridge", web, "      HealthCheckPort: '8081'\n"),
        ];
        let fail = [
            template("awsvpc", web, "      HealthCheckPort: '8081'\n"),
            template("host", web, "      HealthCheckPort: 9000\n"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
