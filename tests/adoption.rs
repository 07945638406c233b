//! Adopting ecslint on a repository with existing problems: the baseline (robust to edits
//! that move lines or add containers), every suppression form with reasons and expiry, unused
//! suppressions, --show-suppressed, and --changed-since in a real git repository.

mod common;

use common::run_json as run;
use common::{bin, git};

fn rules(doc: &serde_json::Value) -> Vec<String> {
    common::finding_list(doc, false)
}

const TASK: &str = r#"{
  "family": "api",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "api",
      "image": "nginx:1.27",
      "memory": 512,
      "portMappings": [{ "containerPort": 3001, "hostPort": 3000 }]
    }
  ]
}
"#;

#[test]
fn baseline_round_trip_survives_moved_lines_and_new_containers() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    std::fs::write(p.join("task.json"), TASK).expect("write");
    let out = bin()
        .current_dir(p)
        .args(["check", "--write-baseline", "ecslint-baseline.json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("Wrote 1 finding(s) to ecslint-baseline.json"));

    let (code, doc, err) = run(p, &["check", "--baseline", "ecslint-baseline.json"]);
    assert_eq!((code, rules(&doc)), (0, vec![]), "{err}");
    assert_eq!(doc["summary"]["baseline_hidden"], 1);
    assert!(
        err.contains("1 finding known from the baseline not shown"),
        "{err}"
    );

    // Lines inserted above, and another container beside (before) the known one.
    let edited = TASK
        .replace("{\n  \"family\"", "{\n  \"tags\": [{\"key\": \"team\", \"value\": \"payments\"}],\n\n\n  \"family\"")
        .replace(
            "\"containerDefinitions\": [\n",
            "\"containerDefinitions\": [\n    { \"name\": \"sidecar\", \"image\": \"envoy:1.30\", \"memory\": 128 },\n",
        );
    std::fs::write(p.join("task.json"), &edited).expect("write");
    let (code, doc, _) = run(p, &["check", "--baseline", "ecslint-baseline.json"]);
    assert_eq!(
        (code, rules(&doc)),
        (0, vec![]),
        "the known finding moved and must stay hidden"
    );

    // A new problem is reported; the known one stays hidden.
    std::fs::write(
        p.join("task.json"),
        edited.replace(
            "\"memory\": 128",
            "\"memory\": 128, \"portMappings\": [{\"containerPort\": 9901, \"hostPort\": 9902}]",
        ),
    )
    .expect("write");
    let (code, doc, _) = run(p, &["check", "--baseline", "ecslint-baseline.json"]);
    assert_eq!(
        (code, rules(&doc)),
        (1, vec!["task.json ECS201".to_string()])
    );
    assert_eq!(
        doc["findings"][0]["pointer"],
        "/containerDefinitions/0/portMappings/0/hostPort"
    );

    // Fixed: the baseline entry no longer matches and is counted.
    std::fs::write(
        p.join("task.json"),
        TASK.replace("\"hostPort\": 3000", "\"hostPort\": 3001"),
    )
    .expect("write");
    let (code, doc, err) = run(p, &["check", "--baseline", "ecslint-baseline.json"]);
    assert_eq!(code, 0);
    assert_eq!(doc["summary"]["baseline_stale"], 1);
    assert!(
        err.contains(
            "1 entry of the baseline no longer matches anything; shrink it with --write-baseline"
        ),
        "{err}"
    );

    let (code, _, err) = run(p, &["check", "--baseline", "missing.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.json"), "{err}");
}

#[test]
fn config_suppressions_need_a_reason_and_expire() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    std::fs::write(p.join("task.json"), TASK).expect("write");
    let config = |extra: &str| {
        std::fs::write(
            p.join(".ecslint.toml"),
            format!("[[suppress]]\nrule = \"host-port-mismatch\"\npath = \"task.json\"\nreason = \"the proxy maps 3000 to 3001 until the migration\"\n{extra}"),
        )
        .expect("config")
    };
    config("");
    let (code, doc, _) = run(p, &["check"]);
    assert_eq!((code, rules(&doc)), (0, vec![]));
    assert_eq!(doc["summary"]["suppressed"], 1);
    let (_, doc, _) = run(p, &["check", "--show-suppressed"]);
    assert_eq!(
        doc["suppressed"][0]["reason"],
        "the proxy maps 3000 to 3001 until the migration"
    );
    assert_eq!(doc["suppressed"][0]["suppressed_by"], ".ecslint.toml:1");
    let out = bin()
        .current_dir(p)
        .args(["check", "--show-suppressed", "--color", "never"])
        .output()
        .expect("runs");
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains("Suppressed (1):\n  task.json:10:61 ECS201 host-port-mismatch:"),
        "{human}"
    );
    assert!(
        human.contains(
            "(suppressed by .ecslint.toml:1: the proxy maps 3000 to 3001 until the migration)"
        ),
        "{human}"
    );

    // Narrowed to a resource and a pointer (the stable form works too).
    config("resource = \"api\"\npointer = \"/containerDefinitions/[name=api]/portMappings/[containerPort=3001]/hostPort\"\n");
    let (code, doc, _) = run(p, &["check"]);
    assert_eq!((code, rules(&doc)), (0, vec![]));
    config("resource = \"other\"\n");
    let (_, doc, _) = run(p, &["check"]);
    assert_eq!(
        rules(&doc),
        vec![".ecslint.toml ECS801", "task.json ECS201"]
    );

    // Expired: it stops suppressing and is reported.
    config("expires = \"2020-06-30\"\n");
    let (code, doc, _) = run(p, &["check"]);
    assert_eq!(code, 1);
    assert_eq!(
        rules(&doc),
        vec![".ecslint.toml ECS802", "task.json ECS201"]
    );
    config("expires = \"2999-06-30\"\n");
    let (code, _, _) = run(p, &["check"]);
    assert_eq!(code, 0);

    // A reason is required, and a date must be a date.
    std::fs::write(
        p.join(".ecslint.toml"),
        "[[suppress]]\nrule = \"ECS201\"\npath = \"*\"\n",
    )
    .expect("config");
    let (code, _, err) = run(p, &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing field `reason`"), "{err}");
    config("expires = \"next week\"\n");
    let (code, _, err) = run(p, &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("`expires` must be a date"), "{err}");
}

#[test]
fn yaml_comment_suppressions() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    let yaml = "family: api\nnetworkMode: awsvpc\ncontainerDefinitions:\n  - name: api\n    image: nginx:1.27\n    memory: 512\n    portMappings:\n      - containerPort: 3001\n        # ecslint-ignore ECS201: the proxy maps 3000 to 3001\n        hostPort: 3000\n";
    std::fs::write(p.join("task.yaml"), yaml).expect("write");
    let (code, doc, _) = run(p, &["check", "--show-suppressed"]);
    assert_eq!((code, rules(&doc)), (0, vec![]));
    assert_eq!(doc["suppressed"][0]["suppressed_by"], "task.yaml:9");
    // Fixed: the comment is now unused and reported.
    std::fs::write(
        p.join("task.yaml"),
        yaml.replace("hostPort: 3000", "hostPort: 3001"),
    )
    .expect("write");
    let (code, doc, _) = run(p, &["check", "--fail-on", "warning"]);
    assert_eq!(
        (code, rules(&doc)),
        (1, vec!["task.yaml ECS801".to_string()])
    );
    // Without a reason it suppresses nothing and is reported.
    std::fs::write(
        p.join("task.yaml"),
        yaml.replace(": the proxy maps 3000 to 3001", ""),
    )
    .expect("write");
    let (_, doc, _) = run(p, &["check"]);
    assert_eq!(rules(&doc), vec!["task.yaml ECS803", "task.yaml ECS201"]);
    // An ignored rule's suppression is not judged.
    std::fs::write(
        p.join("task.yaml"),
        yaml.replace("hostPort: 3000", "hostPort: 3001"),
    )
    .expect("write");
    let (_, doc, _) = run(p, &["check", "--ignore", "ECS201"]);
    assert_eq!(rules(&doc), Vec::<String>::new());
}

#[test]
fn cloudformation_metadata_suppressions() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    let container = "      ContainerDefinitions:\n        - Name: web\n          Image: nginx:latest\n          Memory: 512\n          Environment:\n            - Name: DB_PASSWORD\n              Value: hunter2hunter2\n";
    let template = format!(
        "AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  ecslint:\n    ignore:\n      secret-in-environment: throwaway credentials of the test stack\nResources:\n  A:\n    Type: AWS::ECS::TaskDefinition\n    Metadata:\n      ecslint:\n        ignore:\n          ECS212: the pipeline pins the digest\n    Properties:\n{container}  B:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n{container}"
    );
    std::fs::write(p.join("stack.yaml"), &template).expect("write");
    let (code, doc, _) = run(
        p,
        &[
            "check",
            "--show-suppressed",
            "--fail-on",
            "warning",
            "--select",
            "ECS211,ECS212,ECS8",
        ],
    );
    // The template's entry covers both task definitions; A's covers A only.
    assert_eq!(
        (code, rules(&doc)),
        (1, vec!["stack.yaml ECS212".to_string()])
    );
    assert_eq!(doc["findings"][0]["resource"], "B");
    let mut by: Vec<&str> = doc["suppressed"]
        .as_array()
        .expect("suppressed")
        .iter()
        .filter_map(|s| s["suppressed_by"].as_str())
        .collect();
    by.sort_unstable();
    assert_eq!(by, vec!["stack.yaml:12", "stack.yaml:5", "stack.yaml:5"]);
    // The same in a JSON template; an entry without a reason is reported and suppresses
    // nothing.
    let json = r#"{"Resources": {"A": {"Type": "AWS::ECS::TaskDefinition",
        "Metadata": {"ecslint": {"ignore": {"ECS212": ""}}},
        "Properties": {"ContainerDefinitions": [{"Name": "web", "Image": "nginx:latest", "Memory": 512}]}}}}"#;
    std::fs::remove_file(p.join("stack.yaml")).expect("rm");
    std::fs::write(p.join("stack.json"), json).expect("write");
    let (_, doc, _) = run(p, &["check", "--select", "ECS212,ECS8"]);
    assert_eq!(rules(&doc), vec!["stack.json ECS803", "stack.json ECS212"]);
    // Fixed: the entry is unused.
    std::fs::write(
        p.join("stack.json"),
        json.replace(r#""ECS212": """#, r#""ECS212": "pinned""#)
            .replace("nginx:latest", "nginx:1.27"),
    )
    .expect("write");
    let (_, doc, _) = run(
        p,
        &["check", "--fail-on", "warning", "--select", "ECS212,ECS8"],
    );
    assert_eq!(rules(&doc), vec!["stack.json ECS801"]);
}

#[test]
fn cfn_lint_ignore_checks_are_honoured_for_the_rules_that_check_the_same() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    let template = "AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  cfn-lint:\n    config:\n      ignore_checks: [E3047, W3005, E9]\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      Cpu: 256\n      Memory: 4096\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Essential: false\n";
    std::fs::write(p.join("stack.yaml"), template).expect("write");
    // E3047 is ECS103's; ECS108 (E3042) still reports; ids of other cfn-lint rules are
    // neither errors nor unused suppressions.
    let (_, doc, _) = run(p, &["check", "--fail-on", "warning"]);
    assert_eq!(rules(&doc), vec!["stack.yaml ECS108"]);
    // A prefix, as cfn-lint reads them.
    std::fs::write(p.join("stack.yaml"), template.replace("E3047", "E30")).expect("write");
    let (code, doc, _) = run(p, &["check", "--fail-on", "warning"]);
    assert_eq!((code, rules(&doc)), (0, vec![]));
}

#[test]
fn changed_since_reports_only_changed_files_but_links_all() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    git(p, &["init", "-q", "-b", "main"]);
    std::fs::write(p.join("old.json"), TASK).expect("write");
    std::fs::write(
        p.join("task.json"),
        TASK.replace("\"hostPort\": 3000", "\"hostPort\": 3001")
            .replace("\"api\"", "\"web\""),
    )
    .expect("write");
    git(p, &["add", "."]);
    git(p, &["commit", "-q", "-m", "base"]);
    // A new service, untracked, pointing at the unchanged task definition on a port it does not map.
    std::fs::write(
        p.join("service.json"),
        r#"{"serviceName": "web", "taskDefinition": "web", "desiredCount": 1, "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1", "containerName": "web", "containerPort": 8080}]}"#,
    )
    .expect("write");
    let (code, doc, err) = run(p, &["check", "--changed-since", "HEAD"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        rules(&doc),
        vec!["service.json ECS402"],
        "old.json's finding is not reported"
    );
    assert_eq!(
        doc["findings"][0]["labels"][0]["file"], "task.json",
        "the unchanged task definition was linked"
    );
    // A committed change since the base counts too.
    git(p, &["add", "."]);
    git(p, &["commit", "-q", "-m", "service"]);
    let (_, doc, _) = run(p, &["check", "--changed-since", "HEAD~1"]);
    assert_eq!(rules(&doc), vec!["service.json ECS402"]);
    let (_, doc, _) = run(p, &["check"]);
    assert_eq!(rules(&doc), vec!["old.json ECS201", "service.json ECS402"]);
    let (code, _, err) = run(p, &["check", "--changed-since", "no-such-ref"]);
    assert_eq!(code, 2);
    assert!(err.contains("--changed-since no-such-ref"), "{err}");
}
