//! ECS211 secret-in-environment: a plain-text secret in a container's `environment`.
//! The message names the variable, never its value.

use crate::model::fields::{container, secret};
use crate::model::Spelled;
use crate::model::{Container, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS211",
    name: "secret-in-environment",
    category: Security,
    severity: Error,
    check: Container(check),
    security_severity: "8.5",
    options: Options,
    peers: ["trivy:AVD-AWS-0036", "kics:d40210ea-64b9-4cce-a4fb-e8604f3c062c", "securityhub:ECS.8", "cdk-nag:AwsSolutions-ECS2"],
    constraints: [69],
}

/// Options of ECS211.
#[derive(Debug, Default, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Environment variable names never reported (exact, case-sensitive): names that look
    /// like secrets but hold none in your configuration (`TEST_FIXTURE_PASSWORD`).
    #[serde(default)]
    pub allowed_names: Vec<String>,
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let allowed = sink
        .options::<Options>()
        .map_or(&[][..], |o| o.allowed_names.as_slice());
    for env in &c.environment {
        let (Some(name), Some(span), Some(kind)) = (env.name.known(), env.value.span(), env.secret)
        else {
            continue;
        };
        if allowed.iter().any(|a| a == name) {
            continue;
        }
        sink.report(
            span,
            format!(
                "environment variable `{name}` of container {} holds {} in plain text",
                c.label(),
                kind.describe()
            ),
        )
        .help(format!(
            "store it in Secrets Manager or SSM Parameter Store, and add an entry to the container's `{}` instead, with `{}` \"{name}\" and `{}` <secret or parameter ARN>",
            c.key(&container::SECRETS),
            c.key(&secret::NAME),
            c.key(&secret::VALUE_FROM),
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn secret_in_environment() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"DB_PASSWORD","value":"{{ must_env `DB_PASSWORD` }}"},{"name":"API_TOKEN","value":"${API_TOKEN}"},{"name":"AWS_SECRET_ACCESS_KEY","value":"<AWS_SECRET_ACCESS_KEY>"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"DB_PASSWORD","value":""}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"DB_PASSWORD_SECRET_ARN","value":"arn:aws:secretsmanager:us-east-1:123456789012:secret:db-a1B2c3"},{"name":"TOKEN_URL","value":"https://auth.example.com/token"},{"name":"SECRET_ENABLED","value":"true"},{"name":"PASSWORD_MIN_LENGTH","value":"12"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"DATABASE_PASSWORD","value":"ssm:/billing/prod/db-password"},{"name":"API_TOKEN_PARAMETER","value":"/orders/prod/api-token"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"SORT_KEY","value":"created_at"},{"name":"LOG_LEVEL","value":"debug"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:us-east-1:123456789012:parameter/db"}]}]}"#,
                r#"
family: web
containerDefinitions:
  - name: web
    image: nginx:1.27
    environment:
      - {name: AWS_REGION, value: us-east-1}
      - {name: ALGOLIA_API_KEY_PATH, value: /run/secrets/algolia}"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"UPLOADER_KEY_ID","value":"AKIAIOSFODNN7EXAMPLE"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"DB_PASSWORD","value":"Tr0ub4dor&3xQ"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"MYSQL_ROOT_PASSWORD","value":"root"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"SIGNING_KEY","value":"Xq7#mK2pLz9!Rt4%Wb"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"CACHE_URL","value":"rediss://default:q8Zr2LmV5xT1wN7k@cache.example.com:6380/0"}]}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"SIGNING_PEM","value":"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAzExampleOnly\n-----END RSA PRIVATE KEY-----\n"}]}]}"#,
                r#"{"taskDefinition":{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"STRIPE_API_KEY","value":"sk_demo_4eC39HqLyjWDarjtT1zdp7dc"}]}],"revision":3}}"#,
                r#"[{"name":"web","image":"nginx:1.27","environment":[{"name":"ECS_ENGINE_AUTH_DATA","value":"{}"}]}]"#,
                r#"
family: web
containerDefinitions:
  - name: export
    image: export:1.0
    environment:
      - {name: AWS_SECRET_ACCESS_KEY, value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}"#,
            ],
        );
    }
}
