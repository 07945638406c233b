//! ECS225 missing-container-image: a container definition has no `image`.

use crate::model::fields::container;
use crate::model::{Container, Spelled, TaskDef, TaskDefShape, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS225",
    name: "missing-container-image",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [11],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // A file holding one container object may be a fragment merged with the rest elsewhere.
    if td.shape == TaskDefShape::SingleContainer {
        return;
    }
    let key = c.key(&container::IMAGE);
    let (at, message) = match c.image {
        Val::Absent => (
            c.missing(),
            format!(
                "container {} has no `{key}`: ECS refuses the task definition",
                c.label()
            ),
        ),
        Val::Known(image, span) if image.trim().is_empty() => (
            c.at(span),
            format!(
                "container {} has an empty `{key}`: ECS refuses the task definition",
                c.label()
            ),
        ),
        _ => return,
    };
    sink.report(at, message).help(format!(
        "set `{key}` to the image to run, for example `public.ecr.aws/nginx/nginx:1.27` or `123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2`"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |c: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","memory":256{c}}}]}}"#
            )
        };
        let pass = [
            td(r#","image":"nginx:1.27""#),
            td(r#","image":"<IMAGE1_NAME>""#),
            td(r#","image":"${IMAGE}""#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: !Ref ImageUri\n".to_string(),
        ];
        let fail = [
            td(""),
            td(r#","image":"""#),
            td(r#","image":null"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Memory: 256\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
