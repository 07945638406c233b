//! ECS408 health-check-misses-dynamic-port: a target group that health-checks a fixed port
//! cannot reach tasks whose container port is mapped to a dynamic host port.

use crate::link::{Owned, Workspace};
use crate::model::fields::{port_mapping, target_group};
use crate::model::NetworkMode;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS408",
    name: "health-check-misses-dynamic-port",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    peers: ["cfn-lint:E3049"],
    constraints: [156],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for service in &ws.services {
        let candidates = ws.task_defs_of(service);
        for lb in &service.load_balancers {
            let Some(tg) = ws.target_group_of(service, lb) else {
                continue;
            };
            let (Owned::Known(port, _), Some(site)) =
                (&tg.health_check_port, &tg.health_check_port_site)
            else {
                continue;
            };
            // `traffic-port` (the default) follows each target's registered port.
            if port.eq_ignore_ascii_case("traffic-port") {
                continue;
            }
            let (Some(name), Some(container_port)) =
                (lb.container_name.as_known(), lb.container_port.known())
            else {
                continue;
            };
            // Every candidate maps the load balancer's port of that container to a dynamic
            // host port, in bridge mode.
            let mut dynamic = Vec::new();
            let all_dynamic = !candidates.is_empty()
                && candidates.iter().all(|td| {
                    let bridge = td.mode_in_effect() == Some(NetworkMode::Bridge);
                    let mut mappings = td
                        .containers_named(name)
                        .flat_map(|c| c.port_mappings.iter());
                    let found = mappings.find(|pm| {
                        pm.container_port.known().map(i64::from) == Some(container_port)
                    });
                    match found {
                        Some(pm) if bridge && pm.dynamic_host_port == crate::model::Tri::Yes => {
                            dynamic.push(*td);
                            true
                        }
                        _ => false,
                    }
                });
            if !all_dynamic {
                continue;
            }
            let td = dynamic[0];
            let logical = tg.id.logical_id.as_deref().unwrap_or("");
            let finding = sink.report_at(
                site,
                format!(
                    "target group `{logical}` health-checks port {port}, but container `{name}` of task definition `{}` maps port {container_port} to a dynamic host port: the health checks never reach the tasks",
                    td.display_name()
                ),
            );
            finding
                .resource(Some(logical.to_string()))
                .related(candidates.iter().map(|t| t.id.file))
                .related([service.id.file])
                .help(format!(
                    "remove `{}` (the default, `traffic-port`, checks each task on its own port), or map a fixed `{}`",
                    target_group::HEALTH_CHECK_PORT.name(tg.id.dialect),
                    port_mapping::HOST_PORT.name(td.id.dialect)
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(host_port: &str, health: &str, mode: &str) -> String {
        format!("Parameters:\n  Lb: {{Type: String}}\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: {mode}\n      RequiresCompatibilities: [EC2]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n          PortMappings:\n            - ContainerPort: 80\n{host_port}  Service:\n    Type: AWS::ECS::Service\n    DependsOn: L\n    Properties:\n      TaskDefinition: !Ref Task\n      LoadBalancers:\n        - ContainerName: web\n          ContainerPort: 80\n          TargetGroupArn: !Ref TG\n  TG:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 80\n      Protocol: HTTP\n{health}  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Lb\n      Port: 80\n      Protocol: HTTP\n      DefaultActions: [{{Type: forward, TargetGroupArn: !Ref TG}}]\n")
    }

    #[test]
    fn cases() {
        let dynamic = "              HostPort: 0\n";
        let pass = [
            // cfn-lint's E3049 also reports an omitted HealthCheckPort; it is `traffic-port`.
            template(dynamic, "", "bridge"),
            template(dynamic, "      HealthCheckPort: traffic-port\n", "bridge"),
            template(
                "              HostPort: 8080\n",
                "      HealthCheckPort: 8080\n",
                "bridge",
            ),
            template(dynamic, "      HealthCheckPort: !Ref Port\n", "bridge"),
            template(
                "              HostPort: !Ref HostPort\n",
                "      HealthCheckPort: 8081\n",
                "bridge",
            ),
            template(
                "",
                "      HealthCheckPort: '8081'\n      TargetType: ip\n",
                "awsvpc",
            ),
        ];
        let fail = [
            template(dynamic, "      HealthCheckPort: 8081\n", "bridge"),
            template("", "      HealthCheckPort: '8081'\n", "bridge"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
