//! ECS418 invalid-classic-load-balancer: a service registers its tasks with a Classic Load
//! Balancer in a way ECS refuses: tasks in `awsvpc` mode, or a dynamic host port.

use crate::link::Workspace;
use crate::model::fields::{load_balancer, port_mapping};
use crate::model::{NetworkMode, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS418",
    name: "invalid-classic-load-balancer",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [92, 151, 152],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    for svc in &ws.services {
        let classic: Vec<_> = svc
            .load_balancers
            .iter()
            .filter(|lb| lb.load_balancer_name_site.is_some())
            .collect();
        if classic.is_empty() {
            continue;
        }
        let candidates = ws.task_defs_of(svc);
        let [td] = candidates.as_slice() else {
            continue;
        };
        let dialect = svc.id.dialect;
        let name_key = load_balancer::LOAD_BALANCER_NAME.name(dialect);
        for lb in classic {
            let Some(site) = &lb.load_balancer_name_site else {
                continue;
            };
            if let Some(c) = td.containers.iter().find(|c| c.health_check == Tri::Yes) {
                let name = c.name.as_known().map_or("", |n| &**n);
                let finding = sink.report_at(
                    site,
                    format!(
                        "the {} registers its tasks with a Classic Load Balancer (`{name_key}`), and container `{name}` of task definition `{}` has a health check: ECS does not support container health checks for such a service",
                        svc.noun,
                        td.display_name()
                    ),
                );
                finding.pairing(svc, &candidates);
                finding.help(format!(
                    "move to an Application or Network Load Balancer target group (`{}`), or rely on the Classic Load Balancer's own health check",
                    load_balancer::TARGET_GROUP_ARN.name(dialect)
                ));
            }
            match td.mode_in_effect() {
                Some(NetworkMode::Awsvpc) => {
                    let finding = sink.report_at(
                        site,
                        format!(
                            "the {} registers its tasks with a Classic Load Balancer (`{name_key}`), and task definition `{}` uses `awsvpc`: Classic Load Balancers cannot route to task network interfaces, and ECS refuses the service",
                            svc.noun,
                            td.display_name()
                        ),
                    );
                    finding.pairing(svc, &candidates);
                    finding.help(format!(
                        "move to an Application or Network Load Balancer target group of target type `ip` (`{}`)",
                        load_balancer::TARGET_GROUP_ARN.name(dialect)
                    ));
                }
                Some(NetworkMode::Bridge) => {
                    let (Some(name), Some(port)) =
                        (lb.container_name.as_known(), lb.container_port.as_known())
                    else {
                        continue;
                    };
                    let dynamic = td.containers_named(name).any(|c| {
                        c.port_mappings
                            .iter()
                            .any(|pm| pm.covers(*port) && pm.dynamic_host_port == Tri::Yes)
                    });
                    if !dynamic {
                        continue;
                    }
                    let finding = sink.report_at(
                        site,
                        format!(
                            "the {} registers container `{name}` port {port} with a Classic Load Balancer, and task definition `{}` maps that port to a dynamic host port: a Classic Load Balancer sends traffic to one fixed port on each instance, and ECS refuses the service (\"A host port mapping for the container port {port} is required\")",
                            svc.noun,
                            td.display_name()
                        ),
                    );
                    finding.pairing(svc, &candidates);
                    finding.help(format!(
                        "give the port mapping a fixed `{}` (one task per instance then), or move to an Application Load Balancer, which follows dynamic ports",
                        port_mapping::HOST_PORT.name(td.id.dialect)
                    ));
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let template = |mode: &str, host_port: &str, lb: &str| {
            format!(
                "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: api\n      NetworkMode: {mode}\n      ContainerDefinitions:\n        - Name: api\n          Image: nginx:1.27\n          Memory: 256\n          PortMappings:\n            - ContainerPort: 80\n{host_port}  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n      Role: !Ref ServiceRole\n      LoadBalancers:\n        - {lb}: web\n          ContainerName: api\n          ContainerPort: 80\n"
            )
        };
        let fixed = "              HostPort: 80\n";
        let pass = [
            template("bridge", fixed, "LoadBalancerName"),
            template("host", "", "LoadBalancerName"),
            template("awsvpc", "", "TargetGroupArn"),
            template("bridge", "", "TargetGroupArn"),
            template("!Ref Mode", "", "LoadBalancerName"),
        ];
        let fail = [
            template("awsvpc", "", "LoadBalancerName"),
            template("bridge", "", "LoadBalancerName"),
            template("bridge", "              HostPort: 0\n", "LoadBalancerName"),
            template("bridge", "              HostPort: 80\n          HealthCheck:\n            Command: [CMD, /bin/check]\n", "LoadBalancerName"),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
