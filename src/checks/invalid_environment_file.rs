//! ECS236 invalid-environment-file: a container's `environmentFiles` entry that is not an
//! Amazon S3 object ARN of a `.env` file.

use crate::model::fields::{container, environment_file};
use crate::model::{Container, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS236",
    name: "invalid-environment-file",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [68],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let key = c.key(&container::ENVIRONMENT_FILES);
    for file in &c.view().objects(&container::ENVIRONMENT_FILES) {
        if let Val::Known(kind, span) = file.text(&environment_file::TYPE) {
            if kind != "s3" {
                sink.report(
                    c.at(span),
                    format!(
                        "an `{key}` entry of container {} has `{}` `{}`: ECS reads environment files from Amazon S3 only (`s3`)",
                        c.label(),
                        c.key(&environment_file::TYPE),
                        crate::domain::names::shown(kind)
                    ),
                )
                .help(format!("set `{}` to `s3`", c.key(&environment_file::TYPE)));
            }
        }
        let Val::Known(value, span) = file.text(&environment_file::VALUE) else {
            continue;
        };
        let Some(problem) = problem(value) else {
            continue;
        };
        sink.report(
            c.at(span),
            format!(
                "an `{key}` entry of container {} is not an environment file ECS can read: {problem}",
                c.label()
            ),
        )
        .help(format!(
            "set `{}` to the ARN of the S3 object, `arn:aws:s3:::<bucket>/<path>.env`",
            c.key(&environment_file::VALUE)
        ));
    }
}

/// What is wrong with an environment file reference, if anything.
fn problem(value: &str) -> Option<String> {
    if let Some(rest) = value.strip_prefix("s3://") {
        return Some(format!(
            "ECS takes the object's ARN (`arn:aws:s3:::{}`), not an `s3://` URL",
            crate::domain::names::shown(rest)
        ));
    }
    // `arn:<partition>:s3:::<bucket>/<key>`, in any partition (`aws`, `aws-cn`, `aws-us-gov`,
    // the isolated ones).
    let object = value
        .strip_prefix("arn:aws")
        .and_then(|rest| rest.split_once(":s3:::"))
        .filter(|(partition, _)| {
            partition
                .bytes()
                .all(|b| b == b'-' || b.is_ascii_lowercase())
        })
        .map(|(_, object)| object);
    let Some(object) = object else {
        return Some(
            "it is not the ARN of an Amazon S3 object (`arn:aws:s3:::<bucket>/<key>`)".into(),
        );
    };
    match object.split_once('/') {
        Some((bucket, key)) if !bucket.is_empty() && !key.is_empty() => {}
        _ => return Some("the ARN names a bucket, not an object in it".into()),
    }
    (!object.ends_with(".env"))
        .then(|| "the object's name does not end in `.env`, the extension ECS requires".into())
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |files: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"environmentFiles":[{files}]}}]}}"#
            )
        };
        let pass = [
            td(r#"{"value":"arn:aws:s3:::config-bucket/web/prod.env","type":"s3"}"#),
            td(r#"{"value":"arn:aws-cn:s3:::config/web.env","type":"s3"}"#),
            td(r#"{"value":"arn:aws-iso-b:s3:::config/web.env","type":"s3"}"#),
            td(r#"{"value":"${ENV_FILE}","type":"s3"}"#),
            td(r#"{"value":"arn:aws:s3:::${BUCKET}/web.env","type":"s3"}"#),
        ];
        let fail = [
            td(r#"{"value":"s3://config-bucket/web/prod.env","type":"s3"}"#),
            td(r#"{"value":"arn:aws:s3:::config-bucket","type":"s3"}"#),
            td(r#"{"value":"arn:aws:s3:::config-bucket/web/prod.json","type":"s3"}"#),
            td(r#"{"value":"arn:aws:s3:::config-bucket/web/prod.env","type":"S3"}"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n          EnvironmentFiles:\n            - Type: s3\n              Value: s3://config/web.env\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
