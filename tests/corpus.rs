//! ecslint on the shared corpus of 365 real ECS configurations: no panic, exit code 0 or 1,
//! every span valid, no finding from a placeholder, the same bytes whatever the thread count,
//! and the list of findings pinned (a new false positive shows up as a snapshot change), and
//! the SARIF report valid.
//!
//! The corpus lives beside the repository (`../shared/corpus`, or `$ECSLINT_CORPUS`), not in a
//! user's clone. This file has its own harness (libtest-mimic, `harness = false` in
//! Cargo.toml) so that, without the corpus, each test is reported as ignored with the reason in
//! cargo test's output, and counted, instead of passing silently. Under `CI=true` the corpus
//! must be there: each test fails.

mod common;

use std::path::{Path, PathBuf};

use ecslint::engine::Plan;
use ecslint::model::value::is_placeholder;
use ecslint::rule::Profile;
use libtest_mimic::{Arguments, Completion, Failed, Trial};

use common::Corpus;

/// A corpus test: it gets the corpus directory and panics on failure.
type CorpusTest = fn(&Path);

/// The corpus tests, by name.
const TESTS: &[(&str, CorpusTest)] = &[
    (
        "corpus_lints_cleanly_and_findings_are_pinned",
        corpus_lints_cleanly_and_findings_are_pinned,
    ),
    (
        "corpus_exit_code_and_output_do_not_depend_on_threads",
        corpus_exit_code_and_output_do_not_depend_on_threads,
    ),
    (
        "corpus_sarif_passes_the_official_schema",
        corpus_sarif_passes_the_official_schema,
    ),
    (
        "known_good_files_have_only_true_findings",
        known_good_files_have_only_true_findings,
    ),
    (
        "cfn_lint_ecs_rules_have_an_ecslint_rule_that_fires_on_their_fixtures",
        cfn_lint_ecs_rules_have_an_ecslint_rule_that_fires_on_their_fixtures,
    ),
    (
        "checkov_known_bad_templates_are_caught",
        checkov_known_bad_templates_are_caught,
    ),
];

/// cfn-lint's ECS rules on cfn-lint's own fixtures (in the corpus): (file, cfn-lint id, the
/// ecslint rule that must report the same mistake there). docs/cfn-lint.md has the table.
const CFN_LINT_BAD: &[(&str, &str, &str)] = &[
    (
        "cfn-lint/v1-2024/bad/resources/ecs/test_ecs_task_definition_essential_container.yml",
        "E3042",
        "ECS108",
    ),
    (
        "cfn-lint/v1-2024/bad/resources/ecs/test_fargate_scheduling_strategy.yaml",
        "E3044",
        "ECS301",
    ),
    ("cfn-lint/v2-rust/bad/ecs_service.yaml", "E3044", "ECS301"),
    (
        "cfn-lint/v2-rust/bad/ecs_taskdefinition.yaml",
        "E3047",
        "ECS103",
    ),
    (
        "cfn-lint/main/bad/resources_circular_dependency.yaml",
        "E3048",
        "ECS101",
    ),
    (
        "cfn-lint/main/bad/resources_circular_dependency.yaml",
        "E3048",
        "ECS102",
    ),
    (
        "cfn-lint/main/integration/cfn-gather.yaml",
        "E3052",
        "ECS406",
    ),
    ("cfn-lint/v2-rust/bad/ecs_service.yaml", "E3052", "ECS406"),
    (
        "cfn-lint/main/integration/cfn-gather.yaml",
        "E3054",
        "ECS407",
    ),
    ("cfn-lint/v2-rust/bad/ecs_service.yaml", "E3054", "ECS407"),
];

/// Their good twins: the same rule stays silent.
const CFN_LINT_GOOD: &[(&str, &str)] = &[
    (
        "cfn-lint/v1-2024/good/resources/ecs/test_ecs_task_definition_essential_container.yml",
        "ECS108",
    ),
    (
        "cfn-lint/v1-2024/good/resources/ecs/test_fargate_scheduling_strategy.yaml",
        "ECS301",
    ),
    ("cfn-lint/main/integration/ref-types.yaml", "ECS406"),
    ("cfn-lint/main/integration/getatt-types.yaml", "ECS407"),
];

/// checkov's known-bad CloudFormation fixtures in the corpus, each caught by an ecslint rule
/// (file, checkov id, rule), and their good twins, where the rule stays silent.
const CHECKOV_BAD: &[(&str, &str, &str)] = &[
    (
        "checkov/cfn/ALBListener/ALBListenerHTTPS-FAILED-HTTP.yaml",
        "CKV_AWS_2",
        "ECS501",
    ),
    (
        "checkov/cfn/ECSTaskDefinitionEFSVolumeEncryption/ECSTaskDefinitionEFSVolumeEncryption-FAILED.yaml",
        "CKV_AWS_97",
        "ECS110",
    ),
];

const CHECKOV_GOOD: &[(&str, &str)] = &[
    ("checkov/cfn/ALBListener/ALBListenerHTTPS-PASSED-HTTPS.yaml", "ECS501"),
    ("checkov/cfn/ALBListener/ALBListenerHTTPS-PASSED-TCP.yaml", "ECS501"),
    ("checkov/cfn/ALBListener/ALBListenerHTTPS-PASSED-TCP_UDP.yaml", "ECS501"),
    ("checkov/cfn/ALBListener/ALBListenerHTTPS-PASSED-TLS.yaml", "ECS501"),
    ("checkov/cfn/ALBListener/ALBListenerHTTPS-PASSED-UDP.yaml", "ECS501"),
    ("checkov/cfn/ALBListener/ALBListenerHTTPS-PASSED-redirect.yaml", "ECS501"),
    (
        "checkov/cfn/ECSTaskDefinitionEFSVolumeEncryption/ECSTaskDefinitionEFSVolumeEncryption-PASSED.yaml",
        "ECS110",
    ),
];

fn checkov_known_bad_templates_are_caught(corpus: &Path) {
    let mut problems = Vec::new();
    for (file, id, code) in CHECKOV_BAD {
        let outcome = common::lint(&[corpus.join(file)], &Plan::only(code));
        if outcome.findings.is_empty() {
            problems.push(format!("{code} ({id}) is silent on {file}"));
        }
    }
    for (file, code) in CHECKOV_GOOD {
        let outcome = common::lint(&[corpus.join(file)], &Plan::only(code));
        if !outcome.findings.is_empty() {
            problems.push(format!("{code} reports on the good twin {file}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn cfn_lint_ecs_rules_have_an_ecslint_rule_that_fires_on_their_fixtures(corpus: &Path) {
    let registry = ecslint::rule::Registry::builtin();
    let mut problems = Vec::new();
    for (file, id, code) in CFN_LINT_BAD {
        let rule = registry.find(code).expect("a built-in rule");
        if !rule.cfn_lint_ids().any(|c| c == *id) {
            problems.push(format!("{code} does not declare peer cfn-lint:{id}"));
        }
        let outcome = common::lint(&[corpus.join(file)], &Plan::only(code));
        if outcome.findings.is_empty() {
            problems.push(format!("{code} ({id}) is silent on {file}"));
        }
    }
    for (file, code) in CFN_LINT_GOOD {
        let outcome = common::lint(&[corpus.join(file)], &Plan::only(code));
        if !outcome.findings.is_empty() {
            problems.push(format!("{code} reports on the good twin {file}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The findings ecslint makes in its default profile on files INDEX.tsv marks known-good
/// (fixtures of other tools, good for what they test), each a true problem the fixture was
/// not about: (file, rule, why). (`latest-image-tag`, in the `security` profile since this
/// list was made, also finds untagged images in three of them.) Any other finding on a known-good file fails the test, and so does an entry that no
/// longer matches a finding.
const TRUE_ON_KNOWN_GOOD: &[(&str, &str, &str)] = &[
    (
        "cfn-lint/v1-2024/good/resources/properties/allowed_values.yaml",
        "ECS106",
        "the task definition has no ContainerDefinitions; RegisterTaskDefinition requires \
         containerDefinitions, so the stack fails to create it (the fixture tests allowed \
         values only)",
    ),
    (
        "cfn-lint/v1-2024/good/resources/properties/list_duplicates_allowed.yaml",
        "ECS208",
        "an EC2 task with no task Memory and a container with neither Memory nor \
         MemoryReservation: ECS rejects it (\"At least one of 'memory' or 'memoryReservation' \
         must be specified\")",
    ),
    (
        "cfn-lint/v1-2024/good/resources/properties/allowed_values.yaml",
        "ECS407",
        "the Fargate service runs a task definition with NetworkMode none that does not require \
         FARGATE: ECS rejects it (cfn-lint 1.58.0 reports E3054 here too)",
    ),
    (
        "cfn-lint/v1-2024/good/resources/ecs/test_fargate_scheduling_strategy.yaml",
        "ECS316",
        "its four services name no TaskDefinition and use the default ECS deployment \
         controller: CloudFormation's ECS service cannot be created without one (the fixture \
         tests the scheduling strategy only)",
    ),
    (
        "cfn-lint/v1-2024/good/resources/ecs/test_fargate_scheduling_strategy.yaml",
        "ECS009",
        "`LaunchType: Fargate`: the resource schema's values are `EC2`, `FARGATE` and \
         `EXTERNAL`, case included (cfn-lint 1.58.0 reports E3030 here too; the fixture tests \
         the scheduling strategy only)",
    ),
    (
        "checkov/cfn/ALBListener/ALBListenerHTTPS-PASSED-TCP.yaml",
        "ECS411",
        "listener `ListenerHTTPUnknown` uses HTTP on a load balancer of `Type: network`, which \
         listens on TCP, TLS, UDP and TCP_UDP only: ELB refuses it (the fixture passes \
         checkov's HTTPS check because its redirect goes to HTTPS)",
    ),
    (
        "checkov/cfn/ALBListener/ALBListenerHTTPS-PASSED-TLS.yaml",
        "ECS411",
        "a TLS listener of a network load balancer forwards to a target group with `Protocol: \
         HTTP`: ELB refuses it (\"The target group's protocol is incompatible with the load \
         balancer\"); the fixture is about checkov's listener check only",
    ),
];

fn known_good_files_have_only_true_findings(corpus: &Path) {
    let index = std::fs::read_to_string(corpus.join("INDEX.tsv")).expect("INDEX.tsv");
    let known_good: std::collections::HashSet<&str> = index
        .lines()
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() > 4 && cols[4].starts_with("known-good")).then_some(cols[0])
        })
        .collect();
    assert!(
        known_good.len() > 10,
        "INDEX.tsv marks {} files known-good",
        known_good.len()
    );
    // The default profile: what a user sees. The `security` and `all` profiles add hardening
    // controls (a read-only root file system, a non-root user…) that a file ECS accepts and
    // INDEX.tsv calls good need not meet; their counts are pinned in
    // `corpus_findings_beyond_the_default_profile`.
    let outcome = common::lint(
        &[corpus.to_path_buf()],
        &Plan::profile(Profile::Recommended),
    );
    let prefix = format!("{}/", corpus.display());
    let mut unexpected = Vec::new();
    let mut used = vec![false; TRUE_ON_KNOWN_GOOD.len()];
    for f in &outcome.findings {
        let display = &outcome.files[f.file].display;
        let file = display.strip_prefix(&prefix).unwrap_or(display);
        if !known_good.contains(file) {
            continue;
        }
        match TRUE_ON_KNOWN_GOOD
            .iter()
            .position(|(p, code, _)| *p == file && *code == f.rule.code.as_ref())
        {
            Some(i) => used[i] = true,
            None => unexpected.push(format!("{file}: {} {}", f.rule.code, f.message)),
        }
    }
    assert!(
        unexpected.is_empty(),
        "findings on known-good files:\n{}",
        unexpected.join("\n")
    );
    let stale: Vec<_> = TRUE_ON_KNOWN_GOOD
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(e, _)| format!("{} {}", e.0, e.1))
        .collect();
    assert!(stale.is_empty(), "entries that match no finding: {stale:?}");
}

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let corpus = common::corpus();
    let trials = TESTS
        .iter()
        .map(|&(name, test)| match &corpus {
            Corpus::Present(dir) => {
                let dir: PathBuf = dir.clone();
                Trial::test(name, move || {
                    test(&dir);
                    Ok(())
                })
            }
            Corpus::Absent(reason) => {
                let reason = reason.clone();
                Trial::ignorable_test(name, move || Ok(Completion::ignored_with(reason)))
            }
            Corpus::Missing(message) => {
                let message = message.clone();
                Trial::test(name, move || Err(Failed::from(message)))
            }
        })
        .collect();
    libtest_mimic::run(&args, trials).exit_code()
}

fn corpus_lints_cleanly_and_findings_are_pinned(corpus: &Path) {
    let outcome = common::lint(&[corpus.to_path_buf()], &Plan::all());
    assert!(
        outcome.errors.is_empty(),
        "I/O errors: {:?}",
        outcome.errors
    );
    common::assert_spans_valid(&outcome);
    assert!(
        outcome.files.len() > 250,
        "the walk found only {} files",
        outcome.files.len()
    );

    // No finding is drawn under a placeholder (parse errors aside: an unquoted placeholder is
    // what makes those files invalid).
    for f in &outcome.findings {
        if matches!(f.rule.code.as_ref(), "ECS001" | "ECS002") {
            continue;
        }
        let spans =
            std::iter::once((f.file, f.span)).chain(f.labels.iter().map(|l| (l.file, l.span)));
        for (file, span) in spans {
            let text = outcome.files[file].text.as_deref().unwrap_or_default();
            let token = &text[span.range()];
            // A whole object or list (a label on `networkConfiguration`) may hold placeholders.
            let whole = token.starts_with(['[', '{']) && !token.starts_with("{{");
            assert!(
                whole || !is_placeholder(token),
                "{} {}: finding on placeholder {token}",
                outcome.files[file].display,
                f.rule.code
            );
        }
    }

    let prefix = format!("{}/", corpus.display());
    let listing: String = outcome
        .findings
        .iter()
        .filter(|f| f.rule.in_profile(Profile::Recommended))
        .map(|f| {
            let file = &outcome.files[f.file];
            let p = file.position(f.span.start);
            format!(
                "{}:{}:{} {} {}\n",
                file.display.strip_prefix(&prefix).unwrap_or(&file.display),
                p.line,
                p.column,
                f.rule.code,
                f.message
            )
        })
        .collect();
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("corpus_findings", listing);
    });

    // Beyond the default profile, a count per rule: hardening controls most real
    // configurations do not meet, reviewed by their totals.
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for f in outcome
        .findings
        .iter()
        .filter(|f| !f.rule.in_profile(Profile::Recommended))
    {
        *counts
            .entry(format!(
                "{} {} ({})",
                f.rule.code,
                f.rule.name,
                f.rule.profile.map_or("selected by name", |p| p.as_str())
            ))
            .or_default() += 1;
    }
    let counts: String = counts
        .iter()
        .map(|(rule, n)| format!("{rule}: {n}\n"))
        .collect();
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("corpus_findings_beyond_the_default_profile", counts);
    });
}

fn corpus_exit_code_and_output_do_not_depend_on_threads(corpus: &Path) {
    let mut outputs = Vec::new();
    for threads in ["1", "2", "7"] {
        for format in ["human", "json", "sarif"] {
            let out = common::bin()
                .arg("check")
                .arg(corpus)
                .args(["--format", format, "--color", "never"])
                .env("RAYON_NUM_THREADS", threads)
                .output()
                .expect("runs");
            let code = out.status.code();
            assert!(
                matches!(code, Some(0) | Some(1)),
                "exit code {code:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
            outputs.push((format, threads, out.stdout));
        }
    }
    for format in ["human", "json", "sarif"] {
        let same: Vec<&Vec<u8>> = outputs
            .iter()
            .filter(|(f, _, _)| *f == format)
            .map(|(_, _, o)| o)
            .collect();
        assert!(
            same.windows(2).all(|w| w[0] == w[1]),
            "{format} output differs between thread counts"
        );
        assert!(!same[0].is_empty());
    }
}

fn corpus_sarif_passes_the_official_schema(corpus: &Path) {
    common::assert_sarif_valid(&corpus.display().to_string());
}
