//! ECS010 missing-required-field: an object without a field the API requires (a secret without
//! `valueFrom`, a ulimit without `hardLimit`, a log configuration without `logDriver`).

use crate::rule::Sink;
use crate::structure::{noun, Problem, ProblemKind};

crate::declare_rule! {
    code: "ECS010",
    name: "missing-required-field",
    category: DeployError,
    severity: Error,
    check: Structure(check),
    constraints: [1],
}

/// Required fields that other rules report with a message of their own: a task definition's
/// `family` (ECS109) and `containerDefinitions` (ECS106), a container's name (ECS209) and
/// image (ECS225) as a template's schema requires them.
const REPORTED_ELSEWHERE: [(&str, &str); 4] = [
    ("RegisterTaskDefinitionRequest", "family"),
    ("RegisterTaskDefinitionRequest", "containerDefinitions"),
    ("ContainerDefinition", "Name"),
    ("ContainerDefinition", "Image"),
];

fn check(p: &Problem<'_>, sink: &mut Sink<'_>) {
    let ProblemKind::Required { field } = &p.kind else {
        return;
    };
    if REPORTED_ELSEWHERE.contains(&(p.shape.as_str(), field.as_str())) {
        return;
    }
    let whose = if p.field.is_empty() {
        noun(&p.shape)
    } else {
        format!(
            "`{}` ({})",
            crate::domain::names::shown(&p.field),
            noun(&p.shape)
        )
    };
    sink.report(
        p.span,
        format!(
            "{whose} has no `{field}`, which is required: {}",
            p.refusal()
        ),
    )
    .help(format!("add `{field}`"));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let c = |extra: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27",{extra}}}]}}"#
            )
        };
        let pass = [
            c(
                r#""secrets":[{"name":"DB","valueFrom":"arn:aws:ssm:us-east-1:123456789012:parameter/db"}]"#,
            ),
            c(r#""logConfiguration":{"logDriver":"awslogs"}"#),
            // A placeholder stands for the missing field.
            c(r#""logConfiguration":{ $$$$LOGGING$$$$ }"#),
            // ECS106 says it better.
            r#"{"family":"web","networkMode":"awsvpc"}"#.to_string(),
            // ecspresso's service definition: ecspresso names the service.
            r#"{"taskDefinition":"web","desiredCount":1,"launchType":"FARGATE","deploymentConfiguration":{"maximumPercent":200}}"#.to_string(),
        ];
        let fail = [
            c(r#""secrets":[{"name":"DB"}]"#),
            c(r#""logConfiguration":{"options":{"awslogs-group":"/ecs/web"}}"#),
            r#"{"serviceName":"web","taskDefinition":"web","desiredCount":1,"launchType":"FARGATE","deploymentConfiguration":{"alarms":{"alarmNames":["web-5xx"],"enable":true}}}"#.to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
