//! ECS319 missing-security-groups: an awsvpc service that names no security group, so its
//! tasks get the VPC's default one.

use crate::model::fields::service;
use crate::model::{Service, Spelled};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS319",
    name: "missing-security-groups",
    category: Security,
    severity: Warning,
    check: Service(check),
    security_severity: "3.0",
    profile: All,
    constraints: [133],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !s.is_input() {
        return;
    }
    let Some(awsvpc) = s.awsvpc_configuration() else {
        return;
    };
    // Present, or possibly in a placeholder standing for members (`View::get` returns it).
    if awsvpc.get(&service::SECURITY_GROUPS).is_some() {
        return;
    }
    sink.report(
        awsvpc.span(),
        format!(
            "the {}'s awsvpc configuration names no `{}`: its tasks get the VPC's default security group, whose rules the service does not control",
            s.shape.noun(),
            s.key(&service::SECURITY_GROUPS)
        ),
    )
    .help(format!(
        "set `{}` to a security group made for this service, open only to its callers",
        s.key(&service::SECURITY_GROUPS)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |awsvpc: &str| {
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main","networkConfiguration":{{"awsvpcConfiguration":{awsvpc}}}}}"#
            )
        };
        let pass = [
            svc(r#"{"subnets":["subnet-1"],"securityGroups":["sg-1"]}"#),
            svc(r#"{"subnets":["subnet-1"],"securityGroups":"${SGS}"}"#),
            svc(r#""${AWSVPC}""#),
            r#"{"serviceName":"web","taskDefinition":"web:1","cluster":"main"}"#.to_string(),
        ];
        let fail = [
            svc(r#"{"subnets":["subnet-1"]}"#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [subnet-1]\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
