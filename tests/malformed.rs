//! Hostile and broken input: each case gets one clear message at the right place and the
//! right exit code, the rest of the run goes on, nothing panics, nothing hangs, and nothing
//! is ever written to the linted files.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::bin;

const TASK: &str = "{\n  \"family\": \"api\",\n  \"networkMode\": \"awsvpc\",\n  \"containerDefinitions\": [\n    {\"name\": \"api\", \"image\": \"nginx:1.27\", \"memory\": 512,\n     \"portMappings\": [{\"containerPort\": 3001, \"hostPort\": 3000}]}\n  ]\n}\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    json: serde_json::Value,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let out = bin()
        .current_dir(dir)
        .args(args)
        .args(["--format", "json"])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    for s in [&stdout, &stderr] {
        assert!(
            !s.contains("panicked") && !s.contains("RUST_BACKTRACE"),
            "panic in {args:?}: {s}"
        );
    }
    Run {
        code: out.status.code().unwrap_or(-1),
        json: serde_json::from_str(&stdout).unwrap_or_default(),
        stdout,
        stderr,
    }
}

/// (rule, line, column, message) of every finding.
fn findings(r: &Run) -> Vec<(String, u64, u64, String)> {
    r.json["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    (
                        f["rule"].as_str().unwrap_or("").to_string(),
                        f["line"].as_u64().unwrap_or(0),
                        f["column"].as_u64().unwrap_or(0),
                        f["message"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, bytes).expect("write");
    }
    dir
}

#[test]
fn invalid_utf8_is_located_and_the_run_goes_on() {
    let mut bytes = b"{\n  \"family\": \"caf".to_vec();
    bytes.extend([0xE9, b'"', b'\n', b'}']);
    let d = dir_with(&[("bad.json", &bytes), ("task.json", TASK.as_bytes())]);
    let r = run(d.path(), &["check", "bad.json", "task.json"]);
    assert_eq!(r.code, 1);
    let f = findings(&r);
    assert_eq!(
        f[0],
        (
            "ECS001".into(),
            2,
            17,
            "invalid JSON: the file is not UTF-8 text (invalid byte at offset 18)".into()
        )
    );
    assert_eq!(f[1].0, "ECS201", "the other file is still linted");
}

#[test]
fn binary_files() {
    let d = dir_with(&[
        ("blob.json", b"\x00\x01\x02binary"),
        ("walk/blob.json", b"\x00\x01\x02binary"),
    ]);
    let r = run(d.path(), &["check", "blob.json"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        findings(&r)[0].3,
        "invalid JSON: the file is binary (a NUL byte at offset 0), not text"
    );
    // Met while walking, and not ECS-like: skipped silently.
    let r = run(d.path(), &["check", "walk"]);
    assert_eq!((r.code, findings(&r).len(), r.stderr.as_str()), (0, 0, ""));
}

#[test]
fn empty_and_bom_only_files() {
    let d = dir_with(&[
        ("empty.json", b""),
        ("bom.json", "\u{feff}".as_bytes()),
        ("walk/empty.yaml", b""),
    ]);
    let r = run(d.path(), &["check", "empty.json", "bom.json"]);
    assert_eq!(r.code, 0, "a warning");
    let f = findings(&r);
    assert_eq!(
        f[0],
        (
            "ECS004".into(),
            1,
            1,
            "the file holds only a byte-order mark".into()
        )
    );
    assert_eq!(f[1], ("ECS004".into(), 1, 1, "the file is empty".into()));
    assert_eq!(
        run(d.path(), &["check", "empty.json", "--fail-on", "warning"]).code,
        1
    );
    let r = run(d.path(), &["check", "walk"]);
    assert_eq!((r.code, findings(&r).len()), (0, 0));
}

#[test]
fn a_bom_before_valid_json_is_accepted() {
    let d = dir_with(&[("task.json", format!("\u{feff}{TASK}").as_bytes())]);
    let r = run(d.path(), &["check", "task.json"]);
    assert_eq!(r.code, 1);
    assert_eq!(findings(&r), vec![("ECS201".into(), 6, 59, "`hostPort` 3000 of container `api` differs from `containerPort` 3001; under `awsvpc` network mode they must be equal".into())]);
}

#[test]
fn deep_nesting_is_refused_with_a_message() {
    let json = "[".repeat(100_000);
    let yaml = "- ".repeat(50_000) + "x\n";
    let d = dir_with(&[
        ("deep.json", json.as_bytes()),
        ("deep.yaml", yaml.as_bytes()),
    ]);
    let r = run(d.path(), &["check", "deep.json", "deep.yaml"]);
    assert_eq!(r.code, 1);
    let f = findings(&r);
    assert_eq!(f[0].0, "ECS001");
    assert!(
        f[0].3.contains("nesting is deeper than 512 levels"),
        "{f:?}"
    );
    assert_eq!((f[0].1, f[0].2), (1, 513));
    assert_eq!(f[1].0, "ECS002");
    assert!(
        f[1].3.contains("nesting is deeper than 512 levels"),
        "{f:?}"
    );
}

#[test]
fn yaml_alias_expansion_is_bounded() {
    let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"];
    let mut prev = "a";
    for n in names {
        yaml.push_str(&format!(
            "{n}: &{n} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
        prev = n;
    }
    let d = dir_with(&[("laughs.yaml", yaml.as_bytes())]);
    let started = std::time::Instant::now();
    let r = run(d.path(), &["check", "laughs.yaml"]);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(r.code, 1);
    let f = findings(&r);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].3.contains("aliases expand to more than 100000 nodes"),
        "{f:?}"
    );
}

#[test]
fn files_over_the_size_limit() {
    let big_other = format!("{{\"data\": \"{}\"}}", "x".repeat(2000));
    let d = dir_with(&[
        ("task.json", TASK.as_bytes()),
        ("walk/data.json", big_other.as_bytes()),
        ("walk/task.json", TASK.as_bytes()),
    ]);
    let r = run(d.path(), &["check", "task.json", "--max-file-size", "100"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        findings(&r),
        vec![(
            "ECS003".into(),
            1,
            1,
            format!(
                "the file is larger than the size limit ({} bytes; the limit is 100)",
                TASK.len()
            )
        )]
    );
    // While walking: the ECS-looking file is reported, the other skipped (listed with --verbose).
    let r = run(
        d.path(),
        &["check", "walk", "--max-file-size", "1000", "--verbose"],
    );
    let f = findings(&r);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "ECS201");
    assert!(r.stderr.contains("skipped: walk/data.json (the file is larger than the size limit (2012 bytes; the limit is 1000))"), "{}", r.stderr);
    let r = run(
        d.path(),
        &["check", "task.json", "--max-file-size", "99999999999999"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("--max-file-size 99999999999999 is more than"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_special_files() {
    use std::os::unix::fs::symlink;
    let d = dir_with(&[("repo/task.json", TASK.as_bytes())]);
    let repo = d.path().join("repo");
    symlink(&repo, repo.join("loop")).expect("symlink");
    symlink(repo.join("a.json"), repo.join("b.json")).expect("symlink");
    symlink(repo.join("b.json"), repo.join("a.json")).expect("symlink");
    // Walking: the directory loop is not followed, the dangling file loop is not a file.
    let r = run(d.path(), &["check", "repo"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(findings(&r).len(), 1);
    // Named explicitly, the file loop is an I/O error (exit 2) and the rest still runs.
    let r = run(d.path(), &["check", "repo/a.json", "repo/task.json"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("repo/a.json: no such file or directory"),
        "{}",
        r.stderr
    );
    assert_eq!(findings(&r).len(), 1);
    // A FIFO is never opened (it would block forever).
    let fifo = repo.join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let r = run(d.path(), &["check", "repo"]);
        assert_eq!((r.code, findings(&r).len()), (1, 1));
        let r = run(d.path(), &["check", "repo/pipe.json"]);
        assert_eq!(r.code, 2);
        assert!(
            r.stderr.contains("repo/pipe.json: not a file or directory"),
            "{}",
            r.stderr
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_an_io_error_and_the_run_goes_on() {
    // Reading /proc/self/mem from its start fails with an I/O error, even as root.
    let d = dir_with(&[("task.json", TASK.as_bytes())]);
    let r = run(d.path(), &["check", "/proc/self/mem", "task.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("error: /proc/self/mem: "), "{}", r.stderr);
    assert_eq!(findings(&r).len(), 1, "task.json was still linted");
}

#[test]
fn a_directory_named_like_a_file_is_walked() {
    let d = dir_with(&[("task.json/inner.json", TASK.as_bytes())]);
    let r = run(d.path(), &["check", "task.json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.json["findings"][0]["file"], "task.json/inner.json");
}

#[test]
fn odd_but_valid_json() {
    let big_number = format!("{{\"family\": \"x\", \"networkMode\": \"awsvpc\", \"containerDefinitions\": [{{\"name\": \"a\", \"image\": \"nginx:1\", \"memory\": {}, \"portMappings\": [{{\"containerPort\": 1e999, \"hostPort\": -0}}]}}]}}", "9".repeat(5000));
    let crlf = TASK.replace('\n', "\r\n");
    let d = dir_with(&[
        ("big.json", big_number.as_bytes()),
        ("crlf.json", crlf.as_bytes()),
        (
            "surrogate.json",
            b"{\"family\": \"\\ud800\", \"containerDefinitions\": []}",
        ),
    ]);
    let r = run(
        d.path(),
        &["check", "big.json", "crlf.json", "surrogate.json"],
    );
    let f = findings(&r);
    assert!(
        f.iter().any(|x| x.0 == "ECS201" && x.1 == 6 && x.2 == 59),
        "CRLF positions: {f:?}"
    );
    assert!(
        f.iter().any(|x| x.0 == "ECS109"),
        "a lone surrogate is read, then judged: {f:?}"
    );
    assert!(!r.stdout.contains("\\ud800"));
}

fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                let mtime = std::fs::metadata(&p)
                    .and_then(|m| m.modified())
                    .expect("mtime");
                out.push((p, bytes, mtime));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn nothing_is_ever_written_to_linted_files() {
    let d = dir_with(&[
        ("task.json", TASK.as_bytes()),
        ("broken.json", b"{\"a\": 1,}"),
        ("w.yaml", b"family: x\ncontainerDefinitions:\n  - name: a\n    # ecslint-ignore ECS201: reason\n    image: nginx\n"),
    ]);
    let before = snapshot_tree(d.path());
    for format in ["human", "json", "sarif", "github", "junit", "markdown"] {
        // `--statistics` exists in the human and JSON formats only.
        let statistics = ["human", "json"].contains(&format);
        let out = bin()
            .current_dir(d.path())
            .args(["check", "--format", format, "--show-suppressed"])
            .args(statistics.then_some("--statistics"))
            .output()
            .expect("runs");
        assert!(matches!(out.status.code(), Some(0..=1)));
    }
    assert_eq!(before, snapshot_tree(d.path()));
}

#[test]
fn a_flood_of_findings_is_capped_per_file() {
    // 3,000 mappings of the same two ports: thousands of duplicate-port findings.
    let mappings: Vec<String> = (0..3000)
        .map(|i| format!("{{\"containerPort\": {}}}", 80 + i % 2))
        .collect();
    let task = format!(
        "{{\"family\": \"x\", \"containerDefinitions\": [{{\"name\": \"a\", \"image\": \"nginx:1.27\", \"memory\": 64, \"portMappings\": [{}]}}]}}",
        mappings.join(",")
    );
    let d = dir_with(&[("flood.json", task.as_bytes())]);
    let r = run(d.path(), &["check", "flood.json", "--select", "ECS206"]);
    assert_eq!(r.code, 1);
    assert_eq!(findings(&r).len(), 1000);
    assert_eq!(r.json["summary"]["not_shown"], 1998);
    assert!(
        r.stderr
            .contains("warning: flood.json: 1998 more findings not shown (at most 1000 per file)"),
        "{}",
        r.stderr
    );
}
