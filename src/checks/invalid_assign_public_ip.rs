//! ECS305 invalid-assign-public-ip: a service on EC2 asks for public IP addresses, which only
//! Fargate tasks can have.

use crate::model::fields::service;
use crate::model::{Service, Spelled, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS305",
    name: "invalid-assign-public-ip",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [131],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if s.on_fargate() != Tri::No {
        return;
    }
    let Some(awsvpc) = s.awsvpc_configuration() else {
        return;
    };
    let span = match awsvpc.get(&service::ASSIGN_PUBLIC_IP) {
        Some(n)
            if n.as_str() == Some("ENABLED") || matches!(n.kind, crate::load::Kind::Bool(true)) =>
        {
            n.span
        }
        _ => return,
    };
    let finding = sink.report(
        span,
        "public IP addresses are for Fargate tasks only: ECS refuses this for tasks on EC2 instances (\"Assign public IP is not supported for this launch type\")",
    );
    if let Some(lt) = s.launch_type.span() {
        finding.label(lt, "the tasks run on EC2 instances");
    }
    finding.help(format!(
        "remove `{}` (a task on EC2 reaches the internet through a NAT gateway, or its instance's address in `bridge`/`host` mode)",
        s.key(&service::ASSIGN_PUBLIC_IP)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |launch: &str, assign: &str| {
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main"{launch},"networkConfiguration":{{"awsvpcConfiguration":{{"subnets":["subnet-1"],"assignPublicIp":"{assign}"}}}}}}"#
            )
        };
        let pass = [
            svc(r#","launchType":"FARGATE""#, "ENABLED"),
            svc(r#","launchType":"EC2""#, "DISABLED"),
            svc("", "ENABLED"),
            svc(
                r#","capacityProviderStrategy":[{"capacityProvider":"FARGATE_SPOT","weight":1}]"#,
                "ENABLED",
            ),
            svc(r#","launchType":"${LAUNCH}""#, "ENABLED"),
        ];
        let fail = [
            svc(r#","launchType":"EC2""#, "ENABLED"),
            svc(
                r#","capacityProviderStrategy":[{"capacityProvider":"asg-provider","weight":1}]"#,
                "ENABLED",
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
