//! ECS006 read-only-field: a field ECS sets in `describe-*` output (`revision`, `status`,
//! `taskDefinitionArn`, `serviceArn`…) in a register or create input.

use crate::rule::Sink;
use crate::structure::{Problem, ProblemKind};

crate::declare_rule! {
    code: "ECS006",
    name: "read-only-field",
    category: DeployError,
    severity: Warning,
    check: Structure(check),
    constraints: [134, 135],
}

fn check(p: &Problem<'_>, sink: &mut Sink<'_>) {
    let ProblemKind::ReadOnly {
        output,
        input,
        fields,
        renamed,
    } = &p.kind
    else {
        return;
    };
    if let Some(to) = renamed {
        let field = &p.field;
        sink.report(
            p.span,
            format!("`{field}` is the name {output} output gives this field; {input} refuses it and takes it as `{to}`"),
        )
        .help(format!("rename `{field}` to `{to}`"));
        return;
    }
    let listed: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
    let (these, them) = if fields.len() == 1 {
        ("this field", "it")
    } else {
        ("these fields", "them")
    };
    sink.report(
        p.span,
        format!(
            "this input was copied from {output} output: ECS sets {these} ({}), and {input} refuses {them}",
            listed.join(", ")
        ),
    )
    .help(format!(
        "remove {them} (the ECS deploy GitHub Action and ecspresso drop {them} before registering; the AWS CLI refuses {them})"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinition":{"family":"web","revision":3,"status":"ACTIVE","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}}"#,
                r#"{"service":{"serviceName":"web","serviceArn":"arn:aws:ecs:us-east-1:123456789012:service/c/web","taskDefinition":"web"}}"#,
                // ecspresso renders and registers these, dropping the describe fields.
                r#"{"family":"web","revision":3,"containerDefinitions":[{"name":"web","image":"{{ must_env `IMAGE` }}"}]}"#,
                r#"{"taskDefinition":"web","desiredCount":1,"runningCount":1}"#,
            ],
            &[
                r#"{"family":"web","revision":3,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"taskDefinitionArn":"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3","family":"web","status":"ACTIVE","compatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"serviceName":"web","taskDefinition":"web","desiredCount":1,"roleArn":"arn:aws:iam::123456789012:role/ecsServiceRole"}"#,
                r#"{"service":"web","cluster":"production","desiredCount":2,"runningCount":2}"#,
            ],
        );
    }
}
