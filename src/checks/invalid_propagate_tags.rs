//! ECS323 invalid-propagate-tags: `propagateTags: NONE` in a service to create, a value
//! describe output writes and create-service refuses.

use crate::model::fields::service;
use crate::model::{Service, ServiceShape, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS323",
    name: "invalid-propagate-tags",
    category: DeployError,
    severity: Error,
    check: Service(check),
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    if !matches!(s.shape, ServiceShape::CreateInput | ServiceShape::Template) {
        return;
    }
    let Val::Known(value, span) = s.view().text(&service::PROPAGATE_TAGS) else {
        return;
    };
    if !value.eq_ignore_ascii_case("NONE") {
        return;
    }
    let key = s.key(&service::PROPAGATE_TAGS);
    sink.report(
        span,
        format!(
            "`{key}` `{value}` is what describe-services reports for a service that propagates no tags, and creating a service refuses it (\"Propagate tags should be one of [SERVICE,TASK_DEFINITION]\")"
        ),
    )
    .help(format!(
        "remove `{key}` to propagate no tags, or set it to `SERVICE` or `TASK_DEFINITION`"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |fields: &str| {
            format!(r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main"{fields}}}"#)
        };
        let pass = [
            svc(r#","propagateTags":"SERVICE""#),
            svc(""),
            svc(r#","propagateTags":"${PROPAGATE}""#),
            r#"{"services":[{"serviceName":"web","taskDefinition":"web:1","propagateTags":"NONE"}]}"#.to_string(),
        ];
        let fail = [
            svc(r#","propagateTags":"NONE""#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      PropagateTags: NONE\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
