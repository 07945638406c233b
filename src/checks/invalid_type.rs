//! ECS007 invalid-type: a value of another JSON type than the API shape's (`"cpu": 256` where
//! the API takes a string, `"essential": "true"`, `secretOptions` as an object).

use crate::load::Kind;
use crate::rule::Sink;
use crate::structure::{Problem, ProblemKind};

crate::declare_rule! {
    code: "ECS007",
    name: "invalid-type",
    category: DeployError,
    severity: Error,
    check: Structure(check),
    constraints: [3],
}

fn check(p: &Problem<'_>, sink: &mut Sink<'_>) {
    let ProblemKind::Type { expected, found } = &p.kind else {
        return;
    };
    let field = crate::domain::names::shown(&p.field);
    let help = match (&p.node.kind, expected.as_str()) {
        (Kind::Number(_), "a string") => "write the number in quotes".to_string(),
        (Kind::String(s), "an integer" | "a number") if s.trim().parse::<f64>().is_ok() => {
            "write the number without quotes".to_string()
        }
        (Kind::String(s), "a boolean") if matches!(s.as_ref(), "true" | "false") => {
            "write `true` or `false` without quotes".to_string()
        }
        (Kind::Object(_), "a list") => "write a list holding the object".to_string(),
        _ => format!("write {expected}"),
    };
    sink.report(
        p.span,
        format!(
            "`{field}` is {found} where {expected} belongs: {}",
            p.refusal()
        ),
    )
    .help(help);
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |extra: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27"{extra}}}]}}"#
            )
        };
        let pass = [
            td(r#","memory":512,"essential":true"#),
            td(r#","memory":"${MEMORY}""#),
            td(r#","memory":$$$$MEMORY$$$$"#),
            r#"{"family":"web","cpu":"256","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#.to_string(),
        ];
        let fail = [
            td(r#","memory":"512""#),
            td(r#","essential":"true""#),
            td(r#","logConfiguration":{"logDriver":"awsfirelens","secretOptions":{"name":"t","valueFrom":"arn:aws:ssm:us-east-1:123456789012:parameter/t"}}"#),
            r#"{"family":"web","cpu":256,"containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#.to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
