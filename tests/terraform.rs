//! Terraform (`*.tf`): the rules written for API JSON run on `aws_ecs_*` and `aws_lb_*`
//! resources, speak Terraform's spelling, point into the `.tf`, follow references between
//! resources of a file, and never conclude anything from what Terraform computes.

mod common;

use common::{run_json, write};

fn findings(doc: &serde_json::Value) -> Vec<(String, String, String, String)> {
    doc["findings"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|f| {
                    let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
                    (s("rule"), s("message"), s("help"), s("pointer"))
                })
                .collect()
        })
        .unwrap_or_default()
}

const TASK: &str = r#"resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27", essential = true, portMappings = [{ containerPort = 80, hostPort = 8080 }] }
  ])
}
"#;

#[test]
fn a_rule_written_once_speaks_terraform() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "main.tf", TASK);
    let (code, doc, err) = run_json(dir.path(), &["main.tf"]);
    assert_eq!((code, err.as_str()), (1, ""));
    let found = findings(&doc);
    // No network mode on Fargate: named as Terraform names it.
    let (_, message, help, pointer) = found.iter().find(|f| f.0 == "ECS101").expect("ECS101");
    assert!(message.contains("`network_mode` is omitted"), "{message}");
    assert_eq!(help, "set `network_mode` to \"awsvpc\"");
    assert_eq!(pointer, "/resource/aws_ecs_task_definition.web");
    assert_eq!(
        doc["findings"][0]["resource"],
        "aws_ecs_task_definition.web"
    );
    // Container fields are the API's, inside `jsonencode`.
    assert!(found.iter().all(|f| f.0 != "ECS201"), "{found:?}");
}

#[test]
fn references_link_a_service_to_its_task_definition_and_target_group() {
    let dir = tempfile::tempdir().expect("tmp");
    let text = TASK.replace("FARGATE\"]", "FARGATE\"]\n  network_mode = \"awsvpc\"")
        + r#"
resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"
  load_balancer {
    target_group_arn = aws_lb_target_group.web[0].arn
    container_name   = "web"
    container_port   = 8080
  }
}

resource "aws_lb_target_group" "web" {
  count       = 1
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
}
"#;
    write(dir.path(), "main.tf", &text);
    let (_, doc, _) = run_json(dir.path(), &["main.tf"]);
    let codes: Vec<String> = findings(&doc).into_iter().map(|f| f.0).collect();
    // hostPort differs under awsvpc; the service has no network configuration for its
    // awsvpc task definition; it sends the load balancer to a port the container maps only
    // as a host port.
    for code in ["ECS201", "ECS406", "ECS402"] {
        assert!(codes.iter().any(|c| c == code), "{code}: {codes:?}");
    }
    let ecs201 = findings(&doc)
        .into_iter()
        .find(|f| f.0 == "ECS201")
        .expect("ECS201");
    assert_eq!(
        ecs201.3,
        "/resource/aws_ecs_task_definition.web/containerDefinitions/0/portMappings/0/hostPort"
    );
    // Through a variable, nothing is known of the task definition: no wiring finding.
    let unlinked = text.replace("aws_ecs_task_definition.web.arn", "var.task_definition_arn");
    write(dir.path(), "main.tf", &unlinked);
    let (_, doc, _) = run_json(dir.path(), &["main.tf"]);
    let codes: Vec<String> = findings(&doc).into_iter().map(|f| f.0).collect();
    assert!(
        !codes.iter().any(|c| c == "ECS406" || c == "ECS402"),
        "{codes:?}"
    );
}

#[test]
fn what_terraform_computes_never_yields_a_missing_finding() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "main.tf",
        r#"resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  network_mode             = "awsvpc"
  requires_compatibilities = var.compatibilities
  cpu                      = local.cpu
  memory                   = local.memory
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions = jsonencode(concat([
    { name = "web", image = "nginx:1.27", essential = true, portMappings = [{ containerPort = 80 }] }
  ], var.sidecars))
  dynamic "volume" {
    for_each = var.volumes
    content {
      name = volume.value
    }
  }
}

resource "aws_ecs_task_definition" "api" {
  family       = "api"
  network_mode = "awsvpc"
  container_definitions = jsonencode([
    local.log_router,
    merge(local.defaults, { name = "api", image = "nginx:1.27", portMappings = [{ containerPort = 80, hostPort = 80 }] }),
    { name = "worker", image = "nginx:1.27", essential = true, memory = 256, dependsOn = [{ containerName = "log_router", condition = "START" }] },
  ])
}

resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.web.arn
  dynamic "network_configuration" {
    for_each = [1]
    content {
      subnets = var.subnets
    }
  }
}
"#,
    );
    let (code, doc, err) = run_json(dir.path(), &["main.tf", "--profile", "deploy"]);
    assert_eq!((code, err.as_str()), (0, ""), "{doc}");
}

#[test]
fn comments_suppress_findings_in_a_tf_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let text = TASK.replace(
        "  family                   = \"web\"",
        "  family                   = \"web\"\n  network_mode             = \"awsvpc\"",
    );
    let text = text.replace(
        "  container_definitions = jsonencode([",
        "  container_definitions = jsonencode([\n    # ecslint-ignore ECS201: the load balancer maps it",
    );
    write(dir.path(), "main.tf", &text);
    let (code, doc, _) = run_json(dir.path(), &["main.tf"]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["summary"]["suppressed"], 1);
}

#[test]
fn a_file_that_is_not_hcl_is_one_located_error() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "main.tf",
        "resource \"aws_ecs_service\" \"web\" {\n  desired_count =\n}\n",
    );
    let (code, doc, _) = run_json(dir.path(), &["main.tf"]);
    assert_eq!(code, 1);
    let f = &doc["findings"][0];
    assert_eq!(
        (f["rule"].as_str(), f["line"].as_u64()),
        (Some("ECS013"), Some(2))
    );
    // A file without ECS that does not parse is another tool's business when walking.
    write(
        dir.path(),
        "main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n",
    );
    let (code, doc, _) = run_json(dir.path(), &["."]);
    assert_eq!(
        (code, doc["findings"].as_array().map(Vec::len)),
        (0, Some(0))
    );
}

#[test]
fn the_files_of_a_directory_are_one_module() {
    let dir = tempfile::tempdir().expect("tmp");
    let task = TASK.replace("FARGATE\"]", "FARGATE\"]\n  network_mode = \"awsvpc\"");
    let service = r#"resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"
}
"#;
    write(dir.path(), "app/task.tf", &task);
    write(dir.path(), "app/service.tf", service);
    write(dir.path(), "other/service.tf", service);
    let (_, doc, _) = run_json(dir.path(), &["."]);
    let missing: Vec<String> = doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "ECS406")
        .map(|f| f["file"].as_str().unwrap_or_default().to_string())
        .collect();
    // The service of `app` uses the task definition of `app/task.tf`; the one of `other`
    // names an address its module does not declare: nothing is known of it.
    assert_eq!(missing, vec!["app/service.tf".to_string()], "{doc}");
    let f = doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["rule"] == "ECS406")
        .expect("ECS406");
    assert_eq!(f["labels"][0]["file"], "app/task.tf", "{f}");
}

const FOLLOWS: &str = r#"resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions    = file("${path.module}/containers.json")
}
"#;

const CONTAINERS: &str = r#"[
  {
    "name": "web",
    "image": "nginx:1.27",
    "essential": true,
    "portMappings": [{"containerPort": 80, "hostPort": 8080}],
    "environment": [{"name": "DB_PASSWORD", "value": "s3cr3t-followed-value"}]
  }
]
"#;

#[test]
fn a_followed_file_is_checked_with_its_task_definition_once() {
    let dir = tempfile::tempdir().expect("tmp");
    // A second task definition shares the file in bridge mode: the host port is fine there.
    let bridge = FOLLOWS
        .replace("\"web\" {", "\"worker\" {")
        .replace("family                   = \"web\"", "family = \"worker\"")
        .replace("\"awsvpc\"", "\"bridge\"")
        .replace("[\"FARGATE\"]", "[\"EC2\"]");
    write(dir.path(), "main.tf", &(FOLLOWS.to_string() + &bridge));
    write(dir.path(), "containers.json", CONTAINERS);
    let (code, doc, err) = run_json(dir.path(), &["."]);
    assert_eq!((code, err.as_str()), (1, ""));
    let list = common::finding_list(&doc, false);
    // The secret is found on the file's own and through both task definitions: reported once.
    assert_eq!(
        list,
        ["containers.json ECS201", "containers.json ECS211"],
        "{doc:#}"
    );
    let hp = &doc["findings"][0];
    assert_eq!(
        (hp["line"].as_u64(), hp["column"].as_u64()),
        (Some(6), Some(56))
    );
    assert_eq!(hp["pointer"], "/0/portMappings/0/hostPort");
    assert_eq!(hp["resource"], "aws_ecs_task_definition.web");
    for format in ["json", "sarif", "human", "github"] {
        let out = common::bin()
            .current_dir(dir.path())
            .args([".", "--format", format])
            .output()
            .expect("runs");
        let all = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(!all.contains("s3cr3t-followed-value"), "{format}: {all}");
    }
    // The same with one thread and two.
    let render = |threads: &str| {
        common::bin()
            .current_dir(dir.path())
            .env("RAYON_NUM_THREADS", threads)
            .args([".", "--format", "json"])
            .output()
            .expect("runs")
            .stdout
    };
    assert_eq!(render("1"), render("2"));
}

#[test]
fn a_template_not_otherwise_linted_joins_the_report() {
    let dir = tempfile::tempdir().expect("tmp");
    let tf = FOLLOWS.replace(
        "file(\"${path.module}/containers.json\")",
        "templatefile(\"${path.module}/tpl/containers.json.tpl\", { port = 80 })",
    );
    write(dir.path(), "infra/main.tf", &tf);
    write(
        dir.path(),
        "infra/tpl/containers.json.tpl",
        &CONTAINERS.replace("\"hostPort\": 8080", "\"hostPort\": ${port}"),
    );
    let (code, doc, _) = run_json(dir.path(), &["infra/main.tf"]);
    assert_eq!(code, 1);
    // `${port}` is unknown: no host port finding; the secret is one.
    assert_eq!(
        common::finding_list(&doc, false),
        ["infra/tpl/containers.json.tpl ECS211"]
    );
}

#[test]
fn nothing_outside_the_linted_tree_is_read() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "outside/containers.json", CONTAINERS);
    let tf = FOLLOWS.to_owned()
        + r#"
resource "aws_ecs_task_definition" "up" {
  family                = "up"
  container_definitions = file("../outside/containers.json")
}
"#;
    write(dir.path(), "repo/main.tf", &tf);
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("outside/containers.json"),
        dir.path().join("repo/containers.json"),
    )
    .expect("symlink");
    #[cfg(not(unix))]
    write(dir.path(), "repo/containers.json", "[]");
    let (code, doc, err) = run_json(&dir.path().join("repo"), &["."]);
    assert_eq!(code, 0, "{err}\n{doc:#}");
    let found = findings(&doc);
    #[cfg(unix)]
    assert_eq!(found.len(), 2, "{found:?}");
    for (rule, message, _, _) in &found {
        assert_eq!(rule, "ECS015");
        assert!(
            message.contains("outside the linted directory"),
            "{message}"
        );
    }
    assert!(!doc.to_string().contains("s3cr3t"), "{doc:#}");
}
