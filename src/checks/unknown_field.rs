//! ECS005 unknown-field: a field the AWS API shape does not have (`portBindings`, `entrypoint`),
//! with the field meant when one is close.

use crate::rule::Sink;
use crate::structure::{noun, Problem, ProblemKind, Reader, Suggestion};

crate::declare_rule! {
    code: "ECS005",
    name: "unknown-field",
    category: DeployError,
    severity: Error,
    check: Structure(check),
    constraints: [2],
}

fn check(p: &Problem<'_>, sink: &mut Sink<'_>) {
    let ProblemKind::Unknown { suggestion } = &p.kind else {
        return;
    };
    let field = crate::domain::names::shown(&p.field);
    let consequence = match p.reader {
        Reader::CloudFormation => p.refusal(),
        Reader::AwsCli => "the AWS CLI refuses the input, and the SDKs (the ECS deploy Action, ecspresso, Terraform) drop it, so the setting never applies",
        Reader::Terraform => "Terraform's AWS provider drops it without a word, so the setting never applies",
    };
    let finding = sink.report(
        p.span,
        format!(
            "`{field}` is not a field of {}: {consequence}",
            noun(&p.shape)
        ),
    );
    match suggestion {
        Some(Suggestion::Field(meant)) => finding.help(format!("did you mean `{meant}`?")),
        Some(Suggestion::TaskLevel) => finding.help(format!(
            "`{field}` is a field of the task definition, not of a container: move it out of the container definition"
        )),
        None => finding.help("remove it, or write the field the API reference names"),
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |c: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27",{c}}}]}}"#
            )
        };
        let pass = [
            td(r#""portMappings":[{"containerPort":80}]"#),
            td(r#""entryPoint":["sh"]"#),
            // A placeholder standing for fields: what it holds is unknown.
            td(r#""memory":512, $$$$EXTRA$$$$"#),
            r#"{"taskDefinition":{"family":"web","revision":3,"containerDefinitions":[{"name":"web","image":"nginx:1.27","surprise":1}]}}"#.to_string(),
            r#"{"serviceName":"web","taskDefinition":"web","desiredCount":1}"#.to_string(),
        ];
        let fail = [
            td(r#""portBindings":[{"containerPort":80}]"#),
            td(r#""entrypoint":["sh"]"#),
            td(r#""networkMode":"awsvpc""#),
            td(r#""healthCheck":{"command":["CMD","true"],"intervall":30}"#),
            r#"[{"name":"web","image":"nginx:1.27","portBindings":[]}]"#.to_string(),
            r#"{"serviceName":"web","taskDefinition":"web","desiredCount":1,"loadBalancer":[]}"#
                .to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
