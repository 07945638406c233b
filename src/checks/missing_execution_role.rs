//! ECS115 missing-execution-role: a task definition uses something only the task execution role
//! can fetch (secrets, private registry credentials, and on Fargate an Amazon ECR image or the
//! `awslogs` driver) but has no `executionRoleArn`.

use crate::domain::images::is_private_ecr;
use crate::model::fields::{container, log_configuration, task};
use crate::model::value::template_text;
use crate::model::{Container, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS115",
    name: "missing-execution-role",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [60, 61, 62, 63, 64],
}

/// What needs the role, in one container.
struct Need<'a, 't> {
    span: Span,
    container: &'a Container<'t>,
    why: String,
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let Some(view) = td.view() else {
        return;
    };
    match view.text(&task::EXECUTION_ROLE_ARN) {
        Val::Absent => {}
        Val::Known(role, _) if role.trim().is_empty() => {}
        _ => return,
    }
    let fargate = td.is_fargate() == Tri::Yes;
    let needs: Vec<Need> = td
        .containers
        .iter()
        .filter_map(|c| need(c, fargate))
        .collect();
    let Some(first) = needs.first() else {
        return;
    };
    let role = td.key(&task::EXECUTION_ROLE_ARN);
    let c = first.container;
    let finding = sink.report(
        c.at(first.span),
        format!(
            "container {} {}, which needs a task execution role: the task definition has no `{role}`",
            c.label(),
            first.why
        ),
    );
    for other in needs.iter().skip(1).take(3) {
        let c = other.container;
        finding.label(other.span, format!("container {} {}", c.label(), other.why));
    }
    if fargate && needs.iter().any(|n| n.why.contains("Fargate")) {
        if let Some(f) = td.fargate_span() {
            finding.label(f, "Fargate is required here");
        }
    }
    let secrets = if needs.iter().any(|n| n.why.contains("secrets")) {
        ", and read access to the secrets"
    } else {
        ""
    };
    finding.help(format!(
        "set `{role}` to a role that `ecs-tasks.amazonaws.com` can assume, with the managed policy `AmazonECSTaskExecutionRolePolicy`{secrets}"
    ));
}

/// The first thing in `c` that needs the execution role.
fn need<'a, 't>(c: &'a Container<'t>, fargate: bool) -> Option<Need<'a, 't>> {
    let view = c.view();
    let found = |span: Span, why: String| {
        Some(Need {
            span,
            container: c,
            why,
        })
    };
    if let Some(secret) = view.objects(&container::SECRETS).iter().next() {
        let span = view.key_span(&container::SECRETS).unwrap_or(secret.span());
        return found(span, "reads `secrets`".into());
    }
    if let Some(log) = c.log_configuration.as_known() {
        let log = crate::model::View::new(log.node, c.dialect);
        if log
            .objects(&log_configuration::SECRET_OPTIONS)
            .iter()
            .next()
            .is_some()
        {
            let span = log
                .key_span(&log_configuration::SECRET_OPTIONS)
                .unwrap_or(log.span());
            return found(span, "reads log driver `secretOptions`".into());
        }
    }
    if let Some(file) = view.objects(&container::ENVIRONMENT_FILES).iter().next() {
        let span = view
            .key_span(&container::ENVIRONMENT_FILES)
            .unwrap_or(file.span());
        return found(span, "reads `environmentFiles` from Amazon S3".into());
    }
    if let Val::Known(_, span) = view.object(&container::REPOSITORY_CREDENTIALS) {
        let span = view
            .key_span(&container::REPOSITORY_CREDENTIALS)
            .unwrap_or(span);
        return found(span, "pulls with `repositoryCredentials`".into());
    }
    if !fargate {
        // On EC2 the container instance's role pulls images and sends awslogs logs.
        return None;
    }
    if let Some(image) = view.get(&container::IMAGE) {
        if template_text(image).is_some_and(|t| is_private_ecr(&t)) {
            return found(
                image.span,
                "pulls its image from Amazon ECR on Fargate".into(),
            );
        }
    }
    let log = c.log_configuration.as_known()?;
    match log.driver {
        Val::Known("awslogs", span) => {
            found(span, "sends its logs with `awslogs` on Fargate".into())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |compat: &str, role: &str, container: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":{compat},"networkMode":"awsvpc","cpu":"256","memory":"512"{role},"containerDefinitions":[{{"name":"web","essential":true{container}}}]}}"#
            )
        };
        let ecr = r#","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4""#;
        let awslogs = r#","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1","awslogs-stream-prefix":"web"}}"#;
        let secrets = r#","image":"nginx:1.27","secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:us-east-1:123456789012:parameter/db"}]"#;
        let creds = r#","image":"ghcr.io/acme/web:1","repositoryCredentials":{"credentialsParameter":"arn:aws:secretsmanager:us-east-1:123456789012:secret:gh"}"#;
        let role = r#","executionRoleArn":"arn:aws:iam::123456789012:role/ecsTaskExecutionRole""#;
        let pass = [
            td(r#"["FARGATE"]"#, role, ecr),
            td(r#"["FARGATE"]"#, role, secrets),
            td(r#"["FARGATE"]"#, r#","executionRoleArn":"${EXECUTION_ROLE}""#, awslogs),
            // On EC2 the instance role pulls from ECR and sends awslogs logs.
            td(r#"["EC2"]"#, "", ecr),
            td(r#"["EC2"]"#, "", awslogs),
            td(r#"["FARGATE"]"#, "", r#","image":"public.ecr.aws/nginx/nginx:1.27""#),
            td(r#"["FARGATE"]"#, "", r#","image":"${REGISTRY}/web:1""#),
            td(r#"["FARGATE"]"#, "", r#","image":"nginx:1.27","secrets":"${SECRETS}""#),
            td(r#"["${COMPAT}"]"#, "", ecr),
            // An open task definition may hold the role in its placeholder.
            r#"{"family":"web",{{ .Extra }},"requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1"}]}"#.to_string(),
            // A bare container list: the task-level role is elsewhere.
            format!(r#"[{{"name":"web","essential":true{secrets}}}]"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ExecutionRoleArn: !GetAtt Role.Arn\n      ContainerDefinitions:\n        - Name: web\n          Image: !Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:1\n".to_string(),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ExecutionRoleArn: !If [HasRole, !Ref Role, !Ref AWS::NoValue]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Secrets:\n            - Name: A\n              ValueFrom: arn:aws:ssm:us-east-1:1:parameter/a\n".to_string(),
        ];
        let fail = [
            td(r#"["EC2"]"#, "", r#","image":"nginx:1.27","environmentFiles":[{"value":"arn:aws:s3:::cfg/app.env","type":"s3"}]"#),
            td(r#"["EC2"]"#, "", r#","image":"nginx:1.27","logConfiguration":{"logDriver":"splunk","secretOptions":[{"name":"splunk-token","valueFrom":"arn:aws:ssm:us-east-1:1:parameter/t"}]}"#),
            td(r#"["FARGATE"]"#, "", ecr),
            td(r#"["FARGATE"]"#, "", awslogs),
            td(r#"["EC2"]"#, "", secrets),
            td(r#"["EC2"]"#, "", creds),
            td(r#"["FARGATE"]"#, r#","executionRoleArn":"""#, ecr),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ContainerDefinitions:\n        - Name: web\n          Image: !Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:1\n".to_string(),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ContainerDefinitions:\n        - Name: web\n          Image: !Join ['', [!Ref AWS::AccountId, '.dkr.ecr.', !Ref AWS::Region, '.amazonaws.com/web:1']]\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
