//! ECS702 missing-tags: a task definition or a service in API JSON with no tags.

use crate::model::fields::tag;
use crate::model::{Dialect, Resource, ServiceShape, TaskDefShape};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS702",
    name: "missing-tags",
    category: BestPractice,
    severity: Warning,
    check: Resource(check),
    profile: All,
    constraints: [182],
}

fn check(r: &Resource<'_>, sink: &mut Sink<'_>) {
    // Templates and Terraform tag from the stack or the provider (`default_tags`), which the
    // resource does not show; outputs record what was registered.
    let (anchor, what) = match r {
        Resource::TaskDef(td)
            if td.dialect == Dialect::Api && td.shape == TaskDefShape::RegisterInput =>
        {
            (td.anchor, "task definition")
        }
        Resource::Service(s)
            if s.dialect == Dialect::Api && s.shape == ServiceShape::CreateInput =>
        {
            (s.anchor, "service")
        }
        _ => return,
    };
    let Some(view) = r.view() else {
        return;
    };
    if view.get(&tag::TAGS).is_some() {
        return;
    }
    sink.report(
        anchor,
        format!(
            "the {what} has no `{}`: cost allocation, ownership and tag-based access policies cannot tell what it belongs to",
            tag::TAGS.name(Dialect::Api)
        ),
    )
    .help("add `tags` with the keys your organisation allocates by (`team`, `service`, `environment`); set `propagateTags` on services to pass them to tasks");
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let pass = [
            r#"{"family":"web","tags":[{"key":"team","value":"web"}],"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256}]}"#,
            r#"{"serviceName":"web","taskDefinition":"web:1","cluster":"main","tags":[{"key":"team","value":"web"}]}"#,
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n",
            r#"{"family":"web","tags":"${TAGS}","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256}]}"#,
        ];
        let fail = [
            r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256}]}"#,
            r#"{"serviceName":"web","taskDefinition":"web:1","cluster":"main"}"#,
        ];
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
