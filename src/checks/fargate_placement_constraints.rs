//! ECS114 fargate-placement-constraints: a Fargate task definition with placement
//! constraints, which only EC2 container instances can honour.

use crate::model::fields::task;
use crate::model::Spelled;
use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS114",
    name: "fargate-placement-constraints",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    peers: ["cfn-lint:E3048"],
    constraints: [49, 170],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if td.is_fargate() != Tri::Yes {
        return;
    }
    let Some((n, span)) = td.placement_constraints.known_at() else {
        return;
    };
    if n == 0 {
        return;
    }
    let key = td.key(&task::PLACEMENT_CONSTRAINTS);
    let finding = sink.report(
        span,
        format!("a Fargate task definition cannot have `{key}`: Fargate places tasks itself, and ECS refuses them"),
    );
    if let Some(f) = td.fargate_span() {
        finding.label(f, "Fargate is required here");
    }
    finding.help(format!(
        "remove `{key}`, or drop Fargate from `{}` if the task must run on chosen container instances",
        td.key(&task::REQUIRES_COMPATIBILITIES)
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |compat: &str, constraints: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":{compat},"networkMode":"awsvpc","cpu":"256","memory":"512","containerDefinitions":[{{"name":"web","image":"nginx:1.27"}}]{constraints}}}"#
            )
        };
        let one = r#","placementConstraints":[{"type":"memberOf","expression":"attribute:ecs.instance-type =~ t3.*"}]"#;
        let pass = [
            td(r#"["FARGATE"]"#, ""),
            td(r#"["FARGATE"]"#, r#","placementConstraints":[]"#),
            td(r#"["EC2"]"#, one),
            td(r#"["${COMPAT}"]"#, one),
            td(r#"["FARGATE"]"#, r#","placementConstraints":"${CONSTRAINTS}""#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      PlacementConstraints:\n        - !If [OnEc2, {Type: memberOf, Expression: x}, !Ref AWS::NoValue]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n".to_string(),
        ];
        let fail = [
            td(r#"["FARGATE"]"#, one),
            td(r#"["EC2","FARGATE"]"#, one),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      PlacementConstraints:\n        - Type: memberOf\n          Expression: attribute:ecs.availability-zone in [us-east-1a]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
