//! Where a peer tool is known to be wrong about a rule ecslint shares with it, ecslint is right:
//! each case below is one a peer gets wrong (the rule's `peers` and References name the peer).

mod common;

use ecslint::engine::Plan;

/// The codes ecslint reports on `text` (saved as `name`), with every rule enabled.
fn codes(name: &str, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    let outcome = common::lint(&[path], &Plan::all());
    outcome
        .findings
        .iter()
        .map(|f| f.rule.code.to_string())
        .collect()
}

fn fargate(cpu: &str, memory: &str) -> String {
    format!(
        r#"{{"family":"big","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"{cpu}","memory":"{memory}","executionRoleArn":"arn:aws:iam::1:role/x","containerDefinitions":[{{"name":"app","image":"acme/app:1.0"}}]}}"#
    )
}

/// cfn-lint E3047 refused the 32 vCPU sizes Fargate added (cfn-lint #4668) and `1GB` with 256
/// CPU units (cfn-lint #3879).
#[test]
fn fargate_sizes_cfn_lint_refused_are_valid() {
    for (cpu, memory) in [
        ("32768", "61440"),
        ("32768", "249856"),
        ("256", "1GB"),
        ("32 vCPU", "120 GB"),
    ] {
        let found = codes("task.json", &fargate(cpu, memory));
        assert!(
            !found.contains(&"ECS103".to_string()),
            "{cpu}/{memory}: {found:?}"
        );
    }
    assert!(codes("task.json", &fargate("32768", "32768")).contains(&"ECS103".to_string()));
}

/// checkov CKV_AWS_334 reads a `privilege` key, so it never fires on `privileged: true`.
#[test]
fn privileged_is_read_where_checkov_reads_privilege() {
    let td = |key: &str| {
        format!(
            r#"{{"family":"x","requiresCompatibilities":["EC2"],"containerDefinitions":[{{"name":"app","image":"acme/app:1.0","memory":256,"{key}":true}}]}}"#
        )
    };
    assert!(codes("task.json", &td("privileged")).contains(&"ECS210".to_string()));
    assert!(!codes("task.json", &td("privilege")).contains(&"ECS210".to_string()));
}

/// cdk-nag AwsSolutions-ECS2 fires on any environment variable; a secret in plain text is the
/// mistake, not configuration.
#[test]
fn only_secrets_in_environment_are_reported() {
    let td = |name: &str, value: &str| {
        format!(
            r#"{{"family":"x","containerDefinitions":[{{"name":"app","image":"acme/app:1.0","memory":256,"environment":[{{"name":"{name}","value":"{value}"}}]}}]}}"#
        )
    };
    assert!(!codes("task.json", &td("LOG_LEVEL", "debug")).contains(&"ECS211".to_string()));
    assert!(!codes("task.json", &td("PORT", "8080")).contains(&"ECS211".to_string()));
    assert!(
        codes("task.json", &td("DB_PASSWORD", "s3cr3t-Passw0rd!")).contains(&"ECS211".to_string())
    );
}

/// trivy AVD-AWS-0035 reads every CloudFormation volume as an unencrypted EFS volume, even one
/// with no EFS configuration at all.
#[test]
fn volumes_without_efs_are_not_efs() {
    let template = "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Volumes:\n        - Name: scratch\n          Host: {}\n        - Name: data\n      ContainerDefinitions:\n        - Name: app\n          Image: acme/app:1.0\n          Memory: 256\n";
    assert!(!codes("stack.yaml", template).contains(&"ECS110".to_string()));
    let efs = template.replace(
        "        - Name: data\n",
        "        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId: fs-1\n",
    );
    assert!(codes("stack.yaml", &efs).contains(&"ECS110".to_string()));
}
