//! ECS412 transport-protocol-mismatch: a target group carries UDP to a container port a
//! `bridge`-mode task definition maps only for TCP, or TCP to one it maps only for UDP (Docker
//! publishes a host port for the mapping's protocol only). In `awsvpc` and `host` modes
//! nothing is published and the traffic arrives whatever the mapping says: not judged.

use crate::domain::elb::transports;
use crate::link::{Owned, Workspace};
use crate::model::fields::port_mapping;
use crate::model::Tri;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS412",
    name: "transport-protocol-mismatch",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [158],
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
            let (Owned::Known(protocol, _), Some(site), Some(tg_name)) =
                (&tg.protocol, &tg.protocol_site, tg.id.logical_id.as_deref())
            else {
                continue;
            };
            let Some((needs_udp, needs_tcp)) = transports(protocol) else {
                continue;
            };
            let (Some(name), Some(port)) =
                (lb.container_name.as_known(), lb.container_port.known())
            else {
                continue;
            };
            // What every candidate maps that port for: (udp, tcp); `None` when it is not in
            // `bridge` mode, cannot be read whole, or does not map the port at all (ECS402).
            let mapped = |td: &&crate::link::LinkedTaskDef| -> Option<(bool, bool)> {
                if td.mode_in_effect() != Some(crate::model::NetworkMode::Bridge) {
                    return None;
                }
                let mut udp = false;
                let mut tcp = false;
                let mut any = false;
                for c in td.containers_named(name) {
                    for pm in c.port_mappings.complete()? {
                        if pm.container_port.is_unknown() {
                            return None;
                        }
                        if !pm.covers(port) {
                            continue;
                        }
                        any = true;
                        match pm.udp {
                            Tri::Yes => udp = true,
                            Tri::No => tcp = true,
                            Tri::Unknown => return None,
                        }
                    }
                }
                any.then_some((udp, tcp))
            };
            let all: Option<Vec<(bool, bool)>> = candidates.iter().map(mapped).collect();
            let Some(all) = all else {
                continue;
            };
            let missing_udp = needs_udp && all.iter().all(|(udp, _)| !udp);
            let missing_tcp = needs_tcp && all.iter().all(|(_, tcp)| !tcp);
            if !missing_udp && !missing_tcp {
                continue;
            }
            let (wanted, mapped_as) = if missing_udp {
                ("UDP", "TCP")
            } else {
                ("TCP", "UDP")
            };
            let td = candidates[0];
            sink.report_at(
                site,
                format!(
                    "target group `{tg_name}` sends {wanted} traffic to port {port} of container `{name}`{}, but task definition `{}` maps that port only for {mapped_as} in bridge mode: Docker publishes no {wanted} port, so that traffic never reaches the container",
                    if protocol.as_ref() == wanted {
                        String::new()
                    } else {
                        format!(" (its protocol is {protocol})")
                    },
                    td.display_name()
                ),
            )
            .resource(Some(tg_name.to_string()))
            .related(candidates.iter().map(|t| t.id.file))
            .related([service.id.file])
            .help(format!(
                "map port {port} with `{}` `{}` in the task definition (one mapping per protocol for TCP_UDP), or give the target group the protocol the container serves",
                port_mapping::PROTOCOL.name(td.id.dialect),
                wanted.to_ascii_lowercase()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(mappings: &str, protocol: &str) -> String {
        format!("Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: bridge\n      RequiresCompatibilities: [EC2]\n      ContainerDefinitions:\n        - Name: dns\n          Image: coredns/coredns:1.11.1\n          Memory: 256\n          PortMappings:\n{mappings}  Service:\n    Type: AWS::ECS::Service\n    DependsOn: L\n    Properties:\n      TaskDefinition: !Ref Task\n      LoadBalancers:\n        - ContainerName: dns\n          ContainerPort: 53\n          TargetGroupArn: !Ref TG\n  TG:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 53\n      Protocol: {protocol}\n      VpcId: vpc-1\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Lb\n      Port: 53\n      Protocol: {protocol}\n      DefaultActions: [{{Type: forward, TargetGroupArn: !Ref TG}}]\n")
    }

    #[test]
    fn cases() {
        let tcp = "            - ContainerPort: 53\n";
        let udp = "            - ContainerPort: 53\n              Protocol: udp\n";
        let both = format!("{tcp}{udp}");
        let pass = [
            template(udp, "UDP"),
            template(tcp, "TCP"),
            template(&both, "TCP_UDP"),
            template(
                "            - ContainerPort: 53\n              Protocol: !Ref P\n",
                "UDP",
            ),
            template(udp, "!Ref P"),
            // Not mapped at all: ECS402's finding.
            template("            - ContainerPort: 54\n", "UDP"),
            // awsvpc: nothing is published; the datagrams reach the task's address.
            template(tcp, "UDP").replace("NetworkMode: bridge", "NetworkMode: awsvpc"),
        ];
        let fail = [
            template(tcp, "UDP"),
            template(udp, "TCP"),
            template(tcp, "TCP_UDP"),
            template(
                "            - ContainerPort: 53\n              Protocol: tcp\n",
                "UDP",
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
