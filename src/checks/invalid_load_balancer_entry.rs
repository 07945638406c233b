//! ECS313 invalid-load-balancer-entry: a service's load balancer entry that does not name
//! exactly one target group or Classic Load Balancer, or lacks its container or port.

use crate::model::fields::{load_balancer, service};
use crate::model::{Service, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS313",
    name: "invalid-load-balancer-entry",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [147, 148],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() {
        return;
    }
    let list = s.key(&service::LOAD_BALANCERS);
    let mut classic: Option<crate::span::Span> = None;
    for lb in &s.load_balancers {
        if let Val::Known(_, span) | Val::Ref(_, span) = lb.load_balancer_name {
            match classic {
                Some(first) => {
                    sink.report(
                        span,
                        format!("a second Classic Load Balancer in `{list}`: ECS registers a service with one Classic Load Balancer at most, and refuses the service"),
                    )
                    .label(first, "the first")
                    .help("keep one Classic Load Balancer, or move to target groups of an Application or Network Load Balancer (up to five)");
                }
                None => classic = Some(span),
            }
        }
        let tg = lb.key(&load_balancer::TARGET_GROUP_ARN);
        let clb = lb.key(&load_balancer::LOAD_BALANCER_NAME);
        match (lb.target_group_arn, lb.load_balancer_name) {
            (Val::Absent, Val::Absent) => {
                sink.report(
                    lb.anchor,
                    format!("this `{list}` entry names neither a `{tg}` nor a `{clb}`: ECS does not know where to register the tasks, and refuses the service"),
                )
                .help(format!("set `{tg}` to the target group of an Application or Network Load Balancer"));
            }
            (a, b) if !a.is_absent() && !b.is_absent() => {
                let span = b.span().unwrap_or(lb.anchor);
                sink.report(
                    span,
                    format!("this `{list}` entry names both a `{tg}` and a `{clb}`: ECS takes one (a target group, or a Classic Load Balancer) and refuses the service"),
                )
                .help(format!("keep `{tg}` and remove `{clb}`, or give the Classic Load Balancer an entry of its own"));
            }
            _ => {}
        }
        for (field, value) in [
            (
                &load_balancer::CONTAINER_NAME,
                lb.container_name.is_absent(),
            ),
            (
                &load_balancer::CONTAINER_PORT,
                lb.container_port.is_absent(),
            ),
        ] {
            if value {
                sink.report(
                    lb.anchor,
                    format!(
                        "this `{list}` entry has no `{}`: ECS needs the container and the port to register with the load balancer, and refuses the service",
                        lb.key(field)
                    ),
                )
                .help(format!(
                    "set `{}` and `{}` to a container of the task definition and one of its mapped ports",
                    lb.key(&load_balancer::CONTAINER_NAME),
                    lb.key(&load_balancer::CONTAINER_PORT)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |lb: &str| {
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main","loadBalancers":[{lb}]}}"#
            )
        };
        let tg = r#""targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef""#;
        let pass = [
            svc(&format!(
                r#"{{{tg},"containerName":"web","containerPort":80}}"#
            )),
            svc(r#"{"loadBalancerName":"classic","containerName":"web","containerPort":80}"#),
            svc(
                r#"{"targetGroupArn":"${TG}","containerName":"${NAME}","containerPort":"${PORT}"}"#,
            ),
            svc(r#""${LOAD_BALANCER}""#),
        ];
        let fail = [
            svc(r#"{"containerName":"web","containerPort":80}"#),
            svc(&format!(r#"{{{tg},"loadBalancerName":"classic","containerName":"web","containerPort":80}}"#)),
            svc(&format!(r#"{{{tg},"containerPort":80}}"#)),
            svc(&format!(r#"{{{tg},"containerName":"web"}}"#)),
            svc(r#"{"loadBalancerName":"a","containerName":"web","containerPort":80},{"loadBalancerName":"b","containerName":"web","containerPort":81}"#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      LoadBalancers:\n        - TargetGroupArn: !Ref TG\n          ContainerName: web\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
