//! ECS012 invalid-value-format: a string that does not have the format the API documents (a
//! service name with a space, a Service Connect DNS name in capitals, a tag key with `#`).

use crate::rule::Sink;
use crate::structure::{Problem, ProblemKind};

crate::declare_rule! {
    code: "ECS012",
    name: "invalid-value-format",
    category: DeployError,
    severity: Error,
    check: Structure(check),
    constraints: [114],
}

fn check(p: &Problem<'_>, sink: &mut Sink<'_>) {
    let ProblemKind::Pattern { pattern } = &p.kind else {
        return;
    };
    let Some(value) = p.node.as_str() else {
        return;
    };
    let field = crate::domain::names::shown(&p.field);
    sink.report(
        p.span,
        format!(
            "`{field}` is `{}`, which does not have the accepted format: {}",
            crate::domain::names::shown(value),
            p.rejection()
        ),
    )
    .help(format!("write `{field}` to match `{pattern}`"));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |name: &str| {
            format!(r#"{{"serviceName":"{name}","taskDefinition":"web","desiredCount":1}}"#)
        };
        let pass = [svc("web"), svc("web_api-2"), svc("${SERVICE}")];
        let fail = [svc("web api"), svc("web.api")];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
