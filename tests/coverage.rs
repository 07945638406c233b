//! The constraint coverage: every constraint of the shared reference `ecs-constraints.md`
//! (`tests/data/constraints.tsv` holds its numbers and titles, so a clone without `../shared`
//! still checks) is either checked by a rule that declares its number in `constraints:`, or
//! says why no rule does. `docs/coverage.md` is generated from both:
//! `ECSLINT_UPDATE_DOCS=1 cargo test --test coverage` rewrites it, and this test fails when it
//! is stale.

use std::collections::BTreeMap;
use std::path::Path;

use ecslint::checks::BUILT_IN;

const DATA: &str = "tests/data/constraints.tsv";
const DOC: &str = "docs/coverage.md";

/// Where no rule covers a constraint, these are the reasons that may be given.
const STATUSES: [(&str, &str); 7] = [
    ("covered", "a rule checks it"),
    (
        "partial",
        "a rule checks part of it; the note says what is left",
    ),
    (
        "schema",
        "a structural check (required, unknown or mistyped members, enum values, bounds) that \
         the validator built from the AWS API model makes",
    ),
    (
        "live",
        "needs the AWS account (existing roles, subnets, quotas in use)",
    ),
    ("info", "informational: nothing a linter should report"),
    ("todo", "decidable from the files, not built yet"),
    ("not-a-mistake", "examined and found not to be a mistake"),
];

struct Constraint {
    n: u16,
    title: String,
    level: String,
    status: String,
    note: String,
}

fn constraints() -> Vec<Constraint> {
    let text = std::fs::read_to_string(DATA).expect("tests/data/constraints.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("n\t") && !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), 5, "five columns: {l}");
            Constraint {
                n: cells[0].parse().unwrap_or_else(|_| panic!("a number: {l}")),
                title: cells[1].to_string(),
                level: cells[2].to_string(),
                status: cells[3].to_string(),
                note: cells[4].to_string(),
            }
        })
        .collect()
}

/// Constraint number → the codes of the rules that declare it.
fn declared() -> BTreeMap<u16, Vec<&'static str>> {
    let mut by: BTreeMap<u16, Vec<&'static str>> = BTreeMap::new();
    for r in BUILT_IN {
        for n in r.constraints {
            let code: &'static str = match &r.code {
                std::borrow::Cow::Borrowed(c) => c,
                std::borrow::Cow::Owned(_) => continue,
            };
            by.entry(*n).or_default().push(code);
        }
    }
    by
}

#[test]
fn every_constraint_is_covered_or_explained() {
    let list = constraints();
    let declared = declared();
    let mut problems = Vec::new();
    for (i, c) in list.iter().enumerate() {
        if c.n as usize != i + 1 {
            problems.push(format!("#{} is out of order (expected #{})", c.n, i + 1));
        }
        if !STATUSES.iter().any(|(s, _)| *s == c.status) {
            problems.push(format!("#{}: unknown status `{}`", c.n, c.status));
        }
        let rules = declared.get(&c.n);
        match (c.status.as_str(), rules) {
            ("covered" | "partial", None) => problems.push(format!(
                "#{} says {} but no rule declares it",
                c.n, c.status
            )),
            ("covered" | "partial", Some(_)) => {}
            (status, Some(rules)) => problems.push(format!(
                "#{} says {status} but {} declare it",
                c.n,
                rules.join(", ")
            )),
            (_, None) if c.note.is_empty() => {
                problems.push(format!("#{}: no rule, and no note saying why", c.n))
            }
            _ => {}
        }
        if c.status == "partial" && c.note.is_empty() {
            problems.push(format!(
                "#{}: partial, and no note saying what is left",
                c.n
            ));
        }
    }
    for n in declared.keys() {
        if !list.iter().any(|c| c.n == *n) {
            problems.push(format!("a rule declares #{n}, which is not a constraint"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The data file follows the reference: the same constraint numbers. Without `../shared` (a
/// user's clone) this is skipped, visibly; under CI=true its absence fails.
#[test]
fn the_data_file_follows_the_reference() {
    let reference =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/ecs-constraints.md");
    let Ok(text) = std::fs::read_to_string(&reference) else {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "{} is missing, and CI=true",
            reference.display()
        );
        eprintln!(
            "skipped: no {} (the constraint list is checked against it where it exists)",
            reference.display()
        );
        return;
    };
    let numbers: Vec<u16> = text
        .lines()
        .filter_map(|l| {
            let (n, rest) = l.split_once(". **")?;
            (!rest.is_empty()).then(|| n.parse().ok())?
        })
        .collect();
    let data: Vec<u16> = constraints().iter().map(|c| c.n).collect();
    assert_eq!(
        numbers, data,
        "tests/data/constraints.tsv does not follow the reference"
    );
}

/// The rule pages name the constraints each rule declares.
#[test]
fn rule_pages_name_their_constraints() {
    let mut problems = Vec::new();
    for r in BUILT_IN {
        let refs = r.section("References").unwrap_or_default();
        let line = refs
            .lines()
            .find(|l| l.starts_with("- [Constraints checked](../docs/coverage.md)"));
        match (r.constraints.is_empty(), line) {
            (true, None) => {}
            (true, Some(_)) => {
                problems.push(format!("{}: names constraints it does not declare", r.code))
            }
            (false, None) => problems.push(format!(
                "{}: References do not name its constraints",
                r.code
            )),
            (false, Some(line)) => {
                let expected = constraints_line(r.constraints);
                if line != expected {
                    problems.push(format!("{}: `{line}`, expected `{expected}`", r.code));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn constraints_line(numbers: &[u16]) -> String {
    let numbers: Vec<String> = numbers.iter().map(|n| format!("#{n}")).collect();
    format!(
        "- [Constraints checked](../docs/coverage.md): {}",
        numbers.join(", ")
    )
}

#[test]
fn coverage_page_is_fresh() {
    let fresh = render();
    if std::env::var_os("ECSLINT_UPDATE_DOCS").is_some() {
        std::fs::write(DOC, &fresh).expect("write docs/coverage.md");
        return;
    }
    let current = std::fs::read_to_string(DOC).unwrap_or_default();
    assert!(
        current == fresh,
        "{DOC} is stale: run `ECSLINT_UPDATE_DOCS=1 cargo test --test coverage`"
    );
}

fn render() -> String {
    let list = constraints();
    let declared = declared();
    let mut out = String::from("# Constraint coverage\n\n");
    out.push_str(
        "<!-- Generated from tests/data/constraints.tsv and the rules' `constraints:` by \
         `ECSLINT_UPDATE_DOCS=1 cargo test --test coverage`; do not edit by hand. -->\n\n",
    );
    out.push_str(
        "Every constraint of ecslint's reference list of ECS constraints (186 rules of the ECS \
         API, its documentation and real deployment errors, each with its source), and which \
         rule checks it, or why none does. Levels: `E` the API or SDK refuses it, `E~` AWS \
         documents it as a requirement, `W` a likely mistake, `I` informational, `X` across \
         resources.\n\n",
    );
    let mut counts: Vec<(&str, usize)> = STATUSES
        .iter()
        .map(|(s, _)| (*s, list.iter().filter(|c| c.status == *s).count()))
        .collect();
    counts.retain(|(_, n)| *n > 0);
    for (status, meaning) in STATUSES {
        let n = list.iter().filter(|c| c.status == status).count();
        if n > 0 {
            out.push_str(&format!("- `{status}` ({n}): {meaning}.\n"));
        }
    }
    out.push_str("\n| # | constraint | level | rules | status | note |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for c in &list {
        let rules = declared
            .get(&c.n)
            .map(|codes| {
                codes
                    .iter()
                    .map(|code| {
                        let rule = BUILT_IN.iter().find(|r| r.code == *code).expect("a rule");
                        format!("[{code}](../rules/{code}-{}.md)", rule.name)
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            c.n,
            cell(&c.title),
            c.level,
            rules,
            c.status,
            cell(&c.note)
        ));
    }
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
