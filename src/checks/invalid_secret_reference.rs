//! ECS227 invalid-secret-reference: a secret's `valueFrom` (or a log driver's secret option, or
//! a private registry's credentials) is an ARN ECS cannot fetch from.

use crate::model::fields::{container, log_configuration, secret};
use crate::model::{Container, Spelled, TaskDef, Val, View};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS227",
    name: "invalid-secret-reference",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [63, 65],
}

/// `repositoryCredentials.credentialsParameter`.
static CREDENTIALS_PARAMETER: crate::model::Field = crate::model::Field {
    api: "credentialsParameter",
    cloudformation: "CredentialsParameter",
    terraform: Some("credentialsParameter"),
    compose: None,
};

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let view = c.view();
    let mut refs: Vec<(&str, Span)> = view
        .objects(&container::SECRETS)
        .iter()
        .filter_map(|s| s.text(&secret::VALUE_FROM).known_at())
        .collect();
    if let Some(log) = c.log_configuration.as_known() {
        let log = View::new(log.node, c.dialect);
        refs.extend(
            log.objects(&log_configuration::SECRET_OPTIONS)
                .iter()
                .filter_map(|s| s.text(&secret::VALUE_FROM).known_at()),
        );
    }
    for (value, span) in refs {
        if let Some(problem) = secret_problem(value) {
            sink.report(
                c.at(span),
                format!("container {} reads a secret from {problem}", c.label()),
            )
            .help(secret_help(value));
        }
    }
    if let Val::Known(creds, _) = view.object(&container::REPOSITORY_CREDENTIALS) {
        if let Val::Known(arn, span) = creds.text(&CREDENTIALS_PARAMETER) {
            if arn.starts_with("arn:") && arn.split(':').nth(2) != Some("secretsmanager") {
                sink.report(
                    c.at(span),
                    format!(
                        "the `{}` of container {} is not a Secrets Manager secret: private registry credentials are read from Secrets Manager only",
                        c.key(&CREDENTIALS_PARAMETER),
                        c.label()
                    ),
                )
                .help("store the registry's user name and password as a Secrets Manager secret and give its ARN");
            }
        }
    }
}

/// What is wrong with a `valueFrom`, if anything. A value not starting with `arn:` is the name
/// of a Parameter Store parameter of the same Region and is accepted.
fn secret_problem(value: &str) -> Option<String> {
    if !value.starts_with("arn:") {
        return None;
    }
    let fields: Vec<&str> = value.split(':').collect();
    let service = fields.get(2).copied().unwrap_or_default();
    match service {
        "ssm" => {
            let resource = fields.get(5..).map(|r| r.join(":")).unwrap_or_default();
            if fields.len() < 6 || !resource.starts_with("parameter/") {
                Some("an SSM ARN that names no parameter: it must end in `:parameter/<name>`".into())
            } else if resource.starts_with("parameter//") {
                Some("an SSM ARN with `parameter//`: a parameter named `/a/b` is `parameter/a/b` in its ARN".into())
            } else {
                None
            }
        }
        "secretsmanager" => match fields.len() {
            7 | 10 if fields[5] == "secret" && !fields[6].is_empty() => None,
            8 | 9 if fields[5] == "secret" => Some(format!(
                "a Secrets Manager ARN with {} `:`-separated fields: it must have 7 (the whole secret) or 10 (`:<json-key>:<version-stage>:<version-id>`, the empty ones kept)",
                fields.len()
            )),
            _ => Some("a Secrets Manager ARN that names no secret: it must be `arn:aws:secretsmanager:<region>:<account>:secret:<name>`".into()),
        },
        "" => Some("an ARN without a service".into()),
        other => Some(format!(
            "an ARN of `{other}`: ECS fetches secrets from Secrets Manager or Systems Manager Parameter Store only"
        )),
    }
}

fn secret_help(value: &str) -> String {
    if value.split(':').nth(2) == Some("secretsmanager") {
        "to read one key of a JSON secret, append `:<json-key>::` (version stage and id empty), for example `…:secret:db-AbCdEf:password::`".into()
    } else {
        "give the ARN of a Secrets Manager secret or a Parameter Store parameter (`arn:aws:ssm:<region>:<account>:parameter/<name>`)".into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |value: &str| {
            format!(
                r#"{{"family":"web","executionRoleArn":"arn:aws:iam::1:role/x","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"secrets":[{{"name":"S","valueFrom":"{value}"}}]}}]}}"#
            )
        };
        let pass = [
            td("db-password"),
            td("/prod/db/password"),
            td("arn:aws:ssm:us-east-1:123456789012:parameter/prod/db/password"),
            td("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"),
            td("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::"),
            td("arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db-AbCdEf:password:AWSCURRENT:"),
            td("${SECRET_ARN}"),
            td("arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db"),
        ];
        let fail = [
            td("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password"),
            td("arn:aws:ssm:us-east-1:123456789012:parameter//prod/db/password"),
            td("arn:aws:kms:us-east-1:123456789012:key/1234"),
            td("arn:aws:ssm:us-east-1:123456789012:db-password"),
            r#"{"family":"web","executionRoleArn":"arn:aws:iam::1:role/x","containerDefinitions":[{"name":"web","image":"ghcr.io/acme/web:1","memory":256,"repositoryCredentials":{"credentialsParameter":"arn:aws:ssm:us-east-1:123456789012:parameter/ghcr"}}]}"#.to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
