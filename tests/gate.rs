//! An honest gate: what ecslint did not read is said, in every format; template files are
//! linted around their placeholders; a file named on the command line that ecslint cannot
//! read is reported on standard error.

mod common;

use std::path::Path;

use common::{bin, git, run_json, write};

const CFN: &str = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: web\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 256\n";
const JSONNET: &str = "{ family: 'web', containerDefinitions: [] }\n";
const CFN_NO_ECS: &str =
    "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";
const TF: &str = "resource \"aws_ecs_task_definition\" \"web\" {\n  family = \"web\"\n  container_definitions = jsonencode([{ name = \"web\", image = \"nginx:1.27\", memory = 256 }])\n}\n";
const TF_JSON: &str = r#"{"resource": {"aws_ecs_task_definition": {"web": {"family": "web", "container_definitions": "[{\"name\": \"web\", \"image\": \"nginx:1.27\", \"memory\": 256}]"}}}}"#;
const TERRAGRUNT: &str = "terraform {\n  source = \"../modules/aws_ecs_service\"\n}\n";
const TF_MODULE: &str = "module \"ecs\" {\n  source = \"terraform-aws-modules/ecs/aws\"\n}\n";
const TF_NO_ECS: &str = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n";
const TASK: &str = r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256}]}"#;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin().current_dir(dir).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_cloudformation_template_named_alone_is_linted() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "stack.yaml", CFN);
    let (code, out, err) = run(dir.path(), &["stack.yaml", "--color", "never"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("No problems found (1 file, 1 resource linted)."),
        "{out}"
    );
}

#[test]
fn a_jsonnet_file_named_alone_is_not_called_clean() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "app.jsonnet", JSONNET);
    let (code, out, err) = run(dir.path(), &["app.jsonnet", "--color", "never"]);
    assert_eq!(code, 0);
    assert!(!out.contains("No problems found ("), "{out}");
    assert!(
        out.contains("Not read: 1 Jsonnet file (not read yet)"),
        "{out}"
    );
    assert!(
        err.contains("warning: app.jsonnet: not read (Jsonnet files are not read yet)"),
        "{err}"
    );
}

#[test]
fn a_terraform_file_is_read_as_hcl_never_as_yaml() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "main.tf", TF);
    let (code, doc, err) = run_json(dir.path(), &["main.tf"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(doc["findings"], serde_json::json!([]));
    assert_eq!(doc["summary"]["linted"], 1);

    // Terraform's JSON syntax is read like a `.tf` file.
    write(dir.path(), "web.tf.json", TF_JSON);
    let (code, doc, err) = run_json(dir.path(), &["web.tf.json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(doc["summary"]["linted"], 1);

    write(dir.path(), "terragrunt.hcl", TERRAGRUNT);
    write(dir.path(), "ecs.tf", TF_MODULE);
    write(dir.path(), "vars.tfvars", "cpu = 256\n");
    write(dir.path(), "vars.tfvars.json", r#"{"cpu": 256}"#);
    write(dir.path(), "app.jsonnet", "{ family: 'web' }\n");
    for name in [
        "terragrunt.hcl",
        "ecs.tf",
        "vars.tfvars",
        "vars.tfvars.json",
        "app.jsonnet",
    ] {
        let (code, doc, err) = run_json(dir.path(), &[name]);
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(doc["findings"], serde_json::json!([]), "{name}");
        assert!(
            err.contains(&format!("warning: {name}: not read")),
            "{name}: {err}"
        );
        assert_eq!(doc["summary"]["not_read"][0]["count"], 1, "{name}");
    }
    // Named again: said again, every time.
    let (_, _, err) = run(dir.path(), &["terragrunt.hcl"]);
    assert!(
        err.contains("terragrunt.hcl: not read (HCL files are not read yet)"),
        "{err}"
    );
    let (_, _, err) = run(dir.path(), &["ecs.tf"]);
    assert!(
        err.contains("ecs.tf: not read (Terraform files calling an ECS module are not read yet)"),
        "{err}"
    );
    write(
        dir.path(),
        "README.md",
        "# Deploy\n\nSet portMappings: like this\n",
    );
    let (_, _, err) = run(dir.path(), &["README.md"]);
    assert!(err.contains("README.md: not read"), "{err}");
}

#[test]
fn walking_counts_unread_files_that_hold_ecs_resources_in_every_format() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    write(p, "task.json", TASK);
    write(p, "cfn/a.yaml", CFN);
    write(
        p,
        "cfn/b.json",
        r#"{"Resources": {"Svc": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "web:1"}}}}"#,
    );
    write(p, "cfn/s3.yaml", CFN_NO_ECS);
    write(p, "jsonnet/app.jsonnet", JSONNET);
    write(p, "tf/terragrunt.hcl", TERRAGRUNT);
    write(p, "tf/ecs.tf", TF_MODULE);
    write(p, "tf/s3.tf", TF_NO_ECS);
    write(p, "notes.md", "containerDefinitions are described here\n");

    let (code, doc, _) = run_json(p, &["."]);
    assert_eq!(code, 0);
    assert_eq!(
        doc["summary"]["not_read"],
        serde_json::json!([
            {"count": 1, "format": "terraform-module", "reason": "not read yet"},
            {"count": 1, "format": "hcl", "reason": "not read yet"},
            {"count": 1, "format": "jsonnet", "reason": "not read yet"},
        ])
    );

    let (_, out, err) = run(p, &[".", "--color", "never"]);
    assert!(
        out.contains("No problems found in the files read (3 files, 3 resources linted).\nNot read: 1 Terraform file calling an ECS module, 1 HCL file, 1 Jsonnet file (not read yet); --verbose lists them."),
        "{out}"
    );
    assert_eq!(err, "", "walked files are listed only under --verbose");
    let (_, _, err) = run(p, &[".", "--verbose"]);
    for name in ["jsonnet/app.jsonnet", "tf/terragrunt.hcl", "tf/ecs.tf"] {
        assert!(err.contains(&format!("not read: {name}")), "{name}: {err}");
    }
    assert!(
        err.contains(
            "skipped: tf/s3.tf (a Terraform file without ECS or Elastic Load Balancing resources)"
        ),
        "{err}"
    );
    assert!(
        err.contains("skipped: cfn/s3.yaml (a CloudFormation template without ECS or Elastic Load Balancing resources)"),
        "{err}"
    );

    let (_, sarif, _) = run(p, &[".", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).expect("sarif");
    let note = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(
        note["message"]["text"],
        "3 files were not read: 1 Terraform file calling an ECS module, 1 HCL file, 1 Jsonnet file (not read yet)"
    );
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );

    let (_, gh, _) = run(p, &[".", "--format", "github"]);
    assert!(
        gh.starts_with("::warning title=ecslint::Not read: 1 Terraform file calling an ECS module, 1 HCL file, 1 Jsonnet file"),
        "{gh}"
    );

    let (_, md, _) = run(p, &[".", "--format", "markdown"]);
    assert!(md.contains("No problems found in the files read"), "{md}");
    assert!(
        md.contains("Not read: 1 Terraform file calling an ECS module, 1 HCL file, 1 Jsonnet file"),
        "{md}"
    );
}

#[test]
fn template_files_are_linted_around_their_placeholders() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    // envsubst, jq, Helm and `<NAME>` placeholders where values belong, and one where a
    // container belongs: the rest of the file is still checked.
    write(
        p,
        "task.json",
        r#"{
  "family": $NAME,
  "cpu": ${CPU},
  "memory": {{ .Values.memory }},
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {"name": "web", "image": "nginx:1.27", "memory": $$$$MEM$$$$,
     "portMappings": [{"containerPort": 80, "hostPort": 8080}, <MORE>]},
    ${SIDECAR}
  ]
}"#,
    );
    let (code, doc, _) = run_json(p, &["task.json"]);
    assert_eq!(code, 1);
    assert_eq!(
        common::finding_list(&doc, false),
        vec!["task.json ECS201"],
        "{doc}"
    );
    let (_, _, err) = run(p, &["task.json", "--verbose"]);
    assert!(
        err.contains("a template: 6 placeholders read as unknown values"),
        "{err}"
    );

    // A real syntax error in a template is still an error.
    write(
        p,
        "broken.json",
        "{\"family\": ${NAME}\n \"cpu\": ${CPU}}\n",
    );
    let (code, doc, _) = run_json(p, &["broken.json"]);
    assert_eq!(code, 1);
    assert_eq!(
        common::finding_list(&doc, false),
        vec!["broken.json ECS001"]
    );
    assert_eq!(doc["findings"][0]["line"], 1);
}

#[test]
fn changed_since_reports_what_a_change_breaks_in_unchanged_files() {
    let repo = tempfile::tempdir().expect("tmp");
    let p = repo.path();
    git(p, &["init", "-q", "-b", "main"]);
    let task = r#"{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{"containerPort": 8080}]}]}"#;
    write(p, "task.json", task);
    write(
        p,
        "service.json",
        r#"{"serviceName": "web", "taskDefinition": "web", "desiredCount": 1, "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1", "containerName": "web", "containerPort": 8080}]}"#,
    );
    write(
        p,
        "other.json",
        &task
            .replace("\"web\"", "\"other\"")
            .replace("8080}]", "8080, \"hostPort\": 9090}]"),
    );
    git(p, &["add", "."]);
    git(p, &["commit", "-q", "-m", "base"]);
    let (code, doc, _) = run_json(p, &["--changed-since", "HEAD"]);
    assert_eq!((code, common::finding_list(&doc, false)), (0, vec![]));

    // Rename the container in the task definition only: the unchanged service breaks.
    write(
        p,
        "task.json",
        &task.replace("\"name\": \"web\"", "\"name\": \"app\""),
    );
    let (code, doc, err) = run_json(p, &["--changed-since", "HEAD"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        common::finding_list(&doc, false),
        vec!["service.json ECS401"],
        "other.json's old finding is still not reported"
    );

    // What is not shown is said.
    assert_eq!(doc["summary"]["not_changed"], 1, "{doc}");
    let (_, out, _) = run(p, &["--changed-since", "HEAD", "--color", "never"]);
    assert!(
        out.contains("1 finding in files not changed (and not linked to a change) not shown"),
        "{out}"
    );

    // From outside the repository: the repository that holds the given path is used.
    let elsewhere = tempfile::tempdir().expect("tmp");
    let (code, doc, err) = run_json(
        elsewhere.path(),
        &[&p.display().to_string(), "--changed-since", "HEAD"],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(doc["findings"].as_array().map(Vec::len), Some(1), "{doc}");
    assert_eq!(doc["findings"][0]["rule"], "ECS401");
    // A path in no repository is a clear error.
    let (code, _, err) = run_json(elsewhere.path(), &[".", "--changed-since", "HEAD"]);
    assert_eq!(code, 2);
    assert!(err.contains("--changed-since HEAD"), "{err}");
}

const FINDING: &str = r#"{"family": "a", "networkMode": "awsvpc", "containerDefinitions": [{"name": "a", "image": "a:1", "memory": 128, "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]}"#;

#[test]
fn exit_zero_and_fail_on_never_report_without_failing() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "task.json", FINDING);
    assert_eq!(run(dir.path(), &["task.json"]).0, 1);
    for args in [
        &["task.json", "--exit-zero"][..],
        &["task.json", "--fail-on", "never"],
    ] {
        let (code, out, _) = run(dir.path(), args);
        assert_eq!(code, 0, "{args:?}");
        assert!(
            out.contains("ECS201"),
            "{args:?}: the findings are still reported"
        );
    }
    write(dir.path(), ".ecslint.toml", "fail-on = \"never\"\n");
    assert_eq!(run(dir.path(), &["task.json"]).0, 0);
    // A usage error still exits 2.
    assert_eq!(run(dir.path(), &["missing.json", "--exit-zero"]).0, 2);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("tmp");
    for i in 0..200 {
        write(dir.path(), &format!("t{i:03}.json"), FINDING);
    }
    let exe = assert_cmd::cargo::cargo_bin("ecslint");
    // The reader closes its end before ecslint writes the report.
    let mut child = std::process::Command::new(&exe)
        .args(["--color", "never", "."])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("Broken pipe") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn statistics_work_in_json_and_are_refused_where_they_cannot() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "task.json", FINDING);
    let (_, doc, _) = run_json(dir.path(), &["task.json", "--statistics"]);
    assert_eq!(
        doc["statistics"],
        serde_json::json!([{"count": 1, "name": "host-port-mismatch", "rule": "ECS201", "severity": "error"}])
    );
    for format in ["sarif", "github", "junit", "markdown"] {
        let (code, out, err) = run(
            dir.path(),
            &["task.json", "--statistics", "--format", format],
        );
        assert_eq!(code, 2, "{format}");
        assert_eq!(out, "");
        assert!(err.contains("--statistics"), "{format}: {err}");
    }
}

#[test]
fn output_polish() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    // One word for the info level, in the header and in the summary.
    write(p, "task.json", FINDING);
    write(p, ".ecslint.toml", "[severity]\nECS201 = \"info\"\n");
    let (_, out, _) = run(p, &["task.json", "--color", "never"]);
    assert!(out.starts_with("info[ECS201 host-port-mismatch]"), "{out}");
    assert!(out.contains("Found 1 info in 1 file"), "{out}");
    // The configuration file is named, not counted as a linted file with findings.
    write(
        p,
        ".ecslint.toml",
        "[[suppress]]\nrule = \"ECS201\"\npath = \"*.json\"\nresource = \"other\"\nreason = \"legacy\"\n",
    );
    let (_, out, _) = run(p, &["task.json", "--color", "never"]);
    assert!(
        out.contains("in 1 file and .ecslint.toml (1 file, 1 resource linted)"),
        "{out}"
    );
    let (_, doc, _) = run_json(p, &["task.json"]);
    assert_eq!(doc["summary"]["files"], 1);
    // Markdown shows `<secret or parameter ARN>` as text, not as an HTML tag.
    std::fs::remove_file(p.join(".ecslint.toml")).expect("rm");
    write(
        p,
        "secret.json",
        r#"{"family": "s", "containerDefinitions": [{"name": "s", "image": "s:1", "memory": 128, "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}]}"#,
    );
    let (_, md, _) = run(p, &["secret.json", "--format", "markdown"]);
    assert!(md.contains("&lt;secret or parameter ARN&gt;"), "{md}");
    assert!(!md.contains("<secret or parameter ARN>"), "{md}");
    assert!(!md.contains("hunter2"));
    // A container name with accents gets a sensible suggestion.
    write(
        p,
        "name.json",
        r#"{"family": "n", "containerDefinitions": [{"name": "café-ü", "image": "n:1", "memory": 128}]}"#,
    );
    let (_, doc, _) = run_json(p, &["name.json"]);
    let help = doc["findings"][0]["help"].as_str().unwrap_or_default();
    assert!(help.contains("\"cafe-u\""), "{help}");
}

#[test]
fn the_man_page_has_the_sections_people_look_for() {
    let out = bin().arg("man").output().expect("runs");
    let page = String::from_utf8_lossy(&out.stdout);
    for section in [
        ".SH \"EXIT STATUS\"",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(section), "{section}");
    }
}

#[test]
fn the_nearest_config_above_each_file_applies() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    write(p, ".ecslint.toml", "[severity]\nECS201 = \"warning\"\n");
    write(p, "task.json", FINDING);
    write(
        p,
        "team/.ecslint.toml",
        "ignore = [\"ECS201\"]\nexclude = [\"generated\"]\n\n[[suppress]]\nrule = \"ECS211\"\npath = \"*.json\"\nreason = \"a test password\"\n",
    );
    write(p, "team/task.json", FINDING);
    write(
        p,
        "team/secret.json",
        r#"{"family": "s", "containerDefinitions": [{"name": "s", "image": "s:1", "memory": 128, "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}]}"#,
    );
    write(p, "team/generated/task.json", FINDING);
    write(
        p,
        "other/secret.json",
        r#"{"family": "s", "containerDefinitions": [{"name": "s", "image": "s:1", "memory": 128, "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}]}"#,
    );

    let expected = vec![
        "other/secret.json ECS211 error".to_string(),
        "task.json ECS201 warning".to_string(),
    ];
    let (code, doc, err) = run_json(p, &["."]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(common::finding_list(&doc, true), expected);
    assert_eq!(
        doc["summary"]["suppressed"], 1,
        "team's [[suppress]] applies to team's files"
    );

    // From inside `team/`, `..` is linted with the same settings per file.
    let (_, doc, _) = run_json(&p.join("team"), &[".."]);
    assert_eq!(
        common::finding_list(&doc, true),
        vec![
            "../other/secret.json ECS211 error".to_string(),
            "../task.json ECS201 warning".to_string(),
        ]
    );
    // From outside, naming the directory.
    let elsewhere = tempfile::tempdir().expect("tmp");
    let (_, doc, _) = run_json(elsewhere.path(), &[&p.display().to_string()]);
    assert_eq!(doc["findings"].as_array().map(Vec::len), Some(2), "{doc}");
    // `--config` names the one configuration for every file.
    let (_, doc, _) = run_json(p, &[".", "--config", ".ecslint.toml"]);
    let list = common::finding_list(&doc, false);
    assert!(
        list.contains(&"team/task.json ECS201".to_string()),
        "{list:?}"
    );
    assert!(
        list.contains(&"team/generated/task.json ECS201".to_string()),
        "{list:?}"
    );
}

#[test]
fn a_minified_file_is_cut_around_the_caret() {
    let dir = tempfile::tempdir().expect("tmp");
    let env: Vec<String> = (0..60)
        .map(|i| format!(r#"{{"name":"K{i}","value":"vvvvvvvvvvvvvvvvvvvv"}}"#))
        .collect();
    let task = format!(
        r#"{{"family":"web","networkMode":"awsvpc","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":128,"environment":[{}],"portMappings":[{{"containerPort":80,"hostPort":8080}}]}}]}}"#,
        env.join(",")
    );
    assert!(task.len() > 1900);
    write(dir.path(), "min.json", &task);
    let (_, out, _) = run(dir.path(), &["min.json", "--color", "never"]);
    let column = task.find("8080").expect("8080") + 1;
    assert!(out.contains(&format!("min.json:1:{column}")), "{out}");
    for line in out.lines() {
        assert!(
            line.chars().count() < 200,
            "a line of {} characters: {line}",
            line.len()
        );
    }
    let excerpt = out.lines().find(|l| l.starts_with("1 │")).expect("excerpt");
    assert!(
        excerpt.contains("…") && excerpt.contains("\"hostPort\":8080"),
        "{excerpt}"
    );
    let caret = out.lines().find(|l| l.contains("^^^^")).expect("caret");
    assert_eq!(
        caret.find("^^^^").map(|c| caret[..c].chars().count()),
        excerpt.find("8080").map(|c| excerpt[..c].chars().count()),
        "the caret is under 8080"
    );
}

#[test]
fn containers_reached_through_a_merge_key_are_named() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "task.yaml",
        "family: web\nnetworkMode: awsvpc\nx-base: &base\n  image: nginx:1.27\n  memory: 128\n  portMappings:\n    - containerPort: 80\n      hostPort: 8080\ncontainerDefinitions:\n  - <<: *base\n    name: a\n  - <<: *base\n    name: b\n",
    );
    let (_, doc, _) = run_json(dir.path(), &["task.yaml"]);
    let messages: Vec<&str> = doc["findings"]
        .as_array()
        .map(|a| a.iter().filter_map(|f| f["message"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(messages.len(), 2, "{doc}");
    assert_ne!(messages[0], messages[1]);
    assert!(
        messages.iter().any(|m| m.contains("container `a`")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("container `b`")),
        "{messages:?}"
    );
}

#[test]
fn yaml_go_templates_are_linted_and_conditional_blocks_are_unknown() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    write(
        p,
        "task.yaml",
        "family: {{ .Values.name }}\nnetworkMode: awsvpc\n{{- if .Values.fargate }}\nrequiresCompatibilities: [FARGATE]\n{{- end }}\ncontainerDefinitions:\n  - name: web\n    image: {{ .Values.repo }}:latest\n    memory: {{ .Values.memory }}\n    portMappings:\n      - containerPort: 80\n        hostPort: 8080\n    environment:\n      {{- toYaml .Values.env | nindent 6 }}\n",
    );
    let (code, doc, _) = run_json(p, &["task.yaml", "--select", "deploy-error,wiring,ECS212"]);
    assert_eq!(code, 1);
    // The Fargate block is conditional: no "Fargate needs cpu" from a branch that may not be
    // taken; what the file states for sure is still checked.
    assert_eq!(
        common::finding_list(&doc, false),
        vec!["task.yaml ECS212", "task.yaml ECS201"],
        "{doc}"
    );
    let (_, _, err) = run(p, &["task.yaml", "--verbose"]);
    assert!(err.contains("a template: 6 placeholders"), "{err}");
    // A real syntax error in a YAML template is still an error.
    write(
        p,
        "bad.yaml",
        "family: {{ .Values.name }}\ncontainerDefinitions:\n  - name: web\n   image: x\n",
    );
    let (code, doc, _) = run_json(p, &["bad.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(common::finding_list(&doc, false), vec!["bad.yaml ECS002"]);
}

#[test]
fn json_templates_with_placeholder_members_and_control_blocks_are_linted() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    // A placeholder standing for a member (and its comma), and `{{ if }}` blocks between
    // members: what they may add is unknown, so nothing is concluded from it.
    write(
        p,
        "task.json",
        r#"{
  "family": "web",
  "networkMode": "awsvpc",
  {{- if .Fargate }}
  "requiresCompatibilities": ["FARGATE"],
  {{- end }}
  $$$$TASK_SIZE$$$$
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      $$$$MEMORY$$$$
      "portMappings": [{"containerPort": 80, "hostPort": 8080}],
      {{ if .Debug }}"privileged": true,{{ end }}
      "essential": true
    }
  ]
}"#,
    );
    let (code, doc, _) = run_json(p, &["task.json"]);
    assert_eq!(code, 1);
    assert_eq!(
        common::finding_list(&doc, false),
        vec!["task.json ECS201"],
        "{doc}"
    );
    let (_, _, err) = run(p, &["task.json", "--verbose"]);
    assert!(err.contains("a template: 6 placeholders"), "{err}");
}

#[test]
fn a_multi_line_secret_does_not_move_later_findings() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "task.yaml",
        "family: app\ncontainerDefinitions:\n  - name: app\n    image: app:1.0\n    memory: 128\n    environment:\n      - name: DB_PASSWORD\n        value: |\n          Zq8vR3pL9wX2mQ7x\n          Hx7Lq2Vb9Nc4Rt1Y\n    privileged: true\n",
    );
    let (_, doc, _) = run_json(dir.path(), &["task.yaml"]);
    let privileged = doc["findings"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["rule"] == "ECS210"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (privileged["line"].clone(), privileged["column"].clone()),
        (11.into(), 17.into()),
        "{doc}"
    );
    let (_, out, _) = run(dir.path(), &["task.yaml", "--color", "never"]);
    assert!(
        !out.contains("Zq8vR3pL9wX2mQ7x") && !out.contains("Hx7Lq2Vb9Nc4Rt1Y"),
        "{out}"
    );
    assert!(out.contains("11 │     privileged: true"), "{out}");
}
