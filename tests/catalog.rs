//! Meta-tests that keep the rule catalog honest: codes unique, sorted and pinned; names in
//! kebab-case naming the bad pattern; every rule documented under the fixed headings; the doc
//! examples run (the failing one gives exactly that rule, the passing one gives nothing); the
//! rule list in `docs/rules.md` and the README is generated from the catalog and kept fresh.

mod common;

use std::path::{Path, PathBuf};

use ecslint::checks::BUILT_IN;
use ecslint::engine::Plan;
use ecslint::rule::{Category, Profile, Rule, Severity};

const HEADINGS: &[&str] = &[
    "What it does",
    "Why is this bad?",
    "Example",
    "Use instead",
    "References",
];

#[test]
fn codes_are_unique_sorted_and_pinned() {
    let codes: Vec<&str> = BUILT_IN.iter().map(|r| r.code.as_ref()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        codes, sorted,
        "BUILT_IN must be sorted by code, without duplicates"
    );
    let listed: Vec<String> = BUILT_IN
        .iter()
        .map(|r| format!("{} {}", r.code, r.name))
        .collect();
    let pinned = std::fs::read_to_string("tests/rules.txt").expect("tests/rules.txt");
    let pinned: Vec<&str> = pinned
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert_eq!(
        listed, pinned,
        "tests/rules.txt pins every code and name; codes are never removed or reused"
    );
}

#[test]
fn codes_and_names_follow_the_scheme() {
    let mut names: Vec<&str> = BUILT_IN.iter().map(|r| r.name.as_ref()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), BUILT_IN.len(), "names are unique");
    for r in BUILT_IN {
        assert!(
            r.code.len() == 6
                && r.code.starts_with("ECS")
                && r.code[3..].bytes().all(|b| b.is_ascii_digit()),
            "{}",
            r.code
        );
        assert!(
            r.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{} is not kebab-case",
            r.name
        );
        // Names say what is wrong, not what to do.
        for banned in ["use-", "avoid-", "prefer-", "no-", "require-", "ensure-"] {
            assert!(
                !r.name.starts_with(banned),
                "{}: name the bad pattern, not the fix",
                r.name
            );
        }
        let registry = ecslint::rule::Registry::builtin();
        assert_eq!(
            registry.find(&r.code).map(|x| x.name.clone()),
            Some(r.name.clone())
        );
        assert_eq!(
            registry.find(&r.name).map(|x| x.code.clone()),
            Some(r.code.clone())
        );
    }
}

#[test]
fn every_rule_has_docs_with_the_fixed_headings() {
    for r in BUILT_IN {
        let path = PathBuf::from(format!("rules/{}-{}.md", r.code, r.name));
        assert!(path.is_file(), "{} is missing", path.display());
        assert!(
            r.docs.starts_with(&format!("# {} {}\n", r.code, r.name)),
            "{}: title line",
            path.display()
        );
        assert!(!r.summary().is_empty(), "{}: summary line", path.display());
        let mut last = 0;
        for h in HEADINGS {
            let at = r
                .docs
                .find(&format!("\n## {h}\n"))
                .unwrap_or_else(|| panic!("{}: missing `## {h}`", path.display()));
            assert!(at > last, "{}: `## {h}` out of order", path.display());
            last = at;
            assert!(
                !r.section(h).unwrap_or_default().is_empty(),
                "{}: `## {h}` is empty",
                path.display()
            );
        }
        assert!(
            r.help_uri().is_some_and(|u| u.starts_with("https://")),
            "{}: References need a link",
            path.display()
        );
    }
    // No orphan docs.
    for entry in std::fs::read_dir("rules").expect("rules dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            BUILT_IN
                .iter()
                .any(|r| name == format!("{}-{}.md", r.code, r.name)),
            "rules/{name} belongs to no rule"
        );
    }
}

/// A rule with options documents each of them under `## Options` with a TOML example that is
/// a valid configuration; a rule without options has no such section.
#[test]
fn rule_options_are_documented_with_a_working_example() {
    let registry = ecslint::rule::Registry::builtin();
    let mut with_options = 0;
    for r in BUILT_IN {
        let section = r.section("Options");
        let Some(spec) = r.options else {
            assert!(section.is_none(), "{}: `## Options` but no options", r.code);
            continue;
        };
        with_options += 1;
        let section = section.unwrap_or_else(|| panic!("{}: options not documented", r.code));
        let toml: Vec<String> = blocks(section)
            .into_iter()
            .filter(|(info, _)| info == "toml")
            .map(|(_, body)| body)
            .collect();
        assert_eq!(toml.len(), 1, "{}: one ```toml example", r.code);
        let config = ecslint::config::parse(&toml[0])
            .unwrap_or_else(|e| panic!("{}: the example is not a configuration: {e}", r.code));
        assert!(
            config.rules.contains_key(r.name.as_ref()),
            "{}: [rules.{}]",
            r.code,
            r.name
        );
        ecslint::config::rule_options(&config.rules, &registry)
            .unwrap_or_else(|e| panic!("{}: {e}", r.code));
        let schema = (spec.schema)();
        let keys = schema["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{}: options without properties", r.code));
        for key in keys.keys() {
            assert!(
                toml[0].contains(key.as_str()),
                "{}: option `{key}` not shown",
                r.code
            );
        }
    }
    assert!(with_options >= 2);
}

/// The fenced code blocks of a section: (info string, body).
fn blocks(section: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            let mut body = String::new();
            for l in lines.by_ref() {
                if l.trim_start().starts_with("```") {
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            out.push((info.trim().to_string(), body));
        }
    }
    out
}

/// Writes a section's code blocks into a fresh directory, named by their info string
/// (```json service.json) or `example.<lang>`.
fn materialise(section: &str, dir: &std::path::Path) -> Vec<PathBuf> {
    blocks(section)
        .into_iter()
        .enumerate()
        .map(|(i, (info, body))| {
            let mut parts = info.split_whitespace();
            let lang = parts.next().unwrap_or("json");
            let name = parts
                .next()
                .map(str::to_string)
                .unwrap_or_else(|| format!("example{i}.{lang}"));
            let path = dir.join(name);
            std::fs::write(&path, body).expect("write example");
            path
        })
        .collect()
}

/// What a reader of the rule's page runs: the default profile and the rule itself, with the
/// configuration an example may carry in a ```toml .ecslint.toml block.
fn plan_in(dir: &std::path::Path, rule: &Rule) -> Plan {
    let config = dir.join(".ecslint.toml");
    if !config.is_file() {
        let mut plan = Plan::profile(Profile::Recommended);
        if let Some(i) = BUILT_IN.iter().position(|r| r.code == rule.code) {
            plan.rules.enabled[i] = true;
        }
        return plan;
    }
    let loaded = ecslint::config::load(&config).unwrap_or_else(|e| panic!("{e}"));
    let mut plan = Plan::all();
    let all = ["ALL".to_string()];
    let flags = ecslint::config::RuleFlags {
        select: Some(&all),
        ..Default::default()
    };
    ecslint::config::apply(&mut plan, &loaded, flags, dir).unwrap_or_else(|e| panic!("{e}"));
    plan.rules.enabled = BUILT_IN
        .iter()
        .map(|r| r.in_profile(Profile::Recommended) || r.code == rule.code)
        .collect();
    plan
}

#[test]
fn doc_examples_run() {
    for r in BUILT_IN {
        let tmp = tempfile::tempdir().expect("tempdir");
        let bad = tmp.path().join("bad");
        let good = tmp.path().join("good");
        std::fs::create_dir_all(&bad).expect("mkdir");
        std::fs::create_dir_all(&good).expect("mkdir");
        let is_config = |p: &PathBuf| p.ends_with(".ecslint.toml");
        let mut bad_files = materialise(r.section("Example").unwrap_or_default(), &bad);
        let mut good_files = materialise(r.section("Use instead").unwrap_or_default(), &good);
        bad_files.retain(|p| !is_config(p));
        good_files.retain(|p| !is_config(p));
        assert!(
            !bad_files.is_empty() && !good_files.is_empty(),
            "{}: examples need code blocks",
            r.code
        );

        let outcome = common::lint(&bad_files, &plan_in(&bad, r));
        assert!(
            !outcome.findings.is_empty(),
            "{}: the Example gives no finding",
            r.code
        );
        for f in &outcome.findings {
            assert_eq!(
                f.rule.code, r.code,
                "{}: the Example also gives {}: {}",
                r.code, f.rule.code, f.message
            );
        }
        let outcome = common::lint(&good_files, &plan_in(&good, r));
        assert!(
            outcome.findings.is_empty(),
            "{}: the Use instead example gives findings:\n{}",
            r.code,
            common::human(&outcome)
        );
    }
}

#[test]
fn messages_follow_one_style() {
    // Over every fail fixture: no trailing period, no empty help.
    for r in BUILT_IN {
        let dir = PathBuf::from("tests/fixtures").join(r.code.as_ref());
        let outcome = common::lint(&[dir], &Plan::all());
        for f in &outcome.findings {
            assert!(
                !f.message.ends_with('.'),
                "{}: message ends with a period: {}",
                r.code,
                f.message
            );
            assert!(
                f.help
                    .as_ref()
                    .is_none_or(|h| !h.is_empty() && !h.ends_with('.')),
                "{}: help style: {:?}",
                r.code,
                f.help
            );
        }
    }
}

/// The environment variable that rewrites generated docs instead of failing on them (the same
/// one the man page test in `tests/cli.rs` uses).
const UPDATE: &str = "ECSLINT_UPDATE_DOCS";
const REGENERATE: &str = "ECSLINT_UPDATE_DOCS=1 cargo test --test catalog";
const README_START: &str = "<!-- rules:start -->\n";
const README_END: &str = "<!-- rules:end -->";

/// One Markdown table cell: pipes escaped (also inside code spans, as GitHub reads tables),
/// line breaks flattened.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// What a category means, for the generated docs.
fn category_meaning(c: Category) -> &'static str {
    match c {
        Category::DeployError => {
            "ECS would refuse the configuration when it is registered or deployed, or ecslint \
             cannot read the file at all"
        }
        Category::Wiring => {
            "the resources deploy, but a service and its task definition do not fit together, \
             so traffic breaks afterwards"
        }
        Category::Security => {
            "settings that weaken the security of a task; these rules carry a \
             `security-severity` in SARIF, which GitHub code scanning ranks by"
        }
        Category::BestPractice => {
            "ECS accepts it, but it is likely to cause trouble later; also the upkeep of \
             suppressions"
        }
        Category::Policy => {
            "organisation rules, run only when `select` names the category or the rule"
        }
    }
}

/// The full text of `docs/rules.md`.
fn rules_page() -> String {
    let mut out = String::from("# Rules\n\n");
    out.push_str(&format!(
        "<!-- Generated from the rule catalog by `{REGENERATE}`; do not edit by hand. -->\n\n"
    ));
    out.push_str(&format!(
        "Every rule ecslint ships, by category. This page is generated from the rule catalog \
         (`ecslint::checks::BUILT_IN` and `rules/`): `{REGENERATE}` rewrites it, and \
         `cargo test --test catalog` fails when it is stale. `ecslint rules` prints the same \
         list, `ecslint rule <CODE>` one rule's documentation.\n"
    ));
    for category in Category::ALL {
        let rules: Vec<&Rule> = BUILT_IN
            .iter()
            .copied()
            .filter(|r| r.category == category)
            .collect();
        if rules.is_empty() {
            continue;
        }
        let security = category == Category::Security;
        let meaning = category_meaning(category);
        out.push_str(&format!(
            "\n## {}\n\n{}{}.\n\n",
            category.as_str(),
            meaning[..1].to_uppercase(),
            &meaning[1..]
        ));
        if security {
            out.push_str(
                "| code | name | severity | security-severity | profile | summary | peers |\n",
            );
            out.push_str("|---|---|---|---|---|---|---|\n");
        } else {
            out.push_str("| code | name | severity | profile | summary | peers |\n");
            out.push_str("|---|---|---|---|---|---|\n");
        }
        for r in rules {
            let link = format!("[{}](../rules/{}-{}.md)", r.name, r.code, r.name);
            let extra = if security {
                format!(" {} |", cell(r.security_severity.as_deref().unwrap_or("")))
            } else {
                String::new()
            };
            let peers: Vec<String> = r.peers.iter().map(|p| format!("`{p}`")).collect();
            out.push_str(&format!(
                "| {} | {} | {} |{} {} | {} | {} |\n",
                r.code,
                link,
                r.severity.as_str(),
                extra,
                r.profile.map_or("(selected by name)", |p| p.as_str()),
                cell(&r.summary()),
                peers.join(" ")
            ));
        }
    }

    out.push_str("\n## Categories\n\n");
    out.push_str(
        "A category is a selector like a code, a prefix or a name (`select`, `ignore`, \
         `[severity]`, `[per-file-ignores]` in `.ecslint.toml`, `--select`, `--ignore`).\n\n",
    );
    for category in Category::ALL {
        let count = BUILT_IN.iter().filter(|r| r.category == category).count();
        let rules = match count {
            0 => "no built-in rule yet".to_string(),
            1 => "1 rule".to_string(),
            n => format!("{n} rules"),
        };
        out.push_str(&format!(
            "- `{}` ({rules}): {}.\n",
            category.as_str(),
            category_meaning(category)
        ));
    }

    out.push_str("\n## Profiles\n\n");
    out.push_str(
        "A profile is the set of rules that runs when `select` does not say which: `profile` in \
         `.ecslint.toml` or `--profile`. Each profile holds the one before it; a rule's \
         `profile` column above is the smallest that runs it. `select`, `extend-select` and \
         `ignore` work on top of the profile.\n\n",
    );
    for profile in Profile::ALL {
        let count = BUILT_IN.iter().filter(|r| r.in_profile(profile)).count();
        let default = if profile == Profile::default() {
            ", the default"
        } else {
            ""
        };
        out.push_str(&format!(
            "- `{}` ({count} rules{default}): {}.\n",
            profile.as_str(),
            profile_meaning(profile)
        ));
    }

    out.push_str("\n## Severities\n\n");
    out.push_str(
        "Each rule has a default severity; `[severity]` in `.ecslint.toml` overrides it per \
         rule, prefix or category. Which severities fail a run is `--fail-on` (`fail-on`).\n\n",
    );
    for (severity, meaning) in [
        (Severity::Error, "fails the run (exit code 1) by default"),
        (
            Severity::Warning,
            "reported; fails the run only with `--fail-on warning` or `--fail-on info`",
        ),
        (
            Severity::Info,
            "reported; fails the run only with `--fail-on info`",
        ),
    ] {
        let default_of = match BUILT_IN.iter().filter(|r| r.severity == severity).count() {
            0 => "no rule's default".to_string(),
            1 => "the default of 1 rule".to_string(),
            n => format!("the default of {n} rules"),
        };
        out.push_str(&format!(
            "- `{}` ({default_of}): {meaning}.\n",
            severity.as_str()
        ));
    }
    out
}

fn profile_meaning(profile: Profile) -> &'static str {
    match profile {
        Profile::Deploy => {
            "what ECS or a deployment would refuse, and wiring that breaks traffic: the rules a \
             pull-request gate can never argue with"
        }
        Profile::Recommended => {
            "adds the security and best-practice rules that are right for nearly every \
             configuration"
        }
        Profile::Security => {
            "adds the hardening controls security reviewers map findings to (AWS Security Hub, \
             checkov, trivy), some of which many teams decide against"
        }
        Profile::All => "adds opt-in opinions that suit some teams only",
    }
}

/// The compact table the README holds between its `rules` markers.
fn readme_block() -> String {
    let mut out = String::from(README_START);
    out.push_str("| code | name | severity | summary |\n|---|---|---|---|\n");
    for r in BUILT_IN {
        out.push_str(&format!(
            "| {} | [{}](rules/{}-{}.md) | {} | {} |\n",
            r.code,
            r.name,
            r.code,
            r.name,
            r.severity.as_str(),
            cell(&r.summary())
        ));
    }
    out.push_str(README_END);
    out
}

/// `readme` with the text between its markers (markers included) replaced by `block`.
fn with_readme_block(readme: &str, block: &str) -> String {
    let start = readme
        .find(README_START)
        .unwrap_or_else(|| panic!("README.md has no `{}` marker", README_START.trim()));
    let end = readme[start..]
        .find(README_END)
        .map(|i| start + i + README_END.len())
        .unwrap_or_else(|| panic!("README.md has no `{README_END}` after the start marker"));
    format!("{}{}{}", &readme[..start], block, &readme[end..])
}

#[test]
fn table_cells_escape_pipes() {
    assert_eq!(cell("a | b `c|d`"), "a \\| b `c\\|d`");
    assert_eq!(cell("one\ntwo"), "one two");
    let readme = "x\n<!-- rules:start -->\nold\n<!-- rules:end -->\ny\n";
    assert_eq!(
        with_readme_block(readme, "<!-- rules:start -->\nnew\n<!-- rules:end -->"),
        "x\n<!-- rules:start -->\nnew\n<!-- rules:end -->\ny\n"
    );
}

/// Fails, naming the first line that differs and how to regenerate, unless `committed` is
/// `generated`.
fn assert_fresh(what: &str, committed: &str, generated: &str) {
    if committed == generated {
        return;
    }
    let (line, old, new) = committed
        .lines()
        .map(Some)
        .chain(std::iter::repeat(None))
        .zip(generated.lines().map(Some).chain(std::iter::repeat(None)))
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| (i + 1, a, b))
        .unwrap_or((0, None, None));
    panic!(
        "{what} is stale: run `{REGENERATE}`\nfirst difference, line {line}:\n  committed: {}\n  generated: {}",
        old.unwrap_or("(end of file)"),
        new.unwrap_or("(end of file)")
    );
}

#[test]
fn rules_docs_are_fresh() {
    let page = rules_page();
    let path = Path::new("docs/rules.md");
    let update = std::env::var_os(UPDATE).is_some();
    if update {
        std::fs::write(path, &page).expect("write docs/rules.md");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert_fresh("docs/rules.md", &committed, &page);

    let readme_path = Path::new("README.md");
    let readme = std::fs::read_to_string(readme_path).expect("README.md");
    let fresh = with_readme_block(&readme, &readme_block());
    if update && fresh != readme {
        std::fs::write(readme_path, &fresh).expect("write README.md");
    }
    let committed = std::fs::read_to_string(readme_path).expect("README.md");
    assert_fresh(
        "the rule table in README.md (between the `rules` markers)",
        &committed,
        &fresh,
    );
}

/// Every peer id a rule declares is named, as `tool:id`, in its References; ids are of a
/// known tool and unique within the rule.
#[test]
fn peers_are_named_in_the_references() {
    let tools = [
        "cfn-lint",
        "checkov",
        "trivy",
        "kics",
        "securityhub",
        "cdk-nag",
    ];
    let mut problems = Vec::new();
    for r in BUILT_IN {
        let refs = r.section("References").unwrap_or_default();
        for (i, peer) in r.peers.iter().enumerate() {
            let known = peer
                .split_once(':')
                .is_some_and(|(tool, id)| tools.contains(&tool) && !id.is_empty());
            if !known {
                problems.push(format!(
                    "{}: `{peer}` is not tool:id of a known tool",
                    r.code
                ));
            }
            if r.peers[..i].contains(peer) {
                problems.push(format!("{}: `{peer}` declared twice", r.code));
            }
            if !refs.contains(&format!("`{peer}`")) {
                problems.push(format!("{}: References do not name `{peer}`", r.code));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// docs/cfn-lint.md's table of honoured cfn-lint ids is what the rules declare.
#[test]
fn cfn_lint_ids_table_matches_the_rules() {
    let doc = std::fs::read_to_string("docs/cfn-lint.md").expect("docs/cfn-lint.md");
    let section = doc
        .split("## Honouring cfn-lint's decisions")
        .nth(1)
        .expect("the honouring section");
    let mut documented: Vec<(String, String)> = section
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells.len() == 4 && cells[1].starts_with('E') && cells[1] != "cfn-lint id")
                .then(|| (cells[1].to_string(), cells[2].to_string()))
        })
        .collect();
    documented.sort();
    let mut declared: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for r in BUILT_IN {
        for id in r.cfn_lint_ids() {
            declared.entry(id).or_default().push(r.code.as_ref());
        }
    }
    let declared: Vec<(String, String)> = declared
        .into_iter()
        .map(|(id, mut codes)| {
            codes.sort_unstable();
            (id.to_string(), codes.join(", "))
        })
        .collect();
    assert_eq!(documented, declared, "docs/cfn-lint.md's table is stale");
}
