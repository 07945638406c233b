//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use ecslint::discover::{discover, Filters};
use ecslint::engine::{run, Outcome, Plan};

/// Lints `paths` (files or directories) in-process with `plan`.
pub fn lint(paths: &[PathBuf], plan: &Plan) -> Outcome {
    let found = discover(paths, &Filters::default());
    assert!(
        found.errors.is_empty(),
        "discovery errors: {:?}",
        found.errors
    );
    run(&found.inputs, plan)
}

/// The human rendering without colour.
pub fn human(outcome: &Outcome) -> String {
    ecslint::report::human::render(outcome, false)
}

/// Where the shared corpus of real ECS configurations stands, for `tests/corpus.rs`.
pub enum Corpus {
    /// The directory to lint.
    Present(PathBuf),
    /// Absent outside CI: the corpus tests are reported as ignored, with this reason.
    Absent(String),
    /// Absent under `CI=true`: the corpus tests fail, with this message.
    Missing(String),
}

/// The corpus: `$ECSLINT_CORPUS` when set (a path that does not exist shows what a clone
/// without the corpus does), else `../shared/corpus` beside the repository, which is not part
/// of a user's clone. Under `CI=true` its absence is a failure.
pub fn corpus() -> Corpus {
    let (dir, shown) = match std::env::var_os("ECSLINT_CORPUS") {
        Some(p) => (PathBuf::from(&p), p.to_string_lossy().into_owned()),
        None => (
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
            "../shared/corpus".to_string(),
        ),
    };
    if dir.is_dir() {
        Corpus::Present(dir)
    } else if std::env::var("CI").is_ok_and(|v| v == "true") {
        Corpus::Missing(format!(
            "the corpus {shown} is missing, and CI=true: the corpus tests must run in CI"
        ))
    } else {
        Corpus::Absent(format!("no corpus at {shown}"))
    }
}

/// Runs `ecslint check <target> --format sarif` and asserts that the report passes the
/// official SARIF 2.1.0 JSON Schema (vendored under `schemas/vendor/`) and that every rule
/// carries the metadata code scanning shows.
pub fn assert_sarif_valid(target: &str) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("schemas/vendor/sarif-schema-2.1.0.json")
            .expect("vendored schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let out = bin()
        .args(["check", target, "--format", "sarif"])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{target}: {errors:#?}");
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    for r in rules {
        for key in [
            "shortDescription",
            "fullDescription",
            "help",
            "helpUri",
            "defaultConfiguration",
        ] {
            assert!(r.get(key).is_some(), "rule {} lacks {key}", r["id"]);
        }
        assert!(
            !r["fullDescription"]["text"]
                .as_str()
                .unwrap_or("")
                .is_empty(),
            "rule {} has an empty fullDescription",
            r["id"]
        );
        if r["properties"]["tags"]
            .as_array()
            .is_some_and(|t| t.iter().any(|t| t == "security"))
        {
            assert!(
                r["properties"]["security-severity"].is_string(),
                "security rule {} lacks security-severity",
                r["id"]
            );
        }
    }
}

/// Asserts that every finding's span, and every label's, lies inside its file and on
/// character boundaries.
pub fn assert_spans_valid(outcome: &Outcome) {
    for f in &outcome.findings {
        // Findings about a whole file that has no text to point into (too large, empty) sit
        // at its start.
        if matches!(f.rule.code.as_ref(), "ECS003" | "ECS004") {
            assert_eq!((f.span.start, f.span.end), (0, 0), "{f:?}");
            continue;
        }
        let spans =
            std::iter::once((f.file, f.span)).chain(f.labels.iter().map(|l| (l.file, l.span)));
        for (file, span) in spans {
            let text = outcome.files[file]
                .text
                .as_ref()
                .unwrap_or_else(|| panic!("no text for {}", outcome.files[file].display));
            assert!(span.start <= span.end, "{f:?}: inverted span");
            assert!(
                (span.end as usize) <= text.len(),
                "{f:?}: span past the end of {}",
                outcome.files[file].display
            );
            assert!(
                text.is_char_boundary(span.start as usize)
                    && text.is_char_boundary(span.end as usize),
                "{f:?}: span not on char boundaries"
            );
            assert!(span.start < span.end, "{f:?}: empty span");
        }
    }
}

/// Path of the built binary.
pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("ecslint").expect("binary built")
}

/// Runs the binary in `dir` with `args` and `--format json`: exit code, parsed report
/// (`Null` when stdout is not JSON) and stderr.
pub fn run_json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = bin()
        .current_dir(dir)
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Each finding of a JSON report as `"<file> <rule>"`, plus `" <severity>"` when asked.
pub fn finding_list(doc: &serde_json::Value, with_severity: bool) -> Vec<String> {
    let field = |f: &serde_json::Value, k: &str| f[k].as_str().unwrap_or("").to_string();
    doc["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    let mut s = format!("{} {}", field(f, "file"), field(f, "rule"));
                    if with_severity {
                        s = format!("{s} {}", field(f, "severity"));
                    }
                    s
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Writes `text` to `dir/name`, creating the directories on the way.
pub fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

/// Runs git in `dir` with a throwaway identity and no signing; panics with git's message on
/// failure.
pub fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
