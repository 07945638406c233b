//! `--format junit`: JUnit XML, one test suite per linted file and one failing test case per
//! finding (a clean file is one passing case), for CI systems that show test reports.

use super::{counts, region};
use crate::engine::Outcome;

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

pub fn render(outcome: &Outcome) -> String {
    let total = counts(&outcome.findings);
    let failures = total.errors + total.warnings + total.infos;
    let mut suites = String::new();
    let mut cases_total = 0;
    for (id, (file, status)) in outcome.files.iter().zip(&outcome.statuses).enumerate() {
        if !status.linted() {
            continue;
        }
        let findings: Vec<_> = outcome.findings.iter().filter(|f| f.file == id).collect();
        let name = xml(&file.display);
        let mut cases = String::new();
        for f in &findings {
            let r = region(file, f.span);
            let mut body = format!("{}:{}:{}: {}", file.display, r.line, r.column, f.message);
            if let Some(help) = &f.help {
                body.push_str(&format!("\nhelp: {help}"));
            }
            cases.push_str(&format!(
                "    <testcase name=\"{} {} ({}:{})\" classname=\"{name}\" file=\"{name}\" line=\"{}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                f.rule.code,
                f.rule.name,
                r.line,
                r.column,
                r.line,
                f.severity.as_str(),
                xml(&f.message),
                xml(&body),
            ));
        }
        let tests = findings.len().max(1);
        if findings.is_empty() {
            cases.push_str(&format!(
                "    <testcase name=\"ecslint\" classname=\"{name}\" file=\"{name}\"/>\n"
            ));
        }
        cases_total += tests;
        suites.push_str(&format!(
            "  <testsuite name=\"{name}\" tests=\"{tests}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n{cases}  </testsuite>\n",
            findings.len()
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ecslint\" tests=\"{cases_total}\" failures=\"{failures}\" errors=\"0\">\n{suites}</testsuites>\n"
    )
}
