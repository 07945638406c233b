//! `--format sarif`: SARIF 2.1.0 with rule metadata, regions from real spans, related
//! locations for secondary labels, and partial fingerprints that survive unrelated edits
//! (rule + file + resource + JSON pointer, never the line number).

use serde_json::{json, Value};

use super::region;
use crate::checks::RULES;
use crate::engine::Outcome;
use crate::rule::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn render(outcome: &Outcome) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let mut rule = json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary() },
                "fullDescription": { "text": r.section("What it does").unwrap_or_default() },
                "help": { "text": r.summary(), "markdown": r.docs },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": [r.category.as_str()] },
            });
            if let Some(uri) = r.help_uri() {
                rule["helpUri"] = json!(uri);
            }
            rule
        })
        .collect();
    let results: Vec<Value> = outcome
        .findings
        .iter()
        .map(|f| {
            let file = &outcome.files[f.file];
            let related: Vec<Value> = f
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut loc = location(&outcome.files[l.file].display, region(&outcome.files[l.file], l.span));
                    loc["id"] = json!(i + 1);
                    loc["message"] = json!({ "text": l.message });
                    loc
                })
                .collect();
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str(&format!(" (help: {help})"));
            }
            let mut result = json!({
                "ruleId": f.rule.code,
                "ruleIndex": RULES.iter().position(|r| r.code == f.rule.code).unwrap_or(0),
                "level": level(f.severity),
                "message": { "text": message },
                "locations": [location(&file.display, region(file, f.span))],
                "partialFingerprints": {
                    "ecslint/v1": fingerprint(&[f.rule.code, &file.display, f.resource.as_deref().unwrap_or(""), &f.pointer]),
                },
            });
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "ecslint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn location(path: &str, r: super::Region) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(path), "uriBaseId": "%SRCROOT%" },
            "region": {
                "startLine": r.line,
                "startColumn": r.column,
                "endLine": r.end_line,
                "endColumn": r.end_column,
            },
        },
    })
}

/// A relative path as a URI reference: `/` separators, reserved and non-ASCII bytes escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// FNV-1a, 64 bit: stable across runs, platforms and versions (unlike std's hasher).
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_escaped() {
        assert_eq!(uri("a b/c\u{e9}.json"), "a%20b/c%C3%A9.json");
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(
            fingerprint(&["ECS201", "a.json", "", "/x"]),
            fingerprint(&["ECS201", "a.json", "", "/x"])
        );
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
    }
}
