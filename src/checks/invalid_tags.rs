//! ECS701 invalid-tags: tags ECS refuses on a task definition, a service or a cluster: a key
//! given twice, a key in the reserved `aws:` namespace.

use crate::model::fields::tag;
use crate::model::{Resource, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS701",
    name: "invalid-tags",
    category: DeployError,
    severity: Error,
    check: Resource(check),
    constraints: [15],
}

fn check(r: &Resource<'_>, sink: &mut Sink<'_>) {
    // describe-services output records the tags AWS added (`aws:cloudformation:*`).
    if matches!(r, Resource::Service(s) if !s.is_input()) {
        return;
    }
    let (Some(view), Some(dialect)) = (r.view(), r.dialect()) else {
        return;
    };
    let key_name = tag::KEY.name(dialect);
    let mut seen: Vec<(&str, crate::span::Span)> = Vec::new();
    for t in &view.objects(&tag::TAGS) {
        let Val::Known(key, span) = t.text(&tag::KEY) else {
            continue;
        };
        if key.len() >= 4 && key[..4].eq_ignore_ascii_case("aws:") {
            sink.report(
                span,
                format!(
                    "the tag `{}` is in the `aws:` namespace, which AWS reserves for its own tags: ECS refuses it",
                    crate::domain::names::shown(key)
                ),
            )
            .help("rename the tag (`team:`, your company's prefix); AWS adds the `aws:` tags itself");
        }
        match seen.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => {
                sink.report(
                    span,
                    format!(
                        "the tag `{}` is given twice: a resource's tag `{key_name}`s are unique, and ECS refuses the request",
                        crate::domain::names::shown(key)
                    ),
                )
                .label(*first, "first given here")
                .help("keep one of the two, with the value you mean");
            }
            None => seen.push((key, span)),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |tags: &str| {
            format!(
                r#"{{"family":"web","tags":[{tags}],"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256}}]}}"#
            )
        };
        let pass = [
            td(r#"{"key":"team","value":"platform"},{"key":"Team","value":"x"}"#),
            td(r#"{"key":"${KEY}","value":"a"},{"key":"${KEY}","value":"b"}"#),
            td(r#"{"key":"awsome","value":"a"}"#),
            r#"{"services":[{"serviceName":"web","taskDefinition":"web:1","tags":[{"key":"aws:cloudformation:stack-name","value":"x"}]}]}"#.to_string(),
        ];
        let fail = [
            td(r#"{"key":"team","value":"platform"},{"key":"team","value":"payments"}"#),
            td(r#"{"key":"aws:cloudformation:stack-name","value":"x"}"#),
            r#"{"serviceName":"web","taskDefinition":"web:1","tags":[{"key":"env","value":"a"},{"key":"env","value":"b"}]}"#.to_string(),
            "Resources:\n  C:\n    Type: AWS::ECS::Cluster\n    Properties:\n      Tags:\n        - Key: AWS:owner\n          Value: me\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
