//! End-to-end: the binary's exit codes, stdout and stderr for each format and the main flags.

mod common;

use common::bin;
use predicates::prelude::*;

const SHARED: &str = "tests/fixtures/_shared";

fn stdout_of(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({ snapshot_path => "snapshots/cli", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn human_output_on_the_shared_set() {
    let (code, out, err) = stdout_of(&["check", SHARED, "--color", "never"]);
    assert_eq!(code, 1);
    assert_eq!(err, "");
    snapshot("human", &out);
    // The default command is `check`.
    let (code2, out2, _) = stdout_of(&[SHARED, "--color", "never"]);
    assert_eq!((code2, out2), (code, out));
}

#[test]
fn json_output_on_the_shared_set() {
    let (code, out, err) = stdout_of(&["check", SHARED, "--format", "json"]);
    assert_eq!(code, 1);
    assert_eq!(err, "");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let findings = doc["findings"].as_array().expect("findings");
    assert_eq!(
        doc["summary"]["findings"].as_u64(),
        Some(findings.len() as u64)
    );
    for f in findings {
        for key in [
            "rule",
            "name",
            "severity",
            "category",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "pointer",
        ] {
            assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
        }
    }
    snapshot("json", &out.replace(env!("CARGO_PKG_VERSION"), "[version]"));
}

#[test]
fn sarif_output_on_the_shared_set() {
    let (code, out, err) = stdout_of(&["check", SHARED, "--format", "sarif"]);
    assert_eq!(code, 1);
    assert_eq!(err, "");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for r in run["results"].as_array().expect("results") {
        let idx = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri");
        assert!(uri.starts_with("tests/fixtures/_shared/"), "{uri}");
        assert!(r["partialFingerprints"]["ecslint/v1"].is_string());
    }
    snapshot(
        "sarif",
        &out.replace(env!("CARGO_PKG_VERSION"), "[version]"),
    );
}

#[test]
fn clean_file_exits_zero() {
    let (code, out, err) = stdout_of(&[
        "check",
        "tests/fixtures/_shared/clean-taskdef.json",
        "--color",
        "never",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "No problems found (1 file, 1 resource linted).\n");
}

#[test]
fn fail_on_sets_the_threshold() {
    let worker = "tests/fixtures/_shared/worker.yaml";
    let (code, out, _) = stdout_of(&["check", worker, "--select", "ECS204", "--color", "never"]);
    assert_eq!(code, 0, "a warning does not fail by default:\n{out}");
    assert!(out.contains("warning[ECS204 ephemeral-host-port]"));
    let (code, _, _) = stdout_of(&[
        "check",
        worker,
        "--select",
        "ECS204",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(code, 1);
    let (code, _, _) = stdout_of(&["check", worker, "--select", "ECS207"]);
    assert_eq!(code, 1);
}

#[test]
fn missing_path_is_an_error_with_exit_2() {
    bin()
        .args(["check", "does/not/exist.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "does/not/exist.json: no such file or directory",
        ));
}

#[test]
fn stdin_with_a_filename() {
    let text = std::fs::read_to_string("tests/fixtures/_shared/api-taskdef.json").expect("fixture");
    let out = bin()
        .args([
            "check",
            "--stdin-filename",
            "task.json",
            "-",
            "--format",
            "json",
            "--select",
            "ECS201",
        ])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["findings"][0]["file"], "task.json");
    assert_eq!(doc["findings"][0]["rule"], "ECS201");
    assert_eq!(doc["findings"][0]["line"], 14);
    // YAML on stdin, told by the name.
    let out = bin()
        .args([
            "check",
            "--stdin-filename",
            "task.yaml",
            "-",
            "--select",
            "ECS207",
            "--color",
            "never",
        ])
        .write_stdin(
            std::fs::read_to_string("tests/fixtures/_shared/worker.yaml").expect("fixture"),
        )
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("task.yaml:7:13"));
}

#[test]
fn output_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let target = dir.path().join("out.sarif");
    let (code, out, _) = stdout_of(&[
        "check",
        SHARED,
        "--format",
        "sarif",
        "--output",
        target.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    let written = std::fs::read_to_string(&target).expect("written");
    assert!(written.contains("\"version\": \"2.1.0\""));
}

#[test]
fn non_ecs_files_are_skipped_silently_and_listed_with_verbose() {
    let (_, out, err) = stdout_of(&["check", SHARED, "--color", "never"]);
    assert!(!out.contains("package.json") && !out.contains("tsconfig.json"));
    assert_eq!(err, "");
    let (_, _, err) = stdout_of(&["check", SHARED, "--verbose", "--color", "never"]);
    assert!(
        err.contains("skipped: tests/fixtures/_shared/package.json (not ECS configuration)"),
        "{err}"
    );
    assert!(
        err.contains("skipped: tests/fixtures/_shared/tsconfig.json (does not parse"),
        "{err}"
    );
    assert!(
        err.contains(
            "linted: tests/fixtures/_shared/api-service.json (service (create-service input))"
        ),
        "{err}"
    );
    assert!(
        err.contains("skipped: tests/fixtures/_shared/k8s-deployment.yaml (Kubernetes manifest)"),
        "{err}"
    );
    assert!(
        err.contains(
            "skipped: tests/fixtures/_shared/.github/workflows/deploy.yml (not ECS configuration)"
        ),
        "{err}"
    );
    // Named explicitly, a file that does not parse is reported.
    let (code, out, _) = stdout_of(&[
        "check",
        "tests/fixtures/_shared/tsconfig.json",
        "--color",
        "never",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("ECS001 invalid-json"), "{out}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let (_, out, _) = stdout_of(&["check", SHARED, "--color", "always"]);
    assert!(out.contains("\u{1b}["), "--color always colours");
    let out = bin()
        .args(["check", SHARED])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\u{1b}["));
    let out = bin()
        .args(["check", SHARED])
        .env_remove("NO_COLOR")
        .output()
        .expect("runs");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("\u{1b}["),
        "not a terminal: no colour"
    );
}

#[test]
fn rules_and_rule_docs() {
    let (code, out, _) = stdout_of(&["rules"]);
    assert_eq!(code, 0);
    for r in ecslint::checks::BUILT_IN {
        assert!(
            out.contains(r.code.as_ref()) && out.contains(r.name.as_ref()),
            "{} missing from `ecslint rules`",
            r.code
        );
    }
    let (code, out, _) = stdout_of(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).expect("json");
    assert_eq!(list.len(), ecslint::checks::BUILT_IN.len());
    assert_eq!(list[0]["code"], "ECS001");
    let (code, out, _) = stdout_of(&["rule", "host-port-mismatch"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# ECS201 host-port-mismatch\n"));
    let (code2, out2, _) = stdout_of(&["rule", "ecs201"]);
    assert_eq!((code2, out2), (code, out));
    bin()
        .args(["rule", "host-port-mismach"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `host-port-mismatch`",
        ));
}

#[test]
fn unknown_flag_is_a_usage_error() {
    bin().args(["check", "--no-such-flag"]).assert().code(2);
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = stdout_of(&["completions", shell]);
        assert_eq!(code, 0);
        assert!(
            out.contains("ecslint") && out.contains("changed-since"),
            "{shell} completion"
        );
    }
    let (code, out, _) = stdout_of(&["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH ecslint 1"));
    let path = std::path::Path::new("docs/ecslint.1");
    if std::env::var_os("ECSLINT_UPDATE_DOCS").is_some() {
        std::fs::write(path, &out).expect("write man page");
    }
    let committed = std::fs::read_to_string(path).expect("docs/ecslint.1");
    assert_eq!(
        committed, out,
        "docs/ecslint.1 is stale: run `ECSLINT_UPDATE_DOCS=1 cargo test --test cli`"
    );
}

#[test]
fn quiet_statistics_and_summary() {
    let (code, out, _) = stdout_of(&["check", SHARED, "--statistics", "--color", "never"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("1  ECS001  invalid-json"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("1  ECS204  ephemeral-host-port ") && l.ends_with(" warning")),
        "{out}"
    );
    assert!(
        out.ends_with("Found 6 errors and 1 warning in 4 files (5 files, 4 resources linted).\n"),
        "{out}"
    );
    let (code, out, _) = stdout_of(&["check", SHARED, "--quiet", "--color", "never"]);
    assert_eq!(code, 1);
    assert!(!out.contains("Found "), "{out}");
    assert!(out.contains("error[ECS201 host-port-mismatch]"));
}

/// Machine formats keep a file's line index instead of its text when the text is ASCII, and
/// the text when it is not: columns count characters either way, as in the human format.
#[test]
fn machine_formats_locate_findings_without_keeping_texts() {
    let dir = tempfile::tempdir().expect("tmp");
    let task = |greeting: &str| {
        format!(
            "{{\"family\": \"web\", \"networkMode\": \"awsvpc\",\n \"containerDefinitions\": [{{\"name\": \"web\", \"image\": \"nginx:1.27\", \"memory\": 128,\n  \"environment\": [{{\"name\": \"GREETING\", \"value\": \"{greeting}\"}}], \"portMappings\": [{{\"containerPort\": 80, \"hostPort\": 8080}}]}}]}}\n"
        )
    };
    common::write(dir.path(), "ascii.json", &task("hello"));
    common::write(dir.path(), "accented.json", &task("héllo"));
    let (_, doc, _) = common::run_json(dir.path(), &[".", "--select", "ECS201"]);
    let positions: Vec<(String, u64, u64)> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // `8080` on line 3, after the same number of characters in both files (`é` is 2 bytes).
    let column = task("hello")
        .lines()
        .nth(2)
        .and_then(|l| l.find("8080"))
        .expect("column") as u64
        + 1;
    assert_eq!(
        positions,
        vec![
            ("accented.json".to_string(), 3, column),
            ("ascii.json".to_string(), 3, column)
        ],
        "{doc}"
    );
    let human = common::bin()
        .current_dir(dir.path())
        .args([".", "--select", "ECS201", "--color", "never"])
        .output()
        .expect("runs");
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(human.contains(&format!("ascii.json:3:{column}")), "{human}");
    assert!(
        human.contains(&format!("accented.json:3:{column}")),
        "{human}"
    );
}

/// A YAML merge key or alias copies nodes, spans and all, into several containers: each
/// finding's pointer names its own container (found by identity, not by span), so findings,
/// fingerprints and pointer suppressions stay apart.
#[test]
fn pointers_follow_the_container_through_yaml_merges_and_aliases() {
    let dir = tempfile::tempdir().expect("tmp");
    common::write(
        dir.path(),
        "merge.yaml",
        "x-defaults: &defaults\n  image: nginx:1.27\n  privileged: true\n  memory: 128\nfamily: web\nnetworkMode: awsvpc\ncontainerDefinitions:\n  - <<: *defaults\n    name: a\n    portMappings: &pm\n      - containerPort: 80\n        hostPort: 8080\n  - <<: *defaults\n    name: b\n    portMappings: *pm\n",
    );
    let (_, doc, _) = common::run_json(dir.path(), &["merge.yaml", "--select", "ECS201,ECS210"]);
    let mut found: Vec<(String, String)> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["pointer"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            (
                "ECS201".into(),
                "/containerDefinitions/0/portMappings/0/hostPort".into()
            ),
            (
                "ECS201".into(),
                "/containerDefinitions/1/portMappings/0/hostPort".into()
            ),
            ("ECS210".into(), "/containerDefinitions/0/privileged".into()),
            ("ECS210".into(), "/containerDefinitions/1/privileged".into()),
        ],
        "{doc}"
    );
    // A suppression by stable path hides one container's finding, not the other's.
    common::write(
        dir.path(),
        ".ecslint.toml",
        "[[suppress]]\nrule = \"ECS210\"\npath = \"merge.yaml\"\npointer = \"/containerDefinitions/[name=b]/privileged\"\nreason = \"b needs it\"\n",
    );
    let (_, doc, _) = common::run_json(dir.path(), &["merge.yaml", "--select", "ECS210"]);
    let pointers: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["pointer"].as_str())
        .collect();
    assert_eq!(
        pointers,
        vec!["/containerDefinitions/0/privileged"],
        "{doc}"
    );
}

/// The Quick start's sample output in README.md is what `ecslint examples/` prints: its first
/// two findings and its summary.
#[test]
fn readme_sample_output_is_current() {
    let (_, out, _) = stdout_of(&["examples/", "--color", "never"]);
    let findings: Vec<&str> = out
        .split("\n\n")
        .filter(|b| b.starts_with("error[") || b.starts_with("warning["))
        .collect();
    let summary = out
        .lines()
        .find(|l| l.starts_with("Found "))
        .expect("a summary");
    let sample = format!("{}\n\n[...]\n\n{summary}\n", findings[..2].join("\n\n"));
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    assert!(
        readme.contains(&format!("```text\n{sample}```")),
        "README.md's sample output is stale; it should read:\n{sample}"
    );
}

#[test]
fn schema_prints_the_configuration_schema_or_an_api_schema() {
    let (code, config, _) = stdout_of(&["schema"]);
    assert_eq!(code, 0);
    assert_eq!(config, ecslint::config::json_schema());
    let (code, td, _) = stdout_of(&["schema", "task-definition"]);
    assert_eq!(code, 0);
    let committed =
        std::fs::read_to_string("schemas/task-definition.schema.json").expect("the schema");
    assert_eq!(td, committed);
    let (code, list, _) = stdout_of(&["schema", "--list"]);
    assert_eq!(code, 0);
    for name in [
        "config",
        "task-definition",
        "container-definitions",
        "service",
        "describe-services",
    ] {
        assert!(
            list.lines().any(|l| l.starts_with(name)),
            "{name} in {list}"
        );
    }
    let (code, out, err) = stdout_of(&["schema", "task-definitions"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("no schema named `task-definitions`") && err.contains("container-definitions"),
        "{err}"
    );
}
