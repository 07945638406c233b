//! ECS011 value-out-of-range: a number, a length or a list's item count outside what the API
//! accepts (more than 10 containers, 5 security groups, a restart period under 60 seconds…).

use crate::load::Kind;
use crate::rule::Sink;
use crate::structure::{Problem, ProblemKind};

crate::declare_rule! {
    code: "ECS011",
    name: "value-out-of-range",
    category: DeployError,
    severity: Error,
    check: Structure(check),
    constraints: [4, 8, 91, 109, 113, 127, 130, 161],
}

fn check(p: &Problem<'_>, sink: &mut Sink<'_>) {
    let ProblemKind::Range { bound } = &p.kind else {
        return;
    };
    let field = crate::domain::names::shown(&p.field);
    let what = match &p.node.kind {
        Kind::Number(n) => format!("`{field}` is {n}"),
        Kind::Array(items) => format!(
            "`{field}` has {} {}",
            items.len(),
            if items.len() == 1 { "item" } else { "items" }
        ),
        Kind::String(s) => format!("`{field}` has {} characters", s.chars().count()),
        Kind::Object(members) => format!("`{field}` has {} fields", members.len()),
        _ => format!("`{field}`"),
    };
    sink.report(
        p.span,
        format!(
            "{what}, and {}",
            if p.reader == crate::structure::Reader::CloudFormation {
                format!("the resource takes {bound}: CloudFormation rejects it")
            } else {
                format!("the API takes {bound}: ECS refuses the request")
            }
        ),
    )
    .help(format!("keep `{field}` to {bound}"));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let containers = |n: usize| {
            let list: Vec<String> = (0..n)
                .map(|i| format!(r#"{{"name":"c{i}","image":"nginx:1.27"}}"#))
                .collect();
            format!(
                r#"{{"family":"web","containerDefinitions":[{}]}}"#,
                list.join(",")
            )
        };
        let restart = |period: u32| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","restartPolicy":{{"enabled":true,"restartAttemptPeriod":{period}}}}}]}}"#
            )
        };
        let svc = |groups: usize| {
            let sgs: Vec<String> = (0..groups).map(|i| format!(r#""sg-{i:08}""#)).collect();
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web","desiredCount":1,"networkConfiguration":{{"awsvpcConfiguration":{{"subnets":["subnet-1"],"securityGroups":[{}]}}}}}}"#,
                sgs.join(",")
            )
        };
        let pass = [containers(10), restart(60), restart(1800), svc(5)];
        let fail = [containers(11), restart(30), svc(6)];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
