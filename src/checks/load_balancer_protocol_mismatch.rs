//! ECS411 load-balancer-protocol-mismatch: a listener, or a target group a listener forwards
//! to, uses a protocol its kind of load balancer does not have (TCP on an application load
//! balancer, HTTP on a network load balancer).

use crate::domain::elb::{describe, fits, protocols};
use crate::link::{Owned, Workspace};
use crate::model::fields::{listener, target_group};
use crate::model::ListenerKind;
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS411",
    name: "load-balancer-protocol-mismatch",
    category: Wiring,
    severity: Error,
    check: Workspace(check),
    constraints: [157],
}

fn check(ws: &Workspace, sink: &mut Sink<'_>) {
    // A target group forwarded to by several listeners is reported once.
    let mut reported = std::collections::HashSet::new();
    for l in &ws.listeners {
        let Some(lb) = ws.load_balancer_of(l) else {
            continue;
        };
        let (Some(kind), Some(lb_name)) = (lb.kind(), lb.id.logical_id.as_deref()) else {
            continue;
        };
        let Some(allowed) = protocols(kind) else {
            continue;
        };
        let l_name = l.id.logical_id.as_deref().unwrap_or("");
        let allowed_list = match allowed.split_last() {
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => continue,
        };
        if let (ListenerKind::Listener, Owned::Known(p, _), Some(site)) =
            (l.kind, &l.protocol, &l.protocol_site)
        {
            if fits(kind, p) == Some(false) {
                sink.report_at(
                    site,
                    format!(
                        "listener `{l_name}` uses {p}, but load balancer `{lb_name}` is {}, which listens on {allowed_list}: the listener fails to create",
                        describe(kind)
                    ),
                )
                .resource(Some(l_name.to_string()))
                .help(format!(
                    "set `{}` to one of {allowed_list}, or put the listener on a load balancer of the kind its protocol needs",
                    listener::PROTOCOL.name(l.id.dialect)
                ));
            }
        }
        for link in l.forwards.iter() {
            let Some(tg) = ws.target_group_in(l.id.file, link) else {
                continue;
            };
            let (Owned::Known(p, _), Some(site), Some(tg_name)) =
                (&tg.protocol, &tg.protocol_site, tg.id.logical_id.as_deref())
            else {
                continue;
            };
            if fits(kind, p) != Some(false) || !reported.insert((tg.id.file, tg_name)) {
                continue;
            }
            let noun = match l.kind {
                ListenerKind::Listener => "listener",
                ListenerKind::Rule => "listener rule",
            };
            sink.report_at(
                site,
                format!(
                    "target group `{tg_name}` uses {p}, but {noun} `{l_name}` of {} `{lb_name}` forwards to it, which needs {allowed_list}: the {noun} fails to create",
                    describe(kind)
                ),
            )
            .resource(Some(tg_name.to_string()))
            .help(format!(
                "set the target group's `{}` to one of {allowed_list} (the load balancer decides the protocols, not the service)",
                target_group::PROTOCOL.name(tg.id.dialect)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(lb_type: &str, listener: &str, tg: &str, rule: bool) -> String {
        let rule = if rule {
            "  Rule:\n    Type: AWS::ElasticLoadBalancingV2::ListenerRule\n    Properties:\n      ListenerArn: !Ref L\n      Priority: 1\n      Conditions: [{Field: path-pattern, Values: [/api/*]}]\n      Actions: [{Type: forward, TargetGroupArn: !Ref TG2}]\n  TG2:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 80\n      Protocol: TCP\n      VpcId: vpc-1\n"
        } else {
            ""
        };
        format!("Resources:\n  LB:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n{lb_type}      Subnets: [subnet-1, subnet-2]\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref LB\n      Port: 80\n      Protocol: {listener}\n      DefaultActions: [{{Type: forward, TargetGroupArn: !Ref TG}}]\n  TG:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 80\n      Protocol: {tg}\n      VpcId: vpc-1\n{rule}")
    }

    #[test]
    fn cases() {
        let network = "      Type: network\n";
        let pass = [
            template("", "HTTP", "HTTP", false),
            template("      Type: application\n", "HTTP", "HTTPS", false),
            template(network, "TCP", "TCP", false),
            template(network, "UDP", "UDP", false),
            template("      Type: !Ref LbType\n", "HTTP", "TCP", false),
            template("", "!Ref Protocol", "!Ref Protocol", false),
            // A value no load balancer knows is a structural error, not this rule's.
            template("", "http", "HTTP", false),
            template(network, "TCP", "TCP", true),
        ];
        let fail = [
            template("", "TCP", "HTTP", false),
            template("", "HTTP", "TCP", false),
            template(network, "HTTP", "TCP", false),
            template(network, "TCP", "HTTP", false),
            // Through a listener rule of an application load balancer.
            template("", "HTTP", "HTTP", true),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
