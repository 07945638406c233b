//! ECS008 null-value: `null` where the API takes a typed value (`"ulimits": null`, as console
//! and describe exports write unused fields).

use crate::rule::Sink;
use crate::structure::{Problem, ProblemKind};

crate::declare_rule! {
    code: "ECS008",
    name: "null-value",
    category: DeployError,
    severity: Warning,
    check: Structure(check),
    constraints: [136],
}

fn check(p: &Problem<'_>, sink: &mut Sink<'_>) {
    let ProblemKind::Null { expected } = &p.kind else {
        return;
    };
    let field = crate::domain::names::shown(&p.field);
    sink.report(
        p.span,
        format!("`{field}` is null where {expected} belongs: {}", p.refusal()),
    )
    .help(format!(
        "remove `{field}` (the ECS deploy GitHub Action drops null fields itself; the AWS CLI does not)"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","ulimits":[]}]}"#,
                r#"{"taskDefinition":{"family":"web","revision":1,"containerDefinitions":[{"name":"web","image":"nginx:1.27","ulimits":null}]}}"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","ulimits":null}]}"#,
                r#"{"family":"web","executionRoleArn":null,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"[{"name":"web","image":"nginx:1.27","mountPoints":[{"sourceVolume":"data","containerPath":"/data","readOnly":null}]}]"#,
            ],
        );
    }
}
