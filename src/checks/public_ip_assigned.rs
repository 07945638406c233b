//! ECS304 public-ip-assigned: a service gives each task a public IP address.

use crate::model::fields::service;
use crate::model::{Service, Spelled};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS304",
    name: "public-ip-assigned",
    category: Security,
    severity: Warning,
    check: Service(check),
    security_severity: "6.5",
    profile: Security,
    peers: ["securityhub:ECS.2", "checkov:CKV_AWS_333"],
    constraints: [132],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
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
    sink.report(
        span,
        "the service gives each task a public IP address: its tasks can be reached from the internet, subject only to their security groups",
    )
    .help(format!(
        "set `{}` to `{}` and run the tasks in private subnets, behind a load balancer or a NAT gateway",
        s.key(&service::ASSIGN_PUBLIC_IP),
        service::public_ip_value(s.dialect, false),
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |assign: &str| {
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main","networkConfiguration":{{"awsvpcConfiguration":{{"subnets":["subnet-1"]{assign}}}}}}}"#
            )
        };
        let pass = [
            svc(""),
            svc(r#","assignPublicIp":"DISABLED""#),
            svc(r#","assignPublicIp":"${PUBLIC}""#),
        ];
        let fail = [
            svc(r#","assignPublicIp":"ENABLED""#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          AssignPublicIp: ENABLED\n          Subnets: [subnet-1]\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
