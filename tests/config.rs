//! `.ecslint.toml`: discovery, selection precedence, severity overrides, per-file ignores,
//! globs, fail-on, unknown keys, and the generated JSON Schema.

mod common;

use std::path::Path;

fn run_in(dir: &Path, args: &[&str]) -> (i32, serde_json::Value, String) {
    common::run_json(dir, args)
}

fn findings(json: &serde_json::Value) -> Vec<String> {
    common::finding_list(json, true)
}

const TASK: &str = r#"{
  "family": "api",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {"name": "api", "image": "nginx:1.27", "memory": 512,
     "portMappings": [{"containerPort": 3001, "hostPort": 3000}]}
  ]
}
"#;

const BRIDGE: &str = r#"{
  "family": "worker",
  "containerDefinitions": [
    {"name": "worker", "image": "nginx:1.27", "memory": 512,
     "portMappings": [{"containerPort": 80, "hostPort": 50000}]}
  ]
}
"#;

fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join(".ecslint.toml"), config).expect("config");
    std::fs::create_dir_all(dir.path().join("app/legacy")).expect("dirs");
    std::fs::write(dir.path().join("app/task.json"), TASK).expect("task");
    std::fs::write(dir.path().join("app/legacy/task.json"), TASK).expect("task");
    std::fs::write(dir.path().join("app/worker.json"), BRIDGE).expect("worker");
    dir
}

#[test]
fn defaults_without_config() {
    let dir = project("");
    let (code, json, err) = run_in(dir.path(), &["check"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        findings(&json),
        vec![
            "app/legacy/task.json ECS201 error",
            "app/task.json ECS201 error",
            "app/worker.json ECS204 warning"
        ]
    );
}

#[test]
fn per_file_ignores_severity_and_fail_on() {
    let dir = project(
        "fail-on = \"warning\"\nignore = [\"ECS1\"]\n[severity]\nephemeral-host-port = \"info\"\n[per-file-ignores]\n\"app/legacy/**\" = [\"host-port-mismatch\"]\n",
    );
    let (code, json, err) = run_in(dir.path(), &["check", "."]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        findings(&json),
        vec!["app/task.json ECS201 error", "app/worker.json ECS204 info"]
    );
    // The config is found from a subdirectory too, and its globs stay relative to it.
    let (_, json, _) = run_in(&dir.path().join("app"), &["check", "."]);
    assert_eq!(
        findings(&json),
        vec!["task.json ECS201 error", "worker.json ECS204 info"]
    );
}

#[test]
fn select_and_ignore_precedence() {
    // The more specific selector wins: the code beats the prefix.
    let dir = project("select = [\"ECS204\"]\nignore = [\"ECS2\"]\n");
    let (code, json, _) = run_in(dir.path(), &["check"]);
    assert_eq!(findings(&json), vec!["app/worker.json ECS204 warning"]);
    assert_eq!(code, 0, "a warning is below the default threshold");
    // On a tie, ignore wins.
    let dir = project("select = [\"ECS204\"]\nignore = [\"ephemeral-host-port\"]\n");
    let (code, json, _) = run_in(dir.path(), &["check"]);
    assert_eq!((code, findings(&json)), (0, vec![]));
    // --select on the command line replaces the configured select.
    let (_, json, _) = run_in(dir.path(), &["check", "--select", "deploy-error"]);
    assert_eq!(findings(&json).len(), 2);
}

#[test]
fn include_and_exclude_globs() {
    let dir = project("exclude = [\"legacy\"]\n");
    let (_, json, _) = run_in(dir.path(), &["check"]);
    assert_eq!(
        findings(&json),
        vec![
            "app/task.json ECS201 error",
            "app/worker.json ECS204 warning"
        ]
    );
    let dir = project("");
    let (_, json, _) = run_in(dir.path(), &["check", "--include", "**/worker.json"]);
    assert_eq!(findings(&json), vec!["app/worker.json ECS204 warning"]);
    let (_, json, _) = run_in(
        dir.path(),
        &[
            "check",
            "--exclude",
            "app/legacy/**",
            "--exclude",
            "worker.json",
        ],
    );
    assert_eq!(findings(&json), vec!["app/task.json ECS201 error"]);
}

#[test]
fn an_include_glob_claims_unparseable_files() {
    let dir = project("include = [\"*.tpl\"]\n");
    std::fs::write(dir.path().join("app/broken.tpl"), "{\"a\": 1,}\n").expect("tpl");
    std::fs::write(dir.path().join("app/other.json"), "{\"a\": 1,}\n").expect("json");
    let (_, json, _) = run_in(dir.path(), &["check"]);
    assert_eq!(findings(&json), vec!["app/broken.tpl ECS001 error"]);
}

#[test]
fn gitignore_is_honoured() {
    let dir = project("");
    std::fs::write(dir.path().join(".gitignore"), "legacy/\n").expect("gitignore");
    let (_, json, _) = run_in(dir.path(), &["check"]);
    assert_eq!(
        findings(&json),
        vec![
            "app/task.json ECS201 error",
            "app/worker.json ECS204 warning"
        ]
    );
    // A file named explicitly is always read.
    let (_, json, _) = run_in(dir.path(), &["check", "app/legacy/task.json"]);
    assert_eq!(findings(&json), vec!["app/legacy/task.json ECS201 error"]);
}

#[test]
fn unknown_key_names_the_key_the_file_and_the_line() {
    let dir = project("select = [\"ALL\"]\nfail_on = \"warning\"\n");
    let (code, _, err) = run_in(dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains(".ecslint.toml"), "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("unknown field `fail_on`"), "{err}");
}

#[test]
fn unknown_rule_in_config_is_an_error() {
    let dir = project("ignore = [\"ECS999\"]\n");
    let (code, _, err) = run_in(dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown rule selector `ECS999`"), "{err}");
}

#[test]
fn explicit_config_file() {
    let dir = project("");
    let other = dir.path().join("strict.toml");
    std::fs::write(&other, "select = [\"ECS204\"]\nfail-on = \"warning\"\n").expect("config");
    let (code, json, _) = run_in(dir.path(), &["check", "--config", "strict.toml"]);
    assert_eq!(
        (code, findings(&json)),
        (1, vec!["app/worker.json ECS204 warning".to_string()])
    );
    let (code, _, err) = run_in(dir.path(), &["check", "--config", "missing.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.toml"), "{err}");
}

#[test]
fn schema_is_fresh() {
    let generated = ecslint::config::json_schema();
    let path = Path::new("schemas/ecslint.schema.json");
    if std::env::var_os("ECSLINT_UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(path).expect("schemas/ecslint.schema.json");
    assert_eq!(committed, generated, "schemas/ecslint.schema.json is stale: run `ECSLINT_UPDATE_SCHEMA=1 cargo test --test config`");
}

/// Typed rule options: `[rules.<code or name>]` sets a rule's parameters, checked against
/// their types; the nearest configuration's options apply to a file.
#[test]
fn rule_options_are_typed_and_scoped() {
    let task = r#"{"family": "w", "containerDefinitions": [{"name": "w", "image": "nginx:1.27", "memory": 128,
        "portMappings": [{"containerPort": 80, "hostPort": 8125}],
        "environment": [{"name": "DB_PASSWORD", "value": "hunter2-but-longer"}]}]}"#;
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path();
    std::fs::create_dir_all(p.join("team")).expect("dirs");
    std::fs::write(p.join("task.json"), task).expect("task");
    std::fs::write(p.join("team/task.json"), task).expect("task");
    let (_, json, _) = run_in(p, &["check"]);
    assert_eq!(
        findings(&json),
        vec!["task.json ECS211 error", "team/task.json ECS211 error"]
    );
    // By name and by code; each applies to the files under its configuration.
    std::fs::write(
        p.join(".ecslint.toml"),
        "[rules.reserved-host-port]\nreserved-ports = [8125]\n",
    )
    .expect("config");
    std::fs::write(
        p.join("team/.ecslint.toml"),
        "[rules.ECS211]\nallowed-names = [\"DB_PASSWORD\"]\n",
    )
    .expect("config");
    let (_, json, err) = run_in(p, &["check"]);
    assert_eq!(
        findings(&json),
        vec!["task.json ECS203 warning", "task.json ECS211 error"],
        "{err}"
    );
    let message = json["findings"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("host port 8125"), "{message}");
    // Wrong types, unknown options, unknown rules and rules without options are errors that
    // name the rule.
    for (config, expected) in [
        (
            "[rules.reserved-host-port]\nreserved-ports = [\"x\"]\n",
            "[rules.reserved-host-port]",
        ),
        (
            "[rules.reserved-host-port]\nreserved-port = [1]\n",
            "reserved-port",
        ),
        (
            "[rules.reserved-host-port]\nreserved-ports = [70000]\n",
            "[rules.reserved-host-port]",
        ),
        (
            "[rules.reserved-host-prot]\nreserved-ports = [1]\n",
            "did you mean `reserved-host-port`",
        ),
        ("[rules.ECS201]\nx = 1\n", "has no options"),
        ("[rules.reserved-host-port]\nreserved-ports = [0]\n", "[rules.reserved-host-port]"),
        (
            "[rules.ECS203]\nreserved-ports = [1]\n[rules.reserved-host-port]\nreserved-ports = [2]\n",
            "both set the options of ECS203",
        ),
    ] {
        std::fs::write(p.join(".ecslint.toml"), config).expect("config");
        let (code, _, err) = run_in(p, &["check"]);
        assert_eq!(code, 2, "{config}: {err}");
        assert!(err.contains(expected), "{config}: {err}");
        assert!(err.contains(".ecslint.toml"), "{config}: {err}");
        assert!(err.contains(", line "), "{config}: {err}");
    }
}
